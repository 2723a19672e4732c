// The script interface of PRODUCT.md: one command per line drives the real UI (headless or windowed).
//   tap @ID | tap X Y | drag X1 Y1 X2 Y2 [MS] | type TEXT | wait MS | clock ISO | clock +MINUTES
//   state | targets | screenshot FILE.png [MAX_WIDTH] | quit
// Blank lines and lines starting with # are skipped.
#pragma once

#include <iosfwd>
#include <string>

namespace ww {

class App;

// Runs commands until the end of input or `quit`. Returns the exit code: 0, or 2 after an unknown
// command, a malformed line or a target that is not on screen (the message names the line).
int runScript(App& app, std::istream& in, std::ostream& out, const std::string& source_name);

} // namespace ww
