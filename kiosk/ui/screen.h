// The screens of the kiosk. Each is a small class with one draw function; the app keeps one instance of
// each for the program's life and calls reset() when a visitor's session ends.
#pragma once

#include "ui/context.h"

#include <string>

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

// The floor plan: levels, rooms, stands, points of interest, "you are here".
class MapScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    void reset() override;
    std::string title(const Ctx& c) const override;

private:
    void focus(Ctx& c, const std::string& item);
    std::string level_;
    std::string selected_;  // "stand:B12", "room:saal-1", "poi:wc-eg" or ""
    float zoom_ = 1;
    ImVec2 pan_{0, 0};
    uint64_t serial_ = 0;
    bool center_on_selection_ = false;
};

// All exhibitors A–Z.
class ExhibitorsScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// One exhibitor: logo, stands, topics, description, contact, their talks.
class ExhibitorScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

// The day's programme.
class ProgramScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    void reset() override;
    std::string title(const Ctx& c) const override;

private:
    std::string day_;
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

// One photo, full size, with caption and credit; swipe or buttons for the neighbours.
class PhotoScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;

private:
    float slide_ = 0; // horizontal offset while swiping, springs back
};

// Search with the on-screen QWERTZ keyboard.
class SearchScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    void reset() override { query_.clear(); }
    std::string title(const Ctx& c) const override;
    const std::string& query() const { return query_; }

private:
    std::string query_;
};

// Text size, contrast, low reach.
class A11yScreen final : public Screen {
public:
    void draw(Ctx& c) override;
    std::string title(const Ctx& c) const override;
};

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
