// All exhibitors A–Z as cards: name, stand, topics. Sorted the way a German reader expects
// ("Ämter" with the A's).
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

std::string ExhibitorsScreen::title(const Ctx& c) const { return c.t(S::Exhibitors); }

void ExhibitorsScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    std::vector<const Exhibitor*> list;
    for (const Exhibitor& e : m.exhibitors) list.push_back(&e);
    std::stable_sort(list.begin(), list.end(),
                     [](const Exhibitor* a, const Exhibitor* b) { return foldText(a->name) < foldText(b->name); });

    const float head = screenTitle(c, icon::Exhibitors, c.t(S::Exhibitors),
                                   fmt(S::ExhibitorCount, c.lang(), static_cast<int>(list.size())));
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x, c.max.y);
    ScrollState& st = c.nav.route().scroll;
    const float margin = th.u(4), gap = th.u(2);
    const int cols = std::max(1, static_cast<int>((b.x - a.x - margin * 2 + gap) / (th.u(60) * th.text_scale + gap)));
    const float cw = (b.x - a.x - margin * 2 - gap * (cols - 1)) / cols;
    const float pad = th.u(2.5f);
    const float ch = pad * 2 + th.strong->FontSize + th.u(1) + th.caption->FontSize * 2 + th.u(0.5f);

    float y = scrollBegin(c, "exhibitors.list", a, b, st) + th.u(1);
    const float top = y;
    int col = 0;
    std::vector<std::string> shown;
    for (const Exhibitor* e : list) {
        const float x = a.x + margin + col * (cw + gap);
        if (visibleY(c, y, y + ch)) {
            if (card(c, "exhibitor." + e->id, e->name, ImVec2(x, y), ImVec2(x + cw, y + ch))) c.nav.go(ScreenId::Exhibitor, e->id);
            float ty = y + pad;
            textEllipsis(c, th.strong, ImVec2(x + pad, ty), th.c.text, e->name, cw - pad * 2);
            ty += th.strong->FontSize + th.u(1);
            std::string stands;
            for (const std::string& s : e->stands) stands += (stands.empty() ? "" : ", ") + s;
            if (!stands.empty())
                textEllipsis(c, th.caption, ImVec2(x + pad, ty), th.c.accent,
                             std::string(icon::MapMarker) + "  " + c.t(S::Stand) + " " + stands, cw - pad * 2);
            ty += th.caption->FontSize + th.u(0.5f);
            std::string topics;
            for (const std::string& tid : e->topics)
                if (const Topic* t = m.topic(tid)) topics += (topics.empty() ? "" : " · ") + t->name.in(c.lang());
            if (!topics.empty())
                textEllipsis(c, th.caption, ImVec2(x + pad, ty), th.c.text_muted,
                             std::string(icon::Tag) + "  " + topics, cw - pad * 2);
            shown.push_back(e->id);
        }
        if (++col == cols) {
            col = 0;
            y += ch + gap;
        }
    }
    if (col != 0) y += ch + gap;
    scrollEnd(c, "exhibitors.list", a, b, st, y - top + th.u(4));
    if (c.report) {
        (*c.report)["count"] = list.size();
        (*c.report)["visible"] = shown;
    }
}

} // namespace ww
