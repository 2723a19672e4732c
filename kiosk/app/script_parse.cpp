// Reading script lines into commands (see script.h). Kept apart from running them so that the
// reading needs no window, no UI and no content: the tests and the fuzzer feed it any text.
#include "app/script.h"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ww {

namespace {

// A finite number within ±limit, or false with a message naming the argument.
bool number(const std::string& s, const char* what, double limit, double* out, std::string* error) {
    double v = 0;
    size_t used = 0;
    try {
        v = std::stod(s, &used);
    } catch (const std::exception&) {
        used = 0; // out_of_range ("1e999") and invalid_argument alike
    }
    if (used == 0 || used != s.size() || !std::isfinite(v)) {
        *error = std::string("expected a number for ") + what + ", got '" + s + "'";
        return false;
    }
    if (std::fabs(v) > limit) {
        std::ostringstream msg;
        msg << what << " " << s << " is out of range (at most " << limit << ")";
        *error = msg.str();
        return false;
    }
    *out = v;
    return true;
}

bool coordinate(const std::string& s, const char* what, float* out, std::string* error) {
    double v = 0;
    if (!number(s, what, kScriptMaxCoordinate, &v, error)) return false;
    *out = static_cast<float>(v);
    return true;
}

} // namespace

bool parseScriptLine(const std::string& line, ScriptCommand* cmd, std::string* error) {
    using Kind = ScriptCommand::Kind;
    *cmd = ScriptCommand{};
    std::istringstream in(line);
    std::string name;
    in >> name;
    std::vector<std::string> args;
    for (std::string a; in >> a;)
        args.push_back(a);
    auto fail = [&](const std::string& message) {
        *error = message;
        return false;
    };

    if (name == "tap") {
        if (args.size() == 1 && args[0].size() > 1 && args[0][0] == '@') {
            cmd->kind = Kind::TapTarget;
            cmd->text = args[0].substr(1);
            return true;
        }
        if (args.size() != 2) return fail("usage: tap @ID | tap X Y");
        cmd->kind = Kind::TapPoint;
        return coordinate(args[0], "x", &cmd->x1, error) && coordinate(args[1], "y", &cmd->y1, error);
    }
    if (name == "drag") {
        if (args.size() != 4 && args.size() != 5) return fail("usage: drag X1 Y1 X2 Y2 [MS]");
        cmd->kind = Kind::Drag;
        cmd->ms = 300;
        if (!coordinate(args[0], "x1", &cmd->x1, error) || !coordinate(args[1], "y1", &cmd->y1, error) ||
            !coordinate(args[2], "x2", &cmd->x2, error) || !coordinate(args[3], "y2", &cmd->y2, error))
            return false;
        if (args.size() == 5) {
            if (!number(args[4], "milliseconds", kScriptMaxDragMs, &cmd->ms, error)) return false;
            if (cmd->ms < 0) return fail("a drag needs a positive time");
        }
        return true;
    }
    if (name == "type") {
        // The rest of the line as written, spaces included ("type Müller GmbH").
        const size_t at = line.find("type") + 4;
        cmd->kind = Kind::Type;
        cmd->text = at < line.size() ? line.substr(at + 1) : std::string();
        return true;
    }
    if (name == "wait") {
        if (args.size() != 1) return fail("usage: wait MS");
        cmd->kind = Kind::Wait;
        if (!number(args[0], "milliseconds", kScriptMaxWaitMs, &cmd->ms, error)) return false;
        if (cmd->ms < 0) return fail("wait needs a positive time");
        return true;
    }
    if (name == "clock") {
        if (args.size() != 1) return fail("usage: clock 2022-09-07T10:30 | clock +MINUTES");
        if (args[0][0] == '+' || args[0][0] == '-') {
            cmd->kind = Kind::ClockShift;
            return number(args[0], "minutes", kScriptMaxClockShiftMinutes, &cmd->minutes, error);
        }
        cmd->kind = Kind::ClockSet;
        cmd->text = args[0];
        return true;
    }
    if (name == "state" || name == "targets" || name == "overflow" || name == "quit") {
        if (!args.empty()) return fail(name + " takes no arguments");
        cmd->kind = name == "state"     ? Kind::State
                    : name == "targets" ? Kind::Targets
                    : name == "quit"    ? Kind::Quit
                                        : Kind::Overflow;
        return true;
    }
    if (name == "screenshot") {
        if (args.empty() || args.size() > 2) return fail("usage: screenshot FILE.png [MAX_WIDTH]");
        cmd->kind = Kind::Screenshot;
        cmd->text = args[0];
        if (args.size() == 2) {
            double width = 0;
            if (!number(args[1], "width", kScriptMaxScreenshotWidth, &width, error)) return false;
            if (width < 0) return fail("a screenshot width is 0 (as drawn) or a number of pixels");
            cmd->width = static_cast<int>(width);
        }
        return true;
    }
    return fail("unknown command '" + name +
                "' (known: tap, drag, type, wait, clock, state, targets, overflow, screenshot, quit)");
}

} // namespace ww
