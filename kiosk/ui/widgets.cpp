// Shared touch widgets (see widgets.h).
#include "ui/widgets.h"
#include "ui/icons.h"
#include "ui/text_fit.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ww {

namespace {

struct Viewport {
    float y0, y1;
};
std::vector<Viewport> g_viewports; // scroll areas being drawn, innermost last

ImU32 withAlpha(ImU32 col, float a) {
    const unsigned alpha = static_cast<unsigned>(((col >> IM_COL32_A_SHIFT) & 0xff) * a);
    return (col & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

} // namespace

std::string utf8(unsigned cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

float textWidth(ImFont* font, const std::string& s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str(), s.c_str() + s.size()).x;
}

float textHeight(ImFont* font, const std::string& s, float width) {
    if (s.empty()) return 0;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, s.c_str(), s.c_str() + s.size()).y;
}

float text(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s) {
    c.dl->AddText(font, font->FontSize, pos, col, s.c_str(), s.c_str() + s.size());
    noteTextRect(c, pos, ImVec2(pos.x + textWidth(font, s), pos.y + font->FontSize), s);
    return font->FontSize;
}

float textWrapped(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s, float width) {
    if (s.empty()) return 0;
    c.dl->AddText(font, font->FontSize, pos, col, s.c_str(), s.c_str() + s.size(), width);
    // A word wider than the box is broken inside the word: as bad as a cut for the reader. ImGui may
    // also break after punctuation ("www.example." / "org"), which reads fine.
    for (size_t i = 0; i < s.size();) {
        size_t e = s.find_first_of(" \n.,;!?", i);
        e = e == std::string::npos ? s.size() : s[e] == ' ' || s[e] == '\n' ? e : e + 1;
        if (e > i) {
            const std::string word = s.substr(i, e - i);
            const float ww = textWidth(font, word);
            if (ww > width + 0.5f) noteTextCut(word, ww, width);
        }
        i = e < s.size() && (s[e] == ' ' || s[e] == '\n') ? e + 1 : e;
    }
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, s.c_str(), s.c_str() + s.size());
    noteTextRect(c, pos, ImVec2(pos.x + std::min(size.x, width), pos.y + size.y), s);
    return size.y;
}

std::string ellipsize(ImFont* font, const std::string& s, float width) {
    const float need = textWidth(font, s);
    if (need <= width) return s;
    noteTextCut(s, need, width);
    static const std::string dots = "…";
    const float dots_w = textWidth(font, dots);
    // Cut at UTF-8 character boundaries until it fits.
    size_t end = s.size();
    while (end > 0) {
        do {
            --end;
        } while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80);
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str(), s.c_str() + end).x;
        if (w + dots_w <= width) break;
    }
    std::string out = s.substr(0, end);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + dots;
}

void textEllipsis(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s, float width) {
    text(c, font, pos, col, ellipsize(font, s, width));
}

void textCentered(Ctx& c, ImFont* font, ImVec2 min, ImVec2 max, ImU32 col, const std::string& s) {
    const std::string fitted = ellipsize(font, s, max.x - min.x);
    const float w = textWidth(font, fitted);
    text(c, font, ImVec2(std::floor((min.x + max.x - w) * 0.5f), std::floor((min.y + max.y - font->FontSize) * 0.5f)),
         col, fitted);
}

void panel(Ctx& c, ImVec2 min, ImVec2 max, ImU32 fill, bool shadow) {
    const float r = c.th.radius;
    if (shadow && !c.th.contrast) {
        // Only the shadow's lower band can show below the panel: the rest would be filled and covered
        // again, which a software GL pays for pixel by pixel.
        const float drop = c.th.unit * 0.5f;
        const float top = std::max(min.y + drop, max.y - 2 * r);
        c.dl->AddRectFilled(ImVec2(min.x, top), ImVec2(max.x, max.y + drop), c.th.c.shadow, r);
    }
    c.dl->AddRectFilled(min, max, fill, r);
    if (c.th.contrast) c.dl->AddRect(min, max, c.th.c.border, r, 0, std::max(2.0f, c.th.scale * 2));
}

float buttonWidth(Ctx& c, const char* icon, const std::string& label, ImFont* font) {
    if (!font) font = c.th.strong;
    const float pad = c.th.u(3);
    float w = pad * 2 + textWidth(font, label);
    if (icon) w += textWidth(font, icon) + c.th.u(1.5f);
    return std::max(w, c.th.min_target);
}

bool button(Ctx& c, const std::string& id, const char* icon, const std::string& label, ImVec2 min, ImVec2 max,
            Style style, ImFont* font) {
    if (!font) font = c.th.strong;
    const Palette& p = c.th.c;
    const bool tapped = c.touch.target(id, label, min, max);
    const bool held = c.touch.held(id);
    ImU32 fill = p.surface, fg = p.accent, border = p.outline;
    switch (style) {
    case Style::Primary:
        fill = p.accent;
        fg = p.accent_text;
        border = p.accent;
        break;
    case Style::Secondary:
        fill = p.surface;
        fg = c.th.contrast ? p.text : p.accent;
        break;
    case Style::Quiet:
        fill = withAlpha(p.surface, 0);
        fg = p.text;
        border = withAlpha(p.border, 0);
        break;
    case Style::Selected:
        fill = p.accent_soft;
        fg = c.th.contrast ? p.text : p.accent;
        border = p.accent;
        break;
    case Style::Bar:
        fill = withAlpha(p.accent_text, 0);
        fg = p.accent_text;
        border = p.bar_outline;
        break;
    case Style::BarSelected:
        fill = p.accent_text;
        fg = p.accent;
        border = p.accent_text;
        break;
    }
    const float r = std::min(c.th.radius, (max.y - min.y) * 0.5f);
    c.dl->AddRectFilled(min, max, fill, r);
    const float bw = style == Style::Selected || c.th.contrast ? std::max(2.0f, c.th.scale * 3) : std::max(1.0f, c.th.scale * 1.5f);
    if (style != Style::Quiet || c.th.contrast) c.dl->AddRect(min, max, border, r, 0, bw);
    if (style == Style::Selected || style == Style::BarSelected) {
        // The chosen one of a group also carries a mark along its foot, so the choice never rests on
        // colour alone (WCAG 1.4.1).
        const float mh = std::max(3.0f, c.th.u(0.5f)), inset = std::max(r, c.th.u(2));
        c.dl->AddRectFilled(ImVec2(min.x + inset, max.y - c.th.u(1) - mh), ImVec2(max.x - inset, max.y - c.th.u(1)),
                            p.accent, mh * 0.5f);
    }
    if (held) c.dl->AddRectFilled(min, max, style == Style::Bar ? withAlpha(p.accent_text, 0.25f) : p.pressed, r);

    const float pad = c.th.u(2);
    const float avail = max.x - min.x - pad * 2;
    const float icon_w = icon ? textWidth(font, icon) + c.th.u(1.5f) : 0;
    const std::string shown = ellipsize(font, label, std::max(0.0f, avail - icon_w));
    const float total = icon_w + textWidth(font, shown);
    float x = std::floor((min.x + max.x - total) * 0.5f);
    const float y = std::floor((min.y + max.y - font->FontSize) * 0.5f);
    if (icon) {
        text(c, font, ImVec2(x, y), fg, icon);
        x += icon_w;
    }
    text(c, font, ImVec2(x, y), fg, shown);
    return tapped;
}

bool card(Ctx& c, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, bool selected) {
    const bool tapped = c.touch.target(id, label, min, max);
    panel(c, min, max, selected ? c.th.c.accent_soft : c.th.c.surface, !selected);
    if (selected)
        c.dl->AddRect(min, max, c.th.c.accent, c.th.radius, 0, std::max(2.0f, c.th.scale * 3));
    if (c.touch.held(id)) c.dl->AddRectFilled(min, max, c.th.c.pressed, c.th.radius);
    return tapped;
}

// One axis of a dragged area: follows the finger (against resistance past the ends), keeps its
// momentum after a throw and springs back from overscroll, as lists do (scrollBegin).
void scrollAxis(Ctx& c, ScrollState& st, bool dragging, bool released, float delta, float velocity, float view) {
    const float dt = std::min(c.dt, 0.1f);
    const bool over = st.offset < 0 || st.offset > st.max;
    // Reduced motion: no throw and no spring; the content stays where the finger leaves it (back
    // inside its ends at once).
    const bool still = c.settings.reduced_motion;
    if (still && !dragging) {
        st.velocity = 0;
        st.offset = std::clamp(st.offset, 0.0f, st.max);
        return;
    }
    if (dragging) {
        st.offset -= over ? delta * 0.4f : delta;
        st.offset = std::clamp(st.offset, -view * 0.25f, st.max + view * 0.25f);
        st.velocity = 0;
        c.animating = true;
    } else if (released) {
        st.velocity = std::clamp(-velocity, -8000.0f, 8000.0f);
        c.animating = true;
    } else if (over) {
        const float target = st.offset < 0 ? 0 : st.max;
        st.offset += (target - st.offset) * (1.0f - std::exp(-14.0f * dt));
        st.velocity = 0;
        if (std::fabs(target - st.offset) < 0.5f) st.offset = target;
        else c.animating = true;
    } else if (st.velocity != 0) {
        st.offset += st.velocity * dt;
        st.velocity *= std::exp(-3.0f * dt);
        if (std::fabs(st.velocity) < 20.0f) st.velocity = 0;
        if (st.offset < 0 || st.offset > st.max) st.velocity *= 0.3f;
        c.animating = true;
    }
}

float scrollBegin(Ctx& c, const std::string& id, ImVec2 min, ImVec2 max, ScrollState& st) {
    c.touch.dragRegion(id, min, max);
    if (c.touch.pressedIn(id)) st.velocity = 0; // touching a moving list stops it, as on a phone
    ImVec2 vel;
    const bool dragging = c.touch.dragging(id);
    const bool released = !dragging && c.touch.released(id, &vel);
    scrollAxis(c, st, dragging, released, dragging ? c.touch.dragDelta(id).y : 0.0f, vel.y, max.y - min.y);
    c.dl->PushClipRect(min, max, true);
    c.touch.pushClip(min, max);
    g_viewports.push_back({min.y, max.y});
    return std::floor(min.y - st.offset);
}

void scrollEnd(Ctx& c, const std::string&, ImVec2 min, ImVec2 max, ScrollState& st, float content_h) {
    if (!g_viewports.empty()) g_viewports.pop_back();
    c.touch.popClip();
    c.dl->PopClipRect();
    const float view_h = max.y - min.y;
    st.max = std::max(0.0f, content_h - view_h);
    if (st.offset > st.max && st.velocity == 0) c.animating = true; // spring back next frame
    if (st.max > 0) {
        // A thin position indicator: tells the visitor there is more below.
        const float track = view_h - c.th.u(2);
        const float len = std::max(c.th.u(6), track * view_h / content_h);
        const float pos = std::clamp(st.offset / st.max, 0.0f, 1.0f) * (track - len);
        const float x = max.x - c.th.u(0.75f);
        c.dl->AddRectFilled(ImVec2(x - c.th.u(0.5f), min.y + c.th.u(1) + pos),
                            ImVec2(x, min.y + c.th.u(1) + pos + len), c.th.c.border, c.th.u(0.25f));
    }
}

bool visibleY(Ctx&, float y0, float y1) {
    if (g_viewports.empty()) return true;
    const Viewport& v = g_viewports.back();
    return y1 >= v.y0 && y0 <= v.y1;
}

bool titleAboveReach(const Ctx& c) { return c.reach_y > 0 && c.h() < c.th.u(60); }

float screenTitle(Ctx& c, const char* icon, const std::string& title, const std::string& subtitle) {
    const float x = c.min.x + c.th.u(4);
    float y = c.min.y + c.th.u(3);
    ImFont* f = c.th.heading;
    float ix = x;
    const bool above = titleAboveReach(c);
    if (above) {
        // Bottom-aligned to the reach line (measured first: large text wraps).
        const float iw = icon ? textWidth(f, icon) + c.th.u(2) : 0, w = c.max.x - x - iw - c.th.u(4);
        float h = textHeight(f, title, w);
        if (!subtitle.empty()) h += c.th.u(1) + textHeight(c.th.body, subtitle, w);
        y = c.min.y - c.th.u(3) - h;
    }
    if (icon) {
        text(c, f, ImVec2(x, y), c.th.c.accent, icon);
        ix += textWidth(f, icon) + c.th.u(2);
    }
    if (above) {
        y += textWrapped(c, f, ImVec2(ix, y), c.th.c.text, title, c.max.x - ix - c.th.u(4)) + c.th.u(1);
        if (!subtitle.empty()) textWrapped(c, c.th.body, ImVec2(ix, y), c.th.c.text_muted, subtitle, c.max.x - ix - c.th.u(4));
        return c.th.u(1);
    }
    // Large text wraps a long title or subtitle rather than cutting it.
    y += textWrapped(c, f, ImVec2(ix, y), c.th.c.text, title, c.max.x - ix - c.th.u(4)) + c.th.u(1);
    if (!subtitle.empty())
        y += textWrapped(c, c.th.body, ImVec2(ix, y), c.th.c.text_muted, subtitle, c.max.x - ix - c.th.u(4)) + c.th.u(1);
    return y + c.th.u(1) - c.min.y;
}

void image(Ctx& c, const std::string& key, ImVec2 min, ImVec2 max, bool cover, float rounding) {
    const ImageView img = key.empty() ? ImageView{} : c.images.get(key);
    if (!img.texture || img.width <= 0 || img.height <= 0) {
        c.dl->AddRectFilled(min, max, c.th.c.surface_alt, rounding);
        const float s = std::min(max.x - min.x, max.y - min.y);
        if (s > c.th.caption->FontSize * 2)
            textCentered(c, c.th.caption, min, max, c.th.c.text_muted, icon::Camera);
        return;
    }
    const float bw = max.x - min.x, bh = max.y - min.y;
    const float ia = static_cast<float>(img.width) / img.height, ba = bw / bh;
    ImVec2 uv0(0, 0), uv1(1, 1), p0 = min, p1 = max;
    if (cover) {
        if (ia > ba) {
            const float f = ba / ia;
            uv0.x = (1 - f) * 0.5f;
            uv1.x = 1 - uv0.x;
        } else {
            const float f = ia / ba;
            uv0.y = (1 - f) * 0.5f;
            uv1.y = 1 - uv0.y;
        }
    } else {
        if (ia > ba) {
            const float h = bw / ia;
            p0.y = min.y + (bh - h) * 0.5f;
            p1.y = p0.y + h;
        } else {
            const float w = bh * ia;
            p0.x = min.x + (bw - w) * 0.5f;
            p1.x = p0.x + w;
        }
    }
    c.dl->AddImageRounded(img.texture, p0, p1, uv0, uv1, IM_COL32_WHITE, rounding);
}

} // namespace ww
