// The low-reach line from the mounting height (see reach.h).
#include "core/reach.h"

#include <algorithm>
#include <cmath>

namespace ww {

ReachLine lowReachLine(int screen_bottom_mm, int screen_height_mm) {
    ReachLine r;
    if (screen_bottom_mm <= 0 || screen_height_mm <= 0) return r; // unknown: the lower half
    r.reachable_mm = std::clamp(kForwardReachHighMm - screen_bottom_mm, 0, screen_height_mm);
    const float reachable = static_cast<float>(r.reachable_mm) / static_cast<float>(screen_height_mm);
    if (reachable < kMinLowArea) {
        // Mounted too high for the guide to fit below the line (or entirely above it): the lowest
        // layout the guide has, so at least the bar and the first rows are as low as they can be.
        r.why = ReachLine::Why::TooHigh;
        r.from_top = 1.0f - kMinLowArea;
        return r;
    }
    r.why = ReachLine::Why::Mounting;
    r.from_top = 1.0f - reachable;
    return r;
}

float reachLineY(const ReachLine& line, float display_h) { return std::ceil(display_h * line.from_top); }

} // namespace ww
