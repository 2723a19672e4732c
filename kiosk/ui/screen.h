// The screens of the kiosk. Each is a small class with one draw function; the app keeps one instance of
// each for the program's life and calls reset() when a visitor's session ends.
#pragma once

#include "ui/context.h"

#include <memory>
#include <string>
#include <vector>

namespace ww {

class Screen {
public:
    virtual ~Screen() = default;
    virtual void draw(Ctx& c) = 0;
    // Forget everything a visitor did here (after inactivity).
    virtual void reset() {}
    // The title in the visitor's language (for the state report and speech later).
    virtual std::string title(const Ctx& c) const = 0;
};

// The attract screen: event, "now on stage", tiles into every part.
class HomeScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// The floor plan: levels, rooms, stands, points of interest, "you are here", and walking routes
// (ui/map_screen.cpp; the view maths in ui/map_view.h, routes in ui/map_route.h).
class MapScreen final : public Screen {
public:
    MapScreen();
    ~MapScreen() override;
    void draw(Ctx& c) override;
    void reset() override;
    std::string title(const Ctx& c) const override;

private:
    struct State; // view, selection, the router of the current content and the route shown
    std::unique_ptr<State> st_;
};

// All exhibitors A–Z with a letter rail and topic filter chips. The active topics live in the route's
// item ("topics:ozg,ki"), so Back returns to the list as it was filtered.
class ExhibitorsScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;

private:
    std::string rail_letter_; // the letter the finger is on while it slides along the rail
};

// One exhibitor: logo, stands (→ floor plan, → route), topics, description, contact, the website as
// a QR code, their talks.
class ExhibitorScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;

private:
    std::string qr_text_;           // what qr_ encodes
    std::vector<unsigned char> qr_; // modules, row by row, 1 = dark
    int qr_size_ = 0;
};

// The day's programme: now and next per room, the day timeline, a list; filters by topic and
// language; the day's changes (route item "changes:<YYYY-MM-DD>").
class ProgramScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    void reset() override;
    std::string title(const Ctx& c) const override;

    enum class View { Now, Timeline, List };

private:
    float drawControls(Ctx& c, float y, bool can_now, bool today_shown, int changes);
    float drawFilters(Ctx& c, float y, const std::vector<const Talk*>& day_talks);
    void drawNow(Ctx& c, ImVec2 a, ImVec2 b);
    void drawTimeline(Ctx& c, ImVec2 a, ImVec2 b, const std::vector<const Talk*>& talks, int day, bool today_shown);
    void drawList(Ctx& c, ImVec2 a, ImVec2 b, const std::vector<const Talk*>& talks, bool today_shown);
    bool matches(const Talk& t, bool use_topics, bool use_langs) const;

    std::string day_;
    View view_ = View::Now;
    std::vector<std::string> topics_; // active topic filters (any of them)
    std::vector<std::string> langs_;  // active language filters (any of them)
    bool filters_open_ = false;
    bool jump_to_now_ = false;        // scroll the timeline or list to the current time next frame
    ScrollState time_scroll_, lane_scroll_; // the timeline's two axes
    ScrollState filter_scroll_;             // the filter panel when it is taller than its room
    float side_x1_ = 0; // a low landscape area: the controls' column ends here, the talks lie right of it
    uint64_t serial_ = 0;
};

// One talk.
class TalkScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// The photo galleries.
class PhotosScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// One gallery's thumbnails.
class GalleryScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// One photo, full screen, with caption, credit and licence over a scrim; the photo follows the finger
// and snaps to its neighbours.
class PhotoScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    void reset() override;
    std::string title(const Ctx& c) const override;

private:
    float slide_ = 0;         // horizontal offset of the current photo (drag, then the snap animation)
    bool caption_ = true;     // a tap on the photo hides or shows the caption
    std::string shown_;       // the photo drawn last frame
    std::string expected_;    // the photo this screen turned to itself (keeps the slide going)
};

// Search with the on-screen QWERTZ keyboard: results while typing, grouped by kind.
class SearchScreen final : public Screen {
public:
    SearchScreen();
    ~SearchScreen() override;
    void draw(Ctx& c) override;
    void reset() override;
    std::string title(const Ctx& c) const override;
    const std::string& query() const { return query_; }

private:
    struct State; // the index (built once per content load) and the last results
    std::string query_;
    bool keyboard_ = true;
    uint64_t serial_ = 0;
    std::unique_ptr<State> st_;
};

// Text size, contrast, low reach.
class A11yScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// The attract slideshow inside the start screen's photo tile (ui/slideshow.cpp): photos of every
// gallery with a calm crossfade (a cut with reduced motion), right of the tile's words.
void drawTileSlideshow(Ctx& c, ImVec2 tile_min, ImVec2 tile_max);

// [SECTION] Chrome around the screens
// The persistent bar: Home, Back, DE/EN, accessibility, the clock.
void drawBar(Ctx& c, ImVec2 min, ImVec2 max, ScreenId current);
// Its height at this width: one row, or two when the words do not fit in one.
float barHeight(Ctx& c, float width);
// The band above the controls in low-reach mode.
void drawLowReachBand(Ctx& c, ImVec2 min, ImVec2 max);
// "Still there?" with a countdown; a touch anywhere also counts as presence (the app sees the press).
void drawIdleWarning(Ctx& c, int seconds_left);
// "Inhalte werden vorbereitet / Content is being prepared", always in both languages. Returns true
// when staff (or a visitor) tapped "try now".
bool drawWaiting(Ctx& c, int retry_in_s, const std::string& detail);

} // namespace ww
