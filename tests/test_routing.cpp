// Wayfinding: the route a visitor is shown from a kiosk goes around stands, through doors and across
// levels the way a person walks, step-free when asked, and an unreachable place says so at once.
#include "support.h"

#include "content/loader.h"
#include "core/geometry.h"
#include "core/routing.h"

#include <chrono>
#include <cmath>

using namespace ww;

namespace ww {
inline std::ostream& operator<<(std::ostream& os, RouteProblem p) {
    return os << static_cast<int>(p);
}
} // namespace ww

namespace {

Level level(const std::string& id, const std::string& de, const std::string& en, int floor, Polygon outline) {
    Level l;
    l.id = id;
    l.name = {de, en};
    l.floor = floor;
    l.outline = std::move(outline);
    return l;
}

// One empty hall, `w` × `h` metres, on level "eg".
Model hall(double w = 40, double h = 20) {
    Model m;
    m.levels.push_back(level("eg", "Erdgeschoss", "Ground floor", 0, rectangle(0, 0, w, h)));
    return m;
}

Room room(const std::string& id, const std::string& lv, Polygon shape, std::vector<Door> doors) {
    Room r;
    r.id = id;
    r.level = lv;
    r.name = {"Raum " + id, "Room " + id};
    r.shape = std::move(shape);
    r.doors = std::move(doors);
    return r;
}

Stand stand(const std::string& id, const std::string& lv, double x, double y, double w, double d,
            Vec2 front) {
    Stand s;
    s.id = id;
    s.level = lv;
    s.shape = rectangle(x, y, w, d);
    s.front = front;
    return s;
}

Connector connector(const std::string& id, ConnectorType type, Vec2 eg, Vec2 og) {
    Connector c;
    c.id = id;
    c.type = type;
    c.name = {id, id};
    c.stops = {{"eg", eg}, {"og", og}};
    return c;
}

double length(const std::vector<Vec2>& pts) {
    double d = 0;
    for (size_t i = 1; i < pts.size(); ++i)
        d += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    return d;
}

// Whether the polyline comes within `r` metres of `p`.
bool passesNear(const std::vector<Vec2>& pts, Vec2 p, double r) {
    for (size_t i = 1; i < pts.size(); ++i)
        if (distancePointSegment(p, pts[i - 1], pts[i]) <= r) return true;
    return pts.size() == 1 && std::hypot(pts[0].x - p.x, pts[0].y - p.y) <= r;
}

// Whether any part of the polyline enters the polygon's interior (sampled every 5 cm).
bool entersPolygon(const std::vector<Vec2>& pts, const Polygon& poly) {
    for (size_t i = 1; i < pts.size(); ++i) {
        Vec2 a = pts[i - 1], b = pts[i];
        int n = static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / 0.05) + 1;
        for (int k = 0; k <= n; ++k) {
            Vec2 p{a.x + (b.x - a.x) * k / n, a.y + (b.y - a.y) * k / n};
            if (pointInPolygon(p, poly) && distanceToOutline(p, poly) > 0.01) return true;
        }
    }
    return false;
}

std::string describe(const Route& r) {
    std::string s = r.ok ? "ok" : "not ok: " + r.reason;
    for (const RouteLeg& l : r.legs) {
        s += "\n  " + l.level + ":";
        for (Vec2 p : l.points)
            s += " (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")";
    }
    return s;
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

TEST_SUITE("walk grids") {
    TEST_CASE("a grid covers its level with a blocked border; walls, stands and doors are marked") {
        Model m = hall();
        m.walls.push_back({"eg", {{20, 0}, {20, 20}}, 0.2});
        m.rooms.push_back(room("west", "eg", rectangle(0, 0, 20, 20), {{{20, 15}, 2, true}}));
        m.rooms.push_back(
            room("ost", "eg", rectangle(20, 0, 20, 20), {{{20, 15}, 2, true}, {{30, 20}, 2, false}}));
        m.stands.push_back(stand("A1", "eg", 5, 5, 4, 3, {7, 8.5}));
        std::vector<WalkGrid> grids = buildWalkGrids(m);
        REQUIRE(grids.size() == 1);
        const WalkGrid& g = grids[0];
        CHECK(g.level == "eg");
        CHECK(g.cell == doctest::Approx(0.25));
        CHECK(g.cols * g.rows == static_cast<int>(g.cells.size()));
        CHECK(g.origin.x < 0);
        CHECK(g.origin.x + g.cols * g.cell > 40);
        auto at = [&](double x, double y) {
            return g.cells[static_cast<size_t>((y - g.origin.y) / g.cell) * g.cols +
                           static_cast<size_t>((x - g.origin.x) / g.cell)];
        };
        for (int c = 0; c < g.cols; ++c)
            CHECK(g.cells[c] == kCellBlocked);
        CHECK(at(10, 2) == kCellWalkable);
        CHECK(at(20.05, 5) == kCellBlocked); // the wall
        CHECK(at(20.05, 15) == kCellDoor);   // the door in it
        CHECK(at(7, 6) == kCellBlocked);     // the stand
        CHECK(at(7, 8.1) == kCellBlocked);   // its clearance
        CHECK(at(7, 8.5) == kCellWalkable);  // its front
        CHECK(at(-0.1, 10) == kCellBlocked); // outside the level
    }

    TEST_CASE("a large level gets coarser cells, and the sample builds its grids") {
        Model big = hall(300, 300);
        std::vector<WalkGrid> grids = buildWalkGrids(big);
        CHECK(grids[0].cell == doctest::Approx(0.5));
        CHECK(grids[0].cells.size() <= WalkGridOptions{}.max_cells);

        Diagnostics d;
        LoadedContent c = loadContent(std::string(WW_SOURCE_DIR) + "/content", d);
        auto t0 = std::chrono::steady_clock::now();
        std::vector<WalkGrid> sample = buildWalkGrids(c.model);
        MESSAGE("sample walk grids built in " << msSince(t0) << " ms"); // bench-routing reports the figure
        CHECK(sample.size() == c.model.levels.size());
    }

    TEST_CASE("a thin diagonal wall across the hall lets nothing through, at any angle") {
        for (double skew : {0.3, 3.0, 7.0, 11.0, 15.0}) {
            CAPTURE(skew);
            Model m = hall(40, 20);
            m.walls.push_back({"eg", {{20 - skew, -1}, {20 + skew, 21}}, 0.01});
            Router router(m);
            Route r = router.route({"eg", {2, 10}}, RouteTarget::at("eg", {38, 10}), false);
            CHECK_MESSAGE(!r.ok, describe(r));
            CHECK(r.problem == RouteProblem::NotConnected);
        }
    }
}

TEST_SUITE("routes") {
    TEST_CASE("in an empty hall the route is the straight line, two points long") {
        Router router(hall());
        Route r = router.route({"eg", {5, 5}}, RouteTarget::at("eg", {35, 15}), false);
        REQUIRE_MESSAGE(r.ok, describe(r));
        REQUIRE(r.legs.size() == 1);
        CHECK(r.legs[0].level == "eg");
        CHECK(r.legs[0].points.size() == 2);
        CHECK(r.distance_m == doctest::Approx(std::hypot(30, 10)).epsilon(0.001));
        CHECK(r.legs[0].distance_m == doctest::Approx(r.distance_m));
        CHECK(length(r.legs[0].points) == doctest::Approx(r.distance_m));
        CHECK_FALSE(r.legs[0].connector.has_value());
        CHECK(r.reason.empty());
    }

    TEST_CASE("distance and walking time: documented speeds, slower step-free, rounded up") {
        Router router(hall());
        Route r = router.route({"eg", {5, 10}}, RouteTarget::at("eg", {35, 10}), false);
        REQUIRE(r.ok);
        CHECK(r.distance_m == doctest::Approx(30));
        CHECK(r.walking_seconds == 25); // 30 m at 1.2 m/s
        CHECK(r.minutes() == 1);
        Route s = router.route({"eg", {5, 10}}, RouteTarget::at("eg", {35, 10}), true);
        REQUIRE(s.ok);
        CHECK(s.step_free);
        CHECK(s.walking_seconds == 38); // 30 m at 0.8 m/s = 37.5 s
        CHECK(connectorSeconds(ConnectorType::Lift, 2) ==
              doctest::Approx(kLiftWaitSeconds + 2 * kLiftSecondsPerFloor));
        CHECK(connectorSeconds(ConnectorType::Stairs, -1) == doctest::Approx(kStairsSecondsPerFloor));
        CHECK(connectorSeconds(ConnectorType::Escalator, 0) == doctest::Approx(kEscalatorSecondsPerFloor));
    }

    TEST_CASE("a wall with a door: the route goes through the door") {
        Model m = hall();
        m.walls.push_back({"eg", {{20, 0}, {20, 20}}, 0.3}); // drawn across the door: the door opens it
        m.rooms.push_back(room("west", "eg", rectangle(0, 0, 20, 20), {{{20, 16}, 2, true}}));
        m.rooms.push_back(room("ost", "eg", rectangle(20, 0, 20, 20), {{{20, 16}, 2, true}}));
        Router router(m);
        Route r = router.route({"eg", {5, 4}}, RouteTarget::at("eg", {35, 4}), false);
        REQUIRE_MESSAGE(r.ok, describe(r));
        CHECK(passesNear(r.legs[0].points, {20, 16}, 1.0));
        // Not shorter than over the door's upper edge, not longer than through its middle.
        CHECK(r.distance_m >= 2 * std::hypot(15, 11));
        CHECK(r.distance_m <= 2 * std::hypot(15, 12) + 0.5);
        CHECK(r.legs[0].points.size() <= 4); // smoothed: in, through, out
    }

    TEST_CASE("of two doors, the one on the shorter way wins") {
        Model m = hall();
        m.walls.push_back({"eg", {{20, 0}, {20, 20}}, 0.2});
        std::vector<Door> doors = {{{20, 4}, 1.2, true}, {{20, 17}, 3, true}};
        m.rooms.push_back(room("west", "eg", rectangle(0, 0, 20, 20), doors));
        m.rooms.push_back(room("ost", "eg", rectangle(20, 0, 20, 20), doors));
        Router router(m);
        Route r = router.route({"eg", {5, 2}}, RouteTarget::at("eg", {35, 2}), false);
        REQUIRE_MESSAGE(r.ok, describe(r));
        CHECK(passesNear(r.legs[0].points, {20, 4}, 0.7));
        CHECK_FALSE(passesNear(r.legs[0].points, {20, 17}, 5));
        Route low = router.route({"eg", {5, 19}}, RouteTarget::at("eg", {35, 19}), false);
        REQUIRE(low.ok);
        CHECK(passesNear(low.legs[0].points, {20, 17}, 1.6));
    }

    TEST_CASE("a stand between start and target is walked around, keeping clear of it") {
        Model m = hall();
        m.stands.push_back(stand("B12", "eg", 18, 4, 4, 12, {20, 16.5}));
        Router router(m);
        Route r = router.route({"eg", {10, 10}}, RouteTarget::at("eg", {30, 10}), false);
        REQUIRE_MESSAGE(r.ok, describe(r));
        CHECK_FALSE(entersPolygon(r.legs[0].points, m.stands[0].shape));
        CHECK(r.distance_m > 20);
        CHECK(r.distance_m < 2 * std::hypot(8, 6.5) + 4 + 1); // around a corner, not a detour
        CHECK(r.legs[0].points.size() <= 5);
    }

    TEST_CASE("to a stand: the route ends at its front and names stand and exhibitor") {
        Model m = hall();
        m.stands.push_back(stand("B12", "eg", 18, 4, 4, 3, {20, 7.5}));
        Exhibitor e;
        e.id = "sakd";
        e.name = "SAKD – Sächsische Anstalt für kommunale Datenverarbeitung";
        e.short_name = "SAKD";
        e.stands = {"B12"};
        m.exhibitors.push_back(e);
        Router router(m);
        Route r = router.route({"eg", {20, 18}}, RouteTarget::stand("B12"), false);
        REQUIRE_MESSAGE(r.ok, describe(r));
        CHECK(r.legs.back().points.back() == Vec2{20, 7.5});
        REQUIRE(!r.steps.empty());
        CHECK(r.steps.back().text.de == "Ziel: Stand B12 (SAKD)");
        CHECK(r.steps.back().text.en == "Destination: stand B12 (SAKD)");
    }

    TEST_CASE("a room is entered only through its door") {
        Model m = hall(40, 30);
        m.rooms.push_back(room("saal", "eg", rectangle(10, 10, 20, 10), {{{20, 20}, 2, true}}));
        Router router(m);
        // Just north of the room, a point inside it: the way leads round to the south door.
        Route inside = router.route({"eg", {20, 5}}, RouteTarget::at("eg", {20, 12}), false);
        REQUIRE_MESSAGE(inside.ok, describe(inside));
        CHECK(inside.distance_m > 20);
        CHECK(passesNear(inside.legs[0].points, {20, 20}, 1.0));
        Route to_room = router.route({"eg", {20, 5}}, RouteTarget::room("saal"), false);
        REQUIRE_MESSAGE(to_room.ok, describe(to_room));
        Vec2 end = to_room.legs.back().points.back();
        CHECK(std::hypot(end.x - 20, end.y - 20) < 0.3);
        CHECK(to_room.steps.back().text.de == "Ziel: Raum saal");
        CHECK(to_room.steps.back().text.en == "Destination: Room saal");
        // A visitor already in the room is told so.
        Route here = router.route({"eg", {15, 15}}, RouteTarget::room("saal"), false);
        REQUIRE(here.ok);
        CHECK(here.distance_m == 0);
        CHECK(here.steps.back().text.de == "Sie sind bereits hier: Raum saal");
    }

    TEST_CASE("of a room's doors, the nearest by the way walked is the target") {
        Model m = hall(40, 30);
        m.rooms.push_back(
            room("saal", "eg", rectangle(10, 10, 20, 10), {{{12, 10}, 2, true}, {{28, 20}, 2, true}}));
        Router router(m);
        Route r = router.route({"eg", {36, 28}}, RouteTarget::room("saal"), false);
        REQUIRE(r.ok);
        Vec2 end = r.legs.back().points.back();
        CHECK(std::hypot(end.x - 28, end.y - 20) < 0.3);
    }

    TEST_CASE("across levels: stairs on foot, the lift step-free, level by level with a step") {
        Model m = hall();
        m.levels.push_back(level("og", "1. Obergeschoss", "First floor", 1, rectangle(0, 0, 40, 20)));
        m.connectors.push_back(connector("treppe", ConnectorType::Stairs, {5, 10}, {5, 10}));
        m.connectors.push_back(connector("aufzug", ConnectorType::Lift, {35, 10}, {35, 10}));
        Router router(m);
        RoutePoint from{"eg", {10, 10}};
        RouteTarget to = RouteTarget::at("og", {30, 10});

        Route walk = router.route(from, to, false);
        REQUIRE_MESSAGE(walk.ok, describe(walk));
        REQUIRE(walk.legs.size() == 2);
        CHECK(walk.legs[0].level == "eg");
        CHECK(walk.legs[1].level == "og");
        REQUIRE(walk.legs[0].connector.has_value());
        CHECK(walk.legs[0].connector->id == "treppe");
        CHECK(std::string(toString(walk.legs[0].connector->type)) == "stairs");
        CHECK(walk.legs[0].connector->to_level == "og");
        CHECK_FALSE(walk.legs[1].connector.has_value());
        CHECK(walk.legs[0].points.back() == Vec2{5, 10});
        CHECK(walk.legs[1].points.front() == Vec2{5, 10});
        CHECK(walk.distance_m == doctest::Approx(30));
        CHECK(walk.walking_seconds == 25 + 12); // 30 m at 1.2 m/s, one flight of stairs
        REQUIRE(walk.steps.size() == 2);
        CHECK(walk.steps[0].leg == 0);
        CHECK(walk.steps[0].text.de == "Über die Treppe in Ebene „1. Obergeschoss“");
        CHECK(walk.steps[0].text.en == "Take the stairs to level “First floor”");
        CHECK(walk.steps[1].leg == 1);

        Route wheel = router.route(from, to, true);
        REQUIRE_MESSAGE(wheel.ok, describe(wheel));
        REQUIRE(wheel.legs.size() == 2);
        REQUIRE(wheel.legs[0].connector.has_value());
        CHECK(wheel.legs[0].connector->id == "aufzug");
        CHECK(wheel.distance_m == doctest::Approx(30));
        CHECK(wheel.walking_seconds == 73); // 30 m at 0.8 m/s = 37.5 s, lift 35 s
        CHECK(wheel.steps[0].text.de == "Mit dem Aufzug in Ebene „1. Obergeschoss“");
        CHECK(wheel.steps[0].text.en == "Take the lift to level “First floor”");
    }

    TEST_CASE("step-free never uses stairs or escalators: without a lift there is no step-free way") {
        Model m = hall();
        m.levels.push_back(level("og", "1. Obergeschoss", "First floor", 1, rectangle(0, 0, 40, 20)));
        m.connectors.push_back(connector("treppe", ConnectorType::Stairs, {5, 10}, {5, 10}));
        m.connectors.push_back(connector("rolltreppe", ConnectorType::Escalator, {35, 10}, {35, 10}));
        Router router(m);
        Route walk = router.route({"eg", {30, 10}}, RouteTarget::at("og", {30, 12}), false);
        REQUIRE(walk.ok);
        CHECK(walk.legs[0].connector->id == "rolltreppe");
        CHECK(walk.steps[0].text.de == "Mit der Rolltreppe in Ebene „1. Obergeschoss“");
        Route wheel = router.route({"eg", {30, 10}}, RouteTarget::at("og", {30, 12}), true);
        CHECK_FALSE(wheel.ok);
        CHECK(wheel.problem == RouteProblem::NoStepFreeWay);
        CHECK_FALSE(wheel.reason.empty());
        CHECK(wheel.message.de.find("stufenlos") != std::string::npos);
        CHECK_FALSE(router.reachable({"eg", {30, 10}}, RouteTarget::at("og", {30, 12}), true));
        CHECK(router.reachable({"eg", {30, 10}}, RouteTarget::at("og", {30, 12}), false));
    }

    TEST_CASE("a door with a step: step-free routes take another door") {
        Model m = hall(40, 30);
        m.rooms.push_back(
            room("saal", "eg", rectangle(10, 10, 20, 10), {{{20, 10}, 1.2, false}, {{20, 20}, 2, true}}));
        Router router(m);
        Route walk = router.route({"eg", {20, 4}}, RouteTarget::at("eg", {20, 15}), false);
        REQUIRE(walk.ok);
        CHECK(walk.distance_m < 12);
        Route wheel = router.route({"eg", {20, 4}}, RouteTarget::at("eg", {20, 15}), true);
        REQUIRE_MESSAGE(wheel.ok, describe(wheel));
        CHECK(passesNear(wheel.legs[0].points, {20, 20}, 1.0));
        CHECK(wheel.distance_m > 20);
        Route wheel_room = router.route({"eg", {20, 4}}, RouteTarget::room("saal"), true);
        REQUIRE(wheel_room.ok);
        Vec2 end = wheel_room.legs.back().points.back();
        CHECK(std::hypot(end.x - 20, end.y - 20) < 0.3);
    }

    TEST_CASE("a target walled in is unreachable, with a reason") {
        Model m = hall(200, 200);
        m.walls.push_back({"eg", {{90, 90}, {110, 90}, {110, 110}, {90, 110}, {90, 90}}, 0.2});
        Router router(m);
        auto t0 = std::chrono::steady_clock::now();
        Route r = router.route({"eg", {5, 5}}, RouteTarget::at("eg", {100, 100}), false);
        double ms = msSince(t0);
        CHECK_FALSE(r.ok);
        CHECK(r.problem == RouteProblem::NotConnected);
        CHECK_FALSE(r.reason.empty());
        CHECK_FALSE(r.message.de.empty());
        CHECK_FALSE(r.message.en.empty());
        CHECK(r.legs.empty());
        MESSAGE("unreachable answered in " << ms << " ms");
    }

    TEST_CASE("a start inside a stand steps out to the nearest aisle; deep inside is blocked") {
        Model m = hall();
        m.stands.push_back(stand("A1", "eg", 10, 5, 4, 3, {12, 8.5}));
        m.obstacles.push_back({"eg", rectangle(20, 2, 12, 14), {"Bühne", "Stage"}});
        Router router(m);
        Route r = router.route({"eg", {12, 6}}, RouteTarget::at("eg", {5, 18}), false);
        REQUIRE_MESSAGE(r.ok, describe(r));
        Vec2 first = r.legs[0].points.front();
        CHECK_FALSE(pointInPolygon(first, m.stands[0].shape));
        CHECK(std::hypot(first.x - 12, first.y - 6) < 1.5);
        Route deep = router.route({"eg", {26, 9}}, RouteTarget::at("eg", {5, 18}), false);
        CHECK_FALSE(deep.ok);
        CHECK(deep.problem == RouteProblem::StartBlocked);
        Route to_stage = router.route({"eg", {5, 18}}, RouteTarget::at("eg", {26, 9}), false);
        CHECK(to_stage.problem == RouteProblem::TargetBlocked);
    }

    TEST_CASE("unknown places are named as such") {
        Model m = hall();
        Router router(m);
        CHECK(router.route({"eg", {5, 5}}, RouteTarget::stand("Z99"), false).problem ==
              RouteProblem::UnknownTarget);
        CHECK(router.route({"eg", {5, 5}}, RouteTarget::room("nirgends"), false).problem ==
              RouteProblem::UnknownTarget);
        CHECK(router.route({"eg", {5, 5}}, RouteTarget::poi("nirgends"), false).problem ==
              RouteProblem::UnknownTarget);
        CHECK(router.route({"eg", {5, 5}}, RouteTarget::at("dach", {1, 1}), false).problem ==
              RouteProblem::UnknownTarget);
        CHECK(router.route({"keller", {5, 5}}, RouteTarget::at("eg", {1, 1}), false).problem ==
              RouteProblem::UnknownStart);
        CHECK(router.routeFromKiosk("nirgends", RouteTarget::at("eg", {1, 1}), false).problem ==
              RouteProblem::UnknownStart);
    }

    TEST_CASE("grids stored in the model are used as they are") {
        Model m = hall();
        m.walk_grids = buildWalkGrids(m);
        // Block a band across the hall in the stored grid only: the router must see it.
        WalkGrid& g = m.walk_grids[0];
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c)
                if (std::fabs(g.origin.x + (c + 0.5) * g.cell - 20) < 0.5)
                    g.cells[static_cast<size_t>(r) * g.cols + c] = kCellBlocked;
        Router router(m);
        CHECK_FALSE(router.route({"eg", {5, 5}}, RouteTarget::at("eg", {35, 5}), false).ok);
        REQUIRE(router.grid("eg") != nullptr);
        CHECK(router.grid("og") == nullptr);
    }
}

TEST_SUITE("sample venue") {
    TEST_CASE(
        "every stand, room and point of interest is reachable from every kiosk, on foot and step-free") {
        Diagnostics d;
        LoadedContent c = loadContent(std::string(WW_SOURCE_DIR) + "/content", d);
        REQUIRE_FALSE(d.hasErrors());
        const Model& m = c.model;
        Router router(m);
        std::vector<std::pair<RouteTarget, RoutePoint>> targets; // with the point it should end near
        for (const Stand& s : m.stands)
            targets.push_back({RouteTarget::stand(s.id), {s.level, s.front}});
        for (const Room& r : m.rooms)
            targets.push_back({RouteTarget::room(r.id), {r.level, {}}});
        for (const Poi& p : m.pois)
            targets.push_back({RouteTarget::poi(p.id), {p.level, p.pos}});
        REQUIRE(m.kiosks.size() >= 2);
        int multi_level = 0;
        for (const Kiosk& k : m.kiosks)
            for (const auto& [target, near] : targets)
                for (bool step_free : {false, true}) {
                    CAPTURE(k.id);
                    CAPTURE(target.id);
                    CAPTURE(step_free);
                    Route r = router.routeFromKiosk(k.id, target, step_free);
                    REQUIRE_MESSAGE(r.ok, describe(r));
                    REQUIRE(!r.legs.empty());
                    CHECK(r.legs.front().level == k.level);
                    CHECK(r.legs.back().level == near.level);
                    if (target.kind != RouteTarget::Kind::Room) {
                        Vec2 end = r.legs.back().points.back();
                        CHECK(std::hypot(end.x - near.pos.x, end.y - near.pos.y) < 1.0);
                        if (r.legs.size() == 1)
                            CHECK(r.distance_m >=
                                  std::hypot(k.pos.x - near.pos.x, k.pos.y - near.pos.y) - 1.0);
                    }
                    if (r.legs.size() > 1) ++multi_level;
                    for (const RouteLeg& leg : r.legs) {
                        if (!leg.connector) continue;
                        if (step_free) CHECK(std::string(toString(leg.connector->type)) == "lift");
                    }
                    CHECK(r.steps.size() == r.legs.size());
                    CHECK(r.walking_seconds >=
                          r.distance_m / (step_free ? kStepFreeWalkingSpeed : kWalkingSpeed));
                }
        CHECK(multi_level > 0);
        CHECK(router.unreachableFromKiosks().empty());
    }

    TEST_CASE("a route on the sample from the upper floor's kiosk") {
        Diagnostics d;
        LoadedContent c = loadContent(std::string(WW_SOURCE_DIR) + "/content", d);
        Router router(c.model);
        auto t0 = std::chrono::steady_clock::now();
        Route r = router.routeFromKiosk("og-treppe", RouteTarget::stand("A12"), true);
        MESSAGE("route in " << msSince(t0) << " ms"); // bench-routing reports the figure
        CHECK(r.ok);
    }
}

TEST_SUITE("content check") {
    TEST_CASE("a point of interest walled in is an error naming it and its line") {
        wwtest::Fixture f;
        f.replace("venue.toml", "[[poi]]",
                  "[[wall]]\nlevel = \"eg\"\npoints = [[0, 3.2], [4, 3.2], [4, 0]]\n\n[[poi]]");
        Diagnostics d = f.check();
        const Diagnostic* found = nullptr;
        for (const Diagnostic& x : d.items())
            if (x.message == "point of interest wc cannot be reached on foot from kiosk k1") found = &x;
        REQUIRE_MESSAGE(found, wwtest::dump(d));
        CHECK(found->severity == Severity::Error);
        CHECK(found->file == "venue.toml");
        CHECK(found->line > 0);
        CHECK_FALSE(found->hint.empty());
    }

    TEST_CASE("a floor reached only by stairs gives step-free warnings, not errors") {
        wwtest::Fixture f;
        f.replace("venue.toml", "type = \"lift\"", "type = \"stairs\"");
        Diagnostics d = f.check();
        CHECK_MESSAGE(d.errors() == 0, wwtest::dump(d));
        CHECK_DIAG_PREFIX(d, "venue.toml:");
        bool lounge = false;
        for (const Diagnostic& x : d.items())
            lounge =
                lounge || x.message == "room lounge: door at (10, 5) has no step-free route from kiosk k1";
        CHECK_MESSAGE(lounge, wwtest::dump(d));
    }
}
