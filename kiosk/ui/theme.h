// The look: one typeface (Inter) in four sizes with Fork Awesome merged in, one accent colour on light
// neutral surfaces (and a high-contrast twin), and a spacing unit. Every size derives from the display,
// so 1080p, 4K, portrait and 200 % text all reflow instead of being scaled.
#pragma once

#include <imgui.h>

#include <string>

namespace ww {

struct Palette {
    ImU32 bg;           // the page
    ImU32 surface;      // cards and tiles
    ImU32 surface_alt;  // secondary panels, inactive chips
    ImU32 border;
    ImU32 text;
    ImU32 text_muted;   // still ≥ 4.5:1 on surface
    ImU32 accent;       // the one brand colour: bar, primary tiles, selection
    ImU32 accent_text;  // text on accent
    ImU32 accent_soft;  // tinted backgrounds
    ImU32 pressed;      // overlay while a finger is down on a target
    ImU32 live;         // "on now" status (always with icon and word)
    ImU32 warn;
    ImU32 shadow;
    ImU32 scrim;        // dims the page under the idle dialog
    // floor plan
    ImU32 map_bg, map_floor, map_floor_line, map_room, map_room_line, map_hall, map_stage, map_service,
        map_stand, map_stand_vacant, map_stand_line, map_stand_text, map_selected, map_poi, map_you;
};

struct Theme {
    // Display scale: 1 at a 1080 px short side.
    float scale = 1;
    // 1.0, 1.5 or 2.0: the visitor's text size.
    float text_scale = 1;
    bool contrast = false;
    float unit = 8;     // spacing grid, 8 px at 1080p
    float radius = 16;  // tile corners
    float bar_h = 96;   // the persistent bar
    float min_target = 72; // smallest touch target edge (~ 2 cm on a 24" 1080p panel)
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
