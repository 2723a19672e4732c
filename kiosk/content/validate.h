// Checks across files: references between records, geometry on the plan, the programme's times,
// and lengths of visitor-facing text. Runs after loadContent(); reports to the same Diagnostics.
#pragma once

#include "content/diagnostics.h"
#include "content/loader.h"

namespace ww {

// Lengths beyond which text will not fit its place on screen (warnings, in characters).
struct TextLimits {
    size_t name = 60;          // exhibitor, room, level, gallery names
    size_t short_name = 24;    // exhibitor name on the plan
    size_t title = 90;         // talk titles
    size_t description = 600;  // exhibitor descriptions
    size_t abstract = 1500;    // talk abstracts
    size_t caption = 200;      // photo captions
};

// A text this many times its limit is refused (an error) instead of warned about: far beyond what
// fits, it is not a text meant for a screen (a whole file pasted into a cell) and would stall every
// kiosk that lays it out. The same factor applies to texts imported from schedule.xml/json.
constexpr size_t kTextRefuseFactor = 20;

void validateContent(const LoadedContent& content, Diagnostics& diags, const TextLimits& limits = {});

} // namespace ww
