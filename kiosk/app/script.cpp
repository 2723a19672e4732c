// The script runner (see script.h). Input goes through the same touch path as a finger: a tap is a
// press frame and a release frame at one point, so scripts test what visitors do.
#include "app/script.h"

#include "app/kiosk_app.h"
#include "platform/log.h"
#include "ui/text_fit.h"

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

void execute(App& app, const std::string& line, std::ostream& out, bool* quit) {
    using Kind = ScriptCommand::Kind;
    ScriptCommand cmd;
    std::string error;
    if (!parseScriptLine(line, &cmd, &error)) throw ScriptError{error};

    switch (cmd.kind) {
    case Kind::TapTarget: return tapId(app, cmd.text);
    case Kind::TapPoint: return tapAt(app, ImVec2(cmd.x1, cmd.y1));
    case Kind::Drag: {
        const ImVec2 a(cmd.x1, cmd.y1), b(cmd.x2, cmd.y2);
        const int steps = std::max(2, static_cast<int>(std::lround(cmd.ms / (1000.0 / 60.0))));
        app.step(PointerState{a, true});
        for (int i = 1; i <= steps; ++i) {
            const float f = static_cast<float>(i) / steps;
            app.step(PointerState{ImVec2(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f), true});
        }
        app.step(PointerState{b, false});
        settle(app, 1);
        return;
    }
    case Kind::Type: {
        const std::string& text = cmd.text;
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
    case Kind::Wait: app.advance(cmd.ms / 1000.0); return;
    case Kind::ClockShift:
    case Kind::ClockSet:
        if (cmd.kind == Kind::ClockShift) app.shiftClock(cmd.minutes);
        else if (!app.setClock(cmd.text)) throw ScriptError{"cannot read the time '" + cmd.text + "' (want 2022-09-07T10:30)"};
        // Two frames: a new time can change the whole screen (opening hours), and targets register a
        // frame later.
        settle(app, 2);
        return;
    case Kind::State: out << app.state().dump() << std::endl; return;
    case Kind::Targets: out << app.targets().dump() << std::endl; return;
    case Kind::Overflow:
        // One more frame, so the findings and the targets describe the screen as it stands now.
        app.state();
        out << textFitReport(app.targets()["targets"]).dump() << std::endl;
        return;
    case Kind::Screenshot:
        if (!app.screenshot(cmd.text, cmd.width, &error)) {
            if (app.headless()) logWarn("screenshot %s skipped: %s", cmd.text.c_str(), error.c_str());
            else throw ScriptError{"screenshot failed: " + error};
        }
        return;
    case Kind::Quit: *quit = true; return;
    }
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
