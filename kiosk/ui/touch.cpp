// Tap, drag and the target registry (see touch.h). Hit tests use the previous frame's registry: the
// finger goes down on what the visitor saw.
#include "ui/touch.h"

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

float dist(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool inPolygon(const std::vector<ImVec2>& poly, ImVec2 p) {
    bool in = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const ImVec2& a = poly[i];
        const ImVec2& b = poly[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

bool inRect(ImVec2 mn, ImVec2 mx, ImVec2 p) { return p.x >= mn.x && p.y >= mn.y && p.x < mx.x && p.y < mx.y; }

} // namespace

bool TouchTarget::contains(ImVec2 p) const {
    if (!inRect(min, max, p)) return false;
    return shape.size() < 3 || inPolygon(shape, p);
}

void Touch::beginFrame(const PointerState& p, double now) {
    last_.swap(now_);
    now_.clear();
    regions_last_.swap(regions_now_);
    regions_now_.clear();
    clip_.clear();
    layer_ = 0;
    tap_id_.clear();
    explored_id_.clear();
    hold_now_ = false;
    if (!explore) focus_id_.clear();
    pressed_now_ = released_now_ = false;
    drag_released_ = false;
    double_tap_ = false;
    now_t_ = now;
    prev_pos_ = pos_;

    if (p.down && !down_) {
        // Finger down: remember what it landed on.
        down_ = true;
        pressed_now_ = true;
        pos_ = prev_pos_ = press_pos_ = p.pos;
        press_t_ = now;
        moved_ = long_ = dragging_ = held_long_enough_ = false;
        const TouchTarget* t = hit(last_, p.pos);
        press_id_ = t ? t->id : std::string();
        const std::string* r = dragHit(p.pos);
        drag_id_ = r ? *r : std::string();
        samples_.clear();
        samples_.push_back({now, p.pos});
        return;
    }
    if (p.down && down_) {
        pos_ = p.pos;
        samples_.push_back({now, p.pos});
        while (samples_.size() > 2 && now - samples_.front().t > 0.1) samples_.erase(samples_.begin());
        if (!moved_ && dist(pos_, press_pos_) > slop) {
            moved_ = true;
            if (!drag_id_.empty()) {
                dragging_ = true;
                prev_pos_ = press_pos_; // the first drag frame carries the whole slop: no jump later
            }
        }
        if (!moved_ && now - press_t_ > long_press_s) long_ = true;
        if (!moved_ && !held_long_enough_ && now - press_t_ >= hold_s) held_long_enough_ = hold_now_ = true;
        return;
    }
    if (!p.down && down_) {
        // Finger up: a tap if it stayed put on the same target.
        down_ = false;
        released_now_ = true;
        pos_ = p.pos;
        if (!moved_ && !long_ && !press_id_.empty()) {
            const TouchTarget* t = hit(last_, pos_);
            if (t && t->id == press_id_) {
                if (!explore || (press_id_ == focus_id_ && now - focus_t_ <= focus_s)) {
                    tap_id_ = press_id_;
                } else {
                    // Exploring: this tap only says what is under the finger.
                    explored_id_ = focus_id_ = press_id_;
                }
                focus_t_ = now;
            }
        }
        // While exploring, tapping twice is how a target is chosen: no second meaning for the region.
        if (!moved_ && !long_ && !(explore && !press_id_.empty())) {
            if (now - last_tap_t_ < 0.4 && dist(pos_, last_tap_p_) < slop * 2) {
                double_tap_ = true;
                const std::string* r = dragHit(pos_);
                double_tap_region_ = r ? *r : std::string();
                last_tap_t_ = -10;
            } else {
                last_tap_t_ = now;
                last_tap_p_ = pos_;
            }
        }
        if (dragging_) {
            dragging_ = false; // this frame is the release, not another drag step
            drag_released_ = true;
            release_vel_ = ImVec2(0, 0);
            // Velocity over the last ~100 ms; a finger that stopped before lifting throws nothing.
            if (samples_.size() >= 2) {
                const Sample& a = samples_.front();
                const Sample& b = samples_.back();
                const double dt = b.t - a.t;
                if (dt > 0.005 && now - b.t < 0.05)
                    release_vel_ = ImVec2(static_cast<float>((b.p.x - a.p.x) / dt),
                                          static_cast<float>((b.p.y - a.p.y) / dt));
            }
        }
        press_id_.clear();
        return;
    }
    // Up and staying up: nothing is pressed; pointer position is irrelevant (no hover on touch).
    dragging_ = false;
    pos_ = p.pos;
}

void Touch::endFrame() {
    if (released_now_) dragging_ = false;
}

void Touch::cancel() {
    press_id_.clear();
    tap_id_.clear();
    dragging_ = false;
    drag_id_.clear();
    moved_ = true; // the rest of this press does nothing
    focus_id_.clear();
    explored_id_.clear();
}

bool Touch::target(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
                   const std::vector<ImVec2>* shape) {
    ImVec2 mn = min, mx = max;
    for (const auto& c : clip_) {
        mn.x = std::max(mn.x, c.first.x);
        mn.y = std::max(mn.y, c.first.y);
        mx.x = std::min(mx.x, c.second.x);
        mx.y = std::min(mx.y, c.second.y);
    }
    if (mx.x - mn.x < 1 || mx.y - mn.y < 1) return false; // scrolled out of view: not on screen
    const bool cut = mn.x > min.x || mn.y > min.y || mx.x < max.x || mx.y < max.y;
    if (cut && (mx.x - mn.x < min_visible || mx.y - mn.y < min_visible)) return false; // a sliver at the edge
    TouchTarget t;
    t.id = id;
    t.label = label;
    t.min = mn;
    t.max = mx;
    t.layer = layer_;
    if (shape) t.shape = *shape;
    now_.push_back(std::move(t));
    return !tap_id_.empty() && tap_id_ == id;
}

bool Touch::held(const std::string& id) const {
    if (!down_ || moved_ || long_ || press_id_ != id) return false;
    const TouchTarget* t = hit(last_, pos_);
    return t && t->id == id;
}

void Touch::pushClip(ImVec2 min, ImVec2 max) { clip_.push_back({min, max}); }
void Touch::popClip() {
    if (!clip_.empty()) clip_.pop_back();
}

void Touch::dragRegion(const std::string& id, ImVec2 min, ImVec2 max) {
    ImVec2 mn = min, mx = max;
    for (const auto& c : clip_) {
        mn.x = std::max(mn.x, c.first.x);
        mn.y = std::max(mn.y, c.first.y);
        mx.x = std::min(mx.x, c.second.x);
        mx.y = std::min(mx.y, c.second.y);
    }
    regions_now_.push_back({id, mn, mx, layer_});
}

ImVec2 Touch::dragDelta(const std::string& id) const {
    if (!dragging_ || drag_id_ != id) return ImVec2(0, 0);
    return ImVec2(pos_.x - prev_pos_.x, pos_.y - prev_pos_.y);
}

ImVec2 Touch::dragTotal(const std::string& id) const {
    if (drag_id_ != id || (!dragging_ && !drag_released_)) return ImVec2(0, 0);
    return ImVec2(pos_.x - press_pos_.x, pos_.y - press_pos_.y);
}

bool Touch::released(const std::string& id, ImVec2* velocity) const {
    if (!drag_released_ || drag_id_ != id) return false;
    if (velocity) *velocity = release_vel_;
    return true;
}

bool Touch::doubleTapped(const std::string& id, ImVec2* where) const {
    if (!double_tap_ || double_tap_region_ != id) return false;
    if (where) *where = pos_;
    return true;
}

const TouchTarget* Touch::hit(const std::vector<TouchTarget>& list, ImVec2 p) const {
    int top = 0;
    for (const TouchTarget& t : list) top = std::max(top, t.layer);
    for (auto it = list.rbegin(); it != list.rend(); ++it)
        if (it->layer == top && it->contains(p)) return &*it;
    return nullptr;
}

const std::string* Touch::dragHit(ImVec2 p) const {
    int top = 0;
    for (const TouchTarget& t : last_) top = std::max(top, t.layer);
    for (const Region& r : regions_last_) top = std::max(top, r.layer);
    for (auto it = regions_last_.rbegin(); it != regions_last_.rend(); ++it)
        if (it->layer == top && inRect(it->min, it->max, p)) return &it->id;
    return nullptr;
}

std::vector<const TouchTarget*> Touch::reachable() const {
    int top = 0;
    for (const TouchTarget& t : last_) top = std::max(top, t.layer);
    std::vector<const TouchTarget*> out;
    for (const TouchTarget& t : last_)
        if (t.layer == top) out.push_back(&t);
    return out;
}

bool Touch::pointFor(const std::string& id, ImVec2* out) const {
    const TouchTarget* target = nullptr;
    for (const TouchTarget* t : reachable())
        if (t->id == id) target = t;
    if (!target) return false;
    // Centre first; otherwise search a grid for a spot no later target covers (a stand inside a hall).
    const ImVec2 c((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
    if (target->contains(c) && hit(last_, c) == target) {
        *out = c;
        return true;
    }
    for (int n = 4; n <= 32; n *= 2)
        for (int j = 1; j < n; ++j)
            for (int i = 1; i < n; ++i) {
                ImVec2 p(target->min.x + (target->max.x - target->min.x) * i / n,
                         target->min.y + (target->max.y - target->min.y) * j / n);
                if (hit(last_, p) == target) {
                    *out = p;
                    return true;
                }
            }
    return false;
}

} // namespace ww
