// "Programmänderungen / Programme changes": every talk of a day that staff delayed, cancelled or
// moved, with what changed and the staff's note, each tapping through to the talk. The programme
// screen shows it when its route item is "changes:<YYYY-MM-DD>", so Back returns to the programme.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/program_parts.h"
#include "ui/widgets.h"

#include <algorithm>

namespace ww {

namespace {

struct ChangeCard {
    const Talk* talk;
    float status_h, title_h, where_h, note_h, h;
};

// Where the talk is, and for a moved one where it was planned.
std::string whereLine(const Ctx& c, const Talk& t) {
    std::string where = std::string(icon::MapMarker) + "  ";
    if (t.status == TalkStatus::Moved && !t.moved_from.empty())
        where += roomName(c, t.moved_from) + " → " + roomName(c, t.room);
    else
        where += roomName(c, t.room);
    return where;
}

} // namespace

void drawChangesList(Ctx& c, const std::string& date) {
    if (!c.schedule) return;
    const Schedule& sch = *c.schedule;
    const Theme& th = c.th;
    const int day = sch.dayIndex(date);
    std::string sub = c.t(S::ChangesHint);
    if (day >= 0) sub = dayTitle(sch.days()[static_cast<size_t>(day)].day, c.lang()) + "  ·  " + sub;
    const float head = screenTitle(c, icon::Warning, c.t(S::ProgramChanges), sub);
    const std::vector<const Talk*> changes = day >= 0 ? sch.changesOn(day) : std::vector<const Talk*>{};

    const float margin = th.u(4), pad = th.u(3), gap = th.u(2);
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x, c.max.y);
    const float cw = std::min(b.x - a.x - margin * 2, th.u(150) * std::max(1.0f, th.text_scale * 0.8f));
    const float tw = cw - pad * 2;
    std::vector<ChangeCard> cards;
    for (const Talk* t : changes) {
        ChangeCard k{t, 0, 0, 0, 0, 0};
        k.status_h = textLinesHeight(th.heading, statusLine(c, *t), tw);
        k.title_h = textLinesHeight(th.strong, t->title.in(c.lang()), tw);
        k.where_h = textLinesHeight(th.body, whereLine(c, *t), tw);
        k.note_h = textHeight(th.body, t->change_note.in(c.lang()), tw);
        k.h = pad * 2 + k.status_h + th.u(1.5f) + k.title_h + th.u(1.5f) + th.body->FontSize + th.u(0.5f) + k.where_h +
              (k.note_h > 0 ? k.note_h + th.u(1.5f) : 0);
        cards.push_back(k);
    }

    ScrollState& st = c.nav.route().scroll;
    float y = scrollBegin(c, "changes.list", a, b, st) + th.u(1);
    const float top = y;
    const float x = a.x + margin;
    if (cards.empty()) {
        y += textWrapped(c, th.body, ImVec2(x, y), th.c.text_muted, c.t(S::NoChanges), cw) + th.u(2);
    }
    for (const ChangeCard& k : cards) {
        const Talk& t = *k.talk;
        if (visibleY(c, y, y + k.h)) {
            const std::string title = t.title.in(c.lang());
            if (card(c, "talk." + t.id, title, ImVec2(x, y), ImVec2(x + cw, y + k.h))) c.nav.go(ScreenId::Talk, t.id);
            // A bar on the left edge in the status colour, besides the words and the icon.
            c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + th.u(1), y + k.h), th.c.warn, th.radius, ImDrawFlags_RoundCornersLeft);
            float ty = y + pad;
            const float tx = x + pad;
            ty += textLines(c, th.heading, ImVec2(tx, ty), th.c.warn, statusLine(c, t), tw, false) + th.u(1.5f);
            const bool cancelled = isCancelled(t);
            ty += textLines(c, th.strong, ImVec2(tx, ty), cancelled ? th.c.text_muted : th.c.text, title, tw, cancelled) +
                  th.u(1.5f);
            // When: the new time, and the printed one struck through after it.
            const std::string when = std::string(icon::Clock) + "  " + effectiveRange(c, t);
            text(c, th.body, ImVec2(tx, ty), th.c.text, when);
            if (t.delay_min > 0) {
                const float px = tx + textWidth(th.body, when) + th.u(2);
                const std::string planned = plannedRange(c, t);
                if (px + textWidth(th.body, planned) <= tx + tw) {
                    text(c, th.body, ImVec2(px, ty), th.c.text_muted, planned);
                    strikeThrough(c, th.body, ImVec2(px, ty), textWidth(th.body, planned), th.c.text_muted);
                }
            }
            ty += th.body->FontSize + th.u(0.5f);
            ty += textLines(c, th.body, ImVec2(tx, ty), th.c.text, whereLine(c, t), tw, false) + th.u(1.5f);
            const std::string note = t.change_note.in(c.lang());
            if (!note.empty()) textWrapped(c, th.body, ImVec2(tx, ty), th.c.text_muted, note, tw);
        }
        y += k.h + gap;
    }
    scrollEnd(c, "changes.list", a, b, st, y - top + th.u(4));

    if (c.report) {
        nlohmann::json list = nlohmann::json::array();
        for (const Talk* t : changes) list.push_back(talkReport(sch, *t, c.lang()));
        (*c.report)["view"] = "changes";
        (*c.report)["day"] = date;
        (*c.report)["changes"] = list;
    }
}

} // namespace ww
