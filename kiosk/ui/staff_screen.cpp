// The staff menu behind the hidden gesture: PIN pad (with lockout), kiosk facts, reload, touch test,
// exit. Staff texts follow the language chosen on the bar; nothing here is reachable without the PIN.
#include "ui/icons.h"
#include "ui/staff_screen.h"
#include "ui/widgets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// A file path has no spaces, so word wrap cannot break it: break it before a '/' (or, for one name
// longer than the line, inside it) so the whole path stays readable on narrow screens.
std::string breakPath(ImFont* font, const std::string& s, float width) {
    if (textWidth(font, s) <= width) return s;
    std::string out, line;
    auto fits = [&](const std::string& t) { return textWidth(font, t) <= width; };
    for (size_t i = 0; i < s.size();) {
        size_t e = s.find('/', i + 1);
        if (e == std::string::npos) e = s.size();
        const std::string part = s.substr(i, e - i);
        if (!line.empty() && !fits(line + part)) {
            out += line + '\n';
            line.clear();
        }
        line += part;
        // One name wider than the line: break it by characters (UTF-8 boundaries).
        while (!fits(line)) {
            size_t cut = line.size();
            while (cut > 1 && !fits(line.substr(0, cut))) {
                do --cut;
                while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80);
            }
            out += line.substr(0, cut) + '\n';
            line.erase(0, cut);
        }
        i = e;
    }
    return out + line;
}

} // namespace

bool StaffMenu::watch(const PointerState& p, double now, float corner, float slop) {
    const bool pressed = p.down && !was_down_;
    was_down_ = p.down;
    if (mode_ != Mode::Closed) {
        tracking_ = false;
        return false;
    }
    if (pressed) {
        tracking_ = inCorner(p.pos, corner);
        press_pos_ = p.pos;
        press_t_ = now;
    }
    if (!tracking_) return false;
    const float dx = p.pos.x - press_pos_.x, dy = p.pos.y - press_pos_.y;
    if (!p.down || dx * dx + dy * dy > slop * slop) {
        tracking_ = false;
        return false;
    }
    if (now - press_t_ < kHoldS) return false;
    tracking_ = false;
    mode_ = Mode::Pad;
    entered_.clear();
    message_.clear();
    return true;
}

void StaffMenu::close() {
    mode_ = Mode::Closed;
    entered_.clear();
    message_.clear();
    taps_.clear();
}

StaffMenu::Action StaffMenu::draw(Ctx& c, double now, const StaffInfo& info, const std::string& pin_hash) {
    c.touch.pushLayer();
    c.dl->AddRectFilled(ImVec2(0, 0), c.display, c.th.c.bg);
    Action a = Action::None;
    switch (mode_) {
    case Mode::Pad: drawPad(c, now, pin_hash); break;
    case Mode::Menu: a = drawMenu(c, info); break;
    case Mode::Test: drawTest(c); break;
    case Mode::Closed: break;
    }
    c.touch.popLayer();
    return a;
}

void StaffMenu::drawPad(Ctx& c, double now, const std::string& pin_hash) {
    const Theme& th = c.th;
    const bool locked = now < locked_until_;
    // Keys as wide as their longest word ("Löschen" at 200 % text), at least a generous finger.
    const float key_h = std::max(th.min_target * 1.4f, th.body->FontSize * 3.2f);
    float key = std::max(key_h, buttonWidth(c, icon::Backspace, c.t(S::Delete), th.body) + th.u(2));
    const float gap = th.u(2);
    const float w = std::min(c.display.x - th.u(8), std::max(key * 3 + gap * 2 + th.u(12), th.u(70)));
    key = std::min(key, (w - th.u(8) - gap * 2) / 3); // a narrow portrait screen at 200 % text
    const float pad_w = key * 3 + gap * 2;
    const float title_h = th.heading->FontSize + th.u(2) + th.body->FontSize * 2.4f;
    const float h = th.u(5) + title_h + th.u(3) + th.heading->FontSize + th.u(3) + th.body->FontSize * 2.4f + th.u(2) +
                    key_h * 4 + gap * 3 + th.u(3) + th.min_target + th.u(5);
    const ImVec2 a(std::floor((c.display.x - w) * 0.5f), std::floor(std::max(th.u(2), (c.display.y - h) * 0.5f)));
    const ImVec2 b(a.x + w, a.y + h);
    panel(c, a, b, th.c.surface);
    float y = a.y + th.u(5);
    const float tw = w - th.u(8);
    textCentered(c, th.heading, ImVec2(a.x, y), ImVec2(b.x, y + th.heading->FontSize), th.c.text,
                 std::string(icon::Info) + "  " + c.t(S::StaffPin));
    y += th.heading->FontSize + th.u(2);
    const std::string hint = pin_hash.empty() ? c.t(S::StaffNoPin) : c.t(S::StaffPinHint);
    textWrapped(c, th.body, ImVec2(a.x + th.u(4), y), th.c.text_muted, hint, tw);
    y += th.body->FontSize * 2.4f + th.u(3);
    // One dot per digit: the PIN itself is never drawn.
    std::string dots;
    for (size_t i = 0; i < entered_.size(); ++i) dots += "\xE2\x80\xA2 ";
    if (dots.empty()) dots = "–";
    textCentered(c, th.heading, ImVec2(a.x, y), ImVec2(b.x, y + th.heading->FontSize), th.c.text, dots);
    y += th.heading->FontSize + th.u(3);
    std::string msg = message_;
    if (locked) {
        const int left = static_cast<int>(std::ceil(locked_until_ - now));
        msg = fmt(S::StaffLocked, c.lang(), left);
        c.redraw_in = std::min(c.redraw_in < 0 ? 1e9 : c.redraw_in, locked_until_ - now - (left - 1));
    }
    if (!msg.empty())
        textWrapped(c, th.body, ImVec2(a.x + th.u(4), y), th.c.warn, std::string(icon::Warning) + "  " + msg, tw);
    y += th.body->FontSize * 2.4f + th.u(2);

    const float x0 = std::floor(a.x + (w - pad_w) * 0.5f);
    static const char* const kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        const ImVec2 ka(x0 + (i % 3) * (key + gap), y + (i / 3) * (key_h + gap)), kb(ka.x + key, ka.y + key_h);
        const std::string k = kKeys[i];
        const bool ok = k == "ok", clear = k == "clear";
        const char* ic = clear ? icon::Backspace : nullptr;
        const std::string label = ok ? "OK" : clear ? c.t(S::Delete) : k;
        const bool tapped = button(c, "staff.key." + k, ic, label, ka, kb, ok ? Style::Primary : Style::Secondary,
                                   clear ? th.body : th.heading);
        if (!tapped || locked) continue;
        if (clear) {
            if (!entered_.empty()) entered_.pop_back();
        } else if (ok) {
            if (!pin_hash.empty() && !entered_.empty() && verifyPin(entered_, pin_hash)) {
                wrong_ = 0;
                mode_ = Mode::Menu;
                message_.clear();
            } else if (!pin_hash.empty()) {
                ++wrong_;
                if (wrong_ >= kMaxWrong) {
                    wrong_ = 0;
                    locked_until_ = now + kLockS;
                    message_.clear();
                } else {
                    message_ = fmt(S::StaffPinWrong, c.lang(), kMaxWrong - wrong_);
                }
            }
            entered_.clear();
        } else if (entered_.size() < kMaxDigits) {
            entered_ += k;
        }
    }
    y += key_h * 4 + gap * 3 + th.u(3);
    const float cw = buttonWidth(c, icon::Close, c.t(S::Cancel)) + th.u(4);
    if (button(c, "staff.cancel", icon::Close, c.t(S::Cancel), ImVec2(a.x + (w - cw) * 0.5f, y),
               ImVec2(a.x + (w + cw) * 0.5f, y + th.min_target), Style::Quiet))
        close();
}

StaffMenu::Action StaffMenu::drawMenu(Ctx& c, const StaffInfo& info) {
    const Theme& th = c.th;
    const float margin = th.u(c.portrait ? 4 : 8);
    const ImVec2 a(margin, margin), b(c.display.x - margin, c.display.y - margin);
    panel(c, a, b, th.c.surface);
    float y = a.y + th.u(5);
    const float x = a.x + th.u(5), w = b.x - a.x - th.u(10);
    text(c, th.display, ImVec2(x, y), th.c.text, c.t(S::StaffMenu));
    y += th.display->FontSize + th.u(4);

    char uptime[64];
    const long up = static_cast<long>(info.uptime_s);
    std::snprintf(uptime, sizeof uptime, "%ld d %02ld:%02ld:%02ld", up / 86400, up / 3600 % 24, up / 60 % 60, up % 60);
    const std::pair<S, std::string> rows[] = {
        {S::StaffKiosk, info.kiosk},       {S::StaffContent, info.content_version}, {S::StaffDatabase, info.database},
        {S::StaffLastReload, info.last_reload}, {S::StaffUptime, uptime},        {S::StaffSoftware, info.software},
        {S::StaffSettings, info.settings}};
    // Labels beside values in landscape, above them in portrait (long paths need the width).
    float label_w = 0;
    for (const auto& r : rows) label_w = std::max(label_w, textWidth(th.strong, c.t(r.first)));
    const bool stacked = c.portrait || label_w + th.u(4) > w * 0.35f;
    for (const auto& r : rows) {
        const ImU32 col = r.first == S::StaffLastReload && info.reload_failed ? th.c.warn : th.c.text;
        const bool path = r.first == S::StaffDatabase || r.first == S::StaffSettings;
        const float vw = stacked ? w : w - label_w - th.u(4);
        const std::string value = path ? breakPath(th.body, r.second, vw) : r.second;
        if (stacked) {
            y += text(c, th.caption, ImVec2(x, y), th.c.text_muted, c.t(r.first));
            y += textWrapped(c, th.body, ImVec2(x, y), col, value, w) + th.u(2);
        } else {
            text(c, th.strong, ImVec2(x, y), th.c.text_muted, c.t(r.first));
            y += std::max(th.body->FontSize, textWrapped(c, th.body, ImVec2(x + label_w + th.u(4), y), col, value, vw)) +
                 th.u(2);
        }
    }

    // Actions at the bottom: within reach for a person standing or sitting.
    Action act = Action::None;
    struct Btn {
        const char* id;
        const char* ic;
        S label;
        Style style;
    };
    const Btn btns[] = {{"staff.reload", icon::Refresh, S::StaffReload, Style::Primary},
                        {"staff.test-pattern", icon::Hand, S::StaffTestPattern, Style::Secondary},
                        {"staff.exit", icon::Exit, S::StaffExit, Style::Secondary},
                        {"staff.close", icon::Close, S::StaffClose, Style::Secondary}};
    const float bh = th.min_target * 1.2f, gap = th.u(2);
    float total = 0, widest = 0;
    for (const Btn& bt : btns) {
        const float bw = buttonWidth(c, bt.ic, c.t(bt.label)) + th.u(4);
        total += bw + gap;
        widest = std::max(widest, bw);
    }
    // One row if it fits, else two columns, else (portrait at 200 %) one button per row.
    const int cols = total - gap <= w ? 4 : widest <= (w - gap) * 0.5f ? 2 : 1;
    const int button_rows = 4 / cols;
    const float rows_h = button_rows * bh + (button_rows - 1) * gap;
    float by = std::max(y + th.u(2), b.y - th.u(5) - rows_h), bx = x;
    int i = 0;
    for (const Btn& bt : btns) {
        float bw = buttonWidth(c, bt.ic, c.t(bt.label)) + th.u(4);
        const bool two_rows = cols < 4;
        if (two_rows) {
            bw = (w - gap * (cols - 1)) / cols;
            bx = x + (i % cols) * (bw + gap);
            if (i > 0 && i % cols == 0) by += bh + gap;
        }
        if (button(c, bt.id, bt.ic, c.t(bt.label), ImVec2(bx, by), ImVec2(bx + bw, by + bh), bt.style)) {
            const std::string id = bt.id;
            if (id == "staff.reload") act = Action::Reload;
            else if (id == "staff.exit") act = Action::Exit;
            else if (id == "staff.close") close();
            else {
                mode_ = Mode::Test;
                taps_.clear();
            }
        }
        if (!two_rows) bx += bw + gap;
        ++i;
    }
    return act;
}

void StaffMenu::drawTest(Ctx& c) {
    const Theme& th = c.th;
    const ImVec2 d = c.display;
    c.dl->AddRectFilled(ImVec2(0, 0), d, th.c.surface);
    // Crosses near the corners and in the middle: the touch panel is off where dots miss them.
    const float inset = th.u(10), arm = th.u(4), line = std::max(2.0f, th.scale * 2);
    const ImVec2 marks[] = {{inset, inset}, {d.x - inset, inset}, {d.x * 0.5f, d.y * 0.5f}, {inset, d.y - inset},
                            {d.x - inset, d.y - inset}};
    for (const ImVec2& m : marks) {
        c.dl->AddLine(ImVec2(m.x - arm, m.y), ImVec2(m.x + arm, m.y), th.c.text, line);
        c.dl->AddLine(ImVec2(m.x, m.y - arm), ImVec2(m.x, m.y + arm), th.c.text, line);
    }
    const float tw = std::min(d.x - th.u(16), th.u(110));
    textWrapped(c, th.body, ImVec2((d.x - tw) * 0.5f, d.y * 0.5f + th.u(8)), th.c.text_muted, c.t(S::StaffTestHint),
                tw);
    const float cw = buttonWidth(c, icon::Close, c.t(S::StaffClose)) + th.u(4);
    const ImVec2 ca((d.x - cw) * 0.5f, d.y * 0.5f + th.u(24)), cb(ca.x + cw, ca.y + th.min_target * 1.2f);
    const bool close_tapped = button(c, "staff.test-close", icon::Close, c.t(S::StaffClose), ca, cb);
    if (c.touch.pressedThisFrame()) {
        const ImVec2 p = c.touch.position();
        const bool on_close = p.x >= ca.x && p.x < cb.x && p.y >= ca.y && p.y < cb.y;
        if (!on_close) {
            taps_.push_back(p);
            if (taps_.size() > 40) taps_.erase(taps_.begin());
        }
    }
    for (size_t i = 0; i < taps_.size(); ++i) {
        const ImVec2 p = taps_[i];
        const bool last = i + 1 == taps_.size();
        c.dl->AddCircleFilled(p, th.u(last ? 1.5f : 1), last ? th.c.accent : th.c.text_muted);
        if (last) {
            char buf[48];
            std::snprintf(buf, sizeof buf, "%.0f, %.0f", p.x, p.y);
            const float lx = std::min(p.x + th.u(2), d.x - textWidth(th.caption, buf) - th.u(1));
            text(c, th.caption, ImVec2(lx, std::min(p.y + th.u(2), d.y - th.caption->FontSize - th.u(1))), th.c.text, buf);
        }
    }
    if (close_tapped) {
        mode_ = Mode::Menu;
        taps_.clear();
    }
}

void StaffMenu::report(nlohmann::json& j, double now) const {
    const char* mode = mode_ == Mode::Pad ? "pad" : mode_ == Mode::Menu ? "menu" : mode_ == Mode::Test ? "test" : "closed";
    nlohmann::json s{{"mode", mode}, {"digits", entered_.size()}, {"locked", now < locked_until_}};
    s["locked_seconds"] = now < locked_until_ ? static_cast<int>(std::ceil(locked_until_ - now)) : 0;
    if (mode_ == Mode::Test) {
        nlohmann::json taps = nlohmann::json::array();
        for (const ImVec2& p : taps_) taps.push_back({std::lround(p.x), std::lround(p.y)});
        s["taps"] = taps;
    }
    j["staff"] = s;
}

} // namespace ww
