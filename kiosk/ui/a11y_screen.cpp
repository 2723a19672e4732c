// Accessibility settings a visitor can change for their visit: text size, high contrast, low reach.
// Everything returns to the defaults when the session ends.
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

std::string A11yScreen::title(const Ctx& c) const { return c.t(S::Accessibility); }

void A11yScreen::draw(Ctx& c) {
    const Theme& th = c.th;
    const float head = screenTitle(c, icon::Accessibility, c.t(S::Accessibility), c.t(S::A11yIntro));
    const float margin = th.u(4);
    const float x = c.min.x + margin;
    const float w = std::min(c.w() - margin * 2, th.u(120));
    ScrollState& st = c.nav.route().scroll;
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x, c.max.y);
    float y = scrollBegin(c, "a11y.list", a, b, st) + th.u(2);
    const float top = y;
    const float bh = th.min_target * 1.2f;

    auto section = [&](const char* ic, S label) {
        text(c, th.heading, ImVec2(x, y), th.c.text, std::string(ic) + "  " + c.t(label));
        y += th.heading->FontSize + th.u(2);
    };

    section(icon::TextSize, S::TextSize);
    {
        const float sizes[] = {1.0f, 1.5f, 2.0f};
        const char* ids[] = {"a11y.text-100", "a11y.text-150", "a11y.text-200"};
        const char* labels[] = {"100 %", "150 %", "200 %"};
        const float bw = (w - th.u(2) * 2) / 3;
        for (int i = 0; i < 3; ++i) {
            const float bx = x + i * (bw + th.u(2));
            const bool on = std::abs(c.settings.text_scale - sizes[i]) < 0.01f;
            if (button(c, ids[i], on ? icon::Check : nullptr, labels[i], ImVec2(bx, y), ImVec2(bx + bw, y + bh),
                       on ? Style::Selected : Style::Secondary, th.heading))
                c.settings.text_scale = sizes[i];
        }
        y += bh + th.u(5);
    }

    auto toggle = [&](const char* id, const char* ic, S label, S hint, bool& value) {
        section(ic, label);
        if (hint != S::Count_) {
            y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, c.t(hint), w) + th.u(2);
        }
        // One switch per setting: its label says the state, so it never relies on colour.
        if (button(c, id, value ? icon::Check : nullptr, c.t(value ? S::On : S::Off), ImVec2(x, y), ImVec2(x + w, y + bh),
                   value ? Style::Selected : Style::Secondary, th.heading))
            value = !value;
        y += bh + th.u(5);
    };
    toggle("a11y.contrast", icon::Contrast, S::HighContrast, S::Count_, c.settings.contrast);
    toggle("a11y.low-reach", icon::Wheelchair, S::LowReach, S::LowReachHint, c.settings.low_reach);
    scrollEnd(c, "a11y.list", a, b, st, y - top + th.u(4));
}

} // namespace ww
