// Shared touch widgets: every tappable thing goes through button()/card() which draw, register the
// target and report the tap; text helpers that wrap and ellipsize; scroll areas with inertia.
#pragma once

#include "ui/context.h"

#include <string>

namespace ww {

enum class Style {
    Primary,   // accent fill: the one main action of a view
    Secondary, // outlined on a surface
    Quiet,     // text only
    Selected,  // the chosen one of a group (language, level, day)
    Bar,       // on the accent-coloured bar
    BarSelected,
};

// A button with an icon and a word (icons never stand alone). Returns true when tapped.
bool button(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
            Style style = Style::Secondary, ImFont* font = nullptr);
// Width a button() needs for its icon and label in `font`.
float buttonWidth(Ctx& c, const char* icon, const std::string& label, ImFont* font = nullptr);

// A tappable card background; draw the content on top. Returns true when tapped.
bool card(Ctx& c, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, bool selected = false);
void panel(Ctx& c, ImVec2 min, ImVec2 max, ImU32 fill, bool shadow = true);

// Text. All return the height used.
float text(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s);
float textWrapped(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s, float width);
float textHeight(ImFont* font, const std::string& s, float width);
float textWidth(ImFont* font, const std::string& s);
// One line; cut with "…" if wider than `width`.
void textEllipsis(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s, float width);
std::string ellipsize(ImFont* font, const std::string& s, float width);
// Centred in a box.
void textCentered(Ctx& c, ImFont* font, ImVec2 min, ImVec2 max, ImU32 col, const std::string& s);

// One axis of a dragged area: follows the finger (against resistance past the ends), keeps its
// momentum after a throw and springs back from overscroll. `delta` is this frame's finger movement,
// `velocity` the finger's speed at release, `view` the visible length.
void scrollAxis(Ctx& c, ScrollState& st, bool dragging, bool released, float delta, float velocity, float view);

// A vertical scroll area. Between begin and end, draw at y = returned origin; content outside the
// viewport is clipped and its targets are not registered.
float scrollBegin(Ctx& c, const std::string& id, ImVec2 min, ImVec2 max, ScrollState& st);
void scrollEnd(Ctx& c, const std::string& id, ImVec2 min, ImVec2 max, ScrollState& st, float content_h);
// True if [y0, y1) is inside the viewport of the scroll area being drawn (skip drawing otherwise).
bool visibleY(Ctx& c, float y0, float y1);

// A screen's title row with icon; returns its height. In a low low-reach area (titleAboveReach) the
// title stands just above the reach line instead, where it is read but never touched, and the height
// returned is a small top margin.
float screenTitle(Ctx& c, const char* icon, const std::string& title, const std::string& subtitle = {});
// Low reach with a tight mounting: the area below the line is too low to spend on a screen's title.
bool titleAboveReach(const Ctx& c);

// Draws an image to cover (crop) or fit (letterbox) a box; a calm placeholder while it is loading.
void image(Ctx& c, const std::string& key, ImVec2 min, ImVec2 max, bool cover, float rounding = 0);

std::string utf8(unsigned codepoint);

} // namespace ww
