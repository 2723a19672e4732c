// Text that did not fit its box. The helpers that draw words into a box (widgets.h, textLines) report
// here whenever they had to cut the words with "…" or a word spills over the box, and every drawn run
// of text leaves its rectangle. The `overflow` script command reads the last frame's findings, so the
// tests can hold every screen to "nothing clipped, nothing overlapping" at 200 % text.
#pragma once

#include <imgui.h>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace ww {

struct Ctx;

// Words cut or spilling: `need` is the width (or height) they want, `have` what the box gives.
void noteTextCut(const std::string& text, float need, float have);
// A run of text drawn at [min, max) (clipped to the draw list's clip rectangle by the caller's area).
void noteTextRect(Ctx& c, ImVec2 min, ImVec2 max, const std::string& text);

// While one lives, cuts are deliberate: a preview whose whole text is one tap away (the stand name on
// the plan opens the stand, a description preview opens the detail). They are reported as allowed.
class AllowTextCut {
public:
    AllowTextCut();
    ~AllowTextCut();
    AllowTextCut(const AllowTextCut&) = delete;
    AllowTextCut& operator=(const AllowTextCut&) = delete;
};

// The last frame's findings against its touch targets (the `targets` list: id, label, x, y, w, h):
// {"cut": [...], "allowed": [...], "overlap": [...], "texts": N}. A text rectangle overlaps when it
// crosses a target's edge: text either lies inside a target or clear of it.
nlohmann::json textFitReport(const nlohmann::json& targets);

} // namespace ww
