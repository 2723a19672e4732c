// End-to-end tests of the kiosk through its script interface: the real `wegweiser --headless` drives
// every screen with taps, drags and typing on the sample content, and answers with JSON lines.
#include <doctest/doctest.h>

#include "core/store.h"

#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// One running kiosk, talked to line by line over pipes.
class Kiosk {
public:
    explicit Kiosk(std::vector<std::string> args, std::vector<std::string> env = {}) {
        static int counter = 0;
        err_path_ = std::string(WW_KIOSK_TMP) + "/stderr-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".log";
        int in[2], out[2];
        REQUIRE(pipe(in) == 0);
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            const int err = open(errPath().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (err >= 0) dup2(err, 2);
            close(in[1]);
            close(out[0]);
            for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
            std::vector<char*> argv;
            static std::string bin = WW_KIOSK_BIN;
            argv.push_back(bin.data());
            for (std::string& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(bin.c_str(), argv.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to_ = fdopen(in[1], "w");
        from_ = fdopen(out[0], "r");
    }
    ~Kiosk() {
        if (pid_ > 0) {
            finish();
        }
    }
    void send(const std::string& line) {
        std::fputs((line + "\n").c_str(), to_);
        std::fflush(to_);
    }
    std::string readLine() {
        char buf[1 << 16];
        std::string s;
        while (std::fgets(buf, sizeof buf, from_)) {
            s += buf;
            if (!s.empty() && s.back() == '\n') break;
        }
        if (!s.empty() && s.back() == '\n') s.pop_back();
        return s;
    }
    json state() {
        send("state");
        const std::string line = readLine();
        INFO("stderr: " << stderrText());
        REQUIRE_MESSAGE(!line.empty(), "the kiosk did not answer `state`");
        return json::parse(line);
    }
    json targets() {
        send("targets");
        const std::string line = readLine();
        REQUIRE_MESSAGE(!line.empty(), "the kiosk did not answer `targets`: " << stderrText());
        return json::parse(line)["targets"];
    }
    std::string label(const std::string& id) {
        for (const auto& t : targets())
            if (t["id"] == id) return t["label"];
        return "";
    }
    bool has(const std::string& id) { return !label(id).empty() || hasEmptyLabel(id); }
    // Closes stdin (the script ends) and returns the exit status.
    int finish() {
        if (pid_ <= 0) return status_;
        if (to_) std::fclose(to_);
        to_ = nullptr;
        int st = 0;
        waitpid(pid_, &st, 0);
        if (from_) std::fclose(from_);
        from_ = nullptr;
        pid_ = -1;
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
        return status_;
    }
    std::string stderrText() const {
        std::ifstream f(errPath());
        return std::string(std::istreambuf_iterator<char>(f), {});
    }

private:
    bool hasEmptyLabel(const std::string& id) {
        for (const auto& t : targets())
            if (t["id"] == id) return true;
        return false;
    }
    const std::string& errPath() const { return err_path_; }
    std::string err_path_;
    pid_t pid_ = -1;
    FILE* to_ = nullptr;
    FILE* from_ = nullptr;
    int status_ = -1;
};

std::vector<std::string> headless(const std::string& db = WW_KIOSK_DB, const std::string& size = "1920x1080") {
    return {"--headless", "--content", db, "--now", "2022-09-07T10:30", "--windowed", size, "--script", "-"};
}

std::string tmpPath(const std::string& name) {
    const fs::path dir = fs::path(WW_KIOSK_TMP) / ("run-" + std::to_string(getpid()));
    fs::create_directories(dir);
    return (dir / name).string();
}

// Copies `from` to `to` the way staff are told to: write next to it, then rename over it.
void atomicCopy(const std::string& from, const std::string& to) {
    const std::string tmp = to + ".part";
    fs::copy_file(from, tmp, fs::copy_options::overwrite_existing);
    fs::rename(tmp, to);
}

} // namespace

TEST_CASE("every screen can be visited from home and left again") {
    Kiosk k(headless());
    REQUIRE(k.state()["screen"] == "home");
    const std::pair<const char*, const char*> tiles[] = {{"nav.map", "map"},       {"nav.exhibitors", "exhibitors"},
                                                          {"nav.program", "program"}, {"nav.photos", "photos"},
                                                          {"nav.search", "search"},   {"nav.a11y", "a11y"}};
    for (const auto& [id, screen] : tiles) {
        CAPTURE(id);
        k.send(std::string("tap @") + id);
        json s = k.state();
        CHECK(s["screen"] == screen);
        CHECK(s["history"] == 1);
        k.send("tap @nav.back");
        CHECK(k.state()["screen"] == "home");
    }
    // Items inside the screens, then Home from deep down.
    k.send("tap @nav.exhibitors");
    k.send("tap @exhibitor.aktenwerk");
    json s = k.state();
    CHECK(s["screen"] == "exhibitor");
    CHECK(s["selected"] == "exhibitor.aktenwerk");
    k.send("tap @map.show");
    s = k.state();
    CHECK(s["screen"] == "map");
    CHECK(s["selected"] == "stand.A04");
    k.send("tap @nav.home");
    s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["history"] == 0);
    k.send("tap @nav.program");
    k.send("tap @talk.d1-s02");
    CHECK(k.state()["screen"] == "talk");
    k.send("tap @nav.home");
    k.send("tap @nav.photos");
    k.send("tap @gallery.fachausstellung");
    CHECK(k.state()["screen"] == "gallery");
    k.send("tap @photo.fachausstellung-01");
    s = k.state();
    CHECK(s["screen"] == "photo");
    CHECK(s["index"] == 1);
    k.send("tap @viewer.next");
    s = k.state();
    CHECK(s["index"] == 2);
    CHECK(s["history"] == 3); // paging through photos adds no history
    k.send("drag 1400 400 300 400 200");
    k.send("wait 500");
    CHECK(k.state()["index"] == 3);
    k.send("tap @nav.back");
    CHECK(k.state()["screen"] == "gallery");
    k.send("quit");
    CHECK(k.finish() == 0);
}

TEST_CASE("Back returns to a list at the scroll position it was left at") {
    Kiosk k(headless());
    k.send("tap @nav.exhibitors");
    k.send("drag 900 800 900 400 300");
    k.send("wait 2000");
    const json before = k.state();
    CHECK(before["scroll"].get<int>() > 100);
    // Open the first exhibitor card still on screen.
    std::string card;
    for (const auto& t : k.targets())
        if (t["id"].get<std::string>().rfind("exhibitor.", 0) == 0 && t["y"].get<int>() > 150) {
            card = t["id"];
            break;
        }
    REQUIRE(!card.empty());
    k.send("tap @" + card);
    CHECK(k.state()["screen"] == "exhibitor");
    k.send("tap @nav.back");
    const json after = k.state();
    CHECK(after["screen"] == "exhibitors");
    CHECK(after["scroll"] == before["scroll"]);
}

TEST_CASE("lists scroll with inertia and spring back from overscroll") {
    Kiosk k(headless());
    k.send("tap @nav.exhibitors");
    CHECK(k.state()["scroll"] == 0);
    k.send("drag 900 800 900 650 100"); // a quick throw keeps moving after the finger lifts
    const int at_release = k.state()["scroll"];
    k.send("wait 1500");
    const int settled = k.state()["scroll"];
    CHECK(settled > at_release);
    k.send("drag 900 300 900 1000 300"); // far past the top
    k.send("wait 1500");
    CHECK(k.state()["scroll"] == 0);
}

TEST_CASE("a finger that slides off a tile does not open it") {
    Kiosk k(headless());
    k.send("drag 200 450 200 600 200");
    CHECK(k.state()["screen"] == "home");
}

TEST_CASE("DE/EN switches the visible labels") {
    Kiosk k(headless());
    CHECK(k.label("nav.map") == "Lageplan");
    CHECK(k.label("nav.program") == "Programm");
    k.send("tap @lang.en");
    json s = k.state();
    CHECK(s["lang"] == "en");
    CHECK(k.label("nav.map") == "Floor plan");
    CHECK(k.label("nav.program") == "Programme");
    k.send("tap @nav.map");
    CHECK(k.state()["title"] == "Floor plan");
    CHECK(k.label("map.zoom-in") == "Zoom in");
    k.send("tap @lang.de");
    CHECK(k.state()["title"] == "Lageplan");
    CHECK(k.label("map.zoom-in") == "Vergrößern");
}

TEST_CASE("the idle warning appears and the reset restores every default") {
    Kiosk k(headless());
    k.send("tap @nav.search");
    k.send("type amt");
    k.send("tap @lang.en");
    k.send("tap @nav.a11y");
    k.send("tap @a11y.contrast");
    k.send("tap @a11y.low-reach");
    k.send("tap @a11y.text-150");
    json s = k.state();
    CHECK(s["text_scale"] == 150);
    CHECK(s["contrast"] == true);
    CHECK(s["search"] == "amt");
    k.send("wait 60000");
    CHECK(k.state()["idle_warning"] == false);
    k.send("wait 31000");
    s = k.state();
    CHECK(s["idle_warning"] == true);
    CHECK(s["idle_seconds_left"].get<int>() >= 20);
    CHECK(k.has("idle.continue"));
    CHECK_FALSE(k.has("nav.home")); // the page underneath takes no touches
    // Continue keeps everything as it was.
    k.send("tap @idle.continue");
    s = k.state();
    CHECK(s["idle_warning"] == false);
    CHECK(s["screen"] == "a11y");
    CHECK(s["lang"] == "en");
    // Now walk away for good.
    k.send("wait 95000");
    CHECK(k.state()["idle_warning"] == true);
    k.send("wait 31000");
    s = k.state();
    CHECK(s["idle_warning"] == false);
    CHECK(s["screen"] == "home");
    CHECK(s["lang"] == "de");
    CHECK(s["text_scale"] == 100);
    CHECK(s["contrast"] == false);
    CHECK(s["low_reach"] == false);
    CHECK(s["history"] == 0);
    CHECK(s["search"] == "");
    k.send("tap @nav.search");
    CHECK(k.state()["search"] == "");
}

TEST_CASE("a hot reload swaps content while a screen is open") {
    // A second edition of the sample: one exhibitor renamed, one gone.
    const std::string live = tmpPath("reload.db"), next = tmpPath("reload-next.db");
    fs::remove(next);
    {
        ww::ContentDb db(WW_KIOSK_DB);
        ww::Model m = db.load();
        std::vector<ww::ImageBlob> images;
        for (const ww::ImageInfo& info : m.images) images.push_back({info, db.imageBytes(info.key)});
        for (ww::Exhibitor& e : m.exhibitors)
            if (e.id == "aktenwerk") e.name = "Aktenwerk Neu GmbH";
        m.exhibitors.erase(std::remove_if(m.exhibitors.begin(), m.exhibitors.end(),
                                          [](const ww::Exhibitor& e) { return e.id == "formwerk"; }),
                           m.exhibitors.end());
        m.content_version = "reload-test-2";
        ww::writeDatabase(next, m, images);
    }
    atomicCopy(WW_KIOSK_DB, live);
    Kiosk k(headless(live));
    k.send("tap @nav.exhibitors");
    k.send("tap @exhibitor.formwerk");
    json s = k.state();
    REQUIRE(s["screen"] == "exhibitor");
    const std::string v1 = s["content_version"];
    fs::rename(next, live);
    k.send("wait 2500");
    s = k.state();
    CHECK(s["content_version"] == "reload-test-2");
    CHECK(s["content_version"] != v1);
    CHECK(s["screen"] == "exhibitors"); // its item is gone: one level up
    CHECK_FALSE(k.has("exhibitor.formwerk"));
    k.send("tap @exhibitor.aktenwerk");
    s = k.state();
    CHECK(s["screen"] == "exhibitor");
    CHECK(s["title"] == "Aktenwerk Neu GmbH");
}

TEST_CASE("a missing database shows the waiting screen and recovers when the file appears") {
    const std::string path = tmpPath("later.db");
    fs::remove(path);
    Kiosk k(headless(path));
    json s = k.state();
    CHECK(s["screen"] == "waiting");
    CHECK(k.has("wait.retry"));
    k.send("wait 5000");
    CHECK(k.state()["screen"] == "waiting");
    atomicCopy(WW_KIOSK_DB, path);
    k.send("wait 4000");
    s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(k.has("nav.map"));
}

TEST_CASE("a database that is not a content database never crashes the kiosk") {
    const std::string path = tmpPath("broken.db");
    {
        std::ofstream f(path);
        f << "this is not SQLite";
    }
    Kiosk k(headless(path));
    CHECK(k.state()["screen"] == "waiting");
    k.send("quit");
    CHECK(k.finish() == 0);
}

TEST_CASE("search finds by name from the on-screen keyboard") {
    Kiosk k(headless());
    k.send("tap @nav.search");
    k.send("type amt");
    json s = k.state();
    CHECK(s["query"] == "amt");
    std::set<std::string> results;
    for (const auto& r : s["results"]["ids"]) results.insert(r);
    CHECK(results.count("exhibitor.amt24") == 1);
    k.send("tap @kbd.clear");
    k.send("type muller"); // Müller without the umlaut key
    s = k.state();
    CHECK(s["results"]["count"] >= 1);
    k.send("tap @kbd.clear");
    k.send("type staatskanzlei");
    s = k.state();
    REQUIRE(s["results"]["ids"].size() >= 1);
    const std::string first = s["results"]["ids"][0];
    k.send("tap @" + first);
    CHECK(k.state()["screen"] != "search");
}

TEST_CASE("the programme shows event times whatever the machine's time zone") {
    Kiosk k(headless(), {"TZ=Pacific/Auckland"});
    json s = k.state();
    CHECK(s["clock"] == "2022-09-07T10:30");
    k.send("tap @nav.program");
    s = k.state();
    CHECK(s["day"] == "2022-09-07");
    CHECK(s["talks"].size() > 5);
    k.send("clock 2022-09-01T09:00"); // before the event: its first day
    k.send("tap @nav.home");
    k.send("tap @nav.program");
    CHECK(k.state()["day"] == "2022-09-07");
    k.send("clock 2022-09-08T09:00");
    k.send("tap @nav.home");
    k.send("tap @nav.program");
    s = k.state();
    CHECK(s["day"] == "2022-09-08");
    CHECK(s["clock"] == "2022-09-08T09:00");
}

TEST_CASE("every target stays on screen and finger-sized in portrait and at 200 % text") {
    for (const char* size : {"1920x1080", "1080x1920"}) {
        CAPTURE(size);
        Kiosk k(headless(WW_KIOSK_DB, size));
        int w = 0, h = 0;
        std::sscanf(size, "%dx%d", &w, &h);
        auto check = [&](const char* where) {
            CAPTURE(where);
            for (const auto& t : k.targets()) {
                CAPTURE(t.dump());
                CHECK(t["x"].get<int>() >= 0);
                CHECK(t["y"].get<int>() >= 0);
                CHECK(t["x"].get<int>() + t["w"].get<int>() <= w);
                CHECK(t["y"].get<int>() + t["h"].get<int>() <= h);
                // Map symbols and stands scale with the plan; everything else is finger-sized.
                const std::string id = t["id"];
                if (id.rfind("stand.", 0) && id.rfind("room.", 0) && id.rfind("poi.", 0) && id.rfind("photo.", 0) &&
                    id.rfind("exhibitor.", 0) && id.rfind("talk.", 0))
                    CHECK(t["h"].get<int>() >= 60);
            }
        };
        check("home");
        k.send("tap @nav.a11y");
        k.send("tap @a11y.text-200");
        CHECK(k.state()["text_scale"] == 200);
        check("a11y at 200 %");
        for (const char* nav : {"nav.map", "nav.exhibitors", "nav.program", "nav.photos", "nav.search"}) {
            k.send("tap @nav.home");
            k.send(std::string("tap @") + nav);
            check(nav);
        }
    }
}

TEST_CASE("script errors name the line and exit with status 2") {
    {
        Kiosk k(headless());
        k.send("state");
        k.readLine();
        k.send("frobnicate now");
        CHECK(k.finish() == 2);
        CHECK(k.stderrText().find("stdin:2: unknown command 'frobnicate'") != std::string::npos);
    }
    {
        Kiosk k(headless());
        k.send("# a comment");
        k.send("tap @exhibitor.nobody");
        CHECK(k.finish() == 2);
        CHECK(k.stderrText().find("stdin:2: no target 'exhibitor.nobody' on screen") != std::string::npos);
    }
}

TEST_CASE("the benchmark tours every screen and reports frame times") {
    const std::string cmd = std::string(WW_KIOSK_BIN) + " --headless --bench --content " + WW_KIOSK_DB + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[8192];
    std::string out;
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    CHECK(pclose(p) == 0);
    const json j = json::parse(out);
    CHECK(j["frame_ms"]["median"].get<double>() > 0);
    CHECK(j["frame_ms"]["p99"].get<double>() >= j["frame_ms"]["median"].get<double>());
    CHECK(j["startup_ms"].get<double>() > 0);
    CHECK(j["peak_rss_mb"].get<double>() > 0);
    std::set<std::string> screens;
    for (const auto& s : j["screens"]) screens.insert(s);
    for (const char* s : {"home", "map", "exhibitors", "exhibitor", "program", "talk", "photos", "gallery", "photo",
                          "search", "a11y"})
        CHECK_MESSAGE(screens.count(s) == 1, s);
}

// [SECTION] Windowed, under a virtual display

TEST_CASE("Xvfb smoke: the window renders real, non-uniform screens") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("skipped: xvfb-run is not installed (apt-get install xvfb xauth)");
        return;
    }
    const std::string dir = tmpPath("xvfb");
    fs::create_directories(dir);
    const std::string script = dir + "/smoke.txt";
    {
        std::ofstream f(script);
        f << "wait 300\nscreenshot " << dir << "/home.png 960\n"
          << "tap @nav.map\nwait 300\nscreenshot " << dir << "/map.png 960\n"
          << "tap @nav.home\ntap @nav.photos\nwait 2000\nscreenshot " << dir << "/photos.png 960\n"
          << "state\nquit\n";
    }
    for (const char* name : {"home", "map", "photos"}) fs::remove(dir + "/" + name + ".png");
    const std::string cmd = "xvfb-run -a -s \"-screen 0 1920x1080x24\" " + std::string(WW_KIOSK_BIN) +
                            " --windowed 1920x1080 --content " + WW_KIOSK_DB + " --script " + script + " > " + dir +
                            "/out.txt 2> " + dir + "/err.txt";
    const int rc = std::system(cmd.c_str());
    std::ifstream err(dir + "/err.txt");
    const std::string err_text((std::istreambuf_iterator<char>(err)), {});
    REQUIRE_MESSAGE(rc == 0, err_text);
    for (const char* name : {"home", "map", "photos"}) {
        CAPTURE(name);
        int w = 0, h = 0, n = 0;
        unsigned char* px = stbi_load((dir + "/" + name + ".png").c_str(), &w, &h, &n, 3);
        REQUIRE(px);
        CHECK(w == 960);
        CHECK(h == 540);
        // Not blank, not one colour: count distinct colours and the spread of brightness.
        std::set<unsigned> colours;
        double sum = 0, sum2 = 0;
        const size_t count = static_cast<size_t>(w) * h;
        for (size_t i = 0; i < count; ++i) {
            const unsigned r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2];
            colours.insert((r << 16) | (g << 8) | b);
            const double y = 0.299 * r + 0.587 * g + 0.114 * b;
            sum += y;
            sum2 += y * y;
        }
        stbi_image_free(px);
        const double mean = sum / count, sd = std::sqrt(sum2 / count - mean * mean);
        CHECK(colours.size() > 100);
        CHECK(sd > 10);
        CHECK(mean > 20); // not black
    }
}

TEST_CASE("Xvfb: a slideshow fade redraws its tile alone and leaves the rest of the screen exact") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("skipped: xvfb-run is not installed (apt-get install xvfb xauth)");
        return;
    }
    const std::string dir = tmpPath("xvfb-fade");
    fs::create_directories(dir);
    const std::string script = dir + "/fade.txt";
    {
        // The first photo holds for 15 s, then fades for 1.2 s: the second shot is taken mid-fade, after
        // frames that drew the tile's rectangle alone into the kept back buffer.
        std::ofstream f(script);
        f << "wait 300\nscreenshot " << dir << "/hold.png\ntargets\nwait 15600\nscreenshot " << dir
          << "/fade.png\nwait 3000\nscreenshot " << dir << "/next.png\nquit\n";
    }
    for (const char* name : {"hold", "fade", "next"}) fs::remove(dir + "/" + name + ".png");
    const std::string cmd = "WEGWEISER_LOG=debug xvfb-run -a -s \"-screen 0 1920x1080x24\" " + std::string(WW_KIOSK_BIN) +
                            " --windowed 1920x1080 --content " + WW_KIOSK_DB +
                            " --now 2022-09-07T10:30 --script " + script + " > " + dir + "/out.txt 2> " + dir + "/err.txt";
    const int rc = std::system(cmd.c_str());
    std::ifstream err(dir + "/err.txt");
    const std::string err_text((std::istreambuf_iterator<char>(err)), {});
    REQUIRE_MESSAGE(rc == 0, err_text);
    std::ifstream out(dir + "/out.txt");
    std::string line;
    nlohmann::json tile;
    while (std::getline(out, line)) {
        if (line.find("\"targets\"") == std::string::npos) continue;
        const nlohmann::json j = nlohmann::json::parse(line);
        for (const auto& t : j["targets"])
            if (t["id"] == "nav.photos") tile = t;
    }
    REQUIRE_MESSAGE(tile.is_object(), "nav.photos not among the targets");
    const int tx = tile["x"], ty = tile["y"], tw = tile["w"], th = tile["h"];

    int w = 0, h = 0, n = 0;
    unsigned char* hold = stbi_load((dir + "/hold.png").c_str(), &w, &h, &n, 3);
    unsigned char* fade = stbi_load((dir + "/fade.png").c_str(), &w, &h, &n, 3);
    unsigned char* next = stbi_load((dir + "/next.png").c_str(), &w, &h, &n, 3);
    REQUIRE(hold);
    REQUIRE(fade);
    REQUIRE(next);
    REQUIRE(w == 1920);
    size_t outside_diff = 0, inside_diff = 0, next_diff = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t i = (static_cast<size_t>(y) * w + x) * 3;
            const bool differs = std::memcmp(hold + i, fade + i, 3) != 0;
            const bool in_tile = x >= tx && x < tx + tw && y >= ty && y < ty + th;
            (in_tile ? inside_diff : outside_diff) += differs;
            if (in_tile && std::memcmp(hold + i, next + i, 3) != 0) ++next_diff;
        }
    stbi_image_free(hold);
    stbi_image_free(fade);
    stbi_image_free(next);
    CHECK(outside_diff == 0);   // nothing outside the tile changed or was left stale
    CHECK(inside_diff > 1000);  // the fade is under way
    CHECK(next_diff > 1000);    // and the next photo is shown after it
    // And it really was drawn that way (a GL without GLX_MESA_copy_sub_buffer draws whole frames).
    CHECK(err_text.find("partial frames") != std::string::npos);
}
