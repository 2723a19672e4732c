// Photo galleries: the viewer's page arithmetic, and the real kiosk driven headless through its script
// interface (index, both ends, swipes, caption, close, the attract slideshow) on the sample content.
#include <doctest/doctest.h>

#include "ui/viewer.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using nlohmann::json;

namespace {

// Runs a script headless and returns the JSON lines it printed (`state`, `targets`).
std::vector<json> run(const std::string& script, const std::string& size = "1920x1080") {
    static int counter = 0;
    const std::string path = std::string(WW_KIOSK_TMP) + "/photos-" + std::to_string(getpid()) + "-" +
                             std::to_string(++counter) + ".txt";
    {
        std::ofstream f(path);
        f << script << "\nquit\n";
    }
    const std::string cmd = std::string(WW_KIOSK_BIN) + " --headless --windowed " + size + " --content " +
                            WW_KIOSK_DB + " --now 2022-09-07T10:30 --script " + path + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::vector<json> out;
    char buf[1 << 16];
    std::string line;
    while (std::fgets(buf, sizeof buf, p)) {
        line += buf;
        if (line.back() != '\n') continue;
        out.push_back(json::parse(line));
        line.clear();
    }
    CHECK(pclose(p) == 0);
    std::remove(path.c_str());
    return out;
}

bool hasTarget(const json& targets, const std::string& id) {
    for (const auto& t : targets["targets"])
        if (t["id"] == id) return true;
    return false;
}

const char* const kOpenFirst = "tap @nav.photos\ntap @gallery.fachausstellung\ntap @photo.fachausstellung-01\n";
const char* const kSwipeLeft = "drag 1500 500 300 500 250\nwait 600\n";  // to the next photo
const char* const kSwipeRight = "drag 300 500 1500 500 250\nwait 600\n"; // to the previous one

} // namespace

TEST_CASE("a swipe turns one page, never past either end") {
    using ww::swipeTarget;
    const float w = 1000;
    CHECK(swipeTarget(0, 10, -400, 0, w) == 1);     // far enough left: next
    CHECK(swipeTarget(0, 10, -100, 0, w) == 0);     // not far enough, slow: springs back
    CHECK(swipeTarget(0, 10, -60, -1500, w) == 1);  // short but a flick
    CHECK(swipeTarget(0, 10, 400, 0, w) == 0);      // first photo: nothing before it
    CHECK(swipeTarget(0, 10, 60, 2000, w) == 0);
    CHECK(swipeTarget(9, 10, -400, -2000, w) == 9); // last photo: nothing after it
    CHECK(swipeTarget(9, 10, 400, 0, w) == 8);
    CHECK(swipeTarget(5, 10, -3000, -9000, w) == 6); // one page, however hard the throw
    CHECK(swipeTarget(0, 1, -400, 0, w) == 0);      // a gallery of one
    CHECK(swipeTarget(0, 0, -400, 0, w) == 0);
    // The photo follows the finger, and resists at the ends.
    CHECK(ww::dragOffset(3, 10, -200) == -200);
    CHECK(ww::dragOffset(0, 10, 200) < 100);
    CHECK(ww::dragOffset(9, 10, -200) > -100);
}

TEST_CASE("the viewer reports gallery, photo and index, and swipes move the index") {
    const auto out = run(std::string(kOpenFirst) + "state\ntargets\n" + kSwipeRight + "state\n" + kSwipeLeft + "state\n" +
                         kSwipeLeft + "state\ntap @viewer.next\nwait 600\nstate\ntap @viewer.prev\nwait 600\nstate\n");
    REQUIRE(out.size() == 7);
    CHECK(out[0]["screen"] == "photo");
    CHECK(out[0]["gallery"] == "fachausstellung");
    CHECK(out[0]["photo"] == "fachausstellung-01");
    CHECK(out[0]["index"] == 1);
    CHECK(out[0]["of"] == 10);
    CHECK(out[0]["caption_visible"] == true);
    CHECK(hasTarget(out[1], "viewer.close"));
    CHECK(hasTarget(out[1], "viewer.next"));
    CHECK_FALSE(hasTarget(out[1], "viewer.prev")); // nothing before the first photo
    CHECK(out[2]["index"] == 1);                   // swiping right at the first photo springs back
    CHECK(out[2]["sliding"] == false);
    CHECK(out[3]["index"] == 2);
    CHECK(out[3]["photo"] == "fachausstellung-02");
    CHECK(out[4]["index"] == 3);
    CHECK(out[5]["index"] == 4);
    CHECK(out[6]["index"] == 3);
    CHECK(out[6]["history"] == 3); // paging adds no history: Back still leads to the grid
}

TEST_CASE("at the last photo a swipe left stays and a swipe right goes back") {
    const auto out = run("tap @nav.photos\ntap @gallery.fachausstellung\ntap @photo.fachausstellung-10\nstate\ntargets\n" +
                         std::string(kSwipeLeft) + "state\n" + kSwipeRight + "state\n");
    REQUIRE(out.size() == 4);
    CHECK(out[0]["index"] == 10);
    CHECK_FALSE(hasTarget(out[1], "viewer.next"));
    CHECK(hasTarget(out[1], "viewer.prev"));
    CHECK(out[2]["index"] == 10);
    CHECK(out[3]["index"] == 9);
}

TEST_CASE("a tap on the photo hides the caption; close returns to the grid") {
    const auto out = run(std::string(kOpenFirst) + "tap @viewer.caption\nstate\n" + kSwipeLeft +
                         "state\ntap @viewer.caption\nstate\ntap @viewer.caption\ntap @viewer.close\nstate\n"
                         "tap @photo.fachausstellung-05\nstate\n");
    REQUIRE(out.size() == 5);
    CHECK(out[0]["caption_visible"] == false);
    CHECK(out[1]["caption_visible"] == false); // stays hidden while paging
    CHECK(out[1]["index"] == 2);
    CHECK(out[2]["caption_visible"] == true);
    CHECK(out[3]["screen"] == "gallery");
    CHECK(out[3]["gallery"] == "fachausstellung");
    CHECK(out[4]["photo"] == "fachausstellung-05");
    CHECK(out[4]["caption_visible"] == true); // a fresh visit starts with the caption
}

TEST_CASE("the viewer's controls are finger-sized and on screen in portrait at 200 % text") {
    const auto out = run("tap @nav.a11y\ntap @a11y.text-200\ntap @nav.home\n" + std::string(kOpenFirst) +
                             "tap @viewer.next\nwait 600\ntargets\nstate\n",
                         "1080x1920");
    REQUIRE(out.size() == 2);
    CHECK(out[1]["index"] == 2);
    std::vector<json> controls;
    for (const auto& t : out[0]["targets"]) {
        const std::string id = t["id"];
        if (id.rfind("viewer.", 0) || id == "viewer.caption") continue;
        controls.push_back(t);
        CAPTURE(t.dump());
        CHECK(t["h"].get<int>() >= 60);
        CHECK(t["x"].get<int>() >= 0);
        CHECK(t["x"].get<int>() + t["w"].get<int>() <= 1080);
        CHECK(t["y"].get<int>() + t["h"].get<int>() <= 1920);
    }
    CHECK(controls.size() == 3);
    for (size_t i = 0; i < controls.size(); ++i)
        for (size_t j = i + 1; j < controls.size(); ++j) {
            const json& a = controls[i];
            const json& b = controls[j];
            const bool apart = a["x"].get<int>() + a["w"].get<int>() <= b["x"].get<int>() ||
                               b["x"].get<int>() + b["w"].get<int>() <= a["x"].get<int>() ||
                               a["y"].get<int>() + a["h"].get<int>() <= b["y"].get<int>() ||
                               b["y"].get<int>() + b["h"].get<int>() <= a["y"].get<int>();
            CHECK_MESSAGE(apart, a["id"] << " overlaps " << b["id"]);
        }
}

TEST_CASE("the attract slideshow moves on by itself on the start screen") {
    // A photo holds for 15 s, then fades for 1.2 s.
    const auto out = run("state\nwait 17000\nstate\nwait 17000\nstate\n");
    REQUIRE(out.size() == 3);
    REQUIRE(out[0].contains("slideshow"));
    CHECK(out[0]["slideshow"] != out[1]["slideshow"]);
    CHECK(out[1]["slideshow"] != out[2]["slideshow"]);
}
