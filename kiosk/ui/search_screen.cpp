// Search with the on-screen German keyboard (QWERTZ, ä ö ü ß). Finds exhibitors, talks (also by
// speaker), rooms, stands and places by name; umlauts and ß can be typed as plain letters.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

namespace {

// Key rows; the ids are "kbd." + the key's text.
const char* const kRows[][12] = {
    {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "ß", nullptr},
    {"q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü", nullptr},
    {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä", nullptr},
    {"y", "x", "c", "v", "b", "n", "m", "-", ".", nullptr},
};

struct Result {
    std::string id; // target id, e.g. "exhibitor.sakd"
    const char* icon;
    std::string title;
    std::string detail;
    ScreenId screen;
    std::string item;
};

// Spelled-out umlauts ("mueller") fold the same way as the plain letters ("muller").
std::string searchFold(const std::string& s) {
    std::string f = foldText(s);
    std::string out;
    out.reserve(f.size());
    for (size_t i = 0; i < f.size(); ++i) {
        if (i + 1 < f.size() && f[i + 1] == 'e' && (f[i] == 'a' || f[i] == 'o' || f[i] == 'u') &&
            !(i > 0 && f[i - 1] == 'e' && f[i] == 'u')) { // keep "eu" words intact ("neue")
            out += f[i];
            ++i;
            continue;
        }
        out += f[i];
    }
    return out;
}

bool matches(const std::string& hay, const std::string& needle) { return searchFold(hay).find(needle) != std::string::npos; }

std::vector<Result> find(const Ctx& c, const std::string& query) {
    std::vector<Result> out;
    std::string q = searchFold(query);
    while (!q.empty() && q.back() == ' ') q.pop_back();
    while (!q.empty() && q.front() == ' ') q.erase(q.begin());
    if (q.empty()) return out;
    const Model& m = c.model;
    const Lang lang = c.lang();
    for (const Exhibitor& e : m.exhibitors) {
        bool hit = matches(e.name, q) || matches(e.short_name, q);
        for (const std::string& s : e.stands) hit = hit || matches(s, q);
        for (const std::string& tid : e.topics)
            if (const Topic* t = m.topic(tid)) hit = hit || matches(t->name.de, q) || matches(t->name.en, q);
        if (!hit) continue;
        std::string stands;
        for (const std::string& s : e.stands) stands += (stands.empty() ? "" : ", ") + s;
        out.push_back({"exhibitor." + e.id, icon::Exhibitors, e.name,
                       std::string(tr(S::Stand, lang)) + " " + stands, ScreenId::Exhibitor, e.id});
    }
    for (const Talk& t : m.talks) {
        if (t.kind == TalkKind::Break) continue;
        bool hit = matches(t.title.de, q) || matches(t.title.en, q);
        for (const Speaker& s : t.speakers) hit = hit || matches(s.name, q);
        if (!hit) continue;
        const Room* r = m.room(t.room);
        out.push_back({"talk." + t.id, icon::Microphone, t.title.in(lang),
                       dayShort(c.tz.toLocal(t.start_utc), lang) + " · " + clockText(c.tz.toLocal(t.start_utc)) +
                           (r ? " · " + r->name.in(lang) : std::string()),
                       ScreenId::Talk, t.id});
    }
    for (const Room& r : m.rooms) {
        if (!matches(r.name.de, q) && !matches(r.name.en, q)) continue;
        const Level* l = m.level(r.level);
        out.push_back({"room." + r.id, icon::Door, r.name.in(lang),
                       std::string(tr(S::Room, lang)) + (l ? " · " + l->name.in(lang) : std::string()), ScreenId::Map,
                       "room:" + r.id});
    }
    for (const Stand& s : m.stands) {
        if (m.exhibitorAtStand(s.id) || !matches(s.id, q)) continue; // occupied stands come with their exhibitor
        out.push_back({"stand." + s.id, icon::Stand, std::string(tr(S::Stand, lang)) + " " + s.id, "", ScreenId::Map,
                       "stand:" + s.id});
    }
    for (const Poi& p : m.pois) {
        const std::string type = poiName(p.type, lang);
        if (!matches(p.name.de, q) && !matches(p.name.en, q) && !matches(type, q)) continue;
        const Level* l = m.level(p.level);
        out.push_back({"poi." + p.id, poiIcon(p.type), p.name.in(lang).empty() ? type : p.name.in(lang),
                       type + (l ? " · " + l->name.in(lang) : std::string()), ScreenId::Map, "poi:" + p.id});
    }
    if (out.size() > 60) out.resize(60);
    return out;
}

void eraseLastChar(std::string& s) {
    if (s.empty()) return;
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    s.erase(i);
}

} // namespace

std::string SearchScreen::title(const Ctx& c) const { return c.t(S::Search); }

void SearchScreen::draw(Ctx& c) {
    const Theme& th = c.th;
    const float margin = th.u(4);
    const float gap = th.u(1);

    // [SECTION] Layout: keyboard at the bottom where the hand is; landscape puts results beside it.
    const float kb_w_max = c.portrait ? c.w() - margin * 2 : std::min(c.w() * 0.56f, th.u(150));
    const float key_w = std::floor((kb_w_max - gap * 10) / 11);
    const float key_h = std::max(th.min_target, std::min(key_w, th.u(11)));
    const float kb_h = key_h * 5 + gap * 4;
    const float kb_w = key_w * 11 + gap * 10;
    const ImVec2 kb_a(c.min.x + margin, c.max.y - margin - kb_h);
    const float field_h = th.heading->FontSize + th.u(4);
    const ImVec2 field_a(kb_a.x, kb_a.y - th.u(3) - field_h), field_b(kb_a.x + kb_w, kb_a.y - th.u(3));
    ImVec2 res_a, res_b;
    if (c.portrait) {
        const float head = screenTitle(c, icon::Search, c.t(S::Search));
        res_a = ImVec2(c.min.x, c.min.y + head);
        res_b = ImVec2(c.max.x, field_a.y - th.u(2));
    } else {
        screenTitle(c, icon::Search, c.t(S::Search));
        res_a = ImVec2(kb_a.x + kb_w + th.u(4), c.min.y + th.u(3));
        res_b = ImVec2(c.max.x, c.max.y);
    }

    // The query field.
    panel(c, field_a, field_b, th.c.surface, false);
    c.dl->AddRect(field_a, field_b, th.c.accent, th.radius, 0, std::max(2.0f, th.scale * 2));
    const float fy = std::floor((field_a.y + field_b.y - th.heading->FontSize) * 0.5f);
    const float fx = field_a.x + th.u(3);
    text(c, th.heading, ImVec2(fx, fy), th.c.accent, icon::Search);
    const float qx = fx + textWidth(th.heading, icon::Search) + th.u(2);
    const float qw = field_b.x - qx - th.u(3);
    if (query_.empty()) {
        textEllipsis(c, th.body, ImVec2(qx, std::floor((field_a.y + field_b.y - th.body->FontSize) * 0.5f)), th.c.text_muted,
                     c.t(S::SearchPrompt), qw);
    } else {
        // Show the end of a long query, where the typing happens.
        std::string shown = query_;
        while (textWidth(th.heading, shown) > qw - th.u(2) && !shown.empty()) shown.erase(0, 1);
        while (!shown.empty() && (static_cast<unsigned char>(shown[0]) & 0xC0) == 0x80) shown.erase(0, 1);
        text(c, th.heading, ImVec2(qx, fy), th.c.text, shown);
        const float cx = qx + textWidth(th.heading, shown) + th.u(0.5f);
        c.dl->AddRectFilled(ImVec2(cx, fy), ImVec2(cx + std::max(2.0f, th.scale * 3), fy + th.heading->FontSize), th.c.accent);
    }

    // [SECTION] Keyboard
    float y = kb_a.y;
    for (const auto& row : kRows) {
        int n = 0;
        while (n < 12 && row[n]) ++n;
        float x = kb_a.x;
        for (int i = 0; i < n; ++i) {
            const std::string key = row[i];
            if (button(c, "kbd." + key, nullptr, key, ImVec2(x, y), ImVec2(x + key_w, y + key_h), Style::Secondary, th.heading))
                query_ += key;
            x += key_w + gap;
        }
        if (n == 9) {
            // The delete key fills the rest of the fourth row.
            if (button(c, "kbd.backspace", icon::Backspace, c.t(S::Delete), ImVec2(x, y), ImVec2(kb_a.x + kb_w, y + key_h),
                       Style::Secondary, th.caption))
                eraseLastChar(query_);
        }
        y += key_h + gap;
    }
    const float clear_w = key_w * 3 + gap * 2;
    if (button(c, "kbd.space", nullptr, c.t(S::Space), ImVec2(kb_a.x, y), ImVec2(kb_a.x + kb_w - clear_w - gap, y + key_h),
               Style::Secondary, th.caption) &&
        !query_.empty() && query_.back() != ' ')
        query_ += ' ';
    if (button(c, "kbd.clear", icon::Eraser, c.t(S::Clear), ImVec2(kb_a.x + kb_w - clear_w, y), ImVec2(kb_a.x + kb_w, y + key_h),
               Style::Secondary, th.caption))
        query_.clear();
    if (query_.size() > 60) eraseLastChar(query_);

    // [SECTION] Results
    const auto results = find(c, query_);
    ScrollState& st = c.nav.route().scroll;
    const float rw = res_b.x - res_a.x - margin * 2;
    float ry = scrollBegin(c, "search.results", res_a, res_b, st) + th.u(1);
    const float top = ry;
    const float rx = res_a.x + margin;
    if (query_.empty()) {
        ry += textWrapped(c, th.body, ImVec2(rx, ry), th.c.text_muted, std::string(icon::Keyboard) + "  " + c.t(S::SearchTypeMore), rw);
    } else if (results.empty()) {
        ry += textWrapped(c, th.body, ImVec2(rx, ry), th.c.text_muted, fmt(S::NoResults, c.lang(), query_.c_str()), rw);
    } else {
        text(c, th.caption, ImVec2(rx, ry), th.c.text_muted, fmt(S::ResultCount, c.lang(), static_cast<int>(results.size())));
        ry += th.caption->FontSize + th.u(1.5f);
    }
    const float pad = th.u(2);
    const float rh = pad * 2 + th.strong->FontSize + th.u(0.5f) + th.caption->FontSize;
    for (const Result& r : results) {
        if (visibleY(c, ry, ry + rh)) {
            if (card(c, r.id, r.title, ImVec2(rx, ry), ImVec2(rx + rw, ry + rh))) c.nav.go(r.screen, r.item);
            const float iw = textWidth(th.heading, r.icon) + th.u(2);
            text(c, th.heading, ImVec2(rx + pad, std::floor(ry + (rh - th.heading->FontSize) * 0.5f)), th.c.accent, r.icon);
            textEllipsis(c, th.strong, ImVec2(rx + pad + iw, ry + pad), th.c.text, r.title, rw - pad * 2 - iw);
            textEllipsis(c, th.caption, ImVec2(rx + pad + iw, ry + pad + th.strong->FontSize + th.u(0.5f)), th.c.text_muted,
                         r.detail, rw - pad * 2 - iw);
        }
        ry += rh + th.u(1);
    }
    scrollEnd(c, "search.results", res_a, res_b, st, ry - top + th.u(2));

    if (c.report) {
        (*c.report)["query"] = query_;
        auto ids = nlohmann::json::array();
        for (const Result& r : results) ids.push_back(r.id);
        (*c.report)["results"] = ids;
    }
}

} // namespace ww
