// The script interface of PRODUCT.md: one command per line drives the real UI (headless or windowed).
//   tap @ID | tap X Y | drag X1 Y1 X2 Y2 [MS] | type TEXT | wait MS | clock ISO | clock +MINUTES
//   state | targets | overflow | screenshot FILE.png [MAX_WIDTH] | quit
// Blank lines and lines starting with # are skipped.
#pragma once

#include <iosfwd>
#include <string>

namespace ww {

class App;

// One script line, read but not run. Numbers are range-checked here, so that a mistyped value
// ("wait 1e12") is a clear error instead of a kiosk that runs frames for years.
struct ScriptCommand {
    enum class Kind { TapTarget, TapPoint, Drag, Type, Wait, ClockSet, ClockShift, State, Targets, Overflow, Screenshot,
                      Quit };
    Kind kind = Kind::State;
    std::string text;       // target id (tap @ID), text to type, local time (clock ISO), file (screenshot)
    float x1 = 0, y1 = 0;   // tap point or drag start, screen pixels (|v| ≤ kScriptMaxCoordinate)
    float x2 = 0, y2 = 0;   // drag end
    double ms = 0;          // drag length (default 300) or wait, 0..kScriptMaxDragMs / kScriptMaxWaitMs
    double minutes = 0;     // clock shift, |m| ≤ kScriptMaxClockShiftMinutes
    int width = 0;          // screenshot's largest width, 0 = as drawn, at most kScriptMaxScreenshotWidth
};

constexpr double kScriptMaxCoordinate = 100000;
constexpr double kScriptMaxDragMs = 60 * 1000;
constexpr double kScriptMaxWaitMs = 24 * 3600 * 1000.0;
constexpr double kScriptMaxClockShiftMinutes = 366 * 24 * 60;
constexpr int kScriptMaxScreenshotWidth = 16384;

// Reads one command line (without its line break and leading blanks; not blank, not a comment).
// Returns false with a message that says what is wrong and what would be right.
bool parseScriptLine(const std::string& line, ScriptCommand* cmd, std::string* error);

// Runs commands until the end of input or `quit`. Returns the exit code: 0, or 2 after an unknown
// command, a malformed line or a target that is not on screen (the message names the line).
int runScript(App& app, std::istream& in, std::ostream& out, const std::string& source_name);

} // namespace ww
