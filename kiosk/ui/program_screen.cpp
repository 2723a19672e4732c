// The day's programme: day tabs, then every session of the day in time order with room, speakers and
// a live status in words. Times are the event's local times, whatever the machine's zone is.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

std::string ProgramScreen::title(const Ctx& c) const { return c.t(S::Program); }

void ProgramScreen::reset() {
    day_.clear();
    serial_ = 0;
}

void ProgramScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    Route& route = c.nav.route();
    const auto days = eventDays(m.event);
    const std::string today = formatDate(c.now);
    bool fresh = false;
    if (route.serial != serial_) {
        serial_ = route.serial;
        // A new visit opens on today (or the nearest event day); Back keeps the day that was open.
        if (day_.empty() || route.scroll.offset == 0) day_ = programDay(m.event, c.now);
        fresh = route.scroll.offset == 0;
    }
    if (std::find(days.begin(), days.end(), day_) == days.end()) day_ = programDay(m.event, c.now);
    const auto day = parseDate(day_);
    const auto talks = talksOn(m, c.tz, day_);

    std::string sub = day ? dayLong(*day, c.lang()) : day_;
    if (day_ == today) sub = std::string(c.t(S::Today)) + ", " + sub;
    const float head = screenTitle(c, icon::Calendar, c.t(S::Program), sub);
    float y0 = c.min.y + head;
    const float margin = th.u(4);

    // Day tabs.
    if (days.size() > 1) {
        float x = c.min.x + margin;
        for (const std::string& d : days) {
            const auto dd = parseDate(d);
            const std::string label = d == today ? std::string(c.t(S::Today)) : dayShort(*dd, c.lang());
            const float w = buttonWidth(c, icon::Calendar, label);
            if (button(c, "day." + d, icon::Calendar, label, ImVec2(x, y0), ImVec2(x + w, y0 + th.min_target),
                       d == day_ ? Style::Selected : Style::Secondary) &&
                d != day_) {
                day_ = d;
                route.scroll = ScrollState{};
            }
            x += w + th.u(1.5f);
        }
        y0 += th.min_target + th.u(2);
    }

    const ImVec2 a(c.min.x, y0), b(c.max.x, c.max.y);
    ScrollState& st = route.scroll;
    const float time_w = textWidth(th.strong, "00:00") + th.u(4);
    const float cw = b.x - a.x - margin * 2;
    const float pad = th.u(2.5f);
    const float text_w = cw - time_w - pad * 2;

    // Card heights first: the list opens scrolled to what is on now.
    std::vector<float> heights;
    float first_current = -1, acc = 0;
    for (const Talk* t : talks) {
        const float title_h = textHeight(th.strong, t->title.in(c.lang()), text_w);
        const bool has_speakers = !t->speakers.empty();
        const float h = pad * 2 + title_h + th.u(1) + th.caption->FontSize * (has_speakers ? 2 : 1) +
                        (has_speakers ? th.u(0.5f) : 0);
        heights.push_back(h);
        if (first_current < 0 && t->end_utc > c.now_utc && day_ == today) first_current = acc;
        acc += h + th.u(1.5f);
    }
    if (fresh && first_current > 0) {
        // Known height now, so the first frame does not spring back from an "overscrolled" offset.
        st.max = std::max(0.0f, acc + th.u(5) - (b.y - a.y));
        st.offset = std::min(first_current, st.max);
    }

    float y = scrollBegin(c, "program.list", a, b, st) + th.u(1);
    const float top = y;
    if (talks.empty()) textWrapped(c, th.body, ImVec2(a.x + margin, y), th.c.text_muted, c.t(S::NoTalksThisDay), cw);
    std::vector<std::string> ids;
    for (size_t i = 0; i < talks.size(); ++i) {
        const Talk* t = talks[i];
        ids.push_back(t->id);
        const float h = heights[i];
        if (visibleY(c, y, y + h)) {
            const float x = a.x + margin;
            const bool live = t->start_utc <= c.now_utc && c.now_utc < t->end_utc;
            const bool over = t->end_utc <= c.now_utc;
            const std::string title = t->title.in(c.lang());
            const bool is_break = t->kind == TalkKind::Break;
            if (!is_break) {
                if (card(c, "talk." + t->id, title, ImVec2(x, y), ImVec2(x + cw, y + h), live)) c.nav.go(ScreenId::Talk, t->id);
            } else {
                c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cw, y + h), th.c.surface_alt, th.radius);
            }
            const LocalDateTime s = c.tz.toLocal(t->start_utc), e = c.tz.toLocal(t->end_utc);
            text(c, th.strong, ImVec2(x + pad, y + pad), over ? th.c.text_muted : th.c.text, clockText(s));
            text(c, th.caption, ImVec2(x + pad, y + pad + th.strong->FontSize + th.u(0.5f)), th.c.text_muted,
                 "– " + clockText(e));
            const float tx = x + pad + time_w;
            float ty = y + pad;
            ty += textWrapped(c, th.strong, ImVec2(tx, ty), over ? th.c.text_muted : th.c.text, title, text_w) + th.u(1);
            const Room* room = m.room(t->room);
            std::string meta = std::string(icon::MapMarker) + " " + (room ? room->name.in(c.lang()) : t->room) + "  ·  " +
                               talkKindName(t->kind, c.lang());
            if (live) meta = std::string(icon::Circle) + " " + c.t(S::RunningNow) + "  ·  " + meta;
            textEllipsis(c, th.caption, ImVec2(tx, ty), live ? th.c.live : th.c.accent, meta, text_w);
            ty += th.caption->FontSize + th.u(0.5f);
            const std::string sp = speakersText(*t);
            if (!sp.empty())
                textEllipsis(c, th.caption, ImVec2(tx, ty), th.c.text_muted, std::string(icon::User) + " " + sp, text_w);
        }
        y += h + th.u(1.5f);
    }
    scrollEnd(c, "program.list", a, b, st, y - top + th.u(4));
    if (c.report) {
        (*c.report)["day"] = day_;
        (*c.report)["talks"] = ids;
    }
}

} // namespace ww
