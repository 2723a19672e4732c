// wegweiser-content: the staff tool. Checks a content folder, builds the kiosk database from it,
// and reports what a database holds.
//   exit 0 = fine, 1 = content errors (all listed), 2 = usage or I/O error
#include "content/build.h"
#include "core/store.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <vector>

namespace {

constexpr int kOk = 0;
constexpr int kContentErrors = 1;
constexpr int kUsage = 2;

const char* const kUsageText =
    "usage: wegweiser-content check DIR\n"
    "       wegweiser-content build DIR -o FILE.db [--threads N]\n"
    "       wegweiser-content stats FILE.db\n"
    "\n"
    "  check   report every problem in the content folder DIR (file:line: error|warning: message)\n"
    "  build   check, then write the kiosk database FILE.db; on any error nothing is written\n"
    "  stats   print the counts of a database as one JSON object\n"
    "\n"
    "exit status: 0 = fine, 1 = content errors, 2 = usage or I/O error\n"
    "The content format is described in content/README.md.\n";

int usage(const std::string& problem) {
    if (!problem.empty()) std::fprintf(stderr, "wegweiser-content: %s\n\n", problem.c_str());
    std::fputs(kUsageText, stderr);
    return kUsage;
}

std::string stripSlash(std::string dir) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir;
}

bool isDirectory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Prints every diagnostic with the folder in front, so paths can be opened from the terminal.
void report(const std::string& dir, const ww::Diagnostics& diags) {
    for (ww::Diagnostic d : diags.items()) {
        if (d.file != dir) d.file = dir + "/" + d.file;
        std::printf("%s\n", ww::Diagnostics::format(d).c_str());
    }
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

void summary(const std::string& dir, const ww::Diagnostics& diags, const ww::Model& m) {
    std::printf("%s: %s, %s — %zu exhibitors, %zu stands, %zu talks, %zu rooms, %zu levels, %zu photos\n", dir.c_str(),
                plural(diags.errors(), "error", "errors").c_str(), plural(diags.warnings(), "warning", "warnings").c_str(),
                m.exhibitors.size(), m.stands.size(), m.talks.size(), m.rooms.size(), m.levels.size(), m.photos.size());
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double peakRssMb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

int check(const std::string& dir) {
    if (!isDirectory(dir)) return usage("'" + dir + "' is not a folder");
    ww::Diagnostics diags;
    ww::Compiled c = ww::compileContent(dir, diags);
    report(dir, diags);
    summary(dir, diags, c.content.model);
    return diags.hasErrors() ? kContentErrors : kOk;
}

int build(const std::string& dir, const std::string& out, unsigned threads) {
    if (!isDirectory(dir)) return usage("'" + dir + "' is not a folder");
    auto t0 = std::chrono::steady_clock::now();
    ww::Diagnostics diags;
    ww::BuildOptions options;
    options.threads = threads;
    ww::Compiled c = ww::compileContent(dir, diags, options);
    report(dir, diags);
    summary(dir, diags, c.content.model);
    if (diags.hasErrors()) {
        std::printf("nothing written: fix the errors above and build again (%s is unchanged)\n", out.c_str());
        return kContentErrors;
    }
    try {
        ww::replaceDatabase(out, c.content.model, c.images);
    } catch (const ww::StoreError& e) {
        std::fprintf(stderr, "wegweiser-content: %s\n", e.what());
        return kUsage;
    }
    struct stat st {};
    ::stat(out.c_str(), &st);
    std::printf("wrote %s: content version %s, %.1f MB, %zu images, %.1f s, peak memory %.0f MB\n", out.c_str(),
                c.content.model.content_version.c_str(), static_cast<double>(st.st_size) / (1024.0 * 1024.0),
                c.images.size(), secondsSince(t0), peakRssMb());
    return kOk;
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\', out += static_cast<char>(ch);
        else if (ch < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", ch);
            out += buf;
        } else out += static_cast<char>(ch);
    }
    return out + "\"";
}

int stats(const std::string& path) {
    try {
        ww::Model m = ww::loadModel(path);
        std::printf("{\"exhibitors\": %zu, \"stands\": %zu, \"talks\": %zu, \"rooms\": %zu, \"levels\": %zu, "
                    "\"galleries\": %zu, \"photos\": %zu, \"topics\": %zu, \"pois\": %zu, \"kiosks\": %zu, "
                    "\"connectors\": %zu, \"images\": %zu, \"content_version\": %s, \"built_at\": %s}\n",
                    m.exhibitors.size(), m.stands.size(), m.talks.size(), m.rooms.size(), m.levels.size(),
                    m.galleries.size(), m.photos.size(), m.topics.size(), m.pois.size(), m.kiosks.size(),
                    m.connectors.size(), m.images.size(), jsonString(m.content_version).c_str(),
                    jsonString(m.built_at).c_str());
        return kOk;
    } catch (const ww::StoreError& e) {
        std::fprintf(stderr, "wegweiser-content: %s\n", e.what());
        return kUsage;
    }
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("");
    const std::string cmd = args[0];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::fputs(kUsageText, stdout);
        return kOk;
    }
    if (cmd == "--version") {
        std::printf("wegweiser-content %s (database schema %d)\n", WW_VERSION, ww::kSchemaVersion);
        return kOk;
    }
    if (cmd == "check") {
        if (args.size() != 2) return usage("check takes one content folder");
        return check(stripSlash(args[1]));
    }
    if (cmd == "build") {
        std::string dir, out;
        unsigned threads = 0;
        for (size_t i = 1; i < args.size(); ++i) {
            if ((args[i] == "-o" || args[i] == "--output") && i + 1 < args.size()) out = args[++i];
            else if (args[i] == "--threads" && i + 1 < args.size()) threads = static_cast<unsigned>(std::atoi(args[++i].c_str()));
            else if (!args[i].empty() && args[i][0] == '-') return usage("unknown option '" + args[i] + "'");
            else if (dir.empty()) dir = args[i];
            else return usage("build takes one content folder");
        }
        if (dir.empty() || out.empty()) return usage("build needs a content folder and -o FILE.db");
        return build(stripSlash(dir), out, threads);
    }
    if (cmd == "stats") {
        if (args.size() != 2) return usage("stats takes one database file");
        return stats(args[1]);
    }
    return usage("unknown command '" + cmd + "'");
}
