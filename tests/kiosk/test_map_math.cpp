// The floor plan's arithmetic without a window: tapping concave stands, and the turned plan (plan to
// screen and back, and the visitor's forward pointing up on screen).
#include <doctest/doctest.h>

#include "core/model.h"
#include "ui/map_view.h"
#include "ui/touch.h"

#include <cmath>
#include <vector>

using namespace ww;

namespace {

// An L-shaped stand 6 × 6 m with the upper right 3 × 3 m cut away (the notch).
const Polygon kLStand = {{0, 0}, {3, 0}, {3, 3}, {6, 3}, {6, 6}, {0, 6}};

// A level outline large enough to hold the stand and a kiosk.
const Polygon kLevel = {{-20, -20}, {40, -20}, {40, 30}, {-20, 30}};

std::vector<ImVec2> toScreen(const PlanTransform& t, const Polygon& poly) {
    std::vector<ImVec2> out;
    for (const Vec2& p : poly) out.push_back(t(p));
    return out;
}

PlanTransform turned(float facing_deg, float zoom = 1.7f, ImVec2 pan = ImVec2(35, -20)) {
    Kiosk k;
    k.facing_deg = facing_deg;
    return planTransform(kLevel, planRotationDeg(&k), ImVec2(100, 50), ImVec2(1500, 1000), zoom, pan, 24);
}

// One frame of the touch layer with the stand as the only target, tapped at `p`.
bool tapStand(const std::vector<ImVec2>& pts, ImVec2 p) {
    ImVec2 mn, mx;
    screenBounds(pts, &mn, &mx);
    Touch t;
    double now = 0;
    auto frame = [&](PointerState ps) {
        t.beginFrame(ps, now);
        const bool hit = t.target("stand.L1", "Stand L1", mn, mx, &pts);
        t.endFrame();
        now += 0.05;
        return hit;
    };
    frame({ImVec2(-1, -1), false});
    frame({p, true});
    return frame({p, false});
}

} // namespace

TEST_CASE("a concave stand is hit inside its L but not in the notch") {
    for (float facing : {0.0f, 90.0f, 215.0f}) {
        CAPTURE(facing);
        const PlanTransform t = turned(facing);
        const auto pts = toScreen(t, kLStand);
        // Inside both arms of the L.
        CHECK(pointInPolygon(pts, t(Vec2{1.5, 1.5})));
        CHECK(pointInPolygon(pts, t(Vec2{4.5, 4.5})));
        CHECK(pointInPolygon(pts, t(Vec2{1.5, 4.5})));
        // The notch lies inside the stand's bounding box, but is not the stand.
        const ImVec2 notch = t(Vec2{4.5, 1.5});
        ImVec2 mn, mx;
        screenBounds(pts, &mn, &mx);
        CHECK(notch.x > mn.x);
        CHECK(notch.x < mx.x);
        CHECK(notch.y > mn.y);
        CHECK(notch.y < mx.y);
        CHECK_FALSE(pointInPolygon(pts, notch));
        CHECK_FALSE(pointInPolygon(pts, t(Vec2{8, 8})));
        // The same through the touch layer, as the floor plan registers stands.
        CHECK(tapStand(pts, t(Vec2{1.5, 4.5})));
        CHECK_FALSE(tapStand(pts, notch));
    }
}

TEST_CASE("plan to screen and back gives the same plan point at facing 0, 90 and 215 degrees") {
    for (float facing : {0.0f, 90.0f, 215.0f}) {
        CAPTURE(facing);
        const PlanTransform t = turned(facing);
        for (const Vec2& p : {Vec2{0, 0}, Vec2{16, 54}, Vec2{-12.5, 7.25}, Vec2{33, -18}}) {
            CAPTURE(p.x);
            CAPTURE(p.y);
            const Vec2 back = t.toPlan(t(p));
            CHECK(back.x == doctest::Approx(p.x).epsilon(1e-4));
            CHECK(back.y == doctest::Approx(p.y).epsilon(1e-4));
        }
    }
}

TEST_CASE("the plan turns so that the visitor's forward is up on screen") {
    const Vec2 kiosk{10, 5};
    for (float facing : {0.0f, 90.0f, 215.0f}) {
        CAPTURE(facing);
        const PlanTransform t = turned(facing);
        // Facing 0 looks to plan up (y decreasing), 90 to plan right.
        const double rad = facing * 3.14159265358979 / 180.0;
        const Vec2 ahead{kiosk.x + 8 * std::sin(rad), kiosk.y - 8 * std::cos(rad)};
        const Vec2 right{kiosk.x + 8 * std::cos(rad), kiosk.y + 8 * std::sin(rad)};
        const ImVec2 k = t(kiosk), a = t(ahead), r = t(right);
        // Straight above the kiosk: higher on screen, same column.
        CHECK(a.y < k.y - 1);
        CHECK(a.x == doctest::Approx(k.x).epsilon(1e-3));
        // And the visitor's right is to the right on screen.
        CHECK(r.x > k.x + 1);
        CHECK(r.y == doctest::Approx(k.y).epsilon(1e-3));
    }
    // A north-up kiosk does not turn the plan, whatever its facing.
    Kiosk k;
    k.facing_deg = 215;
    k.north_up = true;
    CHECK(planRotationDeg(&k) == 0.0f);
}

TEST_CASE("stands and symbols are their own targets only when finger-sized and clear of their neighbours") {
    // A row of 3 m stands at 14 px per metre (whole level): 42 px, too small for a 48 px finger.
    std::vector<PlanCandidate> row;
    for (int i = 0; i < 4; ++i) row.push_back({ImVec2(i * 42.0f, 0), ImVec2((i + 1) * 42.0f, 42), 10});
    for (bool ok : acceptPlanTargets(row, 48)) CHECK_FALSE(ok);
    // One zoom step later (84 px): every stand, side by side sharing an edge, is a target.
    for (PlanCandidate& c : row) c.min.x *= 2, c.max.x *= 2, c.max.y *= 2;
    for (bool ok : acceptPlanTargets(row, 48)) CHECK(ok);
    // Two symbols 30 px apart crowd each other: the more important one keeps its target, the other
    // waits for the next zoom step; a stand under the winner gives way too.
    const std::vector<PlanCandidate> crowd = {{ImVec2(0, 0), ImVec2(48, 48), 103},
                                              {ImVec2(30, 0), ImVec2(78, 48), 109},
                                              {ImVec2(60, 10), ImVec2(160, 110), 10},
                                              {ImVec2(200, 0), ImVec2(248, 48), 101}};
    CHECK(acceptPlanTargets(crowd, 48) == std::vector<bool>{false, true, false, true});
}
