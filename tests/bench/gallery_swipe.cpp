// Gallery benchmark: opens the first photo of a gallery in a real window and swipes through every
// photo three times (forward, back, forward), pausing like a visitor between swipes. Prints one JSON
// line: per pass the worst UI-thread time per frame spent on images, how often the photo was already
// sharp when the swipe ended, and memory.
// usage: bench-gallery --content FILE.db [--gallery ID] [--windowed WxH] [--dwell MS] [--passes N]
//        [--image-memory MB]
//        (run it under xvfb-run -a -s "-screen 0 1920x1080x24"; tests/bench/gallery.sh does)
#include "app/kiosk_app.h"
#include "app/script.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

double statusMb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0) return std::stod(line.substr(std::string(field).size())) / 1024.0;
    return 0;
}

double round2(double v) { return std::round(v * 100) / 100; }

} // namespace

int main(int argc, char** argv) {
    using namespace ww;
    AppOptions opt;
    opt.width = 1920;
    opt.height = 1080;
    std::string gallery = "fachausstellung";
    int dwell_ms = 500, passes = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--content") opt.content = v;
        else if (a == "--gallery") gallery = v;
        else if (a == "--dwell") dwell_ms = std::stoi(v);
        else if (a == "--passes") passes = std::stoi(v);
        else if (a == "--image-memory") opt.image_memory_mb = static_cast<size_t>(std::stoul(v));
        else if (a == "--windowed") std::sscanf(v.c_str(), "%dx%d", &opt.width, &opt.height);
        else {
            std::cerr << "bench-gallery: unknown option " << a << "\n";
            return 2;
        }
    }
    App app(opt);
    std::string error;
    if (!app.init(&error)) {
        std::cerr << "bench-gallery: " << error << "\n";
        return 2;
    }
    std::ostringstream sink;
    auto run = [&](const std::string& script) {
        std::istringstream in(script);
        if (runScript(app, in, sink, "bench-gallery") != 0) throw std::runtime_error("script failed: " + script);
    };
    ImagePipeline* images = app.images().pipeline();
    if (!images) {
        std::cerr << "bench-gallery: needs a window (images are not decoded headless)\n";
        return 2;
    }
    run("tap @nav.photos\nwait 300\ntap @gallery." + gallery + "\nwait 300\n");
    const nlohmann::json grid = app.state();
    if (!grid.contains("photos") || grid["photos"].empty()) {
        std::cerr << "bench-gallery: no photos in gallery " << gallery << "\n";
        return 2;
    }
    const int n = static_cast<int>(grid["photos"].size());
    run("tap @photo." + grid["photos"][0].get<std::string>() + "\nwait " + std::to_string(dwell_ms) + "\n");

    const int w = opt.width, h = opt.height;
    const std::string forward = "drag " + std::to_string(w * 3 / 4) + " " + std::to_string(h / 2) + " " +
                                std::to_string(w / 4) + " " + std::to_string(h / 2) + " 250\n";
    const std::string backward = "drag " + std::to_string(w / 4) + " " + std::to_string(h / 2) + " " +
                                 std::to_string(w * 3 / 4) + " " + std::to_string(h / 2) + " 250\n";
    nlohmann::json out_passes = nlohmann::json::array();
    for (int pass = 0; pass < passes; ++pass) {
        const bool fwd = pass % 2 == 0;
        images->resetMax();
        const auto frames0 = app.frameTimes().size();
        const auto t0 = std::chrono::steady_clock::now();
        int swipes = 0, sharp = 0, blurry_after_first = 0;
        nlohmann::json not_sharp = nlohmann::json::array();
        for (int i = 0; i < n - 1; ++i) {
            run(fwd ? forward : backward);
            const nlohmann::json s = app.state(); // the first frame after the finger lifted
            ++swipes;
            if (s["sharp"] == true) ++sharp;
            else {
                not_sharp.push_back(s["index"]);
                if (swipes > 1) ++blurry_after_first;
            }
            run("wait " + std::to_string(dwell_ms) + "\n");
        }
        const nlohmann::json end = app.state();
        const ImagePipelineStats& st = images->stats();
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        out_passes.push_back({{"direction", fwd ? "forward" : "backward"},
                              {"swipes", swipes},
                              {"ended_at", end["index"]},
                              {"sharp_at_swipe_end", sharp},
                              {"not_sharp_after_first_swipe", blurry_after_first},
                              {"not_sharp_at", not_sharp},
                              {"image_ms_worst_frame", round2(images->stats().max_frame_ms)},
                              {"image_cpu_ms_worst_frame", round2(st.max_frame_cpu_ms)},
                              {"image_cpu_ms_most", round2(st.max_cpu_ms)},
                              {"worst_frame", st.worst_frame},
                              {"textures_made_in_frames", st.allocated_in_frame},
                              {"lock_skips", st.lock_skips},
                              {"image_ms_worst_between_frames", round2(st.max_idle_ms)},
                              {"frames", app.frameTimes().size() - frames0},
                              {"texture_mb", round2(st.bytes / 1048576.0)},
                              {"textures", st.textures},
                              {"uploads", st.uploads},
                              {"evicted", st.evicted},
                              {"dropped", st.dropped},
                              {"rss_mb", round2(statusMb("VmRSS:"))},
                              {"peak_rss_mb", round2(statusMb("VmHWM:"))},
                              {"seconds", round2(secs)}});
        std::cerr << "pass " << pass + 1 << ": " << out_passes.back().dump() << std::endl; // progress
    }
    nlohmann::json j;
    j["gallery"] = gallery;
    j["photos"] = n;
    j["window"] = std::to_string(w) + "x" + std::to_string(h);
    j["dwell_ms"] = dwell_ms;
    j["budget_mb"] = images->options().budget_bytes >> 20;
    j["passes"] = out_passes;
    j["peak_rss_mb"] = round2(statusMb("VmHWM:"));
    std::cout << j.dump() << std::endl;
    return 0;
}
