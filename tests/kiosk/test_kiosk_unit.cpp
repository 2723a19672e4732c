// The kiosk's touch layer, strings and formatting, without a window.
#include <doctest/doctest.h>

#include "ui/format.h"
#include "ui/strings.h"
#include "ui/touch.h"

using namespace ww;

namespace {

// Runs one frame of the touch layer with a single target covering (0,0)–(100,100).
bool frameWithTarget(Touch& t, PointerState p, double now, const char* id = "t") {
    t.beginFrame(p, now);
    const bool tapped = t.target(id, "label", ImVec2(0, 0), ImVec2(100, 100));
    t.endFrame();
    return tapped;
}

} // namespace

TEST_CASE("a tap fires on release, not on press") {
    Touch t;
    frameWithTarget(t, {ImVec2(-1, -1), false}, 0.0);
    CHECK_FALSE(frameWithTarget(t, {ImVec2(50, 50), true}, 0.1));
    CHECK(frameWithTarget(t, {ImVec2(52, 51), false}, 0.2));
    CHECK_FALSE(frameWithTarget(t, {ImVec2(52, 51), false}, 0.3));
}

TEST_CASE("a finger that moves further than the slop does not tap") {
    Touch t;
    t.slop = 20;
    frameWithTarget(t, {ImVec2(-1, -1), false}, 0.0);
    frameWithTarget(t, {ImVec2(20, 20), true}, 0.1);
    frameWithTarget(t, {ImVec2(60, 20), true}, 0.2);
    CHECK_FALSE(frameWithTarget(t, {ImVec2(21, 20), false}, 0.3));
}

TEST_CASE("a long press is reserved and never taps") {
    Touch t;
    frameWithTarget(t, {ImVec2(-1, -1), false}, 0.0);
    frameWithTarget(t, {ImVec2(50, 50), true}, 0.1);
    frameWithTarget(t, {ImVec2(50, 50), true}, 3.0);
    CHECK_FALSE(frameWithTarget(t, {ImVec2(50, 50), false}, 3.1));
}

TEST_CASE("releasing on another target does not tap either") {
    Touch t;
    auto frame = [&](PointerState p, double now) {
        t.beginFrame(p, now);
        bool a = t.target("a", "A", ImVec2(0, 0), ImVec2(30, 100));
        bool b = t.target("b", "B", ImVec2(30, 0), ImVec2(100, 100));
        t.endFrame();
        return std::make_pair(a, b);
    };
    frame({ImVec2(-1, -1), false}, 0);
    frame({ImVec2(25, 50), true}, 0.1);
    auto r = frame({ImVec2(35, 50), false}, 0.2); // within slop, but over "b"
    CHECK_FALSE(r.first);
    CHECK_FALSE(r.second);
}

TEST_CASE("targets clipped out of a scroll viewport are not on screen") {
    Touch t;
    t.beginFrame({ImVec2(-1, -1), false}, 0);
    t.pushClip(ImVec2(0, 0), ImVec2(100, 100));
    t.target("inside", "", ImVec2(10, 10), ImVec2(50, 50));
    t.target("half", "", ImVec2(10, 80), ImVec2(50, 140));
    t.target("outside", "", ImVec2(10, 120), ImVec2(50, 160));
    t.popClip();
    t.endFrame();
    t.beginFrame({ImVec2(-1, -1), false}, 0.1);
    ImVec2 p;
    CHECK(t.pointFor("inside", &p));
    CHECK(t.pointFor("half", &p));
    CHECK(p.y < 100);
    CHECK_FALSE(t.pointFor("outside", &p));
}

TEST_CASE("a dialog layer hides the targets beneath it") {
    Touch t;
    t.beginFrame({ImVec2(-1, -1), false}, 0);
    t.target("page", "", ImVec2(0, 0), ImVec2(100, 100));
    t.pushLayer();
    t.target("dialog", "", ImVec2(40, 40), ImVec2(60, 60));
    t.popLayer();
    t.endFrame();
    t.beginFrame({ImVec2(-1, -1), false}, 0.1);
    REQUIRE(t.reachable().size() == 1);
    CHECK(t.reachable()[0]->id == "dialog");
}

TEST_CASE("a drag reports movement and a release velocity") {
    Touch t;
    t.slop = 10;
    auto frame = [&](PointerState p, double now) {
        t.beginFrame(p, now);
        t.dragRegion("list", ImVec2(0, 0), ImVec2(100, 400));
    };
    frame({ImVec2(-1, -1), false}, 0);
    t.endFrame();
    frame({ImVec2(50, 300), true}, 0.016);
    t.endFrame();
    float total = 0;
    for (int i = 1; i <= 10; ++i) {
        frame({ImVec2(50, 300.0f - i * 20), true}, 0.016 + i * 0.016);
        total += t.dragDelta("list").y;
        t.endFrame();
    }
    CHECK(total == doctest::Approx(-200));
    frame({ImVec2(50, 100), false}, 0.2);
    ImVec2 v;
    REQUIRE(t.released("list", &v));
    CHECK(v.y < -500); // an upward throw
    t.endFrame();
}

TEST_CASE("every string exists in German and English") {
    std::string missing;
    CHECK_MESSAGE(stringsComplete(&missing), missing);
    CHECK(std::string(tr(S::Map, Lang::De)) == "Lageplan");
    CHECK(std::string(tr(S::Map, Lang::En)) == "Floor plan");
}

TEST_CASE("search folding: umlauts and ß as visitors type them") {
    CHECK(foldText("Straße") == "strasse");
    CHECK(foldText("Müller") == "muller");
    CHECK(foldText("ÄMTER") == "amter");
    CHECK(foldText("„Zitat“ – gut") == "zitat - gut");
}

TEST_CASE("event dates use German typography") {
    Event e;
    e.start_date = "2022-09-07";
    e.end_date = "2022-09-08";
    CHECK(eventDates(e, Lang::De) == "7.–8. September 2022");
    CHECK(eventDates(e, Lang::En) == "7–8 September 2022");
    const auto d = parseDate("2022-09-07");
    CHECK(dayLong(*d, Lang::De) == "Mittwoch, 7. September 2022");
}

TEST_CASE("outside the event the programme shows the nearest event day") {
    Event e;
    e.start_date = "2022-09-07";
    e.end_date = "2022-09-08";
    CHECK(programDay(e, *parseLocalDateTime("2022-09-01T10:00")) == "2022-09-07");
    CHECK(programDay(e, *parseLocalDateTime("2022-09-08T10:00")) == "2022-09-08");
    CHECK(programDay(e, *parseLocalDateTime("2022-12-24T10:00")) == "2022-09-08");
}

// [SECTION] Fonts

#include "ui/icons.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace {

std::string utf8Of(unsigned cp) {
    char buf[8] = {};
    const ImWchar w[2] = {static_cast<ImWchar>(cp), 0};
    ImTextStrToUtf8(buf, sizeof buf, w, nullptr);
    return buf;
}

std::vector<unsigned> codepoints(const std::string& s) {
    std::vector<unsigned> out;
    for (const char* p = s.c_str(); *p;) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, nullptr);
        if (n <= 0) break;
        out.push_back(c);
        p += n;
    }
    return out;
}

} // namespace

TEST_CASE("no glyph the kiosk shows renders as a question mark") {
    ImGui::CreateContext();
    Theme th;
    th.build(1920, 1080, 1.0f, false);
    std::string all = "„Anführung“ ‚einfach‘ – — … € § ° × ÄÖÜäöüß Łódź Čeština";
    for (int i = 0; i < static_cast<int>(S::Count_); ++i)
        all += std::string(tr(static_cast<S>(i), Lang::De)) + tr(static_cast<S>(i), Lang::En);
    for (int i = 0; i < icon::kAllCodepointCount; ++i) all += utf8Of(icon::kAllCodepoints[i]);
    for (ImFont* f : {th.display, th.heading, th.body, th.strong, th.caption}) {
        for (unsigned c : codepoints(all)) {
            if (c < 0x20) continue;
            CAPTURE(c);
            CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
    ImGui::DestroyContext();
}
