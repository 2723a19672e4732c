// The short soak: `wegweiser --headless --monkey` for some tens of thousands of frames of random
// taps, drags, typing and setting toggles, the event clock running through both event days and
// beyond (closed hours with a kiosk.toml, idle resets), and the content database replaced every few
// minutes by the sample or a copy with exhibitors, talks and photos removed or renamed. The long run
// (a million frames) is the same command; docs/RELIABILITY.md has its figures.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Run {
    int exit = -1;
    int signal = 0;
    bool hung = false;
    std::string out;
};

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

// Runs a program with stdout to `out` and stderr to `err`, killed after `limit_s`.
Run run(const std::string& bin, std::vector<std::string> args, const fs::path& out, const fs::path& err,
        double limit_s) {
    Run r;
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o >= 0) dup2(o, 1);
        if (e >= 0) dup2(e, 2);
        std::vector<char*> argv{const_cast<char*>(bin.c_str())};
        for (std::string& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    const auto t0 = std::chrono::steady_clock::now();
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) != pid) {
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() > limit_s) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            r.hung = true;
            break;
        }
        usleep(20000);
    }
    if (!r.hung && WIFEXITED(status)) r.exit = WEXITSTATUS(status);
    if (!r.hung && WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = readText(out);
    return r;
}

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Keeps the header and the data rows `keep` accepts (numbered from 1), each passed through `edit`.
void editCsv(const fs::path& file, bool (*keep)(int, const std::string&),
             std::string (*edit)(const std::string&)) {
    std::istringstream in(readText(file));
    std::string line, out;
    int n = 0;
    std::getline(in, line);
    out = line + "\n";
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (keep(++n, line)) out += edit(line) + "\n";
    }
    writeText(file, out);
}

// The sample with a third of the exhibitors gone, Amt24 and a talk under new ids, the second day's
// lounge talks gone and six photos left: a visitor on a page that disappears must land on its list.
std::string buildModifiedDatabase(const fs::path& dir) {
    const fs::path content = dir / "content";
    fs::copy(fs::path(WW_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
    editCsv(
        content / "exhibitors.csv", [](int n, const std::string&) { return n % 3 != 0; },
        [](const std::string& l) { return startsWith(l, "amt24,") ? "amt24-sachsen" + l.substr(5) : l; });
    editCsv(
        content / "programme.csv", [](int, const std::string& l) { return !startsWith(l, "d2-l"); },
        [](const std::string& l) { return startsWith(l, "d1-s01,") ? "d1-s01-neu" + l.substr(6) : l; });
    editCsv(
        content / "photos.csv",
        [](int, const std::string& l) {
            for (const char* id : {"eroeffnung-01,", "eroeffnung-02,", "fachausstellung-01,",
                                   "fachausstellung-02,", "innovationslounge-01,", "innovationslounge-04,"})
                if (startsWith(l, id)) return true;
            return false;
        },
        [](const std::string& l) { return l; });
    const fs::path db = dir / "modified.db";
    const Run r =
        run(std::string(WW_BIN_DIR) + "/wegweiser-content", {"build", content.string(), "-o", db.string()},
            dir / "build.log", dir / "build.err", 120);
    REQUIRE_MESSAGE(r.exit == 0, "building the modified content failed:\n"
                                     << r.out << readText(dir / "build.err"));
    fs::remove_all(content);
    return db.string();
}

// Beyond this the kiosk counts as hung: several times what the run takes, so a busy machine never
// looks like a hang (a sanitizer build runs several times slower still).
#if defined(__SANITIZE_ADDRESS__)
constexpr int kHangSeconds = 480;
#else
constexpr int kHangSeconds = 150;
#endif

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = std::string(WW_KIOSK_TMP) + "/soak-XXXXXX";
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

} // namespace

TEST_CASE("a monkey's 30,000 frames through every screen, both event days, closed hours and content swaps") {
    TempDir t;
    const std::string sample = WW_KIOSK_DB;
    const std::string modified = buildModifiedDatabase(t.path);
    const fs::path live = t.path / "live.db";
    fs::copy_file(sample, live);
    // Opening hours make the clock's run through the night show the closed screen.
    writeText(t.path / "kiosk.toml", "[hours]\ndaily = \"08:00-18:30\"\n");

    const auto t0 = std::chrono::steady_clock::now();
    const Run r =
        run(WW_KIOSK_BIN,
            {"--headless", "--content", live.string(), "--settings", (t.path / "kiosk.toml").string(),
             "--monkey", "30000", "--seed", "7", "--swap-db", sample + "," + modified},
            t.path / "summary.json", t.path / "log", kHangSeconds);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::string log = readText(t.path / "log");
    auto tail = [&] { return log.size() > 4000 ? "[…]\n" + log.substr(log.size() - 4000) : log; };
    REQUIRE_MESSAGE((!r.hung && r.signal == 0),
                    (r.hung ? "hung" : "killed by signal " + std::to_string(r.signal)) << "\n"
                                                                                       << tail());
    const json j = json::parse(r.out, nullptr, false);
    REQUIRE_MESSAGE(j.is_object(), "no JSON summary; stdout: " << r.out << "\nlog:\n" << tail());
    MESSAGE("soak: " << j.dump() << " (" << seconds << " s)");

    CHECK_MESSAGE(r.exit == 0, "failures: " << j["failures"].dump() << "\nlog:\n" << tail());
    CHECK(j["frames"].get<int>() >= 30000);
    CHECK(j["exceptions"] == 0);
    CHECK(j["blank_screens"] == 0);
    CHECK(j["failures"].empty());
    // Nothing grows: memory of the last quarter within 10 % + 5 MB of the first, threads as at the start.
    const double first = j["rss_mb"]["first_quarter_median"], last = j["rss_mb"]["last_quarter_median"];
    // (Not under AddressSanitizer, whose quarantine grows by design; the summary says "judged": false.)
    if (j["rss_mb"].value("judged", true))
        CHECK_MESSAGE(last <= first * 1.10 + 5.0, "RSS " << first << " MB → " << last << " MB");
    CHECK(j["threads"]["end"] == j["threads"]["start"]);
    CHECK(j["images"]["end"]["bytes"].get<double>() <= j["images"]["end"]["budget_bytes"].get<double>());
    // It went everywhere a visitor can go, and through what the kiosk itself does.
    CHECK_MESSAGE(j["screens_missing"].empty(), j["screens"].dump());
    CHECK(j["screens"].contains("closed"));
    CHECK(j["screens"].contains("staff"));
    CHECK(j["swaps"].get<int>() >= 2);
    CHECK(j["idle_resets"].get<int>() >= 2);
    CHECK(j["typed"].get<int>() > 0);
    CHECK(j["drags"].get<int>() > 0);
    CHECK(j["toggled"].contains("a11y.text-200"));
    CHECK(j["toggled"].contains("a11y.contrast"));
    CHECK(j["toggled"].contains("a11y.low-reach"));
    CHECK(j["toggled"].contains("lang.en"));
    // The clock ran from the first morning to the day after the event.
    CHECK(j["clock"]["start"].get<std::string>().rfind("2022-09-07T06", 0) == 0);
    CHECK(j["clock"]["end"].get<std::string>().rfind("2022-09-09", 0) == 0);
}

TEST_CASE("the monkey is headless only and says so; --help documents it") {
    TempDir t;
    const Run bad = run(WW_KIOSK_BIN, {"--monkey", "100"}, t.path / "out", t.path / "err", 20);
    CHECK(bad.exit == 2);
    CHECK(readText(t.path / "err").find("--monkey runs headless") != std::string::npos);
    const Run help = run(WW_KIOSK_BIN, {"--help"}, t.path / "out", t.path / "err", 20);
    CHECK(help.exit == 0);
    for (const char* opt : {"--monkey FRAMES", "--seed N", "--swap-db"})
        CHECK_MESSAGE(help.out.find(opt) != std::string::npos, opt);
}
