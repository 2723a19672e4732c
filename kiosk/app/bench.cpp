// The benchmark tour (see bench.h). It picks its targets from what is on screen, so it works with
// any content, not only the sample event.
#include "app/bench.h"

#include "app/kiosk_app.h"
#include "app/script.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace ww {

double peakRssMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

namespace {

// The first target on screen whose id starts with `prefix`, or "".
std::string firstTarget(App& app, const std::string& prefix) {
    const nlohmann::json all = app.targets(); // keep it alive: the loop reads into it
    for (const auto& t : all["targets"]) {
        const std::string id = t["id"];
        if (id.rfind(prefix, 0) == 0) return id;
    }
    return {};
}

} // namespace

int runBench(App& app, std::ostream& out) {
    const auto t0 = std::chrono::steady_clock::now();
    std::ostringstream sink;
    auto run = [&](const std::string& script) {
        std::istringstream in(script);
        return runScript(app, in, sink, "bench");
    };
    auto tapFirst = [&](const std::string& prefix) {
        const std::string id = firstTarget(app, prefix);
        if (!id.empty()) run("tap @" + id + "\nwait 300\n");
    };
    std::vector<std::string> screens;
    auto visited = [&] { screens.push_back(app.state()["screen"]); };
    // Frames by part of the tour: [name, first frame index].
    std::vector<std::pair<std::string, size_t>> parts;
    auto part = [&](const std::string& name) { parts.push_back({name, app.frameTimes().size()}); };

    part("home");
    run("wait 500\n");
    visited();
    // Floor plan: pan, zoom, every level, a stand.
    part("map");
    run("tap @nav.map\nwait 300\ndrag 700 500 400 350 300\nwait 500\ntap @map.zoom-in\nwait 300\ntap @map.reset\nwait 300\n");
    visited();
    const nlohmann::json on_map = app.targets();
    for (const auto& t : on_map["targets"]) {
        const std::string id = t["id"];
        if (id.rfind("level.", 0) == 0) run("tap @" + id + "\nwait 200\n");
    }
    run("tap @map.zoom-in\nwait 300\n"); // stands are targets once finger-sized
    tapFirst("stand.");
    run("tap @nav.home\nwait 300\n");
    // Exhibitors: scroll with a throw, open one.
    part("exhibitors");
    run("tap @nav.exhibitors\nwait 300\ndrag 900 800 900 300 200\nwait 1500\ndrag 900 300 900 900 200\nwait 1500\n");
    visited();
    tapFirst("exhibitor.");
    visited();
    run("tap @nav.home\nwait 300\n");
    // Programme and one talk.
    part("program");
    run("tap @nav.program\nwait 300\ndrag 900 800 900 300 200\nwait 1500\n");
    visited();
    tapFirst("talk.");
    visited();
    run("tap @nav.home\nwait 300\n");
    // Photos: a gallery, a photo, swipe.
    part("photos");
    run("tap @nav.photos\nwait 300\n");
    visited();
    tapFirst("gallery.");
    visited();
    tapFirst("photo.");
    visited();
    run("drag 1400 400 400 400 200\nwait 800\ntap @nav.home\nwait 300\n");
    // Search by typing on the keyboard.
    part("search");
    run("tap @nav.search\nwait 300\ntype sachsen\nwait 300\n");
    visited();
    run("tap @kbd.clear\ntype amt\nwait 300\ntap @nav.home\nwait 300\n");
    // Accessibility: text sizes rebuild the font atlas.
    part("a11y");
    run("tap @nav.a11y\nwait 300\ntap @a11y.text-200\nwait 300\ntap @a11y.contrast\nwait 300\n");
    visited();
    run("tap @nav.home\nwait 300\ntap @nav.exhibitors\nwait 300\ntap @nav.home\nwait 300\n");
    run("tap @nav.a11y\nwait 300\ntap @a11y.text-100\nwait 300\ntap @a11y.contrast\nwait 300\ntap @nav.home\nwait 300\n");

    const double tour_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    auto round2 = [](double v) { return std::round(v * 100) / 100; };
    auto summary = [&](std::vector<double> ms) {
        std::sort(ms.begin(), ms.end());
        auto pct = [&](double p) {
            if (ms.empty()) return 0.0;
            const size_t i = std::min(ms.size() - 1, static_cast<size_t>(p * (ms.size() - 1) + 0.5));
            return ms[i];
        };
        double sum = 0;
        for (double v : ms) sum += v;
        return nlohmann::json{{"median", round2(pct(0.5))},
                              {"p99", round2(pct(0.99))},
                              {"max", round2(ms.empty() ? 0 : ms.back())},
                              {"mean", round2(ms.empty() ? 0 : sum / ms.size())}};
    };
    const std::vector<double>& all = app.frameTimes();
    nlohmann::json j;
    j["frame_ms"] = summary(all);
    nlohmann::json by_part = nlohmann::json::object();
    for (size_t i = 0; i < parts.size(); ++i) {
        const size_t end = i + 1 < parts.size() ? parts[i + 1].second : all.size();
        by_part[parts[i].first] = summary(std::vector<double>(all.begin() + static_cast<std::ptrdiff_t>(parts[i].second),
                                                              all.begin() + static_cast<std::ptrdiff_t>(end)));
    }
    j["frame_ms_by_screen"] = by_part;
    j["frames"] = all.size();
    j["startup_ms"] = round2(app.startupMs());
    j["peak_rss_mb"] = round2(peakRssMb());
    j["tour_ms"] = round2(tour_ms);
    j["screens"] = screens;
    j["headless"] = app.headless();
    out << j.dump() << std::endl;
    return 0;
}

} // namespace ww
