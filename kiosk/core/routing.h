// Wayfinding: the walk grids derived from the venue geometry when content is built, and the router
// that finds a walking route from a kiosk to a stand, room, point of interest or any point, across
// levels by stairs, escalator or lift, with a step-free variant. No ImGui, no GL.
//
// How the plan becomes a grid (buildWalkGrids):
//   * one WalkGrid per level, covering the level outline's bounds plus a blocked margin;
//   * a cell is walkable when its centre lies inside the level outline and clear of everything that
//     blocks walking: stands and obstacles (grown by WalkGridOptions::clearance so routes keep a little
//     distance), walls (their thickness plus wall_clearance), the level outline itself, and the
//     outlines of rooms, except where a door of any room on the level lies on them. A room without
//     any door is an open area (a lounge zone in a hall) and does not block;
//   * doors also open walls drawn across them;
//   * barriers are at least one cell thick in the 4-neighbour sense, and the search never cuts a
//     corner diagonally, so no route slips through a wall between two diagonal cells.
//
// How routes are costed (Router::route): in seconds. Walking costs its length divided by the walking
// speed of the mode; a connector costs the documented time below. The route shown is the cheapest
// in time, so a lift is taken only when it saves more than its wait.
#pragma once

#include "core/model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ww {

// [SECTION] Walk grids

// Values of WalkGrid::cells.
enum WalkCell : uint8_t {
    kCellBlocked = 0,      // not walkable: outside the level, a wall, a stand, an obstacle
    kCellWalkable = 1,     // open floor
    kCellDoor = 2,         // floor in a door opening
    kCellDoorWithStep = 3, // floor in a door opening that is not step-free; step-free routes avoid it
};

struct WalkGridOptions {
    double cell = 0.25;        // metres per cell edge; doors of 0.9 m keep at least two free cells
    size_t max_cells = 600000; // per level (a 190 m × 190 m hall at 0.25 m); a larger level doubles the cell
                               // size until it fits
    double clearance = 0.25;   // metres kept free around stands and obstacles
    double wall_clearance = 0.1; // metres kept free on each side of a wall, beyond its thickness
    double door_band = 0.5;      // metres on each side of a door line whose cells count as the door
};

// One grid per level of the model, in the order of model.levels.
std::vector<WalkGrid> buildWalkGrids(const Model& model, const WalkGridOptions& options = {});

// [SECTION] Speeds and connector times

constexpr double kWalkingSpeed = 1.2;         // m/s, an unhurried adult in a busy venue
constexpr double kStepFreeWalkingSpeed = 0.8; // m/s, wheelchair, walking aid, pram
// Time on a connector, for each floor it goes up or down (floor numbers of the levels).
constexpr double kStairsSecondsPerFloor = 12;    // about 20 steps and a landing, ~10 m of walking
constexpr double kEscalatorSecondsPerFloor = 15; // getting on and riding
constexpr double kLiftWaitSeconds = 30;          // waiting for the car, doors opening and closing
constexpr double kLiftSecondsPerFloor = 5;
// A start or target that falls into a blocked cell (a kiosk against a wall, a point of interest
// drawn on a counter) moves to the nearest walkable cell within this distance, else it is unreachable.
constexpr double kSnapRadius = 3.0;

// Seconds spent on a connector of `type` between two levels `floors` apart (at least one floor).
double connectorSeconds(ConnectorType type, int floors);

// [SECTION] Routes

struct RoutePoint {
    std::string level;
    Vec2 pos;
};

struct RouteTarget {
    enum class Kind { Point, Stand, Room, Poi };
    Kind kind = Kind::Point;
    std::string id;   // stand, room or point of interest id
    RoutePoint point; // Kind::Point only

    // A stand's front, where visitors talk to the exhibitor.
    static RouteTarget stand(const std::string& id) { return {Kind::Stand, id, {}}; }
    // The nearest door of a room (a room without doors: its centre).
    static RouteTarget room(const std::string& id) { return {Kind::Room, id, {}}; }
    static RouteTarget poi(const std::string& id) { return {Kind::Poi, id, {}}; }
    static RouteTarget at(const std::string& level, Vec2 pos) { return {Kind::Point, "", {level, pos}}; }
};

// A connector taken at the end of a leg.
struct ConnectorUse {
    std::string id;
    ConnectorType type = ConnectorType::Stairs;
    Text name;
    std::string to_level;
};

// The part of a route on one level.
struct RouteLeg {
    std::string level;
    std::vector<Vec2> points;              // smoothed polyline, metres on the level's plan
    double distance_m = 0;                 // length of `points`
    std::optional<ConnectorUse> connector; // taken at the last point, to the next leg's level
};

// What to tell the visitor, in order; `leg` is the leg the step belongs to (a connector step
// belongs to the leg it ends, so a level-by-level view shows it with that level).
struct RouteStep {
    int leg = 0;
    Text text;
};

enum class RouteProblem {
    None,
    UnknownStart,  // no such level, or no kiosk with that id
    UnknownTarget, // no such stand, room, point of interest or level
    StartBlocked,  // the start lies in a wall or stand with no walkable floor within kSnapRadius
    TargetBlocked, // likewise for the target
    NotConnected,  // walls, stands or missing doors separate start and target
    NoStepFreeWay, // reachable, but only over stairs, escalators or doors with a step
};

struct Route {
    bool ok = false;
    RouteProblem problem = RouteProblem::None;
    std::string reason;         // English, for logs and the content check ("" when ok)
    Text message;               // for visitors when not ok
    std::vector<RouteLeg> legs; // one per level visited, in walking order
    std::vector<RouteStep> steps;
    double distance_m = 0;   // walked on the plans (connectors not included)
    int walking_seconds = 0; // distance at the mode's speed plus connector times, rounded up
    bool step_free = false;  // the mode asked for; a step-free route never has steps
    int minutes() const { return walking_seconds <= 0 ? 0 : (walking_seconds + 59) / 60; }
};

// A place the content check found unreachable from every kiosk.
struct UnreachablePlace {
    std::string kind; // "stand", "room", "poi", "connector"
    std::string id;
    std::string level;
    Vec2 pos;            // the point that cannot be reached (stand front, door, position, stop)
    bool only_step_free; // reachable on foot, but not step-free
};

class Router {
  public:
    // Uses model.walk_grids when they match the levels; builds them otherwise. Keeps its own copy of
    // what it needs: the model may go away afterwards.
    explicit Router(const Model& model);
    ~Router();
    Router(Router&&) noexcept;
    Router& operator=(Router&&) noexcept;
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

    // The cheapest walking route. Safe to call from several threads at once. Unreachable targets
    // are answered without searching the grid.
    Route route(const RoutePoint& from, const RouteTarget& to, bool step_free) const;
    // From a kiosk's position.
    Route routeFromKiosk(const std::string& kiosk_id, const RouteTarget& to, bool step_free) const;
    // Whether route() would succeed; cheap (no search), for checks over many targets.
    bool reachable(const RoutePoint& from, const RouteTarget& to, bool step_free) const;

    // Stand fronts, room doors, points of interest and connector stops that no kiosk can reach (on
    // foot), or that some kiosk reaches but none step-free. Empty when the model has no kiosks.
    std::vector<UnreachablePlace> unreachableFromKiosks() const;

    // The grid of a level (nullptr when unknown), e.g. for drawing it while debugging a plan.
    const WalkGrid* grid(const std::string& level) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ww
