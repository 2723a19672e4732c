// Broken content folders through the staff tool, as staff would run it: `wegweiser-content check DIR`
// and `build DIR -o OUT.db` on every folder in tests/bad-content/ (each the minimal folder base/ with
// one thing broken) and on cases made here because git cannot hold them or they are big (binary
// garbage, symlink loops, an unreadable file, a 10 MB text, 100,000 rows and one more, a file over the
// size limit).
// Every run must end with exit 1 and a message naming the file (and line), never by a signal or a
// hang, and never leave a database behind: a missing OUT.db stays missing, a good one stays byte for byte.
#include "support.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using wwtest::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kCases = fs::path(WW_TESTS_DIR) / "bad-content";

// [SECTION] Running the tool with a time limit

struct Run {
    int exit = -1;  // exit status, -1 when it did not exit normally
    int signal = 0; // the signal that ended it, 0 if none
    bool hung = false;
    double seconds = 0;
    std::string out; // standard output and error together
};

Run tool(const std::vector<std::string>& args, const fs::path& log, double limit_s) {
    Run r;
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        std::string bin = std::string(WW_BIN_DIR) + "/wegweiser-content";
        std::vector<char*> argv{bin.data()};
        std::vector<std::string> copy = args;
        for (std::string& a : copy)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (done == pid) break;
        if (r.seconds > limit_s) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            r.hung = true;
            break;
        }
        usleep(2000);
    }
    if (!r.hung && WIFEXITED(status)) r.exit = WEXITSTATUS(status);
    if (!r.hung && WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = wwtest::readText(log);
    return r;
}

// [SECTION] Content folders

// base/ with the case's files on top; the test images base/ refers to are drawn here unless the case
// brings its own (a case's file may also be a folder where base/ has a file).
void assemble(const fs::path& dir, const std::string& name) {
    fs::copy(kCases / "base", dir, fs::copy_options::recursive);
    if (!name.empty() && name != "base") {
        for (const auto& e : fs::recursive_directory_iterator(kCases / name)) {
            const fs::path to = dir / fs::relative(e.path(), kCases / name);
            if (fs::exists(to) && fs::is_directory(to) != e.is_directory()) fs::remove_all(to);
            if (e.is_directory())
                fs::create_directories(to);
            else
                fs::copy_file(e.path(), to, fs::copy_options::overwrite_existing);
        }
    }
    if (!fs::exists(fs::symlink_status(dir / "photos/p1.jpg")))
        wwtest::writeBytes(dir / "photos/p1.jpg", wwtest::encodeJpeg(320, 240));
    if (!fs::exists(fs::symlink_status(dir / "logos/sakd.png")))
        wwtest::writeBytes(dir / "logos/sakd.png", wwtest::encodePng(64, 32));
}

// Bytes that are nothing like text, the same every run.
std::string garbage(size_t n, uint32_t seed) {
    std::string s(n, '\0');
    for (char& c : s) {
        seed = seed * 1664525u + 1013904223u;
        c = static_cast<char>(seed >> 24);
    }
    return s;
}

std::string describe(const Run& r) {
    std::string s = r.hung     ? "hung (killed after the time limit)"
                    : r.signal ? "killed by signal " + std::to_string(r.signal)
                               : "exit " + std::to_string(r.exit);
    const size_t keep = 3000;
    return s + ", " + std::to_string(r.seconds) + " s; output:\n" +
           (r.out.size() > keep ? r.out.substr(0, keep) + "\n[…]" : r.out);
}

// A good database of base/, built once, to be put where a failing build must leave it alone.
const std::string& goodDatabase() {
    static TempDir dir;
    static std::string bytes;
    if (bytes.empty()) {
        assemble(dir.path() / "content", "base");
        const fs::path db = dir.path() / "good.db";
        Run r = tool({"build", (dir.path() / "content").string(), "-o", db.string()}, dir.path() / "log", 60);
        REQUIRE_MESSAGE(r.exit == 0, "base/ must build: " << describe(r));
        bytes = wwtest::readText(db);
    }
    return bytes;
}

bool leftovers(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

// check, build to a new file and build over a good database: all three refuse the same way.
void expectRefused(const fs::path& content, const std::vector<std::string>& lines, double limit_s = 30) {
    TempDir out;
    const std::string dir = content.string();
    const fs::path fresh = out.path() / "fresh.db", good = out.path() / "good.db";
    wwtest::writeText(good, goodDatabase());
    const std::vector<std::vector<std::string>> runs = {
        {"check", dir}, {"build", dir, "-o", fresh.string()}, {"build", dir, "-o", good.string()}};
    for (const auto& args : runs) {
        const std::string what =
            args[0] + (args.size() > 2 ? " -o " + fs::path(args[3]).filename().string() : "");
        CAPTURE(what);
        const Run r = tool(args, out.path() / "log", limit_s);
        CHECK_MESSAGE((!r.hung && r.signal == 0 && r.exit == 1), describe(r));
        for (const std::string& l : lines)
            CHECK_MESSAGE(r.out.find(dir + "/" + l) != std::string::npos, "expected: " << dir << "/" << l
                                                                                       << "\n"
                                                                                       << describe(r));
        if (args[0] == "build")
            CHECK_MESSAGE(r.out.find("nothing written") != std::string::npos, describe(r));
        if (r.seconds > 5) MESSAGE(what << " took " << r.seconds << " s");
    }
    CHECK_MESSAGE(!fs::exists(fresh), "a failed build left " << fresh);
    CHECK_MESSAGE(wwtest::readText(good) == goodDatabase(),
                  "a failed build changed the database that was there");
    CHECK_MESSAGE(!leftovers(out.path()), "a failed build left a temporary file");
}

void expectCase(const std::string& name, const std::vector<std::string>& lines) {
    TempDir t;
    assemble(t.path() / name, name);
    expectRefused(t.path() / name, lines);
}

// The folders in tests/bad-content/ and the lines (file:line: error: message, without the hint)
// each must produce.
const std::map<std::string, std::vector<std::string>> kExpected = {
    // validate.cpp, one rule per folder (unknown-level: rooms, walls and obstacles)
    {"no-level", {"venue.toml:1: error: no level is defined"}},
    {"no-kiosk", {"event.toml:1: error: no kiosk is defined"}},
    {"level-outline-crosses", {"venue.toml:1: error: level eg: outline crosses itself"}},
    {"level-outline-no-area", {"venue.toml:8: error: level og: outline encloses almost no area"}},
    {"unknown-level",
     {"venue.toml:23: error: room lounge: unknown level \"ug\"",
      "venue.toml:46: error: wall: unknown level \"dach\"",
      "venue.toml:50: error: obstacle: unknown level \"keller\""}},
    {"room-shape-crosses", {"venue.toml:23: error: room lounge: shape crosses itself"}},
    {"room-outside-level", {"venue.toml:23: error: room lounge lies (partly) outside level og"}},
    {"room-no-door", {"venue.toml:23: error: room lounge has no door"}},
    {"door-not-on-outline",
     {"venue.toml:23: error: room lounge: door at (5, 5) is not on the room's outline"}},
    {"stand-shape-crosses", {"stands.csv:2: error: stand A1: shape crosses itself"}},
    {"stand-outside-level", {"stands.csv:3: error: stand A2 lies (partly) outside level eg"}},
    {"stand-front-outside-level",
     {"stands.csv:3: error: stand A2: its front (6.5, -0.5) lies outside level eg"}},
    {"stand-overlaps-stand", {"stands.csv:3: error: stand A2 overlaps stand A1"}},
    {"poi-outside-level", {"venue.toml:31: error: point of interest wc at (-2, 2) lies outside level eg"}},
    {"connector-stops-twice", {"venue.toml:39: error: lift lift stops twice on level og"}},
    {"connector-one-stop", {"venue.toml:39: error: lift lift has 1 stop(s)"}},
    {"kiosk-outside-level", {"event.toml:13: error: kiosk k1 at (50, 18) lies outside level eg"}},
    {"kiosk-inside-stand", {"event.toml:13: error: kiosk k1 at (3.5, 5.5) lies inside stand A1"}},
    {"kiosk-inside-obstacle", {"event.toml:13: error: kiosk k1 at (5, 18) lies inside an obstacle"}},
    {"exhibitor-unknown-stand", {"exhibitors.csv:3: error: exhibitor amt24: unknown stand \"B9\""}},
    {"exhibitor-unknown-topic", {"exhibitors.csv:3: error: exhibitor amt24: unknown topic \"ki\""}},
    {"talk-unknown-room", {"programme.csv:3: error: talk t2: unknown room \"keller\""}},
    {"talk-unknown-topic", {"programme.csv:3: error: talk t2: unknown topic \"ki\""}},
    {"talk-ends-before-start",
     {"programme.csv:4: error: talk t3 ends (2022-09-08T09:15) before it starts (2022-09-08T10:00)"}},
    {"talk-outside-event-days",
     {"programme.csv:4: error: talk t3 (2022-09-10T10:00) is outside the event days 2022-09-07 to "
      "2022-09-08"}},
    {"talk-overlap",
     {"programme.csv:3: error: talk t2 (2022-09-07T09:20) overlaps talk t1 (2022-09-07T09:00 to "
      "2022-09-07T09:30) in room saal"}},
    {"change-makes-overlap",
     {"changes.csv:2: error: this change makes talk t2 (2022-09-07T09:30) overlaps talk t1"}},
    {"photo-unknown-gallery", {"photos.csv:2: error: photo p1: unknown gallery \"g2\""}},
    {"gallery-cover-not-photo", {"galleries.toml:1: error: gallery g1: cover \"p9\" is not a photo id"}},
    // broken files
    {"truncated-toml", {"venue.toml:33:11: error: TOML syntax error: "}},
    {"truncated-csv", {"programme.csv:4: error: quoted field starting here is never closed"}},
    {"zero-byte-image", {"photos.csv:2: error: photo file \"photos/p1.jpg\": file is empty"}},
    {"image-not-an-image", {"photos.csv:2: error: photo file \"photos/p1.jpg\": not a JPEG or PNG image"}},
    {"folder-instead-of-file", {"venue.toml: error: is not a regular file"}},
};

} // namespace

// [SECTION] The committed folders

TEST_CASE("the base folder of the bad-content cases is valid, so each case fails for its own reason") {
    TempDir t;
    assemble(t.path() / "base", "base");
    const Run r = tool({"check", (t.path() / "base").string()}, t.path() / "log", 30);
    CHECK_MESSAGE(r.exit == 0, describe(r));
    CHECK_MESSAGE(r.out.find(": 0 errors, 0 warnings") != std::string::npos, describe(r));
}

TEST_CASE("every folder in tests/bad-content/ has its expected messages here") {
    for (const auto& e : fs::directory_iterator(kCases)) {
        const std::string name = e.path().filename().string();
        if (!e.is_directory() || name == "base" || name == "warnings-only") continue;
        CHECK_MESSAGE(kExpected.count(name), "tests/bad-content/" << name << " has no entry in kExpected");
    }
}

TEST_CASE("each broken folder is refused with file:line, no crash, no hang, no database") {
    for (const auto& [name, lines] : kExpected) {
        CAPTURE(name);
        REQUIRE_MESSAGE(fs::is_directory(kCases / name), "tests/bad-content/" << name << " is missing");
        expectCase(name, lines);
    }
}

TEST_CASE("warnings alone do not stop a build: every warning rule at once still writes the database") {
    TempDir t;
    const fs::path dir = t.path() / "warnings-only";
    assemble(dir, "warnings-only");
    const Run r = tool({"build", dir.string(), "-o", (t.path() / "out.db").string()}, t.path() / "log", 30);
    CHECK_MESSAGE(r.exit == 0, describe(r));
    CHECK(fs::exists(t.path() / "out.db"));
    for (const char* l :
         {"exhibitors.csv:3: warning: exhibitor amt24 shares stand A1 with exhibitor sakd",
          "exhibitors.csv:3: warning: exhibitor amt24: name is 81 characters long",
          "galleries.toml:7: warning: gallery g2 has no photos",
          "galleries.toml:7: warning: gallery g2: cover photo p1 belongs to gallery g1",
          "programme.csv:4: warning: talk t3 lasts more than 12 hours",
          "stands.csv:4: warning: stand A3 has no exhibitor",
          "stands.csv:4: warning: stand A3 overlaps room saal",
          "venue.toml:8: warning: levels eg and og both have floor 0",
          "venue.toml:23: warning: room lounge: door at (10, 5) is 0.5 m wide",
          "venue.toml:46: warning: room kabine overlaps room saal",
          "venue.toml:54: warning: point of interest info at (3.5, 5.5) lies inside stand A1"})
        CHECK_MESSAGE(r.out.find(dir.string() + "/" + l) != std::string::npos, "expected: " << l << "\n"
                                                                                            << describe(r));
}

// [SECTION] Cases made at test time

TEST_CASE("binary garbage where CSV or TOML belongs is refused with the file named") {
    SUBCASE("CSV") {
        TempDir t;
        const fs::path dir = t.path() / "garbage-csv";
        assemble(dir, "base");
        wwtest::writeText(dir / "exhibitors.csv", garbage(4096, 7));
        expectRefused(dir, {"exhibitors.csv:2: error: file is not valid text (it contains NUL bytes)"});
    }
    SUBCASE("TOML") {
        TempDir t;
        const fs::path dir = t.path() / "garbage-toml";
        assemble(dir, "base");
        wwtest::writeText(dir / "event.toml", garbage(4096, 11));
        expectRefused(dir, {"event.toml:1:4: error: TOML syntax error: Encountered invalid utf-8 sequence"});
    }
    SUBCASE("TOML nested 100,000 brackets deep") {
        TempDir t;
        const fs::path dir = t.path() / "deep-toml";
        assemble(dir, "base");
        wwtest::writeText(dir / "venue.toml", "[[level]]\nid = \"eg\"\nname_de = \"E\"\noutline = " +
                                                  std::string(100000, '[') + std::string(100000, ']') + "\n");
        expectRefused(dir, {"venue.toml:4:"});
    }
}

TEST_CASE("a symbolic link loop instead of a content file or a photo is refused") {
    TempDir t;
    const fs::path dir = t.path() / "symlink-loop";
    assemble(dir, "base");
    fs::remove(dir / "venue.toml");
    fs::create_symlink("loop-b", dir / "venue.toml");
    fs::create_symlink("venue.toml", dir / "loop-b");
    fs::remove(dir / "photos/p1.jpg");
    fs::create_symlink("p1.jpg", dir / "photos/p1.jpg");
    expectRefused(dir, {"venue.toml: error: cannot read file: Too many levels of symbolic links",
                        "photos.csv:2: error: photo file \"photos/p1.jpg\" cannot be read: Too many levels "
                        "of symbolic links"});
}

TEST_CASE("an unreadable content file or photo is refused") {
    TempDir t;
    const fs::path dir = t.path() / "unreadable";
    assemble(dir, "base");
    fs::permissions(dir / "programme.csv", fs::perms::none);
    fs::permissions(dir / "photos/p1.jpg", fs::perms::none);
    const int fd = open((dir / "programme.csv").c_str(), O_RDONLY);
    if (fd >= 0) {
        // Root (as in many containers) reads any file whatever its permissions: nothing to test.
        close(fd);
        MESSAGE("skipped: this user can read files with permissions 000 (running as root?)");
    } else {
        expectRefused(
            dir, {"programme.csv: error: cannot read file: Permission denied",
                  "photos.csv:2: error: photo file \"photos/p1.jpg\" cannot be read: Permission denied"});
    }
    fs::permissions(dir / "programme.csv", fs::perms::owner_read | fs::perms::owner_write);
    fs::permissions(dir / "photos/p1.jpg", fs::perms::owner_read | fs::perms::owner_write);
}

TEST_CASE("a content file over the size limit is refused without reading it") {
    TempDir t;
    const fs::path dir = t.path() / "oversized";
    assemble(dir, "base");
    // Sparse: 65 MB that take no disk space and no time to write.
    REQUIRE(truncate((dir / "programme.csv").c_str(), 65LL << 20) == 0);
    expectRefused(dir, {"programme.csv: error: file is 65 MB; content files are limited to 64 MB"});
}

TEST_CASE("a 10 MB description is refused, not shipped to the kiosks") {
    TempDir t;
    const fs::path dir = t.path() / "enormous-text";
    assemble(dir, "base");
    std::string text;
    for (int i = 0; i < 440000; ++i)
        text += "Serviceportal für alle. ";
    wwtest::writeText(dir / "exhibitors.csv",
                      "id,name,stands,topics,description_de,description_en,website,logo\n"
                      "sakd,SAKD,A1,ozg,Kommunale IT für Sachsen.,Municipal IT for "
                      "Saxony.,https://www.sakd.de,logos/sakd.png\n"
                      "amt24,Amt24,A2,,\"" +
                          text + "\",,https://amt24.sachsen.de,\n");
    expectRefused(dir,
                  {"exhibitors.csv:3: error: exhibitor amt24: description_de is 10560000 characters long"});
}

TEST_CASE("100,000 rows are read in time; the one bad row at the end is named with its line, one more row is "
          "too many") {
    // csv.cpp reads at most 100,000 rows: the sample row, 99,998 fine ones and a bad one fill it exactly.
    auto rows = [](int fine) {
        std::string csv =
            "id,name,stands,topics,description_de,description_en,website,logo\n"
            "sakd,SAKD,A1,ozg,Kommunale IT für Sachsen.,Municipal IT for Saxony.,https://www.sakd.de,\n";
        for (int i = 0; i < fine; ++i) {
            const std::string n = std::to_string(i);
            csv += "firma-" + n + ",Firma " + n + ",A2,ozg,Beschreibung der Firma " + n + ".,Description " +
                   n + ".,https://firma" + n + ".example,\n";
        }
        return csv + "letzte,Letzte Firma,B99,,Steht an keinem Stand.,,,\n";
    };
    SUBCASE("100,000 rows") {
        TempDir t;
        const fs::path dir = t.path() / "many-rows";
        assemble(dir, "base");
        wwtest::writeText(dir / "exhibitors.csv", rows(99998));
        expectRefused(dir, {"exhibitors.csv:100001: error: exhibitor letzte: unknown stand \"B99\""}, 60);
    }
    SUBCASE("100,001 rows") {
        TempDir t;
        const fs::path dir = t.path() / "too-many-rows";
        assemble(dir, "base");
        wwtest::writeText(dir / "exhibitors.csv", rows(99999));
        expectRefused(dir, {"exhibitors.csv:100002: error: file has more than 100000 rows"}, 60);
    }
}

TEST_CASE("an image whose header claims 60000 x 60000 pixels is refused before it is decoded") {
    TempDir t;
    const fs::path dir = t.path() / "huge-image";
    assemble(dir, "base");
    // A JPEG start and a frame header (SOF0) for 60000 x 60000 pixels, three components, then nothing.
    const std::vector<uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x03,
                                       0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9};
    wwtest::writeBytes(dir / "photos/p1.jpg", jpeg);
    expectRefused(dir, {"photos.csv:2: error: photo file \"photos/p1.jpg\": "});
}

TEST_CASE("a folder where a photo belongs is refused") {
    TempDir t;
    const fs::path dir = t.path() / "photo-folder";
    assemble(dir, "base");
    fs::remove(dir / "photos/p1.jpg");
    fs::create_directories(dir / "photos/p1.jpg");
    expectRefused(dir, {"photos.csv:2: error: photo file \"photos/p1.jpg\" is not a file"});
}
