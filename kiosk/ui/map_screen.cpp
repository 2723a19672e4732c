// The floor plan: one level at a time, turned so the visitor's forward is up, with rooms, stands,
// points of interest and "you are here". Drag pans (with inertia), buttons and double-tap zoom;
// tapping a stand shows its exhibitor, a room what is on there now and next, a point of interest its
// name, each with "Route". A route is drawn level by level with its steps, distance and walking time.
// Other screens ask for a route through Settings::route_request ("stand:B12", "room:…", "poi:…").
#include "core/schedule.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/map_route.h"
#include "ui/map_view.h"
#include "ui/screen.h"
#include "ui/text_fit.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kRouteGrowS = 1.2f; // the route line draws itself along the way in this time

const char* selKind(const std::string& sel) {
    if (sel.rfind("stand:", 0) == 0) return "stand";
    if (sel.rfind("room:", 0) == 0) return "room";
    if (sel.rfind("poi:", 0) == 0) return "poi";
    return "";
}
std::string selId(const std::string& sel) {
    const size_t p = sel.find(':');
    return p == std::string::npos ? std::string() : sel.substr(p + 1);
}

std::vector<const Level*> sortedLevels(const Model& m) {
    std::vector<const Level*> out;
    for (const Level& l : m.levels) out.push_back(&l);
    std::stable_sort(out.begin(), out.end(), [](const Level* a, const Level* b) { return a->floor < b->floor; });
    return out;
}

ImU32 roomFill(const Palette& p, RoomKind k) {
    switch (k) {
    case RoomKind::Hall: return p.map_hall;
    case RoomKind::Stage: return p.map_stage;
    case RoomKind::Lounge: return p.map_stage;
    case RoomKind::Service: return p.map_service;
    default: return p.map_room;
    }
}

ImU32 withAlpha(ImU32 col, float a) {
    return (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * 255.0f) << IM_COL32_A_SHIFT);
}

std::vector<ImVec2> toScreen(const PlanTransform& v, const std::vector<Vec2>& poly) {
    std::vector<ImVec2> out;
    out.reserve(poly.size());
    for (const Vec2& p : poly) out.push_back(v(p));
    return out;
}

Vec2 polyCentre(const Polygon& p) {
    double sx = 0, sy = 0;
    for (const Vec2& q : p) sx += q.x, sy += q.y;
    return p.empty() ? Vec2{} : Vec2{sx / p.size(), sy / p.size()};
}

const char* connectorIcon(ConnectorType t) {
    switch (t) {
    case ConnectorType::Lift: return icon::Lift;
    case ConnectorType::Stairs: return icon::Stairs;
    case ConnectorType::Escalator: return icon::Stairs;
    }
    return icon::Stairs;
}

// Where an item of the plan is: its level and a point to centre on.
bool locate(const Model& m, const std::string& item, std::string* level, Vec2* at) {
    const std::string k = selKind(item), id = selId(item);
    if (k == std::string("stand")) {
        const Stand* s = m.stand(id);
        if (!s) return false;
        *level = s->level;
        *at = s->shape.empty() ? s->front : polyCentre(s->shape);
        return true;
    }
    if (k == std::string("room")) {
        const Room* r = m.room(id);
        if (!r) return false;
        *level = r->level;
        *at = polyCentre(r->shape);
        return true;
    }
    if (k == std::string("poi")) {
        const Poi* p = m.poi(id);
        if (!p) return false;
        *level = p->level;
        *at = p->pos;
        return true;
    }
    return false;
}

std::string itemName(const Model& m, const std::string& item, Lang lang) {
    const std::string k = selKind(item), id = selId(item);
    if (k == std::string("stand")) {
        const Exhibitor* ex = m.exhibitorAtStand(id);
        return std::string(tr(S::Stand, lang)) + " " + id + (ex ? " – " + ex->name : "");
    }
    if (k == std::string("room")) {
        const Room* r = m.room(id);
        return r ? r->name.in(lang) : id;
    }
    if (k == std::string("poi")) {
        const Poi* p = m.poi(id);
        if (!p) return id;
        return p->name.in(lang).empty() ? poiName(p->type, lang) : p->name.in(lang);
    }
    return item;
}

// Which symbol keeps its own target when symbols crowd at a zoom: what a visitor most often walks
// up to ask for first.
int poiImportance(PoiType t) {
    switch (t) {
    case PoiType::AccessibleToilet: return 9;
    case PoiType::InfoDesk: return 9;
    case PoiType::Lift: return 8;
    case PoiType::Toilet: return 7;
    case PoiType::FirstAid: return 7;
    case PoiType::Exit: return 6;
    case PoiType::Stairs: return 5;
    case PoiType::Escalator: return 4;
    case PoiType::Catering: return 4;
    case PoiType::Cloakroom: return 3;
    }
    return 0;
}

// A button in the panel's action area.
struct Action {
    std::string id;
    const char* icon;
    std::string label;
    Style style;
};

} // namespace

// [SECTION] State

struct MapScreen::State {
    std::string level;
    std::string selected; // "stand:B12", "room:saal-1", "poi:wc-eg" or ""
    MapCamera cam;
    uint64_t serial = 0;
    // Next frame, move the view to this plan point (on `level`) at this zoom.
    bool centre_pending = false;
    Vec2 centre_at;
    bool fit_leg_pending = false;
    bool jump_pending = false; // no animation for the next view change (a new visit)
    ScrollState panel_scroll;
    float clock = 0; // seconds on the map, drives the route animation

    // The route shown, if any; kept until the visitor leaves the map.
    Wayfinder finder;
    bool has_route = false;
    std::string route_item;
    bool step_free = false;
    WalkRoute route;
    int leg = 0;              // the leg shown (level by level)
    float leg_since = 0;      // clock when the leg appeared
    const Model* route_model = nullptr;
    std::string route_version;

    void clearRoute() {
        has_route = false;
        route_item.clear();
        route = WalkRoute{};
        leg = 0;
        route_model = nullptr;
    }
    void resetView() {
        cam.reset();
        centre_pending = fit_leg_pending = false;
        jump_pending = true;
    }
};

MapScreen::MapScreen() : st_(std::make_unique<State>()) {}
MapScreen::~MapScreen() = default;

std::string MapScreen::title(const Ctx& c) const { return c.t(S::Map); }

void MapScreen::reset() {
    State& s = *st_;
    s.level.clear();
    s.selected.clear();
    s.serial = 0;
    s.panel_scroll = ScrollState{};
    s.clearRoute();
    s.resetView();
}

void MapScreen::draw(Ctx& c) {
    State& s = *st_;
    const Model& m = c.model;
    const Theme& th = c.th;
    const Palette& pal = th.c;
    const Kiosk* kiosk = m.kiosk(c.kiosk_id);
    if (!kiosk && !m.kiosks.empty() && c.kiosk_id.empty()) kiosk = &m.kiosks.front();
    const bool reduced = c.settings.reduced_motion;
    s.clock += std::min(c.dt, 0.1f);
    const auto levels = sortedLevels(m);

    auto focus = [&](const std::string& item, bool animate) {
        std::string level;
        Vec2 at;
        if (!locate(m, item, &level, &at)) return;
        if (level != s.level) {
            s.level = level;
            s.cam.reset();
            animate = false;
        }
        s.selected = item;
        s.cam.zoom = std::max(s.cam.zoom, 2.0f);
        s.centre_pending = true;
        s.centre_at = at;
        if (!animate) s.jump_pending = true;
        s.panel_scroll = ScrollState{};
    };
    auto showLeg = [&](int leg) {
        if (!s.has_route || s.route.legs.empty()) return;
        s.leg = std::clamp(leg, 0, static_cast<int>(s.route.legs.size()) - 1);
        s.leg_since = s.clock;
        const std::string& l = s.route.legs[static_cast<size_t>(s.leg)].level;
        if (l != s.level) {
            s.level = l;
            s.cam.reset();
            s.jump_pending = true;
        }
        s.fit_leg_pending = true;
        s.centre_pending = false;
    };
    auto computeRoute = [&]() {
        s.route = s.finder.route(m, kiosk ? kiosk->id : c.kiosk_id, s.route_item, s.step_free);
        s.route_model = &m;
        s.route_version = m.content_version;
    };
    auto startRoute = [&](const std::string& item, bool step_free) {
        s.has_route = true;
        s.route_item = item;
        s.step_free = step_free;
        computeRoute();
        s.panel_scroll = ScrollState{};
        if (s.route.ok) showLeg(0);
    };

    auto chooseLevel = [&](const Level* l) {
        if (s.level == l->id) return;
        s.level = l->id;
        std::string sel_level;
        Vec2 sel_at;
        if (!s.has_route && locate(m, s.selected, &sel_level, &sel_at) && sel_level != l->id) s.selected.clear();
        s.cam.reset();
        s.centre_pending = s.fit_leg_pending = false;
        s.jump_pending = true;
        // Following a route by hand: the part on that level becomes the one shown.
        if (s.has_route && s.route.ok)
            for (size_t i = 0; i < s.route.legs.size(); ++i)
                if (s.route.legs[i].level == l->id) {
                    showLeg(static_cast<int>(i));
                    break;
                }
    };

    // [SECTION] Arrivals, requests, reloads
    NavEntry& nav = c.nav.route();
    if (nav.serial != s.serial) {
        // A new visit (not Back from a detail opened here): start clean, then show what was asked for.
        s.serial = nav.serial;
        s.clearRoute();
        s.selected.clear();
        s.level.clear();
        s.resetView();
        s.panel_scroll = ScrollState{};
        if (!nav.item.empty()) focus(nav.item, false);
    }
    if (!c.settings.route_request.empty()) {
        const std::string item = c.settings.route_request;
        c.settings.route_request.clear();
        if (isRouteItem(item)) {
            focus(item, false);
            startRoute(item, c.settings.low_reach);
        }
    }
    if (s.has_route && (s.route_model != &m || s.route_version != m.content_version)) {
        // New content: the same way again on the new plan, if the place still exists.
        std::string l;
        Vec2 at;
        if (locate(m, s.route_item, &l, &at)) {
            const int leg = s.leg;
            computeRoute();
            if (s.route.ok) {
                s.leg = std::clamp(leg, 0, static_cast<int>(s.route.legs.size()) - 1);
                s.level = s.route.legs[static_cast<size_t>(s.leg)].level;
            }
        } else {
            s.clearRoute();
        }
    }
    if (!m.level(s.level)) {
        s.level = kiosk && m.level(kiosk->level) ? kiosk->level : (levels.empty() ? "" : levels.front()->id);
        s.resetView();
    }
    {
        std::string l;
        Vec2 at;
        if (!s.selected.empty() && !locate(m, s.selected, &l, &at)) s.selected.clear(); // gone in a reload
    }
    const Level* level = m.level(s.level);

    // [SECTION] Layout: map and side panel (landscape) or map over panel (portrait).
    // Low reach with a tight mounting (a third of the screen or less in reach) leaves a strip so low that
    // a plan with its buttons underneath keeps a sliver to tap into: there the plan takes the strip's
    // whole height and the level switch and zoom buttons stand in a column beside it.
    const bool strip = c.settings.low_reach && c.h() - th.u(6) - th.min_target - th.u(3) < th.u(36);
    const float gap = strip ? th.u(1) : th.u(3);
    ImVec2 map_a, map_b, pan_a, pan_b;
    // By the shape of the area, not of the display: low reach on a portrait screen leaves a wide strip,
    // where plan and panel side by side keep both usable.
    if (strip || !c.portrait || c.h() < c.w() * 0.75f) {
        const float panel_w = std::clamp(c.w() * 0.3f, th.u(strip ? 45 : 55), th.u(80));
        map_a = ImVec2(c.min.x + gap, c.min.y + gap);
        map_b = ImVec2(c.max.x - panel_w - gap * 2, c.max.y - gap);
        pan_a = ImVec2(c.max.x - panel_w - gap, c.min.y + gap);
        pan_b = ImVec2(c.max.x - gap, c.max.y - gap);
    } else {
        // Larger text needs a taller panel for the same steps; the plan keeps at least half.
        const float share = th.text_scale > 1.2f ? 0.5f : 0.4f;
        const float panel_h = std::min(std::max(c.h() * share, th.u(50)), c.h() * 0.5f);
        map_a = ImVec2(c.min.x + gap, c.min.y + gap);
        map_b = ImVec2(c.max.x - gap, c.max.y - panel_h - gap * 2);
        pan_a = ImVec2(c.min.x + gap, c.max.y - panel_h - gap);
        pan_b = ImVec2(c.max.x - gap, c.max.y - gap);
    }
    // The column beside the plan (strip layout): the level switch (highest floor on top, like a lift
    // panel) next to the zoom buttons, each column standing on the strip's bottom edge. Buttons keep the
    // usual finger size while three fit above each other, else shrink towards the least one.
    struct SideButton {
        std::string id;
        const char* icon;
        std::string label;
        const Level* level; // null for the zoom buttons
        ImVec2 a, b;
    };
    std::vector<SideButton> side;
    if (strip) {
        const float h = map_b.y - map_a.y, g = th.u(1);
        std::vector<SideButton> all;
        for (auto it = levels.rbegin(); levels.size() > 1 && it != levels.rend(); ++it)
            all.push_back({"level." + (*it)->id, nullptr, (*it)->name.in(c.lang()), *it, {}, {}});
        const size_t n_levels = all.size();
        all.push_back({"map.zoom-in", icon::ZoomIn, c.t(S::ZoomIn), nullptr, {}, {}});
        all.push_back({"map.zoom-out", icon::ZoomOut, c.t(S::ZoomOut), nullptr, {}, {}});
        all.push_back({"map.reset", icon::Expand, c.t(S::ResetView), nullptr, {}, {}});
        // Columns of buttons `bh` tall: the levels first, the zoom buttons in their own column unless
        // all fit into one. Returns the columns' total width.
        auto arrange = [&](float bh, bool place) {
            const size_t rows = static_cast<size_t>(std::max(1.0f, std::floor((h + g) / (bh + g))));
            std::vector<std::vector<SideButton*>> cols(1);
            for (size_t i = 0; i < all.size(); ++i) {
                const bool new_col = cols.back().size() == rows ||
                                     (i == n_levels && i > 0 && all.size() > rows && cols.back().size() + 3 > rows);
                if (new_col) cols.emplace_back();
                cols.back().push_back(&all[i]);
            }
            float x = map_b.x, total = 0;
            for (auto col = cols.rbegin(); col != cols.rend(); ++col) {
                float w = 0;
                for (const SideButton* sb : *col) w = std::max(w, buttonWidth(c, sb->icon, sb->label, th.caption));
                float y = map_b.y - (col->size() * (bh + g) - g);
                for (SideButton* sb : *col) {
                    if (place) {
                        sb->a = ImVec2(x - w, y);
                        sb->b = ImVec2(x, y + bh);
                    }
                    y += bh + g;
                }
                x -= w + g;
                total += w + g;
            }
            return total;
        };
        // The tallest buttons that leave the plan a good width; else those that leave it the most.
        float best_h = th.min_touch, best_w = FLT_MAX;
        for (float bh : {th.min_target, th.u(8), th.u(7), th.min_touch}) {
            if (bh * std::min<size_t>(3, all.size()) + g * 2 > h && bh > th.min_touch) continue;
            const float w = arrange(bh, false);
            if (map_b.x - map_a.x - w >= th.u(60)) {
                best_h = bh;
                best_w = w;
                break;
            }
            if (w < best_w - 0.5f) best_h = bh, best_w = w;
        }
        arrange(best_h, true);
        side = all;
        map_b.x -= best_w + th.u(0.5f);
    }
    const ImVec2 map_c((map_a.x + map_b.x) * 0.5f, (map_a.y + map_b.y) * 0.5f);
    const ImVec2 map_size(map_b.x - map_a.x, map_b.y - map_a.y);
    // A short panel (low reach with little of the screen in reach) drops its title first; if the level
    // switch and the actions still do not fit above each other, the level switch moves into the plan's
    // lower corner beside the zoom buttons and the actions shrink to the least finger size.
    bool show_title = th.text_scale <= 1.2f, levels_in_plan = false, compact = false;
    {
        const float pw = pan_b.x - pan_a.x - th.u(6);
        int level_rows = 0;
        if (levels.size() > 1 && !strip) {
            float lx = 0;
            level_rows = 1;
            for (const Level* l : levels) {
                const float bw = std::min(pw, buttonWidth(c, nullptr, l->name.in(c.lang()), th.strong));
                if (lx > 0 && lx + bw > pw + 1) {
                    ++level_rows;
                    lx = 0;
                }
                lx += bw + th.u(1.5f);
            }
        }
        const float levels_h = level_rows ? th.caption->FontSize + th.u(1) + level_rows * (th.min_target + th.u(1.5f)) +
                                                th.u(0.5f)
                                          : 0;
        const float actions_h = 2 * (th.min_target + th.u(1.5f));
        const float fixed = th.u(3) + th.u(1) + th.u(6) + actions_h + th.u(3); // padding, divider, some body
        const float title_h = th.heading->FontSize + th.u(2);
        const float avail = pan_b.y - pan_a.y;
        if (show_title && fixed + title_h + levels_h > avail) show_title = false;
        if (fixed + levels_h > avail && level_rows) levels_in_plan = compact = true;
        if (strip && fixed > avail) compact = true;
    }
    const float action_h = compact ? th.u(7) : th.min_target; // u(7): 56 px at 1080p, above min_touch

    // [SECTION] The view
    const float rotation = planRotationDeg(kiosk);
    static const Polygon kNoOutline{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const Polygon& outline = level && level->outline.size() >= 3 ? level->outline : kNoOutline;
    const float margin = strip ? th.u(1.5f) : th.u(4);
    // With larger text the zoom buttons grow: the whole level fits above them, so "you are here" and
    // the labels near the lower edge are not hidden behind the buttons.
    const float fit_bottom =
        th.text_scale > 1.0f && !strip ? map_b.y - th.min_target - th.u(2) - th.strong->FontSize - th.u(2) : map_b.y;
    ImVec2 fitted;
    auto transformAt = [&](float zoom, ImVec2 pan) {
        return planTransform(outline, rotation, map_a, ImVec2(map_b.x, fit_bottom), zoom, pan, margin, &fitted);
    };
    PlanTransform v = transformAt(s.cam.shown_zoom, s.cam.shown_pan);
    const float fit = v.scale / s.cam.shown_zoom; // px per metre at zoom 1

    // Input: drag pans (a flick carries on), double tap zooms in on the spot.
    const std::string region = "map.canvas";
    c.touch.dragRegion(region, map_a, map_b);
    ImVec2 fling;
    if (c.touch.dragging(region)) {
        s.cam.dragBy(c.touch.dragDelta(region));
        s.centre_pending = s.fit_leg_pending = false;
        c.animating = true;
    } else if (c.touch.released(region, &fling)) {
        if (!reduced) s.cam.fling(fling);
    }
    ImVec2 dt_at;
    // Two quick taps on a zoom button are two button taps, not a double tap on the plan.
    const std::string tapped = c.touch.tappedId();
    const bool on_plan = tapped.empty() || tapped.rfind("stand.", 0) == 0 || tapped.rfind("room.", 0) == 0 ||
                         tapped.rfind("poi.", 0) == 0;
    if (on_plan && c.touch.doubleTapped(region, &dt_at)) {
        s.cam.zoomTo(ImVec2(dt_at.x - map_c.x, dt_at.y - map_c.y), 2.0f);
        s.centre_pending = s.fit_leg_pending = false;
    }
    // Views asked for by a selection or a route leg: computed now that the map's size is known.
    if (s.centre_pending) {
        // A stand asked for from elsewhere (search, "show on map") comes into view large enough to tap.
        if (const Stand* st = selKind(s.selected) == std::string("stand") ? m.stand(selId(s.selected)) : nullptr) {
            ImVec2 mn(FLT_MAX, FLT_MAX), mx(-FLT_MAX, -FLT_MAX);
            for (const Vec2& p : st->shape) {
                const ImVec2 r = v.rotate(p);
                mn = ImVec2(std::min(mn.x, r.x), std::min(mn.y, r.y));
                mx = ImVec2(std::max(mx.x, r.x), std::max(mx.y, r.y));
            }
            const float side = std::min(mx.x - mn.x, mx.y - mn.y) * fit;
            if (side > 0) s.cam.zoom = std::clamp(std::max(s.cam.zoom, th.min_target / side), kMinZoom, kMaxZoom);
        }
        const ImVec2 r = v.rotate(s.centre_at);
        s.cam.pan = ImVec2(-(r.x - v.rc.x) * fit * s.cam.zoom, -(r.y - v.rc.y) * fit * s.cam.zoom);
        // A place near the level's edge is shown off-centre rather than with empty floor beyond the
        // edge: where the level is larger than the view, the view stays on the level.
        auto keepOnLevel = [&](float pan, float level_px, float view_px) {
            const float room = std::max(0.0f, (level_px + margin * 2 - view_px) * 0.5f);
            return std::clamp(pan, -room, room);
        };
        s.cam.pan = ImVec2(keepOnLevel(s.cam.pan.x, fitted.x * s.cam.zoom, map_size.x),
                           keepOnLevel(s.cam.pan.y, fitted.y * s.cam.zoom, map_size.y));
        s.cam.velocity = ImVec2(0, 0);
        s.centre_pending = false;
    }
    if (s.fit_leg_pending && s.has_route && s.route.ok && s.leg < static_cast<int>(s.route.legs.size())) {
        const WalkLeg& leg = s.route.legs[static_cast<size_t>(s.leg)];
        ImVec2 mn(FLT_MAX, FLT_MAX), mx(-FLT_MAX, -FLT_MAX);
        for (const Vec2& p : leg.points) {
            const ImVec2 r = v.rotate(p);
            mn = ImVec2(std::min(mn.x, r.x), std::min(mn.y, r.y));
            mx = ImVec2(std::max(mx.x, r.x), std::max(mx.y, r.y));
        }
        if (!leg.points.empty()) {
            // The whole leg in view with room for its markers and labels; not so close that the
            // surroundings a visitor recognises leave the screen.
            const float need_w = std::max(8.0f, mx.x - mn.x) * fit, need_h = std::max(8.0f, mx.y - mn.y) * fit;
            const float z = std::clamp(std::min((map_size.x - th.u(28)) / need_w, (map_size.y - th.u(28)) / need_h),
                                       kMinZoom, 2.5f);
            s.cam.zoom = z;
            const ImVec2 mid((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f);
            s.cam.pan = ImVec2(-(mid.x - v.rc.x) * fit * z, -(mid.y - v.rc.y) * fit * z);
            s.cam.velocity = ImVec2(0, 0);
        }
        s.fit_leg_pending = false;
    }
    s.cam.clamp(fitted, map_size);
    if (s.jump_pending || reduced) {
        s.cam.jump();
        s.jump_pending = false;
    }
    if (s.cam.step(c.dt, reduced)) c.animating = true;
    s.cam.clamp(fitted, map_size);
    v = transformAt(s.cam.shown_zoom, s.cam.shown_pan);

    // [SECTION] Drawing the plan
    ImDrawList* dl = c.dl;
    dl->AddRectFilled(map_a, map_b, pal.map_bg, th.radius);
    if (th.contrast) dl->AddRect(map_a, map_b, pal.border, th.radius, 0, 2);
    dl->PushClipRect(map_a, map_b, true);
    // The zoom buttons stand in the plan's lower corner: the plan takes no touches in their rows, so
    // no room, stand or symbol lies under a button (it shows there; a drag brings it up).
    const float zoom_bw[3] = {buttonWidth(c, icon::Expand, c.t(S::ResetView), th.caption),
                              buttonWidth(c, icon::ZoomOut, c.t(S::ZoomOut), th.caption),
                              buttonWidth(c, icon::ZoomIn, c.t(S::ZoomIn), th.caption)};
    const bool zoom_one_row = zoom_bw[0] + zoom_bw[1] + zoom_bw[2] + th.u(7) <= map_size.x;
    int zoom_rows = 1;
    float zoom_x = map_b.x - th.u(2);
    for (float bw : zoom_bw) { // as the buttons are placed below
        if (!zoom_one_row && zoom_x - bw < map_a.x + th.u(2)) {
            ++zoom_rows;
            zoom_x = map_b.x - th.u(2);
        }
        zoom_x -= bw + th.u(1.5f);
    }
    float plan_levels_w = 0; // the level switch in the plan's lower left corner
    if (levels_in_plan)
        for (const Level* l : levels) plan_levels_w += buttonWidth(c, nullptr, l->name.in(c.lang()), th.strong) + th.u(1.5f);
    const bool levels_share_row =
        zoom_one_row && zoom_bw[0] + zoom_bw[1] + zoom_bw[2] + th.u(3) + th.u(3) + plan_levels_w <= map_size.x - th.u(2);
    const int plan_rows = strip ? 0 : zoom_rows + (levels_in_plan && !levels_share_row ? 1 : 0);
    const float zoom_top =
        strip ? map_b.y + th.u(0.5f) : map_b.y - th.u(2) - plan_rows * th.min_target - (plan_rows - 1) * th.u(1.5f);
    c.touch.pushClip(map_a, ImVec2(map_b.x, zoom_top - th.u(0.5f)));
    const float line = std::max(1.0f, th.scale * 1.5f);
    const float pad = th.u(0.5f);
    LabelPlacer labels;
    ImFont* lf = th.caption;
    const float lh = lf->FontSize;
    // A label centred on a point, if it fits into `room_w` × `room_h` (pass 0 to skip the check).
    auto centredLabel = [&](const std::string& s_, ImVec2 at, ImU32 col, int prio, ImU32 backing = 0, int group = 0) {
        const float w = textWidth(lf, s_);
        MapLabel l;
        l.priority = prio;
        l.font = lf;
        l.text = s_;
        l.colour = col;
        l.backing = backing;
        l.group = group;
        l.text_pos = ImVec2(std::floor(at.x - w * 0.5f), std::floor(at.y - lh * 0.5f));
        const float bp = backing ? th.u(0.75f) : pad * 0.5f;
        l.min = ImVec2(l.text_pos.x - bp, l.text_pos.y - bp * 0.5f);
        l.max = ImVec2(l.text_pos.x + w + bp, l.text_pos.y + lh + bp * 0.5f);
        labels.add(std::move(l));
    };

    // [SECTION] Which parts of the plan are their own touch target at this zoom
    // A stand or symbol smaller than a finger, or crowding a neighbour, is not a target of its own:
    // the plan under it is ("zoom in here"), so one or two taps bring it to finger size. Symbols that
    // crowd give way to the more important one and show again after a zoom step.
    const ImVec2 clip_a = map_a, clip_b(map_b.x, zoom_top - th.u(0.5f));
    const float least = th.min_touch;
    const bool axis_aligned = std::fabs(std::sin(2 * rotation * kPi / 180.0f)) < 0.02f;
    const float poi_r = th.u(2.25f); // an icon, not text: the same size at every text scale
    const float poi_hit = std::max(poi_r, th.min_touch * 0.5f);
    auto visiblePart = [&](ImVec2 mn, ImVec2 mx, ImVec2* a, ImVec2* b) {
        *a = ImVec2(std::max(mn.x, clip_a.x), std::max(mn.y, clip_a.y));
        *b = ImVec2(std::min(mx.x, clip_b.x), std::min(mx.y, clip_b.y));
        return a->x < b->x && a->y < b->y;
    };
    struct StandView {
        const Stand* stand = nullptr;
        std::vector<ImVec2> pts;
        ImVec2 mn, mx;   // screen bounds
        ImVec2 ta, tb;   // the box a target would take
        bool target = false;
    };
    struct PoiView {
        const Poi* poi = nullptr;
        ImVec2 at;
        bool shown = false; // drawn and a target
    };
    std::vector<StandView> stand_views;
    std::vector<PoiView> poi_views;
    std::vector<PlanCandidate> cands;
    std::vector<bool> cand_seen; // the candidate lies in view
    for (const Poi& p : m.pois) {
        if (p.level != s.level) continue;
        PoiView pv;
        pv.poi = &p;
        pv.at = v(p.pos);
        const bool sel = s.selected == "poi:" + p.id;
        PlanCandidate pc{ImVec2(pv.at.x - poi_hit, pv.at.y - poi_hit), ImVec2(pv.at.x + poi_hit, pv.at.y + poi_hit),
                         sel ? 1000 : 100 + poiImportance(p.type)};
        ImVec2 va, vb;
        const bool seen = visiblePart(pc.min, pc.max, &va, &vb);
        if (seen) pc.min = va, pc.max = vb;
        cands.push_back(pc);
        cand_seen.push_back(seen);
        poi_views.push_back(std::move(pv));
    }
    for (const Stand& st : m.stands) {
        if (st.level != s.level || st.shape.size() < 3) continue;
        StandView sv;
        sv.stand = &st;
        sv.pts = toScreen(v, st.shape);
        screenBounds(sv.pts, &sv.mn, &sv.mx);
        sv.ta = sv.mn;
        sv.tb = sv.mx;
        if (!axis_aligned) {
            // A turned stand's box covers its neighbours' corners: the target is the square that lies
            // inside the stand around its middle.
            float shortest = FLT_MAX;
            for (size_t i = 0; i < sv.pts.size(); ++i) {
                const ImVec2 a = sv.pts[i], b = sv.pts[(i + 1) % sv.pts.size()];
                shortest = std::min(shortest, std::hypot(b.x - a.x, b.y - a.y));
            }
            const float rad = rotation * kPi / 180.0f;
            const float half = shortest / (std::fabs(std::cos(rad)) + std::fabs(std::sin(rad))) * 0.5f;
            const ImVec2 cen((sv.mn.x + sv.mx.x) * 0.5f, (sv.mn.y + sv.mx.y) * 0.5f);
            sv.ta = ImVec2(cen.x - half, cen.y - half);
            sv.tb = ImVec2(cen.x + half, cen.y + half);
        }
        PlanCandidate pc{sv.ta, sv.tb, s.selected == "stand:" + st.id ? 1000 : 10};
        ImVec2 va, vb;
        const bool seen = visiblePart(pc.min, pc.max, &va, &vb);
        // A stand smaller than a finger stays small however much of it shows.
        const bool small = sv.tb.x - sv.ta.x < least || sv.tb.y - sv.ta.y < least;
        if (seen && !small) pc.min = va, pc.max = vb;
        cands.push_back(pc);
        cand_seen.push_back(seen);
        stand_views.push_back(std::move(sv));
    }
    const std::vector<bool> accepted = acceptPlanTargets(cands, least);
    bool needs_zoom = false; // something in view is reached only by zooming in
    for (size_t i = 0; i < poi_views.size(); ++i) {
        poi_views[i].shown = accepted[i] || !cand_seen[i];
        if (cand_seen[i] && !accepted[i]) needs_zoom = true;
    }
    for (size_t i = 0; i < stand_views.size(); ++i) {
        const size_t ci = poi_views.size() + i;
        stand_views[i].target = accepted[ci];
        if (cand_seen[ci] && !accepted[ci]) needs_zoom = true;
    }
    // A room takes touches where no stand too small for a finger lies on it (a hall at "whole level"
    // is a place to zoom into, not a place to select).
    auto roomIsTarget = [&](const std::vector<ImVec2>& pts, ImVec2 mn, ImVec2 mx) {
        if (mx.x - mn.x < least || mx.y - mn.y < least) return false;
        for (const StandView& sv : stand_views)
            if (!sv.target && pointInPolygon(pts, ImVec2((sv.mn.x + sv.mx.x) * 0.5f, (sv.mn.y + sv.mx.y) * 0.5f)))
                return false;
        return true;
    };
    for (const Room& r : m.rooms) {
        if (r.level != s.level || r.shape.size() < 3) continue;
        const auto pts = toScreen(v, r.shape);
        ImVec2 mn, mx, va, vb;
        screenBounds(pts, &mn, &mx);
        if (visiblePart(mn, mx, &va, &vb) && !roomIsTarget(pts, mn, mx)) needs_zoom = true;
    }
    needs_zoom = needs_zoom && s.cam.zoom < kMaxZoom * 0.99f;
    // Under everything else: the plan itself, where a tap zooms in around the finger.
    if (needs_zoom && clip_b.y - clip_a.y >= least && c.touch.target("map.plan", c.t(S::MapZoomHere), clip_a, clip_b)) {
        const ImVec2 at = c.touch.position();
        s.cam.zoomTo(ImVec2(at.x - map_c.x, at.y - map_c.y), 2.0f);
        s.centre_pending = s.fit_leg_pending = false;
    }

    bool has_background = false;
    if (level && level->outline.size() >= 3) {
        const auto pts = toScreen(v, level->outline);
        fillPolygon(dl, pts, pal.map_floor);
        // The staff's plan drawing, placed by its scale and origin, under the vector geometry.
        if (!level->background.empty() && level->background_scale > 0) {
            const ImageView img = c.images.get(level->background);
            int iw = img.width, ih = img.height;
            c.images.getInfo(level->background, &iw, &ih);
            if (img.texture && iw > 0 && ih > 0) {
                const double w = iw / level->background_scale, h = ih / level->background_scale;
                const Vec2 o = level->background_origin;
                dl->AddImageQuad(img.texture, v(o), v(Vec2{o.x + w, o.y}), v(Vec2{o.x + w, o.y + h}), v(Vec2{o.x, o.y + h}),
                                 ImVec2(0, 0), ImVec2(1, 0), ImVec2(1, 1), ImVec2(0, 1));
                has_background = true;
            }
        }
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), pal.map_floor_line, ImDrawFlags_Closed, line * 2);
    }
    // Over a drawing, areas are tinted rather than painted, so the drawing shows through.
    const float area_alpha = has_background ? 0.55f : 1.0f;
    for (const Obstacle& o : m.obstacles) {
        if (o.level != s.level || o.shape.size() < 3) continue;
        fillPolygon(dl, toScreen(v, o.shape), withAlpha(pal.map_floor_line, 0.25f));
    }
    for (const Room& r : m.rooms) {
        if (r.level != s.level || r.shape.size() < 3) continue;
        const auto pts = toScreen(v, r.shape);
        const bool sel = s.selected == "room:" + r.id;
        ImVec2 mn, mx;
        screenBounds(pts, &mn, &mx);
        if (roomIsTarget(pts, mn, mx) && c.touch.target("room." + r.id, r.name.in(c.lang()), mn, mx, &pts)) {
            s.selected = "room:" + r.id;
            s.panel_scroll = ScrollState{};
        }
        fillPolygon(dl, pts, withAlpha(sel ? pal.accent_soft : roomFill(pal, r.kind), area_alpha));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), sel ? pal.map_selected : pal.map_room_line,
                        ImDrawFlags_Closed, sel ? line * 3 : line);
        // Names: halls at their top edge (stands fill them), other rooms in the middle.
        const std::string name = r.name.in(c.lang());
        const float w = textWidth(lf, name);
        if (w <= mx.x - mn.x - th.u(2) && mx.y - mn.y >= lh * 1.5f) {
            const Vec2 cen = polyCentre(r.shape);
            ImVec2 at = v(cen);
            bool fits = pointInPolygon(pts, at);
            if (r.kind == RoomKind::Hall) {
                // A hall's name never lies on its stands: inside its top edge where that is free, else
                // just outside it, else not at this zoom.
                auto onStand = [&](ImVec2 p) {
                    const ImVec2 a(p.x - w * 0.5f - th.u(1), p.y - lh * 0.5f - th.u(0.5f)),
                        b(p.x + w * 0.5f + th.u(1), p.y + lh * 0.5f + th.u(0.5f));
                    for (const StandView& sv : stand_views)
                        if (sv.mn.x < b.x && sv.mx.x > a.x && sv.mn.y < b.y && sv.mx.y > a.y) return true;
                    return false;
                };
                at = ImVec2((mn.x + mx.x) * 0.5f, mn.y + th.u(1) + lh * 0.5f);
                if (onStand(at)) at.y = mn.y - th.u(1) - lh * 0.5f;
                fits = !onStand(at) && at.y - lh * 0.5f > map_a.y;
            }
            if (fits) centredLabel(name, at, sel ? pal.text : pal.text_muted, sel ? 90 : (r.kind == RoomKind::Hall ? 55 : 50));
        }
    }
    for (const Wall& w : m.walls) {
        if (w.level != s.level || w.points.size() < 2) continue;
        const auto pts = toScreen(v, w.points);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), pal.map_floor_line, 0,
                        std::max(line, static_cast<float>(w.thickness) * v.scale));
    }
    for (const StandView& sv : stand_views) {
        const Stand& st = *sv.stand;
        const auto& pts = sv.pts;
        const Exhibitor* ex = m.exhibitorAtStand(st.id);
        const bool sel = s.selected == "stand:" + st.id;
        const ImVec2 mn = sv.mn, mx = sv.mx;
        const std::string label = std::string(c.t(S::Stand)) + " " + st.id + (ex ? " – " + ex->name : "");
        const ImVec2 cen((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f);
        if (sv.target && c.touch.target("stand." + st.id, label, sv.ta, sv.tb, axis_aligned ? &pts : nullptr)) {
            s.selected = "stand:" + st.id;
            s.panel_scroll = ScrollState{};
        }
        fillPolygon(dl, pts, withAlpha(sel ? pal.map_selected : (ex ? pal.map_stand : pal.map_stand_vacant), sel ? 1.0f : area_alpha));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ex ? pal.map_stand_line : pal.map_room_line,
                        ImDrawFlags_Closed, sel ? line * 2.5f : line);
        // The space a label may use inside the stand: its box when the plan is square to the screen,
        // else the shorter side of the turned stand.
        float in_w = mx.x - mn.x, in_h = mx.y - mn.y;
        if (!axis_aligned) {
            float shortest = FLT_MAX;
            for (size_t i = 0; i < pts.size(); ++i) {
                const ImVec2 a = pts[i], b = pts[(i + 1) % pts.size()];
                shortest = std::min(shortest, std::hypot(b.x - a.x, b.y - a.y));
            }
            in_w = in_h = shortest * 0.9f;
        }
        const ImU32 tc = sel ? pal.map_symbol : pal.map_stand_text;
        // The number may touch the stand's outline: a 3 m stand at "whole level" must still show it.
        if (textWidth(lf, st.id) <= in_w + th.scale * 2 && in_h > lh) {
            const std::string sn = ex ? (ex->short_name.empty() ? ex->name : ex->short_name) : std::string();
            const bool two = !sn.empty() && in_h > lh * 2.3f && in_w > th.u(6);
            const float ty = two ? cen.y - lh * 0.5f : cen.y;
            centredLabel(st.id, ImVec2(cen.x, ty), tc, sel ? 92 : 40);
            if (two) {
                // A preview: the whole name is one tap away (the stand opens its exhibitor in the panel).
                AllowTextCut preview;
                const std::string fitted_name = ellipsize(lf, sn, in_w - th.u(1));
                if (fitted_name != "…") centredLabel(fitted_name, ImVec2(cen.x, ty + lh), tc, sel ? 91 : 20);
            }
        }
    }

    // The route on this level, drawn over the floor and under the symbols.
    const bool route_ok = s.has_route && s.route.ok;
    if (route_ok) {
        for (size_t li = 0; li < s.route.legs.size(); ++li) {
            const WalkLeg& leg = s.route.legs[li];
            if (leg.level != s.level || leg.points.empty()) continue;
            const auto pts = toScreen(v, leg.points);
            float grow = 1;
            if (!reduced && static_cast<int>(li) == s.leg) {
                const float t = std::clamp((s.clock - s.leg_since) / kRouteGrowS, 0.0f, 1.0f);
                grow = 1 - (1 - t) * (1 - t) * (1 - t);
                if (t < 1) c.animating = true;
            }
            const auto shown = grow < 1 ? polylinePrefix(pts, polylineLength(pts) * grow) : pts;
            const float rw = th.u(0.9f);
            if (shown.size() >= 2) {
                dl->AddPolyline(shown.data(), static_cast<int>(shown.size()), pal.map_symbol, 0,
                                rw + line * 3);
                dl->AddPolyline(shown.data(), static_cast<int>(shown.size()), pal.live, 0, rw);
                for (const ImVec2& p : shown) dl->AddCircleFilled(p, rw * 0.5f, pal.live, 12); // round joints
            }
            // Markers: where this leg begins (off the kiosk's level) and where it ends.
            const float mr = std::max(th.u(2.25f), lf->FontSize * 0.8f);
            auto marker = [&](ImVec2 at, ImU32 fill, const char* ic, const std::string& words, int prio) {
                dl->AddCircleFilled(at, mr, fill, 24);
                dl->AddCircle(at, mr, pal.map_symbol, 24, line * 2);
                const float iw = textWidth(lf, ic);
                dl->AddText(lf, lf->FontSize, ImVec2(std::floor(at.x - iw * 0.5f), std::floor(at.y - lh * 0.5f)),
                            pal.map_symbol, ic);
                labels.block(ImVec2(at.x - mr, at.y - mr), ImVec2(at.x + mr, at.y + mr));
                if (!words.empty())
                    centredLabel(words, ImVec2(at.x, at.y - mr - th.u(0.5f) - lh * 0.5f - th.u(0.75f)),
                                 pal.map_symbol, prio, fill);
            };
            if (li > 0) {
                const WalkLeg& prev = s.route.legs[li - 1];
                marker(pts.front(), pal.live, prev.connector ? connectorIcon(prev.connector_type) : icon::Circle, "",
                       0);
            }
            if (grow >= 1) {
                if (leg.connector) {
                    const Level* to = m.level(leg.to_level);
                    marker(pts.back(), pal.live, connectorIcon(leg.connector_type),
                           leg.connector_name.in(c.lang()) + (to ? " → " + to->name.in(c.lang()) : std::string()), 85);
                } else if (li + 1 == s.route.legs.size()) {
                    marker(pts.back(), pal.map_selected, icon::MapMarker, c.t(S::RouteDestination), 85);
                }
            }
        }
    }

    // Points of interest: an icon in a disc, a finger-sized target around it; the name beside it where
    // it fits. Crowded ones wait for the next zoom step (acceptPlanTargets above).
    for (const PoiView& pv : poi_views) {
        if (!pv.shown) continue;
        const Poi& p = *pv.poi;
        const ImVec2 at = pv.at;
        const bool sel = s.selected == "poi:" + p.id;
        const std::string name = p.name.in(c.lang()).empty() ? poiName(p.type, c.lang()) : p.name.in(c.lang());
        if (c.touch.target("poi." + p.id, name, ImVec2(at.x - poi_hit, at.y - poi_hit), ImVec2(at.x + poi_hit, at.y + poi_hit))) {
            s.selected = "poi:" + p.id;
            s.panel_scroll = ScrollState{};
        }
        dl->AddCircleFilled(at, poi_r, sel ? pal.map_selected : pal.map_poi, 24);
        dl->AddCircle(at, poi_r, pal.map_symbol, 24, line * 1.5f);
        // Selected: a second, outer ring as well as the colour (never colour alone).
        if (sel) dl->AddCircle(at, poi_r + line * 3.5f, pal.map_selected, 24, line * 2);
        // The icon keeps to its disc at every text scale (drawn from the larger atlas, scaled down).
        const char* ic = poiIcon(p.type);
        const float isz = std::min(lf->FontSize, poi_r * 1.25f);
        const float iw = lf->CalcTextSizeA(isz, FLT_MAX, 0, ic).x;
        dl->AddText(lf, isz, ImVec2(std::floor(at.x - iw * 0.5f), std::floor(at.y - isz * 0.5f)), pal.map_symbol, ic);
        labels.block(ImVec2(at.x - poi_r, at.y - poi_r), ImVec2(at.x + poi_r, at.y + poi_r));
        // Beside the disc: right if there is room, else left (the placer drops it if neither is free).
        const float w = textWidth(lf, name);
        const int group = static_cast<int>(&p - m.pois.data()) + 1;
        centredLabel(name, ImVec2(at.x + poi_r + th.u(0.75f) + w * 0.5f, at.y), pal.text, sel ? 93 : 30,
                     withAlpha(pal.map_floor, 0.85f), group);
        centredLabel(name, ImVec2(at.x - poi_r - th.u(0.75f) - w * 0.5f, at.y), pal.text, sel ? 92 : 29,
                     withAlpha(pal.map_floor, 0.85f), group);
    }

    // You are here: a dot with the direction the visitor looks, and the words under it.
    ImVec2 yah_box[2], yah_pos;
    std::string yah_text;
    if (kiosk && kiosk->level == s.level) {
        const ImVec2 at = v(kiosk->pos);
        const float r = th.u(1.75f);
        const double f = kiosk->facing_deg * kPi / 180.0;
        const ImVec2 dir = v.direction(Vec2{std::sin(f), -std::cos(f)});
        const float len = th.u(7), spread = 0.5f; // half-angle in radians
        auto turn = [&](ImVec2 d, float a) {
            return ImVec2(d.x * std::cos(a) - d.y * std::sin(a), d.x * std::sin(a) + d.y * std::cos(a));
        };
        const ImVec2 d1 = turn(dir, -spread), d2 = turn(dir, spread);
        const ImVec2 cone[3] = {at, ImVec2(at.x + d1.x * len, at.y + d1.y * len), ImVec2(at.x + d2.x * len, at.y + d2.y * len)};
        dl->AddConvexPolyFilled(cone, 3, withAlpha(pal.map_you, 0.35f));
        dl->AddCircleFilled(at, r * 2.2f, withAlpha(pal.map_you, 0.2f), 32);
        dl->AddCircleFilled(at, r, pal.map_you, 32);
        dl->AddCircle(at, r, pal.map_symbol, 32, line * 2);
        labels.block(ImVec2(at.x - r * 2.2f, at.y - r * 2.2f), ImVec2(at.x + r * 2.2f, at.y + r * 2.2f));
        const std::string yah = std::string(icon::YouAreHere) + " " + c.t(S::YouAreHere);
        const float tw = textWidth(th.strong, yah);
        // Always shown, below the dot on the side away from where the visitor looks (else above, right or
        // left of it), where it covers no symbol; kept inside the plan's edges. Labels give way.
        const float fh = th.strong->FontSize, off = r * 2.4f + th.u(0.75f);
        const bool look_down = dir.y > 0.5f;
        const ImVec2 spots[4] = {ImVec2(at.x - tw * 0.5f, look_down ? at.y - off - fh : at.y + off),
                                 ImVec2(at.x - tw * 0.5f, look_down ? at.y + off : at.y - off - fh),
                                 ImVec2(at.x + off + th.u(1.25f), at.y - fh * 0.5f),
                                 ImVec2(at.x - off - th.u(1.25f) - tw, at.y - fh * 0.5f)};
        auto boxAt = [&](ImVec2 p, ImVec2* a, ImVec2* b) {
            p.x = std::clamp(p.x, map_a.x + th.u(2), std::max(map_a.x + th.u(2), map_b.x - th.u(2) - tw));
            *a = ImVec2(std::floor(p.x) - th.u(1.25f), std::floor(p.y) - th.u(0.6f));
            *b = ImVec2(std::floor(p.x) + tw + th.u(1.25f), std::floor(p.y) + fh + th.u(0.6f));
        };
        auto coversSymbol = [&](ImVec2 a, ImVec2 b) {
            for (const PoiView& pv : poi_views)
                if (pv.shown && pv.at.x + poi_r > a.x && pv.at.x - poi_r < b.x && pv.at.y + poi_r > a.y && pv.at.y - poi_r < b.y)
                    return true;
            return false;
        };
        ImVec2 la, lb;
        boxAt(spots[0], &la, &lb);
        for (const ImVec2& p : spots) {
            ImVec2 a, b;
            boxAt(p, &a, &b);
            if (!coversSymbol(a, b) && a.y >= map_a.y && b.y <= clip_b.y) {
                la = a;
                lb = b;
                break;
            }
        }
        const ImVec2 tp(la.x + th.u(1.25f), la.y + th.u(0.6f));
        yah_box[0] = la;
        yah_box[1] = lb;
        yah_text = yah;
        yah_pos = tp;
        labels.block(la, lb);
    }
    labels.placeAndDraw(dl, th.u(0.75f));
    if (!yah_text.empty()) {
        dl->AddRectFilled(yah_box[0], yah_box[1], pal.map_you, th.u(0.75f));
        dl->AddText(th.strong, th.strong->FontSize, yah_pos, pal.map_symbol, yah_text.c_str());
    }

    // A small compass while the plan is turned: the needle points to north on the plan.
    if (rotation != 0) {
        const float cr = th.u(3.5f);
        const ImVec2 cc(map_b.x - cr - th.u(2), map_a.y + cr + th.u(2));
        dl->AddCircleFilled(cc, cr, withAlpha(pal.surface, 0.92f), 32);
        dl->AddCircle(cc, cr, pal.border, 32, line);
        const ImVec2 n = v.direction(Vec2{0, -1});
        const ImVec2 side(-n.y, n.x);
        const float nl = cr * 0.8f, nw = cr * 0.22f;
        const ImVec2 tip(cc.x + n.x * nl, cc.y + n.y * nl), tail(cc.x - n.x * nl, cc.y - n.y * nl);
        const ImVec2 l1(cc.x + side.x * nw, cc.y + side.y * nw), l2(cc.x - side.x * nw, cc.y - side.y * nw);
        const ImVec2 north[3] = {tip, l1, l2}, south[3] = {tail, l2, l1};
        dl->AddConvexPolyFilled(north, 3, pal.map_you);
        dl->AddConvexPolyFilled(south, 3, pal.text_muted);
        const std::string nn = c.t(S::MapNorth);
        const float nw2 = textWidth(th.strong, nn);
        const ImVec2 np(cc.x + n.x * (cr + th.strong->FontSize * 0.7f), cc.y + n.y * (cr + th.strong->FontSize * 0.7f));
        dl->AddText(th.strong, th.strong->FontSize, ImVec2(std::floor(np.x - nw2 * 0.5f), std::floor(np.y - th.strong->FontSize * 0.5f)),
                    pal.text, nn.c_str());
    }
    c.touch.popClip();
    dl->PopClipRect();

    // The column beside the plan (strip layout).
    for (const SideButton& sb : side) {
        const Style style = sb.level && sb.level->id == s.level ? Style::Selected : Style::Secondary;
        if (!button(c, sb.id, sb.icon, sb.label, sb.a, sb.b, style, th.caption)) continue;
        if (sb.level) {
            chooseLevel(sb.level);
            continue;
        }
        if (sb.id == "map.zoom-in") {
            s.cam.zoomAbout(ImVec2(0, 0), 2.0f);
        } else if (sb.id == "map.zoom-out") {
            s.cam.zoomAbout(ImVec2(0, 0), 0.5f);
        } else {
            s.cam.zoom = 1;
            s.cam.pan = ImVec2(0, 0);
            s.cam.velocity = ImVec2(0, 0);
        }
        s.centre_pending = s.fit_leg_pending = false;
    }
    // Zoom controls sit in the map's lower corner, where a hand reaches them.
    if (!strip) {
        const float bh = th.min_target;
        const float bw1 = buttonWidth(c, icon::ZoomIn, c.t(S::ZoomIn), th.caption);
        const float bw2 = buttonWidth(c, icon::ZoomOut, c.t(S::ZoomOut), th.caption);
        const float bw3 = buttonWidth(c, icon::Expand, c.t(S::ResetView), th.caption);
        const bool one_row = bw1 + bw2 + bw3 + th.u(7) <= map_size.x;
        float x = map_b.x - th.u(2);
        float y1 = map_b.y - th.u(2);
        auto place = [&](float bw) {
            if (!one_row && x - bw < map_a.x + th.u(2)) {
                x = map_b.x - th.u(2);
                y1 -= bh + th.u(1.5f);
            }
            const ImVec2 a(x - bw, y1 - bh), b(x, y1);
            x -= bw + th.u(1.5f);
            return std::make_pair(a, b);
        };
        auto [ra, rb] = place(bw3);
        if (button(c, "map.reset", icon::Expand, c.t(S::ResetView), ra, rb, Style::Secondary, th.caption)) {
            s.cam.zoom = 1;
            s.cam.pan = ImVec2(0, 0);
            s.cam.velocity = ImVec2(0, 0);
            s.centre_pending = s.fit_leg_pending = false;
        }
        auto [oa, ob] = place(bw2);
        if (button(c, "map.zoom-out", icon::ZoomOut, c.t(S::ZoomOut), oa, ob, Style::Secondary, th.caption)) {
            s.cam.zoomAbout(ImVec2(0, 0), 0.5f);
            s.centre_pending = s.fit_leg_pending = false;
        }
        auto [ia, ib] = place(bw1);
        if (button(c, "map.zoom-in", icon::ZoomIn, c.t(S::ZoomIn), ia, ib, Style::Secondary, th.caption)) {
            s.cam.zoomAbout(ImVec2(0, 0), 2.0f);
            s.centre_pending = s.fit_leg_pending = false;
        }
        if (levels_in_plan) {
            // Lowest floor on the left, like reading the floors upwards.
            float lx = map_a.x + th.u(2);
            const float lb = levels_share_row ? map_b.y - th.u(2) : y1 - bh - th.u(1.5f);
            for (const Level* l : levels) {
                const std::string name = l->name.in(c.lang());
                const float bw = buttonWidth(c, nullptr, name, th.strong);
                if (button(c, "level." + l->id, nullptr, name, ImVec2(lx, lb - bh), ImVec2(lx + bw, lb),
                           l->id == s.level ? Style::Selected : Style::Secondary))
                    chooseLevel(l);
                lx += bw + th.u(1.5f);
            }
        }
    }

    // [SECTION] Side panel: title, levels, then the selection or the route, actions at the bottom.
    panel(c, pan_a, pan_b, pal.surface);
    const float px = pan_a.x + th.u(3), pw = pan_b.x - pan_a.x - th.u(6);
    float y = pan_a.y + th.u(3);
    // With large text the panel's height goes to the selection and the route; the plan itself says
    // where we are.
    if (show_title) {
        text(c, th.heading, ImVec2(px, y), pal.accent, icon::Map);
        textEllipsis(c, th.heading, ImVec2(px + textWidth(th.heading, icon::Map) + th.u(2), y), pal.text, c.t(S::Map),
                     pw - th.u(8));
        y += th.heading->FontSize + th.u(2);
    }
    if (levels.size() > 1 && !levels_in_plan && !strip) {
        text(c, th.caption, ImVec2(px, y), pal.text_muted, std::string(icon::Layers) + "  " + c.t(S::Level));
        y += th.caption->FontSize + th.u(1);
        // Highest floor on top, like a lift panel.
        float lx = px;
        for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
            const Level* l = *it;
            const std::string name = l->name.in(c.lang());
            const float bw = std::min(pw, buttonWidth(c, nullptr, name, th.strong));
            if (lx + bw > px + pw + 1) {
                lx = px;
                y += th.min_target + th.u(1.5f);
            }
            if (button(c, "level." + l->id, nullptr, name, ImVec2(lx, y), ImVec2(lx + bw, y + th.min_target),
                       l->id == s.level ? Style::Selected : Style::Secondary))
                chooseLevel(l);
            lx += bw + th.u(1.5f);
        }
        y += th.min_target + th.u(2);
    }
    c.dl->AddLine(ImVec2(px, y), ImVec2(px + pw, y), pal.border, line);
    y += th.u(1);

    // What to offer at the bottom of the panel.
    const std::string k = selKind(s.selected), id = selId(s.selected);
    std::vector<Action> actions;
    const Exhibitor* sel_ex = k == std::string("stand") ? m.exhibitorAtStand(id) : nullptr;
    if (s.has_route) {
        const bool multi = route_ok && s.route.legs.size() > 1;
        if (multi && s.leg > 0) {
            const Level* pl = m.level(s.route.legs[static_cast<size_t>(s.leg - 1)].level);
            actions.push_back({"route.prev-level", icon::ChevronLeft,
                               fmt(S::RoutePrevLevel, c.lang(), pl ? pl->name.in(c.lang()).c_str() : ""), Style::Secondary});
        }
        if (multi && s.leg + 1 < static_cast<int>(s.route.legs.size())) {
            const Level* nl = m.level(s.route.legs[static_cast<size_t>(s.leg + 1)].level);
            actions.push_back({"route.next-level", icon::ChevronRight,
                               fmt(S::RouteNextLevel, c.lang(), nl ? nl->name.in(c.lang()).c_str() : ""), Style::Primary});
        }
        actions.push_back({"route.step-free", s.step_free ? icon::Check : icon::Wheelchair, c.t(S::RouteStepFree),
                           s.step_free ? Style::Selected : Style::Secondary});
        actions.push_back({"route.clear", icon::Close, c.t(S::RouteClear), Style::Secondary});
    } else if (!k.empty()) {
        if (k == std::string("stand") && sel_ex)
            actions.push_back({"exhibitor." + sel_ex->id, icon::Exhibitors, c.t(S::ViewExhibitor), Style::Secondary});
        if (kiosk) actions.push_back({"route.start", icon::YouAreHere, c.t(S::RouteThere), Style::Primary});
    }
    // Rows from the bottom up: two buttons share a row when both labels fit in half the width.
    std::vector<std::vector<const Action*>> rows;
    {
        const float half = (pw - th.u(1.5f)) * 0.5f;
        for (size_t i = 0; i < actions.size(); ++i) {
            const Action& a = actions[i];
            const bool fits = buttonWidth(c, a.icon, a.label) <= half;
            if (fits && !rows.empty() && rows.back().size() == 1 && buttonWidth(c, rows.back()[0]->icon, rows.back()[0]->label) <= half)
                rows.back().push_back(&a);
            else
                rows.push_back({&a});
        }
    }
    const float row_h = action_h + th.u(1.5f);
    const float actions_top = pan_b.y - th.u(3) - rows.size() * row_h + (rows.empty() ? 0 : th.u(1.5f));
    {
        float ry = actions_top;
        for (const auto& row : rows) {
            const float bw = row.size() == 1 ? pw : (pw - th.u(1.5f)) * 0.5f;
            float bx = px;
            for (const Action* a : row) {
                if (button(c, a->id, a->icon, a->label, ImVec2(bx, ry), ImVec2(bx + bw, ry + action_h), a->style)) {
                    if (a->id == "route.start") {
                        startRoute(s.selected, c.settings.low_reach);
                    } else if (a->id == "route.clear") {
                        s.clearRoute();
                        s.panel_scroll = ScrollState{};
                    } else if (a->id == "route.step-free") {
                        s.step_free = !s.step_free;
                        const int leg = s.leg;
                        computeRoute();
                        if (s.route.ok) showLeg(std::min(leg, static_cast<int>(s.route.legs.size()) - 1));
                    } else if (a->id == "route.next-level") {
                        showLeg(s.leg + 1);
                    } else if (a->id == "route.prev-level") {
                        showLeg(s.leg - 1);
                    } else if (sel_ex && a->id == "exhibitor." + sel_ex->id) {
                        c.nav.go(ScreenId::Exhibitor, sel_ex->id);
                    }
                }
                bx += bw + th.u(1.5f);
            }
            ry += row_h;
        }
    }

    // The body scrolls when large text needs more room than the panel has.
    const ImVec2 body_a(pan_a.x, y), body_b(pan_b.x, actions_top - th.u(1.5f));
    if (body_b.y - body_a.y > th.u(4)) {
        float by = scrollBegin(c, "map.panel", body_a, body_b, s.panel_scroll) + th.u(2);
        const float top = by;
        if (s.has_route) {
            text(c, th.caption, ImVec2(px, by), pal.text_muted, std::string(icon::YouAreHere) + "  " +
                                                                    (kiosk ? kiosk->name.in(c.lang()) : std::string()));
            by += th.caption->FontSize + th.u(0.5f);
            // Large text: the destination in the body's bold, so the first steps stay in view.
            by += textWrapped(c, th.text_scale > 1.2f ? th.strong : th.heading, ImVec2(px, by), pal.text,
                              fmt(S::RouteTo, c.lang(), itemName(m, s.route_item, c.lang()).c_str()), pw) +
                  th.u(1.5f);
            if (route_ok) {
                const std::string dist = fmt(S::RouteDistance, c.lang(), static_cast<int>(std::lround(s.route.distance_m)));
                const std::string walk = fmt(S::RouteWalk, c.lang(), std::max(1, s.route.minutes));
                by += textWrapped(c, th.strong, ImVec2(px, by), pal.live,
                                  std::string(s.step_free ? icon::Wheelchair : icon::Clock) + "  " + dist + "  ·  " + walk, pw) +
                      th.u(1.5f);
                if (s.route.legs.size() > 1) {
                    const Level* ll = m.level(s.route.legs[static_cast<size_t>(s.leg)].level);
                    const std::string part = fmt(S::RoutePart, c.lang(), s.leg + 1, static_cast<int>(s.route.legs.size())) +
                                             (ll ? "  ·  " + ll->name.in(c.lang()) : std::string());
                    by += textWrapped(c, th.caption, ImVec2(px, by), pal.text_muted, std::string(icon::Layers) + "  " + part, pw) +
                          th.u(1);
                }
                for (const WalkStep& st : s.route.steps) {
                    if (st.leg != s.leg) continue;
                    const WalkLeg& leg = s.route.legs[static_cast<size_t>(st.leg)];
                    const bool last = &st == &s.route.steps.back();
                    const char* ic = last ? icon::MapMarker : (leg.connector ? connectorIcon(leg.connector_type) : icon::ChevronRight);
                    text(c, th.body, ImVec2(px, by), last ? pal.map_selected : pal.live, ic);
                    const float ix = std::max(textWidth(th.body, icon::ChevronRight), textWidth(th.body, ic)) + th.u(1.5f);
                    by += textWrapped(c, th.body, ImVec2(px + ix, by), pal.text, st.text.in(c.lang()), pw - ix) + th.u(1.25f);
                }
            } else {
                text(c, th.heading, ImVec2(px, by), pal.warn, icon::Warning);
                const float ix = textWidth(th.heading, icon::Warning) + th.u(1.5f);
                by += textWrapped(c, th.heading, ImVec2(px + ix, by), pal.text, c.t(S::RouteNoWay), pw - ix) + th.u(1);
                by += textWrapped(c, th.body, ImVec2(px, by), pal.text, s.route.message.in(c.lang()), pw) + th.u(1);
            }
        } else if (k == std::string("stand")) {
            const Stand* st = m.stand(id);
            text(c, th.caption, ImVec2(px, by), pal.text_muted, std::string(icon::Stand) + "  " + c.t(S::Stand) + " " + st->id);
            by += th.caption->FontSize + th.u(1);
            if (sel_ex) {
                by += textWrapped(c, th.text_scale > 1.2f ? th.strong : th.heading, ImVec2(px, by), pal.text, sel_ex->name, pw) +
                      th.u(1);
                if (!sel_ex->description.in(c.lang()).empty()) {
                    const std::string d = sel_ex->description.in(c.lang());
                    by += textWrapped(c, th.body, ImVec2(px, by), pal.text_muted, d.size() > 220 ? d.substr(0, d.rfind(' ', 220)) + " …" : d, pw) +
                          th.u(1);
                }
            } else {
                by += textWrapped(c, th.body, ImVec2(px, by), pal.text_muted, c.t(S::VacantStand), pw);
            }
        } else if (k == std::string("room")) {
            const Room* r = m.room(id);
            text(c, th.caption, ImVec2(px, by), pal.text_muted, std::string(icon::Door) + "  " + c.t(S::Room));
            by += th.caption->FontSize + th.u(1);
            by += textWrapped(c, th.heading, ImVec2(px, by), pal.text, r->name.in(c.lang()), pw) + th.u(2);
            const Talk *now = nullptr, *next = nullptr;
            std::vector<const Talk*> notices;
            if (c.schedule) {
                const RoomNowNext nn = c.schedule->nowAndNext(r->id, c.now_utc);
                now = nn.now;
                next = nn.next;
                notices = nn.notices;
            } else {
                roomNowNext(m, r->id, c.now_utc, &now, &next);
            }
            if (!now && !next) by += textWrapped(c, th.body, ImVec2(px, by), pal.text_muted, c.t(S::NothingOnHere), pw);
            for (const Talk* t : {now, next}) {
                if (!t) continue;
                const std::string title = t->title.in(c.lang());
                const std::string status = statusText(*t, m, c.lang());
                const float title_h = textHeight(th.strong, title, pw - th.u(4));
                const float status_h = status.empty() ? 0 : textHeight(th.caption, status, pw - th.u(4)) + th.u(0.5f);
                const float h = th.u(2) + th.caption->FontSize + th.u(0.5f) + title_h + status_h + th.u(2);
                if (card(c, "talk." + t->id, title, ImVec2(px, by), ImVec2(px + pw, by + h))) c.nav.go(ScreenId::Talk, t->id);
                const std::string when = std::string(t == now ? c.t(S::OnNow) : c.t(S::Next)) + "  ·  " +
                                         timeRange(*t, c.tz, c.lang());
                text(c, th.caption, ImVec2(px + th.u(2), by + th.u(2)), t == now ? pal.live : pal.accent, when);
                float ty = by + th.u(2.5f) + th.caption->FontSize;
                ty += textWrapped(c, th.strong, ImVec2(px + th.u(2), ty), pal.text, title, pw - th.u(4));
                if (!status.empty())
                    textWrapped(c, th.caption, ImVec2(px + th.u(2), ty + th.u(0.5f)), pal.warn, status, pw - th.u(4));
                by += h + th.u(1.5f);
            }
            for (const Talk* t : notices) {
                const std::string line_ = std::string(icon::Info) + "  " + t->title.in(c.lang()) + ": " + statusText(*t, m, c.lang());
                by += textWrapped(c, th.caption, ImVec2(px, by), pal.warn, line_, pw) + th.u(1);
            }
        } else if (k == std::string("poi")) {
            const Poi* p = m.poi(id);
            const std::string type = poiName(p->type, c.lang());
            text(c, th.caption, ImVec2(px, by), pal.text_muted, std::string(poiIcon(p->type)) + "  " + type);
            by += th.caption->FontSize + th.u(1);
            const std::string name = p->name.in(c.lang()).empty() ? type : p->name.in(c.lang());
            by += textWrapped(c, th.heading, ImVec2(px, by), pal.text, name, pw);
            if (const Level* pl = m.level(p->level))
                by += th.u(1) + textWrapped(c, th.body, ImVec2(px, by + th.u(1)), pal.text_muted,
                                            std::string(icon::Layers) + "  " + pl->name.in(c.lang()), pw);
        } else {
            by += textWrapped(c, th.body, ImVec2(px, by), pal.text_muted, std::string(icon::Hand) + "  " + c.t(needs_zoom ? S::MapTapHintZoom : S::MapTapHint), pw);
        }
        scrollEnd(c, "map.panel", body_a, body_b, s.panel_scroll, by - top + th.u(3));
    }

    // [SECTION] State for scripts
    if (c.report) {
        auto& r = *c.report;
        r["level"] = s.level;
        r["zoom"] = s.cam.zoom;
        r["rotation"] = rotation;
        r["north_up"] = kiosk ? kiosk->north_up : true;
        r["pan"] = {std::lround(s.cam.pan.x), std::lround(s.cam.pan.y)};
        r["map_selected"] = s.selected.empty() ? nlohmann::json() : nlohmann::json(s.selected);
        int stands = 0;
        for (const Stand& st : m.stands) stands += st.level == s.level;
        r["stands_on_level"] = stands;
        if (s.has_route) {
            nlohmann::json j;
            j["target"] = s.route_item;
            j["from"] = kiosk ? kiosk->id : c.kiosk_id;
            j["to"] = s.route_item;
            j["ok"] = s.route.ok;
            j["step_free"] = s.step_free;
            j["distance_m"] = std::round(s.route.distance_m * 10) / 10;
            j["length_m"] = j["distance_m"];
            j["minutes"] = s.route.minutes;
            nlohmann::json lv = nlohmann::json::array();
            for (const WalkLeg& l : s.route.legs) lv.push_back(l.level);
            j["levels"] = lv;
            j["step_index"] = s.leg;
            nlohmann::json steps = nlohmann::json::array();
            for (const WalkStep& st : s.route.steps)
                if (st.leg == s.leg) steps.push_back(st.text.in(c.lang()));
            j["steps"] = steps;
            if (!s.route.ok) {
                j["problem"] = s.route.problem;
                j["message"] = s.route.message.in(c.lang());
            }
            r["route"] = j;
        } else {
            r["route"] = nullptr;
        }
    }
}

} // namespace ww
