// The closed screen: outside opening hours the guide turns dark and quiet (almost no lit pixels, no
// frames until the next opening) and says when it opens again, in both languages. A touch wakes it.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/staff_screen.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace ww {

void ClosedGate::configure(std::optional<OpeningHours> hours, double wake_s) {
    hours_ = std::move(hours);
    wake_s_ = wake_s;
}

bool ClosedGate::closed(const LocalDateTime& local, double now) const {
    if (!hours_ || hours_->isOpen(local)) return false;
    return now >= awake_until_;
}

void ClosedGate::touched(const LocalDateTime& local, double now) {
    if (!hours_ || hours_->isOpen(local)) return;
    awake_until_ = std::max(awake_until_, now + wake_s_);
}

double ClosedGate::secondsToChange(const LocalDateTime& local, double now) const {
    if (!hours_) return 1e9;
    double s = 1e9;
    const int64_t t = asEpochSeconds(local);
    // While open, nextOpening is "now": counting it would make every moment a change and keep the
    // loop from ever sleeping.
    if (const auto open = hours_->isOpen(local) ? std::nullopt : hours_->nextOpening(local))
        s = std::min(s, static_cast<double>(asEpochSeconds(*open) - t));
    if (const auto close = hours_->nextClosing(local)) s = std::min(s, static_cast<double>(asEpochSeconds(*close) - t));
    if (awake_until_ > now) s = std::min(s, awake_until_ - now);
    return std::max(s, 0.0);
}

void ClosedGate::draw(Ctx& c, double now) {
    const Theme& th = c.th;
    const ImVec2 d = c.display;
    // Near-black with dim grey text: on an LCD this is as close to "off" as a lit panel gets, and on
    // OLED it is nearly off, yet someone walking past still reads it.
    const ImU32 bg = th.c.closed_bg, fg = th.c.closed_text, dim = th.c.closed_text_muted;
    c.dl->AddRectFilled(ImVec2(0, 0), d, bg);
    const bool tapped = c.touch.target("closed.wake", std::string(tr(S::Closed, Lang::De)) + " / " + tr(S::Closed, Lang::En),
                                       ImVec2(0, 0), d);
    const float w = std::min(d.x - th.u(12), th.u(120));
    const float x = std::floor((d.x - w) * 0.5f);
    float y = std::floor(d.y * (c.portrait ? 0.34f : 0.28f));
    text(c, th.display, ImVec2(x, y), dim, icon::Clock);
    y += th.display->FontSize + th.u(3);
    y += textWrapped(c, th.display, ImVec2(x, y), fg, tr(S::Closed, Lang::De), w);
    y += textWrapped(c, th.heading, ImVec2(x, y), dim, tr(S::Closed, Lang::En), w) + th.u(5);
    const auto next = hours_ ? hours_->nextOpening(c.now) : std::nullopt;
    for (Lang lang : {Lang::De, Lang::En}) {
        std::string when;
        if (next) {
            const bool today = next->year == c.now.year && next->month == c.now.month && next->day == c.now.day;
            when = today ? clockText(*next) + (lang == Lang::De ? " Uhr" : "")
                         : dayLong(*next, lang) + (lang == Lang::De ? ", " : ", ") + clockText(*next) +
                               (lang == Lang::De ? " Uhr" : "");
            when = (lang == Lang::De ? (today ? "ab " : "am ") : (today ? "from " : "on ")) + when;
        }
        const std::string line = next ? fmt(S::OpensAt, lang, when.c_str()) : tr(S::ClosedNoOpening, lang);
        y += textWrapped(c, lang == Lang::De ? th.heading : th.body, ImVec2(x, y), lang == Lang::De ? fg : dim, line, w) +
             th.u(1);
    }
    y += th.u(5);
    y += textWrapped(c, th.body, ImVec2(x, y), fg, std::string(icon::Hand) + "  " + tr(S::ClosedTouch, Lang::De), w);
    textWrapped(c, th.body, ImVec2(x, y), dim, tr(S::ClosedTouch, Lang::En), w);
    if (tapped) awake_until_ = std::max(awake_until_, now + wake_s_);
}

} // namespace ww
