// The monkey run (see monkey.h). Input goes through App::step like a script's: a tap is a press
// frame and a release frame, a drag a run of frames with the finger down, so the monkey takes the
// same paths a finger does.
#include "app/monkey.h"

#include "app/bench.h"
#include "app/kiosk_app.h"
#include "core/store.h"
#include "core/timezone.h"
#include "platform/log.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace ww {

namespace {

constexpr double kFrameS = 1.0 / 60.0;

// AddressSanitizer keeps freed memory in quarantine (256 MB by default), so the resident size grows
// by design there: the figures are reported, but not judged.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kJudgeMemory = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kJudgeMemory = false;
#else
constexpr bool kJudgeMemory = true;
#endif
#else
constexpr bool kJudgeMemory = true;
#endif

// [SECTION] Randomness: a small generator of our own, so a seed means the same run everywhere.
class Rng {
  public:
    // The seed goes through the mixer first: seeds 1 and 2 must not give the same stream shifted by one.
    explicit Rng(uint64_t seed) : s_(mix(seed + 0x632BE59BD9B4E019ULL)) {}
    uint64_t next() { return mix(s_ += 0x9E3779B97F4A7C15ULL); } // splitmix64
    size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
    double unit() { return static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53); }
    double range(double a, double b) { return a + (b - a) * unit(); }

  private:
    static uint64_t mix(uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    uint64_t s_;
};

// [SECTION] Process figures from /proc

double rssMb() {
    std::ifstream statm("/proc/self/statm");
    long long size = 0, resident = 0;
    statm >> size >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

int threadCount() {
    int n = 0;
    if (DIR* d = ::opendir("/proc/self/task")) {
        while (dirent* e = ::readdir(d))
            if (e->d_name[0] != '.') ++n;
        ::closedir(d);
    }
    return n;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double round2(double v) {
    return std::round(v * 100) / 100;
}

bool copyFile(const std::string& from, const std::string& to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!in || !out) return false;
    out << in.rdbuf();
    out.flush();
    return static_cast<bool>(out);
}

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// [SECTION] The run

class Monkey {
  public:
    Monkey(App& app, const MonkeyOptions& o) : app_(app), o_(o), rng_(o.seed) {}

    int run(std::ostream& out) {
        if (!prepare()) return 2;
        const auto wall0 = std::chrono::steady_clock::now();
        // The cache is measured on the start screen at midday (open hours), at the start and the end.
        app_.setClock(midday(first_day_));
        settle(2);
        warmUp();
        advance(idle_timeout_ + 31.0);
        settleImages();
        threads_start_ = threadCount();
        images_fresh_ = imageFigures();
        // Everything from here on counts from this moment, so the images' real decode time above
        // cannot shift the run.
        app_.setClock(clock_start_);
        frames0_ = app_.framesDrawn();
        observe(app_.state());
        next_swap_ = vt_ + o_.swap_every_s;
        while (app_.framesDrawn() - frames0_ < o_.frames && !app_.quitRequested()) {
            act();
            sweepClock();
            if (!o_.swap_dbs.empty() && vt_ >= next_swap_) swapContent();
            observe(app_.state());
            sampleRss();
        }
        const std::string clock_reached = formatIso(fromEpochSeconds(shown_clock_));
        // The end: midday after the event, nobody touches the screen until the session has reset.
        app_.setClock(midday(fromEpochSeconds(clock_to_)));
        advance(idle_timeout_ + 31.0);
        settleImages();
        const nlohmann::json last = app_.state();
        observe(last);
        checkReset(last);
        const int threads_end = threadCount();
        const nlohmann::json images_end = imageFigures();
        const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();

        // Memory: the median of the first and the last quarter of the samples.
        const size_t q = rss_.size() / 4;
        const double rss_first =
            median(std::vector<double>(rss_.begin(), rss_.begin() + static_cast<long>(q)));
        const double rss_last = median(std::vector<double>(rss_.end() - static_cast<long>(q), rss_.end()));
        if (kJudgeMemory && q > 0 && rss_last > rss_first * 1.10 + 5.0)
            fail("memory grew from " + std::to_string(rss_first) + " MB to " + std::to_string(rss_last) +
                 " MB");
        if (threads_end != threads_start_)
            fail("threads: " + std::to_string(threads_start_) + " at the start, " +
                 std::to_string(threads_end) + " at the end");
        if (images_end.contains("bytes") &&
            images_end["bytes"].get<double>() > images_end["budget_bytes"].get<double>())
            fail("image cache holds more than its budget at the end");
        if (app_.frameFailures() > 0)
            fail(std::to_string(app_.frameFailures()) +
                 " exception(s) caught by the frame guard (see the log)");

        nlohmann::json screens = nlohmann::json::object();
        for (const auto& [name, n] : screens_)
            screens[name] = n;
        nlohmann::json missing = nlohmann::json::array();
        for (const char* s : {"home", "map", "exhibitors", "exhibitor", "program", "talk", "photos",
                              "gallery", "photo", "search", "a11y"})
            if (!screens_.count(s)) missing.push_back(s);
        nlohmann::json j;
        j["frames"] = app_.framesDrawn() - frames0_;
        j["seed"] = o_.seed;
        j["actions"] = actions_;
        j["taps"] = taps_;
        j["random_taps"] = random_taps_;
        j["drags"] = drags_;
        j["typed"] = typed_;
        j["toggles"] = toggles_;
        j["toggled"] = toggled_;
        j["staff_gestures"] = staff_;
        j["swaps"] = swaps_;
        j["idle_resets"] = resets_checked_;
        j["clock"] = {{"start", clock_start_}, {"end", clock_reached}};
        j["screens"] = screens;
        j["screens_missing"] = missing;
        j["exceptions"] = app_.frameFailures();
        j["blank_screens"] = blank_;
        j["rss_mb"] = {{"first_quarter_median", round2(rss_first)},
                       {"last_quarter_median", round2(rss_last)},
                       {"peak", round2(peakRssMb())},
                       {"samples", rss_.size()},
                       {"judged", kJudgeMemory}};
        j["images"] = {{"fresh", images_fresh_}, {"end", images_end}};
        j["threads"] = {{"start", threads_start_}, {"end", threads_end}};
        j["virtual_s"] = std::lround(vt_);
        j["wall_s"] = round2(wall_s);
        j["failures"] = failures_;
        j["ok"] = failures_.empty();
        out << j.dump() << std::endl;
        return failures_.empty() ? 0 : 1;
    }

  private:
    // [SECTION] Setup
    bool prepare() {
        try {
            const Model m = loadModel(o_.content);
            first_day_ = parseDate(m.event.start_date).value_or(LocalDateTime{2022, 9, 7});
            last_day_ = parseDate(m.event.end_date).value_or(first_day_);
            idle_timeout_ = std::max(10, m.event.idle_timeout_s > 0 ? m.event.idle_timeout_s : 90);
            for (const std::string& db : o_.swap_dbs)
                versions_.push_back(loadModel(db).content_version);
        } catch (const std::exception& e) {
            std::cerr << "wegweiser: --monkey: " << e.what() << "\n";
            return false;
        }
        // The clock runs from the morning before opening on the first day to the day after the last.
        LocalDateTime from = first_day_;
        from.hour = 6;
        from.minute = 30;
        LocalDateTime to = last_day_;
        to.hour = 23;
        clock_from_ = asEpochSeconds(from);
        clock_to_ = asEpochSeconds(to) + 86400;
        clock_start_ = formatIso(from);
        return true;
    }

    static std::string midday(LocalDateTime day) {
        day.hour = 12;
        day.minute = day.second = 0;
        return formatIso(day);
    }

    // [SECTION] Input, counted in virtual time
    void step(ImVec2 at, bool down) {
        app_.step(PointerState{at, down});
        vt_ += kFrameS;
    }
    void settle(int frames) {
        PointerState up = app_.pointer();
        up.down = false;
        for (int i = 0; i < frames; ++i)
            step(up.pos, false);
    }
    void advance(double s) {
        app_.advance(s);
        vt_ += s;
    }
    void tapAt(ImVec2 at) {
        step(at, true);
        step(at, false);
        settle(2);
    }
    ImVec2 size() const { return ImGui::GetIO().DisplaySize; }
    ImVec2 anywhere() {
        return ImVec2(static_cast<float>(rng_.range(0, size().x - 1)),
                      static_cast<float>(rng_.range(0, size().y - 1)));
    }

    // Ids of the targets on screen now, optionally only those starting with `prefix`.
    std::vector<std::string> targets(const char* prefix = "") const {
        std::vector<std::string> ids;
        const nlohmann::json all = app_.targets();
        for (const auto& t : all["targets"]) {
            const std::string id = t["id"];
            if (startsWith(id, prefix)) ids.push_back(id);
        }
        return ids;
    }
    bool tapId(const std::string& id) {
        ImVec2 at;
        if (!app_.pointFor(id, &at)) return false;
        ++taps_;
        if (isToggle(id)) {
            ++toggles_;
            ++toggled_[id];
        }
        tapAt(at);
        return true;
    }
    static bool isToggle(const std::string& id) { return startsWith(id, "a11y.") || startsWith(id, "lang."); }

    // Every screen once before anything is measured: what a kiosk allocates the first time it shows
    // a gallery or builds a route is not growth. Counted like any other input.
    void warmUp() {
        auto first = [&](const char* prefix) {
            const std::vector<std::string> ids = targets(prefix);
            if (!ids.empty()) tapId(ids.front());
            advance(1.0);
            settleImages();
        };
        for (const char* path :
             {"nav.photos",    "gallery.",    "photo.",          "nav.home", "nav.map",
              "stand.",        "route.start", "route.step-free", "nav.home", "nav.exhibitors",
              "exhibitor.",    "nav.home",    "nav.program",     "talk.",    "nav.home",
              "nav.search",    "kbd.s",       "kbd.a",           "nav.home", "nav.a11y",
              "a11y.text-200", "a11y.speech", "a11y.contrast",   "nav.home", "nav.a11y",
              "a11y.text-100", "a11y.speech", "a11y.contrast",   "nav.home"})
            first(path);
    }

    // [SECTION] Actions
    void act() {
        ++actions_;
        const double r = rng_.unit() * 100;
        if (r < 52) return tapTarget();
        if (r < 60) return tapAnywhere();
        if (r < 72) return drag();
        if (r < 80) return type();
        if (r < 87) return toggle();
        if (r < 96) return advance(rng_.range(0.05, 4.0));
        if (r < 97.5) return advance(rng_.range(5.0, 60.0));
        if (r < 98.5) return idle();
        if (r < 99.5) return doubleTap();
        return staffGesture();
    }

    // Mostly any target on screen; a quarter of the time the navigation bar, or a screen with
    // hundreds of targets (the floor plan) would keep the monkey to itself.
    void tapTarget() {
        const std::vector<std::string> ids = targets(rng_.unit() < 0.25 ? "nav." : "");
        if (ids.empty()) return tapAnywhere();
        tapId(ids[rng_.below(ids.size())]);
    }

    void tapAnywhere() {
        ++random_taps_;
        tapAt(anywhere());
    }

    void doubleTap() {
        ++random_taps_;
        const ImVec2 at = anywhere();
        step(at, true);
        step(at, false);
        step(at, false);
        step(at, true);
        step(at, false);
        settle(2);
    }

    void drag() {
        ++drags_;
        ImVec2 a = anywhere(), b = anywhere();
        if (rng_.unit() < 0.3)
            b.y = a.y; // a swipe, as in the photo viewer
        else if (rng_.unit() < 0.3)
            b.x = a.x; // a list scroll
        const int frames = std::max(2, static_cast<int>(rng_.range(0.06, 0.8) / kFrameS));
        step(a, true);
        for (int i = 1; i <= frames; ++i) {
            const float f = static_cast<float>(i) / frames;
            step(ImVec2(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f), true);
        }
        step(b, false);
        settle(1);
    }

    void type() {
        std::vector<std::string> keys = targets("kbd.");
        if (keys.empty()) {
            if (!tapId("nav.search")) tapTarget();
            return;
        }
        const size_t n = 1 + rng_.below(8);
        for (size_t i = 0; i < n && !keys.empty(); ++i) {
            const std::string id = keys[rng_.below(keys.size())];
            if (!tapId(id)) break;
            ++typed_;
            keys = targets("kbd."); // the keyboard may have changed (hidden, shifted)
        }
    }

    void toggle() {
        std::vector<std::string> ids;
        for (const std::string& id : targets())
            if (isToggle(id)) ids.push_back(id);
        if (ids.empty()) {
            if (!tapId("nav.a11y")) tapTarget();
            return;
        }
        tapId(ids[rng_.below(ids.size())]);
    }

    // Nobody touches the screen until the session must have reset.
    void idle() {
        advance(idle_timeout_ + 30.0 + rng_.range(1.0, 60.0));
        checkReset(app_.state());
    }

    // The staff corner: a finger held still in the top-left corner opens the PIN pad.
    void staffGesture() {
        ++staff_;
        const ImVec2 at(8, 8);
        const int frames = static_cast<int>(3.3 / kFrameS);
        for (int i = 0; i < frames; ++i)
            step(at, true);
        step(at, false);
        settle(2);
    }

    // [SECTION] Clock and content
    // Moves the event clock forward so it reaches the end of the span with the last frame; the
    // virtual time of the run itself moves it too.
    void sweepClock() {
        const double progress = std::min(1.0, static_cast<double>(app_.framesDrawn() - frames0_) /
                                                  static_cast<double>(o_.frames));
        const int64_t want =
            clock_from_ + static_cast<int64_t>(progress * static_cast<double>(clock_to_ - clock_from_));
        if (want - shown_clock_ >= 120) app_.setClock(formatIso(fromEpochSeconds(want)));
    }

    void swapContent() {
        next_swap_ = vt_ + o_.swap_every_s;
        const size_t i = swaps_ % o_.swap_dbs.size();
        // What staff do: copy next to the file, then rename over it in one step.
        const std::string tmp = o_.content + ".monkey-" + std::to_string(::getpid());
        if (!copyFile(o_.swap_dbs[i], tmp) || std::rename(tmp.c_str(), o_.content.c_str()) != 0) {
            std::remove(tmp.c_str());
            fail("cannot replace " + o_.content + " by " + o_.swap_dbs[i]);
            return;
        }
        ++swaps_;
        // The kiosk looks at the file about once a second.
        advance(1.5);
        const nlohmann::json s = app_.state();
        if (s.value("content_version", "") != versions_[i] && swap_failures_++ == 0)
            fail("content swap " + std::to_string(swaps_) + " to " + o_.swap_dbs[i] +
                 ": the kiosk shows version '" + s.value("content_version", "") + "', expected '" +
                 versions_[i] + "'");
    }

    // [SECTION] Checks
    void observe(const nlohmann::json& s) {
        const std::string screen = s.value("screen", "");
        ++screens_[screen.empty() ? "(none)" : screen];
        if (auto t = parseLocalDateTime(s.value("clock", ""))) shown_clock_ = asEpochSeconds(*t);
        // Every screen offers something to press (at least the bar, the closed screen's wake area,
        // the staff pad); nothing at all is a blank screen.
        if (targets().empty() && blank_++ == 0) fail("a blank screen (no touch targets) on '" + screen + "'");
    }

    void checkReset(const nlohmann::json& s) {
        ++resets_checked_;
        const std::string screen = s.value("screen", "");
        std::string wrong;
        if (screen != "home" && screen != "closed")
            wrong = "screen '" + screen + "'";
        else if (screen == "home" &&
                 (s.value("text_scale", 100) != 100 || s.value("contrast", false) ||
                  s.value("low_reach", false) || !s.value("search", std::string()).empty()))
            wrong = "settings or search text kept: " + s.dump();
        if (!wrong.empty() && reset_failures_++ == 0)
            fail("no reset after " + std::to_string(idle_timeout_ + 30) + " s without a touch: " + wrong);
    }

    // Lets the decode worker finish what the screen asked for (real time; frames on the spot), so the
    // cache is measured in a settled state. Bounded: a stuck worker shows as "busy" in the figures.
    void settleImages() {
        ImagePipeline* p = app_.images().pipeline();
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (p && p->busy() && std::chrono::steady_clock::now() < until) {
            settle(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        images_busy_ = p && p->busy();
    }

    nlohmann::json imageFigures() {
        ImagePipeline* p = app_.images().pipeline();
        if (!p) return nlohmann::json{{"decoded", false}};
        const ImagePipelineStats& st = p->stats();
        return nlohmann::json{{"textures", st.textures},     {"bytes", st.bytes},
                              {"peak_bytes", st.peak_bytes}, {"budget_bytes", p->options().budget_bytes},
                              {"uploads", st.uploads},       {"evicted", st.evicted},
                              {"failed", st.failed},         {"busy", images_busy_}};
    }

    void sampleRss() {
        const uint64_t every = std::max<uint64_t>(200, o_.frames / 400);
        if (app_.framesDrawn() >= next_sample_) {
            // Freed memory goes back to the system first: the samples show what the kiosk holds, not
            // what the allocator keeps around after a large image or a content swap (that settles
            // within minutes and would read as growth in a short run).
            malloc_trim(0);
            rss_.push_back(rssMb());
            next_sample_ = app_.framesDrawn() + every;
        }
    }

    void fail(const std::string& what) {
        logError("monkey: %s", what.c_str());
        failures_.push_back(what);
    }

    App& app_;
    const MonkeyOptions& o_;
    Rng rng_;
    double vt_ = 0;
    double next_swap_ = 0;
    uint64_t next_sample_ = 0;
    LocalDateTime first_day_, last_day_;
    int idle_timeout_ = 90;
    int64_t clock_from_ = 0, clock_to_ = 0, shown_clock_ = 0;
    std::string clock_start_;
    std::vector<std::string> versions_;

    uint64_t actions_ = 0, taps_ = 0, random_taps_ = 0, drags_ = 0, typed_ = 0, toggles_ = 0, staff_ = 0,
             swaps_ = 0;
    uint64_t resets_checked_ = 0;
    int blank_ = 0, reset_failures_ = 0, swap_failures_ = 0;
    std::map<std::string, uint64_t> toggled_;
    std::map<std::string, uint64_t> screens_;
    std::vector<double> rss_;
    int threads_start_ = 0;
    uint64_t frames0_ = 0;
    bool images_busy_ = false;
    nlohmann::json images_fresh_;
    std::vector<std::string> failures_;
};

} // namespace

std::vector<std::string> splitSwapList(const std::string& list) {
    std::vector<std::string> out;
    std::istringstream in(list);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

int runMonkey(App& app, const MonkeyOptions& options, std::ostream& out) {
    try {
        return Monkey(app, options).run(out);
    } catch (const std::exception& e) {
        // Outside the frame guard (the monkey's own checks, a report that cannot be read): a failure too.
        std::cerr << "wegweiser: --monkey stopped: " << e.what() << "\n";
        out << nlohmann::json{{"ok", false}, {"failures", {std::string("stopped: ") + e.what()}}}.dump()
            << std::endl;
        return 1;
    }
}

} // namespace ww
