// The registry of text that did not fit (see text_fit.h). It holds one frame: the first note of a new
// ImGui frame forgets the previous one, so nothing has to clear it.
#include "ui/text_fit.h"

#include "ui/context.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ww {

namespace {

struct Cut {
    std::string text;
    float need, have;
    bool allowed;
};
struct Rect {
    ImVec2 min, max;
    std::string text;
    int layer;
};

struct Registry {
    int frame = -1;
    std::vector<Cut> cuts;
    std::vector<Rect> rects;
};
Registry g_fit;
int g_allow = 0;

// Points the registry at the current frame; false without an ImGui frame (unit tests measuring text).
bool current() {
    if (!ImGui::GetCurrentContext()) return false;
    const int f = ImGui::GetFrameCount();
    if (f != g_fit.frame) {
        g_fit.frame = f;
        g_fit.cuts.clear();
        g_fit.rects.clear();
    }
    return true;
}

} // namespace

AllowTextCut::AllowTextCut() { ++g_allow; }
AllowTextCut::~AllowTextCut() { --g_allow; }

void noteTextCut(const std::string& text, float need, float have) {
    if (!current()) return;
    g_fit.cuts.push_back({text, need, have, g_allow > 0});
}

void noteTextRect(Ctx& c, ImVec2 min, ImVec2 max, const std::string& text) {
    if (!current() || !c.dl) return;
    // Only what is visible counts: a scroll area clips its rows, and so does its touch registry.
    const ImVec2 cmin = c.dl->GetClipRectMin(), cmax = c.dl->GetClipRectMax();
    min = ImVec2(std::max(min.x, cmin.x), std::max(min.y, cmin.y));
    max = ImVec2(std::min(max.x, cmax.x), std::min(max.y, cmax.y));
    if (max.x - min.x < 1 || max.y - min.y < 1) return;
    g_fit.rects.push_back({min, max, text, c.touch.layer()});
}

nlohmann::json textFitReport(const nlohmann::json& targets) {
    nlohmann::json cut = nlohmann::json::array(), allowed = nlohmann::json::array(),
                   overlap = nlohmann::json::array();
    const bool fresh = ImGui::GetCurrentContext() && g_fit.frame == ImGui::GetFrameCount();
    if (!fresh) return {{"cut", cut}, {"allowed", allowed}, {"overlap", overlap}, {"texts", 0}};
    for (const Cut& k : g_fit.cuts)
        (k.allowed ? allowed : cut)
            .push_back({{"text", k.text}, {"need", std::lround(k.need)}, {"have", std::lround(k.have)}});
    // Text under a dialog's scrim is not what the visitor reads; compare the top layer only (the
    // targets list holds only the top layer's targets, too).
    int top = 0;
    for (const Rect& r : g_fit.rects) top = std::max(top, r.layer);
    // Anti-aliasing and pixel snapping: a pixel of either rectangle may spill.
    const float slack = 1.5f;
    struct Box {
        float x0, y0, x1, y1;
        std::string id;
    };
    std::vector<Box> boxes;
    for (const auto& t : targets) {
        const float x = t.value("x", 0.0f), y = t.value("y", 0.0f);
        boxes.push_back({x, y, x + t.value("w", 0.0f), y + t.value("h", 0.0f), t.value("id", std::string())});
    }
    for (const Rect& r : g_fit.rects) {
        if (r.layer != top) continue;
        // Text on a target that lies over others (a zoom button over the plan) is judged against that
        // target and what lies over it, not against what it covers.
        size_t from = 0;
        for (size_t i = boxes.size(); i-- > 0;) {
            const Box& t = boxes[i];
            if (r.min.x >= t.x0 - slack && r.min.y >= t.y0 - slack && r.max.x <= t.x1 + slack && r.max.y <= t.y1 + slack) {
                from = i;
                break;
            }
        }
        for (size_t i = from; i < boxes.size(); ++i) {
            const Box& t = boxes[i];
            const float ix = std::min(r.max.x, t.x1) - std::max(r.min.x, t.x0);
            const float iy = std::min(r.max.y, t.y1) - std::max(r.min.y, t.y0);
            if (ix <= slack || iy <= slack) continue; // clear of it
            if (r.min.x >= t.x0 - slack && r.min.y >= t.y0 - slack && r.max.x <= t.x1 + slack && r.max.y <= t.y1 + slack)
                continue; // inside it
            overlap.push_back({{"text", r.text},
                               {"x", std::lround(r.min.x)},
                               {"y", std::lround(r.min.y)},
                               {"w", std::lround(r.max.x - r.min.x)},
                               {"h", std::lround(r.max.y - r.min.y)},
                               {"target", t.id}});
        }
    }
    return {{"cut", cut}, {"allowed", allowed}, {"overlap", overlap}, {"texts", g_fit.rects.size()}};
}

} // namespace ww
