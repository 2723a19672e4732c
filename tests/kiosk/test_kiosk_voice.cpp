// Speech output without sight and the attract slideshow's pause, driven in-process through the script
// interface of the real kiosk (headless, virtual clock):
// - a finger held still for three seconds anywhere but the staff corner switches speech on with a
//   spoken help and off again (EN 301 549 5.2), and never chooses what lies under it;
// - with speech on, a first tap says and focuses a target and a second tap chooses it (5.1.3);
// - the slideshow's pause control stops it for good, asking for no frames, until the visitor resumes
//   or the session ends (WCAG 2.2.2).
#include <doctest/doctest.h>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "ui/screen.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

const char* const kHelpDe =
    "Sprachausgabe ist eingeschaltet. Tippen Sie einmal, um zu hören, was unter Ihrem Finger "
    "liegt, und zweimal, um es zu wählen. Zum Ausschalten wieder drei Sekunden halten.";

// One kiosk for one test case: the sample content on the first event morning.
class Kiosk {
  public:
    explicit Kiosk(int w = 1920, int h = 1080) {
        ww::AppOptions o;
        o.content = WW_KIOSK_DB;
        o.headless = true;
        o.width = w;
        o.height = h;
        o.now = "2022-09-07T10:30";
        app_ = std::make_unique<ww::App>(o);
        std::string error;
        REQUIRE_MESSAGE(app_->init(&error), error);
        run("state\n");
    }

    // Runs script lines; returns the `state` answers in order.
    std::vector<json> run(const std::string& script) {
        std::istringstream in(script);
        std::ostringstream out;
        const int status = ww::runScript(*app_, in, out, "test");
        REQUIRE_MESSAGE(status == 0, script);
        std::vector<json> states;
        std::istringstream lines(out.str());
        for (std::string line; std::getline(lines, line);)
            if (!line.empty() && line[0] == '{') states.push_back(json::parse(line));
        return states;
    }
    json state() { return run("state\n").at(0); }

    // "drag X Y X Y MS": a finger held still on the target's centre for `ms`.
    std::string holdOn(const std::string& id, int ms = 3500) {
        ImVec2 p;
        REQUIRE_MESSAGE(app_->pointFor(id, &p), id);
        return holdAt(p.x, p.y, ms);
    }
    static std::string holdAt(float x, float y, int ms = 3500) {
        const std::string xs = std::to_string(std::lround(x)), ys = std::to_string(std::lround(y));
        return "drag " + xs + " " + ys + " " + xs + " " + ys + " " + std::to_string(ms) + "\n";
    }

    std::string label(const std::string& id) {
        const json all = app_->targets();
        for (const json& t : all["targets"])
            if (t["id"] == id) return t["label"];
        return {};
    }
    uint64_t frames() const { return app_->framesDrawn(); }

  private:
    std::unique_ptr<ww::App> app_;
};

} // namespace

// [SECTION] Switching speech without sight

TEST_CASE("holding a finger still for three seconds switches speech on with a spoken help, and off again") {
    Kiosk k;
    // On a tile: the hold must not open it.
    k.run(k.holdOn("nav.exhibitors"));
    json s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["speech"] == true);
    CHECK(s["spoken"] == kHelpDe);
    CHECK(s["spoken_lang"] == "de");
    CHECK(s["focus"].is_null());

    // Shorter than three seconds: nothing (and no tap either, it was a long press).
    k.run(k.holdOn("nav.program", 2000));
    s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["speech"] == true);

    k.run(k.holdOn("nav.program"));
    s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["speech"] == false);
    CHECK(s["spoken"] == "Sprachausgabe ist ausgeschaltet.");

    // In the visitor's language.
    k.run("tap @lang.en\n" + k.holdOn("nav.map"));
    s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["speech"] == true);
    CHECK(s["spoken_lang"] == "en");
    CHECK(s["spoken"].get<std::string>().rfind(
              "Speech output is on. Tap once to hear what is under your finger", 0) == 0);
}

TEST_CASE("the hold in the top-left corner still opens the staff PIN pad and leaves speech off") {
    Kiosk k;
    k.run(Kiosk::holdAt(40, 40, 3200));
    json s = k.state();
    CHECK(s["screen"] == "staff");
    CHECK(s["staff"]["mode"] == "pad");
    k.run("tap @staff.cancel\n");
    s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["speech"] == false);
    CHECK(s["spoken"] == "");
}

TEST_CASE("dragging a list for three seconds is no hold") {
    Kiosk k;
    k.run("tap @nav.exhibitors\ndrag 960 820 960 420 3500\n");
    const json s = k.state();
    CHECK(s["screen"] == "exhibitors");
    CHECK(s["speech"] == false);
    CHECK(s["scroll"].get<int>() > 200);
}

// [SECTION] Exploring by touch

TEST_CASE(
    "with speech on a first tap says and focuses, a second one chooses, a tap elsewhere moves the focus") {
    Kiosk k;
    k.run(k.holdOn("nav.search"));
    // First tap: said, focused, not opened.
    std::vector<json> s =
        k.run("tap @nav.exhibitors\nstate\ntap @nav.program\nstate\ntap @nav.program\nstate\n");
    CHECK(s[0]["screen"] == "home");
    CHECK(s[0]["focus"] == "nav.exhibitors");
    CHECK(s[0]["spoken"] == "Aussteller");
    CHECK(s[1]["screen"] == "home");
    CHECK(s[1]["focus"] == "nav.program");
    CHECK(s[1]["spoken"] == "Programm");
    // Second tap on the focused target: chosen; the new screen starts without a focus.
    CHECK(s[2]["screen"] == "program");
    CHECK(s[2]["focus"].is_null());
    CHECK(s[2]["spoken"] == "Programm");

    // Summaries as before: an exhibitor's stand is said on the first tap.
    s = k.run("tap @nav.home\ntap @nav.home\ntap @nav.exhibitors\ntap @nav.exhibitors\ntap "
              "@exhibitor.amt24\nstate\ntap @exhibitor.amt24\nstate\n");
    CHECK(s[0]["screen"] == "exhibitors");
    CHECK(s[0]["focus"] == "exhibitor.amt24");
    CHECK(s[0]["spoken"] == "Amt24 – Serviceportal Sachsen. Stand A11");
    CHECK(s[1]["screen"] == "exhibitor");
    CHECK(s[1]["item"] == "amt24");

    // The second tap counts within about five seconds; later it says the target again.
    s = k.run("tap @nav.home\nwait 6000\ntap @nav.home\nstate\ntap @nav.home\nstate\n");
    CHECK(s[0]["screen"] == "exhibitor");
    CHECK(s[0]["focus"] == "nav.home");
    CHECK(s[1]["screen"] == "home");

    // A switch chosen by two taps says its new state; speech off, taps act at once again.
    s = k.run("tap @nav.a11y\ntap @nav.a11y\ntap @a11y.contrast\ntap @a11y.contrast\nstate\n"
              "tap @a11y.speech\ntap @a11y.speech\ntap @nav.home\nstate\n");
    CHECK(s[0]["contrast"] == true);
    CHECK(s[0]["spoken"] == "Hoher Kontrast: Ein");
    CHECK(s[0]["focus"] == "a11y.contrast");
    CHECK(s[1]["speech"] == false);
    CHECK(s[1]["screen"] == "home");
    CHECK(s[1]["focus"].is_null());
}

TEST_CASE("without speech a tap chooses at once, and the session reset clears the focus") {
    Kiosk k;
    std::vector<json> s = k.run("tap @nav.map\nstate\ntap @nav.home\n");
    CHECK(s[0]["screen"] == "map");
    CHECK(s[0]["focus"].is_null());
    k.run(k.holdOn("nav.search") + "tap @nav.photos\n");
    CHECK(k.state()["focus"] == "nav.photos");
    // Nobody there: the next visitor finds speech off and nothing focused.
    s = k.run("wait 95000\nwait 31000\nstate\ntap @nav.photos\nstate\n");
    CHECK(s[0]["screen"] == "home");
    CHECK(s[0]["speech"] == false);
    CHECK(s[0]["focus"].is_null());
    CHECK(s[1]["screen"] == "photos");
}

TEST_CASE("touch: a hold fires once after three still seconds; exploring turns a first tap into a focus") {
    ww::Touch t;
    t.slop = 24;
    double now = 0;
    // Two targets side by side and a list under them, registered every frame.
    auto frame = [&](ImVec2 p, bool down) {
        now += 1.0 / 60;
        t.beginFrame(ww::PointerState{p, down}, now);
        t.dragRegion("list", ImVec2(0, 0), ImVec2(400, 400));
        const bool a = t.target("a", "A", ImVec2(0, 0), ImVec2(100, 100));
        const bool b = t.target("b", "B", ImVec2(200, 0), ImVec2(300, 100));
        t.endFrame();
        return a ? std::string("a") : b ? std::string("b") : std::string();
    };
    auto tap = [&](ImVec2 p) {
        frame(p, true);
        return frame(p, false);
    };
    frame(ImVec2(-1, -1), false);

    // Held still: one hold at three seconds, and no tap on release.
    int holds = 0;
    frame(ImVec2(50, 50), true);
    for (int i = 0; i < 60 * 4; ++i) {
        frame(ImVec2(50, 50), true);
        holds += t.holdCompleted();
    }
    CHECK(holds == 1);
    CHECK(frame(ImVec2(50, 50), false).empty());
    // A finger that moves (a drag) makes no hold, however long it stays down.
    holds = 0;
    frame(ImVec2(50, 300), true);
    for (int i = 0; i < 60 * 4; ++i) {
        frame(ImVec2(50, 300 - std::min(i, 100)), true);
        holds += t.holdCompleted();
    }
    frame(ImVec2(50, 200), false);
    CHECK(holds == 0);

    CHECK(tap(ImVec2(50, 50)) == "a"); // not exploring: a tap acts
    t.explore = true;
    CHECK(tap(ImVec2(50, 50)).empty()); // exploring: the first tap focuses
    CHECK(t.focusedId() == "a");
    CHECK(tap(ImVec2(250, 50)).empty()); // another target: the focus moves
    CHECK(t.focusedId() == "b");
    CHECK(tap(ImVec2(250, 50)) == "b"); // the focused one again: it acts
    for (int i = 0; i < 60 * 6; ++i)
        frame(ImVec2(-1, -1), false);
    CHECK(tap(ImVec2(250, 50)).empty()); // too late: said again instead
    CHECK(t.exploredId() == "b");
    t.explore = false;
    frame(ImVec2(-1, -1), false);
    CHECK(t.focusedId().empty()); // exploration over: no focus
}

// [SECTION] Pausing the slideshow

TEST_CASE("the slideshow's pause control keeps its photo until resumed, and the reset restores it") {
    Kiosk k;
    CHECK(k.label("home.slideshow.pause") == "Diashow anhalten");
    json s = k.state();
    REQUIRE(s.contains("slideshow"));
    CHECK(s["slideshow_paused"] == false);
    const std::string first = s["slideshow"];

    k.run("tap @home.slideshow.pause\n");
    CHECK(k.label("home.slideshow.pause") == "Diashow abspielen");
    // Paused: the same photo a minute later (a photo holds for 15 s when the show runs).
    std::vector<json> st = k.run("wait 60000\nstate\n");
    CHECK(st[0]["slideshow"] == first);
    CHECK(st[0]["slideshow_paused"] == true);
    // Elsewhere and back: still paused.
    st = k.run("tap @nav.map\ntap @nav.home\nwait 30000\nstate\n");
    CHECK(st[0]["slideshow"] == first);
    CHECK(st[0]["slideshow_paused"] == true);

    // Resumed: it moves on after its usual hold.
    st = k.run("tap @home.slideshow.pause\nwait 17000\nstate\n");
    CHECK(st[0]["slideshow_paused"] == false);
    CHECK(st[0]["slideshow"] != first);

    // Paused again and left alone: the session reset restores the moving show.
    k.run("tap @home.slideshow.pause\n");
    const std::string held = k.state()["slideshow"];
    st = k.run("wait 95000\nwait 31000\nstate\nwait 17000\nstate\n");
    CHECK(st[0]["slideshow_paused"] == false);
    CHECK(st[1]["slideshow"] != held);
}

namespace {

// Every photo is "decoded" at once (a texture id that is never drawn), so fades run as on a kiosk.
struct ReadyImages final : ww::ImageSource {
    ww::ImageView get(const std::string&) override { return {reinterpret_cast<ImTextureID>(1), 1600, 1067}; }
    void getInfo(const std::string&, int* w, int* h) override { *w = 1600, *h = 1067; }
};
struct StayHere final : ww::Navigator {
    ww::NavEntry entry;
    void go(ww::ScreenId, const std::string&) override {}
    void replace(const std::string&) override {}
    void back() override {}
    void home() override {}
    bool canGoBack() const override { return false; }
    ww::NavEntry& route() override { return entry; }
};

} // namespace

TEST_CASE("a paused slideshow asks for no frames, also when paused during a fade") {
    ImGui::CreateContext();
    ww::Theme th;
    th.build(1920, 1080, 1.0f, false);
    ww::Model m;
    for (const char* id : {"a", "b", "c"}) {
        ww::Photo p;
        p.id = id;
        p.width = 1600;
        p.height = 1067;
        p.image = std::string("photo/") + id;
        p.thumb = p.image + "@thumb";
        m.photos.push_back(p);
    }
    ww::Settings settings;
    ww::Touch touch;
    ReadyImages images;
    StayHere nav;
    const ww::TimeZone tz = ww::TimeZone::utc();
    const int64_t t0 = 1662539400; // 2022-09-07 08:30 UTC
    double t = 0;
    struct Asked {
        double redraw_in;
        bool animating;
        std::string shown;
    };
    // One frame of the start screen's photo tile (where it lies at 1920×1080).
    auto frame = [&](double seconds) {
        t += seconds;
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        json report = json::object();
        ww::Ctx c(m, settings, th, touch, images, nav, tz);
        c.now_utc = t0 + static_cast<int64_t>(t);
        c.display = ImVec2(1920, 1080);
        c.dt = static_cast<float>(std::min(seconds, 0.1));
        c.dl = ImGui::GetBackgroundDrawList();
        c.report = &report;
        touch.beginFrame(ww::PointerState{}, t);
        ww::drawTileSlideshow(c, ImVec2(48, 628), ImVec2(618, 936));
        touch.endFrame();
        ImGui::EndFrame();
        return Asked{c.redraw_in, c.animating, report.value("slideshow", std::string())};
    };

    Asked a = frame(0.02);
    CHECK(a.shown == "a");
    CHECK(a.redraw_in > 1); // the next photo's turn, seconds away
    settings.slideshow_paused = true;
    a = frame(0.02);
    CHECK(a.redraw_in < 0);
    CHECK_FALSE(a.animating);
    a = frame(600);
    CHECK(a.shown == "a");
    CHECK(a.redraw_in < 0);

    // Running again: the hold starts afresh, then the fade asks for its steps.
    settings.slideshow_paused = false;
    a = frame(0.02);
    CHECK(a.redraw_in > 10);
    a = frame(15.5);
    a = frame(0.08);
    CHECK(a.shown == "b"); // fading in
    CHECK(a.redraw_in > 0);
    CHECK(a.redraw_in < 0.2);
    // Paused mid-fade: the photo coming in stays, and nothing more is asked for.
    settings.slideshow_paused = true;
    a = frame(0.08);
    CHECK(a.shown == "b");
    CHECK(a.redraw_in < 0);
    a = frame(60);
    CHECK(a.shown == "b");
    CHECK(a.redraw_in < 0);
    ImGui::DestroyContext();
}

TEST_CASE("with speech on the pause control is said first and chosen by the second tap") {
    Kiosk k(1080, 1920);
    k.run(k.holdOn("nav.search"));
    std::vector<json> s = k.run("tap @home.slideshow.pause\nstate\ntap @home.slideshow.pause\nstate\n");
    CHECK(s[0]["slideshow_paused"] == false);
    CHECK(s[0]["spoken"] == "Diashow anhalten");
    CHECK(s[0]["focus"] == "home.slideshow.pause");
    CHECK(s[1]["slideshow_paused"] == true);
    CHECK(s[1]["spoken"] == "Diashow abspielen");
}
