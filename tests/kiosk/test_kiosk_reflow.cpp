// Larger text reflows every screen: at 200 % text, in landscape 1920×1080 and portrait 1080×1920, the
// headless kiosk visits every screen of the guide and its `overflow` command must find no words cut
// with "…" (except previews marked as such, whose whole text is one tap away), no word spilling over
// its box, and no text crossing the edge of a touch target it does not belong to.
#include <doctest/doctest.h>

#include "core/kiosk_settings.h"
#include "core/reach.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A screen to look at: its name in failure messages and the script lines that lead there.
using Visit = std::pair<std::string, std::string>;

std::string tmpDir() {
    const fs::path d = fs::path(WW_KIOSK_TMP) / ("reflow-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d.string();
}

// One headless kiosk run of `script` (quit appended): every JSON line it printed, in order.
std::vector<json> runHeadless(const std::string& script, const std::string& size, const std::string& extra_args,
                              const std::string& db = WW_KIOSK_DB) {
    static int counter = 0;
    const std::string path = tmpDir() + "/script-" + std::to_string(++counter) + ".txt";
    std::ofstream(path) << script << "\nquit\n";
    const std::string cmd = std::string(WW_KIOSK_BIN) + " --headless --content " + db +
                            " --now 2022-09-07T10:30 --windowed " + size + " " + extra_args + " --script " + path +
                            " 2>" + path + ".err";
    std::vector<json> out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[1 << 16];
    std::string line;
    while (std::fgets(buf, sizeof buf, p)) {
        line += buf;
        if (line.back() != '\n') continue;
        out.push_back(json::parse(line));
        line.clear();
    }
    const int status = pclose(p);
    std::ifstream err(path + ".err");
    INFO("stderr: " << std::string(std::istreambuf_iterator<char>(err), {}));
    REQUIRE(status == 0);
    return out;
}

// Runs the visits in one headless kiosk, `overflow` after each, and returns the findings per visit.
std::vector<std::pair<std::string, json>> look(const std::vector<Visit>& visits, const std::string& size,
                                                const std::string& extra_args = "",
                                                const std::string& db = WW_KIOSK_DB) {
    std::string script;
    for (const auto& [name, lines] : visits) script += lines + "\noverflow\n";
    const std::vector<json> found = runHeadless(script, size, extra_args, db);
    REQUIRE(found.size() == visits.size());
    std::vector<std::pair<std::string, json>> out;
    for (size_t i = 0; i < found.size(); ++i) out.emplace_back(visits[i].first, found[i]);
    return out;
}

// Every finding of every visit as readable lines; empty when all text fits.
std::string problems(const std::vector<std::pair<std::string, json>>& found) {
    std::ostringstream s;
    for (const auto& [screen, j] : found) {
        for (const auto& k : j["cut"])
            s << screen << ": cut \"" << k["text"].get<std::string>() << "\" needs " << k["need"] << " px, has "
              << k["have"] << "\n";
        for (const auto& o : j["overlap"])
            s << screen << ": \"" << o["text"].get<std::string>() << "\" at " << o["x"] << "," << o["y"] << " "
              << o["w"] << "x" << o["h"] << " crosses target " << o["target"] << "\n";
    }
    return s.str();
}

// Every screen a visitor reaches, with the states that change its layout most.
std::vector<Visit> tour() {
    return {
        {"home", "wait 300"},
        {"map", "tap @nav.map\nwait 300"},
        {"map: stand selected", "tap @map.zoom-in\nwait 800\ntap @stand.C04\nwait 300"},
        {"map: route panel", "tap @route.start\nwait 1500"},
        {"map: upper level", "tap @level.og\nwait 300"},
        {"map: room selected", "tap @route.clear\ntap @level.eg\ntap @room.saal-dresden\nwait 300"},
        {"exhibitors", "tap @nav.home\ntap @nav.exhibitors\nwait 300"},
        {"exhibitors: topic filter", "tap @topic.ozg\nwait 300"},
        {"exhibitor", "tap @nav.home\ntap @nav.exhibitors\ntap @exhibitor.aktenwerk\nwait 300"},
        {"exhibitor: scrolled", "drag 900 900 900 300 400\nwait 2000"},
        {"programme: now", "tap @nav.home\ntap @nav.program\nwait 300"},
        {"programme: timeline", "tap @program.view.timeline\nwait 300"},
        {"programme: list", "tap @program.view.list\nwait 300"},
        {"programme: filters", "tap @program.filter\nwait 300"},
        {"programme: second day", "tap @day.2022-09-08\nwait 300"},
        {"programme: changes", "tap @day.2022-09-07\ntap @program.changes\nwait 300"},
        {"talk (moved)", "tap @talk.d1-w03\nwait 300"},
        {"talk: scrolled", "drag 900 900 900 300 400\nwait 2000"},
        {"photos", "tap @nav.home\ntap @nav.photos\nwait 300"},
        {"gallery", "tap @gallery.fachausstellung\nwait 300"},
        {"photo viewer", "tap @photo.fachausstellung-03\nwait 300"},
        {"search: empty", "tap @nav.home\ntap @nav.search\nwait 300"},
        {"search: results", "type amt\nwait 300"},
        {"search: results without keyboard", "tap @kbd.hide\nwait 300"},
        {"search: nothing found", "tap @kbd.show\ntap @kbd.clear\ntype xqzw\nwait 300"},
        {"accessibility", "tap @nav.a11y\nwait 300"},
        {"home in English", "tap @nav.home\ntap @lang.en\nwait 300"},
        {"programme in English", "tap @nav.program\nwait 300"},
        {"search in English", "tap @nav.home\ntap @nav.search\ntype amt\nwait 300"},
        {"still there?", "tap @nav.home\nwait 91000"},
    };
}

std::vector<Visit> atLargeText(std::vector<Visit> visits, const char* size = "200") {
    visits.insert(visits.begin(), {"text size", std::string("tap @nav.a11y\ntap @a11y.text-") + size + "\ntap @nav.home"});
    return visits;
}

// Opening hours and a PIN, for the closed screen and the staff menu. The staff menu shows the file's
// path: a deep one with a very long folder name, so it wraps however deep the build lies.
std::string settingsFile() {
    const fs::path dir = fs::path(tmpDir()) / "deployments" / "landeshauptstadt-dresden-it-forum-messe-kiosk-eingangshalle-nord-zweiter-stock" /
                         "konfiguration";
    fs::create_directories(dir);
    const std::string path = (dir / "kiosk.toml").string();
    std::ofstream(path) << "pin_hash = \"" << ww::hashPin("1234", 2000) << "\"\n[hours]\ndaily = \"08:00-18:00\"\n";
    return path;
}

std::vector<Visit> operation() {
    return atLargeText({
        {"staff PIN pad", "drag 40 40 40 40 3200\ntap @staff.key.1\nwait 300"},
        {"staff menu", "tap @staff.key.2\ntap @staff.key.3\ntap @staff.key.4\ntap @staff.key.ok\nwait 300"},
        {"closed", "tap @staff.close\nclock 2022-09-07T20:00\nwait 500"},
    });
}

} // namespace

TEST_CASE("at 200 % text every screen reflows in landscape: nothing cut, nothing over a target's edge") {
    const auto found = look(atLargeText(tour()), "1920x1080");
    const std::string p = problems(found);
    CHECK_MESSAGE(p.empty(), p);
}

TEST_CASE("at 200 % text every screen reflows in portrait: nothing cut, nothing over a target's edge") {
    const auto found = look(atLargeText(tour()), "1080x1920");
    const std::string p = problems(found);
    CHECK_MESSAGE(p.empty(), p);
}

TEST_CASE("at 150 % and 100 % text nothing is cut either") {
    for (const std::string size : {"1920x1080", "1080x1920"}) {
        CAPTURE(size);
        const auto at150 = look(atLargeText(tour(), "150"), size);
        const std::string p150 = problems(at150);
        CHECK_MESSAGE(p150.empty(), p150);
    }
    const auto at100 = look(tour(), "1920x1080");
    const std::string p100 = problems(at100);
    CHECK_MESSAGE(p100.empty(), p100);
}

TEST_CASE("the waiting, closed and staff screens fit 200 % text too") {
    const std::string settings = settingsFile();
    for (const std::string size : {"1920x1080", "1080x1920"}) {
        CAPTURE(size);
        const auto ops = look(operation(), size, "--settings " + settings);
        const std::string p = problems(ops);
        CHECK_MESSAGE(p.empty(), p);
        // No content yet: the waiting screen (its text scale is the default; it has no way to the panel).
        const auto waiting = look({{"waiting", "wait 500"}}, size, "", tmpDir() + "/missing.db");
        const std::string pw = problems(waiting);
        CHECK_MESSAGE(pw.empty(), pw);
    }
    fs::remove(settings);
}

TEST_CASE("the still-there dialog fits its German title at 200 % text") {
    for (const std::string size : {"1920x1080", "1080x1920"}) {
        CAPTURE(size);
        const auto found = look(atLargeText({{"still there?", "wait 91000"}}), size);
        const std::string p = problems(found);
        CHECK_MESSAGE(p.empty(), p);
    }
}

TEST_CASE("the overflow report sees cut words, and tells marked previews apart") {
    // A timeline card is as long as its talk lasts: a 15-minute impulse shows a preview of its title
    // and opens the whole talk. Such cuts are reported, as allowed ones.
    const auto found = look(atLargeText({{"timeline", "tap @nav.program\ntap @program.view.timeline\nwait 300"}}), "1080x1920");
    const json& j = found.back().second;
    CHECK(j["cut"].empty());
    REQUIRE(!j["allowed"].empty());
    CHECK(j["allowed"][0]["need"].get<int>() > j["allowed"][0]["have"].get<int>());
    CHECK(j["texts"].get<int>() > 10);
    CHECK(j["overlap"].empty());
}

namespace {

// Low reach with the tight mountings: about a third of the screen within reach (the example kiosk.toml)
// and mounted too high (the lowest layout, the lower third).
struct Mount {
    const char* name;
    int bottom_mm, height_mm;
};
const Mount kTightMounts[] = {{"bottom 800 mm, 1200 mm tall", 800, 1200}, {"bottom 1300 mm, 700 mm tall", 1300, 700}};

const char* const kLowReachLarge = "tap @nav.a11y\ntap @a11y.low-reach\ntap @a11y.text-200\ntap @nav.home";

// The screens whose layout low reach changes most, at 200 % text.
std::vector<Visit> lowReachTour() {
    return {
        {"low reach on", kLowReachLarge},
        {"home", "wait 300"},
        {"map", "tap @nav.map\nwait 500"},
        {"exhibitors", "tap @nav.home\ntap @nav.exhibitors\nwait 300"},
        {"programme", "tap @nav.home\ntap @nav.program\nwait 300"},
        {"photos", "tap @nav.home\ntap @nav.photos\nwait 300"},
        {"search with the keyboard", "tap @nav.home\ntap @nav.search\nwait 300"},
        {"search results beside the keyboard", "type a06\nwait 300"},
        {"search results without the keyboard", "tap @kbd.hide\nwait 300"},
        {"accessibility", "tap @nav.a11y\nwait 300"},
    };
}

// The `targets` answers of one headless kiosk run of `script`.
std::vector<json> targetsOf(const std::string& script, const std::string& size, const std::string& extra_args) {
    std::vector<json> out;
    for (const json& j : runHeadless(script, size, extra_args))
        if (j.contains("targets")) out.push_back(j["targets"]);
    return out;
}

} // namespace

TEST_CASE("low reach at 200 % text with tight mountings: nothing cut or over a target's edge, and a typed search "
          "shows a finger-sized result within reach") {
    for (const Mount& m : kTightMounts) {
        const std::string settings = tmpDir() + "/mount-" + std::to_string(m.bottom_mm) + ".toml";
        std::ofstream(settings) << "[mounting]\nscreen_bottom_mm = " << m.bottom_mm << "\nscreen_height_mm = " << m.height_mm
                                << "\n";
        for (const auto& [w, h] : {std::pair<int, int>{1920, 1080}, {1080, 1920}}) {
            const std::string size = std::to_string(w) + "x" + std::to_string(h);
            const std::string what = std::string(m.name) + ", " + size;
            CAPTURE(what);
            const std::string p = problems(look(lowReachTour(), size, "--settings " + settings));
            CHECK_MESSAGE(p.empty(), p);

            // With the keyboard hidden, and in landscape while typing (beside the keyboard; portrait gives
            // the low area to the keyboard then).
            const std::vector<json> stops = targetsOf(std::string(kLowReachLarge) +
                                                          "\ntap @nav.search\ntype a06\nwait 300\ntargets\ntap @kbd.hide\nwait 300\ntargets",
                                                      size, "--settings " + settings);
            REQUIRE(stops.size() == 2);
            const float line = ww::reachLineY(ww::lowReachLine(m.bottom_mm, m.height_mm), static_cast<float>(h));
            const double least = 48.0 * std::min(w, h) / 1080.0;
            for (size_t i = w > h ? 0 : 1; i < stops.size(); ++i) {
                int reachable = 0;
                for (const json& t : stops[i]) {
                    if (t["id"].get<std::string>().rfind("exhibitor.", 0) != 0) continue;
                    const double cy = t["y"].get<double>() + t["h"].get<double>() * 0.5;
                    reachable += cy + 0.5 >= line && std::min(t["w"].get<double>(), t["h"].get<double>()) >= least;
                }
                CHECK_MESSAGE(reachable > 0, (i == 0 ? "beside the keyboard" : "without the keyboard")
                                                 << ": no finger-sized result below the reach line at y " << line);
            }
        }
        fs::remove(settings);
    }
}
