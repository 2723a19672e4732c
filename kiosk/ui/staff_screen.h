// The hidden staff menu and the closed screen: what a visitor never sees, and what the kiosk shows
// outside opening hours. Both draw over the whole display instead of the visitor's screen.
#pragma once

#include "core/kiosk_settings.h"
#include "ui/context.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ww {

// [SECTION] Staff menu (ui/staff_screen.cpp)

// What the staff menu shows, collected by the app while it is open.
struct StaffInfo {
    std::string kiosk;           // the kiosk id, or "(first in content)"
    std::string content_version; // content version and when it was built
    std::string database;        // the database path
    std::string software;        // "wegweiser 0.1.0"
    std::string settings;        // the settings file, or "(none)"
    double uptime_s = 0;
    std::string last_reload;     // "14:05 – version 2022-09-07…" or the failure
    bool reload_failed = false;
};

// The hidden gesture, the PIN pad with its lockout, the menu and the touch test.
// Gesture: a finger held still for kHoldS seconds in the top-left corner (a square of kCornerUnits
// spacing units). Five wrong PINs in a row lock the pad for kLockS seconds.
class StaffMenu {
public:
    static constexpr double kHoldS = 3.0;
    static constexpr double kLockS = 60.0;
    static constexpr int kMaxWrong = 5;
    static constexpr float kCornerUnits = 14; // 112 px at 1080p
    static constexpr size_t kMaxDigits = 12;

    enum class Action { None, Reload, Exit };

    // Watches the pointer every frame. True on the frame the gesture completes (the pad opens).
    bool watch(const PointerState& p, double now, float corner, float slop);
    // Inside the staff corner (a square of side `corner` at the top left): other holds leave it alone.
    static bool inCorner(ImVec2 pos, float corner) { return pos.x >= 0 && pos.y >= 0 && pos.x < corner && pos.y < corner; }
    bool isOpen() const { return mode_ != Mode::Closed; }
    // A press in the corner is being held: keep frames coming so the gesture can complete.
    bool holding() const { return tracking_; }
    void close();
    Action draw(Ctx& c, double now, const StaffInfo& info, const std::string& pin_hash);
    // "staff": pad / menu / test / closed, plus the lockout (for scripts).
    void report(nlohmann::json& j, double now) const;

private:
    enum class Mode { Closed, Pad, Menu, Test };
    void drawPad(Ctx& c, double now, const std::string& pin_hash);
    Action drawMenu(Ctx& c, const StaffInfo& info);
    void drawTest(Ctx& c);

    Mode mode_ = Mode::Closed;
    std::string entered_;
    int wrong_ = 0;
    double locked_until_ = -1;
    std::string message_;
    bool tracking_ = false;
    bool was_down_ = false;
    ImVec2 press_pos_{0, 0};
    double press_t_ = 0;
    std::vector<ImVec2> taps_; // the touch test's taps, newest last
};

// [SECTION] Closed screen (ui/closed_screen.cpp)

// Opening hours at work: outside them the guide shows a dark "Geschlossen / Closed" screen with the
// next opening; a touch opens the guide for a few minutes (each touch extends that).
class ClosedGate {
public:
    void configure(std::optional<OpeningHours> hours, double wake_s);
    bool enabled() const { return hours_.has_value(); }
    // Whether the closed screen shows now.
    bool closed(const LocalDateTime& local, double now) const;
    // A touch: while outside hours, keep (or make) the guide awake for the wake time.
    void touched(const LocalDateTime& local, double now);
    // Seconds until closed() may change by itself (opening, closing, the end of a wake); large if never.
    double secondsToChange(const LocalDateTime& local, double now) const;
    // The dark screen; a tap anywhere ("closed.wake") wakes the guide.
    void draw(Ctx& c, double now);

private:
    std::optional<OpeningHours> hours_;
    double wake_s_ = 300;
    double awake_until_ = -1;
};

} // namespace ww
