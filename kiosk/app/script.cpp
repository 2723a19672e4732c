// The script runner (see script.h). Input goes through the same touch path as a finger: a tap is a
// press frame and a release frame at one point, so scripts test what visitors do.
#include "app/script.h"

#include "app/kiosk_app.h"
#include "platform/log.h"

#include <cmath>
#include <iostream>
#include <sstream>

namespace ww {

namespace {

struct ScriptError {
    std::string message;
};

void settle(App& app, int frames) {
    PointerState up = app.pointer();
    up.down = false;
    for (int i = 0; i < frames; ++i) app.step(up);
}

void tapAt(App& app, ImVec2 at) {
    app.step(PointerState{at, true});
    app.step(PointerState{at, false});
    // Navigation applies after the release frame; the next frame registers the new screen's targets.
    settle(app, 2);
}

void tapId(App& app, const std::string& id) {
    ImVec2 at;
    if (!app.pointFor(id, &at)) {
        const nlohmann::json t = app.targets();
        std::string ids;
        int n = 0;
        for (const auto& target : t["targets"]) {
            if (n++ == 40) {
                ids += ", …";
                break;
            }
            ids += (ids.empty() ? "" : ", ") + target["id"].get<std::string>();
        }
        throw ScriptError{"no target '" + id + "' on screen (on screen: " + ids + ")"};
    }
    tapAt(app, at);
}

// The key id for one typed character: letters as their lower-case key, space as "space".
std::string keyFor(const std::string& ch) {
    if (ch == " ") return "space";
    if (ch.size() == 1) return std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(ch[0]))));
    if (ch == "Ä") return "ä";
    if (ch == "Ö") return "ö";
    if (ch == "Ü") return "ü";
    if (ch == "ẞ") return "ß";
    return ch;
}

double number(const std::string& s, const char* what) {
    try {
        size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size()) throw std::invalid_argument(s);
        return v;
    } catch (const std::exception&) {
        throw ScriptError{std::string("expected a number for ") + what + ", got '" + s + "'"};
    }
}

void execute(App& app, const std::string& line, std::ostream& out, bool* quit) {
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    std::vector<std::string> args;
    for (std::string a; in >> a;) args.push_back(a);

    if (cmd == "tap") {
        if (args.size() == 1 && args[0].size() > 1 && args[0][0] == '@') return tapId(app, args[0].substr(1));
        if (args.size() == 2) return tapAt(app, ImVec2(static_cast<float>(number(args[0], "x")), static_cast<float>(number(args[1], "y"))));
        throw ScriptError{"usage: tap @ID | tap X Y"};
    }
    if (cmd == "drag") {
        if (args.size() != 4 && args.size() != 5) throw ScriptError{"usage: drag X1 Y1 X2 Y2 [MS]"};
        const ImVec2 a(static_cast<float>(number(args[0], "x1")), static_cast<float>(number(args[1], "y1")));
        const ImVec2 b(static_cast<float>(number(args[2], "x2")), static_cast<float>(number(args[3], "y2")));
        const double ms = args.size() == 5 ? number(args[4], "milliseconds") : 300;
        const int steps = std::max(2, static_cast<int>(std::lround(ms / (1000.0 / 60.0))));
        app.step(PointerState{a, true});
        for (int i = 1; i <= steps; ++i) {
            const float f = static_cast<float>(i) / steps;
            app.step(PointerState{ImVec2(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f), true});
        }
        app.step(PointerState{b, false});
        settle(app, 1);
        return;
    }
    if (cmd == "type") {
        const size_t at = line.find("type") + 4;
        std::string text = at < line.size() ? line.substr(at + 1) : std::string();
        for (size_t i = 0; i < text.size();) {
            size_t n = 1;
            const unsigned char c0 = static_cast<unsigned char>(text[i]);
            if (c0 >= 0xF0) n = 4;
            else if (c0 >= 0xE0) n = 3;
            else if (c0 >= 0xC0) n = 2;
            const std::string ch = text.substr(i, n);
            i += n;
            const std::string id = "kbd." + keyFor(ch);
            ImVec2 p;
            if (!app.pointFor(id, &p)) throw ScriptError{"cannot type '" + ch + "': no key " + id + " on screen"};
            tapAt(app, p);
        }
        return;
    }
    if (cmd == "wait") {
        if (args.size() != 1) throw ScriptError{"usage: wait MS"};
        const double ms = number(args[0], "milliseconds");
        if (ms < 0) throw ScriptError{"wait needs a positive time"};
        app.advance(ms / 1000.0);
        return;
    }
    if (cmd == "clock") {
        if (args.size() != 1) throw ScriptError{"usage: clock 2022-09-07T10:30 | clock +MINUTES"};
        if (args[0][0] == '+' || args[0][0] == '-') app.shiftClock(number(args[0], "minutes"));
        else if (!app.setClock(args[0])) throw ScriptError{"cannot read the time '" + args[0] + "' (want 2022-09-07T10:30)"};
        // Two frames: a new time can change the whole screen (opening hours), and targets register a
        // frame later.
        settle(app, 2);
        return;
    }
    if (cmd == "state") {
        if (!args.empty()) throw ScriptError{"state takes no arguments"};
        out << app.state().dump() << std::endl;
        return;
    }
    if (cmd == "targets") {
        if (!args.empty()) throw ScriptError{"targets takes no arguments"};
        out << app.targets().dump() << std::endl;
        return;
    }
    if (cmd == "screenshot") {
        if (args.empty() || args.size() > 2) throw ScriptError{"usage: screenshot FILE.png [MAX_WIDTH]"};
        const int width = args.size() == 2 ? static_cast<int>(number(args[1], "width")) : 0;
        std::string error;
        if (!app.screenshot(args[0], width, &error)) {
            if (app.headless()) logWarn("screenshot %s skipped: %s", args[0].c_str(), error.c_str());
            else throw ScriptError{"screenshot failed: " + error};
        }
        return;
    }
    if (cmd == "quit") {
        if (!args.empty()) throw ScriptError{"quit takes no arguments"};
        *quit = true;
        return;
    }
    throw ScriptError{"unknown command '" + cmd +
                      "' (known: tap, drag, type, wait, clock, state, targets, screenshot, quit)"};
}

} // namespace

int runScript(App& app, std::istream& in, std::ostream& out, const std::string& source_name) {
    // Start from a settled screen: the first frames register the targets a script taps.
    settle(app, 2);
    std::string line;
    int number_ = 0;
    while (std::getline(in, line)) {
        ++number_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        line = line.substr(first);
        bool quit = false;
        try {
            execute(app, line, out, &quit);
        } catch (const ScriptError& e) {
            std::cerr << "wegweiser: " << source_name << ":" << number_ << ": " << e.message << "\n  in: " << line << std::endl;
            return 2;
        }
        if (quit || app.quitRequested()) return 0;
    }
    return 0;
}

} // namespace ww
