// What every screen gets to draw one frame: the content, the visitor's settings, the look, touch,
// images, the event clock and navigation. Screens hold no pointers into the model across frames (the
// model may be swapped by a hot reload between any two frames); they keep ids.
#pragma once

#include "core/model.h"
#include "core/timezone.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/touch.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ww {

class Schedule;
class SearchIndex;

enum class ScreenId { Home, Map, Exhibitors, Exhibitor, Program, Talk, Photos, Gallery, Photo, Search, A11y, Waiting };
const char* screenName(ScreenId s);

// Scroll position with inertia; lives in the route so Back returns to the same place.
struct ScrollState {
    float offset = 0;
    float velocity = 0;
    float max = 0; // content height minus viewport, updated every frame
};

// Where the visitor is: a screen and the item it shows ("" for lists).
struct NavEntry {
    ScreenId screen = ScreenId::Home;
    std::string item;
    ScrollState scroll;
    uint64_t serial = 0; // changes on every navigation: screens reset per-visit state when it does
};

// The visitor's choices, all reset after inactivity.
struct Settings {
    Lang lang = Lang::De;
    float text_scale = 1.0f; // 1.0, 1.5, 2.0
    bool contrast = false;
    bool low_reach = false;
    bool reduced_motion = false; // cuts instead of slides and fades; lists stop where the finger leaves them
    bool speech = false;         // read out screen titles and what is tapped (app/speech.h)
    int speech_volume = 2;       // 1 quiet, 2 medium, 3 loud
    bool slideshow_paused = false; // the start screen's attract slideshow holds its photo (WCAG 2.2.2)
    // A walking route asked for on a detail screen ("stand:B12"); the floor plan takes it and clears it.
    std::string route_request;
};

class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void go(ScreenId screen, const std::string& item = {}) = 0;
    // Shows another item on the same screen without a history entry (next photo).
    virtual void replace(const std::string& item) = 0;
    virtual void back() = 0;
    virtual void home() = 0;
    virtual bool canGoBack() const = 0;
    virtual NavEntry& route() = 0;
};

// A decoded image ready to draw, or nothing yet.
struct ImageView {
    ImTextureID texture = nullptr;
    int width = 0;
    int height = 0;
};
class ImageSource {
public:
    virtual ~ImageSource() = default;
    // Asks for the image; returns it once decoded and uploaded (never in headless mode).
    virtual ImageView get(const std::string& key) = 0;
    virtual void getInfo(const std::string& key, int* w, int* h) = 0;
    // Decodes an image likely drawn soon (the viewer's neighbours) after everything on screen.
    virtual void prefetch(const std::string& key) { (void)key; }
    // The image cannot be shown (corrupt or missing in the content): draw a placeholder for good.
    virtual bool broken(const std::string& key) { (void)key; return false; }
};

struct Ctx {
    Ctx(const Model& m, Settings& s, Theme& t, Touch& tc, ImageSource& img, Navigator& n, const TimeZone& z)
        : model(m), settings(s), th(t), touch(tc), images(img), nav(n), tz(z) {}

    const Model& model;
    Settings& settings;
    Theme& th;
    Touch& touch;
    ImageSource& images;
    Navigator& nav;
    const TimeZone& tz;
    int64_t now_utc = 0;
    LocalDateTime now; // in the event's zone
    std::string kiosk_id;
    float dt = 1.0f / 60.0f;
    ImDrawList* dl = nullptr;
    ImVec2 min, max;   // the screen's area (between header and bar)
    ImVec2 display;    // whole display
    bool portrait = false;
    // Low-reach mode: the display y of the reach line (core/reach.h); every target's centre lies below
    // it. 0 otherwise.
    float reach_y = 0;
    // Set by anything that moves (inertia, a spring): the loop keeps rendering at full rate.
    bool animating = false;
    // Seconds until something changes on screen by itself (the next slide); < 0: nothing. The loop
    // sleeps until then instead of rendering.
    double redraw_in = -1;
    // A rectangle (min x, min y, max x, max y) that a screen's own motion is confined to (the start
    // screen's slideshow). When nothing outside it differs from the last frame, the loop draws and
    // shows that rectangle alone. Zero: none.
    ImVec4 damage{0, 0, 0, 0};
    // When not null, screens describe what they show here (the `state` script command).
    nlohmann::json* report = nullptr;
    // The live programme of `model` (rebuilt with it on every content swap); null without content.
    const Schedule* schedule = nullptr;
    // The search index over `model`, built off the UI thread when the content was loaded.
    const SearchIndex* search = nullptr;

    Lang lang() const { return settings.lang; }
    const char* t(S id) const { return tr(id, settings.lang); }
    float w() const { return max.x - min.x; }
    float h() const { return max.y - min.y; }
};

} // namespace ww
