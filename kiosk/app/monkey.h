// --monkey: a long, seeded run of random visitor input against the headless kiosk (taps on touch
// targets and anywhere, drags, typing, language and accessibility toggles, long idle waits), with the
// event clock running through the event days and beyond and the content database replaced every few
// minutes. It watches what a kiosk must survive for days: exceptions caught by the frame guard, blank
// screens, sessions that do not reset, content that does not swap, memory, threads and the image
// cache. One JSON line sums it up; the exit status says whether anything went wrong.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace ww {

class App;

// Field by field, with defaults.
struct MonkeyOptions {
    uint64_t frames = 0;               // --monkey FRAMES: stop after this many rendered frames
    uint64_t seed = 1;                 // --seed: the same seed gives the same sequence of actions
    std::vector<std::string> swap_dbs; // --swap-db A.db,B.db: copied over the --content file in turn
    double swap_every_s = 180;         // virtual seconds between two content replacements
    std::string content;               // the --content file the kiosk watches (replaced by swaps)
};

// Splits "A.db,B.db" into paths; empty parts are dropped.
std::vector<std::string> splitSwapList(const std::string& list);

// Runs the monkey on an initialised headless app and prints the summary to `out`. Returns 0 when
// every check held, 1 when one failed (the summary's "failures" says which), 2 on a setup problem.
int runMonkey(App& app, const MonkeyOptions& options, std::ostream& out);

} // namespace ww
