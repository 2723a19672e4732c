// wegweiser-content as staff run it: exit codes, the report's shape, and stats.
#include "support.h"

#include <nlohmann/json.hpp>

#include <sys/wait.h>

using wwtest::Fixture;
using wwtest::TempDir;

namespace {

struct Run {
    int status = -1;
    std::string out;
};

Run tool(const std::string& args) {
    std::string cmd = std::string(WW_BIN_DIR) + "/wegweiser-content " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

} // namespace

TEST_CASE("check on a good folder exits 0 and says so in its summary") {
    Fixture f;
    Run r = tool("check " + f.dir());
    CHECK_MESSAGE(r.status == 0, r.out);
    CHECK(r.out.find(": 0 errors, 0 warnings — 2 exhibitors, 2 stands, 3 talks, 2 rooms, 2 levels, 1 photos") !=
          std::string::npos);
}

TEST_CASE("check lists every problem as file:line: error: message with a hint, and exits 1") {
    Fixture f;
    f.replace("exhibitors.csv", "amt24,Amt24,A2", "amt24,Amt24,B12");
    f.replace("programme.csv", "10:15,,lounge", "10:15,,raum-elbe");
    Run r = tool("check " + f.dir());
    CHECK(r.status == 1);
    CHECK(r.out.find(f.dir() + "/exhibitors.csv:3: error: exhibitor amt24: unknown stand \"B12\"\n  hint: ") !=
          std::string::npos);
    CHECK(r.out.find(f.dir() + "/programme.csv:4: error: talk t3: unknown room \"raum-elbe\"\n  hint: ") !=
          std::string::npos);
    CHECK(r.out.find(": 2 errors, 1 warning") != std::string::npos);
}

TEST_CASE("build with errors writes nothing; build without writes a database stats can read") {
    Fixture f;
    TempDir out;
    std::string db = (out.path() / "content.db").string();
    f.replace("programme.csv", "10:15,,lounge", "10:15,,raum-elbe");
    Run bad = tool("build " + f.dir() + " -o " + db);
    CHECK(bad.status == 1);
    CHECK(!std::filesystem::exists(db));
    CHECK(bad.out.find("nothing written") != std::string::npos);

    f.replace("programme.csv", "10:15,,raum-elbe", "10:15,,lounge");
    Run good = tool("build " + f.dir() + " -o " + db);
    REQUIRE_MESSAGE(good.status == 0, good.out);
    Run stats = tool("stats " + db);
    REQUIRE(stats.status == 0);
    auto j = nlohmann::json::parse(stats.out);
    CHECK(j["exhibitors"] == 2);
    CHECK(j["stands"] == 2);
    CHECK(j["talks"] == 3);
    CHECK(j["rooms"] == 2);
    CHECK(j["levels"] == 2);
    CHECK(j["galleries"] == 1);
    CHECK(j["photos"] == 1);
    CHECK(j["topics"] == 1);
    CHECK(j["pois"] == 1);
    CHECK(j["content_version"].get<std::string>().size() == 16);
}

TEST_CASE("usage and I/O problems exit 2 with a message") {
    CHECK(tool("").status == 2);
    CHECK(tool("frobnicate content").status == 2);
    CHECK(tool("build").status == 2);
    Run missing = tool("check /nonexistent/folder");
    CHECK(missing.status == 2);
    CHECK(missing.out.find("is not a folder") != std::string::npos);
    Run stats = tool("stats /nonexistent/content.db");
    CHECK(stats.status == 2);
    CHECK(stats.out.find("does not exist") != std::string::npos);

    Fixture f;
    Run unwritable = tool("build " + f.dir() + " -o /nonexistent/dir/content.db");
    CHECK(unwritable.status == 2);
    CHECK(tool("--help").status == 0);
    CHECK(tool("--version").status == 0);
}
