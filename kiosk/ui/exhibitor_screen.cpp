// One exhibitor: logo, name, stands (→ floor plan, → walking route), topics (→ the list filtered by
// them), description in the visitor's language (German when there is no English), contact, the
// website as a QR code with its address beneath, and their talks.
#include "ui/chip.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/qr.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// Talks given by someone from this exhibitor's organisation: its name, short name, or the part of
// the name before a dash ("SAKD – Sächsische Anstalt …" → "SAKD").
std::vector<const Talk*> talksOf(const Model& m, const Exhibitor& e) {
    std::vector<std::string> names = {foldText(e.name)};
    if (!e.short_name.empty()) names.push_back(foldText(e.short_name));
    for (const char* dash : {" – ", " - ", " — "}) {
        const size_t at = e.name.find(dash);
        if (at != std::string::npos && at > 0) names.push_back(foldText(e.name.substr(0, at)));
    }
    std::vector<const Talk*> out;
    for (const Talk& t : m.talks)
        for (const Speaker& s : t.speakers) {
            const std::string org = foldText(s.organisation);
            if (!org.empty() && std::find(names.begin(), names.end(), org) != names.end()) {
                out.push_back(&t);
                break;
            }
        }
    std::sort(out.begin(), out.end(), [](const Talk* a, const Talk* b) { return a->start_utc < b->start_utc; });
    return out;
}

std::string initials(const std::string& name) {
    std::string out;
    for (size_t i = 0; i < name.size() && out.size() < 3; ++i)
        if ((i == 0 || name[i - 1] == ' ') && std::isalpha(static_cast<unsigned char>(name[i]))) out += name[i];
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

    // The code is made once per address, not every frame.
    const std::string address = qrAddress(e->website);
    if (address != qr_text_) {
        qr_text_ = address;
        if (!qrEncode(address, qr_size_, qr_)) qr_size_ = 0;
    }
    const bool has_qr = qr_size_ > 0;

    const float margin = th.u(4);
    const ImVec2 a(c.min.x, c.min.y), b(c.max.x, c.max.y);
    ScrollState& st = c.nav.route().scroll;
    std::string stands;
    for (const std::string& s : e->stands) stands += (stands.empty() ? "" : ", ") + s;

    // [SECTION] Pieces
    auto logoPanel = [&](float x, float y, float w, float h) {
        panel(c, ImVec2(x, y), ImVec2(x + w, y + h), e->logo.empty() ? th.c.surface : th.c.logo_plate);
        if (!e->logo.empty())
            image(c, e->logo, ImVec2(x + th.u(3), y + th.u(3)), ImVec2(x + w - th.u(3), y + h - th.u(3)), false);
        else
            textCentered(c, th.display, ImVec2(x, y), ImVec2(x + w, y + h), th.c.accent, initials(e->name)); // a monogram
        return h;
    };
    // "Show on floor plan" and "Route there"; side by side when there is room, else stacked.
    auto actions = [&](float x, float y, float w) {
        if (e->stands.empty()) return 0.0f;
        const std::string target = "stand:" + e->stands.front();
        const float bh = th.min_target;
        // Side by side only when each label fits its half.
        const float need = std::max(buttonWidth(c, icon::MapMarker, c.t(S::ShowOnMap)), buttonWidth(c, icon::YouAreHere, c.t(S::RouteThere)));
        const bool row = need * 2 + th.u(2) <= w;
        const float w1 = row ? (w - th.u(2)) * 0.5f : w;
        if (scrolledButton(c, "map.show", icon::MapMarker, c.t(S::ShowOnMap), ImVec2(x, y), ImVec2(x + w1, y + bh), a.y, b.y, Style::Primary))
            c.nav.go(ScreenId::Map, target);
        const float x2 = row ? x + w1 + th.u(2) : x;
        const float y2 = row ? y : y + bh + th.u(2);
        if (scrolledButton(c, "route.start", icon::YouAreHere, c.t(S::RouteThere), ImVec2(x2, y2), ImVec2(x2 + w1, y2 + bh), a.y, b.y,
                           Style::Secondary)) {
            // The floor plan opens with the stand selected and finds this request to draw the way.
            c.settings.route_request = target;
            c.nav.go(ScreenId::Map, target);
        }
        return row ? bh : bh * 2 + th.u(2);
    };
    // The QR code with the address beneath; returns the height used.
    auto qrBlock = [&](float x, float y, float side, float text_w) {
        if (!has_qr) return 0.0f;
        const float used = drawQr(c, qr_size_, qr_, ImVec2(x, y), side);
        float h = used + th.u(1.5f);
        // The address in the larger type when it fits the column's width (200 % text: the smaller).
        const std::string addr = readableAddress(e->website);
        h += textWrapped(c, textWidth(th.strong, addr) <= text_w ? th.strong : th.caption, ImVec2(x, y + h), th.c.text, addr, text_w);
        h += th.u(0.5f);
        h += textWrapped(c, th.caption, ImVec2(x, y + h), th.c.text_muted, std::string(icon::Camera) + "  " + c.t(S::ScanWebsite), text_w);
        return h;
    };
    const float qr_min = th.u(24);
    const float qr_max = th.u(40);

    // [SECTION] Layout: landscape puts logo, actions and the code in a column on the left.
    // The column is as wide as its buttons' words need (large text), up to two fifths of the screen.
    const float side_need = std::max(buttonWidth(c, icon::MapMarker, c.t(S::ShowOnMap)), buttonWidth(c, icon::YouAreHere, c.t(S::RouteThere)));
    const float side_w = c.portrait ? 0 : std::max(std::clamp(c.w() * 0.28f, th.u(45), th.u(60)), std::min(side_need, c.w() * 0.4f));
    float content_x = a.x + margin;
    float content_w = b.x - a.x - margin * 2;
    bool qr_in_column = false;
    if (!c.portrait) {
        float y = a.y + th.u(4);
        const float logo_h = std::min(side_w * 0.5f, th.u(26));
        // A low low-reach area keeps its height for the buttons: no logo above them.
        if (!titleAboveReach(c)) y += logoPanel(a.x + margin, y, side_w, logo_h) + th.u(3);
        y += actions(a.x + margin, y, side_w);
        y += th.u(4);
        const float text_h = th.strong->FontSize * 2 + th.caption->FontSize * 2 + th.u(3);
        const float room = b.y - th.u(3) - y - text_h;
        if (has_qr && room >= qr_min) {
            qrBlock(a.x + margin, y, std::min({room, qr_max, side_w}), side_w);
            qr_in_column = true;
        }
        content_x = a.x + margin * 2 + side_w;
        content_w = b.x - content_x - margin;
    }
    float y = scrollBegin(c, "exhibitor.detail", ImVec2(content_x - th.u(1), a.y), b, st) + th.u(4);
    const float top = y;
    if (c.portrait) {
        const float w = std::min(content_w, th.u(60));
        y += logoPanel(content_x, y, w, std::min(w * 0.5f, th.u(26))) + th.u(3);
        y += actions(content_x, y, content_w) + th.u(3);
    }
    y += textWrapped(c, th.display, ImVec2(content_x, y), th.c.text, e->name, content_w) + th.u(2);
    if (!stands.empty())
        y += textWrapped(c, th.strong, ImVec2(content_x, y), th.c.accent,
                         std::string(icon::MapMarker) + "  " + (e->stands.size() > 1 ? c.t(S::Stands) : c.t(S::Stand)) + " " + stands,
                         content_w) +
             th.u(3);

    // Topics: each opens the list of exhibitors on that topic.
    {
        float x = content_x;
        const float chip_h = th.min_target;
        bool any = false;
        for (const std::string& tid : e->topics) {
            const Topic* t = m.topic(tid);
            if (!t) continue;
            any = true;
            const std::string name = t->name.in(c.lang());
            const float w = std::min(content_w, buttonWidth(c, icon::Tag, name, th.body));
            if (x > content_x && x + w > content_x + content_w) {
                x = content_x;
                y += chip_h + th.u(1.5f);
            }
            if (scrolledButton(c, "topic." + t->id, icon::Tag, name, ImVec2(x, y), ImVec2(x + w, y + chip_h), a.y, b.y, Style::Secondary, th.body))
                c.nav.go(ScreenId::Exhibitors, "topics:" + t->id);
            x += w + th.u(1.5f);
        }
        if (any) y += chip_h + th.u(4);
    }

    const std::string desc = e->description.in(c.lang());
    if (!desc.empty())
        y += textWrapped(c, th.body, ImVec2(content_x, y), th.c.text, desc, std::min(content_w, th.u(110) * th.text_scale)) + th.u(4);

    // Contact: e-mail and phone as text (a kiosk sends nothing); the website also as a code.
    if (!e->email.empty() || !e->phone.empty() || (has_qr && !qr_in_column)) {
        text(c, th.heading, ImVec2(content_x, y), th.c.text, c.t(S::Contact));
        y += th.heading->FontSize + th.u(2);
        auto line = [&](const char* ic, S label, const std::string& value) {
            if (value.empty()) return;
            y += textWrapped(c, th.body, ImVec2(content_x, y), th.c.text,
                             std::string(ic) + "  " + c.t(label) + ": " + value, content_w) +
                 th.u(1);
        };
        line(icon::Envelope, S::Email, e->email);
        line(icon::Phone, S::Phone, e->phone);
        if (qr_in_column) line(icon::Link, S::Website, readableAddress(e->website));
        if (has_qr && !qr_in_column) {
            y += th.u(2);
            const float side = std::clamp(content_w * 0.45f, qr_min, qr_max);
            y += qrBlock(content_x, y, side, content_w);
        }
        y += th.u(4);
    }

    const auto talks = talksOf(m, *e);
    if (!talks.empty()) {
        text(c, th.heading, ImVec2(content_x, y), th.c.text, std::string(icon::Microphone) + "  " + c.t(S::Talks));
        y += th.heading->FontSize + th.u(2);
        for (const Talk* t : talks) {
            const std::string title = t->title.in(c.lang());
            const float h = std::max(th.min_target, th.u(4) + th.caption->FontSize + th.u(0.5f) + textHeight(th.strong, title, content_w - th.u(6)));
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

    if (c.report) {
        nlohmann::json& j = *c.report;
        j["exhibitor"] = e->id;
        j["qr"] = has_qr ? nlohmann::json(qr_text_) : nlohmann::json();
        j["qr_modules"] = qr_size_;
        auto ids = nlohmann::json::array();
        for (const Talk* t : talks) ids.push_back(t->id);
        j["talks"] = ids;
        j["description_lang"] = (c.lang() == Lang::En && !e->description.en.empty()) ? "en" : "de";
    }
}

} // namespace ww
