// Benchmark of wayfinding: walk-grid build and route times for the sample venue (content/) and for
// a generated large venue (300 m × 200 m, 3 levels, 500 stands). Routes go from every kiosk to every
// stand, room and point of interest (sample) or to every fifth stand and every room (large), on foot
// and step-free.
// Prints one JSON line. usage: bench-routing [CONTENT_DIR]
#include "content/diagnostics.h"
#include "content/loader.h"
#include "core/geometry.h"
#include "core/routing.h"
#include "core/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Figures {
    double grid_ms = 0;
    double router_ms = 0;
    long cells = 0;
    double cell_m = 0;
    std::vector<double> route_ms;
    int unreachable = 0;
    double longest_m = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

Figures measure(ww::Model model, const std::vector<ww::RouteTarget>& targets) {
    Figures f;
    auto t0 = Clock::now();
    model.walk_grids = ww::buildWalkGrids(model);
    f.grid_ms = msSince(t0);
    for (const ww::WalkGrid& g : model.walk_grids) {
        f.cells += static_cast<long>(g.cells.size());
        f.cell_m = g.cell;
    }
    t0 = Clock::now();
    ww::Router router(model);
    f.router_ms = msSince(t0);
    for (const ww::Kiosk& k : model.kiosks)
        for (const ww::RouteTarget& t : targets)
            for (bool step_free : {false, true}) {
                auto r0 = Clock::now();
                ww::Route r = router.routeFromKiosk(k.id, t, step_free);
                f.route_ms.push_back(msSince(r0));
                if (!r.ok) ++f.unreachable;
                f.longest_m = std::max(f.longest_m, r.distance_m);
            }
    return f;
}

std::string json(const Figures& f) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"grid_build_ms\": %.1f, \"router_init_ms\": %.1f, \"cell_m\": %.2f, \"cells\": %ld, "
                  "\"routes\": %zu, "
                  "\"route_ms\": {\"median\": %.3f, \"p99\": %.3f, \"max\": %.3f}, \"unreachable\": %d, "
                  "\"longest_m\": %.0f}",
                  f.grid_ms, f.router_ms, f.cell_m, f.cells, f.route_ms.size(), percentile(f.route_ms, 0.5),
                  percentile(f.route_ms, 0.99),
                  f.route_ms.empty() ? 0.0 : *std::max_element(f.route_ms.begin(), f.route_ms.end()),
                  f.unreachable, f.longest_m);
    return buf;
}

// Three 300 m × 200 m levels: an exhibition hall of 2 × 2 stand blocks west of a wall with four
// doors, a row of seminar rooms with doors along the north, stairs, lifts and an escalator between
// the levels, and a kiosk at the south entrance, the middle and the east of every level.
ww::Model largeVenue() {
    ww::Model m;
    const int levels = 3;
    int stand_no = 0;
    for (int li = 0; li < levels; ++li) {
        std::string lv = "l" + std::to_string(li);
        m.levels.push_back({lv,
                            {"Ebene " + std::to_string(li), "Level " + std::to_string(li)},
                            li,
                            ww::rectangle(0, 0, 300, 200),
                            "",
                            0,
                            {}});
        // Wall at x = 200 from north to south with four 3 m doors.
        m.walls.push_back({lv, {{200, 0}, {200, 38.5}}, 0.3});
        m.walls.push_back({lv, {{200, 41.5}, {200, 88.5}}, 0.3});
        m.walls.push_back({lv, {{200, 91.5}, {200, 138.5}}, 0.3});
        m.walls.push_back({lv, {{200, 141.5}, {200, 178.5}}, 0.3});
        m.walls.push_back({lv, {{200, 181.5}, {200, 200}}, 0.3});
        // Seminar rooms 20 m × 15 m along the north of the east part, each with one door.
        for (int i = 0; i < 5; ++i) {
            ww::Room r;
            r.id = lv + "-raum" + std::to_string(i);
            r.level = lv;
            r.name = {"Raum " + std::to_string(i), "Room " + std::to_string(i)};
            r.shape = ww::rectangle(200 + 20 * i, 0, 20, 15);
            r.doors.push_back({{210.0 + 20 * i, 15}, 1.2, true});
            m.rooms.push_back(r);
        }
        // ~167 stands per level in 2 × 2 blocks of 6 m × 3 m, 4 m aisles.
        for (int by = 0; by < 11 && stand_no < 500; ++by)
            for (int bx = 0; bx < 14 && stand_no < 500 && stand_no < (li + 1) * 167; ++bx) {
                double x0 = 10 + bx * 13.5, y0 = 12 + by * 17;
                for (int q = 0; q < 4 && stand_no < 500; ++q) {
                    ww::Stand s;
                    s.id = "S" + std::to_string(++stand_no);
                    s.level = lv;
                    double x = x0 + (q % 2) * 6, y = y0 + (q / 2) * 3;
                    s.shape = ww::rectangle(x, y, 6, 3);
                    s.front = {x + 3, q / 2 ? y + 3.5 : y - 0.5};
                    m.stands.push_back(s);
                }
            }
        m.obstacles.push_back({lv, ww::rectangle(240, 90, 20, 20), {"Bühne", "Stage"}});
        m.kiosks.push_back({"k" + lv + "-sued", lv, {100, 196}, 0, {"Süd", "South"}, false});
        m.kiosks.push_back({"k" + lv + "-mitte", lv, {196, 100}, 0, {"Mitte", "Middle"}, false});
        m.kiosks.push_back({"k" + lv + "-ost", lv, {290, 190}, 0, {"Ost", "East"}, false});
    }
    auto connector = [&](const std::string& id, ww::ConnectorType type, ww::Vec2 at) {
        ww::Connector c;
        c.id = id;
        c.type = type;
        c.name = {id, id};
        for (int li = 0; li < levels; ++li)
            c.stops.push_back({"l" + std::to_string(li), at});
        m.connectors.push_back(c);
    };
    connector("treppe-west", ww::ConnectorType::Stairs, {4, 196});
    connector("treppe-ost", ww::ConnectorType::Stairs, {296, 100});
    connector("aufzug-west", ww::ConnectorType::Lift, {4, 100});
    connector("aufzug-ost", ww::ConnectorType::Lift, {280, 196});
    connector("rolltreppe", ww::ConnectorType::Escalator, {205, 196});
    return m;
}

} // namespace

// The large venue as a content database the kiosk can open (`wegweiser --bench` on it measures the
// map's frame build with 500 stands): an event, an exhibitor per stand, the walk grids.
int writeLarge(const std::string& path) {
    ww::Model m = largeVenue();
    m.event.id = "large";
    m.event.name = {"Große Messe", "Large fair"};
    m.event.venue = {"Messehalle", "Exhibition hall"};
    m.event.start_date = "2022-09-07";
    m.event.end_date = "2022-09-08";
    m.event.timezone = "Europe/Berlin";
    for (const ww::Stand& s : m.stands) {
        ww::Exhibitor e;
        e.id = "aussteller-" + s.id;
        e.name = "Aussteller " + s.id + " GmbH";
        e.short_name = "Aussteller " + s.id;
        e.stands = {s.id};
        e.description = {"Beschreibung von " + e.name + ".", "Description of " + e.name + "."};
        m.exhibitors.push_back(std::move(e));
    }
    m.walk_grids = ww::buildWalkGrids(m);
    m.content_version = "large-venue";
    m.built_at = "2022-09-01T00:00:00Z";
    std::remove(path.c_str());
    try {
        ww::writeDatabase(path, m, {});
    } catch (const ww::StoreError& e) {
        std::fprintf(stderr, "bench-routing: %s\n", e.what());
        return 2;
    }
    std::printf("wrote %s: %zu stands on %zu levels\n", path.c_str(), m.stands.size(), m.levels.size());
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--write-large") return writeLarge(argv[2]);
    std::string dir = argc > 1 ? argv[1] : std::string(WW_SOURCE_DIR) + "/content";
    ww::Diagnostics diags;
    ww::LoadedContent content = ww::loadContent(dir, diags);
    if (diags.hasErrors()) {
        std::fprintf(stderr, "bench-routing: %s has content errors; run wegweiser-content check\n",
                     dir.c_str());
        return 1;
    }
    std::vector<ww::RouteTarget> targets;
    for (const ww::Stand& s : content.model.stands)
        targets.push_back(ww::RouteTarget::stand(s.id));
    for (const ww::Room& r : content.model.rooms)
        targets.push_back(ww::RouteTarget::room(r.id));
    for (const ww::Poi& p : content.model.pois)
        targets.push_back(ww::RouteTarget::poi(p.id));
    Figures sample = measure(content.model, targets);

    ww::Model large = largeVenue();
    std::vector<ww::RouteTarget> large_targets;
    for (size_t i = 0; i < large.stands.size(); i += 5)
        large_targets.push_back(ww::RouteTarget::stand(large.stands[i].id));
    for (const ww::Room& r : large.rooms)
        large_targets.push_back(ww::RouteTarget::room(r.id));
    Figures big = measure(large, large_targets);

    std::printf("{\"sample\": %s, \"large\": %s}\n", json(sample).c_str(), json(big).c_str());
    return 0;
}
