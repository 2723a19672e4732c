// Fonts through FreeType (Inter ships as CFF outlines, which stb_truetype cannot read), glyph ranges for
// German typography, the two palettes and the size ladder.
#include "ui/theme.h"
#include "ui/icons.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <sys/stat.h>
#include <vector>

namespace ww {

const char* const kFontRegular = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";
const char* const kFontSemiBold = "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf";
const char* const kFontIcons = "/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf";

namespace icon {
const unsigned short kAllCodepoints[] = {
    0xf015, 0xf060, 0xf054, 0xf053, 0xf279, 0xf041, 0xf1ad, 0xf073, 0xf017, 0xf03e, 0xf030, 0xf002, 0xf29a,
    0xf193, 0xf0ac, 0xf00d, 0xf00c, 0xf05a, 0xf071, 0xf021, 0xf252, 0xf183, 0xf07d, 0xf148, 0xf08b, 0xf129,
    0xf0f2, 0xf0f4, 0xf0fa, 0xf00e, 0xf010, 0xf065, 0xf21d, 0xf130, 0xf02b, 0xf0c1, 0xf007, 0xf0c0, 0xf042,
    0xf034, 0xf04b, 0xf177, 0xf12d, 0xf11c, 0xf0c9, 0xf2d0, 0xf0e8, 0xf0a6, 0xf0e0, 0xf095, 0xf111,
    0xf04c, 0xf028, 0xf027};
const int kAllCodepointCount = sizeof kAllCodepoints / sizeof kAllCodepoints[0];
} // namespace icon

namespace {

// Latin-1 and Latin Extended-A (names from neighbouring countries), general punctuation („ “ ‚ ‘ – — …),
// €, arrows and the multiplication sign. ImGui keeps a pointer, so these live for the whole program.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF, // Basic Latin + Latin-1 (° § × ä ö ü ß)
    0x0100, 0x017F, // Latin Extended-A
    0x2010, 0x2027, // dashes, quotes, bullet, ellipsis
    0x2030, 0x203A, // per mille, single guillemets
    0x20AC, 0x20AC, // €
    0x2190, 0x2193, // arrows
    0x2212, 0x2212, // minus
    0,
};

std::vector<ImWchar> g_icon_ranges;

const ImWchar* iconRanges() {
    if (g_icon_ranges.empty()) {
        std::vector<unsigned short> cps(icon::kAllCodepoints, icon::kAllCodepoints + icon::kAllCodepointCount);
        std::sort(cps.begin(), cps.end());
        for (unsigned short cp : cps) {
            g_icon_ranges.push_back(cp);
            g_icon_ranges.push_back(cp);
        }
        g_icon_ranges.push_back(0);
    }
    return g_icon_ranges.data();
}

void requireFile(const char* path, const char* package) {
    struct stat st {};
    if (stat(path, &st) != 0)
        throw std::runtime_error(std::string("font file missing: ") + path + " (install the Debian package " +
                                 package + ")");
}

ImFont* addFont(ImFontAtlas* atlas, const char* file, float px) {
    ImFontConfig cfg;
    cfg.OversampleH = 1; // FreeType hints; oversampling only grows the atlas
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = atlas->AddFontFromFileTTF(file, px, &cfg, kTextRanges);
    if (!font) throw std::runtime_error(std::string("cannot load font ") + file);
    ImFontConfig icons;
    icons.MergeMode = true;
    icons.OversampleH = 1;
    icons.OversampleV = 1;
    icons.PixelSnapH = true;
    icons.GlyphMinAdvanceX = px * 1.15f; // icons share one width so labels line up
    icons.GlyphOffset = ImVec2(0, px * 0.02f);
    if (!atlas->AddFontFromFileTTF(kFontIcons, px * 0.92f, &icons, iconRanges()))
        throw std::runtime_error(std::string("cannot load icon font ") + kFontIcons);
    return font;
}

ImU32 rgb(unsigned hex, int a = 255) {
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, a);
}

} // namespace

void Theme::build(int w, int h, float ts, bool high_contrast) {
    requireFile(kFontRegular, "fonts-inter");
    requireFile(kFontSemiBold, "fonts-inter");
    requireFile(kFontIcons, "fonts-fork-awesome");
    const float short_side = static_cast<float>(std::min(w, h));
    scale = std::max(0.5f, short_side / 1080.0f);
    text_scale = ts;
    contrast = high_contrast;
    unit = std::round(8.0f * scale);
    radius = 2.0f * unit;
    bar_h = std::round(12.0f * unit * (1.0f + (ts - 1.0f) * 0.5f));
    min_target = 9.0f * unit;
    min_touch = 6.0f * unit;

    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    // Headings grow less than body text: at 200 % a 128 px title would push everything off screen.
    const float big = 1.0f + (ts - 1.0f) * 0.5f;
    display = addFont(atlas, kFontSemiBold, std::round(64.0f * scale * big));
    heading = addFont(atlas, kFontSemiBold, std::round(40.0f * scale * (1.0f + (ts - 1.0f) * 0.75f)));
    body = addFont(atlas, kFontRegular, std::round(28.0f * scale * ts));
    strong = addFont(atlas, kFontSemiBold, std::round(28.0f * scale * ts));
    caption = addFont(atlas, kFontRegular, std::round(22.0f * scale * ts));
    if (!atlas->Build()) throw std::runtime_error("cannot build the font atlas (FreeType failed)");
    io.FontDefault = body;
    applyPalette();
}

void Theme::applyPalette() {
    // Both palettes are checked pair by pair (colourPairs below) by tests/kiosk/test_kiosk_a11y.cpp:
    // text ≥ 4.5:1 (≥ 7:1 in high contrast), edges, indicators and plan symbols ≥ 3:1.
    if (!contrast) {
        // Deep blue on warm-neutral greys: quiet, official, readable in a bright foyer.
        c.bg = rgb(0xEEF1F5);
        c.surface = rgb(0xFFFFFF);
        c.surface_alt = rgb(0xE3E8EF);
        c.border = rgb(0xC9D1DC);
        c.outline = rgb(0x6B7789);
        c.text = rgb(0x14202E);
        c.text_muted = rgb(0x4A5668);
        c.accent = rgb(0x0B4A8B);
        c.accent_text = rgb(0xFFFFFF);
        c.accent_soft = rgb(0xDCE8F5);
        c.bar_outline = rgb(0xFFFFFF, 150);
        c.pressed = rgb(0x0B4A8B, 40);
        c.live = rgb(0x0B6B33);
        c.warn = rgb(0x8F5200);
        c.shadow = rgb(0x14202E, 28);
        c.scrim = rgb(0x14202E, 170);
        c.grid_minor = rgb(0xC9D1DC, 128);
        c.logo_plate = rgb(0xFFFFFF);
        c.photo_backdrop = rgb(0x121418);
        c.photo_scrim = rgb(0x0A0C10, 190);
        c.photo_text = rgb(0xFFFFFF);
        c.photo_text_muted = rgb(0xE2E6EC);
        c.photo_placeholder = rgb(0xFFFFFF, 18);
        c.closed_bg = rgb(0x08090B);
        c.closed_text = rgb(0xAAAFB8);
        c.closed_text_muted = rgb(0x80858E);
        c.map_bg = rgb(0xE6EAF0);
        c.map_floor = rgb(0xFAFBFC);
        c.map_floor_line = rgb(0x6F7D91);
        c.map_room = rgb(0xF1F4F8);
        c.map_room_line = rgb(0x76828F);
        c.map_hall = rgb(0xF6F8FB);
        c.map_stage = rgb(0xE9EEF7);
        c.map_service = rgb(0xECEEF1);
        c.map_stand = rgb(0xC8DBF0);
        c.map_stand_vacant = rgb(0xE4E7EC);
        c.map_stand_line = rgb(0x0B4A8B);
        c.map_stand_text = rgb(0x0A2E55);
        c.map_selected = rgb(0xB35900);
        c.map_poi = rgb(0x0B4A8B);
        c.map_you = rgb(0xC0392B);
        c.map_symbol = rgb(0xFFFFFF);
    } else {
        // Black, white and yellow: well above 7:1 everywhere.
        c.bg = rgb(0x000000);
        c.surface = rgb(0x101010);
        c.surface_alt = rgb(0x262626);
        c.border = rgb(0xFFFFFF);
        c.outline = rgb(0xFFFFFF);
        c.text = rgb(0xFFFFFF);
        c.text_muted = rgb(0xE6E6E6);
        c.accent = rgb(0xFFD60A);
        c.accent_text = rgb(0x000000);
        c.accent_soft = rgb(0x3A3000);
        c.bar_outline = rgb(0x000000, 200);
        c.pressed = rgb(0xFFD60A, 70);
        c.live = rgb(0x5CFF8F);
        c.warn = rgb(0xFFB04A);
        c.shadow = rgb(0x000000, 0);
        c.scrim = rgb(0x000000, 215);
        c.grid_minor = rgb(0xFFFFFF, 128);
        c.logo_plate = rgb(0xFFFFFF);
        c.photo_backdrop = rgb(0x000000);
        c.photo_scrim = rgb(0x000000, 235);
        c.photo_text = rgb(0xFFFFFF);
        c.photo_text_muted = rgb(0xF0F0F0);
        c.photo_placeholder = rgb(0xFFFFFF, 24);
        c.closed_bg = rgb(0x000000);
        c.closed_text = rgb(0xD6D6D6);
        c.closed_text_muted = rgb(0xAAAAAA);
        c.map_bg = rgb(0x000000);
        c.map_floor = rgb(0x141414);
        c.map_floor_line = rgb(0xFFFFFF);
        c.map_room = rgb(0x1E1E1E);
        c.map_room_line = rgb(0xFFFFFF);
        c.map_hall = rgb(0x181818);
        c.map_stage = rgb(0x24243A);
        c.map_service = rgb(0x202020);
        c.map_stand = rgb(0x00315E);
        c.map_stand_vacant = rgb(0x2A2A2A);
        c.map_stand_line = rgb(0xFFD60A);
        c.map_stand_text = rgb(0xFFFFFF);
        c.map_selected = rgb(0xFF8C1A);
        c.map_poi = rgb(0xFFD60A);
        c.map_you = rgb(0xFF7566);
        c.map_symbol = rgb(0x000000);
    }
}

// [SECTION] Contrast

namespace {

double channel(unsigned v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 col) {
    return 0.2126 * channel((col >> IM_COL32_R_SHIFT) & 0xff) + 0.7152 * channel((col >> IM_COL32_G_SHIFT) & 0xff) +
           0.0722 * channel((col >> IM_COL32_B_SHIFT) & 0xff);
}

} // namespace

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImU32 composite(ImU32 fg, ImU32 bg) {
    const unsigned a = (fg >> IM_COL32_A_SHIFT) & 0xff;
    auto mix = [&](int shift) {
        const unsigned f = (fg >> shift) & 0xff, b = (bg >> shift) & 0xff;
        return (f * a + b * (255 - a) + 127) / 255;
    };
    return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), 255);
}

std::vector<ColourPair> colourPairs(const Palette& p) {
    const ImU32 white = IM_COL32_WHITE;
    std::vector<ColourPair> v;
    auto text = [&](const char* where, ImU32 fg, ImU32 bg) { v.push_back({where, fg, bg, true}); };
    auto edge = [&](const char* where, ImU32 fg, ImU32 bg) { v.push_back({where, fg, bg, false}); };

    // Words on the page, cards and panels (every screen, the staff menu, the idle dialog).
    for (ImU32 bg : {p.bg, p.surface, p.surface_alt}) {
        text("text on page / card / panel", p.text, bg);
        text("muted text on page / card / panel", p.text_muted, bg);
        text("accent words and icons (titles, times, letters, outlined buttons)", p.accent, bg);
        text("live status words (\"läuft gerade\", route steps)", p.live, bg);
        text("programme change words (delayed, cancelled, moved)", p.warn, bg);
    }
    // Tinted backgrounds: selected buttons and chips, the running talk, notes, logo placeholders.
    text("text on a selected button / running talk", p.text, p.accent_soft);
    text("muted text on the running talk", p.text_muted, p.accent_soft);
    text("accent words on a selected button / note", p.accent, p.accent_soft);
    text("live words on the running talk", p.live, p.accent_soft);
    text("change words on a running, changed talk", p.warn, p.accent_soft);
    // The accent: the bar, primary buttons, the first home tile, the rail's current letter.
    text("words on the bar / primary buttons", p.accent_text, p.accent);
    text("the selected bar button's words", p.accent, p.accent_text);
    text("\"Jetzt\" label on the live colour", p.accent_text, p.live);
    // The photo viewer: words on the scrim, over the brightest photo there is.
    const ImU32 over_white = composite(p.photo_scrim, white);
    text("photo caption on the scrim over a white photo", p.photo_text, over_white);
    text("photo credit on the scrim over a white photo", p.photo_text_muted, over_white);
    text("photo placeholder words", p.photo_text_muted, composite(p.photo_placeholder, p.photo_backdrop));
    // Closed outside opening hours.
    text("closed screen words", p.closed_text, p.closed_bg);
    text("closed screen second language", p.closed_text_muted, p.closed_bg);
    // Floor plan words.
    text("stand number on a stand", p.map_stand_text, p.map_stand);
    text("stand number on a vacant stand", p.map_stand_text, p.map_stand_vacant);
    text("stand number on the selected stand", p.map_symbol, p.map_selected);
    for (ImU32 bg : {p.map_room, p.map_hall, p.map_stage, p.map_service})
        text("room name on its room", p.text_muted, bg);
    text("selected room's name", p.text, p.accent_soft);
    text("name beside a point of interest (on its backing)", p.text, composite(p.map_floor & 0xD9FFFFFF, p.map_stand));
    text("compass \"N\" on the plan", p.text, p.map_bg);
    text("compass \"N\" on the floor", p.text, p.map_floor);
    text("route marker words and icons", p.map_symbol, p.live);
    text("destination marker words", p.map_symbol, p.map_selected);
    text("point of interest icon", p.map_symbol, p.map_poi);
    text("\"you are here\" words", p.map_symbol, p.map_you);

    // Edges of controls, selection and focus indicators, status marks.
    for (ImU32 bg : {p.bg, p.surface, p.surface_alt}) {
        edge("outlined control's edge", p.outline, bg);
        edge("selected control's edge and indicator bar", p.accent, bg);
        edge("running talk's edge / now line / progress", p.live, bg);
        edge("changed talk's stripe and edge", p.warn, bg);
    }
    edge("selected control's indicator bar on its tint", p.accent, p.accent_soft);
    edge("now line across the running talk", p.live, p.accent_soft);
    edge("bar button's edge on the bar", composite(p.bar_outline, p.accent), p.accent);
    edge("selected bar button against the bar", p.accent_text, p.accent);
    edge("search field's edge and cursor", p.accent, p.surface);
    // Floor plan graphics.
    edge("building outline against the plan's background", p.map_floor_line, p.map_bg);
    edge("walls on the floor", p.map_floor_line, p.map_floor);
    for (ImU32 floor : {p.map_floor, p.map_hall}) {
        edge("stand outline against the floor", p.map_stand_line, floor);
        edge("vacant stand / room outline against the floor", p.map_room_line, floor);
        edge("selected stand / room against the floor", p.map_selected, floor);
        edge("point of interest disc against the floor", p.map_poi, floor);
        edge("\"you are here\" dot against the floor", p.map_you, floor);
    }
    edge("selected stand against a neighbouring stand", p.map_selected, p.map_stand);
    edge("room outline against its room", p.map_room_line, p.map_room);
    for (ImU32 ground : {p.map_floor, p.map_hall, p.map_room, p.map_stage, p.map_service})
        edge("route line against the plan", p.live, ground);
    edge("route line against its casing", p.live, p.map_symbol);
    return v;
}

} // namespace ww
