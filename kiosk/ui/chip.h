// A button inside a scroll area that only takes touches while it is wholly in view: one cut by the
// area's edge is drawn the same but not registered, so every registered target stays finger-sized.
#pragma once

#include "ui/widgets.h"

namespace ww {

bool scrolledButton(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
                    float view_top, float view_bottom, Style style = Style::Secondary, ImFont* font = nullptr);

} // namespace ww
