// The programme: what runs now and next in every room, the day as a timeline (rooms as columns in
// landscape, as rows in portrait) or as a list, filters by topic and language, and the way to the
// day's changes. Everything comes from the schedule service, in the event's time zone, with the
// event-day changes (delays, cancellations, moves) applied.
#include "core/schedule.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/program_parts.h"
#include "ui/screen.h"
#include "ui/chip.h"
#include "ui/text_fit.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// The `state` report lists this many of the talks shown (the whole day would be a long line).
constexpr size_t kReportTalks = 40;

const char* viewName(ProgramScreen::View v) {
    switch (v) {
    case ProgramScreen::View::Now: return "now";
    case ProgramScreen::View::Timeline: return "timeline";
    case ProgramScreen::View::List: return "list";
    }
    return "?";
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

void toggle(std::vector<std::string>& v, const std::string& s) {
    auto it = std::find(v.begin(), v.end(), s);
    if (it == v.end()) v.push_back(s);
    else v.erase(it);
}

std::string talkLanguage(const Talk& t) { return t.language.empty() ? "de" : t.language; }

// A region dragged on both axes (the timeline). `sx.max` and `sy.max` must be set beforehand.
void scroll2d(Ctx& c, const std::string& id, ImVec2 min, ImVec2 max, ScrollState& sx, ScrollState& sy) {
    c.touch.dragRegion(id, min, max);
    if (c.touch.pressedIn(id)) sx.velocity = sy.velocity = 0;
    const bool dragging = c.touch.dragging(id);
    ImVec2 vel(0, 0);
    const bool released = !dragging && c.touch.released(id, &vel);
    const ImVec2 d = dragging ? c.touch.dragDelta(id) : ImVec2(0, 0);
    scrollAxis(c, sx, dragging, released, d.x, vel.x, max.x - min.x);
    scrollAxis(c, sy, dragging, released, d.y, vel.y, max.y - min.y);
}

// A filter chip: a topic or a language with the number of sessions it would show.
struct Chip {
    std::string id;
    std::string label;
    const char* icon;
    bool on;
    int count;
};

// [SECTION] Now and next: one block per talk inside a room's card

struct Block {
    const Talk* talk = nullptr;
    std::string head;     // "● Läuft gerade · noch 12 Min."
    ImU32 head_col = 0;
    int title_lines = 3;
    bool progress = false;
    double value = 0;
};

float blockHeight(Ctx& c, const Block& b, float w) {
    const Theme& th = c.th;
    const Talk& t = *b.talk;
    float h = th.u(1.5f) + th.strong->FontSize + th.u(1);
    h += textLinesHeight(th.strong, t.title.in(c.lang()), w, b.title_lines) + th.u(1);
    h += th.caption->FontSize;
    if (isChanged(t)) h += th.u(1) + th.body->FontSize;
    if (b.progress) h += th.u(2) + th.u(1);
    return h + th.u(1.5f);
}

void drawBlock(Ctx& c, const std::string& id, const Block& b, ImVec2 p, float w, float h) {
    const Theme& th = c.th;
    const Talk& t = *b.talk;
    const std::string title = t.title.in(c.lang());
    // The whole block is the target; it reaches a little into the card's padding to be easy to hit.
    const ImVec2 t0(p.x - th.u(1.5f), p.y), t1(p.x + w + th.u(1.5f), p.y + h);
    if (c.touch.target(id, title, t0, t1)) c.nav.go(ScreenId::Talk, t.id);
    if (c.touch.held(id)) c.dl->AddRectFilled(t0, t1, th.c.pressed, th.radius * 0.5f);
    // A preview of the talk in a few lines: the block opens all of it.
    AllowTextCut preview;
    float y = p.y + th.u(1.5f);
    const float chevron = textWidth(th.strong, icon::ChevronRight) + th.u(1);
    textEllipsis(c, th.strong, ImVec2(p.x, y), b.head_col, b.head, w - chevron);
    text(c, th.strong, ImVec2(p.x + w - chevron + th.u(1), y), th.c.text_muted, icon::ChevronRight);
    y += th.strong->FontSize + th.u(1);
    const bool cancelled = isCancelled(t);
    y += textLines(c, th.strong, ImVec2(p.x, y), cancelled ? th.c.text_muted : th.c.text, title, w, cancelled,
                   b.title_lines) +
         th.u(1);
    textEllipsis(c, th.caption, ImVec2(p.x, y), th.c.text_muted, effectiveRange(c, t) + "  ·  " + kindLabel(c, t), w);
    y += th.caption->FontSize;
    if (isChanged(t)) {
        y += th.u(1);
        textEllipsis(c, th.body, ImVec2(p.x, y), th.c.warn, statusLine(c, t), w);
        y += th.body->FontSize;
    }
    if (b.progress) {
        y += th.u(2);
        progressBar(c, ImVec2(p.x, y), ImVec2(p.x + w, y + th.u(1)), b.value);
    }
}

// The screen's title and subtitle on one line ("Programm · Heute, Mittwoch, …"), for a low screen
// area. Returns the height used.
float compactTitle(Ctx& c, const char* ic, const std::string& title, const std::string& sub) {
    const Theme& th = c.th;
    const float x = c.min.x + th.u(4), y = c.min.y + th.u(1.5f), w = c.max.x - th.u(4) - x;
    text(c, th.strong, ImVec2(x, y), th.c.accent, ic);
    const float tx = x + textWidth(th.strong, ic) + th.u(1.5f);
    text(c, th.strong, ImVec2(tx, y), th.c.text, title);
    // The subtitle only when all of it fits (the day's button says the same).
    const std::string rest = "·  " + sub;
    const float sx = tx + textWidth(th.strong, title) + th.u(1);
    if (!sub.empty() && sx + textWidth(th.body, rest) <= x + w) text(c, th.body, ImVec2(sx, y), th.c.text_muted, rest);
    return th.strong->FontSize + th.u(3);
}

} // namespace

std::string ProgramScreen::title(const Ctx& c) const {
    if (c.nav.route().item.rfind("changes", 0) == 0) return c.t(S::ProgramChanges);
    return c.t(S::Program);
}

void ProgramScreen::reset() {
    day_.clear();
    view_ = View::Now;
    topics_.clear();
    langs_.clear();
    filters_open_ = false;
    jump_to_now_ = false;
    time_scroll_ = lane_scroll_ = ScrollState{};
    serial_ = 0;
}

bool ProgramScreen::matches(const Talk& t, bool use_topics, bool use_langs) const {
    const bool topic_on = use_topics && !topics_.empty(), lang_on = use_langs && !langs_.empty();
    if (!topic_on && !lang_on) return true;
    if (t.kind == TalkKind::Break) return false; // a filtered programme is about sessions
    if (topic_on && !contains(topics_, t.topic)) return false;
    if (lang_on && !contains(langs_, talkLanguage(t))) return false;
    return true;
}

// [SECTION] The screen

void ProgramScreen::draw(Ctx& c) {
    if (!c.schedule) return;
    const Schedule& sch = *c.schedule;
    const Theme& th = c.th;
    NavEntry& route = c.nav.route();
    if (route.item.rfind("changes", 0) == 0) {
        const size_t colon = route.item.find(':');
        drawChangesList(c, colon == std::string::npos ? day_ : route.item.substr(colon + 1));
        return;
    }

    const DayChoice choice = sch.dayToShow(c.now_utc);
    if (route.serial != serial_) {
        // A new visit opens on today (or the nearest day) with what runs now; Back keeps everything.
        serial_ = route.serial;
        day_ = choice.date;
        topics_.clear();
        langs_.clear();
        filters_open_ = false;
        filter_scroll_ = ScrollState{};
        view_ = choice.isToday() && !sch.nowAndNextAll(c.now_utc).empty() ? View::Now : View::Timeline;
        jump_to_now_ = true;
        time_scroll_ = lane_scroll_ = ScrollState{};
    }
    int day = sch.dayIndex(day_);
    if (day < 0) {
        // The day is gone after a content update (or there never was one): back to the nearest.
        day_ = choice.date;
        day = choice.index;
    }
    const bool today_shown = choice.isToday() && day == choice.index;
    if (view_ == View::Now && !today_shown) view_ = View::Timeline;

    std::string sub;
    if (day >= 0) {
        sub = dayLong(sch.days()[static_cast<size_t>(day)].day, c.lang());
        if (today_shown) sub = std::string(c.t(S::Today)) + ", " + sub;
    }
    // Low reach with a tight mounting leaves a low screen area: the title takes one line, or stands
    // above the reach line where the area is lower still (titleAboveReach).
    const bool low = c.settings.low_reach && c.h() < th.u(50) && !titleAboveReach(c);
    float y = c.min.y + (low ? compactTitle(c, icon::Calendar, c.t(S::Program), sub)
                             : screenTitle(c, icon::Calendar, c.t(S::Program), sub));
    const float margin = th.u(4);

    // Outside the event days: the nearest day, and a note that says so.
    const std::string note = day == choice.index ? dayNote(sch, choice, c.lang()) : std::string();
    if (!note.empty()) {
        const float iw = textWidth(th.strong, icon::Info) + th.u(2);
        const float w = c.w() - margin * 2;
        const float h = textHeight(th.strong, note, w - iw - th.u(4)) + th.u(3);
        const ImVec2 p0(c.min.x + margin, y), p1(c.max.x - margin, y + h);
        c.dl->AddRectFilled(p0, p1, th.c.accent_soft, th.radius);
        c.dl->AddRect(p0, p1, th.c.accent, th.radius, 0, std::max(2.0f, th.scale * 2));
        text(c, th.strong, ImVec2(p0.x + th.u(2), p0.y + th.u(1.5f)), th.c.accent, icon::Info);
        textWrapped(c, th.strong, ImVec2(p0.x + th.u(2) + iw, p0.y + th.u(1.5f)), th.c.text, note, w - iw - th.u(4));
        y += h + th.u(2);
    }

    const size_t changes = day >= 0 ? sch.changesOn(day).size() : 0;
    y = drawControls(c, y, choice.isToday(), today_shown, static_cast<int>(changes));
    // The controls may have switched the day or the view.
    day = sch.dayIndex(day_);
    const bool today_now = choice.isToday() && day == choice.index;
    const std::vector<const Talk*> talks_of_day = day >= 0 ? sch.talksOn(day) : std::vector<const Talk*>{};
    // Right of the controls' column, if they took one (drawControls).
    const float right_x = side_x1_ > 0 ? side_x1_ : c.min.x;
    if (filters_open_ && view_ != View::Now) {
        const float min_x = c.min.x;
        c.min.x = right_x;
        y = drawFilters(c, y, talks_of_day);
        c.min.x = min_x;
    }

    std::vector<const Talk*> shown;
    for (const Talk* t : talks_of_day)
        if (matches(*t, true, true)) shown.push_back(t);

    if (view_ != View::Now && (!topics_.empty() || !langs_.empty())) {
        text(c, th.body, ImVec2(right_x + margin, y), th.c.text_muted,
             std::string(icon::Tag) + "  " +
                 fmt(S::ShownOf, c.lang(), static_cast<int>(shown.size()), static_cast<int>(talks_of_day.size())));
        y += th.body->FontSize + th.u(2);
    }
    const ImVec2 a(right_x, y), b(c.max.x, c.max.y);
    // The filter panel may take all of a low screen area: the talks show again when it closes.
    if (b.y - a.y >= th.min_target) switch (view_) {
    case View::Now: drawNow(c, a, b); break;
    case View::Timeline: drawTimeline(c, a, b, shown, day, today_now); break;
    case View::List: drawList(c, a, b, shown, today_now); break;
    }

    if (c.report) {
        nlohmann::json& j = *c.report;
        j["day"] = day_;
        j["today"] = today_now;
        j["view"] = viewName(view_);
        j["note"] = note;
        j["days"] = nlohmann::json::array();
        for (const EventDay& d : sch.days()) j["days"].push_back(d.date);
        j["filters"] = {{"topics", topics_}, {"langs", langs_}, {"open", filters_open_}};
        j["talk_total"] = talks_of_day.size();
        j["talk_count"] = shown.size();
        nlohmann::json list = nlohmann::json::array();
        for (size_t i = 0; i < shown.size() && i < kReportTalks; ++i) list.push_back(talkReport(sch, *shown[i], c.lang()));
        j["talks"] = list;
        j["changes"] = day >= 0 ? sch.changesOn(day).size() : 0;
    }
}

float ProgramScreen::drawControls(Ctx& c, float y, bool can_now, bool today_shown, int changes) {
    const Schedule& sch = *c.schedule;
    const Theme& th = c.th;
    NavEntry& route = c.nav.route();
    const float margin = th.u(4), gap = th.u(1.5f);
    auto restart = [&] {
        jump_to_now_ = true;
        route.scroll = ScrollState{};
        time_scroll_ = lane_scroll_ = ScrollState{};
    };

    // What the controls are, in reading order: days, views, now, filter, changes.
    struct Item {
        std::string id;
        const char* icon;
        std::string label;
        Style style;
        int action; // 0 day, 1 view, 2 now, 3 filter, 4 changes
        std::string day;
        View view;
        bool group_end; // a wider gap follows (between the days and the views)
    };
    std::vector<Item> items;
    const DayChoice choice = sch.dayToShow(c.now_utc);
    if (sch.days().size() > 1) {
        for (size_t i = 0; i < sch.days().size(); ++i) {
            const EventDay& d = sch.days()[i];
            const bool is_today = choice.isToday() && static_cast<int>(i) == choice.index;
            const std::string label = is_today ? std::string(c.t(S::Today)) : dayShort(d.day, c.lang());
            items.push_back({"day." + d.date, nullptr, label, d.date == day_ ? Style::Selected : Style::Secondary, 0, d.date,
                             view_, i + 1 == sch.days().size()});
        }
    }
    auto view = [&](const char* id, const char* ic, S label, View v) {
        items.push_back({id, ic, c.t(label), view_ == v ? Style::Selected : Style::Secondary, 1, {}, v, false});
    };
    if (today_shown) view("program.view.now", icon::Microphone, S::ViewNow, View::Now);
    view("program.view.timeline", icon::Calendar, S::ViewTimeline, View::Timeline);
    view("program.view.list", icon::Layers, S::ViewList, View::List);
    if (view_ != View::Now) {
        if (can_now) items.push_back({"program.now", icon::Clock, c.t(S::Now), Style::Primary, 2, {}, view_, false});
        const int active = static_cast<int>(topics_.size() + langs_.size());
        const std::string label = active ? fmt(S::FilterActive, c.lang(), active) : std::string(c.t(S::Filter));
        items.push_back({"program.filter", icon::Tag, label, filters_open_ || active ? Style::Selected : Style::Secondary, 3,
                         {}, view_, false});
    }
    if (changes > 0)
        items.push_back({"program.changes", icon::Warning, fmt(S::ChangeCount, c.lang(), changes), Style::Secondary, 4, {},
                         view_, false});

    // Buttons flow left to right and wrap where [x0, x1] ends (portrait, 200 % text). Returns the
    // bottom edge; `at` gets each button's box.
    auto flow = [&](float x0, float x1, float h, ImFont* font, std::vector<std::pair<ImVec2, ImVec2>>* at) {
        float x = x0, fy = y;
        for (const Item& it : items) {
            const float w = std::min(buttonWidth(c, it.icon, it.label, font), x1 - x0);
            if (x > x0 && x + w > x1) {
                x = x0;
                fy += h + gap;
            }
            if (at) at->push_back({ImVec2(x, fy), ImVec2(x + w, fy + h)});
            x += w + gap + (it.group_end ? th.u(2) : 0);
        }
        return fy + h;
    };
    const float x0 = c.min.x + margin;
    float h = th.min_target;
    ImFont* font = th.strong;
    std::vector<std::pair<ImVec2, ImVec2>> at;
    float bottom = flow(x0, c.max.x - margin, h, font, nullptr);
    side_x1_ = 0;
    // A low area (low reach with a tight mounting, large text) that the rows of buttons would fill:
    // smaller buttons (never below a finger), and in landscape a column on the left with the talks
    // the rest of the width beside it.
    if (c.settings.low_reach && bottom > y + h + 0.5f && c.max.y - bottom < th.u(24)) {
        for (float share : {0.3f, 0.36f, 0.42f, 0.5f}) {
            const float x1 = c.min.x + c.w() * share;
            if (c.portrait) break;
            const float b = flow(x0, x1, th.u(7), th.caption, nullptr);
            if (b <= c.max.y - th.u(1)) {
                bottom = b;
                side_x1_ = x1;
                break;
            }
        }
        h = th.u(7);
        font = th.caption;
    }
    flow(x0, side_x1_ > 0 ? side_x1_ : c.max.x - margin, h, font, &at);
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (!button(c, it.id, it.icon, it.label, at[i].first, at[i].second, it.style, font)) continue;
        switch (it.action) {
        case 0:
            if (it.day != day_) {
                day_ = it.day;
                restart();
            }
            break;
        case 1:
            if (view_ != it.view) {
                view_ = it.view;
                restart();
            }
            break;
        case 2:
            if (!today_shown) day_ = choice.date;
            restart();
            break;
        case 3: filters_open_ = !filters_open_; break;
        case 4: c.nav.go(ScreenId::Program, "changes:" + day_); break;
        }
    }
    // Beside a column the talks start at the area's top.
    if (side_x1_ > 0) return c.min.y + th.u(1);
    return at.empty() ? y : at.back().second.y + th.u(2);
}

float ProgramScreen::drawFilters(Ctx& c, float y, const std::vector<const Talk*>& day_talks) {
    const Theme& th = c.th;
    std::vector<Chip> chips;
    for (const Topic& topic : c.model.topics) {
        int n = 0;
        for (const Talk* t : day_talks)
            if (t->topic == topic.id && matches(*t, false, true)) ++n;
        const bool on = contains(topics_, topic.id);
        if (n == 0 && !on) continue;
        chips.push_back({"filter.topic." + topic.id, topic.name.in(c.lang()) + " (" + std::to_string(n) + ")",
                         on ? icon::Check : icon::Tag, on, n});
    }
    for (const char* lang : {"de", "en"}) {
        int n = 0;
        for (const Talk* t : day_talks)
            if (t->kind != TalkKind::Break && talkLanguage(*t) == lang && matches(*t, true, false)) ++n;
        const bool on = contains(langs_, lang);
        if (n == 0 && !on) continue;
        const char* name = std::string(lang) == "de" ? c.t(S::LangGerman) : c.t(S::LangEnglish);
        chips.push_back({std::string("filter.lang.") + lang, std::string(name) + " (" + std::to_string(n) + ")",
                         on ? icon::Check : icon::Globe, on, n});
    }
    if (!topics_.empty() || !langs_.empty()) chips.push_back({"filter.clear", c.t(S::FilterClear), icon::Close, false, 0});

    // Lay the chips out first: the panel behind them needs its height.
    const float margin = th.u(4), pad = th.u(2), gap = th.u(1.5f);
    const float x0 = c.min.x + margin + pad, x1 = c.max.x - margin - pad;
    std::vector<ImVec2> at;
    std::vector<ImVec2> sizes;
    ChipFlow flow(x0, x1, y + pad, gap);
    for (const Chip& chip : chips) {
        const float w = std::min(buttonWidth(c, chip.icon, chip.label, th.body), x1 - x0);
        const float ch = chipHeight(c, chip.icon, chip.label, w, th.body);
        at.push_back(flow.place(w, ch));
        sizes.emplace_back(w, ch);
    }
    // The panel keeps room for a few talks below it; in a low screen area (low reach with a tight
    // mounting, large text) it takes the whole room instead, and scrolls when the chips need more.
    const float full = flow.bottom() + pad - y;
    const float room = c.max.y - th.u(2) - y;
    const float one_row = pad * 2 + th.min_target;
    const float keep = th.u(24);
    const float panel_h = std::min(full, room - keep >= std::min(full, one_row * 1.5f) ? room - keep : room);
    const float bottom = y + panel_h;
    const ImVec2 p0(c.min.x + margin, y), p1(c.max.x - margin, bottom);
    panel(c, p0, p1, th.c.surface_alt, false);
    const bool scrolls = full > panel_h + 0.5f;
    float shift = 0;
    if (scrolls) shift = scrollBegin(c, "program.filters", p0, p1, filter_scroll_) - y;
    const float view_top = scrolls ? p0.y : -FLT_MAX, view_bottom = scrolls ? p1.y : FLT_MAX;
    for (size_t i = 0; i < chips.size(); ++i) {
        const Chip& chip = chips[i];
        const Style style = chip.id == "filter.clear" ? Style::Quiet : chip.on ? Style::Selected : Style::Secondary;
        const ImVec2 cmin(at[i].x, at[i].y + shift);
        if (ww::chip(c, chip.id, chip.icon, chip.label, cmin, ImVec2(cmin.x + sizes[i].x, cmin.y + sizes[i].y), view_top,
                     view_bottom, style, th.body)) {
            if (chip.id == "filter.clear") {
                topics_.clear();
                langs_.clear();
            } else if (chip.id.rfind("filter.topic.", 0) == 0) {
                toggle(topics_, chip.id.substr(13));
            } else {
                toggle(langs_, chip.id.substr(12));
            }
            c.nav.route().scroll = ScrollState{};
        }
    }
    if (scrolls) scrollEnd(c, "program.filters", p0, p1, filter_scroll_, full);
    if (c.report) {
        nlohmann::json counts = nlohmann::json::object();
        for (const Chip& chip : chips)
            if (chip.id != "filter.clear") counts[chip.id] = chip.count;
        (*c.report)["filter_counts"] = counts;
    }
    return bottom + th.u(2);
}

// [SECTION] Now and next in every room

void ProgramScreen::drawNow(Ctx& c, ImVec2 a, ImVec2 b) {
    const Schedule& sch = *c.schedule;
    const Theme& th = c.th;
    const std::vector<RoomNowNext> rooms = sch.nowAndNextAll(c.now_utc);
    const float margin = th.u(4), gap = th.u(3), pad = th.u(3);
    const float avail = b.x - a.x - margin * 2;
    int cols = std::clamp(static_cast<int>(avail / (th.u(56) * th.text_scale)), 1, 3);
    cols = std::min(cols, std::max(1, static_cast<int>(rooms.size())));
    const float cw = (avail - gap * (cols - 1)) / cols;
    const float inner = cw - pad * 2;

    // Each room's card: its name, the talk on now (with progress), the next, and notices.
    struct Card {
        const RoomNowNext* r;
        Block now, next;
        float h;
    };
    std::vector<Card> cards;
    auto roomTitle = [&](const RoomNowNext& r) { return std::string(icon::Door) + "  " + roomName(c, r.room); };
    for (const RoomNowNext& r : rooms) {
        Card k{&r, {}, {}, 0};
        float h = pad + textLinesHeight(th.heading, roomTitle(r), inner) + th.u(1.5f);
        if (r.now) {
            k.now.talk = r.now;
            k.now.head = std::string(icon::Circle) + "  " + c.t(S::RunningNow) + " · " + minutesLeftText(r.minutes_left, c.lang());
            k.now.head_col = th.c.live;
            k.now.progress = true;
            k.now.value = r.progress;
            h += blockHeight(c, k.now, inner);
        } else {
            h += th.body->FontSize + th.u(2);
        }
        h += th.u(1.5f);
        if (r.next) {
            k.next.talk = r.next;
            k.next.head = std::string(icon::Clock) + "  " + c.t(S::Next) + " · " + minutesUntilText(r.minutes_until_next, c.lang());
            k.next.head_col = th.c.accent;
            k.next.title_lines = 2;
            h += blockHeight(c, k.next, inner);
        } else {
            h += th.body->FontSize + th.u(2);
        }
        h += static_cast<float>(r.notices.size()) * (th.min_target + th.u(1));
        k.h = h + pad;
        cards.push_back(k);
    }

    ScrollState& st = c.nav.route().scroll;
    float y = scrollBegin(c, "program.now", a, b, st) + th.u(1);
    const float top = y;
    if (cards.empty()) {
        const float x = a.x + margin;
        y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, c.t(S::ProgramOver), avail) + th.u(2);
    }
    for (size_t row = 0; row * cols < cards.size(); ++row) {
        float row_h = 0;
        for (size_t i = row * cols; i < std::min(cards.size(), (row + 1) * cols); ++i) row_h = std::max(row_h, cards[i].h);
        if (visibleY(c, y, y + row_h)) {
            for (size_t i = row * cols; i < std::min(cards.size(), (row + 1) * cols); ++i) {
                const Card& k = cards[i];
                const RoomNowNext& r = *k.r;
                const float x = a.x + margin + static_cast<float>(i - row * cols) * (cw + gap);
                panel(c, ImVec2(x, y), ImVec2(x + cw, y + row_h), th.c.surface);
                const float px = x + pad;
                float py = y + pad;
                py += textLines(c, th.heading, ImVec2(px, py), th.c.text, roomTitle(r), inner, false) + th.u(1.5f);
                if (r.now) {
                    const float bh = blockHeight(c, k.now, inner);
                    drawBlock(c, "talk." + r.now->id, k.now, ImVec2(px, py), inner, bh);
                    py += bh;
                } else {
                    text(c, th.body, ImVec2(px, py + th.u(1)), th.c.text_muted, c.t(S::NothingNow));
                    py += th.body->FontSize + th.u(2);
                }
                c.dl->AddLine(ImVec2(px, py + th.u(0.75f)), ImVec2(px + inner, py + th.u(0.75f)), th.c.border,
                              std::max(1.0f, th.scale));
                py += th.u(1.5f);
                if (r.next) {
                    const float bh = blockHeight(c, k.next, inner);
                    drawBlock(c, "talk." + r.next->id, k.next, ImVec2(px, py), inner, bh);
                    py += bh;
                } else {
                    text(c, th.body, ImVec2(px, py + th.u(1)), th.c.text_muted, c.t(S::NoMoreToday));
                    py += th.body->FontSize + th.u(2);
                }
                // Cancelled here, or moved away from here: so nobody waits at the wrong door.
                for (const Talk* t : r.notices) {
                    const std::string id = "notice." + r.room + "." + t->id;
                    const ImVec2 n0(px - th.u(1.5f), py), n1(px + inner + th.u(1.5f), py + th.min_target);
                    const std::string line = statusLine(c, *t) + ":  " +
                                             clockText(c.tz.toLocal(t->start_utc)) + " " + t->title.in(c.lang());
                    if (c.touch.target(id, line, n0, n1)) c.nav.go(ScreenId::Talk, t->id);
                    if (c.touch.held(id)) c.dl->AddRectFilled(n0, n1, th.c.pressed, th.radius * 0.5f);
                    AllowTextCut preview; // the notice opens its talk
                    textEllipsis(c, th.body, ImVec2(px, std::floor(py + (th.min_target - th.body->FontSize) * 0.5f)),
                                 th.c.warn, line, inner);
                    py += th.min_target + th.u(1);
                }
            }
        }
        y += row_h + gap;
    }
    scrollEnd(c, "program.now", a, b, st, y - top + th.u(2));

    if (c.report) {
        nlohmann::json list = nlohmann::json::array();
        for (const RoomNowNext& r : rooms) {
            nlohmann::json j;
            j["room"] = r.room;
            j["now"] = r.now ? nlohmann::json(r.now->id) : nlohmann::json();
            j["next"] = r.next ? nlohmann::json(r.next->id) : nlohmann::json();
            if (r.now) {
                j["progress"] = std::round(r.progress * 100) / 100;
                j["minutes_left"] = r.minutes_left;
                j["now_status"] = toString(r.now->status);
            }
            if (r.next) {
                j["minutes_until_next"] = r.minutes_until_next;
                j["next_text"] = minutesUntilText(r.minutes_until_next, c.lang());
                j["next_status"] = toString(r.next->status);
            }
            nlohmann::json notices = nlohmann::json::array();
            for (const Talk* t : r.notices) notices.push_back({{"id", t->id}, {"status", toString(t->status)},
                                                               {"text", statusText(*t, c.model, c.lang())}});
            j["notices"] = notices;
            list.push_back(j);
        }
        (*c.report)["rooms"] = list;
    }
}

// [SECTION] The day timeline

namespace {

// One talk on the timeline. `ghost`: the place a moved talk left, pointing to where it went.
// `view` is the scrolled viewport's top-left: a card that began before it keeps its words in view.
void timelineCard(Ctx& c, const Talk& t, ImVec2 p0, ImVec2 p1, ImVec2 view, int64_t now_utc, bool ghost) {
    const Theme& th = c.th;
    const std::string title = t.title.in(c.lang());
    const float r = std::min(th.radius * 0.6f, (p1.y - p0.y) * 0.5f);
    if (t.kind == TalkKind::Break) {
        c.dl->AddRectFilled(p0, p1, th.c.surface_alt, r);
        c.dl->PushClipRect(p0, p1, true);
        const float pad = th.u(1);
        // A break is not a target: its words wrap in the time it takes.
        const int lines = std::max(1, static_cast<int>((p1.y - p0.y - pad * 2) / th.caption->FontSize));
        textLines(c, th.caption, ImVec2(p0.x + pad, p0.y + pad), th.c.text_muted, std::string(icon::Catering) + "  " + title,
                  p1.x - p0.x - pad * 2, false, lines);
        c.dl->PopClipRect();
        return;
    }
    const std::string id = (ghost ? "moved." : "talk.") + t.id;
    const bool tapped = c.touch.target(id, title, p0, p1);
    const bool running = !ghost && isRunning(t, now_utc);
    const bool past = effectiveEndUtc(t) <= now_utc;
    const bool dim = ghost || isCancelled(t);
    c.dl->AddRectFilled(p0, p1, running ? th.c.accent_soft : dim ? th.c.surface_alt : th.c.surface, r);
    const float bw = std::max(2.0f, th.scale * 2);
    if (running) c.dl->AddRect(p0, p1, th.c.accent, r, 0, bw);
    else if (isChanged(t)) c.dl->AddRect(p0, p1, th.c.warn, r, 0, bw);
    else if (th.contrast) c.dl->AddRect(p0, p1, th.c.border, r, 0, bw);
    if (c.touch.held(id)) c.dl->AddRectFilled(p0, p1, th.c.pressed, r);

    c.dl->PushClipRect(p0, p1, true);
    // A card is as long as the talk lasts, so its words are a preview: the card opens the talk.
    AllowTextCut preview;
    const float pad = th.u(1);
    const float sx = std::min(std::max(p0.x, view.x), std::max(p0.x, p1.x - th.u(20)));
    const float sy = std::min(std::max(p0.y, view.y), std::max(p0.y, p1.y - th.caption->FontSize - th.strong->FontSize * 2));
    const float x = sx + pad + (isChanged(t) ? th.u(0.5f) : 0), w = p1.x - x - pad;
    float y = sy + th.u(0.5f);
    std::string when = clockText(c.tz.toLocal(effectiveStartUtc(t))) + "–" + clockText(c.tz.toLocal(effectiveEndUtc(t)));
    if (t.kind == TalkKind::Impulse) when += " · " + kindLabel(c, t);
    if (running) when = std::string(icon::Circle) + " " + when; // running: a mark as well as the tint
    textEllipsis(c, th.caption, ImVec2(x, y), past ? th.c.text_muted : th.c.accent, when, w);
    y += th.caption->FontSize;
    if (ghost || isChanged(t)) {
        std::string status = ghost ? std::string(icon::Door) + "  " + statusText(t, c.model, c.lang()) : statusLine(c, t);
        textEllipsis(c, th.caption, ImVec2(x, y), th.c.warn, status, w);
        y += th.caption->FontSize;
    }
    const int lines = std::max(1, static_cast<int>((p1.y - y - th.u(0.5f)) / th.strong->FontSize));
    textLines(c, th.strong, ImVec2(x, y), dim || past ? th.c.text_muted : th.c.text, title, w, isCancelled(t), lines);
    c.dl->PopClipRect();
    if (tapped) c.nav.go(ScreenId::Talk, t.id);
}

} // namespace

void ProgramScreen::drawTimeline(Ctx& c, ImVec2 a, ImVec2 b, const std::vector<const Talk*>& talks, int day,
                                 bool today_shown) {
    const Schedule& sch = *c.schedule;
    const Theme& th = c.th;
    const Model& m = c.model;
    const std::vector<const Talk*> all = day >= 0 ? sch.talksOn(day) : std::vector<const Talk*>{};
    const float margin = th.u(4);
    if (all.empty()) {
        textWrapped(c, th.body, ImVec2(a.x + margin, a.y + th.u(1)), th.c.text_muted, c.t(S::NoTalksThisDay),
                    b.x - a.x - margin * 2);
        return;
    }
    if (talks.empty())
        textWrapped(c, th.body, ImVec2(a.x + margin, b.y - th.body->FontSize * 2 - th.u(2)), th.c.text_muted,
                    c.t(S::NoMatch), b.x - a.x - margin * 2);

    // Lanes: the rooms of the day in the venue's order, including rooms a talk was moved away from.
    std::vector<std::string> lanes;
    for (const Room* r : sch.roomsOn(day)) lanes.push_back(r->id);
    for (const Talk* t : all)
        if (t->status == TalkStatus::Moved && !t->moved_from.empty() && !contains(lanes, t->moved_from))
            lanes.push_back(t->moved_from);
    auto venueOrder = [&](const std::string& id) {
        for (size_t i = 0; i < m.rooms.size(); ++i)
            if (m.rooms[i].id == id) return static_cast<int>(i);
        return static_cast<int>(m.rooms.size());
    };
    std::stable_sort(lanes.begin(), lanes.end(),
                     [&](const std::string& x, const std::string& y) { return venueOrder(x) < venueOrder(y); });
    auto laneOf = [&](const std::string& room) {
        return static_cast<int>(std::find(lanes.begin(), lanes.end(), room) - lanes.begin());
    };

    // The time axis: the day's first start to its last end, on half hours.
    int64_t t0 = effectiveStartUtc(*all.front()), t1 = t0;
    for (const Talk* t : all) {
        t0 = std::min(t0, effectiveStartUtc(*t));
        t1 = std::max(t1, effectiveEndUtc(*t));
    }
    t0 = (t0 / 1800) * 1800;
    t1 = ((t1 + 1799) / 1800) * 1800;
    const bool portrait = c.portrait;
    // Minutes to pixels: a 15-minute impulse must still show its time and a line of its title.
    const float ppm = th.u(portrait ? 1.6f : 0.75f) * th.text_scale;
    auto tpos = [&](int64_t t) { return static_cast<float>(t - t0) / 60.0f * ppm; };
    const float time_len = tpos(t1);
    const float n = static_cast<float>(lanes.size());

    ImVec2 v0, v1; // the scrolled viewport
    float lane_w = 0, lane_h = 0, label_h = 0;
    if (!portrait) {
        const float axis_w = textWidth(th.strong, "00:00") + th.u(3);
        const float head_h = th.strong->FontSize * 2 + th.u(2);
        v0 = ImVec2(a.x + margin + axis_w, a.y + head_h);
        v1 = ImVec2(b.x - margin, b.y);
        lane_w = std::max((v1.x - v0.x) / n, th.u(34) * th.text_scale);
        time_scroll_.max = std::max(0.0f, time_len + th.u(3) - (v1.y - v0.y));
        lane_scroll_.max = std::max(0.0f, lane_w * n - (v1.x - v0.x));
    } else {
        const float axis_h = th.strong->FontSize + th.u(2);
        v0 = ImVec2(a.x + margin, a.y + axis_h);
        v1 = ImVec2(b.x - margin, b.y);
        label_h = th.strong->FontSize + th.u(1.5f);
        // Lanes share the height; never so low that a card loses its title.
        lane_h = std::max(label_h + th.caption->FontSize * 2 + th.strong->FontSize * 3 + th.u(3), (v1.y - v0.y - th.u(2)) / n);
        time_scroll_.max = std::max(0.0f, time_len + th.u(3) - (v1.x - v0.x));
        lane_scroll_.max = std::max(0.0f, lane_h * n + th.u(2) - (v1.y - v0.y));
    }
    const float view_time = portrait ? v1.x - v0.x : v1.y - v0.y;
    const bool now_in_day = today_shown && c.now_utc >= t0 && c.now_utc <= t1;
    if (jump_to_now_) {
        // "Jetzt": the current time a fifth into the view, so what just started is on screen too.
        jump_to_now_ = false;
        time_scroll_.velocity = lane_scroll_.velocity = 0;
        time_scroll_.offset = now_in_day ? std::clamp(tpos(c.now_utc) - view_time * 0.2f, 0.0f, time_scroll_.max) : 0;
        lane_scroll_.offset = 0;
    }
    if (portrait) scroll2d(c, "program.timeline", v0, v1, time_scroll_, lane_scroll_);
    else scroll2d(c, "program.timeline", v0, v1, lane_scroll_, time_scroll_);
    const float toff = std::floor(time_scroll_.offset), loff = std::floor(lane_scroll_.offset);

    // Screen rectangle of a slot in a lane.
    auto slot = [&](int lane, int64_t s, int64_t e, ImVec2* p0, ImVec2* p1) {
        const float gap = th.u(0.5f);
        if (!portrait) {
            *p0 = ImVec2(v0.x - loff + lane * lane_w + gap, v0.y - toff + tpos(s) + 1);
            *p1 = ImVec2(p0->x + lane_w - gap * 2, v0.y - toff + tpos(e) - 2);
        } else {
            *p0 = ImVec2(v0.x - toff + tpos(s) + 1, v0.y - loff + lane * lane_h + label_h);
            *p1 = ImVec2(v0.x - toff + tpos(e) - 2, p0->y + lane_h - label_h - gap * 2);
        }
    };

    c.dl->PushClipRect(v0, v1, true);
    c.touch.pushClip(v0, v1);
    // Lanes and the half-hour grid.
    const float line_w = std::max(1.0f, th.scale);
    for (size_t i = 0; i < lanes.size(); ++i) {
        if (i % 2 == 1) continue;
        ImVec2 p0, p1;
        slot(static_cast<int>(i), t0, t1, &p0, &p1);
        if (!portrait) c.dl->AddRectFilled(ImVec2(p0.x - th.u(0.5f), v0.y), ImVec2(p1.x + th.u(0.5f), v1.y), th.c.surface_alt);
        else c.dl->AddRectFilled(ImVec2(v0.x, p0.y - label_h), ImVec2(v1.x, p1.y + th.u(0.5f)), th.c.surface_alt);
    }
    for (int64_t t = t0; t <= t1; t += 1800) {
        const float p = tpos(t) - toff;
        const ImU32 col = (t % 3600) == 0 ? th.c.border : th.c.grid_minor;
        if (!portrait) c.dl->AddLine(ImVec2(v0.x, v0.y + p), ImVec2(v1.x, v0.y + p), col, line_w);
        else c.dl->AddLine(ImVec2(v0.x + p, v0.y), ImVec2(v0.x + p, v1.y), col, line_w);
    }
    if (portrait) {
        // Room names at the start of every lane, pinned to the left edge while the time scrolls.
        for (size_t i = 0; i < lanes.size(); ++i) {
            const float ly = v0.y - loff + static_cast<float>(i) * lane_h + th.u(0.5f);
            if (ly > v1.y || ly + label_h < v0.y) continue;
            textEllipsis(c, th.strong, ImVec2(v0.x + th.u(1), ly), th.c.text,
                         std::string(icon::Door) + "  " + roomName(c, lanes[i]), v1.x - v0.x - th.u(2));
        }
    }
    // The talks, and where moved talks were planned.
    std::vector<std::string> visible;
    for (const Talk* t : talks) {
        ImVec2 p0, p1;
        slot(laneOf(t->room), effectiveStartUtc(*t), effectiveEndUtc(*t), &p0, &p1);
        if (p1.x < v0.x || p0.x > v1.x || p1.y < v0.y || p0.y > v1.y) continue;
        timelineCard(c, *t, p0, p1, v0, c.now_utc, false);
        visible.push_back(t->id);
    }
    for (const Talk* t : talks) {
        if (t->status != TalkStatus::Moved || t->moved_from.empty()) continue;
        ImVec2 p0, p1;
        slot(laneOf(t->moved_from), t->start_utc, t->end_utc, &p0, &p1);
        if (p1.x < v0.x || p0.x > v1.x || p1.y < v0.y || p0.y > v1.y) continue;
        timelineCard(c, *t, p0, p1, v0, c.now_utc, true);
    }
    // The "now" line, with its time in words, never as colour alone.
    bool now_visible = false;
    const float now_p = tpos(c.now_utc) - toff;
    const float thick = std::max(2.0f, th.u(0.4f));
    if (now_in_day) {
        if (!portrait && now_p >= 0 && now_p <= v1.y - v0.y) {
            now_visible = true;
            c.dl->AddLine(ImVec2(v0.x, v0.y + now_p), ImVec2(v1.x, v0.y + now_p), th.c.live, thick);
        } else if (portrait && now_p >= 0 && now_p <= v1.x - v0.x) {
            now_visible = true;
            c.dl->AddLine(ImVec2(v0.x + now_p, v0.y), ImVec2(v0.x + now_p, v1.y), th.c.live, thick);
        }
    }
    c.touch.popClip();
    c.dl->PopClipRect();

    // Pinned strips: the time axis, and in landscape the room names above their columns.
    if (!portrait) {
        c.dl->PushClipRect(ImVec2(a.x, v0.y), ImVec2(v0.x, v1.y), true);
        for (int64_t t = t0; t <= t1; t += 1800) {
            const float p = v0.y + tpos(t) - toff;
            const bool hour = (t % 3600) == 0;
            ImFont* f = hour ? th.strong : th.caption;
            text(c, f, ImVec2(a.x + margin, p - f->FontSize * 0.5f), hour ? th.c.text : th.c.text_muted,
                 clockText(c.tz.toLocal(t)));
        }
        if (now_visible) {
            // "Jetzt" and the time over the axis, where the line starts.
            const float lh = th.caption->FontSize * 2 + th.u(1);
            const ImVec2 l0(a.x + margin - th.u(1), v0.y + now_p - lh * 0.5f), l1(v0.x - th.u(0.5f), l0.y + lh);
            c.dl->AddRectFilled(l0, l1, th.c.live, th.u(1));
            text(c, th.caption, ImVec2(l0.x + th.u(1), l0.y + th.u(0.5f)), th.c.accent_text, c.t(S::Now));
            text(c, th.caption, ImVec2(l0.x + th.u(1), l0.y + th.u(0.5f) + th.caption->FontSize), th.c.accent_text,
                 clockText(c.now));
        }
        c.dl->PopClipRect();
        c.dl->PushClipRect(ImVec2(v0.x, a.y), ImVec2(v1.x, v0.y), true);
        for (size_t i = 0; i < lanes.size(); ++i) {
            const float x = v0.x - loff + static_cast<float>(i) * lane_w + th.u(1);
            if (x > v1.x || x + lane_w < v0.x) continue;
            textLines(c, th.strong, ImVec2(x, a.y + th.u(0.5f)), th.c.text, roomName(c, lanes[i]), lane_w - th.u(2), false, 2);
        }
        c.dl->PopClipRect();
    } else {
        c.dl->PushClipRect(ImVec2(v0.x, a.y), ImVec2(v1.x, v0.y), true);
        for (int64_t t = t0; t <= t1; t += 1800) {
            const float p = v0.x + tpos(t) - toff;
            const bool hour = (t % 3600) == 0;
            ImFont* f = hour ? th.strong : th.caption;
            text(c, f, ImVec2(p + th.u(0.5f), a.y + (th.strong->FontSize - f->FontSize)), hour ? th.c.text : th.c.text_muted,
                 clockText(c.tz.toLocal(t)));
        }
        if (now_visible) {
            const std::string label = std::string(c.t(S::Now)) + " " + clockText(c.now);
            const float lw = textWidth(th.caption, label) + th.u(2), lh = th.caption->FontSize + th.u(1);
            const ImVec2 l0(std::clamp(v0.x + now_p - lw * 0.5f, v0.x, v1.x - lw), v0.y - lh - th.u(0.5f));
            c.dl->AddRectFilled(l0, ImVec2(l0.x + lw, l0.y + lh), th.c.live, lh * 0.5f);
            text(c, th.caption, ImVec2(l0.x + th.u(1), l0.y + th.u(0.5f)), th.c.accent_text, label);
        }
        c.dl->PopClipRect();
    }

    if (c.report) {
        const float start_min = time_scroll_.offset / ppm;
        nlohmann::json j;
        j["lanes"] = lanes;
        j["now_visible"] = now_visible;
        j["first_visible"] = clockText(c.tz.toLocal(t0 + static_cast<int64_t>(std::max(0.0f, start_min)) * 60));
        j["visible_talks"] = visible;
        (*c.report)["timeline"] = j;
    }
}

// [SECTION] The day as a list

void ProgramScreen::drawList(Ctx& c, ImVec2 a, ImVec2 b, const std::vector<const Talk*>& talks, bool today_shown) {
    const Theme& th = c.th;
    ScrollState& st = c.nav.route().scroll;
    const float margin = th.u(4), pad = th.u(2.5f), gap = th.u(1.5f);
    const float time_w = textWidth(th.strong, "00:00") + th.u(4);
    const float cw = b.x - a.x - margin * 2;
    const float text_w = cw - time_w - pad * 2;

    // The lines under the title, which wrap with large text.
    auto metaLine = [&](const Talk& t, bool live) {
        std::string meta = std::string(icon::MapMarker) + " " + roomName(c, t.room) + "  ·  " + kindLabel(c, t);
        if (live) meta = std::string(icon::Circle) + " " + c.t(S::RunningNow) + "  ·  " + meta;
        return meta;
    };
    auto speakerLine = [&](const Talk& t) {
        const std::string sp = speakersText(t);
        return sp.empty() ? sp : std::string(icon::User) + " " + sp;
    };
    // Card heights first: the list opens scrolled to what is on now.
    std::vector<float> heights;
    float first_current = -1, acc = 0;
    for (const Talk* t : talks) {
        const float title_h = textLinesHeight(th.strong, t->title.in(c.lang()), text_w);
        float body = title_h + th.u(1) + textLinesHeight(th.caption, metaLine(*t, isRunning(*t, c.now_utc)), text_w);
        if (isChanged(*t)) body += th.u(0.5f) + textLinesHeight(th.body, statusLine(c, *t), text_w);
        if (!t->speakers.empty()) body += th.u(0.5f) + textLinesHeight(th.caption, speakerLine(*t), text_w);
        float times = th.strong->FontSize + th.u(0.5f) + th.caption->FontSize;
        if (t->delay_min > 0) times += th.u(0.5f) + th.caption->FontSize;
        const float h = pad * 2 + std::max(body, times);
        heights.push_back(h);
        if (first_current < 0 && today_shown && effectiveEndUtc(*t) > c.now_utc) first_current = acc;
        acc += h + gap;
    }
    if (jump_to_now_) {
        jump_to_now_ = false;
        // Known height now, so the first frame does not spring back from an "overscrolled" offset.
        st.max = std::max(0.0f, acc + th.u(5) - (b.y - a.y));
        st.offset = std::clamp(first_current, 0.0f, st.max);
        st.velocity = 0;
    }

    float y = scrollBegin(c, "program.list", a, b, st) + th.u(1);
    const float top = y;
    if (talks.empty()) textWrapped(c, th.body, ImVec2(a.x + margin, y), th.c.text_muted, c.t(S::NoMatch), cw);
    for (size_t i = 0; i < talks.size(); ++i) {
        const Talk& t = *talks[i];
        const float h = heights[i];
        if (visibleY(c, y, y + h)) {
            const float x = a.x + margin;
            const bool live = isRunning(t, c.now_utc);
            const bool over = effectiveEndUtc(t) <= c.now_utc;
            const bool cancelled = isCancelled(t);
            const std::string title = t.title.in(c.lang());
            if (t.kind != TalkKind::Break) {
                if (card(c, "talk." + t.id, title, ImVec2(x, y), ImVec2(x + cw, y + h), live)) c.nav.go(ScreenId::Talk, t.id);
                if (isChanged(t))
                    c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + th.u(1), y + h), th.c.warn, th.radius,
                                        ImDrawFlags_RoundCornersLeft);
            } else {
                c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cw, y + h), th.c.surface_alt, th.radius);
            }
            const ImU32 main = over || cancelled ? th.c.text_muted : th.c.text;
            float ty = y + pad;
            text(c, th.strong, ImVec2(x + pad, ty), main, clockText(c.tz.toLocal(effectiveStartUtc(t))));
            ty += th.strong->FontSize + th.u(0.5f);
            text(c, th.caption, ImVec2(x + pad, ty), th.c.text_muted, "– " + clockText(c.tz.toLocal(effectiveEndUtc(t))));
            if (t.delay_min > 0) {
                // The printed start, struck through under the new one.
                ty += th.caption->FontSize + th.u(0.5f);
                const std::string planned = clockText(c.tz.toLocal(t.start_utc));
                text(c, th.caption, ImVec2(x + pad, ty), th.c.text_muted, planned);
                strikeThrough(c, th.caption, ImVec2(x + pad, ty), textWidth(th.caption, planned), th.c.text_muted);
            }
            const float tx = x + pad + time_w;
            ty = y + pad;
            ty += textLines(c, th.strong, ImVec2(tx, ty), main, title, text_w, cancelled) + th.u(1);
            ty += textLines(c, th.caption, ImVec2(tx, ty), live ? th.c.live : th.c.accent, metaLine(t, live), text_w, false);
            if (isChanged(t)) {
                ty += th.u(0.5f);
                ty += textLines(c, th.body, ImVec2(tx, ty), th.c.warn, statusLine(c, t), text_w, false);
            }
            const std::string sp = speakerLine(t);
            if (!sp.empty()) {
                ty += th.u(0.5f);
                textLines(c, th.caption, ImVec2(tx, ty), th.c.text_muted, sp, text_w, false);
            }
        }
        y += h + gap;
    }
    scrollEnd(c, "program.list", a, b, st, y - top + th.u(4));
}

} // namespace ww
