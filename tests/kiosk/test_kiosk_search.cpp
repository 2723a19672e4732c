// Exhibitors and search as a visitor uses them, through the headless kiosk's script interface on the
// sample content: typing on the on-screen keyboard, tapping results, topic chips, the letter rail, the
// detail card with its QR code and the way to the floor plan. Plus the QR encoder itself.
#include <doctest/doctest.h>

#include "ui/qr.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

using nlohmann::json;

namespace {

// Runs one script in a headless kiosk and returns the JSON lines it printed (`state`, `targets`).
std::vector<json> run(const std::string& script, const std::string& size = "1920x1080") {
    static int counter = 0;
    const std::string path = std::string(WW_KIOSK_TMP) + "/search-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".txt";
    {
        std::ofstream f(path);
        f << script << "\nquit\n";
    }
    const std::string cmd = std::string(WW_KIOSK_BIN) + " --headless --content " + WW_KIOSK_DB +
                            " --now 2022-09-07T10:30 --windowed " + size + " --script " + path + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::vector<json> out;
    std::string line;
    char buf[1 << 16];
    while (std::fgets(buf, sizeof buf, p)) {
        line += buf;
        if (line.back() != '\n') continue;
        line.pop_back();
        if (!line.empty() && line[0] == '{') out.push_back(json::parse(line));
        line.clear();
    }
    const int status = pclose(p);
    CHECK_MESSAGE(status == 0, "the script failed: " << script);
    std::remove(path.c_str());
    return out;
}

json targetWith(const json& targets, const std::string& id) {
    for (const json& t : targets["targets"])
        if (t["id"] == id) return t;
    return json();
}

std::set<std::string> ids(const json& targets) {
    std::set<std::string> out;
    for (const json& t : targets["targets"]) out.insert(t["id"].get<std::string>());
    return out;
}

} // namespace

TEST_CASE("typing \"beteiligung\" and tapping the first result opens the Beteiligungsportal") {
    const auto out = run("tap @nav.search\ntype beteiligung\nstate\ntap @exhibitor.staatskanzlei\nstate\ntargets");
    REQUIRE(out.size() == 3);
    const json& s = out[0];
    CHECK(s["screen"] == "search");
    CHECK(s["query"] == "beteiligung");
    CHECK(s["results"]["count"].get<int>() >= 3);
    REQUIRE(!s["results"]["ids"].empty());
    CHECK(s["results"]["ids"][0] == "exhibitor.staatskanzlei");
    CHECK(s["results"]["groups"][0]["kind"] == "exhibitor");
    const json& d = out[1];
    CHECK(d["screen"] == "exhibitor");
    CHECK(d["selected"] == "exhibitor.staatskanzlei");
    CHECK(d["title"] == "Sächsische Staatskanzlei – Beteiligungsportal Sachsen");
    CHECK(d["qr"] == "https://buergerbeteiligung.sachsen.de");
    CHECK(d["qr_modules"].get<int>() >= 21);
    CHECK(!d["talks"].empty()); // Dr. Voigtländer of the Staatskanzlei speaks
    const auto t = ids(out[2]);
    CHECK(t.count("map.show"));
    CHECK(t.count("route.start"));
    CHECK(t.count("topic.beteiligung"));
}

TEST_CASE("the first result is a tap away whichever result the script picks") {
    const auto out = run("tap @nav.search\ntype beteiligung\ntap @kbd.hide\nstate\ntap @talk.d1-e02\nstate");
    REQUIRE(out.size() == 2);
    CHECK(out[0]["keyboard"] == false);
    CHECK(out[1]["screen"] == "talk");
    CHECK(out[1]["item"] == "d1-e02");
}

TEST_CASE("search forgives umlauts, ß and a typo from the on-screen keyboard") {
    const auto out = run("tap @nav.search\ntype muller\nstate\ntap @kbd.clear\ntype mueller\nstate\ntap @kbd.clear\n"
                         "type meissen\nstate\ntap @kbd.clear\ntype meißen\nstate\ntap @kbd.clear\ntype staatskanslei\nstate\n"
                         "tap @kbd.clear\ntype amt\nstate");
    REQUIRE(out.size() == 6);
    auto has = [](const json& s, const std::string& id) {
        for (const json& r : s["results"]["ids"])
            if (r == id) return true;
        return false;
    };
    CHECK(out[0]["results"]["count"].get<int>() >= 1); // a speaker called Müller
    CHECK(out[0]["results"]["ids"] == out[1]["results"]["ids"]);
    CHECK(has(out[2], "exhibitor.meissen"));
    CHECK(out[2]["results"]["ids"] == out[3]["results"]["ids"]);
    CHECK(has(out[4], "exhibitor.staatskanzlei")); // one wrong letter
    CHECK(has(out[5], "exhibitor.amt24"));
}

TEST_CASE("nothing found says so and offers the topics") {
    const auto out = run("tap @nav.search\ntype xyzqj\nstate\ntargets\ntap @topic.ozg\nstate");
    REQUIRE(out.size() == 3);
    CHECK(out[0]["results"]["count"] == 0);
    CHECK(out[0]["results"]["ids"].empty());
    CHECK(ids(out[1]).count("topic.ozg"));
    CHECK(out[2]["screen"] == "exhibitors");
    CHECK(out[2]["topics"] == json::array({"ozg"}));
    CHECK(out[2]["count"] == out[2]["topic_counts"]["ozg"]);
}

TEST_CASE("empty, blank and overlong input on the keyboard") {
    std::string many;
    for (int i = 0; i < 80; ++i) many += "a";
    const auto out = run("tap @nav.search\nstate\ntype    \nstate\ntype " + many + "\nstate\ntap @kbd.backspace\nstate\n"
                         "tap @kbd.hide\ntargets\ntap @search.field\ntargets");
    REQUIRE(out.size() == 6);
    CHECK(out[0]["results"]["count"] == 0);
    CHECK(out[0]["keyboard"] == true);
    CHECK(out[1]["query"] == ""); // no leading spaces
    CHECK(out[2]["query"].get<std::string>().size() == 60);
    CHECK(out[3]["query"].get<std::string>().size() == 59);
    CHECK_FALSE(ids(out[4]).count("kbd.a"));
    CHECK(ids(out[4]).count("kbd.show"));
    CHECK(ids(out[5]).count("kbd.a"));
    for (const char* key : {"kbd.ä", "kbd.ö", "kbd.ü", "kbd.ß", "kbd.1", "kbd.0", "kbd.z", "kbd.y", "kbd.space", "kbd.backspace", "kbd.clear", "kbd.hide"})
        CHECK(ids(out[5]).count(key));
    // Keys are finger-sized and the German row order holds: q w e r t z.
    const json q = targetWith(out[5], "kbd.q"), z = targetWith(out[5], "kbd.z"), y = targetWith(out[5], "kbd.y");
    CHECK(q["h"].get<int>() >= 60);
    CHECK(q["w"].get<int>() >= 60);
    CHECK(z["x"].get<int>() > q["x"].get<int>());
    CHECK(y["y"].get<int>() > z["y"].get<int>());
}

TEST_CASE("topic chips filter the exhibitors, several at once, each with its count") {
    const auto out = run("tap @nav.exhibitors\nstate\ntap @topic.ozg\nstate\ntap @topic.ki\nstate\ntap @topic.ozg\nstate\n"
                         "tap @filter.clear\nstate");
    REQUIRE(out.size() == 5);
    const int all = out[0]["count"];
    CHECK(all == 34);
    const int ozg = out[0]["topic_counts"]["ozg"], ki = out[0]["topic_counts"]["ki"];
    CHECK(out[1]["count"] == ozg);
    CHECK(out[1]["topics"] == json::array({"ozg"}));
    CHECK(out[1]["item"] == "topics:ozg");
    const int both = out[2]["count"];
    CHECK(both >= std::max(ozg, ki));
    CHECK(both <= ozg + ki);
    CHECK(out[3]["count"] == ki);
    CHECK(out[4]["count"] == all);
    CHECK(out[4]["topics"].empty());
}

TEST_CASE("the letter rail jumps by tap and by sliding along it") {
    const auto first = run("tap @nav.exhibitors\nstate\ntargets\ntap @letter.S\nstate\ntap @letter.K\nstate");
    REQUIRE(first.size() == 4);
    CHECK(first[0]["letter"] == "A");
    CHECK(first[2]["letter"] == "S");
    CHECK(first[2]["visible"][0].get<std::string>() == "staatskanzlei"); // "Sächsische …" sorts with the S's
    CHECK(first[3]["letter"] == "K");
    CHECK(first[2]["scroll"].get<int>() > first[3]["scroll"].get<int>());
    // Slide from A down to the last letter: the list follows the finger.
    const json a = targetWith(first[1], "letter.A");
    const json last = targetWith(first[1], "letter." + first[0]["letters"].back().get<std::string>());
    REQUIRE(!a.is_null());
    REQUIRE(!last.is_null());
    const int x = a["x"].get<int>() + a["w"].get<int>() / 2;
    const int y0 = a["y"].get<int>() + a["h"].get<int>() / 2;
    const int y1 = last["y"].get<int>() + last["h"].get<int>() / 2;
    const auto slid = run("tap @nav.exhibitors\ndrag " + std::to_string(x) + " " + std::to_string(y0) + " " + std::to_string(x) + " " +
                          std::to_string((y0 + y1) / 2) + " 400\nstate");
    REQUIRE(slid.size() == 1);
    CHECK(slid[0]["screen"] == "exhibitors"); // a slide on the rail opens nothing
    CHECK(slid[0]["scroll"].get<int>() > 0);
    CHECK(slid[0]["letter"] != "A");
}

TEST_CASE("show on map and route there open the floor plan at the stand") {
    const auto out = run("tap @nav.search\ntype sakd\ntap @exhibitor.sakd\ntap @map.show\nstate\ntap @nav.back\ntap @route.start\nstate");
    REQUIRE(out.size() == 2);
    CHECK(out[0]["screen"] == "map");
    CHECK(out[0]["selected"] == "stand.A01");
    CHECK(out[1]["screen"] == "map");
    CHECK(out[1]["selected"] == "stand.A01");
}

TEST_CASE("exhibitor detail and search keep targets finger-sized and on screen in portrait and at 200 %") {
    for (const char* size : {"1920x1080", "1080x1920"}) {
        CAPTURE(size);
        int w = 0, h = 0;
        std::sscanf(size, "%dx%d", &w, &h);
        const auto out = run("tap @nav.a11y\ntap @a11y.text-200\ntap @nav.home\ntap @nav.search\ntype sakd\ntargets\ntap @exhibitor.sakd\n"
                             "targets\nstate\ntap @nav.home\ntap @nav.exhibitors\ntargets",
                             size);
        REQUIRE(out.size() == 4);
        CHECK(out[2]["qr_modules"].get<int>() > 0);
        for (const json* tj : {&out[0], &out[1], &out[3]})
            for (const json& t : (*tj)["targets"]) {
                CAPTURE(t.dump());
                CHECK(t["x"].get<int>() >= 0);
                CHECK(t["y"].get<int>() >= 0);
                CHECK(t["x"].get<int>() + t["w"].get<int>() <= w);
                CHECK(t["y"].get<int>() + t["h"].get<int>() <= h);
                const std::string id = t["id"];
                if (id.rfind("exhibitor.", 0) && id.rfind("talk.", 0)) CHECK(t["h"].get<int>() >= 60); // cards may be cut by scrolling
            }
    }
}

TEST_CASE("QR codes: size grows with the text, finder patterns in three corners") {
    int size = 0;
    std::vector<unsigned char> m;
    REQUIRE(ww::qrEncode("https://buergerbeteiligung.sachsen.de", size, m));
    CHECK((size - 17) % 4 == 0);
    CHECK(size >= 21);
    REQUIRE(m.size() == static_cast<size_t>(size) * size);
    auto at = [&](int x, int y) { return m[static_cast<size_t>(y) * size + x] != 0; };
    // Each finder: a dark 7×7 ring, a light ring, a dark 3×3 centre.
    for (auto [ox, oy] : {std::pair{0, 0}, std::pair{size - 7, 0}, std::pair{0, size - 7}}) {
        CHECK(at(ox, oy));
        CHECK(at(ox + 6, oy + 6));
        CHECK_FALSE(at(ox + 1, oy + 1));
        CHECK(at(ox + 3, oy + 3));
    }
    int longer = 0;
    REQUIRE(ww::qrEncode("https://www.example.org/" + std::string(200, 'x'), longer, m));
    CHECK(longer > size);
    CHECK_FALSE(ww::qrEncode("", size, m));
    CHECK(size == 0);
    CHECK(ww::qrAddress("www.sakd.de") == "https://www.sakd.de");
    CHECK(ww::qrAddress("http://a.de") == "http://a.de");
    CHECK(ww::readableAddress("https://www.sakd.de/") == "www.sakd.de");
}
