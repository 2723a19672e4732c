// The floor plan's view maths, polygon filling and label placement (see map_view.h).
#include "ui/map_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ww {

namespace {

constexpr float kPi = 3.14159265358979f;

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

} // namespace

// [SECTION] Plan to screen

Vec2 PlanTransform::toPlan(ImVec2 s) const {
    const float rx = (s.x - origin.x) / scale + rc.x, ry = (s.y - origin.y) / scale + rc.y;
    // The inverse rotation is the transpose.
    return Vec2{rx * cos_a + ry * sin_a, -rx * sin_a + ry * cos_a};
}

float planRotationDeg(const Kiosk* kiosk) {
    if (!kiosk || kiosk->north_up) return 0;
    float deg = static_cast<float>(std::fmod(kiosk->facing_deg, 360.0));
    if (deg < 0) deg += 360;
    return deg;
}

PlanTransform planTransform(const Polygon& outline, float rotation_deg, ImVec2 a, ImVec2 b, float zoom, ImVec2 pan,
                            float margin_px, ImVec2* fitted_px) {
    PlanTransform t;
    const float rad = -rotation_deg * kPi / 180.0f;
    t.cos_a = std::cos(rad);
    t.sin_a = std::sin(rad);
    ImVec2 mn(FLT_MAX, FLT_MAX), mx(-FLT_MAX, -FLT_MAX);
    for (const Vec2& p : outline) {
        const ImVec2 r = t.rotate(p);
        mn = ImVec2(std::min(mn.x, r.x), std::min(mn.y, r.y));
        mx = ImVec2(std::max(mx.x, r.x), std::max(mx.y, r.y));
    }
    if (outline.empty()) mn = mx = ImVec2(0, 0);
    const float rw = std::max(1.0f, mx.x - mn.x), rh = std::max(1.0f, mx.y - mn.y);
    const float mw = std::max(1.0f, b.x - a.x - 2 * margin_px), mh = std::max(1.0f, b.y - a.y - 2 * margin_px);
    const float fit = std::min(mw / rw, mh / rh);
    t.rc = ImVec2((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f);
    t.scale = fit * zoom;
    t.origin = ImVec2((a.x + b.x) * 0.5f + pan.x, (a.y + b.y) * 0.5f + pan.y);
    if (fitted_px) *fitted_px = ImVec2(rw * fit, rh * fit);
    return t;
}

// [SECTION] Camera

void MapCamera::dragBy(ImVec2 d) {
    pan = ImVec2(pan.x + d.x, pan.y + d.y);
    shown_pan = ImVec2(shown_pan.x + d.x, shown_pan.y + d.y);
    shown_zoom = zoom; // a finger on the plan ends any zoom animation where it is heading
    velocity = ImVec2(0, 0);
}

void MapCamera::zoomAbout(ImVec2 at, float k) {
    const float nz = std::clamp(zoom * k, kMinZoom, kMaxZoom);
    k = nz / zoom;
    zoom = nz;
    pan = ImVec2(at.x - (at.x - pan.x) * k, at.y - (at.y - pan.y) * k);
    velocity = ImVec2(0, 0);
}

void MapCamera::zoomTo(ImVec2 at, float k) {
    const float nz = std::clamp(zoom * k, kMinZoom, kMaxZoom);
    k = nz / zoom;
    zoom = nz;
    pan = ImVec2(-(at.x - pan.x) * k, -(at.y - pan.y) * k);
    velocity = ImVec2(0, 0);
}

bool MapCamera::step(float dt, bool reduced_motion) {
    dt = std::min(dt, 0.1f);
    bool moving = false;
    if (velocity.x != 0 || velocity.y != 0) {
        const ImVec2 d(velocity.x * dt, velocity.y * dt);
        pan = ImVec2(pan.x + d.x, pan.y + d.y);
        shown_pan = ImVec2(shown_pan.x + d.x, shown_pan.y + d.y);
        const float decay = std::exp(-4.0f * dt);
        velocity = ImVec2(velocity.x * decay, velocity.y * decay);
        if (std::hypot(velocity.x, velocity.y) < 15.0f) velocity = ImVec2(0, 0);
        moving = true;
    }
    if (reduced_motion) {
        jump();
        return moving;
    }
    // Zoom eases in log space, so doubling looks the same at every scale; the pan follows the same
    // fraction, which keeps the point the visitor tapped steady on its way to the centre.
    const float f = 1.0f - std::exp(-9.0f * dt);
    const float lz = std::log(shown_zoom), tz = std::log(zoom);
    const float dz = std::fabs(tz - lz), dp = std::hypot(pan.x - shown_pan.x, pan.y - shown_pan.y);
    if (dz < 0.002f && dp < 0.5f) {
        jump();
        return moving;
    }
    shown_zoom = std::exp(lz + (tz - lz) * f);
    shown_pan = ImVec2(shown_pan.x + (pan.x - shown_pan.x) * f, shown_pan.y + (pan.y - shown_pan.y) * f);
    return true;
}

void MapCamera::clamp(ImVec2 level_px, ImVec2 map_px) {
    auto lim = [&](float level, float map, float z) { return level * z * 0.5f + map * 0.25f; };
    const ImVec2 before = pan;
    pan.x = std::clamp(pan.x, -lim(level_px.x, map_px.x, zoom), lim(level_px.x, map_px.x, zoom));
    pan.y = std::clamp(pan.y, -lim(level_px.y, map_px.y, zoom), lim(level_px.y, map_px.y, zoom));
    if (pan.x != before.x) velocity.x = 0;
    if (pan.y != before.y) velocity.y = 0;
    shown_pan.x = std::clamp(shown_pan.x, -lim(level_px.x, map_px.x, shown_zoom), lim(level_px.x, map_px.x, shown_zoom));
    shown_pan.y = std::clamp(shown_pan.y, -lim(level_px.y, map_px.y, shown_zoom), lim(level_px.y, map_px.y, shown_zoom));
}

// [SECTION] Drawing helpers

void fillPolygon(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col) {
    if (pts.size() < 3) return;
    if (isConvex(pts)) {
        dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), col);
        return;
    }
    // Ear clipping: an L-shaped foyer is cut into triangles drawn as raw primitives.
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

bool pointInPolygon(const std::vector<ImVec2>& poly, ImVec2 p) {
    bool in = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const ImVec2& a = poly[i];
        const ImVec2& b = poly[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

void screenBounds(const std::vector<ImVec2>& pts, ImVec2* mn, ImVec2* mx) {
    *mn = ImVec2(FLT_MAX, FLT_MAX);
    *mx = ImVec2(-FLT_MAX, -FLT_MAX);
    for (const ImVec2& p : pts) {
        mn->x = std::min(mn->x, p.x);
        mn->y = std::min(mn->y, p.y);
        mx->x = std::max(mx->x, p.x);
        mx->y = std::max(mx->y, p.y);
    }
}

float polylineLength(const std::vector<ImVec2>& pts) {
    float len = 0;
    for (size_t i = 1; i < pts.size(); ++i) len += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    return len;
}

std::vector<ImVec2> polylinePrefix(const std::vector<ImVec2>& pts, float length) {
    std::vector<ImVec2> out;
    if (pts.empty()) return out;
    out.push_back(pts[0]);
    for (size_t i = 1; i < pts.size() && length > 0; ++i) {
        const float seg = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
        if (seg <= length) {
            out.push_back(pts[i]);
            length -= seg;
        } else {
            const float f = length / seg;
            out.push_back(ImVec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f));
            break;
        }
    }
    return out;
}

// [SECTION] Touch targets on the plan

std::vector<bool> acceptPlanTargets(const std::vector<PlanCandidate>& c, float least, float tolerance) {
    std::vector<size_t> order(c.size());
    for (size_t i = 0; i < c.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return c[a].priority > c[b].priority; });
    std::vector<bool> ok(c.size(), false);
    std::vector<size_t> taken;
    for (size_t i : order) {
        const PlanCandidate& a = c[i];
        if (a.max.x - a.min.x < least || a.max.y - a.min.y < least) continue;
        bool clear = true;
        for (size_t j : taken) {
            const PlanCandidate& b = c[j];
            const float ox = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
            const float oy = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
            if (ox > tolerance && oy > tolerance) {
                clear = false;
                break;
            }
        }
        if (!clear) continue;
        ok[i] = true;
        taken.push_back(i);
    }
    return ok;
}

// [SECTION] Labels

bool LabelPlacer::free(const Box& b) const {
    for (const Box& t : taken_)
        if (b.min.x < t.max.x && b.max.x > t.min.x && b.min.y < t.max.y && b.max.y > t.min.y) return false;
    return true;
}

int LabelPlacer::placeAndDraw(ImDrawList* dl, float rounding) {
    std::stable_sort(labels_.begin(), labels_.end(),
                     [](const MapLabel& a, const MapLabel& b) { return a.priority > b.priority; });
    const ImVec4 clip = dl->GetClipRectMax().x > 0 ? ImVec4(dl->GetClipRectMin().x, dl->GetClipRectMin().y,
                                                            dl->GetClipRectMax().x, dl->GetClipRectMax().y)
                                                   : ImVec4(-FLT_MAX, -FLT_MAX, FLT_MAX, FLT_MAX);
    int drawn = 0;
    std::vector<int> groups_placed;
    for (const MapLabel& l : labels_) {
        if (l.group && std::find(groups_placed.begin(), groups_placed.end(), l.group) != groups_placed.end()) continue;
        // Only whole labels: a name cut by the map's edge reads as a different word.
        if (l.min.x < clip.x || l.max.x > clip.z || l.min.y < clip.y || l.max.y > clip.w) continue;
        const Box b{l.min, l.max};
        if (!free(b)) continue;
        taken_.push_back(b);
        if (l.group) groups_placed.push_back(l.group);
        if (l.backing) dl->AddRectFilled(l.min, l.max, l.backing, rounding);
        dl->AddText(l.font, l.font->FontSize, l.text_pos, l.colour, l.text.c_str());
        ++drawn;
    }
    clear();
    return drawn;
}

} // namespace ww
