// Walking routes for the floor plan: one Router per content model, built the first time a visitor
// asks for a way (never per frame) and replaced when a hot reload brings a new model, and the route
// from this kiosk to a stand, room or point of interest in the plain form the map draws.
//
// The router (core/routing.h) is included by map_route.cpp only; this header speaks in the plain
// types the map draws.
#pragma once

#include "core/model.h"

#include <memory>
#include <string>
#include <vector>

namespace ww {

class Router;

// One level of a route: the line to draw there and the connector taken at its end, if any.
struct WalkLeg {
    std::string level;
    std::vector<Vec2> points; // metres on the level's plan, in walking order
    double distance_m = 0;
    bool connector = false;   // a lift, stairs or escalator at the last point
    ConnectorType connector_type = ConnectorType::Stairs;
    Text connector_name;
    std::string to_level;
};

struct WalkStep {
    int leg = 0;
    Text text;
};

struct WalkRoute {
    bool ok = false;
    std::string problem;      // "" when ok, else e.g. "not_connected", "no_step_free_way"
    Text message;             // for visitors when not ok
    std::vector<WalkLeg> legs;
    std::vector<WalkStep> steps;
    double distance_m = 0;
    int walking_seconds = 0;
    int minutes = 0;
    bool step_free = false;
};

// "stand:B12", "room:saal-dresden", "poi:wc-eg": the kinds a route can go to.
bool isRouteItem(const std::string& item);

class Wayfinder {
public:
    Wayfinder();
    ~Wayfinder();
    Wayfinder(const Wayfinder&) = delete;
    Wayfinder& operator=(const Wayfinder&) = delete;

    // The route from the kiosk `kiosk_id` to `item`. Builds the router for `model` first if it is
    // not the one the last route was found on.
    WalkRoute route(const Model& model, const std::string& kiosk_id, const std::string& item, bool step_free);
    // Whether the router of exactly this model (and content version) is built.
    bool builtFor(const Model& model) const;
    // Drops the router (the content it was built for is gone).
    void forget();

private:
    std::unique_ptr<Router> router_;
    const Model* model_ = nullptr;
    std::string version_;
};

} // namespace ww
