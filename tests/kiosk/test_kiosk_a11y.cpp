// Accessibility checks of the kiosk (BITV 2.0 / EN 301 549 / WCAG 2.1 AA; docs/ACCESSIBILITY.md):
// - contrast: every colour pair the screens draw (ui/theme.cpp colourPairs) in both themes, and no
//   colour literal in a screen, so the list is the whole truth;
// - touch targets: the real `wegweiser --headless` visits every screen in landscape and portrait at
//   100 % and 200 % text and checks through `targets` that every target is at least 48×48 px at
//   1080p and that no two overlap;
// - low reach: with and without mounting data, and with tight mountings (about a third within reach,
//   mounted too high) at 100 % and 200 % text, every target's centre lies below the reach line on
//   every screen, and routes are step-free.
//
// Rules the target checks apply (and why):
// - A target is what `targets` lists: the top layer of the last frame. A target cut by a scroll area's
//   or the plan's edge is registered only while at least 48 px of it show (Touch::min_visible, and
//   scrolledButton() registers buttons only when wholly in view); a sliver that is registered anyway,
//   or a target outside the display, is a failure.
// - Plan areas (room.*) and the plan itself (map.plan, "zoom in here", present while something in
//   view is too small for a finger) are containers: stands and symbols on them are on top and take
//   the touches there (later targets win). A plan target lying on a room or on the plan is therefore
//   not an overlap; any other pair is, including two stands, two symbols, or a plan target under a
//   button. The plan holds to this at every zoom: a stand or symbol too small or too crowded for a
//   finger is no target of its own until a zoom step makes it one.
#include <doctest/doctest.h>

#include "core/reach.h"
#include "ui/theme.h"
#include "ui/touch.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// [SECTION] Contrast

std::string hex(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<unsigned>((c >> IM_COL32_R_SHIFT) & 0xff),
                  static_cast<unsigned>((c >> IM_COL32_G_SHIFT) & 0xff), static_cast<unsigned>((c >> IM_COL32_B_SHIFT) & 0xff));
    return buf;
}

// Every pair of `contrast`'s palette below its minimum, one line each.
std::string contrastFailures(bool high_contrast, double text_min, double edge_min, size_t* pairs) {
    ww::Theme th;
    th.contrast = high_contrast;
    th.applyPalette();
    std::string out;
    const std::vector<ww::ColourPair> list = ww::colourPairs(th.c);
    *pairs = list.size();
    for (const ww::ColourPair& p : list) {
        const ImU32 fg = ww::composite(p.fg, p.bg);
        const double ratio = ww::contrastRatio(fg, p.bg);
        const double need = p.text ? text_min : edge_min;
        if (ratio + 1e-9 < need) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.2f:1 (needs %.1f:1)", ratio, need);
            out += std::string("  ") + p.where + ": " + hex(fg) + " on " + hex(p.bg) + " is " + buf + "\n";
        }
    }
    return out;
}

} // namespace

TEST_CASE("contrast ratio follows WCAG 2.1 (relative luminance of linearised sRGB)") {
    CHECK(ww::contrastRatio(IM_COL32_BLACK, IM_COL32_WHITE) == doctest::Approx(21.0));
    CHECK(ww::contrastRatio(IM_COL32_WHITE, IM_COL32_WHITE) == doctest::Approx(1.0));
    // #767676 on white is the well-known smallest grey that passes 4.5:1.
    CHECK(ww::contrastRatio(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32_WHITE) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(ww::contrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32_WHITE) < 4.5);
    // Symmetric, and alpha is composited first.
    CHECK(ww::contrastRatio(IM_COL32(0x0B, 0x4A, 0x8B, 255), IM_COL32_WHITE) ==
          doctest::Approx(ww::contrastRatio(IM_COL32_WHITE, IM_COL32(0x0B, 0x4A, 0x8B, 255))));
    CHECK(ww::composite(IM_COL32(255, 255, 255, 0), IM_COL32_BLACK) == IM_COL32_BLACK);
    CHECK(ww::composite(IM_COL32(255, 255, 255, 255), IM_COL32_BLACK) == IM_COL32_WHITE);
}

TEST_CASE("normal theme: text at least 4.5:1, edges, indicators and plan symbols at least 3:1") {
    size_t pairs = 0;
    const std::string failures = contrastFailures(false, 4.5, 3.0, &pairs);
    CHECK(pairs > 60);
    CHECK_MESSAGE(failures.empty(), "colour pairs below WCAG 2.1 AA in the normal theme:\n" << failures);
}

TEST_CASE("high-contrast theme: text at least 7:1, edges, indicators and plan symbols at least 3:1") {
    size_t pairs = 0;
    const std::string failures = contrastFailures(true, 7.0, 3.0, &pairs);
    CHECK(pairs > 60);
    CHECK_MESSAGE(failures.empty(), "colour pairs below 7:1 (text) / 3:1 in the high-contrast theme:\n" << failures);
}

TEST_CASE("screens take every colour from the theme, so the contrast check sees all of them") {
    // Allowed: the white tint of an image draw (no colour of its own) and the QR code, which phone
    // scanners need dark on white whatever the theme.
    const std::regex literal(R"(IM_COL32\s*\(|IM_COL32_(WHITE|BLACK)\b|ImVec4\s*\(\s*[0-9.]+f?\s*,|0x[0-9A-Fa-f]{6,8}\b)");
    std::string offenders;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(WW_SOURCE_DIR) / "kiosk" / "ui")) {
        const fs::path p = entry.path();
        if (p.extension() != ".cpp" && p.extension() != ".h") continue;
        const std::string name = p.filename().string();
        if (name == "theme.cpp" || name == "qr.cpp") continue;
        ++files;
        std::ifstream in(p);
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            if (!std::regex_search(line, literal)) continue;
            if (line.find("AddImage") != std::string::npos) continue; // an image's tint
            if (line.find("IM_COL32_A_") != std::string::npos && line.find("IM_COL32(") == std::string::npos &&
                line.find("IM_COL32_WHITE") == std::string::npos)
                continue; // alpha arithmetic
            offenders += "  kiosk/ui/" + name + ":" + std::to_string(n) + ": " + line + "\n";
        }
    }
    CHECK(files > 20);
    CHECK_MESSAGE(offenders.empty(), "colour literals outside ui/theme.cpp (add a Palette field and a colourPairs() "
                                     "entry instead):\n"
                                         << offenders);
}

// [SECTION] Clipped targets

TEST_CASE("a target cut by a clip to less than a finger's width is not registered; an uncut small one is") {
    ww::Touch t;
    t.min_visible = 48;
    t.beginFrame(ww::PointerState{}, 0);
    t.pushClip(ImVec2(0, 0), ImVec2(400, 100));
    t.target("sliver", "", ImVec2(0, 80), ImVec2(100, 150));  // 20 px show
    t.target("most", "", ImVec2(120, 40), ImVec2(220, 140));  // 60 px show
    t.target("whole", "", ImVec2(240, 0), ImVec2(340, 72));   // not cut
    t.target("tiny", "", ImVec2(360, 0), ImVec2(390, 30));    // not cut, too small: the size test reports it
    t.popClip();
    t.endFrame();
    t.beginFrame(ww::PointerState{}, 1.0 / 60);
    std::vector<std::string> ids;
    for (const ww::TouchTarget& x : t.targets()) ids.push_back(x.id);
    CHECK(ids == std::vector<std::string>{"most", "whole", "tiny"});
}

// [SECTION] The reach line

TEST_CASE("the reach line follows the mounting height (EN 301 549 8.3, forward reach high: 1220 mm)") {
    // No mounting data: the lower half.
    CHECK(ww::lowReachLine(0, 0).from_top == doctest::Approx(0.5));
    CHECK(ww::lowReachLine(800, 0).why == ww::ReachLine::Why::Unknown);
    // The example kiosk.toml: bottom edge at 800 mm, 1200 mm tall: 420 mm (35 %) within reach.
    const ww::ReachLine example = ww::lowReachLine(800, 1200);
    CHECK(example.why == ww::ReachLine::Why::Mounting);
    CHECK(example.from_top == doctest::Approx(0.65));
    CHECK(example.reachable_mm == 420);
    CHECK(ww::reachLineY(example, 1080) == doctest::Approx(702));
    // The whole screen below 1220 mm: everything is within reach.
    CHECK(ww::lowReachLine(500, 700).from_top == doctest::Approx(0.0));
    CHECK(ww::lowReachLine(520, 700).from_top == doctest::Approx(0.0));
    // Bottom edge at or above 1220 mm: nothing is within reach; the lowest layout the guide has.
    const ww::ReachLine high = ww::lowReachLine(1220, 700);
    CHECK(high.why == ww::ReachLine::Why::TooHigh);
    CHECK(high.reachable_mm == 0);
    CHECK(high.from_top == doctest::Approx(1.0 - ww::kMinLowArea));
    CHECK(ww::lowReachLine(1500, 700).why == ww::ReachLine::Why::TooHigh);
    // Too little within reach for the guide to fit: the same fallback (and a warning at start).
    CHECK(ww::lowReachLine(1100, 700).why == ww::ReachLine::Why::TooHigh);
}

// [SECTION] The kiosk, headless

namespace {

// One running kiosk, headless, driven line by line over pipes.
class Kiosk {
public:
    Kiosk(const std::vector<std::string>& args, const std::string& settings) {
        static int counter = 0;
        err_path_ = std::string(WW_KIOSK_TMP) + "/a11y-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".err";
        signal(SIGPIPE, SIG_IGN); // a kiosk that stopped on a script error must not take the test along
        int in[2], out[2];
        REQUIRE(pipe(in) == 0);
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (err >= 0) dup2(err, 2);
            close(in[1]);
            close(out[0]);
            if (settings.empty()) unsetenv("WEGWEISER_SETTINGS");
            else setenv("WEGWEISER_SETTINGS", settings.c_str(), 1);
            std::vector<std::string> all = {WW_KIOSK_BIN, "--headless", "--content", WW_KIOSK_DB, "--now",
                                            "2022-09-07T10:30", "--script", "-"};
            all.insert(all.end(), args.begin(), args.end());
            std::vector<char*> argv;
            for (std::string& a : all) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to_ = fdopen(in[1], "w");
        from_ = fdopen(out[0], "r");
    }
    ~Kiosk() {
        if (to_) std::fclose(to_);
        int st = 0;
        if (pid_ > 0) waitpid(pid_, &st, 0);
        if (from_) std::fclose(from_);
        fs::remove(err_path_);
    }
    void send(const std::string& line) {
        std::fputs((line + "\n").c_str(), to_);
        std::fflush(to_);
    }
    // Sends a command that answers with one JSON line; null when the kiosk stopped.
    json ask(const std::string& cmd) {
        send(cmd);
        std::string s;
        char buf[1 << 16];
        while (std::fgets(buf, sizeof buf, from_)) {
            s += buf;
            if (s.back() == '\n') break;
        }
        if (s.empty()) return json();
        return json::parse(s);
    }
    std::string stderrText() const {
        std::ifstream f(err_path_);
        return std::string(std::istreambuf_iterator<char>(f), {});
    }

private:
    pid_t pid_ = -1;
    FILE* to_ = nullptr;
    FILE* from_ = nullptr;
    std::string err_path_;
};

// One place on the tour: what `targets` and `state` said there.
struct Stop {
    std::string name;
    json targets;
    json state;
};

// A tour of every screen. Each named stop asks for `targets` and `state`.
struct Tour {
    std::vector<std::string> script;
    std::vector<std::string> stops;
    void go(std::initializer_list<const char*> cmds) {
        for (const char* c : cmds) script.push_back(c);
    }
    void stop(const std::string& name) {
        stops.push_back(name);
        script.push_back("targets");
        script.push_back("state");
    }
};

// Settings that put the visitor into `text` % (and low reach) before the tour.
Tour everyScreen(int text, bool low_reach) {
    Tour t;
    if (text != 100 || low_reach) {
        t.go({"tap @nav.a11y"});
        if (text != 100) t.script.push_back("tap @a11y.text-" + std::to_string(text));
        // At 200 % text the switch may lie further down the panel: `reveal` scrolls it into view.
        if (low_reach) t.go({"reveal a11y.low-reach", "tap @a11y.low-reach"});
        t.go({"tap @nav.home"});
    }
    t.go({"wait 300"});
    t.stop("home");
    t.go({"tap @nav.map", "wait 500"});
    t.stop("map (whole level)");
    t.go({"tap @map.zoom-in", "wait 800"});
    if (low_reach) t.go({"tap @map.zoom-in", "wait 800"}); // the low plan needs one step more
    t.stop("map zoomed in");
    t.go({"tap @map.reset", "wait 800"});
    t.stop("map whole level again");
    // Stands are targets from the zoom step that makes them finger-sized: `find` taps the plan
    // ("zoom in here") until one is.
    t.go({"find stand. A06", "wait 500"});
    t.stop("map with a selected stand");
    t.go({"tap @route.start", "wait 3000"});
    t.stop("map with a route");
    t.go({"tap @nav.home", "tap @nav.exhibitors", "wait 300"});
    t.stop("exhibitors");
    t.go({"find exhibitor. aktenwerk", "wait 300"});
    t.stop("an exhibitor");
    t.go({"tap @nav.home", "tap @nav.program", "wait 300"});
    t.stop("programme now");
    t.go({"tap @program.view.timeline", "wait 300"});
    t.stop("programme timeline");
    t.go({"tap @program.view.list", "wait 300"});
    t.stop("programme list");
    t.go({"tap @day.2022-09-08", "wait 300"});
    t.stop("programme, second day");
    t.go({"tap @day.2022-09-07", "wait 300", "tap @program.filter", "wait 300"});
    t.stop("programme filters");
    t.go({"tap @program.changes", "wait 300"});
    t.stop("changes");
    t.go({"tap @nav.home", "tap @nav.program", "wait 300", "tap @program.view.list", "wait 300", "find talk. d1-s02",
          "wait 300"});
    t.stop("a talk");
    t.go({"tap @nav.home", "tap @nav.photos", "wait 300"});
    t.stop("photos");
    t.go({"find gallery. fachausstellung", "wait 300"});
    t.stop("a gallery");
    t.go({"find photo. fachausstellung-03", "wait 300"});
    t.stop("the photo viewer");
    t.go({"tap @nav.home", "tap @nav.search", "wait 300"});
    t.stop("search with the keyboard");
    t.go({"type amt", "wait 300"});
    t.stop("search results");
    t.go({"tap @nav.a11y", "wait 300"});
    t.stop("accessibility panel");
    t.go({"wait 91000"});
    t.stop("idle warning");
    return t;
}

// The staff's PIN pad (a long press in the top-left corner) and the closed screen (outside the hours
// of a settings file).
Tour staffAndClosed() {
    Tour t;
    t.go({"wait 300", "drag 40 40 40 40 3200", "wait 300"});
    t.stop("staff PIN pad");
    t.go({"tap @staff.cancel", "clock 2022-09-07T20:00", "wait 500"});
    t.stop("closed screen");
    return t;
}

// Runs the tour. `find PREFIX PREFERRED` taps PREFIX+PREFERRED when it is on screen, else the first
// PREFIX target, and scrolls the list under the first PREFIX or `topic.` target up to find one (low
// reach and 200 % text show fewer items at once); on the floor plan it taps the plan to zoom in.
std::vector<Stop> take(const Tour& t, const std::vector<std::string>& args, const std::string& settings,
                       std::string* error) {
    Kiosk k(args, settings);
    std::vector<Stop> stops;
    size_t next = 0;
    auto fail = [&](const std::string& why) {
        *error = why + "\nstderr:\n" + k.stderrText();
        return std::vector<Stop>();
    };
    for (const std::string& line : t.script) {
        if (line == "targets") {
            const json tg = k.ask("targets"), st = k.ask("state");
            if (tg.is_null() || st.is_null()) return fail("the kiosk stopped before stop '" + t.stops[next] + "'");
            stops.push_back({t.stops[next], tg["targets"], st});
            ++next;
        } else if (line == "state") {
            continue; // asked together with targets
        } else if (line.rfind("reveal ", 0) == 0) {
            // Drags the list holding the target's siblings (same prefix) up until the target shows.
            const std::string id = line.substr(7), prefix = id.substr(0, id.find('.') + 1);
            for (int attempt = 0;; ++attempt) {
                const json tg = k.ask("targets");
                if (tg.is_null()) return fail("the kiosk stopped while looking for " + id);
                const json* grip = nullptr;
                bool shown = false;
                for (const json& x : tg["targets"]) {
                    shown = shown || x["id"] == id;
                    if (x["id"].get<std::string>().rfind(prefix, 0) == 0) grip = &x;
                }
                if (shown) break;
                if (!grip || attempt == 6) return fail("no " + id + " on screen, even after scrolling");
                const int gx = (*grip)["x"].get<int>() + (*grip)["w"].get<int>() / 2;
                const int gy = (*grip)["y"].get<int>() + (*grip)["h"].get<int>() / 2;
                k.send("drag " + std::to_string(gx) + " " + std::to_string(gy) + " " + std::to_string(gx) + " " +
                       std::to_string(std::max(0, gy - 240)) + " 400");
                k.send("wait 500");
            }
        } else if (line.rfind("find ", 0) == 0) {
            std::istringstream in(line.substr(5));
            std::string prefix, preferred;
            in >> prefix >> preferred;
            bool done = false;
            for (int attempt = 0; attempt < 7 && !done; ++attempt) {
                const json tg = k.ask("targets");
                if (tg.is_null()) return fail("the kiosk stopped while looking for " + prefix + "*");
                const json* first = nullptr;
                const json* any = nullptr;
                for (const json& x : tg["targets"]) {
                    const std::string id = x["id"];
                    if (id == prefix + preferred) first = &x;
                    if (!any && id.rfind(prefix, 0) == 0) any = &x;
                }
                if (first || any) {
                    k.send("tap @" + (first ? *first : *any)["id"].get<std::string>());
                    done = true;
                    break;
                }
                // Scroll: drag the list up from a chip (or anything in the list) by a third of the display.
                const json* grip = nullptr;
                for (const json& x : tg["targets"])
                    if (x["id"].get<std::string>().rfind("topic.", 0) == 0 || x["id"].get<std::string>().rfind("filter.", 0) == 0 ||
                        x["id"].get<std::string>().rfind(prefix, 0) == 0)
                        grip = &x;
                if (!grip) {
                    // On the floor plan: tap the plan to zoom in there, until stands are targets (the
                    // sample's exhibition hall lies right of the middle, towards the top).
                    // A short plan may miss it: then once more from the whole level, where the plan
                    // itself takes the tap.
                    const json *plan = nullptr, *reset = nullptr;
                    for (const json& x : tg["targets"]) {
                        if (x["id"] == "map.plan") plan = &x;
                        if (x["id"] == "map.reset") reset = &x;
                    }
                    if (reset && attempt < 3 && !plan) attempt = 3;
                    if (attempt == 3) {
                        k.send("tap @map.reset");
                        k.send("wait 800");
                        k.send("tap @map.plan");
                    } else if (plan) {
                        const int px = (*plan)["x"].get<int>() + (*plan)["w"].get<int>() * 6 / 10;
                        const int py = (*plan)["y"].get<int>() + (*plan)["h"].get<int>() * 4 / 10;
                        k.send(attempt < 3 ? "tap " + std::to_string(px) + " " + std::to_string(py) : std::string("tap @map.plan"));
                    } else {
                        break;
                    }
                    k.send("wait 800");
                    continue;
                }
                const int gx = (*grip)["x"].get<int>() + (*grip)["w"].get<int>() / 2;
                const int gy = (*grip)["y"].get<int>() + (*grip)["h"].get<int>() / 2;
                k.send("drag " + std::to_string(gx) + " " + std::to_string(gy) + " " + std::to_string(gx) + " " +
                       std::to_string(std::max(0, gy - 240)) + " 400");
                k.send("wait 500");
            }
            if (!done) return fail("no " + prefix + "* target on screen, even after scrolling");
        } else {
            k.send(line);
        }
    }
    if (stops.size() != t.stops.size()) return fail("the tour stopped early");
    return stops;
}

bool onPlan(const std::string& id) {
    return id.rfind("stand.", 0) == 0 || id.rfind("poi.", 0) == 0 || id.rfind("room.", 0) == 0;
}

// What plan targets lie on: a room, or the plan itself.
bool planContainer(const std::string& id) { return id.rfind("room.", 0) == 0 || id == "map.plan"; }

// The start screen's photo tile holds the slideshow's pause control (WCAG 2.2.2), which lies on top and
// takes the touches there, as a stand does on a room.
bool onPhotoTile(const std::string& tile, const std::string& on) {
    return tile == "nav.photos" && on == "home.slideshow.pause";
}

std::string describe(const json& t) {
    std::ostringstream s;
    s << t["id"].get<std::string>() << " (" << t["w"] << "×" << t["h"] << " px at " << t["x"] << "," << t["y"] << ")";
    return s.str();
}

// Every failure of the size, overlap and visibility rules at one stop, one line each.
std::string targetFailures(const Stop& s, int w, int h) {
    const double scale = std::max(0.5, std::min(w, h) / 1080.0);
    const double least = 48 * scale - 0.5; // `targets` rounds to whole pixels
    std::string out;
    const json& ts = s.targets;
    if (ts.empty()) out += "  " + s.name + ": no targets at all\n";
    for (const json& t : ts) {
        const double tw = t["w"], tht = t["h"], tx = t["x"], ty = t["y"];
        if (std::min(tw, tht) < least)
            out += "  " + s.name + ": " + describe(t) + " is smaller than " + std::to_string(std::lround(48 * scale)) +
                   " px\n";
        if (tx < -0.5 || ty < -0.5 || tx + tw > w + 0.5 || ty + tht > h + 0.5)
            out += "  " + s.name + ": " + describe(t) + " reaches outside the " + std::to_string(w) + "×" +
                   std::to_string(h) + " display\n";
    }
    for (size_t i = 0; i < ts.size(); ++i)
        for (size_t j = i + 1; j < ts.size(); ++j) {
            const json &a = ts[i], &b = ts[j];
            const std::string ia = a["id"], ib = b["id"];
            const bool container = (planContainer(ia) && onPlan(ib)) || (planContainer(ib) && onPlan(ia)) ||
                                   onPhotoTile(ia, ib) || onPhotoTile(ib, ia);
            if (container) continue;
            const double ox = std::min(a["x"].get<double>() + a["w"].get<double>(), b["x"].get<double>() + b["w"].get<double>()) -
                              std::max(a["x"].get<double>(), b["x"].get<double>());
            const double oy = std::min(a["y"].get<double>() + a["h"].get<double>(), b["y"].get<double>() + b["h"].get<double>()) -
                              std::max(a["y"].get<double>(), b["y"].get<double>());
            if (ox > 1 && oy > 1) // rounding to whole pixels may make neighbours touch by one
                out += "  " + s.name + ": " + describe(a) + " overlaps " + describe(b) + "\n";
        }
    return out;
}

std::string sizeName(int w, int h, int text) {
    return std::to_string(w) + "x" + std::to_string(h) + ", text " + std::to_string(text) + " %";
}

std::string writeSettings(const std::string& name, const std::string& text) {
    const std::string path = std::string(WW_KIOSK_TMP) + "/a11y-" + std::to_string(getpid()) + "-" + name + ".toml";
    std::ofstream(path) << text;
    return path;
}

const int kSizes[][2] = {{1920, 1080}, {1080, 1920}};

} // namespace

TEST_CASE("touch targets on every screen: at least 48 px at 1080p, none overlapping (landscape, portrait, 100 %, 200 %)") {
    std::string failures;
    for (const auto& size : kSizes)
        for (int text : {100, 200}) {
            const std::string what = sizeName(size[0], size[1], text);
            CAPTURE(what);
            std::string error;
            const Tour tour = everyScreen(text, false);
            const std::vector<Stop> stops =
                take(tour, {"--windowed", std::to_string(size[0]) + "x" + std::to_string(size[1])}, {}, &error);
            REQUIRE_MESSAGE(error.empty(), error);
            for (const Stop& s : stops) {
                const std::string f = targetFailures(s, size[0], size[1]);
                if (!f.empty()) failures += what + ":\n" + f;
            }
        }
    CHECK_MESSAGE(failures.empty(), "touch targets too small, overlapping or off screen:\n" << failures);
}

TEST_CASE("staff PIN pad and closed screen: targets at least 48 px, none overlapping") {
    const std::string settings =
        writeSettings("staff", "pin_hash = \"pbkdf2-sha256$1000$00$00\"\n[hours]\ndaily = \"08:00-18:00\"\n");
    std::string failures;
    for (const auto& size : kSizes)
        for (int text : {100}) {
            std::string error;
            const std::vector<Stop> stops =
                take(staffAndClosed(), {"--windowed", std::to_string(size[0]) + "x" + std::to_string(size[1])}, settings, &error);
            REQUIRE_MESSAGE(error.empty(), error);
            REQUIRE(stops.size() == 2);
            CHECK(stops[0].state["staff"]["mode"] != "closed");
            CHECK(stops[1].state["screen"] == "closed");
            for (const Stop& s : stops) {
                const std::string f = targetFailures(s, size[0], size[1]);
                if (!f.empty()) failures += sizeName(size[0], size[1], text) + ":\n" + f;
            }
        }
    fs::remove(settings);
    CHECK_MESSAGE(failures.empty(), "touch targets too small, overlapping or off screen:\n" << failures);
}

namespace {

struct Mounting {
    const char* name;
    int bottom_mm, height_mm; // 0 = no mounting data
};

// Tours every screen in low-reach mode at `text` % with each mounting, both orientations; returns the
// targets whose centre lies above the reach line, and every size / overlap failure there.
std::string lowReachFailures(std::initializer_list<Mounting> mountings, int text = 100) {
    std::string failures;
    for (const Mounting& m : mountings) {
        const std::string settings =
            m.bottom_mm ? writeSettings("mount", "[mounting]\nscreen_bottom_mm = " + std::to_string(m.bottom_mm) +
                                                     "\nscreen_height_mm = " + std::to_string(m.height_mm) + "\n")
                        : std::string();
        const ww::ReachLine reach = ww::lowReachLine(m.bottom_mm, m.height_mm);
        for (const auto& size : kSizes) {
            const float line = ww::reachLineY(reach, static_cast<float>(size[1]));
            const std::string what = std::string(m.name) + ", " + sizeName(size[0], size[1], text) + ", reach line at y " +
                                     std::to_string(std::lround(line));
            CAPTURE(what);
            std::string error;
            const std::vector<Stop> stops = take(everyScreen(text, true),
                                                 {"--windowed", std::to_string(size[0]) + "x" + std::to_string(size[1])},
                                                 settings, &error);
            REQUIRE_MESSAGE(error.empty(), error);
            for (const Stop& s : stops) {
                CHECK_MESSAGE(s.state["low_reach"] == true, what << ": " << s.name);
                for (const json& t : s.targets) {
                    const double cy = t["y"].get<double>() + t["h"].get<double>() * 0.5;
                    if (cy + 0.5 < line)
                        failures += "  " + what + ", " + s.name + ": " + describe(t) + " has its centre at y " +
                                    std::to_string(std::lround(cy)) + "\n";
                }
                const std::string f = targetFailures(s, size[0], size[1]);
                if (!f.empty()) failures += what + ":\n" + f;
            }
        }
        if (!settings.empty()) fs::remove(settings);
    }
    return failures;
}

} // namespace

TEST_CASE("low reach on every screen: every target's centre below the line, without mounting data (lower half) and "
          "with a screen wholly within reach") {
    const std::string failures =
        lowReachFailures({{"no mounting data", 0, 0}, {"bottom 400 mm, 700 mm tall (all within reach)", 400, 700}});
    CHECK_MESSAGE(failures.empty(), "targets above the reach line (or too small / overlapping) in low-reach mode:\n"
                                        << failures);
}

namespace {

// The tight mountings: about a third of the screen within reach (the example kiosk.toml), and mounted too
// high (the lowest layout the guide has, the lower third). The floor plan then gets the whole strip
// with its buttons beside it, and a tap on the plan still brings a stand to finger size.
const Mounting kTight[] = {{"bottom 800 mm, 1200 mm tall (35 % within reach)", 800, 1200},
                           {"bottom 1300 mm (above the line)", 1300, 700}};

} // namespace

TEST_CASE("low reach on every screen: every target's centre below the line with tight mountings (the example "
          "kiosk.toml; mounted too high)") {
    const std::string failures = lowReachFailures({kTight[0], kTight[1]});
    CHECK_MESSAGE(failures.empty(), "targets above the reach line (or too small / overlapping) in low-reach mode:\n"
                                        << failures);
}

TEST_CASE("low reach on every screen at 200 % text: every target's centre below the line with tight mountings") {
    const std::string failures = lowReachFailures({kTight[0], kTight[1]}, 200);
    CHECK_MESSAGE(failures.empty(), "targets above the reach line (or too small / overlapping) in low-reach mode at "
                                    "200 % text:\n"
                                        << failures);
}

TEST_CASE("low reach: a route to a stand upstairs takes the lift, never stairs or escalator") {
    for (bool low : {false, true}) {
        CAPTURE(low);
        Tour t;
        if (low) t.go({"tap @nav.a11y", "tap @a11y.low-reach", "tap @nav.home"});
        t.go({"tap @nav.search", "type D01", "tap @exhibitor.hochschule-elbtal", "tap @map.show", "wait 300", "tap @route.start",
              "wait 2000"});
        t.stop("route");
        std::string error;
        const std::vector<Stop> stops = take(t, {"--lang", "en"}, {}, &error);
        REQUIRE_MESSAGE(error.empty(), error);
        const json& route = stops.at(0).state["route"];
        REQUIRE(route.is_object());
        CHECK(route["ok"] == true);
        CHECK(route["step_free"] == low);
        std::string steps;
        for (const json& st : route["steps"]) steps += st.get<std::string>() + " | ";
        CAPTURE(steps);
        if (low) {
            CHECK(steps.find("lift") != std::string::npos);
            CHECK(steps.find("escalator") == std::string::npos);
            CHECK(steps.find("stairs") == std::string::npos);
        } else {
            // Without low reach the shortest way is offered (the escalator here), with the step-free choice.
            CHECK(steps.find("lift") == std::string::npos);
        }
    }
}
