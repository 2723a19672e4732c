// Walking routes for the floor plan (see map_route.h). Only this file of the UI sees core/routing.h.
#include "ui/map_route.h"

#include "core/routing.h"
#include "platform/log.h"

#include <chrono>

namespace ww {

namespace {

const char* problemName(RouteProblem p) {
    switch (p) {
    case RouteProblem::None: return "";
    case RouteProblem::UnknownStart: return "unknown_start";
    case RouteProblem::UnknownTarget: return "unknown_target";
    case RouteProblem::StartBlocked: return "start_blocked";
    case RouteProblem::TargetBlocked: return "target_blocked";
    case RouteProblem::NotConnected: return "not_connected";
    case RouteProblem::NoStepFreeWay: return "no_step_free_way";
    }
    return "unknown";
}

bool targetFor(const std::string& item, RouteTarget* out) {
    const size_t colon = item.find(':');
    if (colon == std::string::npos || colon + 1 >= item.size()) return false;
    const std::string kind = item.substr(0, colon), id = item.substr(colon + 1);
    if (kind == "stand") *out = RouteTarget::stand(id);
    else if (kind == "room") *out = RouteTarget::room(id);
    else if (kind == "poi") *out = RouteTarget::poi(id);
    else return false;
    return true;
}

WalkRoute fromCore(const ww::Route& r) {
    WalkRoute w;
    w.ok = r.ok;
    w.problem = problemName(r.problem);
    w.message = r.message;
    w.distance_m = r.distance_m;
    w.walking_seconds = r.walking_seconds;
    w.minutes = r.minutes();
    w.step_free = r.step_free;
    for (const RouteLeg& l : r.legs) {
        WalkLeg leg;
        leg.level = l.level;
        leg.points = l.points;
        leg.distance_m = l.distance_m;
        if (l.connector) {
            leg.connector = true;
            leg.connector_type = l.connector->type;
            leg.connector_name = l.connector->name;
            leg.to_level = l.connector->to_level;
        }
        w.legs.push_back(std::move(leg));
    }
    for (const RouteStep& s : r.steps) w.steps.push_back({s.leg, s.text});
    return w;
}

} // namespace

bool isRouteItem(const std::string& item) {
    RouteTarget t;
    return targetFor(item, &t);
}

Wayfinder::Wayfinder() = default;
Wayfinder::~Wayfinder() = default;

bool Wayfinder::builtFor(const Model& model) const {
    return router_ && model_ == &model && version_ == model.content_version;
}

void Wayfinder::forget() {
    router_.reset();
    model_ = nullptr;
    version_.clear();
}

WalkRoute Wayfinder::route(const Model& model, const std::string& kiosk_id, const std::string& item, bool step_free) {
    if (!builtFor(model)) {
        const auto t0 = std::chrono::steady_clock::now();
        router_ = std::make_unique<Router>(model);
        model_ = &model;
        version_ = model.content_version;
        logInfo("routing ready for content %s in %.1f ms", version_.c_str(),
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    RouteTarget target;
    if (!targetFor(item, &target)) {
        WalkRoute w;
        w.problem = problemName(RouteProblem::UnknownTarget);
        w.message = {"Dieses Ziel ist nicht auf dem Plan.", "This destination is not on the plan."};
        w.step_free = step_free;
        return w;
    }
    return fromCore(router_->routeFromKiosk(kiosk_id, target, step_free));
}

} // namespace ww
