// The content build: what the files say is what the database holds, the database is replaced
// atomically, and a failed or killed build never touches the last good one.
#include "support.h"

#include "core/sqlite.h"
#include "core/store.h"

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using wwtest::Fixture;
using wwtest::TempDir;
namespace fs = std::filesystem;

namespace {

ww::Model buildInto(const Fixture& f, const std::string& db) {
    ww::Diagnostics d;
    ww::Compiled c = f.compile(d);
    REQUIRE_MESSAGE(!d.hasErrors(), wwtest::dump(d));
    ww::replaceDatabase(db, c.content.model, c.images);
    return c.content.model;
}

std::vector<std::string> filesIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("round trip: content files → database → model holds what the files say") {
    Fixture f;
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    ww::Model built = buildInto(f, db);
    ww::Model m = ww::loadModel(db);

    CHECK(m.content_version == built.content_version);
    CHECK(m.content_version.size() == 16);
    CHECK(m.event.name.de == "Testmesse");
    CHECK(m.event.name.en == "Test fair");
    CHECK(m.event.venue.in(ww::Lang::En) == "Hall 1");
    CHECK(m.event.timezone == "Europe/Berlin");
    CHECK(m.event.start_date == "2022-09-07");
    CHECK(m.event.idle_timeout_s == 90);

    REQUIRE(m.kiosks.size() == 1);
    CHECK(m.kiosks[0].pos == ww::Vec2{5.0, 18.0});
    CHECK(m.kiosks[0].facing_deg == 90);

    REQUIRE(m.levels.size() == 2);
    CHECK(m.levels[0].outline == ww::Polygon{{0, 0}, {40, 0}, {40, 20}, {0, 20}});
    CHECK(m.levels[1].name.in(ww::Lang::En) == "Obergeschoss"); // English falls back to German

    const ww::Room* saal = m.room("saal");
    REQUIRE(saal);
    CHECK((saal->kind == ww::RoomKind::Stage));
    REQUIRE(saal->doors.size() == 1);
    CHECK(saal->doors[0].pos == ww::Vec2{20, 10});
    CHECK(saal->doors[0].width == 2);

    const ww::Stand* a2 = m.stand("A2");
    REQUIRE(a2);
    CHECK(a2->shape == ww::Polygon{{5, 4}, {8, 4}, {8, 7}, {5, 7}});
    CHECK(a2->front == ww::Vec2{6.5, 7.5}); // middle of the south side, half a metre out

    const ww::Exhibitor* amt24 = m.exhibitor("amt24");
    REQUIRE(amt24);
    CHECK(amt24->description.de == "Das Serviceportal, für alle.");
    CHECK(amt24->description.in(ww::Lang::En) == "Das Serviceportal, für alle.");
    CHECK(amt24->logo.empty());
    const ww::Exhibitor* sakd = m.exhibitorAtStand("A1");
    REQUIRE(sakd);
    CHECK(sakd->id == "sakd");
    CHECK(sakd->topics == std::vector<std::string>{"ozg"});
    CHECK(sakd->logo == "logo/sakd");

    const ww::Talk* t1 = m.talk("t1");
    REQUIRE(t1);
    CHECK(t1->title.en == "Opening");
    CHECK(t1->start == "2022-09-07T09:00");
    CHECK(t1->end == "2022-09-07T09:30");
    CHECK(t1->start_utc == 1662534000); // 07:00 UTC: Dresden is on summer time
    CHECK((t1->kind == ww::TalkKind::Keynote));
    CHECK(t1->speakers == std::vector<ww::Speaker>{{"Anna Müller", "SAKD"}, {"Jörg Weiß", ""}});
    const ww::Talk* t2 = m.talk("t2");
    REQUIRE(t2);
    CHECK(t2->end_utc - t2->start_utc == 30 * 60);

    REQUIRE(m.photos.size() == 1);
    CHECK(m.photos[0].credit == "Max Muster");
    CHECK(m.photos[0].width == 320);
    CHECK(m.photos[0].height == 240);
    CHECK(m.galleries[0].cover == "p1");

    ww::ContentDb reader(db);
    std::vector<uint8_t> thumb = reader.imageBytes("photo/p1@thumb");
    CHECK(thumb.size() > 100);
    CHECK(thumb[0] == 0xFF); // JPEG
    std::vector<uint8_t> logo = reader.imageBytes("logo/sakd");
    REQUIRE(logo.size() > 8);
    CHECK(logo[1] == 'P'); // PNG keeps the logo's transparency
    CHECK(reader.imageBytes("photo/none").empty());
}

TEST_CASE("unchanged content rebuilds to the same version; a changed file to a new one") {
    Fixture f;
    ww::Diagnostics d1, d2, d3;
    std::string v1 = f.compile(d1).content.model.content_version;
    std::string v2 = f.compile(d2).content.model.content_version;
    CHECK(v1 == v2);
    f.replace("programme.csv", "Eröffnung", "Begrüßung");
    std::string v3 = f.compile(d3).content.model.content_version;
    CHECK(v3 != v1);
}

TEST_CASE("a failing build leaves the old database byte-identical") {
    Fixture f;
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    buildInto(f, db);
    std::string before = wwtest::readText(db);

    f.replace("programme.csv", "10:00,10:15,,lounge", "10:00,10:15,,nirgendwo");
    ww::Diagnostics d;
    f.compile(d);
    REQUIRE(d.hasErrors());
    // The tool writes nothing when there are errors; the library is never asked to.
    CHECK(wwtest::readText(db) == before);
    CHECK(filesIn(out.path()) == std::vector<std::string>{"content.db"});
}

TEST_CASE("a reader that has the old database open keeps reading it after a rebuild") {
    Fixture f;
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    buildInto(f, db);
    ww::ContentDb old_reader(db);
    std::string old_version = old_reader.load().content_version;

    f.replace("programme.csv", "Eröffnung", "Begrüßung");
    buildInto(f, db);

    ww::Model still_old = old_reader.load();
    CHECK(still_old.content_version == old_version);
    CHECK(still_old.talk("t1")->title.de == "Eröffnung");
    CHECK(!old_reader.imageBytes("photo/p1").empty());
    ww::Model fresh = ww::loadModel(db);
    CHECK(fresh.content_version != old_version);
    CHECK(fresh.talk("t1")->title.de == "Begrüßung");
}

TEST_CASE("a build killed halfway leaves the old database intact, and its leftovers are cleared") {
    Fixture f;
    // Enough photos that the build takes a moment and the kill lands inside it.
    std::string rows;
    for (int i = 0; i < 24; ++i) {
        std::string name = "photos/big" + std::to_string(i) + ".jpg";
        wwtest::writeBytes(f.path(name), wwtest::encodeJpeg(1600, 1200));
        rows += "big" + std::to_string(i) + ",g1," + name + ",Bild,,Max Muster,\n";
    }
    f.append("photos.csv", rows);
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    {
        Fixture small;
        buildInto(small, db);
    }
    std::string before = wwtest::readText(db);
    std::string tool = std::string(WW_BIN_DIR) + "/wegweiser-content";
    REQUIRE(fs::exists(tool));

    for (int delay_ms : {50, 250, 600}) {
        std::fflush(stdout);
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            freopen("/dev/null", "w", stdout);
            execl(tool.c_str(), tool.c_str(), "build", f.dir().c_str(), "-o", db.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        // Either the old database or, if the build won the race, a complete new one: never half a file.
        std::string now = wwtest::readText(db);
        if (now != before) {
            ww::Model m = ww::loadModel(db);
            CHECK(m.photos.size() == 25);
        } else {
            CHECK(ww::loadModel(db).photos.size() == 1);
        }
    }
    // The kiosk opens only content.db; the next build clears what killed builds left behind.
    buildInto(f, db);
    CHECK(filesIn(out.path()) == std::vector<std::string>{"content.db"});
    CHECK(ww::loadModel(db).photos.size() == 25);
}

TEST_CASE("a kiosk refuses a database with a newer schema, and a file that is not a database") {
    Fixture f;
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    buildInto(f, db);
    {
        ww::sql::Db raw(db, ww::sql::Db::Mode::ReadWriteCreate);
        raw.exec("PRAGMA user_version=" + std::to_string(ww::kSchemaVersion + 1));
    }
    try {
        ww::ContentDb reader(db);
        FAIL("a newer schema was accepted");
    } catch (const ww::StoreError& e) {
        CHECK(std::string(e.what()).find("newer than this kiosk understands") != std::string::npos);
    }

    std::string junk = (out.path() / "junk.db").string();
    wwtest::writeText(junk, "this is not a database at all, just text");
    CHECK_THROWS_AS(ww::ContentDb{junk}, ww::StoreError);
    try {
        ww::ContentDb missing((out.path() / "missing.db").string());
        FAIL("a missing file was accepted");
    } catch (const ww::StoreError& e) {
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
    }
}

TEST_CASE("the database uses a rollback journal, so read-only kiosks need no write access") {
    Fixture f;
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    buildInto(f, db);
    ww::sql::Db raw(db, ww::sql::Db::Mode::ReadOnly);
    ww::sql::Stmt s = raw.prepare("PRAGMA journal_mode");
    REQUIRE(s.step());
    CHECK(s.text(0) == "delete");
    CHECK(raw.userVersion() == ww::kSchemaVersion);
}
