// Touch input and the registry of touch targets. A tap fires on release, only when the finger stayed
// within a finger-sized slop of where it went down and on the same target; moving further turns the
// gesture into a drag of the scroll area (or map) under the finger. Every target a screen draws is
// registered here with id, label and rectangle, so scripts, size checks and speech read one list.
// With speech output on, touch explores: a first tap on a target focuses it (speech says it), a second
// tap on the focused target activates it.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace ww {

struct TouchTarget {
    std::string id;
    std::string label;
    ImVec2 min, max;           // visible part (clipped by the scroll area it lives in)
    int layer = 0;             // dialogs open a higher layer; only the top layer takes touches
    std::vector<ImVec2> shape; // optional polygon inside the rectangle (map rooms and stands)
    bool contains(ImVec2 p) const;
};

// Where the pointer is this frame. Headless scripts and the window feed the same struct.
struct PointerState {
    ImVec2 pos{-1, -1};
    bool down = false;
};

class Touch {
public:
    // Finger-sized: movement below this is still a tap (pixels).
    float slop = 24;
    // A press held this long without moving is a long press; it never taps.
    double long_press_s = 1.5;
    // A press held still this long is a hold: anywhere but the staff corner it switches speech output on
    // or off (EN 301 549 5.2: a blind visitor starts speech without finding the panel).
    double hold_s = 3.0;
    // Exploration (the app sets it while speech output is on): a first tap on a target focuses it
    // instead of activating it; a second tap on the focused target within focus_s activates it.
    bool explore = false;
    double focus_s = 5.0;
    // A target cut by a clip (a scroll area's or the plan's edge) to less than this in either direction
    // is not registered: every registered target stays finger-sized, and the visitor scrolls or pans
    // the rest into view (pixels; the app sets the theme's min_touch).
    float min_visible = 0;

    void beginFrame(const PointerState& p, double now);
    void endFrame();
    // Forget presses and drags in progress (reset to home, content swap).
    void cancel();

    // [SECTION] Targets
    // Registers a target for this frame and says whether it was tapped (on release). `shape`, if given,
    // narrows the hit area to a polygon (screen coordinates).
    bool target(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
                const std::vector<ImVec2>* shape = nullptr);
    // The finger is down on this target right now and has not moved away: draw the pressed look.
    bool held(const std::string& id) const;
    void pushLayer() { ++layer_; }
    int layer() const { return layer_; } // the layer targets register on now
    void popLayer() { --layer_; }
    // Clip registrations to a scroll area's viewport (nested clips intersect).
    void pushClip(ImVec2 min, ImVec2 max);
    void popClip();

    // [SECTION] Drags
    // Declares a draggable region (a list, the map, the photo viewer) for this frame.
    void dragRegion(const std::string& id, ImVec2 min, ImVec2 max);
    bool dragging(const std::string& id) const { return dragging_ && drag_id_ == id; }
    // A finger went down in this region this frame (a moving list stops under it).
    bool pressedIn(const std::string& id) const { return pressed_now_ && drag_id_ == id; }
    // Finger movement since the last frame while this region is dragged.
    ImVec2 dragDelta(const std::string& id) const;
    // Total movement since the press.
    ImVec2 dragTotal(const std::string& id) const;
    // On the frame the finger lifts after dragging this region: its velocity in px/s.
    bool released(const std::string& id, ImVec2* velocity) const;
    // A second tap close in time and place to the previous one, inside the region, this frame.
    bool doubleTapped(const std::string& id, ImVec2* where) const;

    // [SECTION] State for the app and scripts
    // A finger is down, or the last release was a moment ago.
    bool busy() const { return down_; }
    bool pressedThisFrame() const { return pressed_now_; }
    const std::vector<TouchTarget>& targets() const { return last_; }   // the last finished frame
    const std::vector<TouchTarget>& current() const { return now_; }    // registered so far this frame
    // Targets that can receive a touch (top layer of the last frame).
    std::vector<const TouchTarget*> reachable() const;
    // A point that hits `id` (not covered by a later target), or false.
    bool pointFor(const std::string& id, ImVec2* out) const;
    std::string tappedId() const { return tap_id_; }
    // The target a first tap focused this frame (exploration), or "".
    std::string exploredId() const { return explored_id_; }
    // The focused target (exploration), or "". It stays until another target is focused, exploration
    // ends, clearFocus() or cancel().
    const std::string& focusedId() const { return focus_id_; }
    void clearFocus() { focus_id_.clear(); }
    // The frame on which a still press reached hold_s (where it went down: pressPosition()).
    bool holdCompleted() const { return hold_now_; }
    ImVec2 pressPosition() const { return press_pos_; }
    // Where the finger is (or was lifted): the letter rail follows it.
    ImVec2 position() const { return pos_; }

private:
    const TouchTarget* hit(const std::vector<TouchTarget>& list, ImVec2 p) const;
    const std::string* dragHit(ImVec2 p) const;

    struct Region {
        std::string id;
        ImVec2 min, max;
        int layer;
    };
    struct Sample {
        double t;
        ImVec2 p;
    };

    std::vector<TouchTarget> now_, last_;
    std::vector<Region> regions_now_, regions_last_;
    std::vector<std::pair<ImVec2, ImVec2>> clip_;
    int layer_ = 0;

    bool down_ = false;
    bool pressed_now_ = false;
    bool released_now_ = false;
    ImVec2 pos_{-1, -1}, prev_pos_{-1, -1}, press_pos_{-1, -1};
    double press_t_ = 0, now_t_ = 0;
    bool moved_ = false;
    bool long_ = false;
    bool hold_now_ = false;
    bool held_long_enough_ = false; // this press has been a hold
    std::string press_id_;
    std::string tap_id_;
    std::string explored_id_;
    std::string focus_id_;
    double focus_t_ = 0; // the last tap on the focused target
    std::string drag_id_;
    bool dragging_ = false;
    bool drag_released_ = false;
    ImVec2 release_vel_{0, 0};
    std::vector<Sample> samples_;
    // double tap
    double last_tap_t_ = -10;
    ImVec2 last_tap_p_{-1000, -1000};
    bool double_tap_ = false;
    std::string double_tap_region_;
};

} // namespace ww
