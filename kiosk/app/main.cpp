// wegweiser: the kiosk. Parses the command line, then wires platform, content, screens and, when
// asked, the script runner or the benchmark.
#include "app/bench.h"
#include "app/kiosk_app.h"
#include "app/monkey.h"
#include "app/script.h"
#include "core/kiosk_settings.h"
#include "platform/log.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace {

const char* const kUsage =
    "usage: wegweiser [--content FILE.db] [--kiosk ID] [--windowed WxH] [--lang de|en]\n"
    "                 [--now ISO-LOCAL-TIME] [--headless] [--script FILE|-] [--bench]\n"
    "                 [--monkey FRAMES [--seed N] [--swap-db A.db,B.db]]\n"
    "                 [--settings FILE] | --hash-pin\n";

const char* const kHelp =
    "Wegweiser – touchscreen guide for trade fairs and conferences.\n"
    "\n"
    "  --content FILE.db   the content database (default: content.db in the working directory;\n"
    "                      `make run` passes build/content.db). Replacing the file reloads it.\n"
    "  --kiosk ID          this kiosk's id in the content (\"you are here\"); default: the first kiosk\n"
    "  --windowed WxH      a window of W×H pixels instead of full screen (staff preview)\n"
    "  --lang de|en        the language every visit starts in (default de)\n"
    "  --now TIME          start the event clock at this local time, e.g. 2022-09-07T10:30\n"
    "  --headless          no window and no GL: the real UI on a virtual clock, for tests\n"
    "                      (size from --windowed, default 1920x1080)\n"
    "  --script FILE|-     run script commands from FILE or standard input, one per line:\n"
    "                        tap @ID | tap X Y | drag X1 Y1 X2 Y2 [MS] | type TEXT | wait MS\n"
    "                        clock ISO | clock +MINUTES | state | targets | overflow\n"
    "                        screenshot FILE.png [MAX_WIDTH] | quit\n"
    "                      (overflow: one JSON line of the text cut with \"…\", spilling over its box\n"
    "                      or crossing a touch target's edge on the screen as it stands)\n"
    "  --bench             tour every screen and print frame times, startup time and peak memory\n"
    "                      as one JSON object\n"
    "  --monkey FRAMES     with --headless: random taps, drags, typing and setting toggles for FRAMES\n"
    "                      frames while the event clock runs from the first morning to the day after\n"
    "                      the event; prints one JSON summary (exceptions, blank screens, sessions\n"
    "                      that did not reset, memory, threads, image cache); exit 1 if a check failed\n"
    "  --seed N            the monkey's seed (default 1): the same seed, the same actions\n"
    "  --swap-db A.db,...  every 3 minutes of virtual time the monkey replaces the --content file\n"
    "                      (copy, then rename) by the next of these databases: it overwrites it\n"
    "  --image-memory MB   texture memory kept for photos and logos (default 64, fits a kiosk\n"
    "                      with 2 GB of memory)\n"
    "  --settings FILE     the kiosk's settings (default /etc/wegweiser/kiosk.toml, or $WEGWEISER_SETTINGS;\n"
    "                      the default file is not read in --headless runs). --content and --kiosk\n"
    "                      on the command line win over the file. See docs/OPERATIONS.md.\n"
    "  --hash-pin          read a staff PIN (4–12 digits) from standard input and print the\n"
    "                      pin_hash = \"…\" line for kiosk.toml; the PIN itself is stored nowhere\n"
    "  --version, --help\n"
    "\n"
    "Staff menu: hold a finger still for 3 s in the top-left corner, then enter the PIN. In a script\n"
    "that is a drag that does not move: drag 40 40 40 40 3200.\n"
    "The full-screen kiosk ignores window close requests and keys (Esc, Alt+F4, Ctrl+Q); exit from\n"
    "the staff menu (status 0) or stop the service.\n"
    "\n"
    "Environment:\n"
    "  WEGWEISER_LOG=LEVEL\n"
    "                      debug, info, warning or error (default info); logs go to standard error\n"
    "                      (the journal when run as the service)\n"
    "  WEGWEISER_AUDIO_DEVICE=NAME\n"
    "                      the ALSA device speech plays through, e.g. hw:1,0 for a headphone socket\n"
    "                      (default: ALSA's \"default\"); see docs/OPERATIONS.md\n"
    "  WEGWEISER_SETTINGS=FILE\n"
    "                      the settings file when --settings is not given (read in --headless runs too)\n"
    "\n"
    "Exit status: 0 fine, 1 a --monkey check failed, 2 usage error, no display, or a failing script line.\n";

int usageError(const std::string& message) {
    std::cerr << "wegweiser: " << message << "\n" << kUsage;
    return 2;
}

// `wegweiser --hash-pin`: one line from standard input (typed or piped), the hash line on standard output.
int hashPinCommand() {
    if (isatty(0)) std::cerr << "Staff PIN (4–12 digits): " << std::flush;
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    if (pin.size() < 4 || pin.size() > 12 || pin.find_first_not_of("0123456789") != std::string::npos) {
        std::cerr << "wegweiser: a staff PIN is 4 to 12 digits (the pad has only digits)\n";
        return 2;
    }
    std::cout << "pin_hash = \"" << ww::hashPin(pin) << "\"\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    using namespace ww;
    if (const char* lvl = std::getenv("WEGWEISER_LOG")) {
        if (!std::strcmp(lvl, "debug")) setLogLevel(LogLevel::Debug);
        else if (!std::strcmp(lvl, "warning")) setLogLevel(LogLevel::Warn);
        else if (!std::strcmp(lvl, "error")) setLogLevel(LogLevel::Error);
    }
    AppOptions opt;
    MonkeyOptions monkey;
    std::string settings_path;
    bool content_given = false, kiosk_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string* out) {
            if (i + 1 >= argc) return false;
            *out = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            std::cout << kUsage << "\n" << kHelp;
            return 0;
        } else if (a == "--version") {
            std::cout << "wegweiser " << WW_VERSION << "\n";
            return 0;
        } else if (a == "--content") {
            if (!value(&opt.content)) return usageError("--content needs a file");
            content_given = true;
        } else if (a == "--kiosk") {
            if (!value(&opt.kiosk)) return usageError("--kiosk needs an id");
            kiosk_given = true;
        } else if (a == "--settings") {
            if (!value(&settings_path)) return usageError("--settings needs a file");
        } else if (a == "--hash-pin") {
            return hashPinCommand();
        } else if (a == "--windowed") {
            if (!value(&v)) return usageError("--windowed needs WxH, e.g. 1920x1080");
            int w = 0, h = 0;
            char x = 0;
            if (std::sscanf(v.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 320 || h < 320 ||
                w > 16384 || h > 16384)
                return usageError("--windowed wants WxH with both at least 320, e.g. 1080x1920; got '" + v + "'");
            opt.width = w;
            opt.height = h;
        } else if (a == "--lang") {
            if (!value(&v) || (v != "de" && v != "en")) return usageError("--lang wants de or en");
            opt.lang = v == "en" ? Lang::En : Lang::De;
        } else if (a == "--now") {
            if (!value(&opt.now) || !parseLocalDateTime(opt.now))
                return usageError("--now wants a local time like 2022-09-07T10:30");
        } else if (a == "--headless") {
            opt.headless = true;
        } else if (a == "--script") {
            if (!value(&opt.script)) return usageError("--script needs a file or -");
        } else if (a == "--bench") {
            opt.bench = true;
        } else if (a == "--monkey") {
            if (!value(&v) || std::strtoull(v.c_str(), nullptr, 10) == 0)
                return usageError("--monkey wants a number of frames, e.g. 50000");
            monkey.frames = std::strtoull(v.c_str(), nullptr, 10);
        } else if (a == "--seed") {
            if (!value(&v) || v.find_first_not_of("0123456789") != std::string::npos)
                return usageError("--seed wants a whole number, e.g. 7");
            monkey.seed = std::strtoull(v.c_str(), nullptr, 10);
        } else if (a == "--swap-db") {
            if (!value(&v) || splitSwapList(v).empty()) return usageError("--swap-db wants A.db,B.db");
            monkey.swap_dbs = splitSwapList(v);
        } else if (a == "--image-memory") {
            if (!value(&v) || std::atoi(v.c_str()) < 16 || std::atoi(v.c_str()) > 8192)
                return usageError("--image-memory wants megabytes between 16 and 8192, e.g. 64");
            opt.image_memory_mb = static_cast<size_t>(std::atoi(v.c_str()));
        } else {
            return usageError("unknown option '" + a + "'");
        }
    }
    if (monkey.frames && (!opt.headless || opt.bench || !opt.script.empty()))
        return usageError("--monkey runs headless on its own: use --headless, without --script or --bench");
    if (!monkey.swap_dbs.empty() && !monkey.frames) return usageError("--swap-db belongs to --monkey");
    opt.headless_images = monkey.frames > 0;
    if (opt.headless && opt.script.empty() && !opt.bench && !monkey.frames)
        return usageError("--headless runs a --script or the --bench tour; it has no window to wait on");
    if (opt.bench && !opt.script.empty()) return usageError("--bench runs its own tour; leave out --script");

    // The kiosk's settings: a broken file is logged and defaulted, never a reason not to start.
    bool settings_named = !settings_path.empty();
    if (!settings_named) {
        if (const char* env = std::getenv(kSettingsEnv); env && *env) {
            settings_path = env;
            settings_named = true;
        } else if (!opt.headless) {
            settings_path = kDefaultSettingsPath;
        }
    }
    if (!settings_path.empty()) {
        opt.site = loadKioskSettings(settings_path, settings_named);
        for (const std::string& p : opt.site.problems) logWarn("settings: %s", p.c_str());
        if (!opt.site.source.empty()) logInfo("settings read from %s", opt.site.source.c_str());
        if (!content_given && !opt.site.database.empty()) opt.content = opt.site.database;
        if (!kiosk_given && !opt.site.kiosk.empty()) opt.kiosk = opt.site.kiosk;
        if (!opt.site.source.empty() && opt.site.pin_hash.empty())
            logWarn("settings: no pin_hash: the staff menu cannot be unlocked (create one with wegweiser --hash-pin)");
    }

    std::ifstream script_file;
    if (!opt.script.empty() && opt.script != "-") {
        script_file.open(opt.script);
        if (!script_file) return usageError("cannot open the script " + opt.script);
    }

    App app(opt);
    std::string error;
    if (!app.init(&error)) {
        logError("%s", error.c_str());
        return 2;
    }
    if (opt.bench) return runBench(app, std::cout);
    if (monkey.frames) {
        monkey.content = opt.content;
        return runMonkey(app, monkey, std::cout);
    }
    if (!opt.script.empty()) {
        std::istream& in = opt.script == "-" ? std::cin : script_file;
        return runScript(app, in, std::cout, opt.script == "-" ? "stdin" : opt.script);
    }
    return app.run();
}
