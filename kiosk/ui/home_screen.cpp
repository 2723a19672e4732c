// The attract screen: what this is, what is on now, and one big tile for every part of the guide.
#include "core/schedule.h"
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

struct Tile {
    const char* id;
    const char* icon;
    S title;
    S hint;
    ScreenId screen;
};

const Tile kTiles[] = {
    {"nav.map", icon::Map, S::Map, S::MapHint, ScreenId::Map},
    {"nav.exhibitors", icon::Exhibitors, S::Exhibitors, S::ExhibitorsHint, ScreenId::Exhibitors},
    {"nav.program", icon::Calendar, S::Program, S::ProgramHint, ScreenId::Program},
    {"nav.photos", icon::Photos, S::Photos, S::PhotosHint, ScreenId::Photos},
    {"nav.search", icon::Search, S::Search, S::SearchHint, ScreenId::Search},
};

void drawTile(Ctx& c, const Tile& t, ImVec2 a, ImVec2 b, bool primary) {
    const Theme& th = c.th;
    const std::string title = c.t(t.title);
    const bool tapped = c.touch.target(t.id, title, a, b);
    panel(c, a, b, primary ? th.c.accent : th.c.surface);
    if (t.screen == ScreenId::Photos) drawTileSlideshow(c, a, b); // the attract slideshow (ui/slideshow.cpp)
    if (c.touch.held(t.id)) c.dl->AddRectFilled(a, b, th.c.pressed, th.radius);
    const ImU32 fg = primary ? th.c.accent_text : th.c.text;
    const ImU32 ic = primary ? th.c.accent_text : th.c.accent;
    const ImU32 sub = primary ? th.c.accent_text : th.c.text_muted;
    const float pad = th.u(3);
    const float w = b.x - a.x - pad * 2;
    const float hint_h = textHeight(th.caption, c.t(t.hint), w);
    const float need = th.display->FontSize + th.u(1.5f) + th.heading->FontSize + th.u(0.5f) + hint_h;
    // Tall tiles: big icon on top, words at the bottom. Short tiles (low reach, 200 % text): icon and
    // title on one line, the hint below when it fits.
    if (b.y - a.y - pad * 2 > need + th.u(2)) {
        text(c, th.display, ImVec2(a.x + pad, a.y + pad), ic, t.icon);
        float y = b.y - pad - hint_h - th.u(0.5f) - th.heading->FontSize;
        textEllipsis(c, th.heading, ImVec2(a.x + pad, y), fg, title, w);
        y += th.heading->FontSize + th.u(0.5f);
        textWrapped(c, th.caption, ImVec2(a.x + pad, y), sub, c.t(t.hint), w);
    } else {
        // The hint only when all of it fits (it repeats what the title says; the title must stay whole).
        const float iw = textWidth(th.heading, t.icon) + th.u(1.5f);
        const float hint_h = th.u(0.5f) + textHeight(th.caption, c.t(t.hint), w - iw);
        const bool hint = b.y - a.y - pad * 2 >= th.heading->FontSize + hint_h;
        float y = std::floor((a.y + b.y - th.heading->FontSize - (hint ? hint_h : 0)) * 0.5f);
        text(c, th.heading, ImVec2(a.x + pad, y), ic, t.icon);
        textEllipsis(c, th.heading, ImVec2(a.x + pad + iw, y), fg, title, w - iw);
        if (hint)
            textWrapped(c, th.caption, ImVec2(a.x + pad + iw, y + th.heading->FontSize + th.u(0.5f)), sub, c.t(t.hint), w - iw);
    }
    if (tapped) c.nav.go(t.screen);
}

// "Jetzt im Programm": one card per room, with the talk running there (and how long it still runs)
// or the next one (and when it starts), each with its live status in words. Returns the height used.
float drawNowOnStage(Ctx& c, ImVec2 a, ImVec2 b, size_t max_items) {
    const Theme& th = c.th;
    float y = a.y;
    y += textWrapped(c, th.heading, ImVec2(a.x, y), th.c.text, std::string(icon::Microphone) + "  " + c.t(S::NowOnStage), b.x - a.x) +
         th.u(2);
    const std::vector<RoomNowNext> rooms = c.schedule ? c.schedule->nowAndNextAll(c.now_utc) : std::vector<RoomNowNext>{};
    if (c.report) {
        auto list = nlohmann::json::array();
        for (const RoomNowNext& r : rooms)
            list.push_back({{"room", r.room},
                            {"now", r.now ? nlohmann::json(r.now->id) : nlohmann::json()},
                            {"next", r.next ? nlohmann::json(r.next->id) : nlohmann::json()}});
        (*c.report)["now_on_stage"] = list;
    }
    const float w = b.x - a.x;
    if (rooms.empty()) {
        std::string msg = c.t(S::ProgramOver);
        if (c.schedule) {
            const DayChoice d = c.schedule->dayToShow(c.now_utc);
            if (d.why == DayChoice::Why::BeforeEvent || d.why == DayChoice::Why::Between ||
                (d.isToday() && !c.schedule->talksOn(d.index).empty() &&
                 effectiveStartUtc(*c.schedule->talksOn(d.index).front()) > c.now_utc))
                msg = fmt(S::ProgramStartsOn, c.lang(), dayLong(c.schedule->days()[static_cast<size_t>(d.index)].day, c.lang()).c_str());
        }
        panel(c, ImVec2(a.x, y), ImVec2(b.x, y + th.u(4) + textHeight(th.body, msg, w - th.u(6)) + th.u(4)), th.c.surface);
        y += th.u(4);
        y += textWrapped(c, th.body, ImVec2(a.x + th.u(3), y), th.c.text_muted, msg, w - th.u(6)) + th.u(4);
        return y - a.y;
    }
    size_t shown = 0;
    for (const RoomNowNext& r : rooms) {
        if (shown >= max_items) break;
        // The talk on now, else the next one, else the notice (cancelled, moved away) that explains.
        const Talk* t = r.now ? r.now : r.next ? r.next : r.notices.empty() ? nullptr : r.notices.front();
        if (!t) continue;
        const std::string title = t->title.in(c.lang());
        const float inner = w - th.u(6);
        const bool changed = isChanged(*t);
        const float title_h = std::min(textLinesHeight(th.strong, title, inner), th.strong->FontSize * 2);
        std::string when;
        ImU32 col = th.c.accent;
        if (t == r.now) {
            when = std::string(icon::Circle) + " " + c.t(S::RunningNow) + "  ·  " + minutesLeftText(r.minutes_left, c.lang());
            col = th.c.live;
        } else if (t == r.next) {
            when = std::string(icon::Clock) + " " + minutesUntilText(r.minutes_until_next, c.lang()) + "  ·  " + effectiveRange(c, *t);
        } else {
            when = std::string(icon::Clock) + " " + plannedRange(c, *t);
            col = th.c.text_muted;
        }
        // Times, room and status wrap with large text; the title is a two-line preview of the talk
        // the card opens.
        const std::string where = std::string(icon::MapMarker) + " " + roomName(c, r.room) + "  ·  " + kindLabel(c, *t);
        const float when_h = textLinesHeight(th.caption, when, inner), where_h = textLinesHeight(th.caption, where, inner);
        const float status_h = changed ? th.u(1) + textLinesHeight(th.caption, statusLine(c, *t), inner) : 0;
        const float h = th.u(2.5f) + when_h + th.u(1) + title_h + th.u(1) + where_h + status_h +
                        (r.now ? th.u(1.5f) + th.u(0.75f) : 0) + th.u(2.5f);
        if (y + h > b.y) break;
        const ImVec2 ca(a.x, y), cb(b.x, y + h);
        if (card(c, "talk." + t->id, title, ca, cb)) c.nav.go(ScreenId::Talk, t->id);
        float ty = y + th.u(2.5f);
        ty += textLines(c, th.caption, ImVec2(a.x + th.u(3), ty), col, when, inner, false) + th.u(1);
        const bool cancelled = isCancelled(*t);
        {
            AllowTextCut preview;
            textLines(c, th.strong, ImVec2(a.x + th.u(3), ty), cancelled ? th.c.text_muted : th.c.text, title, inner, cancelled, 2);
        }
        ty += title_h + th.u(1);
        ty += textLines(c, th.caption, ImVec2(a.x + th.u(3), ty), th.c.text_muted, where, inner, false);
        if (changed) ty += th.u(1) + textLines(c, th.caption, ImVec2(a.x + th.u(3), ty), th.c.warn, statusLine(c, *t), inner, false);
        if (t == r.now) {
            ty += th.u(1.5f);
            progressBar(c, ImVec2(a.x + th.u(3), ty), ImVec2(a.x + th.u(3) + inner, ty + th.u(0.75f)), r.progress);
        }
        y += h + th.u(2);
        ++shown;
    }
    return y - a.y;
}

// The start screen in a low screen area (low reach with a tight mounting, large text): the tiles as a
// compact grid of finger-sized buttons at the bottom, as few rows as their titles allow, and "now on
// stage" beside them (landscape) or above them (portrait) where it still fits.
void drawCompact(Ctx& c, const std::string& where, float tile_min_w) {
    const Theme& th = c.th;
    const int n = static_cast<int>(sizeof kTiles / sizeof kTiles[0]);
    const float margin = th.u(3), gap = th.u(2);
    const ImVec2 a(c.min.x + margin, c.min.y + margin), b(c.max.x - margin, c.max.y - margin);
    const float tall = th.u(20); // no taller: the rest goes to "now on stage"
    auto rowsFor = [&](float w) {
        const int cols = std::clamp(static_cast<int>((w + gap) / (tile_min_w + gap)), 1, n);
        return (n + cols - 1) / cols;
    };
    auto tileHeight = [&](int rows, float h) { return std::min(tall, (h - gap * static_cast<float>(rows - 1)) / rows); };

    // Landscape: "now on stage" beside the tiles when a talk's card fits in the height and the tiles
    // keep a comfortable height; else the tiles take the width.
    float tiles_w = b.x - a.x;
    bool side = false;
    if (!c.portrait && b.y - a.y >= th.u(30)) {
        const float side_w = std::max((b.x - a.x) * 0.3f, th.u(50));
        const float w = b.x - a.x - side_w - th.u(4);
        const float wh = textHeight(th.body, where, w) + th.u(2);
        if (w >= tile_min_w && tileHeight(rowsFor(w), b.y - a.y - wh) >= th.min_target) {
            tiles_w = w;
            side = true;
        }
    }
    const int rows = rowsFor(tiles_w);
    // The dates and the venue when the tiles keep a comfortable height under them.
    const float wh = textHeight(th.body, where, tiles_w) + th.u(2);
    const bool show_where = tileHeight(rows, b.y - a.y - wh) >= th.min_target;
    const float tiles_h = b.y - a.y - (show_where ? wh : 0);
    const float tile_h = std::max(th.min_touch, tileHeight(rows, tiles_h));
    const float tiles_top = b.y - rows * tile_h - gap * static_cast<float>(rows - 1);
    if (show_where) textWrapped(c, th.body, ImVec2(a.x, tiles_top - wh), th.c.text_muted, where, tiles_w);

    // Rows share the tiles evenly (the first rows take one more), each row spans the width.
    int i = 0;
    for (int r = 0; r < rows; ++r) {
        const int in_row = n / rows + (r < n % rows ? 1 : 0);
        const float tw = (tiles_w - gap * static_cast<float>(in_row - 1)) / static_cast<float>(in_row);
        const float y0 = tiles_top + static_cast<float>(r) * (tile_h + gap);
        for (int k = 0; k < in_row && i < n; ++k, ++i) {
            const float x0 = a.x + static_cast<float>(k) * (tw + gap);
            drawTile(c, kTiles[i], ImVec2(x0, y0), ImVec2(x0 + tw, y0 + tile_h), i == 0);
        }
    }
    if (side) {
        drawNowOnStage(c, ImVec2(a.x + tiles_w + th.u(4), a.y), b, 3);
    } else {
        const float top = show_where ? tiles_top - wh : tiles_top;
        if (top - a.y > th.u(24)) drawNowOnStage(c, a, ImVec2(b.x, top - th.u(2)), 3);
    }
}

} // namespace

std::string HomeScreen::title(const Ctx& c) const { return c.t(S::Home); }

void HomeScreen::draw(Ctx& c) {
    const Theme& th = c.th;
    const Event& ev = c.model.event;
    const size_t n = sizeof kTiles / sizeof kTiles[0];
    const float gap = th.u(3);
    // Landscape puts tiles and "now on stage" beside the event's name. When large text no longer fits
    // three tile titles in a row there, the name spans the width and the tiles go two by two.
    float title_need = 0;
    for (const Tile& t : kTiles)
        title_need = std::max(title_need, textWidth(th.heading, t.icon) + th.u(1.5f) + textWidth(th.heading, c.t(t.title)));
    const float tile_min_w = title_need + th.u(6);
    // The least height of a tile with its icon and title on one line.
    const float short_tile = th.heading->FontSize + th.u(4);

    std::string where = std::string(icon::Calendar) + "  " + eventDates(ev, c.lang());
    const std::string venue = ev.venue.in(c.lang());
    if (!venue.empty()) where += "     " + std::string(icon::MapMarker) + "  " + venue;

    // Low reach with a tight mounting (about a third of the screen in reach) or large text leaves too
    // little height for the big tiles: they become a compact grid of finger-sized buttons.
    if (c.settings.low_reach) {
        const float m = th.u(6);
        const ImVec2 a(c.min.x + m, c.min.y + m), b(c.max.x - m, c.max.y - m);
        const float side_w = std::max((b.x - a.x) * 0.34f, th.u(50));
        const bool stacked = !c.portrait && (b.x - side_w - th.u(5) - a.x - gap * 2) / 3 < tile_min_w;
        const float head_w = c.portrait || stacked ? b.x - a.x : (b.x - a.x) * 0.62f;
        const float avail = b.y - a.y - textHeight(th.body, where, head_w) - th.u(4);
        const float rows = c.portrait || stacked ? 3 : 2;
        const float least = c.portrait ? th.min_target * 1.6f : short_tile + th.u(2);
        if (avail < rows * least + (rows - 1) * gap) {
            drawCompact(c, where, tile_min_w);
            return;
        }
    }

    const float margin = th.u(6);
    const ImVec2 a(c.min.x + margin, c.min.y + margin), b(c.max.x - margin, c.max.y - margin);
    float y = a.y;
    const float side_w = std::max((b.x - a.x) * 0.34f, th.u(50));
    const bool stacked = !c.portrait && (b.x - side_w - th.u(5) - a.x - gap * 2) / 3 < tile_min_w;
    const float head_w = c.portrait || stacked ? b.x - a.x : (b.x - a.x) * 0.62f;
    // In low-reach mode the band above already names the event.
    if (!c.settings.low_reach) {
        y += textWrapped(c, th.display, ImVec2(a.x, y), th.c.accent, ev.name.in(c.lang()), head_w) + th.u(1);
        const std::string sub = ev.subtitle.in(c.lang());
        if (!sub.empty()) y += textWrapped(c, th.heading, ImVec2(a.x, y), th.c.text, sub, head_w) + th.u(1.5f);
    }
    y += textWrapped(c, th.body, ImVec2(a.x, y), th.c.text_muted, where, head_w) + th.u(4);

    if (stacked) {
        // Tiles two by two on the left (the last one across), "now on stage" beside them.
        const float tiles_w = std::min(b.x - a.x - th.u(50), std::max(tile_min_w * 2 + gap, (b.x - a.x) * 0.5f));
        const int rows = static_cast<int>((n + 1) / 2);
        const float tile_h = (b.y - y - gap * (rows - 1)) / rows;
        const float tw = (tiles_w - gap) / 2;
        for (size_t i = 0; i < n; ++i) {
            const int col = static_cast<int>(i % 2), row = static_cast<int>(i / 2);
            const float x0 = a.x + col * (tw + gap);
            const float x1 = i == n - 1 && n % 2 == 1 ? a.x + tiles_w : x0 + tw;
            const float y0 = y + row * (tile_h + gap);
            drawTile(c, kTiles[i], ImVec2(x0, y0), ImVec2(x1, y0 + tile_h), i == 0);
        }
        drawNowOnStage(c, ImVec2(a.x + tiles_w + th.u(5), y), ImVec2(b.x, b.y), 6);
    } else if (!c.portrait) {
        // Landscape: tiles left, "now on stage" right.
        const float right_w = std::max((b.x - a.x) * 0.34f, th.u(50));
        const float tiles_r = b.x - right_w - th.u(5);
        const float tiles_top = y;
        const float tw = (tiles_r - a.x - gap * 2) / 3;
        const float th_ = (b.y - tiles_top - gap) / 2;
        for (size_t i = 0; i < n; ++i) {
            const int col = static_cast<int>(i % 3), row = static_cast<int>(i / 3);
            float x0 = a.x + col * (tw + gap);
            float x1 = x0 + tw;
            if (row == 1) {
                // Two tiles on the second row share its width.
                const float w2 = (tiles_r - a.x - gap) / 2;
                x0 = a.x + col * (w2 + gap);
                x1 = x0 + w2;
            }
            const float y0 = tiles_top + row * (th_ + gap);
            drawTile(c, kTiles[i], ImVec2(x0, y0), ImVec2(x1, y0 + th_), i == 0);
        }
        drawNowOnStage(c, ImVec2(b.x - right_w, a.y), ImVec2(b.x, b.y), 6);
    } else {
        // Portrait: "now on stage" above, tiles below where the hand is.
        const float tile_rows = 3;
        // The teaser takes what three talks need; the tiles get the rest, near the hand.
        const float teaser = th.heading->FontSize + th.u(2) +
                             3 * (th.u(5) + th.caption->FontSize * 2 + th.u(2) + th.strong->FontSize * 2.6f + th.u(2));
        float tile_h = std::clamp((b.y - y - teaser - th.u(4) - gap * (tile_rows - 1)) / tile_rows,
                                  th.min_target * 1.6f, th.u(34));
        const float teaser_b = b.y - tile_rows * tile_h - (tile_rows - 1) * gap - th.u(4);
        // Low reach with a tight mounting leaves no room for a talk above the tiles: no heading then
        // either (it would stand alone, or under the tiles).
        const float one_talk = th.heading->FontSize + th.u(2) + th.u(12) + th.caption->FontSize * 2 + th.strong->FontSize;
        const float teaser_h = teaser_b - y >= one_talk ? drawNowOnStage(c, ImVec2(a.x, y), ImVec2(b.x, teaser_b), 3) : 0;
        // Large text leaves room under fewer talks than planned: the tiles take it (up to their size).
        tile_h = std::clamp((b.y - y - teaser_h - th.u(4) - gap * (tile_rows - 1)) / tile_rows, tile_h, th.u(34));
        const float tiles_top = b.y - tile_rows * tile_h - (tile_rows - 1) * gap;
        const float tw = (b.x - a.x - gap) / 2;
        for (size_t i = 0; i < n; ++i) {
            const int col = static_cast<int>(i % 2), row = static_cast<int>(i / 2);
            float x0 = a.x + col * (tw + gap), x1 = x0 + tw;
            if (i == n - 1 && n % 2 == 1) x1 = b.x; // the last one takes the whole row
            const float y0 = tiles_top + row * (tile_h + gap);
            drawTile(c, kTiles[i], ImVec2(x0, y0), ImVec2(x1, y0 + tile_h), i == 0);
        }
    }
}

} // namespace ww
