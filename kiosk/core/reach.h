// The reach line of the low-reach (wheelchair) mode: EN 301 549 clause 8.3 (stationary ICT, unobstructed
// high forward reach) and ADA 2010 §308.2.1 put the highest point a seated person reaches forward at
// 1220 mm above the floor. From how the screen is
// mounted ([mounting] in kiosk.toml) follows which part of the screen lies below that height; in
// low-reach mode every touch target's centre lies in that part.
#pragma once

namespace ww {

// Unobstructed high forward reach (EN 301 549 8.3, ADA 308.2.1), millimetres above the floor.
constexpr int kForwardReachHighMm = 1220;
// The least part of the screen the low-reach layout needs (the bar and one row of content).
constexpr float kMinLowArea = 1.0f / 3.0f;

struct ReachLine {
    // The line as a fraction of the screen height from the top edge: targets' centres lie below it.
    // 0 = the whole screen is within reach.
    float from_top = 0.5f;
    enum class Why {
        Mounting,   // from screen_bottom_mm and screen_height_mm
        Unknown,    // no mounting data: the lower half
        TooHigh,    // less than kMinLowArea of the screen is within reach: the lower kMinLowArea, and a warning
    } why = Why::Unknown;
    // How much of the screen is below 1220 mm (mm), for the warning; < 0 without mounting data.
    int reachable_mm = -1;
};

// The line for a screen whose bottom edge is `screen_bottom_mm` above the floor and whose visible
// height is `screen_height_mm` (either 0 = unknown).
ReachLine lowReachLine(int screen_bottom_mm, int screen_height_mm);

// The line in display pixels for a display `display_h` pixels tall.
float reachLineY(const ReachLine& line, float display_h);

} // namespace ww
