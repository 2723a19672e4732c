// The look: one typeface (Inter) in four sizes with Fork Awesome merged in, one accent colour on light
// neutral surfaces (and a high-contrast twin), and a spacing unit. Every size derives from the display,
// so 1080p, 4K, portrait and 200 % text all reflow instead of being scaled.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace ww {

// Every colour the screens draw with. Screens take colours only from here (tests/kiosk/test_kiosk_a11y.cpp
// rejects colour literals in kiosk/ui and checks every pair colourPairs() lists against WCAG 2.1).
struct Palette {
    ImU32 bg;           // the page
    ImU32 surface;      // cards and tiles
    ImU32 surface_alt;  // secondary panels, inactive chips
    ImU32 border;       // dividers and scroll indicators (decoration, not a control's edge)
    ImU32 outline;      // the edge of an outlined control (buttons, chips, keys): ≥ 3:1 on surface and bg
    ImU32 text;
    ImU32 text_muted;   // still ≥ 4.5:1 on every surface it is drawn on
    ImU32 accent;       // the one brand colour: bar, primary tiles, selection
    ImU32 accent_text;  // text on accent (and on live)
    ImU32 accent_soft;  // tinted backgrounds
    ImU32 bar_outline;  // the edge of a button on the accent-coloured bar (with alpha)
    ImU32 pressed;      // overlay while a finger is down on a target
    ImU32 live;         // "on now" status and the walking route (always with icon and word)
    ImU32 warn;         // programme changes (always with icon and word)
    ImU32 shadow;
    ImU32 scrim;        // dims the page under the idle dialog
    ImU32 grid_minor;   // the timeline's half-hour lines (decoration)
    ImU32 logo_plate;   // behind exhibitor logos, white in both themes: logos are made for white
    // the photo viewer: dark in both themes, words on a scrim over the photo
    ImU32 photo_backdrop, photo_scrim, photo_text, photo_text_muted, photo_placeholder;
    // outside opening hours: nearly off, still legible
    ImU32 closed_bg, closed_text, closed_text_muted;
    // floor plan
    ImU32 map_bg, map_floor, map_floor_line, map_room, map_room_line, map_hall, map_stage, map_service,
        map_stand, map_stand_vacant, map_stand_line, map_stand_text, map_selected, map_poi, map_you;
    // icons, rings and words on the plan's coloured symbols (points of interest, route markers, the
    // selected stand, "you are here") and the casing that lifts the route off the plan
    ImU32 map_symbol;
};

// One foreground drawn on one background somewhere in the UI: the contrast test reads this list.
struct ColourPair {
    const char* where; // "body text on cards", for the failure message
    ImU32 fg, bg;      // fg may carry alpha: it is composited over bg
    bool text;         // text (4.5:1, 7:1 in high contrast) or a control's edge / indicator / symbol (3:1)
};
// Every pair the screens draw, for this palette.
std::vector<ColourPair> colourPairs(const Palette& p);
// WCAG 2.1 contrast ratio of two opaque colours (relative luminance of linearised sRGB), 1 … 21.
double contrastRatio(ImU32 a, ImU32 b);
// `fg` (with its alpha) composited over the opaque `bg`.
ImU32 composite(ImU32 fg, ImU32 bg);

struct Theme {
    // Display scale: 1 at a 1080 px short side.
    float scale = 1;
    // 1.0, 1.5 or 2.0: the visitor's text size.
    float text_scale = 1;
    bool contrast = false;
    float unit = 8;     // spacing grid, 8 px at 1080p
    float radius = 16;  // tile corners
    float bar_h = 96;   // the persistent bar
    float min_target = 72; // the edge touch targets are drawn at (~ 2 cm on a 24" 1080p panel)
    float min_touch = 48;  // the least edge any registered target may have (48 px at 1080p; tested)
    Palette c{};

    ImFont* display = nullptr; // 64 px at 1080p, SemiBold
    ImFont* heading = nullptr; // 40 px, SemiBold
    ImFont* body = nullptr;    // 28 px, Regular
    ImFont* strong = nullptr;  // 28 px, SemiBold
    ImFont* caption = nullptr; // 22 px, Regular

    // Rebuilds the font atlas for a display of w×h at the given text scale. Throws std::runtime_error
    // naming the missing font file. The backend must re-upload the atlas afterwards.
    void build(int w, int h, float text_scale, bool contrast);
    void applyPalette();

    float u(float n) const { return unit * n; }
};

// The font files, from Debian's fonts-inter and fonts-fork-awesome packages.
extern const char* const kFontRegular;
extern const char* const kFontSemiBold;
extern const char* const kFontIcons;

} // namespace ww
