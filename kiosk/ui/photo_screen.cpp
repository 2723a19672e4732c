// One photo as large as the screen allows, caption and credit below; swipe or the buttons for the
// neighbours in its gallery.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

std::string PhotoScreen::title(const Ctx& c) const {
    const Photo* p = c.model.photo(c.nav.route().item);
    return p ? p->caption.in(c.lang()) : c.t(S::Photos);
}

void PhotoScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Photo* p = m.photo(c.nav.route().item);
    if (!p) return;
    const auto photos = m.photosOf(p->gallery);
    int index = 0;
    for (size_t i = 0; i < photos.size(); ++i)
        if (photos[i] == p) index = static_cast<int>(i);
    const int n = static_cast<int>(photos.size());
    if (c.report) {
        (*c.report)["photo"] = p->id;
        (*c.report)["index"] = index + 1;
        (*c.report)["of"] = n;
    }

    const float margin = th.u(4);
    const std::string caption = p->caption.in(c.lang());
    const std::string credit = p->credit.empty() ? std::string() : "© " + p->credit;
    const float text_w = c.w() - margin * 2;
    const float cap_h = textHeight(th.body, caption, text_w) + (credit.empty() ? 0 : th.caption->FontSize + th.u(1));
    const float controls_h = th.min_target;
    const ImVec2 img_a(c.min.x + margin, c.min.y + margin);
    const ImVec2 img_b(c.max.x - margin, c.max.y - margin - cap_h - th.u(3) - controls_h - th.u(3));

    // Swipe: the photo follows the finger, a long enough swipe turns the page, anything else springs back.
    const std::string region = "photo.swipe";
    c.touch.dragRegion(region, img_a, img_b);
    int go_to = -1;
    ImVec2 vel;
    if (c.touch.dragging(region)) {
        slide_ = c.touch.dragTotal(region).x;
        c.animating = true;
    } else if (c.touch.released(region, &vel)) {
        const float dx = c.touch.dragTotal(region).x;
        const float w = img_b.x - img_a.x;
        if ((dx < -w * 0.15f || vel.x < -800) && index + 1 < n) go_to = index + 1;
        else if ((dx > w * 0.15f || vel.x > 800) && index > 0) go_to = index - 1;
        slide_ = go_to >= 0 ? 0 : dx;
        c.animating = true;
    } else if (slide_ != 0) {
        slide_ *= std::exp(-14.0f * c.dt);
        if (std::fabs(slide_) < 1) slide_ = 0;
        else c.animating = true;
    }

    c.dl->PushClipRect(img_a, img_b, true);
    image(c, p->image, ImVec2(img_a.x + slide_, img_a.y), ImVec2(img_b.x + slide_, img_b.y), false, 0);
    c.dl->PopClipRect();

    float y = img_b.y + th.u(3);
    y += textWrapped(c, th.body, ImVec2(c.min.x + margin, y), th.c.text, caption, text_w);
    if (!credit.empty()) text(c, th.caption, ImVec2(c.min.x + margin, y + th.u(1)), th.c.text_muted, credit);

    const float by = c.max.y - margin - controls_h;
    const std::string pos = fmt(S::PhotoOf, c.lang(), index + 1, n);
    textCentered(c, th.body, ImVec2(c.min.x, by), ImVec2(c.max.x, by + controls_h), th.c.text_muted, pos);
    const float bw = std::max(buttonWidth(c, icon::ChevronLeft, c.t(S::PreviousPhoto)),
                              buttonWidth(c, icon::ChevronRight, c.t(S::NextPhoto)));
    if (index > 0 && button(c, "photo.prev", icon::ChevronLeft, c.t(S::PreviousPhoto), ImVec2(c.min.x + margin, by),
                            ImVec2(c.min.x + margin + bw, by + controls_h)))
        go_to = index - 1;
    if (index + 1 < n && button(c, "photo.next", icon::ChevronRight, c.t(S::NextPhoto), ImVec2(c.max.x - margin - bw, by),
                                ImVec2(c.max.x - margin, by + controls_h), Style::Primary))
        go_to = index + 1;
    if (go_to >= 0 && go_to < n) c.nav.replace(photos[static_cast<size_t>(go_to)]->id);
}

} // namespace ww
