// The full-screen photo viewer: the photo follows the finger and snaps to its neighbours; caption,
// credit and licence sit on a scrim that keeps them legible over any photo; a tap on the photo hides
// or shows the caption. The thumbnail stands in until the display copy is ready, and the neighbours
// are decoded ahead so a swipe lands on a sharp photo.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/viewer.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// Photos read best on a dark surround, so the viewer is dark in both themes (the theme's photo_*
// colours); its words are white on a scrim dark enough for them over a white photo.
ImU32 scrim(const Ctx& c, float a = 1) {
    const ImU32 s = c.th.c.photo_scrim;
    const float alpha = static_cast<float>((s >> IM_COL32_A_SHIFT) & 0xff) * a;
    return (s & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

// A flick faster than this turns the page even when the drag was short (px/s at 1080p).
constexpr float kFlickSpeed = 800;
// How much of the page a drag must cover to turn it.
constexpr float kTurnFraction = 0.15f;

// The display copy when it is ready, else the thumbnail, else nothing. `sharp` says which.
ImageView bestImage(Ctx& c, const Photo& p, bool* sharp) {
    ImageView v = c.images.get(p.image);
    *sharp = v.texture != nullptr;
    if (!v.texture) v = c.images.get(p.thumb);
    return v;
}

// Draws one photo letterboxed into [a, b], or a calm placeholder while loading (or for good, when the
// image cannot be shown).
void drawPhoto(Ctx& c, const Photo& p, ImVec2 a, ImVec2 b) {
    const Theme& th = c.th;
    bool sharp = false;
    const ImageView v = bestImage(c, p, &sharp);
    if (!v.texture || v.width <= 0 || v.height <= 0) {
        const float ph = std::min((b.y - a.y) * 0.5f, (b.x - a.x) * 0.6f);
        const ImVec2 pa((a.x + b.x) * 0.5f - ph * 0.75f, (a.y + b.y) * 0.5f - ph * 0.5f);
        const ImVec2 pb(pa.x + ph * 1.5f, pa.y + ph);
        c.dl->AddRectFilled(pa, pb, c.th.c.photo_placeholder, th.radius);
        const bool gone = c.images.broken(p.image) && (p.thumb.empty() || c.images.broken(p.thumb));
        textCentered(c, th.heading, pa, ImVec2(pb.x, pb.y - (gone ? th.body->FontSize : 0)), c.th.c.photo_text_muted, icon::Camera);
        if (gone)
            textCentered(c, th.body, ImVec2(pa.x, pb.y - th.body->FontSize * 2.5f), ImVec2(pb.x, pb.y), c.th.c.photo_text_muted,
                         c.t(S::PhotoUnavailable));
        return;
    }
    const float bw = b.x - a.x, bh = b.y - a.y;
    const float ia = static_cast<float>(v.width) / v.height;
    float w = bw, h = bw / ia;
    if (h > bh) {
        h = bh;
        w = bh * ia;
    }
    const ImVec2 p0(std::round((a.x + b.x - w) * 0.5f), std::round((a.y + b.y - h) * 0.5f));
    c.dl->AddImage(v.texture, p0, ImVec2(p0.x + w, p0.y + h));
}

} // namespace

int swipeTarget(int index, int count, float dx, float vx, float width) {
    int to = index;
    if (dx < -width * kTurnFraction || (vx < -kFlickSpeed && dx < 0)) to = index + 1;
    else if (dx > width * kTurnFraction || (vx > kFlickSpeed && dx > 0)) to = index - 1;
    return std::clamp(to, 0, std::max(0, count - 1));
}

float dragOffset(int index, int count, float dx) {
    // Past the first or last photo the page gives a little, then stops: there is nothing there.
    if ((dx > 0 && index <= 0) || (dx < 0 && index >= count - 1)) return dx * 0.3f;
    return dx;
}

std::string PhotoScreen::title(const Ctx& c) const {
    const Photo* p = c.model.photo(c.nav.route().item);
    return p ? p->caption.in(c.lang()) : c.t(S::Photos);
}

void PhotoScreen::reset() {
    slide_ = 0;
    caption_ = true;
    shown_.clear();
    expected_.clear();
}

void PhotoScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Photo* p = m.photo(c.nav.route().item);
    if (!p) return;
    if (p->id != shown_ && p->id != expected_) {
        // Arrived from the grid (or anywhere but a swipe here): a fresh start.
        slide_ = 0;
        caption_ = true;
    }
    shown_ = p->id;
    expected_.clear();
    const auto photos = m.photosOf(p->gallery);
    const int n = static_cast<int>(photos.size());
    int index = 0;
    for (int i = 0; i < n; ++i)
        if (photos[static_cast<size_t>(i)] == p) index = i;
    const bool motion = !c.settings.reduced_motion;

    const ImVec2 a = c.min, b = c.max;
    const float page = c.w() + th.u(4); // one photo width plus the gap between photos
    c.dl->AddRectFilled(a, b, c.th.c.photo_backdrop);

    // [SECTION] Input: the photo follows the finger; release snaps to a neighbour or back.
    const std::string region = "viewer.swipe";
    c.touch.dragRegion(region, a, b);
    int go_to = -1;
    ImVec2 vel;
    if (c.touch.dragging(region)) {
        slide_ = dragOffset(index, n, c.touch.dragTotal(region).x);
        c.animating = true;
    } else if (c.touch.released(region, &vel)) {
        const float dx = c.touch.dragTotal(region).x;
        const int to = swipeTarget(index, n, dx, vel.x, c.w());
        slide_ = dragOffset(index, n, dx);
        if (to != index) go_to = to;
        c.animating = true;
    }

    // [SECTION] The photos: the current one and whichever neighbour is in view.
    c.dl->PushClipRect(a, b, true);
    for (int k = -1; k <= 1; ++k) {
        const int i = index + k;
        if (i < 0 || i >= n) continue;
        const Photo& q = *photos[static_cast<size_t>(i)];
        const float x = slide_ + k * page;
        if (k != 0 && std::fabs(x) >= page - 1) {
            // Not in view: decode it ahead so the swipe lands on a sharp photo.
            c.images.prefetch(q.image);
            c.images.prefetch(q.thumb);
            continue;
        }
        drawPhoto(c, q, ImVec2(a.x + x, a.y), ImVec2(b.x + x, b.y));
    }
    if (index + 2 < n) c.images.prefetch(photos[static_cast<size_t>(index + 2)]->thumb);
    c.dl->PopClipRect();
    bool sharp = false;
    bestImage(c, *p, &sharp);

    // A tap anywhere on the photo between Close (top) and the page buttons (bottom) hides or shows the
    // caption; the band never reaches under a button. A low area (low reach, tight mounting) may leave
    // no finger-sized band between them: the caption then stays.
    const ImVec2 tap_a(a.x, a.y + th.u(4) + th.min_target), tap_b(b.x, b.y - th.u(3) - th.min_target);
    if (tap_b.y - tap_a.y >= th.min_touch && c.touch.target("viewer.caption", c.t(S::CaptionToggle), tap_a, tap_b))
        caption_ = !caption_;

    // [SECTION] Words and controls on the scrim
    const float margin = th.u(4);
    const float text_w = c.w() - margin * 2;
    const std::string caption = p->caption.in(c.lang());
    std::string credit = p->credit.empty() ? std::string() : "© " + p->credit;
    if (!p->licence.empty()) credit += (credit.empty() ? "" : "  ·  ") + p->licence;
    // Long captions are cut at three lines: the photo stays the point.
    const float cap_h = caption_ && !caption.empty()
                            ? std::min(textHeight(th.body, caption, text_w), th.body->FontSize * 3.6f) + th.u(1)
                            : 0;
    const float credit_h = credit.empty() ? 0 : textHeight(th.caption, credit, text_w) + th.u(1);
    const float ctl_h = th.min_target;
    const float panel_h = th.u(3) + cap_h + credit_h + th.u(1.5f) + ctl_h + th.u(2);
    const float py = b.y - panel_h;
    // A soft edge above a solid band: nothing of the photo shows through strongly enough to hurt the text.
    const float fade = th.u(6);
    c.dl->AddRectFilledMultiColor(ImVec2(a.x, py - fade), ImVec2(b.x, py), scrim(c, 0), scrim(c, 0), scrim(c), scrim(c));
    c.dl->AddRectFilled(ImVec2(a.x, py), b, scrim(c));
    float y = py + th.u(3);
    if (cap_h > 0) {
        c.dl->PushClipRect(ImVec2(a.x, y), ImVec2(b.x, y + cap_h), true);
        textWrapped(c, th.body, ImVec2(a.x + margin, y), c.th.c.photo_text, caption, text_w);
        c.dl->PopClipRect();
        y += cap_h;
    }
    if (!credit.empty()) textWrapped(c, th.caption, ImVec2(a.x + margin, y), c.th.c.photo_text_muted, credit, text_w);

    const float by = b.y - th.u(2) - ctl_h;
    const std::string prev_label = c.t(S::PreviousPhoto), next_label = c.t(S::NextPhoto);
    const float bw = std::max(buttonWidth(c, icon::ChevronLeft, prev_label), buttonWidth(c, icon::ChevronRight, next_label));
    const std::string pos = std::to_string(index + 1) + " / " + std::to_string(n);
    const float pos_w = textWidth(th.strong, pos);
    if (c.w() - margin * 2 - bw * 2 >= pos_w + th.u(4)) {
        textCentered(c, th.strong, ImVec2(a.x + margin + bw, by), ImVec2(b.x - margin - bw, by + ctl_h), c.th.c.photo_text, pos);
    } else {
        // Narrow (portrait at large text): the count goes top left, opposite Close, on its own scrim.
        const ImVec2 pa(a.x + margin, a.y + th.u(3)), pb(pa.x + pos_w + th.u(4), pa.y + ctl_h);
        c.dl->AddRectFilled(pa, pb, scrim(c), th.radius);
        textCentered(c, th.strong, pa, pb, c.th.c.photo_text, pos);
    }
    if (index > 0 && button(c, "viewer.prev", icon::ChevronLeft, prev_label, ImVec2(a.x + margin, by),
                            ImVec2(a.x + margin + bw, by + ctl_h)))
        go_to = index - 1;
    if (index + 1 < n && button(c, "viewer.next", icon::ChevronRight, next_label, ImVec2(b.x - margin - bw, by),
                                ImVec2(b.x - margin, by + ctl_h), Style::Primary))
        go_to = index + 1;

    // Close, top right, on its own scrim.
    const std::string close = c.t(S::CloseViewer);
    const float cw = buttonWidth(c, icon::Close, close);
    const ImVec2 ca(b.x - margin - cw, a.y + th.u(3)), cb(b.x - margin, a.y + th.u(3) + ctl_h);
    if (button(c, "viewer.close", icon::Close, close, ca, cb)) {
        if (c.nav.canGoBack()) c.nav.back();
        else c.nav.go(ScreenId::Gallery, p->gallery);
    }

    // [SECTION] Turning the page and the snap
    if (go_to >= 0 && go_to < n && go_to != index) {
        // The new photo is drawn next frame where it is now (one page over) and slides home from there.
        slide_ = motion ? slide_ + (go_to > index ? page : -page) : 0;
        expected_ = photos[static_cast<size_t>(go_to)]->id;
        c.nav.replace(expected_);
        c.animating = true;
    } else if (!c.touch.dragging(region) && slide_ != 0) {
        if (!motion) slide_ = 0;
        else slide_ *= std::exp(-12.0f * c.dt);
        if (std::fabs(slide_) < 0.5f) slide_ = 0;
        else c.animating = true;
    }

    if (c.report) {
        nlohmann::json& j = *c.report;
        j["gallery"] = p->gallery;
        j["photo"] = p->id;
        j["index"] = index + 1; // as shown: "7 / 24"
        j["of"] = n;
        j["caption_visible"] = caption_;
        j["sharp"] = sharp;
        j["sliding"] = slide_ != 0;
    }
}

} // namespace ww
