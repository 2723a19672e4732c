// The live programme as visitors meet it, through the kiosk's script interface: now and next per
// room at given clocks, the delayed, cancelled and moved talks of the sample's changes.csv wherever
// they appear, day switching, filters and their counts, "Jetzt" after a drag, the changes list, a
// hot reload bringing a new change, the machine's TZ not mattering, and the days outside the event.
#include <doctest/doctest.h>

#include "content/build.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A kiosk under test, fed one script line at a time; answers come back as JSON lines.
class Kiosk {
public:
    Kiosk(const std::string& db, const std::string& size = "1920x1080", const std::vector<std::string>& env = {}) {
        int to_child[2], from_child[2];
        REQUIRE(pipe(to_child) == 0);
        REQUIRE(pipe(from_child) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(to_child[0], 0);
            dup2(from_child[1], 1);
            close(to_child[1]);
            close(from_child[0]);
            if (std::FILE* err = std::freopen((std::string(WW_KIOSK_TMP) + "/program-stderr.log").c_str(), "a", stderr))
                (void)err;
            for (const std::string& e : env) {
                const size_t eq = e.find('=');
                setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1);
            }
            execl(WW_KIOSK_BIN, WW_KIOSK_BIN, "--headless", "--content", db.c_str(), "--now", "2022-09-07T10:30",
                  "--windowed", size.c_str(), "--script", "-", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(to_child[0]);
        close(from_child[1]);
        in_ = fdopen(to_child[1], "w");
        out_ = fdopen(from_child[0], "r");
    }
    ~Kiosk() {
        if (in_) std::fclose(in_);
        int st = 0;
        if (pid_ > 0) waitpid(pid_, &st, 0);
        if (out_) std::fclose(out_);
    }
    void send(const std::string& line) {
        std::fputs((line + "\n").c_str(), in_);
        std::fflush(in_);
    }
    json ask(const std::string& cmd) {
        send(cmd);
        std::string s;
        char buf[1 << 16];
        while (std::fgets(buf, sizeof buf, out_)) {
            s += buf;
            if (s.back() == '\n') break;
        }
        REQUIRE_MESSAGE(!s.empty(), "the kiosk did not answer '" << cmd << "'");
        return json::parse(s);
    }
    json state() { return ask("state"); }
    std::vector<json> targets() { return ask("targets")["targets"].get<std::vector<json>>(); }
    bool has(const std::string& id) {
        for (const json& t : targets())
            if (t["id"] == id) return true;
        return false;
    }

private:
    pid_t pid_ = -1;
    std::FILE* in_ = nullptr;
    std::FILE* out_ = nullptr;
};

// The sample programme with the sample's changes.csv, built into a temporary folder (without photos
// and logos, so it takes a fraction of a second). `changes` replaces changes.csv when given.
std::string buildContent(const std::string& name, const std::string& changes = {}) {
    const fs::path dir = fs::path(WW_KIOSK_TMP) / ("program-" + std::to_string(getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path src = fs::path(WW_SOURCE_DIR) / "content";
    for (const char* f : {"event.toml", "venue.toml", "topics.toml", "programme.csv", "stands.csv", "changes.csv"})
        fs::copy_file(src / f, dir / f);
    if (!changes.empty()) std::ofstream(dir / "changes.csv") << changes;
    // Two exhibitors whose people speak: their organisations link to them from the talk.
    std::ofstream(dir / "exhibitors.csv")
        << "id,name,short_name,stands,topics,description_de,description_en,website,email,phone,logo\n"
           "sakd,SAKD – Sächsische Anstalt für kommunale Datenverarbeitung,SAKD,A01,ozg,Kommunale IT.,,,,,\n"
           "formwerk,Formwerk Dresden GmbH,Formwerk,A02,ozg,Online-Formulare.,,,,,\n";
    ww::Diagnostics diags;
    ww::Compiled compiled = ww::compileContent(dir.string(), diags);
    std::string problems;
    for (const ww::Diagnostic& d : diags.items())
        if (d.severity == ww::Severity::Error) problems += ww::Diagnostics::format(d) + "\n";
    INFO(problems);
    REQUIRE(!diags.hasErrors());
    const std::string db = (dir / "content.db").string();
    ww::replaceDatabase(db, compiled.content.model, compiled.images);
    return db;
}

const std::string& sampleDb() {
    static const std::string db = buildContent("sample");
    return db;
}

json roomEntry(const json& s, const std::string& room) {
    for (const json& r : s["rooms"])
        if (r["room"] == room) return r;
    return json();
}

json talkEntry(const json& list, const std::string& id) {
    for (const json& t : list)
        if (t["id"] == id) return t;
    return json();
}

std::vector<std::string> ids(const json& list) {
    std::vector<std::string> out;
    for (const json& t : list) out.push_back(t["id"]);
    return out;
}

} // namespace

TEST_CASE("now and next per room follow the clock, on the programme and the home teaser") {
    Kiosk k(sampleDb());
    json home = k.state();
    REQUIRE(home["screen"] == "home");
    bool saal = false;
    for (const json& r : home["now_on_stage"])
        if (r["room"] == "saal-dresden") saal = r["now"] == "d1-s02";
    CHECK(saal);

    k.send("tap @nav.program");
    json s = k.state();
    CHECK(s["view"] == "now");
    CHECK(s["day"] == "2022-09-07");
    json r = roomEntry(s, "saal-dresden");
    CHECK(r["now"] == "d1-s02");
    CHECK(r["next"] == "d1-s03");
    CHECK(r["minutes_left"] == 15);
    r = roomEntry(s, "innovationslounge");
    CHECK(r["now"].is_null());
    CHECK(r["next"] == "d1-l01");
    CHECK(r["next_text"] == "in 30 Min.");
    CHECK(k.has("talk.d1-l01"));

    // The impulse runs; the cancelled one is a notice at the lounge's door while its slot lasts.
    k.send("clock 2022-09-07T14:40");
    s = k.state();
    r = roomEntry(s, "innovationslounge");
    CHECK(r["now"] == "d1-l08");
    CHECK(r["next"] == "d1-l10");
    REQUIRE(r["notices"].size() == 1);
    CHECK(r["notices"][0]["id"] == "d1-l09");
    CHECK(r["notices"][0]["text"] == "Entfällt");
    CHECK(k.has("notice.innovationslounge.d1-l09"));
    // The moved workshop: running in its new room, noted at the one it left.
    k.send("clock 2022-09-07T15:40");
    s = k.state();
    CHECK(roomEntry(s, "galerie-wissenschaft")["now"] == "d1-w03");
    const json moritzburg = roomEntry(s, "raum-moritzburg");
    REQUIRE(moritzburg.is_object());
    CHECK(ids(moritzburg["notices"]) == std::vector<std::string>{"d1-w03"});
    // The delayed review: "next" in the hall says when it really starts.
    k.send("clock 2022-09-07T16:50");
    s = k.state();
    r = roomEntry(s, "saal-dresden");
    CHECK(r["now"] == "d1-s11");
    CHECK(r["next"] == "d1-s12");
    CHECK(r["next_status"] == "delayed");
    CHECK(r["minutes_until_next"] == 25);
}

TEST_CASE("delayed, cancelled and moved talks say so in the list, the detail and the state") {
    Kiosk k(sampleDb());
    k.send("tap @nav.program");
    k.send("tap @program.view.list");
    json s = k.state();
    CHECK(s["view"] == "list");
    const json delayed = talkEntry(s["talks"], "d1-s12");
    REQUIRE(delayed.is_object());
    CHECK(delayed["status"] == "delayed");
    CHECK(delayed["status_text"] == "Beginnt 15 Min. später");
    CHECK(delayed["start"] == "2022-09-07T17:15");
    CHECK(delayed["planned_start"] == "2022-09-07T17:00");
    CHECK(talkEntry(s["talks"], "d1-l09")["status_text"] == "Entfällt");
    CHECK(talkEntry(s["talks"], "d1-w03")["status_text"] == "Verlegt nach Galerie Wissenschaft");
    CHECK(talkEntry(s["talks"], "d1-w03")["room"] == "galerie-wissenschaft");

    k.send("tap @program.changes");
    k.send("tap @talk.d1-l09");
    s = k.state();
    CHECK(s["screen"] == "talk");
    CHECK(s["talk"] == "d1-l09");
    CHECK(s["status"] == "cancelled");
    CHECK(s["status_text"] == "Entfällt");
    CHECK(s["live"] == "cancelled");
    k.send("tap @lang.en");
    CHECK(k.state()["status_text"] == "Cancelled");
    k.send("tap @lang.de");

    k.send("tap @nav.back");
    k.send("tap @talk.d1-s12");
    s = k.state();
    CHECK(s["status"] == "delayed");
    CHECK(s["start"] == "2022-09-07T17:15");
    CHECK(s["end"] == "2022-09-07T17:45");
    CHECK(s["planned_start"] == "2022-09-07T17:00");
    CHECK(s["live"] == "upcoming");
}

TEST_CASE("the talk detail leads to the room on the plan and to the speaker's exhibitor") {
    Kiosk k(sampleDb());
    k.send("clock 2022-09-07T11:20");
    k.send("tap @nav.program");
    k.send("tap @talk.d1-s04"); // Sabine Weiß (SAKD); Stefan Wünsche (Formwerk Dresden GmbH)
    json s = k.state();
    REQUIRE(s["screen"] == "talk");
    CHECK(k.has("exhibitor.sakd"));
    CHECK(k.has("exhibitor.formwerk"));
    k.send("tap @exhibitor.formwerk");
    s = k.state();
    CHECK(s["screen"] == "exhibitor");
    CHECK(s["selected"] == "exhibitor.formwerk");
    k.send("tap @nav.back");
    k.send("tap @map.show");
    s = k.state();
    CHECK(s["screen"] == "map");
    CHECK(s["selected"] == "room.saal-dresden");
}

TEST_CASE("the day switcher, filters with counts, and Jetzt after a drag") {
    Kiosk k(sampleDb());
    k.send("tap @nav.program");
    k.send("tap @program.view.timeline");
    json s = k.state();
    CHECK(s["view"] == "timeline");
    CHECK(s["timeline"]["now_visible"] == true);
    CHECK(s["timeline"]["lanes"].size() >= 4);
    // Dragged far away from now, "Jetzt" brings the now line back.
    for (int i = 0; i < 3; ++i) {
        k.send("drag 1000 950 1000 250 250");
        k.send("wait 2500");
    }
    s = k.state();
    CHECK(s["timeline"]["now_visible"] == false);
    k.send("tap @program.now");
    s = k.state();
    CHECK(s["timeline"]["now_visible"] == true);

    // Filters: the language chips count the sessions, and choosing one changes the topic counts.
    k.send("tap @program.filter");
    s = k.state();
    const int total = s["talk_total"];
    CHECK(s["talk_count"] == total);
    const json before = s["filter_counts"];
    REQUIRE(before.contains("filter.lang.en"));
    const int en = before["filter.lang.en"];
    CHECK(en > 0);
    CHECK(en < total);
    k.send("tap @filter.lang.en");
    s = k.state();
    CHECK(s["filters"]["langs"] == json::array({"en"}));
    CHECK(s["talk_count"] == en);
    CHECK(s["filter_counts"] != before);
    int topic_sum = 0;
    for (auto it = s["filter_counts"].begin(); it != s["filter_counts"].end(); ++it)
        if (it.key().rfind("filter.topic.", 0) == 0) topic_sum += it.value().get<int>();
    CHECK(topic_sum <= en);
    const int sovereignty = s["filter_counts"]["filter.topic.souveraenitaet"];
    CHECK(sovereignty >= 1);
    k.send("tap @filter.topic.souveraenitaet");
    s = k.state();
    CHECK(s["talk_count"] == sovereignty);
    CHECK(s["filters"]["topics"] == json::array({"souveraenitaet"}));
    k.send("tap @filter.clear");
    s = k.state();
    CHECK(s["talk_count"] == total);
    CHECK(s["filters"]["langs"].empty());

    // The second day: only its talks; "Jetzt & danach" belongs to today only.
    k.send("tap @day.2022-09-08");
    s = k.state();
    CHECK(s["day"] == "2022-09-08");
    CHECK(s["today"] == false);
    CHECK(s["talk_total"].get<int>() > 10);
    for (const json& t : s["talks"]) CHECK(t["id"].get<std::string>().rfind("d2-", 0) == 0);
    CHECK_FALSE(k.has("program.view.now"));
    // "Jetzt" goes back to today.
    k.send("tap @program.now");
    s = k.state();
    CHECK(s["day"] == "2022-09-07");
    CHECK(s["timeline"]["now_visible"] == true);
}

TEST_CASE("the changes list shows the day's changes and opens each talk") {
    Kiosk k(sampleDb());
    k.send("tap @nav.program");
    json s = k.state();
    CHECK(s["changes"] == 3);
    k.send("tap @program.changes");
    s = k.state();
    CHECK(s["screen"] == "program");
    CHECK(s["view"] == "changes");
    CHECK(s["title"] == "Programmänderungen");
    const std::set<std::string> got = [&] {
        std::set<std::string> out;
        for (const json& t : s["changes"]) out.insert(t["id"].get<std::string>());
        return out;
    }();
    CHECK(got == std::set<std::string>{"d1-s12", "d1-l09", "d1-w03"});
    k.send("tap @talk.d1-w03");
    s = k.state();
    CHECK(s["screen"] == "talk");
    CHECK(s["status"] == "moved");
    CHECK(s["moved_from"] == "raum-moritzburg");
    k.send("tap @nav.back");
    CHECK(k.state()["view"] == "changes");
    k.send("tap @nav.back");
    CHECK(k.state()["view"] == "now");
}

TEST_CASE("a rebuilt database with a new change reaches the open changes list") {
    const std::string live = buildContent("live");
    Kiosk k(live);
    k.send("tap @nav.program");
    k.send("tap @program.changes");
    REQUIRE(k.state()["changes"].size() == 3);
    // Staff add a delay; the new database is written elsewhere and renamed over the live one.
    const std::string next = buildContent(
        "next", "talk,status,delay,room,note_de,note_en\n"
                "d1-s12,delayed,15,,,\n"
                "d1-l09,cancelled,,,,\n"
                "d1-w03,moved,,galerie-wissenschaft,,\n"
                "d1-e02,delayed,10,,Technische Probleme.,Technical problems.\n");
    fs::rename(next, live);
    k.send("wait 2500");
    json s = k.state();
    CHECK(s["view"] == "changes");
    REQUIRE(s["changes"].size() == 4);
    const json e02 = talkEntry(s["changes"], "d1-e02");
    CHECK(e02["status_text"] == "Beginnt 10 Min. später");
    CHECK(e02["start"] == "2022-09-07T12:10");
    CHECK(k.has("talk.d1-e02"));
}

TEST_CASE("the machine's time zone changes no time a visitor sees") {
    auto visible = [](const std::vector<std::string>& env) {
        Kiosk k(sampleDb(), "1920x1080", env);
        k.send("tap @nav.program");
        json s = k.state();
        json out = {{"clock", s["clock"]}, {"rooms", s["rooms"]}, {"talks", s["talks"]}};
        k.send("tap @talk.d1-s02");
        out["talk"] = k.state()["start"];
        return out;
    };
    const json utc = visible({"TZ=UTC"});
    const json ny = visible({"TZ=America/New_York"});
    CHECK(utc["clock"] == "2022-09-07T10:30");
    CHECK(utc["talk"] == "2022-09-07T10:00");
    CHECK(ny == utc);
}

TEST_CASE("outside the event days the nearest day is shown with a note") {
    Kiosk k(sampleDb());
    k.send("clock 2022-09-20T10:00");
    k.send("tap @nav.program");
    json s = k.state();
    CHECK(s["day"] == "2022-09-08");
    CHECK(s["view"] == "timeline");
    CHECK(s["talk_total"].get<int>() > 10);
    CHECK(s["note"] == "Die Veranstaltung ist vorbei. Programm vom Donnerstag, 8. September.");
    CHECK(k.has("talk.d2-s01"));
    CHECK_FALSE(k.has("program.now"));
    k.send("tap @nav.home");
    k.send("clock 2022-09-01T09:00");
    k.send("tap @nav.program");
    s = k.state();
    CHECK(s["day"] == "2022-09-07");
    CHECK(s["note"] == "Die Veranstaltung beginnt am Mittwoch, 7. September.");
}

TEST_CASE("programme controls stay finger-sized and on screen in portrait and at 200 % text") {
    for (const char* size : {"1920x1080", "1080x1920"}) {
        CAPTURE(size);
        Kiosk k(sampleDb(), size);
        int w = 0, h = 0;
        std::sscanf(size, "%dx%d", &w, &h);
        k.send("tap @nav.a11y");
        k.send("tap @a11y.text-200");
        k.send("tap @nav.home");
        k.send("tap @nav.program");
        auto check = [&](const char* where) {
            CAPTURE(where);
            for (const json& t : k.targets()) {
                CAPTURE(t.dump());
                CHECK(t["x"].get<int>() >= 0);
                CHECK(t["y"].get<int>() >= 0);
                CHECK(t["x"].get<int>() + t["w"].get<int>() <= w);
                CHECK(t["y"].get<int>() + t["h"].get<int>() <= h);
                const std::string id = t["id"];
                // Timeline cards are as long as their talks; everything else takes a finger.
                if (id.rfind("talk.", 0) && id.rfind("moved.", 0)) CHECK(t["h"].get<int>() >= 60);
            }
        };
        check("now");
        k.send("tap @program.view.timeline");
        check("timeline");
        k.send("tap @program.filter");
        check("filters");
        k.send("tap @program.view.list");
        check("list");
        k.send("tap @program.changes");
        check("changes");
    }
}
