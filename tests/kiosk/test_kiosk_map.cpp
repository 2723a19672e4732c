// The floor plan and wayfinding as a visitor uses them, through the headless kiosk's script interface
// on the sample content: tapping stands, zooming, panning, switching levels, routes across levels with
// the step-free variant, the plan turned to the kiosk's facing, and routes asked for by other screens.
// Variants of the sample (another facing, an unreachable stand) are copies of its database with one
// row changed, so no test has to build content.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string tmpFile(const std::string& name) {
    return std::string(WW_KIOSK_TMP) + "/map-" + std::to_string(getpid()) + "-" + name;
}

// Runs one script in a headless kiosk and returns the JSON lines it printed (`state`, `targets`).
std::vector<json> run(const std::string& script, const std::string& db = WW_KIOSK_DB, const std::string& extra = "",
                      const std::string& size = "1920x1080") {
    static int counter = 0;
    const std::string path = tmpFile("script-" + std::to_string(++counter) + ".txt");
    {
        std::ofstream f(path);
        f << script << "\nquit\n";
    }
    const std::string cmd = std::string(WW_KIOSK_BIN) + " --headless --content " + db +
                            " --now 2022-09-07T10:30 --windowed " + size + " " + extra + " --script " + path +
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

// A copy of the sample database with `sql` applied.
std::string variant(const std::string& name, const std::string& sql) {
    const std::string path = tmpFile(name + ".db");
    fs::copy_file(WW_KIOSK_DB, path, fs::copy_options::overwrite_existing);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
    return path;
}

bool hasTarget(const json& targets, const std::string& prefix) {
    for (const auto& t : targets["targets"])
        if (t["id"].get<std::string>().rfind(prefix, 0) == 0) return true;
    return false;
}

std::string joined(const json& steps) {
    std::string s;
    for (const auto& t : steps) s += t.get<std::string>() + "\n";
    return s;
}

} // namespace

TEST_CASE("tapping a stand shows its exhibitor card with Route and the way to the exhibitor") {
    // Stands are targets from the zoom step that makes them finger-sized (the whole level is too small).
    const auto out = run("tap @nav.map\ntap @map.zoom-in\nwait 800\ntap @stand.C04\nstate\ntargets\ntap @route.start\nstate");
    REQUIRE(out.size() == 3);
    CHECK(out[0]["screen"] == "map");
    CHECK(out[0]["selected"] == "stand.C04");
    CHECK(out[0]["route"].is_null());
    CHECK(hasTarget(out[1], "route.start"));
    CHECK(hasTarget(out[1], "exhibitor."));
    const json& r = out[2]["route"];
    REQUIRE(r.is_object());
    CHECK(r["ok"] == true);
    CHECK(r["target"] == "stand:C04");
    CHECK(r["levels"].size() == 1);
    CHECK(r["distance_m"].get<double>() > 0);
    CHECK(r["minutes"].get<int>() >= 1);
}

TEST_CASE("a route to the first floor is shown level by level, step-free by lift") {
    // The stand by search and "show on map", as a visitor finds it.
    const auto out = run("tap @nav.search\ntype D01\ntap @exhibitor.hochschule-elbtal\ntap @map.show\ntap @route.start\nstate\n"
                         "tap @route.step-free\nstate\n"
                         "tap @route.next-level\nstate\n"
                         "tap @route.prev-level\nstate\n"
                         "tap @route.clear\nstate");
    REQUIRE(out.size() == 5);
    const json& r = out[0]["route"];
    REQUIRE(r.is_object());
    CHECK(r["ok"] == true);
    CHECK(r["levels"] == json::array({"eg", "og"}));
    CHECK(r["step_index"] == 0);
    CHECK(r["step_free"] == false);
    CHECK(out[0]["level"] == "eg"); // the first part starts at the kiosk
    // Not shorter than the straight line on the ground floor from the foyer kiosk to the stairs.
    CHECK(r["distance_m"].get<double>() > 10);

    const json& sf = out[1]["route"];
    CHECK(sf["step_free"] == true);
    CHECK(sf["ok"] == true);
    CHECK(joined(sf["steps"]).find("Aufzug") != std::string::npos);
    CHECK(sf["minutes"].get<int>() >= r["minutes"].get<int>());

    CHECK(out[2]["level"] == "og");
    CHECK(out[2]["route"]["step_index"] == 1);
    CHECK(joined(out[2]["route"]["steps"]).find("D01") != std::string::npos);
    CHECK(out[3]["level"] == "eg");
    CHECK(out[3]["route"]["step_index"] == 0);
    CHECK(out[4]["route"].is_null());
    CHECK(out[4]["selected"] == "stand.D01");
}

TEST_CASE("zoom buttons, double tap, drag and the level switcher change the view") {
    const auto out = run("tap @nav.map\nstate\n"
                         "tap @map.zoom-in\nstate\ntap @map.zoom-in\nstate\ntap @map.zoom-out\nstate\n"
                         "tap @map.reset\nstate\n"
                         "wait 600\ntap 600 500\ntap 600 500\nwait 600\nstate\n"
                         "drag 700 600 900 700 300\nwait 100\nstate\n"
                         "tap @level.og\nstate");
    REQUIRE(out.size() == 8);
    CHECK(out[0]["zoom"] == 1.0);
    CHECK(out[1]["zoom"] == 2.0);
    CHECK(out[2]["zoom"] == 4.0);
    CHECK(out[3]["zoom"] == 2.0);
    CHECK(out[4]["zoom"] == 1.0);
    CHECK(out[4]["pan"] == json::array({0, 0}));
    // Double tap on the whole level: each tap is a zoom step (the first on the plan's "zoom in here",
    // the second as the double tap), and the tapped point moves towards the centre.
    CHECK(out[5]["zoom"] == 4.0);
    CHECK(out[5]["pan"][0].get<int>() != 0);
    // The drag moved the plan with the finger (right and down).
    CHECK(out[6]["pan"][0].get<int>() > out[5]["pan"][0].get<int>() + 100);
    CHECK(out[6]["pan"][1].get<int>() > out[5]["pan"][1].get<int>() + 50);
    CHECK(out[7]["level"] == "og");
    CHECK(out[7]["zoom"] == 1.0);
}

TEST_CASE("the plan turns to the kiosk's facing unless the kiosk is north-up") {
    const std::string db = variant("facing", "UPDATE kiosks SET facing = 90 WHERE id = 'fachausstellung';"
                                             "UPDATE kiosks SET facing = 180, north_up = 1 WHERE id = 'og-treppe';");
    auto out = run("tap @nav.map\nstate", db, "--kiosk fachausstellung");
    REQUIRE(out.size() == 1);
    CHECK(out[0]["rotation"] == 90.0);
    CHECK(out[0]["north_up"] == false);
    out = run("tap @nav.map\nstate", db, "--kiosk og-treppe");
    CHECK(out[0]["rotation"] == 0.0);
    CHECK(out[0]["level"] == "og");
    out = run("tap @nav.map\nstate");
    CHECK(out[0]["rotation"] == 0.0);
}

TEST_CASE("an unreachable stand shows the router's message instead of a route") {
    // The stand's front moved far outside the building: no floor anywhere near it.
    const std::string db = variant("unreachable", "UPDATE stands SET front_x = 900, front_y = 900 WHERE id = 'C04';");
    const auto out = run("tap @nav.map\ntap @map.zoom-in\nwait 800\ntap @stand.C04\ntap @route.start\nstate\ntargets", db);
    REQUIRE(out.size() == 2);
    const json& r = out[0]["route"];
    REQUIRE(r.is_object());
    CHECK(r["ok"] == false);
    CHECK(!r["problem"].get<std::string>().empty());
    CHECK(r["message"].get<std::string>().find("Information") != std::string::npos);
    CHECK(hasTarget(out[1], "route.clear"));
    CHECK(!hasTarget(out[1], "route.next-level"));
}

TEST_CASE("other screens ask for a route: stand, room and point of interest") {
    // The exhibitor card's Route button.
    auto out = run("tap @nav.exhibitors\ntap @exhibitor.aktenwerk\ntap @route.start\nstate");
    REQUIRE(out.size() == 1);
    CHECK(out[0]["screen"] == "map");
    CHECK(out[0]["selected"] == "stand.A04");
    REQUIRE(out[0]["route"].is_object());
    CHECK(out[0]["route"]["target"] == "stand:A04");
    CHECK(out[0]["route"]["ok"] == true);
    // Rooms and points of interest from the plan itself.
    out = run("tap @nav.map\ntap @room.saal-dresden\nstate\ntap @route.start\nstate");
    CHECK(out[0]["selected"] == "room.saal-dresden");
    CHECK(out[1]["route"]["target"] == "room:saal-dresden");
    CHECK(out[1]["route"]["ok"] == true);
    out = run("tap @nav.map\ntap @poi.garderobe\ntap @route.start\nstate");
    CHECK(out[0]["route"]["target"] == "poi:garderobe");
    CHECK(out[0]["route"]["ok"] == true);
}

TEST_CASE("low reach makes routes step-free; a session reset clears the route") {
    const auto out = run("tap @nav.a11y\ntap @a11y.low-reach\ntap @nav.home\ntap @nav.search\ntype B05\n"
                         "tap @exhibitor.rathaus-app-erzgebirge\ntap @map.show\ntap @route.start\nstate\nwait 125000\nstate\ntap @nav.map\nstate");
    REQUIRE(out.size() == 3);
    CHECK(out[0]["route"]["step_free"] == true);
    CHECK(out[1]["screen"] == "home");
    CHECK(out[2]["route"].is_null());
    CHECK(out[2]["selected"].is_null());
}

namespace {

// One text column of one row of the sample database.
std::string dbText(const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(WW_KIOSK_DB, &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char ch : s) q += ch == '\'' ? std::string("''") : std::string(1, ch);
    return q + "'";
}

} // namespace

TEST_CASE("a talk's Route button draws the way to its room, at least as long as the straight line") {
    // The sample's workshop d1-w03 was moved to a larger room: the way must lead to the new one.
    const std::string talk = "talk.d1-w03";
    auto out = run("tap @nav.program\ntargets");
    REQUIRE(out.size() == 1);
    REQUIRE(hasTarget(out[0], talk));
    INFO("talk: " << talk);
    out = run("tap @nav.program\ntap @" + talk + "\ntargets\ntap @route.start\nstate");
    REQUIRE(out.size() == 2);
    CHECK(hasTarget(out[0], "map.show"));
    CHECK(hasTarget(out[0], "route.start"));
    CHECK(out[1]["screen"] == "map");
    const json& r = out[1]["route"];
    REQUIRE(r.is_object());
    CHECK(r["ok"] == true);
    // The room the talk is in now (after any move), as the content says.
    const std::string room = dbText("SELECT room FROM talks WHERE id = " + quoted(talk.substr(5)));
    REQUIRE_FALSE(room.empty());
    CHECK(room != dbText("SELECT moved_from FROM talks WHERE id = " + quoted(talk.substr(5))));
    CHECK(r["target"] == "room:" + room);
    CHECK(out[1]["selected"] == "room." + room);
    const double length = r["length_m"].get<double>();
    CHECK(length > 0);

    // Plausibility: no way is shorter than the straight line from the kiosk to the nearest door.
    const std::string kiosk = r["from"].get<std::string>();
    const double kx = std::stod(dbText("SELECT x FROM kiosks WHERE id = " + quoted(kiosk)));
    const double ky = std::stod(dbText("SELECT y FROM kiosks WHERE id = " + quoted(kiosk)));
    std::string doors = dbText("SELECT doors FROM rooms WHERE id = " + quoted(room));
    for (char& ch : doors)
        if (ch == ';') ch = ' ';
    std::istringstream in(doors);
    double x, y, width, step_free, straight = 1e9, door_width = 0;
    while (in >> x >> y >> width >> step_free)
        if (std::hypot(x - kx, y - ky) < straight) {
            straight = std::hypot(x - kx, y - ky);
            door_width = width;
        }
    REQUIRE(straight < 1e9);
    INFO("length " << length << " m, straight line " << straight << " m");
    // The length is rounded to 0.1 m and the way may end anywhere in the door's width.
    CHECK(length + 0.05 + door_width * 0.5 >= straight);
    CHECK(length < straight * 4 + 50); // and not an absurd detour
}
