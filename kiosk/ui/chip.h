// A button inside a scroll area that only takes touches while it is wholly in view: one cut by the
// area's edge is drawn the same but not registered, so every registered target stays finger-sized.
// Chips (topic filters) whose words are wider than the row wrap onto more lines instead of being cut.
#pragma once

#include "ui/widgets.h"

namespace ww {

bool scrolledButton(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
                    float view_top, float view_bottom, Style style = Style::Secondary, ImFont* font = nullptr);

// The height a chip of at most `width` needs: a finger-sized row, or more when its label wraps.
float chipHeight(Ctx& c, const char* icon, const std::string& label, float width, ImFont* font = nullptr);
// A scrolledButton() whose label wraps (left-aligned after the icon) when it does not fit in one line.
bool chip(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
          float view_top, float view_bottom, Style style = Style::Secondary, ImFont* font = nullptr);

// Lays chips out left to right, wrapping where the row ends; a chip wider than the row takes a row of
// its own and wraps its words.
struct ChipFlow {
    float x0, x1, y;    // the row's extent and the current row's top
    float gap;          // between chips and between rows
    float x = 0, row_h = 0;
    ChipFlow(float left, float right, float top, float spacing) : x0(left), x1(right), y(top), gap(spacing), x(left) {}
    // Where the next chip of this size goes.
    ImVec2 place(float w, float h);
    // The bottom of the last row.
    float bottom() const { return y + row_h; }
};

} // namespace ww
