// Search with the on-screen German keyboard (QWERTZ with ä ö ü ß, a digits row): results while
// typing, grouped by kind (exhibitors, talks, speakers, rooms, topics, places), best first; each
// result opens its screen. Nothing found says so and offers the topics. The index (core/search.h) is
// built once per content load, the results once per keystroke, never per frame.
#include "core/search.h"
#include "ui/chip.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/program_parts.h"
#include "ui/screen.h"
#include "ui/text_fit.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// Letter rows; a key's id is "kbd." + its text.
const char* const kRows[][11] = {
    {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "ß"},
    {"q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü"},
    {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä"},
    {"y", "x", "c", "v", "b", "n", "m", "-", ".", nullptr, nullptr},
};
constexpr size_t kMaxQuery = 60; // characters a visitor can type; more is never a name
constexpr size_t kPerGroup = 30;

// One line of the results, ready to draw.
struct Row {
    bool header = false;
    std::string id;     // target id, "exhibitor.sakd"; empty for headers
    const char* icon = nullptr;
    std::string title;
    std::string detail;
    ScreenId screen = ScreenId::Home;
    std::string item;
};

size_t utf8Length(const std::string& s) {
    size_t n = 0;
    for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

void eraseLastChar(std::string& s) {
    if (s.empty()) return;
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    s.erase(i);
}

const char* kindIcon(SearchKind k) {
    switch (k) {
    case SearchKind::Exhibitor: return icon::Exhibitors;
    case SearchKind::Talk: return icon::Microphone;
    case SearchKind::Speaker: return icon::User;
    case SearchKind::Room: return icon::Door;
    case SearchKind::Topic: return icon::Tag;
    case SearchKind::Poi: return icon::MapMarker;
    }
    return icon::Search;
}

S kindTitle(SearchKind k) {
    switch (k) {
    case SearchKind::Exhibitor: return S::Exhibitors;
    case SearchKind::Talk: return S::Talks;
    case SearchKind::Speaker: return S::Speakers;
    case SearchKind::Room: return S::Rooms;
    case SearchKind::Topic: return S::Topics;
    case SearchKind::Poi: return S::Places;
    }
    return S::Search;
}

// Turns hits into rows: titles and details in the visitor's language, and where a tap leads.
std::vector<Row> rowsFor(const Ctx& c, const SearchIndex& idx, const SearchResults& r) {
    const Model& m = c.model;
    const Lang lang = c.lang();
    std::vector<Row> rows;
    for (const SearchGroup& g : r.groups) {
        Row h;
        h.header = true;
        h.icon = kindIcon(g.kind);
        h.title = std::string(tr(kindTitle(g.kind), lang)) + " · " + std::to_string(g.total);
        rows.push_back(h);
        for (const SearchHit& hit : g.hits) {
            Row row;
            row.id = std::string(searchKindName(hit.kind)) + "." + hit.id;
            row.icon = kindIcon(hit.kind);
            switch (hit.kind) {
            case SearchKind::Exhibitor: {
                const Exhibitor* e = m.exhibitor(hit.id);
                if (!e) continue;
                std::string stands;
                for (const std::string& s : e->stands) stands += (stands.empty() ? "" : ", ") + s;
                row.title = e->name;
                row.detail = stands.empty() ? std::string() : std::string(tr(e->stands.size() > 1 ? S::Stands : S::Stand, lang)) + " " + stands;
                row.screen = ScreenId::Exhibitor;
                row.item = e->id;
                break;
            }
            case SearchKind::Talk: {
                const Talk* t = m.talk(hit.id);
                if (!t) continue;
                const Room* room = m.room(t->room);
                row.title = t->title.in(lang);
                row.detail = dayShort(c.tz.toLocal(t->start_utc), lang) + " · " + timeRange(*t, c.tz, lang) +
                             (room ? " · " + room->name.in(lang) : std::string());
                row.screen = ScreenId::Talk;
                row.item = t->id;
                break;
            }
            case SearchKind::Speaker: {
                const SearchSpeaker* s = idx.speaker(hit.id);
                if (!s || s->talks.empty()) continue;
                const Talk* t = m.talk(s->talks.front());
                if (!t) continue;
                row.title = s->name;
                row.detail = s->talks.size() > 1 ? fmt(S::TalksBy, lang, static_cast<int>(s->talks.size()))
                                                 : fmt(S::SpeakerOf, lang, t->title.in(lang).c_str());
                if (!s->organisation.empty()) row.detail = s->organisation + " · " + row.detail;
                row.screen = ScreenId::Talk; // the first of their talks
                row.item = t->id;
                break;
            }
            case SearchKind::Room: {
                const Room* room = m.room(hit.id);
                if (!room) continue;
                const Level* l = m.level(room->level);
                row.title = room->name.in(lang);
                row.detail = std::string(tr(S::Room, lang)) + (l ? " · " + l->name.in(lang) : std::string());
                row.screen = ScreenId::Map;
                row.item = "room:" + room->id;
                break;
            }
            case SearchKind::Topic: {
                const Topic* t = m.topic(hit.id);
                if (!t) continue;
                int ex = 0, talks = 0;
                for (const Exhibitor& e : m.exhibitors) ex += std::count(e.topics.begin(), e.topics.end(), t->id) > 0;
                for (const Talk& tk : m.talks) talks += tk.topic == t->id;
                row.title = t->name.in(lang);
                row.detail = fmt(S::TopicCounts, lang, ex, talks);
                row.screen = ScreenId::Exhibitors;
                row.item = "topics:" + t->id;
                break;
            }
            case SearchKind::Poi: {
                const Poi* p = m.poi(hit.id);
                if (!p) continue;
                const Level* l = m.level(p->level);
                const std::string type = poiName(p->type, lang);
                row.icon = poiIcon(p->type);
                row.title = p->name.in(lang).empty() ? type : p->name.in(lang);
                row.detail = type + (l ? " · " + l->name.in(lang) : std::string());
                row.screen = ScreenId::Map;
                row.item = "poi:" + p->id;
                break;
            }
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace

struct SearchScreen::State {
    const SearchIndex* index = nullptr; // the loader's, or `own` when there is none
    SearchIndex own;
    // Which content the index is of: compared, never dereferenced.
    const Model* model = nullptr;
    std::string version, built_at;
    // The results of `query` in `lang`.
    bool fresh = false;
    std::string query;
    Lang lang = Lang::De;
    SearchResults results;
    std::vector<Row> rows;
    // Each row's height at `heights_w` in the current fonts (titles wrap, so rows differ).
    std::vector<float> heights;
    float heights_w = -1, heights_font = 0;
};

SearchScreen::SearchScreen() : st_(std::make_unique<State>()) {}
SearchScreen::~SearchScreen() = default;

void SearchScreen::reset() {
    query_.clear();
    keyboard_ = true;
    st_->fresh = false;
}

std::string SearchScreen::title(const Ctx& c) const { return c.t(S::Search); }

void SearchScreen::draw(Ctx& c) {
    const Theme& th = c.th;
    NavEntry& route = c.nav.route();
    if (route.serial != serial_) {
        serial_ = route.serial;
        keyboard_ = true; // a visit to search means typing
    }
    State& s = *st_;
    // The loader's index is compared too: after a swap to other content and back to the same file, the
    // new model can sit at the old one's address with the same version while the index kept from
    // before is gone.
    if (s.model != &c.model || s.version != c.model.content_version || s.built_at != c.model.built_at ||
        (c.search && s.index != c.search)) {
        // The loader normally built the index on its worker; a copy here keeps results tied to this model.
        if (!c.search) s.own = SearchIndex(c.model);
        s.index = c.search ? c.search : &s.own;
        s.model = &c.model;
        s.version = c.model.content_version;
        s.built_at = c.model.built_at;
        s.fresh = false;
    }

    // [SECTION] Layout: the keyboard at the bottom where the hand is; landscape puts results beside it.
    const float margin = th.u(4);
    float gap = th.u(1);
    const float kb_w_max = c.portrait ? c.w() - margin * 2 : std::min(c.w() * 0.56f, th.u(150));
    float key_w = std::floor((kb_w_max - gap * 10) / 11);
    float field_h = std::max(th.min_target, th.heading->FontSize + th.u(4));
    // Keys shrink (never below a finger) when the screen area is low (low reach): the keyboard and the
    // field stay inside it.
    float key_fit = std::floor((c.h() - margin * 2 - field_h - th.u(3) - gap * 4) / 5);
    // Low reach with a tight mounting (about a third of the screen in reach): no title, narrow edges
    // and gaps; landscape puts the field at the top of the results beside the keyboard.
    const bool low = c.settings.low_reach && key_fit < th.min_touch;
    const float edge = low ? th.u(1) : margin, field_gap = low ? th.u(1) : th.u(3);
    const bool field_above = !low || c.portrait;
    // Landscape in such a low area: a result must fit beside the keyboard under the field, and without
    // the keyboard the field stands left of the results so they get the whole height. The field's
    // words are smaller and (beside the keyboard) group headings give way to the results. Any low
    // area drops the count line and tightens the result cards.
    const bool compact = low && !c.portrait;
    ImFont* const query_font = compact ? th.strong : th.heading;
    if (compact) field_h = std::max(th.min_target, query_font->FontSize + th.u(2));
    // Still too low for five rows of keys (landscape, 200 % text, mounted too high): the digits and ß
    // move into a number block right of the letters, like the number pad of a desk keyboard, and the
    // keyboard is four rows tall.
    bool digit_pad = false;
    const float pad_gap = th.u(2);
    if (low) {
        gap = th.u(0.5f);
        key_fit = std::floor((c.h() - edge * 2 - (field_above ? field_h + field_gap : 0) - gap * 4) / 5);
        if (key_fit < th.min_touch && !c.portrait) {
            digit_pad = true;
            // A little wider than the letters alone, so the word keys keep their words at large text.
            key_w = std::floor((std::min(c.w() * 0.6f, th.u(160)) - gap * 12 - pad_gap) / 14);
            key_fit = std::floor((c.h() - edge * 2 - gap * 3) / 4);
        }
    }
    const int kb_rows = digit_pad ? 4 : 5;
    const float key_h = std::max(th.min_touch, std::min({std::max(th.min_target, std::min(key_w, th.u(11))), key_fit}));
    const float kb_h = key_h * kb_rows + gap * (kb_rows - 1);
    const float letters_w = key_w * 11 + gap * 10;
    const float kb_w = letters_w + (digit_pad ? pad_gap + key_w * 3 + gap * 2 : 0);
    ImVec2 kb_a(c.min.x + margin, c.max.y - edge - kb_h);
    // The title where it leaves the results above the keyboard some room (portrait low reach may give
    // all the height to the keyboard and the field).
    bool titled = !low;
    if (titled && c.settings.low_reach && c.portrait && keyboard_) {
        const float title_h = th.u(5) + textHeight(th.heading, c.t(S::Search), c.w() - th.u(12));
        titled = kb_a.y - field_gap - field_h - th.u(2) - (c.min.y + title_h) >= th.u(10);
    }
    const float head = titled ? screenTitle(c, icon::Search, c.t(S::Search)) : edge;
    ImVec2 field_a, field_b, res_a, res_b;
    const float column_w = std::min(kb_w, std::floor(c.w() * 0.4f)); // compact, without keyboard
    if (!keyboard_ && compact) {
        field_a = ImVec2(c.min.x + margin, c.min.y + edge);
        field_b = ImVec2(field_a.x + column_w, field_a.y + field_h);
        res_a = ImVec2(field_b.x + th.u(2), c.min.y);
        res_b = ImVec2(c.max.x, c.max.y);
    } else if (keyboard_ && !field_above) {
        field_a = ImVec2(kb_a.x + kb_w + th.u(4), kb_a.y);
        field_b = ImVec2(c.max.x - margin, kb_a.y + field_h);
        res_a = ImVec2(kb_a.x + kb_w, field_b.y + th.u(1));
        res_b = ImVec2(c.max.x, c.max.y);
    } else if (keyboard_) {
        field_a = ImVec2(kb_a.x, kb_a.y - field_gap - field_h);
        field_b = ImVec2(kb_a.x + kb_w, kb_a.y - field_gap);
        if (c.portrait) {
            res_a = ImVec2(c.min.x, c.min.y + head);
            res_b = ImVec2(c.max.x, field_a.y - th.u(2));
        } else {
            res_a = ImVec2(kb_a.x + kb_w + th.u(4), c.min.y + th.u(3));
            res_b = ImVec2(c.max.x, c.max.y);
        }
    } else {
        // No keyboard: the field under the title, results below it over the whole width.
        field_a = ImVec2(c.min.x + margin, c.min.y + head);
        field_b = ImVec2(c.max.x - margin, field_a.y + field_h);
        res_a = ImVec2(c.min.x, field_b.y + th.u(2));
        res_b = ImVec2(c.max.x, c.max.y);
    }

    // [SECTION] The query field: tapping it brings the keyboard back.
    float field_end = field_b.x;
    if (!keyboard_ && compact) {
        // Under the field, as wide as it: a finger finds the way back to the keyboard.
        const float by = std::min(field_b.y + th.u(1), c.max.y - edge - th.min_target);
        if (button(c, "kbd.show", icon::Keyboard, c.t(S::ShowKeyboard), ImVec2(field_a.x, by), ImVec2(field_b.x, by + th.min_target),
                   Style::Primary))
            keyboard_ = true;
    } else if (!keyboard_) {
        const float bw = buttonWidth(c, icon::Keyboard, c.t(S::ShowKeyboard));
        if (button(c, "kbd.show", icon::Keyboard, c.t(S::ShowKeyboard), ImVec2(field_b.x - bw, field_a.y), field_b, Style::Primary))
            keyboard_ = true;
        field_end = field_b.x - bw - th.u(2);
    }
    if (c.touch.target("search.field", c.t(S::SearchPrompt), field_a, ImVec2(field_end, field_b.y))) keyboard_ = true;
    panel(c, field_a, ImVec2(field_end, field_b.y), th.c.surface, false);
    c.dl->AddRect(field_a, ImVec2(field_end, field_b.y), th.c.accent, th.radius, 0, std::max(2.0f, th.scale * 2));
    const float fy = std::floor((field_a.y + field_b.y - query_font->FontSize) * 0.5f);
    const float fx = field_a.x + th.u(3);
    text(c, query_font, ImVec2(fx, fy), th.c.accent, icon::Search);
    const float qx = fx + textWidth(query_font, icon::Search) + th.u(2);
    const float qw = field_end - qx - th.u(3);
    if (query_.empty()) {
        textEllipsis(c, th.body, ImVec2(qx, std::floor((field_a.y + field_b.y - th.body->FontSize) * 0.5f)), th.c.text_muted,
                     c.t(S::SearchPrompt), qw);
    } else {
        // Show the end of a long query, where the typing happens.
        std::string shown = query_;
        while (!shown.empty() && textWidth(query_font, shown) > qw - th.u(2)) {
            size_t cut = 1;
            while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) ++cut;
            shown.erase(0, cut);
        }
        text(c, query_font, ImVec2(qx, fy), th.c.text, shown);
        if (keyboard_) {
            const float cx = qx + textWidth(query_font, shown) + th.u(0.5f);
            c.dl->AddRectFilled(ImVec2(cx, fy), ImVec2(cx + std::max(2.0f, th.scale * 3), fy + query_font->FontSize), th.c.accent);
        }
    }

    // [SECTION] Keyboard
    if (keyboard_) {
        // The largest label font that sits comfortably in a key (200 % text would overflow it).
        ImFont* key_font = th.caption;
        for (ImFont* f : {th.heading, th.strong})
            if (f->FontSize <= key_h * 0.55f) {
                key_font = f;
                break;
            }
        ImFont* word_font = th.caption;
        // Word keys keep their word when space is short (large text): the icon goes first.
        auto wordIcon = [&](const char* ic, const char* label, float w) {
            return buttonWidth(c, ic, label, word_font) <= w ? ic : nullptr;
        };
        auto key = [&](const char* k, ImVec2 at) {
            if (button(c, std::string("kbd.") + k, nullptr, k, at, ImVec2(at.x + key_w, at.y + key_h), Style::Secondary, key_font) &&
                utf8Length(query_) < kMaxQuery)
                query_ += k;
        };
        const float kb_x1 = kb_a.x + letters_w; // the letters' right edge (the number block lies beyond)
        // Large text on small keys: when "Delete" needs more than the two keys under ö and ä, - and .
        // move to the space row and Delete takes their place.
        const bool marks_below = buttonWidth(c, nullptr, c.t(S::Delete), word_font) > key_w * 2 + gap;
        float y = kb_a.y;
        for (const auto& row : kRows) {
            if (digit_pad && &row == &kRows[0]) continue;
            float x = kb_a.x;
            for (const char* k : row) {
                if (!k || (marks_below && row[9] == nullptr && std::string(k) == "-")) break;
                key(k, ImVec2(x, y));
                x += key_w + gap;
            }
            if (row[9] == nullptr) {
                // Delete fills the rest of the fourth row, under ö and ä.
                if (button(c, "kbd.backspace", wordIcon(icon::Backspace, c.t(S::Delete), kb_x1 - x), c.t(S::Delete), ImVec2(x, y), ImVec2(kb_x1, y + key_h),
                           Style::Secondary, word_font))
                    eraseLastChar(query_);
            }
            y += key_h + gap;
        }
        if (digit_pad) {
            // 1 2 3 / 4 5 6 / 7 8 9 / 0 ß
            for (int i = 0; i < 11; ++i) {
                const int col = i < 9 ? i % 3 : i - 9, r = i < 9 ? i / 3 : 3;
                const char* k = kRows[0][i];
                key(k, ImVec2(kb_x1 + pad_gap + col * (key_w + gap), kb_a.y + r * (key_h + gap)));
            }
            if (marks_below) key(".", ImVec2(kb_x1 + pad_gap + 2 * (key_w + gap), kb_a.y + 3 * (key_h + gap)));
        }
        // The side keys grow to their words when three keys are too narrow; the space bar gives way.
        const float side_w = key_w * 3 + gap * 2;
        const float hide_w = std::max(side_w, buttonWidth(c, nullptr, c.t(S::HideKeyboard), word_font));
        const float clear_w = std::max(side_w, buttonWidth(c, nullptr, c.t(S::Clear), word_font));
        if (button(c, "kbd.hide", wordIcon(icon::Keyboard, c.t(S::HideKeyboard), hide_w), c.t(S::HideKeyboard), ImVec2(kb_a.x, y), ImVec2(kb_a.x + hide_w, y + key_h),
                   Style::Secondary, word_font))
            keyboard_ = false;
        float space_x = kb_a.x + hide_w + gap;
        if (marks_below)
            for (const char* k : {"-", "."}) {
                if (digit_pad && std::string(k) == ".") break; // in the number block's free place
                key(k, ImVec2(space_x, y));
                space_x += key_w + gap;
            }
        if (button(c, "kbd.space", nullptr, c.t(S::Space), ImVec2(space_x, y),
                   ImVec2(kb_x1 - clear_w - gap, y + key_h), Style::Secondary, word_font) &&
            !query_.empty() && query_.back() != ' ' && utf8Length(query_) < kMaxQuery)
            query_ += ' ';
        if (button(c, "kbd.clear", wordIcon(icon::Eraser, c.t(S::Clear), clear_w), c.t(S::Clear), ImVec2(kb_x1 - clear_w, y), ImVec2(kb_x1, y + key_h),
                   Style::Secondary, word_font))
            query_.clear();
    }

    // [SECTION] Results: computed when the query (or the language) changes, not every frame.
    if (!s.fresh || s.query != query_ || s.lang != c.lang()) {
        s.query = query_;
        s.lang = c.lang();
        s.results = s.index->find(query_, kPerGroup);
        s.rows = rowsFor(c, *s.index, s.results);
        s.heights.clear();
        s.fresh = true;
        if (route.scroll.offset > 0) route.scroll = ScrollState{}; // new results start at the top
    }
    // Results where there is room for them (else they show once the keyboard is hidden).
    if (res_b.y - res_a.y >= th.u(8)) {
        ScrollState& sc = route.scroll;
        const float rw = res_b.x - res_a.x - margin * 2;
        const float rx = res_a.x + margin;
        float ry = scrollBegin(c, "search.results", res_a, res_b, sc) + th.u(1);
        const float top = ry;
        const bool blank = query_.find_first_not_of(' ') == std::string::npos;
        if (blank) {
            ry += textWrapped(c, th.body, ImVec2(rx, ry), th.c.text_muted, std::string(icon::Keyboard) + "  " + c.t(S::SearchTypeMore), rw) + th.u(3);
        } else if (s.results.empty()) {
            ry += textWrapped(c, th.strong, ImVec2(rx, ry), th.c.text, fmt(S::NoResults, c.lang(), query_.c_str()), rw) + th.u(3);
        } else if (!low) { // low: the group headings carry the counts
            text(c, th.caption, ImVec2(rx, ry), th.c.text_muted, fmt(S::ResultCount, c.lang(), static_cast<int>(s.results.count)));
            ry += th.caption->FontSize + th.u(1.5f);
        }
        if (s.results.empty() && !c.model.topics.empty()) {
            // Nothing (yet): the topics are a way in without typing.
            ry += textWrapped(c, th.body, ImVec2(rx, ry), th.c.text, c.t(S::TryTopics), rw) + th.u(2);
            ChipFlow flow(rx, rx + rw, ry, th.u(1.5f));
            for (const Topic& t : c.model.topics) {
                const std::string name = t.name.in(c.lang());
                const float w = std::min(rw, buttonWidth(c, icon::Tag, name, th.body));
                const float h = chipHeight(c, icon::Tag, name, w, th.body);
                const ImVec2 at = flow.place(w, h);
                if (chip(c, "topic." + t.id, icon::Tag, name, at, ImVec2(at.x + w, at.y + h), res_a.y, res_b.y, Style::Secondary, th.body))
                    c.nav.go(ScreenId::Exhibitors, "topics:" + t.id);
            }
            ry = flow.bottom() + th.u(2);
        }
        const float pad = low ? th.u(1) : th.u(2);
        const float iw = textWidth(th.heading, icon::Exhibitors) + th.u(3);
        const float tw = rw - pad * 2 - iw;
        // Titles wrap to three lines and details to two (the result opens the whole of both); the heights
        // are measured once per result list and width, not every frame.
        constexpr int kTitleLines = 3, kDetailLines = 2;
        if (s.heights.size() != s.rows.size() || s.heights_w != tw || s.heights_font != th.strong->FontSize) {
            s.heights.clear();
            for (const Row& r : s.rows) {
                if (r.header) {
                    s.heights.push_back(0);
                    continue;
                }
                const float body = textLinesHeight(th.strong, r.title, tw, kTitleLines) + th.u(0.5f) +
                                   textLinesHeight(th.caption, r.detail, tw, kDetailLines);
                s.heights.push_back(std::max(th.min_target, pad * 2 + body));
            }
            s.heights_w = tw;
            s.heights_font = th.strong->FontSize;
        }
        for (size_t i = 0; i < s.rows.size(); ++i) {
            const Row& r = s.rows[i];
            const float rh = s.heights[i];
            if (r.header) {
                if (compact && keyboard_) continue; // the kind's icon on each result says it
                ry += th.u(1);
                const float hh = th.strong->FontSize + th.u(1.5f);
                if (visibleY(c, ry, ry + hh)) text(c, th.strong, ImVec2(rx, ry), th.c.accent, std::string(r.icon) + "  " + r.title);
                ry += hh;
                continue;
            }
            if (visibleY(c, ry, ry + rh)) {
                if (card(c, r.id, r.title, ImVec2(rx, ry), ImVec2(rx + rw, ry + rh))) c.nav.go(r.screen, r.item);
                const float title_h = textLinesHeight(th.strong, r.title, tw, kTitleLines);
                const float detail_h = textLinesHeight(th.caption, r.detail, tw, kDetailLines);
                float ty = std::floor(ry + (rh - title_h - th.u(0.5f) - detail_h) * 0.5f);
                // The kind's icon beside the title's first line.
                text(c, th.heading, ImVec2(rx + pad, std::max(ry + th.u(0.5f), std::floor(ty + (th.strong->FontSize - th.heading->FontSize) * 0.5f))),
                     th.c.accent, r.icon);
                AllowTextCut preview;
                ty += textLines(c, th.strong, ImVec2(rx + pad + iw, ty), th.c.text, r.title, tw, false, kTitleLines) + th.u(0.5f);
                textLines(c, th.caption, ImVec2(rx + pad + iw, ty), th.c.text_muted, r.detail, tw, false, kDetailLines);
            }
            ry += rh + th.u(1);
        }
        scrollEnd(c, "search.results", res_a, res_b, sc, ry - top + th.u(2));
    }

    if (c.report) {
        nlohmann::json& j = *c.report;
        j["query"] = query_;
        j["keyboard"] = keyboard_;
        auto ids = nlohmann::json::array();
        for (const Row& r : s.rows)
            if (!r.header && ids.size() < 20) ids.push_back(r.id);
        auto groups = nlohmann::json::array();
        for (const SearchGroup& g : s.results.groups) groups.push_back({{"kind", searchKindName(g.kind)}, {"count", g.total}});
        j["results"] = {{"count", s.results.count}, {"ids", ids}, {"groups", groups}};
    }
}

} // namespace ww
