// One session: title, when, where (with the room on the plan), speakers, language, abstract.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

std::string TalkScreen::title(const Ctx& c) const {
    const Talk* t = c.model.talk(c.nav.route().item);
    return t ? t->title.in(c.lang()) : c.t(S::Program);
}

void TalkScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Talk* t = m.talk(c.nav.route().item);
    if (!t) return;
    if (c.report) (*c.report)["talk"] = t->id;
    const float margin = th.u(4);
    const ImVec2 a(c.min.x, c.min.y), b(c.max.x, c.max.y);
    ScrollState& st = c.nav.route().scroll;
    const float w = std::min(b.x - a.x - margin * 2, th.u(130) * std::max(1.0f, th.text_scale * 0.8f));
    const float x = a.x + margin;

    float y = scrollBegin(c, "talk.detail", a, b, st) + th.u(4);
    const float top = y;
    const bool live = t->start_utc <= c.now_utc && c.now_utc < t->end_utc;
    std::string kind = talkKindName(t->kind, c.lang());
    if (!t->track.empty()) kind += "  ·  " + t->track;
    text(c, th.strong, ImVec2(x, y), th.c.accent, std::string(icon::Microphone) + "  " + kind);
    y += th.strong->FontSize + th.u(1.5f);
    y += textWrapped(c, th.display, ImVec2(x, y), th.c.text, t->title.in(c.lang()), w) + th.u(3);

    // When and where, in a panel with the map action beside it.
    const Room* room = m.room(t->room);
    const float row = th.body->FontSize + th.u(1.5f);
    const float ph = th.u(6) + row * 2 + (live ? row : 0) + th.min_target + th.u(2);
    panel(c, ImVec2(x, y), ImVec2(x + w, y + ph), th.c.surface);
    float py = y + th.u(3);
    if (live) {
        text(c, th.strong, ImVec2(x + th.u(3), py), th.c.live, std::string(icon::Circle) + "  " + c.t(S::RunningNow));
        py += row;
    }
    text(c, th.body, ImVec2(x + th.u(3), py), th.c.text,
         std::string(icon::Clock) + "  " + dayLong(c.tz.toLocal(t->start_utc), c.lang()) + ", " + timeRange(*t, c.tz, c.lang()));
    py += row;
    text(c, th.body, ImVec2(x + th.u(3), py), th.c.text,
         std::string(icon::MapMarker) + "  " + (room ? room->name.in(c.lang()) : t->room));
    py += row + th.u(1);
    if (room) {
        const float bw = std::min(w - th.u(6), buttonWidth(c, icon::Map, c.t(S::ShowOnMap)));
        if (button(c, "map.show", icon::Map, c.t(S::ShowOnMap), ImVec2(x + th.u(3), py),
                   ImVec2(x + th.u(3) + bw, py + th.min_target), Style::Primary))
            c.nav.go(ScreenId::Map, "room:" + room->id);
    }
    y += ph + th.u(4);

    if (!t->speakers.empty()) {
        text(c, th.heading, ImVec2(x, y), th.c.text, std::string(icon::Users) + "  " + c.t(S::Speakers));
        y += th.heading->FontSize + th.u(1.5f);
        for (const Speaker& s : t->speakers) {
            y += textWrapped(c, th.strong, ImVec2(x, y), th.c.text, s.name, w);
            if (!s.organisation.empty()) y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, s.organisation, w);
            y += th.u(1.5f);
        }
        y += th.u(2);
    }
    if (!t->language.empty()) {
        const char* lang = t->language == "en" ? c.t(S::LangEnglish) : t->language == "de" ? c.t(S::LangGerman) : nullptr;
        text(c, th.body, ImVec2(x, y), th.c.text_muted,
             std::string(icon::Globe) + "  " + c.t(S::TalkLanguage) + ": " + (lang ? lang : t->language));
        y += th.body->FontSize + th.u(3);
    }
    const std::string abstract = t->abstract.in(c.lang());
    if (!abstract.empty()) {
        text(c, th.heading, ImVec2(x, y), th.c.text, c.t(S::Abstract));
        y += th.heading->FontSize + th.u(1.5f);
        y += textWrapped(c, th.body, ImVec2(x, y), th.c.text, abstract, w) + th.u(3);
    }
    scrollEnd(c, "talk.detail", a, b, st, y - top + th.u(6));
}

} // namespace ww
