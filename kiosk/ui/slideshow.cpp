// The attract slideshow: the start screen's photo tile shows the event's photos one after another,
// right of the tile's words, with a calm crossfade (a cut with reduced motion). Between fades it asks
// for no frames but the one that starts the next fade, so an untouched kiosk stays idle. A control on
// the photo pauses and resumes it (WCAG 2.2.2); paused, it asks for no frames at all.
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// An untouched kiosk spends its processor time on these fades, so they are rationed: a photo stays
// fifteen seconds, then fades into the next in fifteen steps over 1.2 s, a fifth of the display's
// frames, which the eye still takes for a calm dissolve. Together with drawing only the tile's
// rectangle (App::present) this keeps an untouched kiosk under 1 % of a core in software GL.
constexpr int kHoldS = 15;
constexpr float kFadeS = 1.2f;
constexpr double kFadeStepS = 0.08;

struct Slides {
    std::string current;           // photo ids: ids survive a content reload, pointers do not
    std::string next;
    float fade = -1;               // progress of `next` fading in, 0..1; < 0 while holding
    int64_t due_utc = 0;           // when the next fade starts
};

Slides& slides() {
    static Slides s; // one start screen per process
    return s;
}

// The photo after `id` across all galleries, wrapping around.
const Photo* after(const Model& m, const std::string& id) {
    if (m.photos.empty()) return nullptr;
    for (size_t i = 0; i < m.photos.size(); ++i)
        if (m.photos[i].id == id) return &m.photos[(i + 1) % m.photos.size()];
    return &m.photos.front();
}

// The tile is a few hundred pixels: the thumbnail (long edge 480) covers it sharply, and costs a
// tenth of the display copy to decode and upload, which an untouched kiosk does every few seconds.
bool thumbEnough(const Photo& p, ImVec2 size) {
    const int edge = std::max(p.width, p.height);
    if (edge <= 0) return true;
    const float f = std::min(1.0f, 480.0f / static_cast<float>(edge));
    const float cover = std::max(size.x / (p.width * f), size.y / (p.height * f));
    return cover <= 1.25f;
}

const std::string& key(const Photo& p, ImVec2 size) { return thumbEnough(p, size) ? p.thumb : p.image; }

// The photo as sharp as the tile needs it, or the thumbnail until that is ready.
ImageView best(Ctx& c, const Photo& p, ImVec2 size) {
    if (thumbEnough(p, size)) return c.images.get(p.thumb);
    const ImageView v = c.images.get(p.image);
    return v.texture ? v : c.images.get(p.thumb);
}

// The pause control: where it sits on the photo and the words it shows. Its registered label is always
// the whole "Pause slideshow"; what shows is that, or its short word where the photo is narrow.
struct PauseControl {
    const char* icon = nullptr;
    std::string label, word;
    ImFont* font = nullptr;
    ImVec2 min, max;
};

// Finger-sized in the photo's lower right corner; false when even the short word does not fit.
bool placePause(Ctx& c, bool paused, ImVec2 a, ImVec2 b, PauseControl* out) {
    const Theme& th = c.th;
    const float inset = th.u(1.5f);
    out->icon = paused ? icon::Play : icon::Pause;
    out->label = c.t(paused ? S::SlideshowPlay : S::SlideshowPause);
    const std::string brief = c.t(paused ? S::SlideshowPlayShort : S::SlideshowPauseShort);
    const std::pair<const std::string*, ImFont*> tries[] = {
        {&out->label, th.strong}, {&brief, th.strong}, {&brief, th.caption}};
    for (const auto& [word, font] : tries) {
        const float h = std::max(th.min_target, font->FontSize + th.u(3));
        const float w =
            std::max(h, th.u(4) + textWidth(font, out->icon) + th.u(1.5f) + textWidth(font, *word));
        if (w + inset * 2 > b.x - a.x || h + inset * 2 > b.y - a.y) continue;
        out->word = *word;
        out->font = font;
        out->max = ImVec2(b.x - inset, b.y - inset);
        out->min = ImVec2(out->max.x - w, out->max.y - h);
        return true;
    }
    return false;
}

// Drawn like a secondary button (surface, outline, accent words), opaque on the photo. True when tapped.
bool drawPause(Ctx& c, const PauseControl& p) {
    const Theme& th = c.th;
    const bool tapped = c.touch.target("home.slideshow.pause", p.label, p.min, p.max);
    const float r = std::min(th.radius, (p.max.y - p.min.y) * 0.5f);
    c.dl->AddRectFilled(p.min, p.max, th.c.surface, r);
    const float bw = th.contrast ? std::max(2.0f, th.scale * 3) : std::max(1.0f, th.scale * 1.5f);
    c.dl->AddRect(p.min, p.max, th.c.outline, r, 0, bw);
    if (c.touch.held("home.slideshow.pause")) c.dl->AddRectFilled(p.min, p.max, th.c.pressed, r);
    const ImU32 fg = th.contrast ? th.c.text : th.c.accent;
    const float iw = textWidth(p.font, p.icon) + th.u(1.5f);
    float x = std::floor((p.min.x + p.max.x - iw - textWidth(p.font, p.word)) * 0.5f);
    const float y = std::floor((p.min.y + p.max.y - p.font->FontSize) * 0.5f);
    text(c, p.font, ImVec2(x, y), fg, p.icon);
    x += iw;
    text(c, p.font, ImVec2(x, y), fg, p.word);
    return tapped;
}

// Draws `v` to cover [a, b] (cropped, centred), right corners rounded like the tile.
void cover(Ctx& c, const ImageView& v, ImVec2 a, ImVec2 b, int alpha) {
    if (!v.texture || v.width <= 0 || v.height <= 0 || alpha <= 0) return;
    const float ia = static_cast<float>(v.width) / v.height, ba = (b.x - a.x) / (b.y - a.y);
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (ia > ba) {
        uv0.x = (1 - ba / ia) * 0.5f;
        uv1.x = 1 - uv0.x;
    } else {
        uv0.y = (1 - ia / ba) * 0.5f;
        uv1.y = 1 - uv0.y;
    }
    c.dl->AddImageRounded(v.texture, a, b, uv0, uv1, IM_COL32(255, 255, 255, alpha), c.th.radius,
                          ImDrawFlags_RoundCornersRight);
}

} // namespace

void drawTileSlideshow(Ctx& c, ImVec2 ta, ImVec2 tb) {
    const Model& m = c.model;
    const Theme& th = c.th;
    if (m.photos.empty()) return;
    // The words of the tile keep their place on the left, in either of its layouts.
    const float pad = th.u(3);
    const float iw = textWidth(th.heading, icon::Photos) + th.u(1.5f);
    const float words = std::max({textWidth(th.display, icon::Photos), textWidth(th.heading, c.t(S::Photos)) + iw,
                                  textWidth(th.caption, c.t(S::PhotosHint)) + iw});
    const float h = tb.y - ta.y;
    const float w = std::min(tb.x - ta.x - pad * 2 - words, h * 1.8f);
    if (w < th.u(16) || h < th.u(10)) return;
    const ImVec2 a(tb.x - w, ta.y), b = tb;
    const ImVec2 size(w, h);

    Slides& s = slides();
    const Photo* cur = m.photo(s.current);
    if (!cur) {
        cur = &m.photos.front();
        s = Slides{cur->id, {}, -1, c.now_utc + kHoldS};
    }
    // A clock set back by staff must not freeze the show.
    if (s.due_utc > c.now_utc + kHoldS) s.due_utc = c.now_utc + kHoldS;
    const bool paused = c.settings.slideshow_paused;
    if (paused) {
        // Paused during a fade: the photo coming in stays. The hold starts afresh on resuming.
        if (s.fade >= 0)
            if (const Photo* nx = m.photo(s.next)) cur = nx;
        s = Slides{cur->id, {}, -1, c.now_utc + kHoldS};
    }
    const Photo* next = after(m, cur->id);
    if (next == cur) next = nullptr;
    // A slideshow that cannot show its pause control does not move (a narrow tile at large text).
    PauseControl control;
    if (next && !placePause(c, paused, a, b, &control)) next = nullptr;

    c.damage = ImVec4(a.x, a.y, b.x, b.y);
    const ImageView shown = best(c, *cur, size);
    // Under a photo it would be pixels filled for nothing, at every step of a fade.
    if (!shown.texture) c.dl->AddRectFilled(a, b, th.c.surface_alt, th.radius, ImDrawFlags_RoundCornersRight);
    cover(c, shown, a, b, 255);
    if (!next) return;
    if (paused) {
        if (drawPause(c, control)) c.settings.slideshow_paused = false;
        if (c.report) {
            (*c.report)["slideshow"] = s.current;
            (*c.report)["slideshow_paused"] = c.settings.slideshow_paused;
        }
        return;
    }

    if (s.fade < 0) {
        // Holding: have the next photo ready before its turn, then start the fade.
        c.images.prefetch(key(*next, size));
        if (c.now_utc >= s.due_utc) {
            const ImageView nv = c.images.get(key(*next, size));
            // Move on once the next photo can be shown, or when there are no pixels at all (headless).
            const bool nothing_shown = !best(c, *cur, size).texture;
            if (nv.texture || c.images.broken(key(*next, size)) || nothing_shown) {
                if (c.settings.reduced_motion || nothing_shown) {
                    s = Slides{next->id, {}, -1, c.now_utc + kHoldS};
                    cover(c, best(c, *next, size), a, b, 255);
                } else {
                    s.next = next->id;
                    s.fade = 0;
                }
            } else {
                c.redraw_in = c.redraw_in < 0 ? 0.5 : std::min(c.redraw_in, 0.5); // still decoding
            }
        }
    }
    if (s.fade >= 0) {
        const Photo* nx = m.photo(s.next);
        s.fade = std::min(1.0f, s.fade + c.dt / kFadeS);
        // Ease in and out: calm at both ends.
        const float e = s.fade * s.fade * (3 - 2 * s.fade);
        if (nx) cover(c, best(c, *nx, size), a, b, static_cast<int>(std::lround(255 * e)));
        if (s.fade >= 1 || !nx || c.settings.reduced_motion) s = Slides{nx ? nx->id : cur->id, {}, -1, c.now_utc + kHoldS};
        else c.redraw_in = c.redraw_in < 0 ? kFadeStepS : std::min(c.redraw_in, kFadeStepS);
    }
    if (s.fade < 0) {
        const double in = std::max<double>(0.05, static_cast<double>(s.due_utc - c.now_utc));
        c.redraw_in = c.redraw_in < 0 ? in : std::min(c.redraw_in, in);
    }
    // On top of the photos, so a fade never covers it.
    if (drawPause(c, control)) c.settings.slideshow_paused = true;
    if (c.report) {
        (*c.report)["slideshow"] = s.fade >= 0 ? s.next : s.current;
        (*c.report)["slideshow_paused"] = c.settings.slideshow_paused;
    }
}

} // namespace ww
