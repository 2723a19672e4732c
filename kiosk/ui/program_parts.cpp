// Pieces the programme screens share (see program_parts.h).
#include "ui/program_parts.h"

#include "ui/format.h"
#include "ui/icons.h"
#include "ui/text_fit.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace ww {

const char* statusIcon(const Talk& t) {
    switch (t.status) {
    case TalkStatus::Scheduled: return nullptr;
    case TalkStatus::Cancelled: return icon::Close;
    case TalkStatus::Delayed: return icon::Hourglass;
    case TalkStatus::Moved: return icon::Door;
    }
    return nullptr;
}

std::string statusLine(const Ctx& c, const Talk& t) {
    const char* ic = statusIcon(t);
    if (!ic) return "";
    return std::string(ic) + "  " + statusText(t, c.model, c.lang());
}

std::string minutesText(const Ctx& c, int minutes) { return fmt(S::Minutes, c.lang(), minutes); }

std::string kindLabel(const Ctx& c, const Talk& t) {
    const int minutes = static_cast<int>((t.end_utc - t.start_utc) / 60);
    std::string s = talkKindName(t.kind, c.lang());
    if (minutes > 0) s += " · " + minutesText(c, minutes);
    return s;
}

std::string roomName(const Ctx& c, const std::string& room_id) {
    const Room* r = c.model.room(room_id);
    return r ? r->name.in(c.lang()) : room_id;
}

namespace {
std::string range(const Ctx& c, int64_t a, int64_t b) {
    return fmt(S::FromTo, c.lang(), clockText(c.tz.toLocal(a)).c_str(), clockText(c.tz.toLocal(b)).c_str());
}
} // namespace

std::string effectiveRange(const Ctx& c, const Talk& t) { return range(c, effectiveStartUtc(t), effectiveEndUtc(t)); }
std::string plannedRange(const Ctx& c, const Talk& t) { return range(c, t.start_utc, t.end_utc); }

const Exhibitor* exhibitorForOrganisation(const Model& m, const std::string& organisation) {
    const std::string org = foldText(organisation);
    if (org.empty()) return nullptr;
    for (const Exhibitor& e : m.exhibitors) {
        const std::string name = foldText(e.name);
        if (org == name || (!e.short_name.empty() && org == foldText(e.short_name))) return &e;
        // "Sächsische Staatskanzlei – Beteiligungsportal Sachsen": the part before the dash is the
        // organisation, the rest names the stand's subject.
        const size_t dash = e.name.find(" – ");
        if (dash != std::string::npos && org == foldText(e.name.substr(0, dash))) return &e;
    }
    return nullptr;
}

std::vector<std::string> wrapLines(ImFont* font, const std::string& s, float width) {
    std::vector<std::string> lines;
    const char* p = s.c_str();
    const char* end = p + s.size();
    while (p < end) {
        const char* brk = font->CalcWordWrapPositionA(1.0f, p, end, std::max(width, 1.0f));
        const char* line_end = brk;
        if (brk == p) {
            // Not even one character fits: take one whole UTF-8 sequence so the loop moves on.
            ++brk;
            while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;
            line_end = brk;
        }
        // A line break in the text ends the line there.
        const char* nl = std::find(p, line_end, '\n');
        if (nl < line_end) line_end = brk = nl;
        std::string line(p, line_end);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
        p = brk;
        while (p < end && (*p == ' ' || *p == '\t')) ++p;
        if (p < end && *p == '\n') ++p;
    }
    return lines;
}

float textLinesHeight(ImFont* font, const std::string& s, float width, int max_lines) {
    const int n = std::min(static_cast<int>(wrapLines(font, s, width).size()), max_lines);
    return n * font->FontSize;
}

float textLines(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s, float width, bool strike,
                int max_lines) {
    std::vector<std::string> lines = wrapLines(font, s, width);
    if (static_cast<int>(lines.size()) > max_lines) {
        noteTextCut(s, static_cast<float>(lines.size()) * font->FontSize, static_cast<float>(max_lines) * font->FontSize);
        lines.resize(static_cast<size_t>(std::max(0, max_lines)));
        if (!lines.empty()) lines.back() = ellipsize(font, lines.back() + " …", width);
    }
    float y = pos.y;
    for (const std::string& line : lines) {
        text(c, font, ImVec2(pos.x, y), col, line);
        if (strike) strikeThrough(c, font, ImVec2(pos.x, y), textWidth(font, line), col);
        y += font->FontSize;
    }
    return y - pos.y;
}

void strikeThrough(Ctx& c, ImFont* font, ImVec2 pos, float width, ImU32 col) {
    // Through the middle of the lower-case letters, a little thicker than a stroke of the font.
    const float y = std::floor(pos.y + font->FontSize * 0.55f);
    c.dl->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + width, y), col, std::max(2.0f, font->FontSize * 0.08f));
}

void progressBar(Ctx& c, ImVec2 min, ImVec2 max, double progress) {
    const float r = (max.y - min.y) * 0.5f;
    c.dl->AddRectFilled(min, max, c.th.c.surface_alt, r);
    const float x = min.x + (max.x - min.x) * static_cast<float>(std::clamp(progress, 0.0, 1.0));
    if (x > min.x + 1) c.dl->AddRectFilled(min, ImVec2(std::max(x, min.x + r * 2), max.y), c.th.c.live, r);
    if (c.th.contrast) c.dl->AddRect(min, max, c.th.c.border, r);
}

nlohmann::json talkReport(const Schedule& s, const Talk& t, Lang lang) {
    nlohmann::json j;
    j["id"] = t.id;
    j["status"] = toString(t.status);
    j["status_text"] = statusText(t, s.model(), lang);
    j["start"] = formatIso(s.local(effectiveStartUtc(t)));
    j["end"] = formatIso(s.local(effectiveEndUtc(t)));
    if (t.delay_min > 0) {
        j["planned_start"] = formatIso(s.local(t.start_utc));
        j["planned_end"] = formatIso(s.local(t.end_utc));
    }
    j["room"] = t.room;
    if (!t.moved_from.empty()) j["moved_from"] = t.moved_from;
    return j;
}

} // namespace ww
