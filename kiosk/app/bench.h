// --bench: a tour of every screen driven like a visitor would, then one JSON object with the frame
// build times, the startup time and the peak memory.
#pragma once

#include <iosfwd>

namespace ww {

class App;

int runBench(App& app, std::ostream& out);

// The process's peak resident memory (VmHWM), in MB.
double peakRssMb();

} // namespace ww
