// The floor plan: one level at a time, turned so the visitor's forward is up, with rooms, stands,
// points of interest and "you are here". Drag pans, buttons and double-tap zoom; tapping a stand
// shows its exhibitor, tapping a room what is on there now and next.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// [SECTION] Geometry
// World (metres, y down) to screen pixels: rotate, then scale about the rotated bounds' centre.
struct View {
    float cos_a = 1, sin_a = 0;
    ImVec2 rc;        // centre of the rotated bounds
    float scale = 1;  // px per metre, zoom included
    ImVec2 origin;    // screen point of rc (map centre + pan)
    ImVec2 rotate(const Vec2& p) const {
        const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        return ImVec2(x * cos_a - y * sin_a, x * sin_a + y * cos_a);
    }
    ImVec2 operator()(const Vec2& p) const {
        const ImVec2 r = rotate(p);
        return ImVec2(origin.x + (r.x - rc.x) * scale, origin.y + (r.y - rc.y) * scale);
    }
};

float cross(ImVec2 o, ImVec2 a, ImVec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool isConvex(const std::vector<ImVec2>& p) {
    int sign = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const float z = cross(p[i], p[(i + 1) % p.size()], p[(i + 2) % p.size()]);
        if (std::fabs(z) < 1e-6f) continue;
        const int s = z > 0 ? 1 : -1;
        if (sign && s != sign) return false;
        sign = s;
    }
    return true;
}

bool inTriangle(ImVec2 p, ImVec2 a, ImVec2 b, ImVec2 c) {
    const float d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
    const bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
}

// Fills any simple polygon. Convex ones get ImGui's anti-aliased fill; concave rooms (an L-shaped foyer)
// are cut into triangles by ear clipping and drawn as raw triangles, outlined afterwards.
void fillPolygon(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col) {
    if (pts.size() < 3) return;
    if (isConvex(pts)) {
        dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), col);
        return;
    }
    std::vector<int> idx(pts.size());
    for (size_t i = 0; i < pts.size(); ++i) idx[i] = static_cast<int>(i);
    float area = 0;
    for (size_t i = 0; i < pts.size(); ++i) area += cross(ImVec2(0, 0), pts[i], pts[(i + 1) % pts.size()]);
    const float orient = area > 0 ? 1.0f : -1.0f;
    std::vector<int> tris;
    int guard = static_cast<int>(pts.size() * pts.size());
    while (idx.size() > 3 && guard-- > 0) {
        bool cut = false;
        for (size_t i = 0; i < idx.size(); ++i) {
            const int ia = idx[(i + idx.size() - 1) % idx.size()], ib = idx[i], ic = idx[(i + 1) % idx.size()];
            if (cross(pts[ia], pts[ib], pts[ic]) * orient <= 0) continue; // reflex corner
            bool inside = false;
            for (int j : idx)
                if (j != ia && j != ib && j != ic && inTriangle(pts[j], pts[ia], pts[ib], pts[ic])) {
                    inside = true;
                    break;
                }
            if (inside) continue;
            tris.insert(tris.end(), {ia, ib, ic});
            idx.erase(idx.begin() + static_cast<long>(i));
            cut = true;
            break;
        }
        if (!cut) break; // degenerate input: draw what we have
    }
    if (idx.size() == 3) tris.insert(tris.end(), {idx[0], idx[1], idx[2]});
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(static_cast<int>(tris.size()), static_cast<int>(tris.size()));
    for (int i : tris) {
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(dl->_VtxCurrentIdx));
        dl->PrimWriteVtx(pts[static_cast<size_t>(i)], uv, col);
    }
}

std::vector<ImVec2> toScreen(const View& v, const Polygon& poly) {
    std::vector<ImVec2> out;
    out.reserve(poly.size());
    for (const Vec2& p : poly) out.push_back(v(p));
    return out;
}

void bounds(const std::vector<ImVec2>& pts, ImVec2* mn, ImVec2* mx) {
    *mn = ImVec2(FLT_MAX, FLT_MAX);
    *mx = ImVec2(-FLT_MAX, -FLT_MAX);
    for (const ImVec2& p : pts) {
        mn->x = std::min(mn->x, p.x);
        mn->y = std::min(mn->y, p.y);
        mx->x = std::max(mx->x, p.x);
        mx->y = std::max(mx->y, p.y);
    }
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

std::vector<const Level*> sortedLevels(const Model& m) {
    std::vector<const Level*> out;
    for (const Level& l : m.levels) out.push_back(&l);
    std::stable_sort(out.begin(), out.end(), [](const Level* a, const Level* b) { return a->floor < b->floor; });
    return out;
}

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

} // namespace

std::string MapScreen::title(const Ctx& c) const { return c.t(S::Map); }

void MapScreen::reset() {
    level_.clear();
    selected_.clear();
    zoom_ = 1;
    pan_ = ImVec2(0, 0);
    serial_ = 0;
    center_on_selection_ = false;
}

void MapScreen::focus(Ctx& c, const std::string& item) {
    const Model& m = c.model;
    const std::string id = selId(item);
    std::string level;
    if (const Stand* s = std::string(selKind(item)) == "stand" ? m.stand(id) : nullptr) level = s->level;
    if (const Room* r = std::string(selKind(item)) == "room" ? m.room(id) : nullptr) level = r->level;
    if (const Poi* p = std::string(selKind(item)) == "poi" ? m.poi(id) : nullptr) level = p->level;
    if (level.empty()) return;
    level_ = level;
    selected_ = item;
    zoom_ = std::max(zoom_, 1.6f);
    center_on_selection_ = true;
}

void MapScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Palette& pal = th.c;
    const Kiosk* kiosk = m.kiosk(c.kiosk_id);
    if (!kiosk && !m.kiosks.empty() && c.kiosk_id.empty()) kiosk = &m.kiosks.front();

    Route& route = c.nav.route();
    if (route.serial != serial_) {
        serial_ = route.serial;
        if (!route.item.empty()) focus(c, route.item);
    }
    const auto levels = sortedLevels(m);
    if (!m.level(level_)) {
        level_ = kiosk && m.level(kiosk->level) ? kiosk->level : (levels.empty() ? "" : levels.front()->id);
        zoom_ = 1;
        pan_ = ImVec2(0, 0);
    }
    // The selection may have vanished in a hot reload.
    {
        const std::string k = selKind(selected_), id = selId(selected_);
        if ((k == "stand" && !m.stand(id)) || (k == "room" && !m.room(id)) || (k == "poi" && !m.poi(id)))
            selected_.clear();
    }
    const Level* level = m.level(level_);

    // [SECTION] Layout: map and side panel (landscape) or map over panel (portrait).
    const float gap = th.u(3);
    ImVec2 map_a, map_b, pan_a, pan_b;
    if (!c.portrait) {
        const float panel_w = std::clamp(c.w() * 0.3f, th.u(55), th.u(80));
        map_a = ImVec2(c.min.x + gap, c.min.y + gap);
        map_b = ImVec2(c.max.x - panel_w - gap * 2, c.max.y - gap);
        pan_a = ImVec2(c.max.x - panel_w - gap, c.min.y + gap);
        pan_b = ImVec2(c.max.x - gap, c.max.y - gap);
    } else {
        const float panel_h = std::clamp(c.h() * 0.36f, th.u(50), c.h() * 0.5f);
        map_a = ImVec2(c.min.x + gap, c.min.y + gap);
        map_b = ImVec2(c.max.x - gap, c.max.y - panel_h - gap * 2);
        pan_a = ImVec2(c.min.x + gap, c.max.y - panel_h - gap);
        pan_b = ImVec2(c.max.x - gap, c.max.y - gap);
    }

    // [SECTION] The view
    View v;
    const double facing = kiosk && !kiosk->north_up ? kiosk->facing_deg : 0.0;
    const float ang = static_cast<float>(-facing * M_PI / 180.0);
    v.cos_a = std::cos(ang);
    v.sin_a = std::sin(ang);
    ImVec2 rmin(FLT_MAX, FLT_MAX), rmax(-FLT_MAX, -FLT_MAX);
    auto grow = [&](const Vec2& p) {
        const ImVec2 r = v.rotate(p);
        rmin.x = std::min(rmin.x, r.x);
        rmin.y = std::min(rmin.y, r.y);
        rmax.x = std::max(rmax.x, r.x);
        rmax.y = std::max(rmax.y, r.y);
    };
    if (level) {
        for (const Vec2& p : level->outline) grow(p);
        for (const Room& r : m.rooms)
            if (r.level == level_) for (const Vec2& p : r.shape) grow(p);
        for (const Stand& s : m.stands)
            if (s.level == level_) for (const Vec2& p : s.shape) grow(p);
    }
    if (rmin.x > rmax.x) rmin = rmax = ImVec2(0, 0);
    const float ww = std::max(1.0f, rmax.x - rmin.x), wh = std::max(1.0f, rmax.y - rmin.y);
    const float mw = map_b.x - map_a.x, mh = map_b.y - map_a.y;
    const float fit = std::min((mw - th.u(6)) / ww, (mh - th.u(6)) / wh);
    const ImVec2 map_c((map_a.x + map_b.x) * 0.5f, (map_a.y + map_b.y) * 0.5f);
    v.rc = ImVec2((rmin.x + rmax.x) * 0.5f, (rmin.y + rmax.y) * 0.5f);

    // Input: drag pans, double-tap zooms in where tapped.
    const std::string region = "map.canvas";
    c.touch.dragRegion(region, map_a, map_b);
    if (c.touch.dragging(region)) {
        const ImVec2 d = c.touch.dragDelta(region);
        pan_.x += d.x;
        pan_.y += d.y;
        center_on_selection_ = false;
    }
    ImVec2 dt_at;
    auto zoomAbout = [&](ImVec2 s, float k) {
        const float nz = std::clamp(zoom_ * k, 1.0f, 8.0f);
        k = nz / zoom_;
        zoom_ = nz;
        pan_.x += (s.x - map_c.x - pan_.x) * (1 - k);
        pan_.y += (s.y - map_c.y - pan_.y) * (1 - k);
        center_on_selection_ = false;
    };
    if (c.touch.doubleTapped(region, &dt_at)) zoomAbout(dt_at, 2.0f);
    v.scale = fit * zoom_;
    if (center_on_selection_ && !selected_.empty()) {
        Vec2 at;
        const std::string k = selKind(selected_), id = selId(selected_);
        if (k == "stand") at = m.stand(id)->front;
        if (k == "room" && !m.room(id)->shape.empty()) {
            ImVec2 mn, mx;
            std::vector<ImVec2> pts;
            for (const Vec2& p : m.room(id)->shape) pts.push_back(ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)));
            bounds(pts, &mn, &mx);
            at = Vec2{(mn.x + mx.x) * 0.5, (mn.y + mx.y) * 0.5};
        }
        if (k == "stand" && !m.stand(id)->shape.empty()) {
            double sx = 0, sy = 0;
            for (const Vec2& p : m.stand(id)->shape) sx += p.x, sy += p.y;
            at = Vec2{sx / m.stand(id)->shape.size(), sy / m.stand(id)->shape.size()};
        }
        if (k == "poi") at = m.poi(id)->pos;
        const ImVec2 r = v.rotate(at);
        pan_ = ImVec2(-(r.x - v.rc.x) * v.scale, -(r.y - v.rc.y) * v.scale);
        center_on_selection_ = false;
    }
    // Keep some of the level in view whatever the finger did.
    const float lim_x = ww * v.scale * 0.5f + mw * 0.25f, lim_y = wh * v.scale * 0.5f + mh * 0.25f;
    pan_.x = std::clamp(pan_.x, -lim_x, lim_x);
    pan_.y = std::clamp(pan_.y, -lim_y, lim_y);
    v.origin = ImVec2(map_c.x + pan_.x, map_c.y + pan_.y);

    // [SECTION] Drawing the plan
    ImDrawList* dl = c.dl;
    dl->AddRectFilled(map_a, map_b, pal.map_bg, th.radius);
    if (th.contrast) dl->AddRect(map_a, map_b, pal.border, th.radius, 0, 2);
    dl->PushClipRect(map_a, map_b, true);
    c.touch.pushClip(map_a, map_b);
    const float line = std::max(1.0f, th.scale * 1.5f);
    auto nameFits = [&](ImFont* f, const std::string& s, float w) { return textWidth(f, s) <= w; };

    if (level && level->outline.size() >= 3) {
        const auto pts = toScreen(v, level->outline);
        fillPolygon(dl, pts, pal.map_floor);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), pal.map_floor_line, ImDrawFlags_Closed, line * 2);
    }
    for (const Obstacle& o : m.obstacles) {
        if (o.level != level_ || o.shape.size() < 3) continue;
        const auto pts = toScreen(v, o.shape);
        fillPolygon(dl, pts, pal.map_floor_line & 0x40FFFFFF);
    }
    for (const Room& r : m.rooms) {
        if (r.level != level_ || r.shape.size() < 3) continue;
        const auto pts = toScreen(v, r.shape);
        const bool sel = selected_ == "room:" + r.id;
        const std::string name = r.name.in(c.lang());
        ImVec2 mn, mx;
        bounds(pts, &mn, &mx);
        if (c.touch.target("room." + r.id, name, mn, mx, &pts)) {
            selected_ = "room:" + r.id;
        }
        fillPolygon(dl, pts, sel ? pal.accent_soft : roomFill(pal, r.kind));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), sel ? pal.map_selected : pal.map_room_line,
                        ImDrawFlags_Closed, sel ? line * 3 : line);
    }
    for (const Wall& w : m.walls) {
        if (w.level != level_ || w.points.size() < 2) continue;
        const auto pts = toScreen(v, w.points);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), pal.map_floor_line, 0,
                        std::max(line, static_cast<float>(w.thickness) * v.scale));
    }
    // Room names, after walls so they stay readable; halls put theirs at the top edge (stands fill them).
    for (const Room& r : m.rooms) {
        if (r.level != level_ || r.shape.size() < 3) continue;
        const auto pts = toScreen(v, r.shape);
        ImVec2 mn, mx;
        bounds(pts, &mn, &mx);
        const std::string name = r.name.in(c.lang());
        ImFont* f = th.caption;
        if (!nameFits(f, name, mx.x - mn.x - th.u(2)) || mx.y - mn.y < f->FontSize * 1.5f) continue;
        const float w = textWidth(f, name);
        const float y = r.kind == RoomKind::Hall ? mn.y + th.u(1) : (mn.y + mx.y - f->FontSize) * 0.5f;
        text(c, f, ImVec2(std::floor((mn.x + mx.x - w) * 0.5f), std::floor(y)), pal.text_muted, name);
    }
    for (const Stand& s : m.stands) {
        if (s.level != level_ || s.shape.size() < 3) continue;
        const auto pts = toScreen(v, s.shape);
        const Exhibitor* ex = m.exhibitorAtStand(s.id);
        const bool sel = selected_ == "stand:" + s.id;
        ImVec2 mn, mx;
        bounds(pts, &mn, &mx);
        const std::string label = std::string(c.t(S::Stand)) + " " + s.id + (ex ? " – " + ex->name : "");
        if (c.touch.target("stand." + s.id, label, mn, mx, &pts)) selected_ = "stand:" + s.id;
        fillPolygon(dl, pts, sel ? pal.map_selected : (ex ? pal.map_stand : pal.map_stand_vacant));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ex ? pal.map_stand_line : pal.map_room_line,
                        ImDrawFlags_Closed, sel ? line * 2.5f : line);
        // Number always if it fits; the exhibitor's short name when zoomed in far enough.
        const float bw = mx.x - mn.x - th.u(1), bh = mx.y - mn.y;
        ImFont* nf = th.caption;
        const ImU32 tc = sel ? IM_COL32_WHITE : pal.map_stand_text;
        // The number may touch the stand's outline: a 3 m stand at "whole level" must still show it.
        if (nameFits(nf, s.id, mx.x - mn.x + th.scale * 2) && bh > nf->FontSize) {
            const std::string sn = ex ? (ex->short_name.empty() ? ex->name : ex->short_name) : std::string();
            const bool two = !sn.empty() && bh > nf->FontSize * 2.3f && bw > th.u(6);
            const float ty = std::floor((mn.y + mx.y) * 0.5f - (two ? nf->FontSize : nf->FontSize * 0.5f));
            const float idw = textWidth(nf, s.id);
            text(c, nf, ImVec2(std::floor((mn.x + mx.x - idw) * 0.5f), ty), tc, s.id);
            if (two) {
                const std::string fitted = ellipsize(nf, sn, bw);
                const float sw = textWidth(nf, fitted);
                text(c, nf, ImVec2(std::floor((mn.x + mx.x - sw) * 0.5f), ty + nf->FontSize), tc, fitted);
            }
        }
    }
    // Points of interest: an icon in a disc, big enough to tap.
    const float poi_r = std::max(th.u(2.5f), th.caption->FontSize * 0.8f);
    for (const Poi& p : m.pois) {
        if (p.level != level_) continue;
        const ImVec2 s = v(p.pos);
        const bool sel = selected_ == "poi:" + p.id;
        const std::string name = p.name.in(c.lang()).empty() ? poiName(p.type, c.lang()) : p.name.in(c.lang());
        const float hit = std::max(poi_r, th.min_target * 0.5f);
        if (c.touch.target("poi." + p.id, name, ImVec2(s.x - hit, s.y - hit), ImVec2(s.x + hit, s.y + hit)))
            selected_ = "poi:" + p.id;
        dl->AddCircleFilled(s, poi_r, sel ? pal.map_selected : pal.map_poi, 24);
        dl->AddCircle(s, poi_r, th.contrast ? pal.bg : IM_COL32_WHITE, 24, line * 1.5f);
        const char* ic = poiIcon(p.type);
        const float iw = textWidth(th.caption, ic);
        text(c, th.caption, ImVec2(std::floor(s.x - iw * 0.5f), std::floor(s.y - th.caption->FontSize * 0.5f)),
             th.contrast ? pal.bg : IM_COL32_WHITE, ic);
    }
    // You are here.
    if (kiosk && kiosk->level == level_) {
        const ImVec2 s = v(kiosk->pos);
        const float r = th.u(2);
        dl->AddCircleFilled(s, r * 2.2f, (pal.map_you & 0x00FFFFFF) | 0x40000000, 32);
        dl->AddCircleFilled(s, r, pal.map_you, 32);
        dl->AddCircle(s, r, IM_COL32_WHITE, 32, line * 2);
        const std::string yah = std::string(icon::YouAreHere) + " " + c.t(S::YouAreHere);
        const float tw = textWidth(th.strong, yah);
        const ImVec2 la(std::floor(s.x - tw * 0.5f - th.u(1.5f)), std::floor(s.y + r * 2.4f));
        const ImVec2 lb(la.x + tw + th.u(3), la.y + th.strong->FontSize + th.u(1.5f));
        dl->AddRectFilled(la, lb, pal.map_you, th.u(1));
        text(c, th.strong, ImVec2(la.x + th.u(1.5f), la.y + th.u(0.75f)), IM_COL32_WHITE, yah);
    }
    c.touch.popClip();
    dl->PopClipRect();

    // Zoom controls sit in the map's lower corner, where a hand reaches them.
    {
        const float bh = th.min_target;
        const float bw1 = buttonWidth(c, icon::ZoomIn, c.t(S::ZoomIn), th.caption);
        const float bw2 = buttonWidth(c, icon::ZoomOut, c.t(S::ZoomOut), th.caption);
        const float bw3 = buttonWidth(c, icon::Expand, c.t(S::ResetView), th.caption);
        float x = map_b.x - th.u(2);
        const float y1 = map_b.y - th.u(2), y0 = y1 - bh;
        if (button(c, "map.reset", icon::Expand, c.t(S::ResetView), ImVec2(x - bw3, y0), ImVec2(x, y1), Style::Secondary,
                   th.caption)) {
            zoom_ = 1;
            pan_ = ImVec2(0, 0);
        }
        x -= bw3 + th.u(1.5f);
        if (button(c, "map.zoom-out", icon::ZoomOut, c.t(S::ZoomOut), ImVec2(x - bw2, y0), ImVec2(x, y1), Style::Secondary,
                   th.caption))
            zoomAbout(map_c, 0.5f);
        x -= bw2 + th.u(1.5f);
        if (button(c, "map.zoom-in", icon::ZoomIn, c.t(S::ZoomIn), ImVec2(x - bw1, y0), ImVec2(x, y1), Style::Secondary,
                   th.caption))
            zoomAbout(map_c, 2.0f);
    }

    // [SECTION] Side panel: title, levels, the selection.
    panel(c, pan_a, pan_b, pal.surface);
    const float px = pan_a.x + th.u(3), pw = pan_b.x - pan_a.x - th.u(6);
    float y = pan_a.y + th.u(3);
    text(c, th.heading, ImVec2(px, y), pal.accent, icon::Map);
    textEllipsis(c, th.heading, ImVec2(px + textWidth(th.heading, icon::Map) + th.u(2), y), pal.text, c.t(S::Map),
                 pw - th.u(8));
    y += th.heading->FontSize + th.u(2);
    if (levels.size() > 1) {
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
                       l->id == level_ ? Style::Selected : Style::Secondary)) {
                if (level_ != l->id) {
                    level_ = l->id;
                    zoom_ = 1;
                    pan_ = ImVec2(0, 0);
                }
            }
            lx += bw + th.u(1.5f);
        }
        y += th.min_target + th.u(3);
    }
    c.dl->AddLine(ImVec2(px, y), ImVec2(px + pw, y), pal.border, line);
    y += th.u(3);

    const std::string k = selKind(selected_), id = selId(selected_);
    if (k == "stand") {
        const Stand* s = m.stand(id);
        const Exhibitor* ex = m.exhibitorAtStand(id);
        text(c, th.caption, ImVec2(px, y), pal.text_muted, std::string(icon::Stand) + "  " + c.t(S::Stand) + " " + s->id);
        y += th.caption->FontSize + th.u(1);
        if (ex) {
            y += textWrapped(c, th.heading, ImVec2(px, y), pal.text, ex->name, pw) + th.u(2);
            if (y + th.min_target < pan_b.y &&
                button(c, "exhibitor." + ex->id, icon::Exhibitors, c.t(S::ViewExhibitor), ImVec2(px, y),
                       ImVec2(px + pw, y + th.min_target), Style::Primary))
                c.nav.go(ScreenId::Exhibitor, ex->id);
        } else {
            textWrapped(c, th.body, ImVec2(px, y), pal.text_muted, c.t(S::VacantStand), pw);
        }
    } else if (k == "room") {
        const Room* r = m.room(id);
        text(c, th.caption, ImVec2(px, y), pal.text_muted, std::string(icon::Door) + "  " + c.t(S::Room));
        y += th.caption->FontSize + th.u(1);
        y += textWrapped(c, th.heading, ImVec2(px, y), pal.text, r->name.in(c.lang()), pw) + th.u(2);
        const Talk *now = nullptr, *next = nullptr;
        roomNowNext(m, r->id, c.now_utc, &now, &next);
        if (!now && !next) textWrapped(c, th.body, ImVec2(px, y), pal.text_muted, c.t(S::NothingOnHere), pw);
        for (const Talk* t : {now, next}) {
            if (!t) continue;
            const std::string title = t->title.in(c.lang());
            const float th_ = std::min(textHeight(th.strong, title, pw - th.u(4)), th.strong->FontSize * 2.5f);
            const float h = th.u(2) + th.caption->FontSize + th.u(0.5f) + th_ + th.u(2);
            if (y + h > pan_b.y - th.u(2)) break;
            if (card(c, "talk." + t->id, title, ImVec2(px, y), ImVec2(px + pw, y + h))) c.nav.go(ScreenId::Talk, t->id);
            const std::string when = std::string(t == now ? c.t(S::OnNow) : c.t(S::Next)) + "  ·  " +
                                     timeRange(*t, c.tz, c.lang());
            text(c, th.caption, ImVec2(px + th.u(2), y + th.u(2)), t == now ? pal.live : pal.accent, when);
            c.dl->PushClipRect(ImVec2(px, y), ImVec2(px + pw, y + h - th.u(1.5f)), true);
            textWrapped(c, th.strong, ImVec2(px + th.u(2), y + th.u(2.5f) + th.caption->FontSize), pal.text, title,
                        pw - th.u(4));
            c.dl->PopClipRect();
            y += h + th.u(1.5f);
        }
    } else if (k == "poi") {
        const Poi* p = m.poi(id);
        const std::string type = poiName(p->type, c.lang());
        text(c, th.caption, ImVec2(px, y), pal.text_muted, std::string(poiIcon(p->type)) + "  " + type);
        y += th.caption->FontSize + th.u(1);
        const std::string name = p->name.in(c.lang()).empty() ? type : p->name.in(c.lang());
        textWrapped(c, th.heading, ImVec2(px, y), pal.text, name, pw);
    } else {
        textWrapped(c, th.body, ImVec2(px, y), pal.text_muted, std::string(icon::Hand) + "  " + c.t(S::MapTapHint), pw);
    }

    if (c.report) {
        auto& r = *c.report;
        r["level"] = level_;
        r["zoom"] = zoom_;
        r["map_selected"] = selected_.empty() ? nlohmann::json() : nlohmann::json(selected_);
        int stands = 0;
        for (const Stand& s : m.stands) stands += s.level == level_;
        r["stands_on_level"] = stands;
    }
}

} // namespace ww
