// Wayfinding on the walk grids: rasterising the plan into grids, A* across levels and connectors,
// smoothing the grid path into the line a person walks, and the words that go with it.
#include "core/routing.h"

#include "core/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace ww {

namespace {

constexpr double kSqrt2 = 1.4142135623730951;
constexpr float kInf = std::numeric_limits<float>::infinity();
// Doors are accepted this far from the line they open (the content check allows 0.5 m).
constexpr double kDoorOnLine = 0.5;

double dist(Vec2 a, Vec2 b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Length of the shortest 8-neighbour grid path between two points, ignoring obstacles: a lower
// bound for every real path, so the search's estimates never overshoot.
double octile(double dx, double dy) {
    dx = std::fabs(dx);
    dy = std::fabs(dy);
    return dx > dy ? dx + (kSqrt2 - 1) * dy : dy + (kSqrt2 - 1) * dx;
}

bool allowed(uint8_t v, bool step_free) {
    return v == kCellWalkable || v == kCellDoor || (v == kCellDoorWithStep && !step_free);
}

// [SECTION] Rasterising the plan

struct Raster {
    WalkGrid& g;

    Vec2 centre(int c, int r) const {
        return {g.origin.x + (c + 0.5) * g.cell, g.origin.y + (r + 0.5) * g.cell};
    }
    int clampCol(double x) const {
        return std::clamp(static_cast<int>(std::floor((x - g.origin.x) / g.cell)), 0, g.cols - 1);
    }
    int clampRow(double y) const {
        return std::clamp(static_cast<int>(std::floor((y - g.origin.y) / g.cell)), 0, g.rows - 1);
    }
    uint8_t& at(int c, int r) { return g.cells[static_cast<size_t>(r) * g.cols + c]; }

    // Cells whose centre lies inside the polygon (even-odd), one scanline per row.
    void fill(const Polygon& p, uint8_t value) {
        if (p.size() < 3) return;
        Rect b = bounds(p);
        std::vector<double> xs;
        for (int r = clampRow(b.y0); r <= clampRow(b.y1); ++r) {
            double y = centre(0, r).y;
            xs.clear();
            for (size_t i = 0; i < p.size(); ++i) {
                Vec2 a = p[i], e = p[(i + 1) % p.size()];
                if ((a.y <= y) != (e.y <= y)) xs.push_back(a.x + (y - a.y) * (e.x - a.x) / (e.y - a.y));
            }
            std::sort(xs.begin(), xs.end());
            for (size_t i = 0; i + 1 < xs.size(); i += 2) {
                int c0 = std::max(0, static_cast<int>(std::ceil((xs[i] - g.origin.x) / g.cell - 0.5)));
                int c1 = std::min(g.cols - 1,
                                  static_cast<int>(std::floor((xs[i + 1] - g.origin.x) / g.cell - 0.5)));
                for (int c = c0; c <= c1; ++c)
                    at(c, r) = value;
            }
        }
    }

    // Cells whose centre lies within `radius` of segment ab. A flat end stops where the segment
    // stops (the side of a door opening); a round end reaches around it (a wall's end, a corner).
    void stroke(Vec2 a, Vec2 b, double radius, bool round_a, bool round_b, uint8_t value) {
        double dx = b.x - a.x, dy = b.y - a.y;
        double len2 = dx * dx + dy * dy;
        int c0 = clampCol(std::min(a.x, b.x) - radius), c1 = clampCol(std::max(a.x, b.x) + radius);
        int r0 = clampRow(std::min(a.y, b.y) - radius), r1 = clampRow(std::max(a.y, b.y) + radius);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) {
                Vec2 p = centre(c, r);
                double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
                if ((t < 0 && !round_a) || (t > 1 && !round_b)) continue;
                t = std::clamp(t, 0.0, 1.0);
                if (std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)) <= radius) at(c, r) = value;
            }
    }

    void strokeOutline(const Polygon& p, double radius, uint8_t value) {
        for (size_t i = 0; i < p.size(); ++i)
            stroke(p[i], p[(i + 1) % p.size()], radius, true, true, value);
    }
};

// A door as an opening in a line: everything that blocks along that line is cut away there.
struct DoorLine {
    Vec2 pos;
    Vec2 dir{1, 0}; // unit vector along the line the door sits in
    double width = 1;
    bool step_free = true;
};

// Draws barrier segment ab, leaving the openings of doors that lie on it.
void strokeBarrier(Raster& ras, Vec2 a, Vec2 b, double radius, const std::vector<DoorLine>& doors) {
    double len = dist(a, b);
    if (len <= 0) {
        ras.stroke(a, b, radius, true, true, kCellBlocked);
        return;
    }
    Vec2 u{(b.x - a.x) / len, (b.y - a.y) / len};
    std::vector<std::pair<double, double>> cuts;
    for (const DoorLine& d : doors) {
        if (distancePointSegment(d.pos, a, b) > kDoorOnLine) continue;
        // A little wider than the door, so that a wall drawn up to the door's edge ends flat there
        // instead of reaching round into the opening.
        double t = (d.pos.x - a.x) * u.x + (d.pos.y - a.y) * u.y;
        cuts.push_back({t - d.width / 2 - 0.02, t + d.width / 2 + 0.02});
    }
    std::sort(cuts.begin(), cuts.end());
    double s = 0;
    bool round_s = true;
    auto piece = [&](double from, double to, bool round_from, bool round_to) {
        if (to <= from) return;
        ras.stroke({a.x + u.x * from, a.y + u.y * from}, {a.x + u.x * to, a.y + u.y * to}, radius, round_from,
                   round_to, kCellBlocked);
    };
    for (const auto& [c0, c1] : cuts) {
        if (c1 <= s) continue;
        if (c0 >= len) break;
        piece(s, c0, round_s, false);
        s = std::max(s, c1);
        round_s = false;
    }
    if (s < len) piece(s, len, round_s, true);
}

// The edge of `shape` nearest to `p`, as a unit direction.
Vec2 edgeDirection(const Polygon& shape, Vec2 p) {
    double best = std::numeric_limits<double>::infinity();
    Vec2 dir{1, 0};
    for (size_t i = 0; i < shape.size(); ++i) {
        Vec2 a = shape[i], b = shape[(i + 1) % shape.size()];
        double d = distancePointSegment(p, a, b), len = dist(a, b);
        if (d < best && len > 0) {
            best = d;
            dir = {(b.x - a.x) / len, (b.y - a.y) / len};
        }
    }
    return dir;
}

WalkGrid rasterLevel(const Model& m, const Level& level, const WalkGridOptions& o) {
    WalkGrid g;
    g.level = level.id;
    g.cell = o.cell > 0 ? o.cell : 0.25;
    Rect b = bounds(level.outline);
    for (;;) {
        // Two blocked cells around the outline: neighbours of a walkable cell are always inside.
        g.cols = static_cast<int>(std::ceil((b.x1 - b.x0) / g.cell)) + 4;
        g.rows = static_cast<int>(std::ceil((b.y1 - b.y0) / g.cell)) + 4;
        if (static_cast<size_t>(g.cols) * g.rows <= std::max<size_t>(o.max_cells, 64)) break;
        g.cell *= 2;
    }
    g.origin = {b.x0 - 2 * g.cell, b.y0 - 2 * g.cell};
    g.cells.assign(static_cast<size_t>(g.cols) * g.rows, kCellBlocked);
    if (level.outline.size() < 3) return g;

    Raster ras{g};
    // Any cell a line passes through has its centre within half a diagonal of the line, so lines of
    // at least that radius leave no gap for the 4-neighbour steps the search relies on.
    const double line = g.cell * kSqrt2 / 2 + 1e-6;

    ras.fill(level.outline, kCellWalkable);
    ras.strokeOutline(level.outline, std::max(line, o.wall_clearance), kCellBlocked);

    std::vector<DoorLine> doors;
    for (const Room& room : m.rooms) {
        if (room.level != level.id) continue;
        for (const Door& d : room.doors) {
            auto same = std::find_if(doors.begin(), doors.end(),
                                     [&](const DoorLine& x) { return dist(x.pos, d.pos) < 0.05; });
            if (same != doors.end()) {
                same->width = std::max(same->width, d.width);
                same->step_free = same->step_free && d.step_free;
            } else {
                doors.push_back(
                    {d.pos, edgeDirection(room.shape, d.pos), std::max(d.width, 0.0), d.step_free});
            }
        }
    }
    for (const Room& room : m.rooms) {
        if (room.level != level.id || room.doors.empty() || room.shape.size() < 3) continue;
        for (size_t i = 0; i < room.shape.size(); ++i)
            strokeBarrier(ras, room.shape[i], room.shape[(i + 1) % room.shape.size()], line, doors);
    }
    for (const Wall& w : m.walls) {
        if (w.level != level.id) continue;
        double radius = std::max(line, std::max(w.thickness, 0.0) / 2 + o.wall_clearance);
        if (w.points.size() == 1) ras.stroke(w.points[0], w.points[0], radius, true, true, kCellBlocked);
        for (size_t i = 0; i + 1 < w.points.size(); ++i)
            strokeBarrier(ras, w.points[i], w.points[i + 1], radius, doors);
    }
    auto block = [&](const Polygon& shape) {
        if (shape.size() < 3) return;
        ras.fill(shape, kCellBlocked);
        ras.strokeOutline(shape, std::max(o.clearance, 0.0), kCellBlocked);
    };
    for (const Stand& s : m.stands)
        if (s.level == level.id) block(s.shape);
    for (const Obstacle& ob : m.obstacles)
        if (ob.level == level.id) block(ob.shape);

    // Door cells: the walkable floor across each opening, so that step-free routes can avoid a door
    // with a step wherever it is crossed.
    for (const DoorLine& d : doors) {
        uint8_t mark = d.step_free ? kCellDoor : kCellDoorWithStep;
        double reach = d.width / 2 + o.door_band;
        for (int r = ras.clampRow(d.pos.y - reach); r <= ras.clampRow(d.pos.y + reach); ++r)
            for (int c = ras.clampCol(d.pos.x - reach); c <= ras.clampCol(d.pos.x + reach); ++c) {
                Vec2 p = ras.centre(c, r);
                double along = (p.x - d.pos.x) * d.dir.x + (p.y - d.pos.y) * d.dir.y;
                double across = (p.x - d.pos.x) * d.dir.y - (p.y - d.pos.y) * d.dir.x;
                uint8_t& v = ras.at(c, r);
                if (std::fabs(along) <= d.width / 2 &&
                    std::fabs(across) <= std::max(o.door_band, 2 * g.cell) && v != kCellBlocked &&
                    v != kCellDoorWithStep)
                    v = mark;
            }
    }
    return g;
}

bool usableGrid(const WalkGrid& g) {
    return g.cols >= 3 && g.rows >= 3 && g.cell > 0 && g.cells.size() == static_cast<size_t>(g.cols) * g.rows;
}

// [SECTION] Words

std::string quotedDe(const std::string& s) {
    return "\xE2\x80\x9E" + s + "\xE2\x80\x9C";
} // „…“
std::string quotedEn(const std::string& s) {
    return "\xE2\x80\x9C" + s + "\xE2\x80\x9D";
} // “…”

Text connectorStep(ConnectorType type, const Text& level) {
    std::string de = quotedDe(level.de), en = quotedEn(level.in(Lang::En));
    switch (type) {
    case ConnectorType::Lift:
        return {"Mit dem Aufzug in Ebene " + de, "Take the lift to level " + en};
    case ConnectorType::Escalator:
        return {"Mit der Rolltreppe in Ebene " + de, "Take the escalator to level " + en};
    case ConnectorType::Stairs:
        break;
    }
    return {"Über die Treppe in Ebene " + de, "Take the stairs to level " + en};
}

Text problemMessage(RouteProblem p) {
    switch (p) {
    case RouteProblem::None:
        return {};
    case RouteProblem::UnknownStart:
        return {"Der Standort dieses Geräts ist nicht auf dem Plan – bitte fragen Sie an der Information.",
                "This kiosk’s location is not on the plan – please ask at the information desk."};
    case RouteProblem::UnknownTarget:
        return {"Dieses Ziel ist nicht auf dem Plan.", "This destination is not on the plan."};
    case RouteProblem::NoStepFreeWay:
        return {
            "Zu diesem Ziel gibt es von hier keinen stufenlosen Weg – bitte fragen Sie an der Information.",
            "There is no step-free route to this destination from here – please ask at the information "
            "desk."};
    case RouteProblem::StartBlocked:
    case RouteProblem::TargetBlocked:
    case RouteProblem::NotConnected:
        break;
    }
    return {"Zu diesem Ziel kann von hier kein Weg gezeigt werden – bitte fragen Sie an der Information.",
            "No route to this destination can be shown from here – please ask at the information desk."};
}

Route failure(RouteProblem p, const std::string& reason, bool step_free) {
    Route r;
    r.problem = p;
    r.reason = reason;
    r.message = problemMessage(p);
    r.step_free = step_free;
    return r;
}

} // namespace

double connectorSeconds(ConnectorType type, int floors) {
    floors = std::max(1, std::abs(floors));
    switch (type) {
    case ConnectorType::Lift:
        return kLiftWaitSeconds + kLiftSecondsPerFloor * floors;
    case ConnectorType::Escalator:
        return kEscalatorSecondsPerFloor * floors;
    case ConnectorType::Stairs:
        break;
    }
    return kStairsSecondsPerFloor * floors;
}

std::vector<WalkGrid> buildWalkGrids(const Model& model, const WalkGridOptions& options) {
    std::vector<WalkGrid> grids;
    grids.reserve(model.levels.size());
    for (const Level& l : model.levels)
        grids.push_back(rasterLevel(model, l, options));
    return grids;
}

// [SECTION] Router

namespace {

// Per-thread search memory, reused between searches: a stamp marks which entries belong to the
// current search, so nothing is cleared per route.
struct Scratch {
    struct Node {
        float f, g;
        int32_t idx;
    };
    std::vector<float> g;
    std::vector<int32_t> parent;
    std::vector<int16_t> via; // connector taken to arrive here, -1 = walked
    std::vector<uint32_t> seen, closed;
    std::vector<Node> heap;
    uint32_t stamp = 0;

    void begin(size_t total) {
        if (g.size() != total || stamp == std::numeric_limits<uint32_t>::max()) {
            g.assign(total, kInf);
            parent.assign(total, -1);
            via.assign(total, -1);
            seen.assign(total, 0);
            closed.assign(total, 0);
            stamp = 0;
        }
        ++stamp;
        heap.clear();
    }
};

// A resolved start or goal: the cell the search uses, and whether the exact point can be drawn
// (it lies on walkable floor) or the route must end at the cell's centre.
struct Anchor {
    int level = -1;
    int32_t cell = -1; // global index
    Vec2 pos;          // the point drawn
};

} // namespace

struct Router::Impl {
    struct LevelData {
        std::string id;
        Text name;
        int floor = 0;
        WalkGrid grid;
        int32_t base = 0; // global index of cell (0, 0)
    };
    struct Stop {
        int connector = 0;
        int level = 0;
        Vec2 pos;
        Anchor anchor[2]; // per mode (0 = on foot, 1 = step-free); cell -1 = not usable
    };

    std::vector<LevelData> levels;
    std::vector<Connector> connectors;
    std::vector<Stop> stops;
    std::vector<std::vector<int>> stops_on_level;
    std::unordered_map<int32_t, std::vector<int>> stops_at_cell;
    std::vector<bool> is_stop_cell; // per global cell: a key of stops_at_cell (cheaper than a lookup)
    std::vector<int32_t> region[2]; // per mode: connected area of each cell, -1 = not walkable
    int32_t total = 0;

    std::vector<Stand> stands;
    std::vector<Room> rooms;
    std::vector<Poi> pois;
    std::vector<Kiosk> kiosks;
    std::map<std::string, std::string> stand_exhibitor; // stand id → exhibitor short name

    int levelIndex(const std::string& id) const {
        for (size_t i = 0; i < levels.size(); ++i)
            if (levels[i].id == id) return static_cast<int>(i);
        return -1;
    }
    int levelOf(int32_t idx) const {
        int li = 0;
        while (li + 1 < static_cast<int>(levels.size()) && idx >= levels[li + 1].base)
            ++li;
        return li;
    }
    Vec2 centreOf(int32_t idx, int li) const {
        const WalkGrid& g = levels[li].grid;
        int32_t local = idx - levels[li].base;
        return {g.origin.x + (local % g.cols + 0.5) * g.cell, g.origin.y + (local / g.cols + 0.5) * g.cell};
    }
    uint8_t value(int32_t idx, int li) const { return levels[li].grid.cells[idx - levels[li].base]; }

    // The cell under `pos`, or the nearest walkable one within kSnapRadius.
    Anchor snap(int li, Vec2 pos, bool step_free) const {
        Anchor a;
        if (li < 0) return a;
        const WalkGrid& g = levels[li].grid;
        int c = static_cast<int>(std::floor((pos.x - g.origin.x) / g.cell));
        int r = static_cast<int>(std::floor((pos.y - g.origin.y) / g.cell));
        auto ok = [&](int cc, int rr) {
            return cc >= 0 && rr >= 0 && cc < g.cols && rr < g.rows &&
                   allowed(g.cells[static_cast<size_t>(rr) * g.cols + cc], step_free);
        };
        a.level = li;
        if (ok(c, r)) {
            a.cell = levels[li].base + r * g.cols + c;
            a.pos = pos;
            return a;
        }
        int reach = static_cast<int>(std::ceil(kSnapRadius / g.cell));
        double best = kSnapRadius;
        for (int rr = r - reach; rr <= r + reach; ++rr)
            for (int cc = c - reach; cc <= c + reach; ++cc) {
                if (!ok(cc, rr)) continue;
                Vec2 centre{g.origin.x + (cc + 0.5) * g.cell, g.origin.y + (rr + 0.5) * g.cell};
                double d = dist(centre, pos);
                if (d <= best) {
                    best = d;
                    a.cell = levels[li].base + rr * g.cols + cc;
                    a.pos = centre;
                }
            }
        return a;
    }

    bool connectorAllowed(int ci, bool step_free) const {
        return !step_free || connectors[ci].type == ConnectorType::Lift;
    }
    double hop(const Stop& a, const Stop& b) const {
        return connectorSeconds(connectors[a.connector].type, levels[b.level].floor - levels[a.level].floor);
    }

    void init(const Model& m);
    void computeRegions();
    bool lineOfSight(int li, Vec2 a, Vec2 b, bool step_free) const;
    std::vector<Vec2> smooth(int li, const std::vector<Vec2>& pts, bool step_free) const;
    std::vector<int32_t> search(const Anchor& start, const std::vector<Anchor>& goals, bool step_free,
                                std::vector<int16_t>& vias) const;
    Route route(const RoutePoint& from, const RouteTarget& to, bool step_free, bool check_only) const;
};

void Router::Impl::init(const Model& m) {
    std::vector<WalkGrid> built;
    bool need_build = false;
    for (const Level& l : m.levels) {
        auto it = std::find_if(m.walk_grids.begin(), m.walk_grids.end(),
                               [&](const WalkGrid& g) { return g.level == l.id; });
        if (it == m.walk_grids.end() || !usableGrid(*it)) need_build = true;
    }
    if (need_build) built = buildWalkGrids(m);
    for (size_t i = 0; i < m.levels.size(); ++i) {
        const Level& l = m.levels[i];
        LevelData d;
        d.id = l.id;
        d.name = l.name;
        d.floor = l.floor;
        if (need_build) {
            d.grid = std::move(built[i]);
        } else {
            d.grid = *std::find_if(m.walk_grids.begin(), m.walk_grids.end(),
                                   [&](const WalkGrid& g) { return g.level == l.id; });
        }
        // The search reads neighbours without bounds checks: the border must be blocked, whatever
        // a database says.
        WalkGrid& g = d.grid;
        for (int c = 0; c < g.cols; ++c)
            g.cells[c] = g.cells[static_cast<size_t>(g.rows - 1) * g.cols + c] = kCellBlocked;
        for (int r = 0; r < g.rows; ++r)
            g.cells[static_cast<size_t>(r) * g.cols] = g.cells[static_cast<size_t>(r) * g.cols + g.cols - 1] =
                kCellBlocked;
        d.base = total;
        total += static_cast<int32_t>(g.cells.size());
        levels.push_back(std::move(d));
    }

    connectors = m.connectors;
    stops_on_level.assign(levels.size(), {});
    is_stop_cell.assign(static_cast<size_t>(total), false);
    for (size_t ci = 0; ci < connectors.size(); ++ci)
        for (const ConnectorStop& s : connectors[ci].stops) {
            int li = levelIndex(s.level);
            if (li < 0) continue;
            Stop stop;
            stop.connector = static_cast<int>(ci);
            stop.level = li;
            stop.pos = s.pos;
            stop.anchor[0] = snap(li, s.pos, false);
            stop.anchor[1] = snap(li, s.pos, true);
            int si = static_cast<int>(stops.size());
            stops.push_back(stop);
            stops_on_level[li].push_back(si);
            for (const Anchor& a : stop.anchor) {
                if (a.cell < 0) continue;
                is_stop_cell[a.cell] = true;
                std::vector<int>& at = stops_at_cell[a.cell];
                if (std::find(at.begin(), at.end(), si) == at.end()) at.push_back(si);
            }
        }

    stands = m.stands;
    rooms = m.rooms;
    pois = m.pois;
    kiosks = m.kiosks;
    for (const Stand& s : m.stands)
        if (const Exhibitor* e = m.exhibitorAtStand(s.id))
            stand_exhibitor[s.id] = e->short_name.empty() ? e->name : e->short_name;
    computeRegions();
}

// Connected walkable areas per mode, joined across levels by the connectors the mode may use. The
// search never cuts corners, so two cells are connected exactly when they are 4-connected.
void Router::Impl::computeRegions() {
    for (int mode = 0; mode < 2; ++mode) {
        bool step_free = mode == 1;
        std::vector<int32_t>& reg = region[mode];
        reg.assign(total, -1);
        int32_t next = 0;
        std::vector<int32_t> queue;
        for (const LevelData& l : levels) {
            const WalkGrid& g = l.grid;
            for (int32_t i = 0; i < static_cast<int32_t>(g.cells.size()); ++i) {
                if (reg[l.base + i] >= 0 || !allowed(g.cells[i], step_free)) continue;
                int32_t id = next++;
                queue.assign(1, i);
                reg[l.base + i] = id;
                while (!queue.empty()) {
                    int32_t c = queue.back();
                    queue.pop_back();
                    for (int32_t n : {c - 1, c + 1, c - g.cols, c + g.cols}) {
                        if (n < 0 || n >= static_cast<int32_t>(g.cells.size())) continue;
                        if (reg[l.base + n] >= 0 || !allowed(g.cells[n], step_free)) continue;
                        reg[l.base + n] = id;
                        queue.push_back(n);
                    }
                }
            }
        }
        // Union the areas a connector joins, then relabel every cell with its representative.
        std::vector<int32_t> parent(next);
        for (int32_t i = 0; i < next; ++i)
            parent[i] = i;
        auto find = [&](int32_t x) {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        };
        for (size_t a = 0; a < stops.size(); ++a)
            for (size_t b = a + 1; b < stops.size(); ++b) {
                const Stop &sa = stops[a], &sb = stops[b];
                if (sa.connector != sb.connector || !connectorAllowed(sa.connector, step_free)) continue;
                if (sa.anchor[mode].cell < 0 || sb.anchor[mode].cell < 0) continue;
                parent[find(reg[sa.anchor[mode].cell])] = find(reg[sb.anchor[mode].cell]);
            }
        for (int32_t& r : reg)
            if (r >= 0) r = find(r);
    }
}

// Whether a person can walk the straight line ab on level li: every cell it touches is walkable in
// the mode, and where it passes exactly through a cell corner, both cells beside the corner are.
bool Router::Impl::lineOfSight(int li, Vec2 a, Vec2 b, bool step_free) const {
    const WalkGrid& g = levels[li].grid;
    double ax = (a.x - g.origin.x) / g.cell, ay = (a.y - g.origin.y) / g.cell;
    double bx = (b.x - g.origin.x) / g.cell, by = (b.y - g.origin.y) / g.cell;
    int x = static_cast<int>(std::floor(ax)), y = static_cast<int>(std::floor(ay));
    int ex = static_cast<int>(std::floor(bx)), ey = static_cast<int>(std::floor(by));
    auto ok = [&](int c, int r) {
        return c >= 0 && r >= 0 && c < g.cols && r < g.rows &&
               allowed(g.cells[static_cast<size_t>(r) * g.cols + c], step_free);
    };
    if (!ok(x, y)) return false;
    double dx = bx - ax, dy = by - ay;
    int sx = dx > 0 ? 1 : -1, sy = dy > 0 ? 1 : -1;
    double tdx = dx != 0 ? 1 / std::fabs(dx) : std::numeric_limits<double>::infinity();
    double tdy = dy != 0 ? 1 / std::fabs(dy) : std::numeric_limits<double>::infinity();
    double tx = dx != 0 ? ((dx > 0 ? x + 1 : x) - ax) / dx : std::numeric_limits<double>::infinity();
    double ty = dy != 0 ? ((dy > 0 ? y + 1 : y) - ay) / dy : std::numeric_limits<double>::infinity();
    int guard = std::abs(ex - x) + std::abs(ey - y) + 2;
    while ((x != ex || y != ey) && guard-- > 0) {
        if (std::fabs(tx - ty) < 1e-9) {
            if (!ok(x + sx, y) || !ok(x, y + sy)) return false;
            x += sx;
            y += sy;
            tx += tdx;
            ty += tdy;
        } else if (tx < ty) {
            x += sx;
            tx += tdx;
        } else {
            y += sy;
            ty += tdy;
        }
        if (!ok(x, y)) return false;
    }
    return true;
}

// String pulling: from each kept point, jump to the furthest later point still in sight. Sight is
// probed by doubling the jump and then halving back, so a long straight aisle costs a few probes.
std::vector<Vec2> Router::Impl::smooth(int li, const std::vector<Vec2>& pts, bool step_free) const {
    if (pts.size() <= 2) return pts;
    std::vector<Vec2> out{pts.front()};
    size_t i = 0, n = pts.size();
    while (i + 1 < n) {
        size_t good = i + 1, step = 1;
        size_t bad = n;
        while (good + step < n && lineOfSight(li, pts[i], pts[good + step], step_free)) {
            good += step;
            step *= 2;
        }
        if (good + step < n) bad = good + step;
        while (bad - good > 1) {
            size_t mid = good + (bad - good) / 2;
            if (lineOfSight(li, pts[i], pts[mid], step_free))
                good = mid;
            else
                bad = mid;
        }
        out.push_back(pts[good]);
        i = good;
    }
    return out;
}

// A* over the cells of every level, with connector stops as extra edges between levels. Returns
// the cells from start to the goal reached (empty when none is); vias[k] is the connector taken to
// reach path[k] (-1 = walked).
std::vector<int32_t> Router::Impl::search(const Anchor& start, const std::vector<Anchor>& goals,
                                          bool step_free, std::vector<int16_t>& vias) const {
    const int mode = step_free ? 1 : 0;
    const double speed = step_free ? kStepFreeWalkingSpeed : kWalkingSpeed;

    // Lower bounds on the seconds from each connector stop to the nearest goal, over straight lines
    // and connector times: they make the estimate on levels without a goal point the right way.
    std::vector<double> to_goal(stops.size(), std::numeric_limits<double>::infinity());
    auto centre = [&](const Anchor& a) { return centreOf(a.cell, a.level); };
    for (size_t s = 0; s < stops.size(); ++s) {
        const Anchor& a = stops[s].anchor[mode];
        if (a.cell < 0) continue;
        for (const Anchor& goal : goals)
            if (goal.level == a.level) {
                Vec2 p = centre(a), q = centre(goal);
                to_goal[s] = std::min(to_goal[s], octile(p.x - q.x, p.y - q.y) / speed);
            }
    }
    std::vector<bool> done(stops.size(), false);
    for (size_t round = 0; round < stops.size(); ++round) {
        int best = -1;
        for (size_t s = 0; s < stops.size(); ++s)
            if (!done[s] && std::isfinite(to_goal[s]) && (best < 0 || to_goal[s] < to_goal[best]))
                best = static_cast<int>(s);
        if (best < 0) break;
        done[best] = true;
        const Stop& b = stops[best];
        for (size_t s = 0; s < stops.size(); ++s) {
            const Stop& o = stops[s];
            if (done[s] || o.anchor[mode].cell < 0) continue;
            double via = std::numeric_limits<double>::infinity();
            if (o.level == b.level) {
                Vec2 p = centre(o.anchor[mode]), q = centre(b.anchor[mode]);
                via = octile(p.x - q.x, p.y - q.y) / speed;
            } else if (o.connector == b.connector && connectorAllowed(o.connector, step_free)) {
                via = hop(o, b);
            }
            to_goal[s] = std::min(to_goal[s], via + to_goal[best]);
        }
    }
    // Per level, points to measure the estimate from: goals (plus 0 s) and stops (plus their bound).
    struct Beacon {
        double x, y, add;
    };
    std::vector<std::vector<Beacon>> beacons(levels.size());
    for (const Anchor& goal : goals) {
        Vec2 q = centre(goal);
        beacons[goal.level].push_back({q.x, q.y, 0});
    }
    for (size_t s = 0; s < stops.size(); ++s) {
        if (!std::isfinite(to_goal[s])) continue;
        Vec2 q = centre(stops[s].anchor[mode]);
        // A stop whose best way to a goal on its level is the straight one adds nothing to that
        // goal's estimate (triangle inequality); leaving it out keeps the estimate cheap.
        bool redundant = std::any_of(goals.begin(), goals.end(), [&](const Anchor& goal) {
            Vec2 g = centre(goal);
            return goal.level == stops[s].level && octile(q.x - g.x, q.y - g.y) / speed <= to_goal[s] + 1e-9;
        });
        if (!redundant) beacons[stops[s].level].push_back({q.x, q.y, to_goal[s]});
    }
    auto estimate = [&](int32_t idx, int li) {
        Vec2 p = centreOf(idx, li);
        double h = std::numeric_limits<double>::infinity();
        for (const Beacon& b : beacons[li])
            h = std::min(h, octile(p.x - b.x, p.y - b.y) / speed + b.add);
        return static_cast<float>(h);
    };

    thread_local Scratch sc;
    sc.begin(static_cast<size_t>(total));
    auto push = [&](int32_t idx, float g, int li) {
        float h = estimate(idx, li);
        if (!std::isfinite(h)) return;
        sc.heap.push_back({g + h, g, idx});
        std::push_heap(sc.heap.begin(), sc.heap.end(), [](const Scratch::Node& a, const Scratch::Node& b) {
            return a.f > b.f || (a.f == b.f && a.g < b.g);
        });
    };
    auto relax = [&](int32_t from, int32_t to, float g, int li, int16_t via) {
        if (sc.closed[to] == sc.stamp) return;
        if (sc.seen[to] == sc.stamp && sc.g[to] <= g) return;
        sc.seen[to] = sc.stamp;
        sc.g[to] = g;
        sc.parent[to] = from;
        sc.via[to] = via;
        push(to, g, li);
    };

    sc.seen[start.cell] = sc.stamp;
    sc.g[start.cell] = 0;
    sc.parent[start.cell] = -1;
    sc.via[start.cell] = -1;
    push(start.cell, 0, start.level);
    int32_t reached = -1;
    while (!sc.heap.empty()) {
        std::pop_heap(sc.heap.begin(), sc.heap.end(), [](const Scratch::Node& a, const Scratch::Node& b) {
            return a.f > b.f || (a.f == b.f && a.g < b.g);
        });
        Scratch::Node cur = sc.heap.back();
        sc.heap.pop_back();
        int32_t u = cur.idx;
        if (sc.closed[u] == sc.stamp || cur.g > sc.g[u]) continue;
        sc.closed[u] = sc.stamp;
        if (std::any_of(goals.begin(), goals.end(), [&](const Anchor& goal) { return goal.cell == u; })) {
            reached = u;
            break;
        }
        int li = levelOf(u);
        const WalkGrid& grid = levels[li].grid;
        const uint8_t* cells = grid.cells.data();
        const int32_t local = u - levels[li].base;
        const int32_t cols = grid.cols;
        const float straight = static_cast<float>(grid.cell / speed),
                    diagonal = static_cast<float>(grid.cell * kSqrt2 / speed);
        bool open[4];
        const int32_t side[4] = {-1, 1, -cols, cols};
        for (int k = 0; k < 4; ++k) {
            open[k] = allowed(cells[local + side[k]], step_free);
            if (open[k]) relax(u, u + side[k], cur.g + straight, li, -1);
        }
        // Diagonal only when both cells beside it are open: no cutting past a wall's corner.
        const int corner[4][2] = {{0, 2}, {1, 2}, {0, 3}, {1, 3}};
        for (const auto& cn : corner) {
            if (!open[cn[0]] || !open[cn[1]]) continue;
            int32_t d = side[cn[0]] + side[cn[1]];
            if (allowed(cells[local + d], step_free)) relax(u, u + d, cur.g + diagonal, li, -1);
        }
        if (!is_stop_cell[u]) continue;
        auto at = stops_at_cell.find(u);
        for (int si : at->second) {
            const Stop& a = stops[si];
            if (a.anchor[mode].cell != u || !connectorAllowed(a.connector, step_free)) continue;
            for (size_t oi = 0; oi < stops.size(); ++oi) {
                const Stop& b = stops[oi];
                if (b.connector != a.connector || b.level == a.level || b.anchor[mode].cell < 0) continue;
                relax(u, b.anchor[mode].cell, cur.g + static_cast<float>(hop(a, b)), b.level,
                      static_cast<int16_t>(a.connector));
            }
        }
    }
    std::vector<int32_t> path;
    vias.clear();
    for (int32_t v = reached; v >= 0; v = sc.parent[v]) {
        path.push_back(v);
        vias.push_back(sc.via[v]);
    }
    std::reverse(path.begin(), path.end());
    std::reverse(vias.begin(), vias.end());
    return path;
}

Route Router::Impl::route(const RoutePoint& from, const RouteTarget& to, bool step_free,
                          bool check_only) const {
    const int mode = step_free ? 1 : 0;
    int start_level = levelIndex(from.level);
    if (start_level < 0)
        return failure(RouteProblem::UnknownStart, "unknown level \"" + from.level + "\" of the start",
                       step_free);

    // The goal points and what to call the destination.
    struct GoalPoint {
        std::string level;
        Vec2 pos;
    };
    std::vector<GoalPoint> points;
    Text name;
    const Room* room = nullptr;
    switch (to.kind) {
    case RouteTarget::Kind::Stand: {
        auto s = std::find_if(stands.begin(), stands.end(), [&](const Stand& x) { return x.id == to.id; });
        if (s == stands.end())
            return failure(RouteProblem::UnknownTarget, "unknown stand \"" + to.id + "\"", step_free);
        points.push_back({s->level, s->front});
        auto e = stand_exhibitor.find(s->id);
        std::string who = e == stand_exhibitor.end() ? "" : " (" + e->second + ")";
        name = {"Stand " + s->id + who, "stand " + s->id + who};
        break;
    }
    case RouteTarget::Kind::Room: {
        auto r = std::find_if(rooms.begin(), rooms.end(), [&](const Room& x) { return x.id == to.id; });
        if (r == rooms.end())
            return failure(RouteProblem::UnknownTarget, "unknown room \"" + to.id + "\"", step_free);
        room = &*r;
        for (const Door& d : r->doors)
            if (d.step_free || !step_free) points.push_back({r->level, d.pos});
        if (r->doors.empty()) points.push_back({r->level, centroid(r->shape)});
        if (points.empty())
            return failure(RouteProblem::NoStepFreeWay, "room " + r->id + " has no step-free door",
                           step_free);
        name = {r->name.de, r->name.in(Lang::En)};
        break;
    }
    case RouteTarget::Kind::Poi: {
        auto p = std::find_if(pois.begin(), pois.end(), [&](const Poi& x) { return x.id == to.id; });
        if (p == pois.end())
            return failure(RouteProblem::UnknownTarget, "unknown point of interest \"" + to.id + "\"",
                           step_free);
        points.push_back({p->level, p->pos});
        name = {p->name.de, p->name.in(Lang::En)};
        break;
    }
    case RouteTarget::Kind::Point:
        points.push_back({to.point.level, to.point.pos});
        name = {"markierter Punkt", "marked point"};
        break;
    }

    Route r;
    r.step_free = step_free;
    // Already in the room asked for: nothing to walk.
    if (room && room->level == from.level && pointInPolygon(from.pos, room->shape)) {
        r.ok = true;
        r.legs.push_back({from.level, {from.pos}, 0, std::nullopt});
        r.steps.push_back({0, {"Sie sind bereits hier: " + name.de, "You are already here: " + name.en}});
        return r;
    }

    Anchor start = snap(start_level, from.pos, step_free);
    if (start.cell < 0) {
        bool on_foot = step_free && snap(start_level, from.pos, false).cell >= 0;
        return failure(on_foot ? RouteProblem::NoStepFreeWay : RouteProblem::StartBlocked,
                       "no walkable floor within " + std::to_string(static_cast<int>(kSnapRadius)) +
                           " m of the start",
                       step_free);
    }
    std::vector<Anchor> goals;
    bool any_level = false, any_floor = false;
    for (const GoalPoint& p : points) {
        int li = levelIndex(p.level);
        if (li < 0) continue;
        any_level = true;
        Anchor a = snap(li, p.pos, step_free);
        if (a.cell < 0) continue;
        any_floor = true;
        if (region[mode][a.cell] == region[mode][start.cell]) goals.push_back(a);
    }
    if (!any_level)
        return failure(RouteProblem::UnknownTarget, "the destination is on an unknown level", step_free);
    if (goals.empty()) {
        if (step_free) {
            Route on_foot = route(from, to, false, true);
            if (on_foot.ok)
                return failure(RouteProblem::NoStepFreeWay, "the destination is reachable only over steps",
                               true);
        }
        if (!any_floor)
            return failure(RouteProblem::TargetBlocked,
                           "no walkable floor within " + std::to_string(static_cast<int>(kSnapRadius)) +
                               " m of the destination",
                           step_free);
        return failure(
            RouteProblem::NotConnected,
            "walls, stands or room outlines without a door separate the start from the destination",
            step_free);
    }
    if (check_only) {
        r.ok = true;
        return r;
    }

    std::vector<int16_t> vias;
    std::vector<int32_t> path = search(start, goals, step_free, vias);
    if (path.empty()) // only if the areas above disagree with the search, which they must not
        return failure(RouteProblem::NotConnected, "no path found", step_free);
    const Anchor* goal = &goals.front();
    for (const Anchor& a : goals)
        if (a.cell == path.back()) goal = &a;

    // Cut the path into legs at each connector and smooth each leg.
    const double speed = step_free ? kStepFreeWalkingSpeed : kWalkingSpeed;
    double seconds = 0;
    size_t k = 0;
    while (k < path.size()) {
        int li = levelOf(path[k]);
        size_t end = k;
        while (end + 1 < path.size() && vias[end + 1] < 0)
            ++end;
        RouteLeg leg;
        leg.level = levels[li].id;
        std::vector<Vec2> pts;
        auto stopPos = [&](int32_t cell, int connector) {
            for (const Stop& s : stops)
                if (s.connector == connector && s.anchor[mode].cell == cell) return s.anchor[mode].pos;
            return centreOf(cell, levelOf(cell));
        };
        pts.push_back(k == 0 ? start.pos : stopPos(path[k], vias[k]));
        for (size_t j = k + 1; j < end; ++j)
            pts.push_back(centreOf(path[j], li));
        bool last = end + 1 >= path.size();
        pts.push_back(last ? goal->pos : stopPos(path[end], vias[end + 1]));
        if (pts.size() == 2 && pts[0] == pts[1]) pts.pop_back();
        leg.points = smooth(li, pts, step_free);
        for (size_t j = 1; j < leg.points.size(); ++j)
            leg.distance_m += dist(leg.points[j - 1], leg.points[j]);
        r.distance_m += leg.distance_m;
        if (!last) {
            int ci = vias[end + 1];
            int to_level = levelOf(path[end + 1]);
            const Connector& cn = connectors[ci];
            leg.connector = ConnectorUse{cn.id, cn.type, cn.name, levels[to_level].id};
            seconds += connectorSeconds(cn.type, levels[to_level].floor - levels[li].floor);
            r.steps.push_back(
                {static_cast<int>(r.legs.size()), connectorStep(cn.type, levels[to_level].name)});
        }
        r.legs.push_back(std::move(leg));
        k = end + 1;
    }
    seconds += r.distance_m / speed;
    r.walking_seconds = static_cast<int>(std::ceil(seconds - 1e-9));
    r.steps.push_back({static_cast<int>(r.legs.size()) - 1, {"Ziel: " + name.de, "Destination: " + name.en}});
    r.ok = true;
    return r;
}

Router::Router(const Model& model) : impl_(std::make_unique<Impl>()) {
    impl_->init(model);
}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

Route Router::route(const RoutePoint& from, const RouteTarget& to, bool step_free) const {
    return impl_->route(from, to, step_free, false);
}

Route Router::routeFromKiosk(const std::string& kiosk_id, const RouteTarget& to, bool step_free) const {
    for (const Kiosk& k : impl_->kiosks)
        if (k.id == kiosk_id) return route({k.level, k.pos}, to, step_free);
    return failure(RouteProblem::UnknownStart, "unknown kiosk \"" + kiosk_id + "\"", step_free);
}

bool Router::reachable(const RoutePoint& from, const RouteTarget& to, bool step_free) const {
    return impl_->route(from, to, step_free, true).ok;
}

std::vector<UnreachablePlace> Router::unreachableFromKiosks() const {
    std::vector<UnreachablePlace> out;
    const Impl& m = *impl_;
    if (m.kiosks.empty()) return out;
    auto check = [&](const std::string& kind, const std::string& id, const std::string& level, Vec2 pos,
                     bool need_step_free) {
        RouteTarget target = RouteTarget::at(level, pos);
        auto fromAny = [&](bool step_free) {
            for (const Kiosk& k : m.kiosks)
                if (m.route({k.level, k.pos}, target, step_free, true).ok) return true;
            return false;
        };
        if (!fromAny(false))
            out.push_back({kind, id, level, pos, false});
        else if (need_step_free && !fromAny(true))
            out.push_back({kind, id, level, pos, true});
    };
    for (const Stand& s : m.stands)
        check("stand", s.id, s.level, s.front, true);
    for (const Room& r : m.rooms) {
        for (const Door& d : r.doors)
            check("room", r.id, r.level, d.pos, d.step_free);
        if (r.doors.empty()) check("room", r.id, r.level, centroid(r.shape), true);
    }
    for (const Poi& p : m.pois)
        check("poi", p.id, p.level, p.pos, true);
    for (const Connector& c : m.connectors)
        for (const ConnectorStop& s : c.stops)
            check("connector", c.id, s.level, s.pos, c.type == ConnectorType::Lift);
    return out;
}

const WalkGrid* Router::grid(const std::string& level) const {
    int li = impl_->levelIndex(level);
    return li < 0 ? nullptr : &impl_->levels[li].grid;
}

} // namespace ww
