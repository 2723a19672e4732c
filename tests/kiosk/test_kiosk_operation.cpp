// Kiosk operation end to end through `wegweiser --headless --script -`: the hidden staff gesture, the
// PIN pad and its lockout, the staff menu, opening hours with the closed screen, and content replaced
// under a running kiosk (rsync-style rename picked up; a torn in-place copy rejected).
#include <doctest/doctest.h>

#include "core/kiosk_settings.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kPin = "2468";

std::string tmpDir(const std::string& name) {
    const fs::path d = fs::path(WW_KIOSK_TMP) / ("op-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d.string();
}

// A settings file with a known PIN (few iterations: tests stay fast; the format carries the count).
std::string writeSettings(const std::string& dir, const std::string& extra) {
    const std::string path = dir + "/kiosk.toml";
    std::ofstream(path) << "pin_hash = \"" << ww::hashPin(kPin, 2000) << "\"\n" << extra;
    return path;
}

// One running kiosk, fed script lines on standard input.
class Kiosk {
public:
    explicit Kiosk(std::vector<std::string> args) {
        int in[2], out[2];
        REQUIRE(pipe(in) == 0);
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            const int devnull = open("/dev/null", O_WRONLY);
            if (devnull >= 0 && !getenv("WW_TEST_VERBOSE")) dup2(devnull, 2);
            close(in[1]);
            close(out[0]);
            std::vector<char*> argv;
            static std::string bin = WW_KIOSK_BIN;
            argv.push_back(bin.data());
            static std::string headless = "--headless", script = "--script", dash = "-";
            argv.push_back(headless.data());
            argv.push_back(script.data());
            argv.push_back(dash.data());
            for (std::string& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            unsetenv("WEGWEISER_SETTINGS");
            execv(bin.c_str(), argv.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to_ = fdopen(in[1], "w");
        from_ = fdopen(out[0], "r");
    }
    ~Kiosk() { finish(); }
    void send(const std::string& line) {
        std::fputs((line + "\n").c_str(), to_);
        std::fflush(to_);
    }
    json state() {
        send("state");
        char buf[1 << 16];
        if (!std::fgets(buf, sizeof buf, from_)) return json();
        return json::parse(buf, nullptr, false);
    }
    // Closes standard input and returns the exit status.
    int finish() {
        if (pid_ <= 0) return status_;
        if (to_) std::fclose(to_);
        to_ = nullptr;
        int st = 0;
        waitpid(pid_, &st, 0);
        pid_ = -1;
        if (from_) std::fclose(from_);
        from_ = nullptr;
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
        return status_;
    }

private:
    pid_t pid_ = -1;
    int status_ = -1;
    FILE* to_ = nullptr;
    FILE* from_ = nullptr;
};

void enterPin(Kiosk& k, const std::string& pin) {
    for (char d : pin) k.send(std::string("tap @staff.key.") + d);
    k.send("tap @staff.key.ok");
}

std::string staffMode(Kiosk& k) {
    const json s = k.state();
    return s.contains("staff") ? s["staff"]["mode"].get<std::string>() : "?";
}

// A copy of the sample database whose content version reads `version`.
void copyWithVersion(const std::string& to, const std::string& version) {
    fs::copy_file(WW_KIOSK_DB, to, fs::copy_options::overwrite_existing);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(to.c_str(), &db) == SQLITE_OK);
    const std::string sql = "UPDATE meta SET value='" + version + "' WHERE key='content_version'";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("the staff menu opens after a 3 s press in the top-left corner and the right PIN") {
    const std::string dir = tmpDir("staff");
    Kiosk k({"--content", WW_KIOSK_DB, "--settings", writeSettings(dir, "")});
    k.send("clock 2022-09-07T10:00");
    // Too short, or in the wrong place: nothing happens.
    k.send("drag 40 40 40 40 1500");
    CHECK(k.state()["screen"] == "home");
    k.send("drag 960 300 960 300 3500");
    CHECK(k.state()["screen"] == "home");
    k.send("drag 40 40 40 40 3200");
    json s = k.state();
    CHECK(s["screen"] == "staff");
    CHECK(s["staff"]["mode"] == "pad");
    enterPin(k, "1111");
    CHECK(staffMode(k) == "pad");
    k.send("tap @staff.cancel");
    CHECK(k.state()["screen"] == "home");
    k.send("drag 40 40 40 40 3200");
    enterPin(k, kPin);
    s = k.state();
    CHECK(s["staff"]["mode"] == "menu");
    CHECK(s["content_version"].get<std::string>().size() > 0);
    // The touch test records where each tap landed.
    k.send("tap @staff.test-pattern");
    k.send("tap 200 150");
    k.send("tap 1700 950");
    s = k.state();
    CHECK(s["staff"]["mode"] == "test");
    CHECK(s["staff"]["taps"] == json::parse("[[200,150],[1700,950]]"));
    k.send("tap @staff.test-close");
    k.send("tap @staff.reload");
    k.send("wait 100");
    CHECK(staffMode(k) == "menu");
    k.send("tap @staff.close");
    CHECK(k.state()["screen"] == "home");
    // Exit ends the process with status 0 (systemd's Restart=always brings the kiosk back).
    k.send("drag 40 40 40 40 3200");
    enterPin(k, kPin);
    k.send("tap @staff.exit");
    k.send("state");
    CHECK(k.finish() == 0);
}

TEST_CASE("five wrong PINs lock the pad for a minute") {
    const std::string dir = tmpDir("lock");
    Kiosk k({"--content", WW_KIOSK_DB, "--settings", writeSettings(dir, "")});
    k.send("clock 2022-09-07T10:00");
    k.send("drag 40 40 40 40 3200");
    for (int i = 0; i < 4; ++i) enterPin(k, "0000");
    CHECK_FALSE(k.state()["staff"]["locked"].get<bool>());
    enterPin(k, "0000");
    json s = k.state();
    CHECK(s["staff"]["locked"] == true);
    CHECK(s["staff"]["locked_seconds"].get<int>() >= 59);
    // Even the right PIN does nothing while locked.
    enterPin(k, kPin);
    CHECK(staffMode(k) == "pad");
    k.send("wait 30000");
    s = k.state();
    CHECK(s["staff"]["locked"] == true);
    CHECK(s["staff"]["locked_seconds"].get<int>() <= 31);
    k.send("wait 31000");
    CHECK(k.state()["staff"]["locked"] == false);
    enterPin(k, kPin);
    CHECK(staffMode(k) == "menu");
}

TEST_CASE("outside opening hours the kiosk shows the closed screen and a touch wakes it for a while") {
    const std::string dir = tmpDir("hours");
    Kiosk k({"--content", WW_KIOSK_DB, "--settings", writeSettings(dir, "wake_minutes = 2\n[hours]\ndaily = \"08:00-18:00\"\n")});
    k.send("clock 2022-09-07T17:59");
    CHECK(k.state()["screen"] == "home");
    k.send("wait 61000");
    CHECK(k.state()["screen"] == "closed");
    k.send("tap @closed.wake");
    CHECK(k.state()["screen"] == "home");
    k.send("tap @nav.map");
    CHECK(k.state()["screen"] == "map");
    // Two minutes after the last touch the guide sleeps again.
    k.send("wait 125000");
    CHECK(k.state()["screen"] == "closed");
    // The next morning it opens by itself.
    k.send("clock 2022-09-08T07:59");
    CHECK(k.state()["screen"] == "closed");
    k.send("wait 61000");
    CHECK(k.state()["screen"] == "home");
}

TEST_CASE("without [hours] an installed kiosk follows the event's opening hours; without settings it never closes") {
    const std::string dir = tmpDir("event-hours");
    {
        Kiosk k({"--content", WW_KIOSK_DB, "--settings", writeSettings(dir, "")});
        k.send("clock 2022-09-07T22:00");
        CHECK(k.state()["screen"] == "closed");
        k.send("clock 2022-09-07T18:00"); // the sample event closes at 18:30
        CHECK(k.state()["screen"] == "home");
    }
    Kiosk k({"--content", WW_KIOSK_DB});
    k.send("clock 2022-09-07T22:00");
    CHECK(k.state()["screen"] == "home");
}

TEST_CASE("bad settings do not stop the kiosk") {
    const std::string dir = tmpDir("bad");
    const std::string path = dir + "/kiosk.toml";
    std::ofstream(path) << "this is = = not toml\n";
    Kiosk k({"--content", WW_KIOSK_DB, "--settings", path});
    k.send("clock 2022-09-07T10:00");
    CHECK(k.state()["screen"] == "home");
    Kiosk missing({"--content", WW_KIOSK_DB, "--settings", dir + "/missing.toml"});
    missing.send("clock 2022-09-07T10:00");
    CHECK(missing.state()["screen"] == "home");
}

TEST_CASE("a database replaced rsync-style under a running kiosk is picked up") {
    const std::string dir = tmpDir("rsync");
    const std::string db = dir + "/content.db";
    copyWithVersion(db, "version-one");
    Kiosk k({"--content", db});
    k.send("clock 2022-09-07T10:00");
    k.send("tap @nav.exhibitors");
    CHECK(k.state()["content_version"] == "version-one");
    // rsync writes a temporary file in the same directory, then renames it over the old one.
    copyWithVersion(dir + "/.content.db.XyZ123", "version-two");
    fs::rename(dir + "/.content.db.XyZ123", db);
    k.send("wait 1500");
    const json s = k.state();
    CHECK(s["content_version"] == "version-two");
    CHECK(s["screen"] == "exhibitors"); // the visitor stays where they were
}

TEST_CASE("a torn copy written in place is rejected and the old content stays on screen") {
    const std::string dir = tmpDir("torn");
    const std::string db = dir + "/content.db";
    copyWithVersion(db, "version-one");
    copyWithVersion(dir + "/next.db", "version-two");
    const std::string next = readAll(dir + "/next.db");
    struct stat before {};
    REQUIRE(stat(db.c_str(), &before) == 0);
    Kiosk k({"--content", db});
    k.send("clock 2022-09-07T10:00");
    CHECK(k.state()["content_version"] == "version-one");
    // cp onto the old file: same inode, truncated, then the first half of the new database.
    {
        const int fd = open(db.c_str(), O_WRONLY | O_TRUNC);
        REQUIRE(fd >= 0);
        const size_t half = next.size() / 2;
        REQUIRE(write(fd, next.data(), half) == static_cast<ssize_t>(half));
        close(fd);
    }
    struct stat during {};
    REQUIRE(stat(db.c_str(), &during) == 0);
    CHECK(during.st_ino == before.st_ino);
    k.send("wait 2500");
    json s = k.state();
    CHECK(s["screen"] == "home");
    CHECK(s["content_version"] == "version-one");
    k.send("tap @nav.program");
    CHECK(k.state()["screen"] == "program");
    // Once the copy completes, the new content arrives.
    {
        const int fd = open(db.c_str(), O_WRONLY | O_TRUNC);
        REQUIRE(fd >= 0);
        REQUIRE(write(fd, next.data(), next.size()) == static_cast<ssize_t>(next.size()));
        close(fd);
    }
    k.send("wait 2500");
    CHECK(k.state()["content_version"] == "version-two");
}

TEST_CASE("wegweiser --hash-pin prints a line for kiosk.toml that verifies the PIN") {
    const std::string dir = tmpDir("hashpin");
    const std::string out = dir + "/line.txt";
    const std::string cmd = "echo 97531 | " + std::string(WW_KIOSK_BIN) + " --hash-pin > " + out;
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string line = readAll(out);
    const auto s = ww::parseKioskSettings(line, "line.txt");
    CHECK(s.problems.empty());
    CHECK(ww::verifyPin("97531", s.pin_hash));
    CHECK(line.find("97531") == std::string::npos);
    const std::string bad = "echo 12ab | " + std::string(WW_KIOSK_BIN) + " --hash-pin > /dev/null 2>&1";
    CHECK(WEXITSTATUS(std::system(bad.c_str())) == 2);
}
