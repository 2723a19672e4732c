// One session: kind and length, title, its live status (cancelled, delayed, moved: in words, with an
// icon), when (the new time, the printed one struck through), where (with the room on the plan),
// speakers (their organisation leading to its stand when it exhibits), language, topic, abstract.
#include "core/schedule.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/program_parts.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace ww {

namespace {

// Where the talk stands in the day: on now, starting soon, over (or nothing for a cancelled talk).
struct Live {
    std::string words;
    ImU32 col = 0;
    const char* state = "";
};

Live liveState(const Ctx& c, const Talk& t) {
    Live l;
    if (isCancelled(t)) {
        l.state = "cancelled";
        return l;
    }
    const int64_t s = effectiveStartUtc(t), e = effectiveEndUtc(t);
    if (isRunning(t, c.now_utc)) {
        const int left = static_cast<int>((e - c.now_utc + 59) / 60);
        l.words = std::string(icon::Circle) + "  " + c.t(S::RunningNow) + " · " + minutesLeftText(left, c.lang());
        l.col = c.th.c.live;
        l.state = "running";
    } else if (e <= c.now_utc) {
        l.words = std::string(icon::Check) + "  " + c.t(S::Finished);
        l.col = c.th.c.text_muted;
        l.state = "finished";
    } else {
        l.state = "upcoming";
        // A countdown only while it means something: later today, not next week.
        if (s - c.now_utc < 12 * 3600) {
            l.words = std::string(icon::Clock) + "  " +
                      fmt(S::StartsIn, c.lang(), minutesUntilText(static_cast<int>((s - c.now_utc + 59) / 60), c.lang()).c_str());
            l.col = c.th.c.accent;
        }
    }
    return l;
}

} // namespace

std::string TalkScreen::title(const Ctx& c) const {
    const Talk* t = c.model.talk(c.nav.route().item);
    return t ? t->title.in(c.lang()) : c.t(S::Program);
}

void TalkScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Talk* tp = m.talk(c.nav.route().item);
    if (!tp) return;
    const Talk& t = *tp;
    const Live live = liveState(c, t);
    if (c.report) {
        nlohmann::json& j = *c.report;
        j["talk"] = t.id;
        if (c.schedule) {
            const nlohmann::json r = talkReport(*c.schedule, t, c.lang());
            for (auto it = r.begin(); it != r.end(); ++it)
                if (it.key() != "id") j[it.key()] = it.value();
        }
        j["live"] = live.state;
    }
    const float margin = th.u(4);
    const ImVec2 a(c.min.x, c.min.y), b(c.max.x, c.max.y);
    ScrollState& st = c.nav.route().scroll;
    const float w = std::min(b.x - a.x - margin * 2, th.u(130) * std::max(1.0f, th.text_scale * 0.8f));
    const float x = a.x + margin;
    const bool cancelled = isCancelled(t);

    float y = scrollBegin(c, "talk.detail", a, b, st) + th.u(4);
    const float top = y;
    std::string kind = kindLabel(c, t);
    if (!t.track.empty()) kind += "  ·  " + t.track;
    textEllipsis(c, th.strong, ImVec2(x, y), th.c.accent, std::string(icon::Microphone) + "  " + kind, w);
    y += th.strong->FontSize + th.u(1.5f);
    y += textLines(c, th.display, ImVec2(x, y), cancelled ? th.c.text_muted : th.c.text, t.title.in(c.lang()), w, cancelled) +
         th.u(3);

    // The change, first and unmistakable: icon, words, a coloured edge, and the staff's note.
    if (isChanged(t)) {
        const float ip = th.u(3), iw = w - ip * 2 - th.u(1);
        const std::string head = statusLine(c, t);
        std::string detail;
        if (t.delay_min > 0) detail = fmt(S::PlannedTime, c.lang(), plannedRange(c, t).c_str());
        std::string moved;
        if (t.status == TalkStatus::Moved && !t.moved_from.empty())
            moved = fmt(S::MovedFrom, c.lang(), roomName(c, t.moved_from).c_str());
        const std::string note = t.change_note.in(c.lang());
        const float head_h = textHeight(th.heading, head, iw);
        float h = ip + head_h;
        if (!detail.empty()) h += th.u(1.5f) + th.body->FontSize;
        if (!moved.empty()) h += th.u(1.5f) + textHeight(th.body, moved, iw);
        if (!note.empty()) h += th.u(1.5f) + textHeight(th.body, note, iw);
        h += ip;
        panel(c, ImVec2(x, y), ImVec2(x + w, y + h), th.c.surface);
        c.dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), th.c.warn, th.radius, 0, std::max(2.0f, th.scale * 3));
        c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + th.u(1.5f), y + h), th.c.warn, th.radius, ImDrawFlags_RoundCornersLeft);
        const float px = x + ip + th.u(1);
        float py = y + ip;
        py += textWrapped(c, th.heading, ImVec2(px, py), th.c.warn, head, iw);
        if (!detail.empty()) {
            py += th.u(1.5f);
            text(c, th.body, ImVec2(px, py), th.c.text, detail);
            // Strike the printed times, which end the sentence in both languages.
            const std::string range = plannedRange(c, t);
            const float dw = textWidth(th.body, detail), rw = textWidth(th.body, range);
            strikeThrough(c, th.body, ImVec2(px + dw - rw, py), rw, th.c.text);
            py += th.body->FontSize;
        }
        if (!moved.empty()) {
            py += th.u(1.5f);
            py += textWrapped(c, th.body, ImVec2(px, py), th.c.text, moved, iw);
        }
        if (!note.empty()) {
            py += th.u(1.5f);
            textWrapped(c, th.body, ImVec2(px, py), th.c.text_muted, note, iw);
        }
        y += h + th.u(3);
    }

    // When and where, in a panel with the map action below.
    const Room* room = m.room(t.room);
    const float row = th.body->FontSize + th.u(1.5f);
    const bool has_live = !live.words.empty();
    const std::string when = std::string(icon::Clock) + "  " + dayLong(c.tz.toLocal(effectiveStartUtc(t)), c.lang()) + ", " +
                             effectiveRange(c, t);
    const float when_h = textHeight(th.body, when, w - th.u(6));
    // "Show on map" and "Route there" side by side when both fit, else stacked.
    const float bw_show = buttonWidth(c, icon::Map, c.t(S::ShowOnMap));
    const float bw_route = buttonWidth(c, icon::YouAreHere, c.t(S::RouteThere));
    const bool btn_row = bw_show + bw_route + th.u(2) <= w - th.u(6);
    const float btn_h = !room ? 0 : btn_row ? th.min_target + th.u(2) : 2 * th.min_target + th.u(4);
    const float ph = th.u(6) + (has_live ? th.strong->FontSize + th.u(1.5f) : 0) + when_h + th.u(1.5f) + row + btn_h;
    panel(c, ImVec2(x, y), ImVec2(x + w, y + ph), th.c.surface);
    float py = y + th.u(3);
    if (has_live) {
        text(c, th.strong, ImVec2(x + th.u(3), py), live.col, live.words);
        py += th.strong->FontSize + th.u(1.5f);
    }
    py += textWrapped(c, th.body, ImVec2(x + th.u(3), py), cancelled ? th.c.text_muted : th.c.text, when, w - th.u(6)) +
          th.u(1.5f);
    textEllipsis(c, th.body, ImVec2(x + th.u(3), py), th.c.text,
                 std::string(icon::MapMarker) + "  " + (room ? room->name.in(c.lang()) : t.room), w - th.u(6));
    py += row + th.u(1);
    if (room) {
        const std::string target = "room:" + room->id; // the room after any move
        const float bx = x + th.u(3);
        const float bw1 = std::min(w - th.u(6), bw_show);
        if (button(c, "map.show", icon::Map, c.t(S::ShowOnMap), ImVec2(bx, py), ImVec2(bx + bw1, py + th.min_target),
                   Style::Primary))
            c.nav.go(ScreenId::Map, target);
        const float rx = btn_row ? bx + bw1 + th.u(2) : bx;
        const float ry = btn_row ? py : py + th.min_target + th.u(2);
        const float bw2 = std::min(w - th.u(6), bw_route);
        if (button(c, "route.start", icon::YouAreHere, c.t(S::RouteThere), ImVec2(rx, ry), ImVec2(rx + bw2, ry + th.min_target),
                   Style::Secondary)) {
            // The floor plan opens with the room selected and finds this request to draw the way.
            c.settings.route_request = target;
            c.nav.go(ScreenId::Map, target);
        }
    }
    y += ph + th.u(4);

    if (!t.speakers.empty()) {
        text(c, th.heading, ImVec2(x, y), th.c.text, std::string(icon::Users) + "  " + c.t(S::Speakers));
        y += th.heading->FontSize + th.u(1.5f);
        std::set<std::string> linked; // one button per exhibitor, however many of its people speak
        for (const Speaker& s : t.speakers) {
            y += textWrapped(c, th.strong, ImVec2(x, y), th.c.text, s.name, w);
            const Exhibitor* ex = exhibitorForOrganisation(m, s.organisation);
            if (ex && linked.insert(ex->id).second) {
                y += th.u(1);
                const float bw = std::min(w, buttonWidth(c, icon::Exhibitors, s.organisation, th.body));
                if (button(c, "exhibitor." + ex->id, icon::Exhibitors, s.organisation, ImVec2(x, y),
                           ImVec2(x + bw, y + th.min_target), Style::Secondary, th.body))
                    c.nav.go(ScreenId::Exhibitor, ex->id);
                y += th.min_target;
            } else if (!s.organisation.empty()) {
                y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, s.organisation, w);
            }
            y += th.u(2);
        }
        y += th.u(1);
    }
    if (!t.language.empty()) {
        const char* lang = t.language == "en" ? c.t(S::LangEnglish) : t.language == "de" ? c.t(S::LangGerman) : nullptr;
        y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted,
                         std::string(icon::Globe) + "  " + c.t(S::TalkLanguage) + ": " + (lang ? lang : t.language), w) +
             th.u(1.5f);
    }
    if (const Topic* topic = m.topic(t.topic)) {
        y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted,
                         std::string(icon::Tag) + "  " + c.t(S::Topic) + ": " + topic->name.in(c.lang()), w) +
             th.u(1.5f);
    }
    y += th.u(1.5f);
    const std::string abstract = t.abstract.in(c.lang());
    if (!abstract.empty()) {
        text(c, th.heading, ImVec2(x, y), th.c.text, c.t(S::Abstract));
        y += th.heading->FontSize + th.u(1.5f);
        y += textWrapped(c, th.body, ImVec2(x, y), th.c.text, abstract, w) + th.u(3);
    }
    scrollEnd(c, "talk.detail", a, b, st, y - top + th.u(6));
}

} // namespace ww
