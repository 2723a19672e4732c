// The floor plan's view: how plan metres become screen pixels (turned so the visitor's forward is up,
// zoomed, panned), the camera that animates zoom and pan and carries a flicked plan on, polygon filling
// for concave rooms, and the greedy placement that keeps labels from overlapping.
#pragma once

#include "core/model.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace ww {

// [SECTION] Plan to screen

struct PlanTransform {
    float cos_a = 1, sin_a = 0; // rotation of the plan on screen
    ImVec2 rc;                  // centre of the level's rotated bounds (rotated metres)
    float scale = 1;            // pixels per metre, zoom included
    ImVec2 origin;              // screen point of rc

    ImVec2 rotate(const Vec2& p) const {
        const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        return ImVec2(x * cos_a - y * sin_a, x * sin_a + y * cos_a);
    }
    ImVec2 toScreen(const Vec2& p) const {
        const ImVec2 r = rotate(p);
        return ImVec2(origin.x + (r.x - rc.x) * scale, origin.y + (r.y - rc.y) * scale);
    }
    ImVec2 operator()(const Vec2& p) const { return toScreen(p); }
    Vec2 toPlan(ImVec2 s) const;
    // A direction on the plan (metres, y down) as a screen direction.
    ImVec2 direction(const Vec2& d) const { return rotate(d); }
};

// The plan turns by -facing so that the direction the visitor looks (facing_deg: 0 = plan up,
// 90 = plan right) points up on screen. north_up kiosks do not turn it.
float planRotationDeg(const Kiosk* kiosk);

// The transform for a level with this outline in a map area [a, b]: at zoom 1 the whole turned level
// fits with a margin; `pan` moves the plan centre (pixels). *fitted_px gets the turned level's size
// on screen at zoom 1 (for MapCamera::clamp).
PlanTransform planTransform(const Polygon& outline, float rotation_deg, ImVec2 a, ImVec2 b, float zoom, ImVec2 pan,
                            float margin_px, ImVec2* fitted_px = nullptr);

// [SECTION] Camera

constexpr float kMinZoom = 1.0f;
constexpr float kMaxZoom = 8.0f;

// Zoom and pan the visitor asked for (target) and what is shown (animated towards it). Dragging moves
// both at once; a flick keeps the plan moving and slows it down.
struct MapCamera {
    float zoom = 1, shown_zoom = 1;
    ImVec2 pan{0, 0}, shown_pan{0, 0};
    ImVec2 velocity{0, 0}; // px/s after a flick

    void reset() { *this = MapCamera{}; }
    // Shows the target at once (reduced motion, a new level).
    void jump() {
        shown_zoom = zoom;
        shown_pan = pan;
    }
    void dragBy(ImVec2 d);
    void fling(ImVec2 v) { velocity = v; }
    // Zooms by factor k keeping the screen point `at` (relative to the map centre) where it is.
    void zoomAbout(ImVec2 at, float k);
    // Zooms by k and brings the screen point `at` (relative to the map centre) to the centre.
    void zoomTo(ImVec2 at, float k);
    // Moves the view toward the target; true while something still moves.
    bool step(float dt, bool reduced_motion);
    // Keeps at least some of the level on screen: the pan may move the plan centre at most
    // half the level plus a quarter of the map area away.
    void clamp(ImVec2 level_px_at_zoom1, ImVec2 map_px);
};

// [SECTION] Drawing helpers

// Fills any simple polygon (screen points): convex ones anti-aliased, concave ones by ear clipping.
void fillPolygon(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col);
bool pointInPolygon(const std::vector<ImVec2>& poly, ImVec2 p);
void screenBounds(const std::vector<ImVec2>& pts, ImVec2* mn, ImVec2* mx);
// The polyline's length in pixels, and the same polyline cut after `length` pixels.
float polylineLength(const std::vector<ImVec2>& pts);
std::vector<ImVec2> polylinePrefix(const std::vector<ImVec2>& pts, float length);

// [SECTION] Touch targets on the plan

// Something on the plan that may become a touch target at this zoom (a stand, a symbol).
struct PlanCandidate {
    ImVec2 min, max; // the box it would register
    int priority = 0; // higher first: the selected item, then symbols by importance, then stands
};

// Which candidates are their own touch target at this zoom: highest priority first, each only when
// it is at least `least` px both ways and overlaps no candidate taken before it by more than
// `tolerance` px (neighbouring stands share an edge). The rest are reached by zooming in.
std::vector<bool> acceptPlanTargets(const std::vector<PlanCandidate>& c, float least, float tolerance = 0.5f);

// [SECTION] Labels

// Labels are placed greedily: the most important first, each only where it overlaps nothing placed
// before (markers are placed as blockers first). Text stays at its readable size at every zoom.
struct MapLabel {
    int priority = 0; // higher first
    ImVec2 min, max;  // screen box, padding included
    ImFont* font = nullptr;
    ImVec2 text_pos;
    ImU32 colour = 0;
    ImU32 backing = 0; // 0 = none, else a rounded box behind the text
    std::string text;
    int group = 0;     // alternative positions of one label share a group (> 0): only the first that fits shows
};

class LabelPlacer {
public:
    // Space that no label may cover (the "you are here" marker, a point of interest).
    void block(ImVec2 min, ImVec2 max) { taken_.push_back({min, max}); }
    void add(MapLabel l) { labels_.push_back(std::move(l)); }
    // Decides which labels fit, draws them, and forgets everything for the next frame.
    // Returns how many were drawn.
    int placeAndDraw(ImDrawList* dl, float rounding);
    void clear() {
        taken_.clear();
        labels_.clear();
    }

private:
    struct Box {
        ImVec2 min, max;
    };
    bool free(const Box& b) const;
    std::vector<Box> taken_;
    std::vector<MapLabel> labels_;
};

} // namespace ww
