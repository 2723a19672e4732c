// Buttons in scroll areas and chips that wrap (see chip.h).
#include "ui/chip.h"

#include "ui/program_parts.h"

#include <algorithm>
#include <cmath>

namespace ww {

bool scrolledButton(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
                    float view_top, float view_bottom, Style style, ImFont* font) {
    if (max.y <= view_top || min.y >= view_bottom) return false; // out of view: nothing to draw
    if (min.y >= view_top - 0.5f && max.y <= view_bottom + 0.5f) return button(c, id, icon, label, min, max, style, font);
    // Cut by the edge: the same look, registered with a scratch registry that nobody reads.
    Touch scratch;
    Ctx look(c.model, c.settings, c.th, scratch, c.images, c.nav, c.tz);
    look.dl = c.dl;
    look.min = c.min;
    look.max = c.max;
    button(look, id, icon, label, min, max, style, font);
    return false;
}

namespace {

// The label's room inside a chip of `width` (button() pads u(2) each side; the icon and its gap first).
float labelRoom(Ctx& c, const char* icon, float width, ImFont* font) {
    return width - c.th.u(4) - (icon ? textWidth(font, icon) + c.th.u(1.5f) : 0);
}

} // namespace

float chipHeight(Ctx& c, const char* icon, const std::string& label, float width, ImFont* font) {
    if (!font) font = c.th.strong;
    if (buttonWidth(c, icon, label, font) <= width + 0.5f) return c.th.min_target;
    const size_t lines = wrapLines(font, label, labelRoom(c, icon, width, font)).size();
    return std::max(c.th.min_target, lines * font->FontSize + c.th.u(3));
}

bool chip(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
          float view_top, float view_bottom, Style style, ImFont* font) {
    if (!font) font = c.th.strong;
    if (buttonWidth(c, icon, label, font) <= max.x - min.x + 0.5f)
        return scrolledButton(c, id, icon, label, min, max, view_top, view_bottom, style, font);
    if (max.y <= view_top || min.y >= view_bottom) return false;
    // The frame and the pressed look from button(), the words drawn here, line by line.
    const bool whole = min.y >= view_top - 0.5f && max.y <= view_bottom + 0.5f;
    bool tapped = false;
    if (whole) tapped = c.touch.target(id, label, min, max);
    {
        Touch scratch;
        Ctx look(c.model, c.settings, c.th, scratch, c.images, c.nav, c.tz);
        look.dl = c.dl;
        look.min = c.min;
        look.max = c.max;
        button(look, id, nullptr, "", min, max, style, font);
    }
    const Palette& p = c.th.c;
    if (whole && c.touch.held(id))
        c.dl->AddRectFilled(min, max, p.pressed, std::min(c.th.radius, (max.y - min.y) * 0.5f));
    ImU32 fg = c.th.contrast ? p.text : p.accent;
    if (style == Style::Primary) fg = p.accent_text;
    else if (style == Style::Quiet) fg = p.text;
    const std::vector<std::string> lines = wrapLines(font, label, labelRoom(c, icon, max.x - min.x, font));
    float x = min.x + c.th.u(2);
    float y = std::floor((min.y + max.y - lines.size() * font->FontSize) * 0.5f);
    if (icon) {
        text(c, font, ImVec2(x, y), fg, icon);
        x += textWidth(font, icon) + c.th.u(1.5f);
    }
    for (const std::string& line : lines) {
        text(c, font, ImVec2(x, y), fg, line);
        y += font->FontSize;
    }
    return tapped;
}

ImVec2 ChipFlow::place(float w, float h) {
    if (x > x0 && x + w > x1 + 0.5f) {
        x = x0;
        y += row_h + gap;
        row_h = 0;
    }
    const ImVec2 at(x, y);
    x += w + gap;
    row_h = std::max(row_h, h);
    return at;
}

} // namespace ww
