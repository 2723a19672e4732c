// Accessibility settings a visitor can change for their visit: text size, high contrast, reduced
// motion, low reach, speech output and its volume (and how to switch speech on without sight).
// Everything returns to the defaults when the session ends. Landscape puts "seeing" (text, contrast, motion) beside "reaching and hearing" (low
// reach, speech); portrait and large text stack them.
#include "ui/chip.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

std::string A11yScreen::title(const Ctx& c) const {
    return c.t(S::Accessibility);
}

void A11yScreen::draw(Ctx& c) {
    const Theme& th = c.th;
    const float head = screenTitle(c, icon::Accessibility, c.t(S::Accessibility), c.t(S::A11yIntro));
    const float margin = th.u(4);
    const float gap = th.u(6);
    const float space = th.u(2); // between the buttons of a row of choices

    const char* const size_ids[] = {"a11y.text-100", "a11y.text-150", "a11y.text-200"};
    const char* const size_labels[] = {"100 %", "150 %", "200 %"};
    const float sizes[] = {1.0f, 1.5f, 2.0f};
    const char* const volume_ids[] = {"a11y.volume-1", "a11y.volume-2", "a11y.volume-3"};
    const char* const volume_labels[] = {c.t(S::VolumeQuiet), c.t(S::VolumeMedium), c.t(S::VolumeLoud)};
    // The width a row of choices needs side by side: each as wide as the widest with its check mark.
    auto rowWidth = [&](const char* const* labels, int n) {
        float widest = 0;
        for (int i = 0; i < n; ++i) widest = std::max(widest, buttonWidth(c, icon::Check, labels[i], th.heading));
        return widest * n + space * (n - 1);
    };

    // Two columns where each keeps a comfortable line length for the hints (rows of choices that do
    // not fit stack up in their column).
    const float two_w = std::min((c.w() - margin * 2 - gap) / 2, th.u(110));
    const bool two = two_w >= th.u(90);
    const float w = two ? two_w : std::min(c.w() - margin * 2, th.u(120));
    ScrollState& st = c.nav.route().scroll;
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x, c.max.y);
    float y = scrollBegin(c, "a11y.list", a, b, st) + th.u(2);
    const float top = y;
    float x = c.min.x + margin;
    // At 200 % the heading font outgrows the usual button height.
    const float bh = std::max(th.min_target * 1.2f, th.heading->FontSize + th.u(3));

    auto section = [&](const char* ic, S label, S hint, S more = S::Count_) {
        y += textWrapped(c, th.heading, ImVec2(x, y), th.c.text, std::string(ic) + "  " + c.t(label), w) + th.u(2);
        if (hint != S::Count_) y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, c.t(hint), w) + th.u(2);
        if (more != S::Count_)
            y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, c.t(more), w) + th.u(2);
    };
    // The choices of one setting, side by side where they fit, else one under the other (large text);
    // the chosen one carries a check mark.
    auto choices = [&](const char* const* ids, const char* const* labels, int n, int chosen) {
        const bool row = rowWidth(labels, n) <= w;
        const float bw = row ? (w - space * (n - 1)) / n : w;
        int tapped = -1;
        for (int i = 0; i < n; ++i) {
            const float bx = row ? x + i * (bw + space) : x;
            const bool on = i == chosen;
            if (scrolledButton(c, ids[i], on ? icon::Check : nullptr, labels[i], ImVec2(bx, y), ImVec2(bx + bw, y + bh),
                               a.y, b.y, on ? Style::Selected : Style::Secondary, th.heading))
                tapped = i;
            if (!row) y += bh + (i + 1 < n ? space : 0);
        }
        if (row) y += bh;
        y += th.u(5);
        return tapped;
    };
    auto toggle = [&](const char* id, const char* ic, S label, S hint, bool& value, S more = S::Count_) {
        section(ic, label, hint, more);
        // One switch per setting: its label says the state, so it never relies on colour.
        // Cut by the list's edge it takes no touches: every registered target stays finger-sized.
        if (scrolledButton(c, id, value ? icon::Check : nullptr, c.t(value ? S::On : S::Off), ImVec2(x, y),
                           ImVec2(x + w, y + bh), a.y, b.y, value ? Style::Selected : Style::Secondary, th.heading))
            value = !value;
        y += bh + th.u(5);
    };

    section(icon::TextSize, S::TextSize, S::Count_);
    {
        int chosen = -1;
        for (int i = 0; i < 3; ++i)
            if (std::abs(c.settings.text_scale - sizes[i]) < 0.01f) chosen = i;
        const int t = choices(size_ids, size_labels, 3, chosen);
        if (t >= 0) c.settings.text_scale = sizes[t];
    }
    toggle("a11y.contrast", icon::Contrast, S::HighContrast, S::HighContrastHint, c.settings.contrast);
    toggle("a11y.motion", icon::Pause, S::ReducedMotion, S::ReducedMotionHint, c.settings.reduced_motion);

    const float first_bottom = y;
    if (two) {
        x += w + gap;
        y = top;
    }
    toggle("a11y.low-reach", icon::Wheelchair, S::LowReach, S::LowReachHint, c.settings.low_reach);
    // The gesture is told here too, for whoever helps a blind visitor, and for next time.
    toggle("a11y.speech", icon::VolumeUp, S::SpeechOutput, S::SpeechHint, c.settings.speech,
           S::SpeechHoldHint);
    section(icon::VolumeDown, S::SpeechVolume, S::Count_);
    {
        const int t = choices(volume_ids, volume_labels, 3, std::clamp(c.settings.speech_volume, 1, 3) - 1);
        if (t >= 0) c.settings.speech_volume = t + 1;
    }
    const float bottom = std::max(y, first_bottom);
    scrollEnd(c, "a11y.list", a, b, st, bottom - top + th.u(4));

    if (c.report) {
        nlohmann::json& j = *c.report;
        j["a11y_columns"] = two ? 2 : 1;
    }
}

} // namespace ww
