// The chrome around the screens: the persistent bar, the low-reach band, the idle warning and the
// waiting screen shown until content is available.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// The bar's words in the font that fits; two rows when even the small font is too wide for one
// (portrait at 200 % text).
struct BarLayout {
    ImFont* font;
    bool two_rows;
};

BarLayout barLayout(Ctx& c, float width) {
    const Theme& th = c.th;
    const float gap = th.u(1.5f), pad = th.u(2);
    auto row_w = [&](ImFont* f, bool left, bool right) {
        float w = 2 * pad;
        if (left)
            w += buttonWidth(c, icon::Home, c.t(S::Home), f) + buttonWidth(c, icon::Back, c.t(S::Back), f) + gap * 2;
        if (right)
            w += 2 * buttonWidth(c, nullptr, "DE", f) + buttonWidth(c, icon::Accessibility, c.t(S::Accessibility), f) +
                 gap * 3;
        if (left) w += textWidth(f, icon::Clock) + textWidth(f, "00:00") + th.u(4);
        return w;
    };
    if (row_w(th.strong, true, true) <= width) return {th.strong, false};
    if (row_w(th.caption, true, true) <= width) return {th.caption, false};
    return {th.caption, true};
}

} // namespace

float barHeight(Ctx& c, float width) {
    const BarLayout l = barLayout(c, width);
    return l.two_rows ? c.th.bar_h * 2 - c.th.u(2) : c.th.bar_h;
}

void drawBar(Ctx& c, ImVec2 min, ImVec2 max, ScreenId current) {
    const Theme& th = c.th;
    c.dl->AddRectFilled(min, max, th.c.accent);
    if (th.contrast) c.dl->AddLine(min, ImVec2(max.x, min.y), th.c.border, std::max(2.0f, th.scale * 2));
    const float pad = th.u(2);
    const float gap = th.u(1.5f);
    const std::string clock = clockText(c.now);
    const BarLayout layout = barLayout(c, max.x - min.x);
    ImFont* font = layout.font;
    const char* a11y_label = c.t(S::Accessibility);
    // One row: everything. Two rows: Home, Back and the clock above; languages and accessibility below.
    const float row_h = layout.two_rows ? (max.y - min.y - pad) * 0.5f : max.y - min.y;
    const float top_y0 = min.y + pad, top_y1 = min.y + row_h - (layout.two_rows ? pad * 0.5f : pad);
    const float low_y0 = layout.two_rows ? min.y + row_h + pad * 0.5f : top_y0;
    const float low_y1 = layout.two_rows ? max.y - pad : top_y1;

    float x = min.x + pad;
    auto place = [&](const char* ic, const std::string& label) {
        const float w = buttonWidth(c, ic, label, font);
        ImVec2 a(x, top_y0), b(x + w, top_y1);
        x += w + gap;
        return std::make_pair(a, b);
    };
    auto home = place(icon::Home, c.t(S::Home));
    if (button(c, "nav.home", icon::Home, c.t(S::Home), home.first, home.second,
               current == ScreenId::Home ? Style::BarSelected : Style::Bar, font))
        c.nav.home();
    if (c.nav.canGoBack()) {
        auto back = place(icon::Back, c.t(S::Back));
        if (button(c, "nav.back", icon::Back, c.t(S::Back), back.first, back.second, Style::Bar, font)) c.nav.back();
    }

    // Right side, from the right edge inwards: clock, accessibility, languages.
    float rx = max.x - pad;
    const float clock_w = textWidth(font, icon::Clock) + th.u(1) + textWidth(font, clock);
    rx -= clock_w;
    const float ty = std::floor((top_y0 + top_y1 - font->FontSize) * 0.5f);
    text(c, font, ImVec2(rx, ty), th.c.accent_text, icon::Clock);
    text(c, font, ImVec2(rx + textWidth(font, icon::Clock) + th.u(1), ty), th.c.accent_text, clock);
    if (layout.two_rows) {
        rx = max.x - pad;
        x = min.x + pad;
    } else {
        rx -= th.u(3);
    }
    const float aw = buttonWidth(c, icon::Accessibility, a11y_label, font);
    if (button(c, "nav.a11y", icon::Accessibility, a11y_label, ImVec2(rx - aw, low_y0), ImVec2(rx, low_y1),
               current == ScreenId::A11y ? Style::BarSelected : Style::Bar, font)) {
        if (current == ScreenId::A11y) c.nav.back();
        else c.nav.go(ScreenId::A11y);
    }
    rx -= aw + gap * 2;
    // Each language names itself, so a visitor finds theirs whatever is showing.
    const float lw = buttonWidth(c, nullptr, "English", font);
    const float dw = buttonWidth(c, nullptr, "Deutsch", font);
    const bool full = rx - lw - dw - gap > x;
    const std::string en = full ? "English" : "EN", de = full ? "Deutsch" : "DE";
    const float ew = full ? lw : buttonWidth(c, nullptr, "EN", font);
    const float gw = full ? dw : buttonWidth(c, nullptr, "DE", font);
    if (button(c, "lang.en", nullptr, en, ImVec2(rx - ew, low_y0), ImVec2(rx, low_y1),
               c.lang() == Lang::En ? Style::BarSelected : Style::Bar, font))
        c.settings.lang = Lang::En;
    rx -= ew + gap;
    if (button(c, "lang.de", nullptr, de, ImVec2(rx - gw, low_y0), ImVec2(rx, low_y1),
               c.lang() == Lang::De ? Style::BarSelected : Style::Bar, font))
        c.settings.lang = Lang::De;
}

void drawLowReachBand(Ctx& c, ImVec2 min, ImVec2 max) {
    const Theme& th = c.th;
    c.dl->AddRectFilled(min, max, th.c.surface_alt);
    const float x = min.x + th.u(4), w = max.x - x - th.u(4);
    // Both lines wrap at large text (portrait is narrow); the notice hangs beside its icon.
    const std::string name = c.model.event.name.in(c.lang());
    const std::string mark = std::string(icon::Wheelchair) + "  ";
    const float mark_w = textWidth(th.body, mark);
    const float name_h = textHeight(th.heading, name, w), note_h = textHeight(th.body, c.t(S::LowReachBanner), w - mark_w);
    float y = max.y - th.u(4) - name_h - th.u(1) - note_h;
    // The screen's title may stand just above the line (titleAboveReach): the band's words go above it.
    if (titleAboveReach(c)) y -= th.heading->FontSize * 2 + th.body->FontSize * 2 + th.u(6);
    y += textWrapped(c, th.heading, ImVec2(x, y), th.c.text, name, w);
    y += th.u(1);
    text(c, th.body, ImVec2(x, y), th.c.text_muted, mark);
    textWrapped(c, th.body, ImVec2(x + mark_w, y), th.c.text_muted, c.t(S::LowReachBanner), w - mark_w);
}

void drawIdleWarning(Ctx& c, int seconds_left) {
    const Theme& th = c.th;
    c.touch.pushLayer();
    c.dl->AddRectFilled(ImVec2(0, 0), c.display, th.c.scrim);
    const std::string title = std::string(icon::Hourglass) + "  " + c.t(S::StillThere);
    // As wide as the title needs at large text, within the display.
    const float w = std::min(c.display.x - th.u(8), std::max(th.u(100), textWidth(th.display, title) + th.u(12)));
    const float h = th.u(6) + th.display->FontSize + th.u(3) + th.body->FontSize * 2.6f + th.u(4) + th.min_target * 1.3f + th.u(6);
    // In low-reach mode the dialog sits below the reach line too; when it is taller than the space
    // there, it stands on the bottom edge so that its button (at its foot) stays within reach.
    float top = std::floor((c.display.y - h) * 0.5f);
    if (c.reach_y > 0)
        top = std::floor(std::min(c.reach_y + (c.display.y - c.reach_y - h) * 0.5f, c.display.y - th.u(2) - h));
    const ImVec2 a((c.display.x - w) * 0.5f, top), b(a.x + w, a.y + h);
    panel(c, a, b, th.c.surface);
    float y = a.y + th.u(6);
    textCentered(c, th.display, ImVec2(a.x, y), ImVec2(b.x, y + th.display->FontSize), th.c.text, title);
    y += th.display->FontSize + th.u(3);
    const std::string msg = fmt(S::ResetsIn, c.lang(), seconds_left);
    const float mh = textHeight(th.body, msg, w - th.u(12));
    const float mw = std::min(w - th.u(12), textWidth(th.body, msg));
    textWrapped(c, th.body, ImVec2(a.x + (w - mw) * 0.5f, y), th.c.text_muted, msg, w - th.u(12));
    y += std::max(mh, th.body->FontSize * 2.6f) + th.u(4);
    const float bw = std::min(w - th.u(12), buttonWidth(c, icon::Check, c.t(S::Continue), th.heading) + th.u(8));
    button(c, "idle.continue", icon::Check, c.t(S::Continue), ImVec2(a.x + (w - bw) * 0.5f, y),
           ImVec2(a.x + (w + bw) * 0.5f, y + th.min_target * 1.3f), Style::Primary, th.heading);
    c.touch.popLayer();
}

bool drawWaiting(Ctx& c, int retry_in_s, const std::string& detail) {
    const Theme& th = c.th;
    c.dl->AddRectFilled(ImVec2(0, 0), c.display, th.c.bg);
    const float w = std::min(c.display.x - th.u(8), th.u(130));
    const float x = (c.display.x - w) * 0.5f;
    float y = c.display.y * (c.portrait ? 0.32f : 0.24f);
    // No content means no language choice yet: say everything in both.
    text(c, th.display, ImVec2(x, y), th.c.accent, icon::Hourglass);
    y += th.display->FontSize + th.u(4);
    y += textWrapped(c, th.display, ImVec2(x, y), th.c.text, tr(S::Preparing, Lang::De), w) + th.u(1);
    y += textWrapped(c, th.heading, ImVec2(x, y), th.c.text_muted, tr(S::Preparing, Lang::En), w) + th.u(5);
    y += textWrapped(c, th.body, ImVec2(x, y), th.c.text, tr(S::PreparingHint, Lang::De), w) + th.u(0.5f);
    y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, tr(S::PreparingHint, Lang::En), w) + th.u(5);
    const std::string retry = fmt(S::RetryIn, Lang::De, retry_in_s) + "  ·  " + fmt(S::RetryIn, Lang::En, retry_in_s);
    y += textWrapped(c, th.caption, ImVec2(x, y), th.c.text_muted, retry, w) + th.u(3);
    const std::string label = std::string(tr(S::RetryNow, Lang::De)) + " / " + tr(S::RetryNow, Lang::En);
    const float bw = buttonWidth(c, icon::Refresh, label) + th.u(4);
    const bool tapped = button(c, "wait.retry", icon::Refresh, label, ImVec2(x, y), ImVec2(x + bw, y + th.min_target),
                               Style::Secondary);
    y += th.min_target + th.u(4);
    // For staff walking past: the reason, small and at the bottom.
    if (!detail.empty())
        textWrapped(c, th.caption, ImVec2(x, std::max(y, c.display.y - th.u(4) - th.caption->FontSize * 2)),
                    th.c.text_muted, detail, w);
    return tapped;
}

} // namespace ww
