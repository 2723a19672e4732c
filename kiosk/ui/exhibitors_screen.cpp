// All exhibitors A–Z: topic filter chips (several at once, each with its count), cards with logo, name
// and stand in letter sections, and a letter rail to tap or slide along. Sorted the way a German
// reader expects ("Ämter" with the A's). The active topics live in the route's item, "topics:ozg,ki".
#include "core/search.h"
#include "ui/chip.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/text_fit.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

constexpr const char* kTopicsPrefix = "topics:";

std::vector<std::string> activeTopics(const Model& m, const std::string& item) {
    std::vector<std::string> out;
    if (item.rfind(kTopicsPrefix, 0) != 0) return out;
    size_t i = std::char_traits<char>::length(kTopicsPrefix);
    while (i <= item.size()) {
        const size_t end = std::min(item.find(',', i), item.size());
        const std::string id = item.substr(i, end - i);
        if (m.topic(id) && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id); // gone after a reload: ignored
        i = end + 1;
    }
    return out;
}

std::string topicsItem(const std::vector<std::string>& topics) {
    if (topics.empty()) return {};
    std::string s = kTopicsPrefix;
    for (size_t i = 0; i < topics.size(); ++i) s += (i ? "," : "") + topics[i];
    return s;
}

// The rail's letter of a name: A–Z after folding, "#" for digits and anything else.
std::string letterOf(const std::string& folded) {
    for (char ch : folded) {
        if (ch >= 'a' && ch <= 'z') return std::string(1, static_cast<char>(ch - 'a' + 'A'));
        if (ch >= '0' && ch <= '9') return "#";
    }
    return "#";
}

// Up to two lines of `s` in `width`, the second cut with "…".
std::vector<std::string> twoLines(ImFont* font, const std::string& s, float width) {
    const char* begin = s.c_str();
    const char* end = begin + s.size();
    const char* wrap = font->CalcWordWrapPositionA(1.0f, begin, end, width);
    if (wrap >= end || wrap == begin) return {ellipsize(font, s, width)};
    std::string first(begin, wrap);
    while (!first.empty() && first.back() == ' ') first.pop_back();
    const char* rest = wrap;
    while (rest < end && *rest == ' ') ++rest;
    return {first, ellipsize(font, std::string(rest, end), width)};
}

struct Entry {
    const Exhibitor* e;
    std::string key;
    std::string letter;
};

} // namespace

std::string ExhibitorsScreen::title(const Ctx& c) const { return c.t(S::Exhibitors); }

void ExhibitorsScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    NavEntry& route = c.nav.route();
    std::vector<std::string> active = activeTopics(m, route.item);

    // [SECTION] What to show
    std::vector<Entry> all;
    all.reserve(m.exhibitors.size());
    for (const Exhibitor& e : m.exhibitors) {
        std::string key = searchFold(e.name);
        std::string letter = letterOf(key);
        all.push_back({&e, std::move(key), std::move(letter)});
    }
    std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
        // "#" (digits) after Z, as in a printed index.
        const bool ha = a.letter == "#", hb = b.letter == "#";
        if (ha != hb) return hb;
        return a.key < b.key;
    });
    std::vector<const Entry*> list;
    for (const Entry& en : all) {
        bool keep = active.empty();
        for (const std::string& t : active)
            keep = keep || std::find(en.e->topics.begin(), en.e->topics.end(), t) != en.e->topics.end();
        if (keep) list.push_back(&en);
    }
    std::vector<std::pair<const Topic*, int>> topics;
    for (const Topic& t : m.topics) {
        int n = 0;
        for (const Exhibitor& e : m.exhibitors) n += std::count(e.topics.begin(), e.topics.end(), t.id) > 0;
        if (n > 0) topics.emplace_back(&t, n);
    }

    const std::string subtitle = active.empty() ? fmt(S::ExhibitorCount, c.lang(), static_cast<int>(list.size()))
                                                : fmt(S::ExhibitorCount, c.lang(), static_cast<int>(list.size())) + " · " +
                                                      c.t(S::Topics) + ": " + std::to_string(active.size());
    const float head = screenTitle(c, icon::Exhibitors, c.t(S::Exhibitors), subtitle);

    // [SECTION] Layout: list with chips on top, letter rail on the right
    const float margin = th.u(4), gap = th.u(2);
    const float rail_w = std::max(th.min_target, th.heading->FontSize * 1.6f);
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x - rail_w - th.u(2), c.max.y);
    // The rail runs beside the title too: every letter gets a finger-sized target.
    const ImVec2 rail_a(b.x, c.min.y + th.u(2)), rail_b(c.max.x - th.u(2), c.max.y - th.u(2));
    ScrollState& st = c.nav.route().scroll;
    const float gutter = textWidth(th.heading, "W") + th.u(3);
    const float list_x = a.x + margin;
    const float list_w = b.x - list_x - th.u(1);
    const float cards_x = list_x + gutter;
    const float cards_w = list_w - gutter;
    // Cards widen with the text, but less than it grows: at 200 % two columns still fit a landscape
    // screen, each name on up to two lines.
    const float card_min = th.u(56) * (1.0f + (th.text_scale - 1.0f) * 0.5f);
    const int cols = std::max(1, static_cast<int>((cards_w + gap) / (card_min + gap)));
    const float cw = (cards_w - gap * (cols - 1)) / cols;
    const float pad = th.u(2);
    const float ch = pad * 2 + th.strong->FontSize * 2 + th.u(1) + th.caption->FontSize + th.u(0.5f);
    const float logo_h = ch - pad * 2;
    const float logo_w = std::min(logo_h * 1.8f, cw * 0.3f); // logos are mostly wider than tall

    float y = scrollBegin(c, "exhibitors.list", a, b, st) + th.u(1);
    const float top = y;

    // Topic chips: "all" first, then every topic with its count; several can be on at once.
    {
        ImFont* font = th.body;
        ChipFlow flow(list_x, list_x + list_w, y, th.u(1.5f));
        auto topicChip = [&](const std::string& id, const std::string& label, bool on) {
            const char* ic = on ? icon::Check : nullptr;
            const float w = std::min(list_w, buttonWidth(c, ic, label, font));
            const float h = chipHeight(c, ic, label, w, font);
            const ImVec2 at = flow.place(w, h);
            return chip(c, id, ic, label, at, ImVec2(at.x + w, at.y + h), a.y, b.y, on ? Style::Selected : Style::Secondary, font);
        };
        if (topicChip("filter.clear", std::string(c.t(S::AllTopics)) + "  " + std::to_string(m.exhibitors.size()), active.empty())) {
            route.item.clear();
            st = ScrollState{};
        }
        for (const auto& [t, n] : topics) {
            const bool on = std::find(active.begin(), active.end(), t->id) != active.end();
            if (topicChip("topic." + t->id, t->name.in(c.lang()) + "  " + std::to_string(n), on)) {
                std::vector<std::string> next = active;
                if (on) next.erase(std::find(next.begin(), next.end(), t->id));
                else next.push_back(t->id);
                route.item = topicsItem(next); // applies next frame; Back keeps it
                st.offset = 0;
                st.velocity = 0;
            }
        }
        y = flow.bottom() + th.u(3);
    }

    // Sections by letter; the rail jumps to their tops.
    std::vector<std::pair<std::string, float>> sections; // letter, y relative to the content top
    std::vector<std::string> shown;
    std::string top_letter;
    if (list.empty())
        y += textWrapped(c, th.body, ImVec2(list_x, y), th.c.text_muted,
                         std::string(icon::Info) + "  " + c.t(S::NoExhibitorsForTopics), list_w) + th.u(2);
    for (size_t i = 0; i < list.size();) {
        const std::string& letter = list[i]->letter;
        sections.emplace_back(letter, y - top);
        if (visibleY(c, y, y + th.heading->FontSize)) text(c, th.heading, ImVec2(list_x, y + pad), th.c.accent, letter);
        int col = 0;
        for (; i < list.size() && list[i]->letter == letter; ++i) {
            const Exhibitor* e = list[i]->e;
            const float x = cards_x + col * (cw + gap);
            if (visibleY(c, y, y + ch)) {
                if (top_letter.empty() && y + ch > a.y + th.u(1)) top_letter = letter;
                if (card(c, "exhibitor." + e->id, e->name, ImVec2(x, y), ImVec2(x + cw, y + ch))) c.nav.go(ScreenId::Exhibitor, e->id);
                const ImVec2 la(x + pad, y + pad), lb(x + pad + logo_w, y + pad + logo_h);
                if (!e->logo.empty()) {
                    c.dl->AddRectFilled(la, lb, th.c.logo_plate, th.radius * 0.5f);
                    image(c, e->logo, ImVec2(la.x + th.u(1), la.y + th.u(1)), ImVec2(lb.x - th.u(1), lb.y - th.u(1)), false);
                } else {
                    c.dl->AddRectFilled(la, lb, th.c.accent_soft, th.radius * 0.5f);
                    textCentered(c, th.heading, la, lb, th.c.accent, letter);
                }
                const float tx = lb.x + pad * 1.5f, tw = x + cw - pad - tx;
                float ty = y + pad;
                // A longer name is cut after two lines: the card opens the whole of it.
                {
                    AllowTextCut preview;
                    for (const std::string& line : twoLines(th.strong, e->name, tw)) {
                        text(c, th.strong, ImVec2(tx, ty), th.c.text, line);
                        ty += th.strong->FontSize;
                    }
                }
                std::string stands;
                for (const std::string& s : e->stands) stands += (stands.empty() ? "" : ", ") + s;
                if (!stands.empty())
                    textEllipsis(c, th.caption, ImVec2(tx, y + ch - pad - th.caption->FontSize), th.c.accent,
                                 std::string(icon::MapMarker) + "  " + (e->stands.size() > 1 ? c.t(S::Stands) : c.t(S::Stand)) +
                                     " " + stands,
                                 tw);
                shown.push_back(e->id);
            }
            if (++col == cols) {
                col = 0;
                y += ch + gap;
            }
        }
        if (col != 0) y += ch + gap;
        y += th.u(1);
    }
    scrollEnd(c, "exhibitors.list", a, b, st, y - top + th.u(4));

    // [SECTION] The letter rail
    auto jump = [&](const std::string& letter) {
        for (const auto& [l, sy] : sections)
            if (l == letter) {
                st.offset = std::min(sy, st.max);
                st.velocity = 0;
            }
    };
    if (!sections.empty()) {
        const size_t n = sections.size();
        const float rail_h = rail_b.y - rail_a.y;
        const float slot_min = std::max(th.min_target * 0.85f, th.body->FontSize * 1.6f);
        const size_t slots = std::max<size_t>(1, static_cast<size_t>(rail_h / slot_min));
        const size_t buckets = std::min(n, slots); // too many letters for the height: neighbours share a target
        const float slot_h = std::min(rail_h / buckets, th.min_target * 1.3f);
        const float used_h = slot_h * buckets;
        const ImVec2 ra(rail_a.x, rail_a.y), rb(rail_b.x, rail_a.y + used_h);
        c.dl->AddRectFilled(ra, rb, th.c.surface_alt, (rb.x - ra.x) * 0.5f);
        c.touch.dragRegion("exhibitors.rail", ra, rb);
        for (size_t k = 0; k < buckets; ++k) {
            const size_t from = k * n / buckets, to = (k + 1) * n / buckets; // [from, to)
            const std::string& first = sections[from].first;
            const std::string label = to - from > 1 ? first + "–" + sections[to - 1].first : first;
            const ImVec2 ta(ra.x, ra.y + slot_h * k), tb(rb.x, ra.y + slot_h * (k + 1));
            bool current = false;
            for (size_t i = from; i < to; ++i) current = current || sections[i].first == top_letter;
            if (current) c.dl->AddRectFilled(ImVec2(ta.x + th.u(0.5f), ta.y + th.u(0.5f)), ImVec2(tb.x - th.u(0.5f), tb.y - th.u(0.5f)),
                                             th.c.accent, (tb.x - ta.x) * 0.5f);
            if (c.touch.target("letter." + first, label, ta, tb)) jump(first);
            if (c.touch.held("letter." + first))
                c.dl->AddRectFilled(ta, tb, th.c.pressed, (tb.x - ta.x) * 0.5f);
            ImFont* f = to - from > 1 ? th.caption : th.strong;
            textCentered(c, f, ta, tb, current ? th.c.accent_text : th.c.text, label);
        }
        // Sliding along the rail runs through the letters one by one, with a large bubble beside it.
        if (c.touch.dragging("exhibitors.rail")) {
            const float fy = std::clamp((c.touch.position().y - ra.y) / used_h, 0.0f, 0.999f);
            const std::string& letter = sections[static_cast<size_t>(fy * n)].first;
            if (letter != rail_letter_) {
                rail_letter_ = letter;
                jump(letter);
            }
            const float s = th.u(12);
            const float by = std::clamp(c.touch.position().y - s * 0.5f, ra.y, rb.y - s);
            const ImVec2 ba(ra.x - th.u(3) - s, by), bb(ra.x - th.u(3), by + s);
            c.dl->AddRectFilled(ba, bb, th.c.accent, th.radius);
            textCentered(c, th.display, ba, bb, th.c.accent_text, letter);
            c.animating = true;
        } else {
            rail_letter_.clear();
        }
    }

    if (c.report) {
        (*c.report)["count"] = list.size();
        (*c.report)["visible"] = shown;
        (*c.report)["topics"] = active;
        auto counts = nlohmann::json::object();
        for (const auto& [t, n] : topics) counts[t->id] = n;
        (*c.report)["topic_counts"] = counts;
        auto letters = nlohmann::json::array();
        for (const auto& s : sections) letters.push_back(s.first);
        (*c.report)["letters"] = letters;
        (*c.report)["letter"] = top_letter;
    }
}

} // namespace ww
