// Buttons in scroll areas (see chip.h).
#include "ui/chip.h"

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

} // namespace ww
