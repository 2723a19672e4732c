// The photo galleries: one card per gallery with its cover, title and count.
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/program_parts.h"
#include "ui/screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ww {

std::string PhotosScreen::title(const Ctx& c) const { return c.t(S::Photos); }

void PhotosScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const float head = screenTitle(c, icon::Photos, c.t(S::Photos), c.t(S::Galleries));
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x, c.max.y);
    const float margin = th.u(4), gap = th.u(3);
    const int cols = c.portrait ? 2 : 3;
    const float cw = (b.x - a.x - margin * 2 - gap * (cols - 1)) / cols;
    const float img_h = cw * 0.62f;
    // Every card as tall as the longest title needs: large text wraps titles rather than cutting them.
    float title_h = th.strong->FontSize;
    for (const Gallery& g : m.galleries) title_h = std::max(title_h, textLinesHeight(th.strong, g.title.in(c.lang()), cw - th.u(5)));
    const float ch = img_h + th.u(2) + title_h + th.u(0.5f) + th.caption->FontSize + th.u(2.5f);
    ScrollState& st = c.nav.route().scroll;
    float y = scrollBegin(c, "photos.list", a, b, st) + th.u(1);
    const float top = y;
    if (m.galleries.empty()) textWrapped(c, th.body, ImVec2(a.x + margin, y), th.c.text_muted, c.t(S::NoPhotos), cw);
    int col = 0;
    std::vector<std::string> ids;
    for (const Gallery& g : m.galleries) {
        ids.push_back(g.id);
        const float x = a.x + margin + col * (cw + gap);
        if (visibleY(c, y, y + ch)) {
            const auto photos = m.photosOf(g.id);
            const std::string title = g.title.in(c.lang());
            if (card(c, "gallery." + g.id, title, ImVec2(x, y), ImVec2(x + cw, y + ch))) c.nav.go(ScreenId::Gallery, g.id);
            const Photo* cover = m.photo(g.cover);
            if (!cover && !photos.empty()) cover = photos.front();
            image(c, cover ? cover->thumb : std::string(), ImVec2(x, y), ImVec2(x + cw, y + img_h), true, th.radius);
            // Square the image's lower corners onto the card.
            float ty = y + img_h + th.u(2);
            textLines(c, th.strong, ImVec2(x + th.u(2.5f), ty), th.c.text, title, cw - th.u(5), false);
            ty += title_h + th.u(0.5f);
            text(c, th.caption, ImVec2(x + th.u(2.5f), ty), th.c.text_muted,
                 std::string(icon::Camera) + "  " + fmt(S::PhotoCount, c.lang(), static_cast<int>(photos.size())));
        }
        if (++col == cols) {
            col = 0;
            y += ch + gap;
        }
    }
    if (col) y += ch + gap;
    scrollEnd(c, "photos.list", a, b, st, y - top + th.u(4));
    if (c.report) (*c.report)["galleries"] = ids;
}

std::string GalleryScreen::title(const Ctx& c) const {
    const Gallery* g = c.model.gallery(c.nav.route().item);
    return g ? g->title.in(c.lang()) : c.t(S::Photos);
}

void GalleryScreen::draw(Ctx& c) {
    const Model& m = c.model;
    const Theme& th = c.th;
    const Gallery* g = m.gallery(c.nav.route().item);
    if (!g) return;
    const auto photos = m.photosOf(g->id);
    const float head = screenTitle(c, icon::Photos, g->title.in(c.lang()),
                                   fmt(S::PhotoCount, c.lang(), static_cast<int>(photos.size())));
    const ImVec2 a(c.min.x, c.min.y + head), b(c.max.x, c.max.y);
    const float margin = th.u(4), gap = th.u(1.5f);
    const int cols = std::max(2, static_cast<int>((b.x - a.x) / th.u(40)));
    const float cw = (b.x - a.x - margin * 2 - gap * (cols - 1)) / cols;
    ScrollState& st = c.nav.route().scroll;
    float y = scrollBegin(c, "gallery.grid", a, b, st) + th.u(1);
    const float top = y;
    int col = 0;
    std::vector<std::string> ids;
    for (const Photo* p : photos) {
        ids.push_back(p->id);
        const float x = a.x + margin + col * (cw + gap);
        if (visibleY(c, y, y + cw)) {
            const std::string label = p->caption.in(c.lang()).empty() ? p->id : p->caption.in(c.lang());
            const bool tapped = c.touch.target("photo." + p->id, label, ImVec2(x, y), ImVec2(x + cw, y + cw));
            image(c, p->thumb, ImVec2(x, y), ImVec2(x + cw, y + cw), true, th.u(1));
            if (c.touch.held("photo." + p->id)) c.dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cw, y + cw), th.c.pressed, th.u(1));
            if (tapped) c.nav.go(ScreenId::Photo, p->id);
        }
        if (++col == cols) {
            col = 0;
            y += cw + gap;
        }
    }
    if (col) y += cw + gap;
    scrollEnd(c, "gallery.grid", a, b, st, y - top + th.u(4));
    if (c.report) {
        (*c.report)["gallery"] = g->id;
        (*c.report)["photos"] = ids;
    }
}

} // namespace ww
