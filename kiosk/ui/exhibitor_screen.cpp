// One exhibitor: logo, stands ("show on floor plan"), topics, description, contact and their talks.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

namespace {

// Talks given by someone from this exhibitor's organisation.
std::vector<const Talk*> talksOf(const Model& m, const Exhibitor& e) {
    std::vector<const Talk*> out;
    const std::string name = foldText(e.name), short_name = foldText(e.short_name);
    for (const Talk& t : m.talks)
        for (const Speaker& s : t.speakers) {
            const std::string org = foldText(s.organisation);
            if (!org.empty() && (org == name || (!short_name.empty() && org == short_name))) {
                out.push_back(&t);
                break;
            }
        }
    std::sort(out.begin(), out.end(), [](const Talk* a, const Talk* b) { return a->start_utc < b->start_utc; });
    return out;
}

} // namespace

std::string ExhibitorScreen::title(const Ctx& c) const {
    const Exhibitor* e = c.model.exhibitor(c.nav.route().item);
    return e ? e->name : c.t(S::Exhibitors);
}

void ExhibitorScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Exhibitor* e = m.exhibitor(c.nav.route().item);
    if (!e) return; // the app moves up a level when an item disappears
    if (c.report) (*c.report)["exhibitor"] = e->id;

    const float margin = th.u(4);
    const ImVec2 a(c.min.x, c.min.y), b(c.max.x, c.max.y);
    // Landscape: logo and actions left, text right. Portrait: one column.
    const float side_w = c.portrait ? 0 : std::clamp(c.w() * 0.28f, th.u(45), th.u(60));
    ScrollState& st = c.nav.route().scroll;

    auto actions = [&](float x, float y, float w) {
        const float logo_h = std::min(w * 0.6f, th.u(30));
        panel(c, ImVec2(x, y), ImVec2(x + w, y + logo_h), th.c.surface);
        if (!e->logo.empty()) {
            image(c, e->logo, ImVec2(x + th.u(3), y + th.u(3)), ImVec2(x + w - th.u(3), y + logo_h - th.u(3)), false);
        } else {
            // No logo: the initials, set like a monogram.
            std::string initials;
            for (size_t i = 0; i < e->name.size() && initials.size() < 3; ++i)
                if ((i == 0 || e->name[i - 1] == ' ') && std::isalpha(static_cast<unsigned char>(e->name[i])))
                    initials += e->name[i];
            textCentered(c, th.display, ImVec2(x, y), ImVec2(x + w, y + logo_h), th.c.accent, initials);
        }
        y += logo_h + th.u(3);
        if (!e->stands.empty()) {
            if (button(c, "map.show", icon::MapMarker, c.t(S::ShowOnMap), ImVec2(x, y), ImVec2(x + w, y + th.min_target),
                       Style::Primary))
                c.nav.go(ScreenId::Map, "stand:" + e->stands.front());
            y += th.min_target + th.u(2);
        }
        return y;
    };

    float content_x = a.x + margin;
    float content_w = b.x - a.x - margin * 2;
    if (!c.portrait) {
        actions(a.x + margin, a.y + th.u(4), side_w);
        content_x = a.x + margin * 2 + side_w;
        content_w = b.x - content_x - margin;
    }
    float y = scrollBegin(c, "exhibitor.detail", ImVec2(content_x - th.u(1), a.y), b, st) + th.u(4);
    const float top = y;
    if (c.portrait) y = actions(content_x, y, std::min(content_w, th.u(60))) + th.u(1);
    y += textWrapped(c, th.display, ImVec2(content_x, y), th.c.text, e->name, content_w) + th.u(2);
    std::string stands;
    for (const std::string& s : e->stands) stands += (stands.empty() ? "" : ", ") + s;
    if (!stands.empty())
        y += textWrapped(c, th.strong, ImVec2(content_x, y), th.c.accent,
                         std::string(icon::MapMarker) + "  " + (e->stands.size() > 1 ? c.t(S::Stands) : c.t(S::Stand)) +
                             " " + stands,
                         content_w) +
             th.u(2);
    // Topics as quiet chips.
    if (!e->topics.empty()) {
        float x = content_x;
        const float chip_h = th.caption->FontSize + th.u(2);
        for (const std::string& tid : e->topics) {
            const Topic* t = m.topic(tid);
            if (!t) continue;
            const std::string name = t->name.in(c.lang());
            const float w = std::min(content_w, textWidth(th.caption, name) + th.u(4));
            if (x + w > content_x + content_w) {
                x = content_x;
                y += chip_h + th.u(1);
            }
            c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip_h), th.c.accent_soft, chip_h * 0.5f);
            textCentered(c, th.caption, ImVec2(x, y), ImVec2(x + w, y + chip_h), th.c.text, name);
            x += w + th.u(1);
        }
        y += chip_h + th.u(3);
    }
    const std::string desc = e->description.in(c.lang());
    if (!desc.empty()) y += textWrapped(c, th.body, ImVec2(content_x, y), th.c.text, desc, std::min(content_w, th.u(110) * th.text_scale)) + th.u(3);

    // Contact lines: website first (a QR code comes with the feature work).
    auto contact = [&](const char* ic, const std::string& s) {
        if (s.empty()) return;
        y += textWrapped(c, th.body, ImVec2(content_x, y), th.c.text_muted, std::string(ic) + "  " + s, content_w) + th.u(1);
    };
    if (!e->website.empty() || !e->email.empty() || !e->phone.empty()) {
        text(c, th.strong, ImVec2(content_x, y), th.c.text, c.t(S::Contact));
        y += th.strong->FontSize + th.u(1);
        contact(icon::Link, e->website);
        contact(icon::Envelope, e->email);
        contact(icon::Phone, e->phone);
        y += th.u(2);
    }
    const auto talks = talksOf(m, *e);
    if (!talks.empty()) {
        text(c, th.heading, ImVec2(content_x, y), th.c.text, std::string(icon::Microphone) + "  " + c.t(S::Talks));
        y += th.heading->FontSize + th.u(2);
        for (const Talk* t : talks) {
            const std::string title = t->title.in(c.lang());
            const float h = th.u(4) + th.caption->FontSize + th.u(0.5f) + textHeight(th.strong, title, content_w - th.u(6));
            if (card(c, "talk." + t->id, title, ImVec2(content_x, y), ImVec2(content_x + content_w, y + h)))
                c.nav.go(ScreenId::Talk, t->id);
            text(c, th.caption, ImVec2(content_x + th.u(3), y + th.u(2)), th.c.accent,
                 dayShort(c.tz.toLocal(t->start_utc), c.lang()) + "  ·  " + timeRange(*t, c.tz, c.lang()));
            textWrapped(c, th.strong, ImVec2(content_x + th.u(3), y + th.u(2.5f) + th.caption->FontSize), th.c.text, title,
                        content_w - th.u(6));
            y += h + th.u(1.5f);
        }
    }
    scrollEnd(c, "exhibitor.detail", ImVec2(content_x - th.u(1), a.y), b, st, y - top + th.u(6));
}

} // namespace ww
