// What each fuzz target does with one input, shared by the libFuzzer targets (fuzz_<name>.cpp) and
// the ordinary regression suite (tests/test_fuzz_regressions.cpp), so that a file the fuzzer once
// broke is fed to exactly the same code in every `make test`. Every entry returns what it saw: a
// broken rule ("" when all hold), and whether the input was accepted or rejected with a message.
#pragma once

#include "content/csv.h"
#include "content/diagnostics.h"
#include "content/images.h"
#include "content/loader.h"
#include "content/schedule_import.h"
#include "content/validate.h"
#include "core/timezone.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#ifdef WW_FUZZ_SCRIPT
#include "app/script.h"
#endif

namespace wwfuzz {

struct Outcome {
    std::string broken; // a rule the code under test broke; "" when every rule held
    bool accepted = false;
    std::string message; // when rejected: the first error, as staff would read it
};

namespace detail {

inline void expect(Outcome& o, bool ok, const std::string& rule) {
    if (!ok && o.broken.empty()) o.broken = rule;
}

inline std::string firstError(const ww::Diagnostics& diags) {
    for (const ww::Diagnostic& d : diags.items())
        if (d.severity == ww::Severity::Error) return ww::Diagnostics::format(d);
    return "";
}

// Every message has a file and a sentence; a rejection has at least one error.
inline void checkDiagnostics(Outcome& o, const ww::Diagnostics& diags) {
    for (const ww::Diagnostic& d : diags.items()) {
        expect(o, !d.file.empty(), "a diagnostic without a file: " + d.message);
        expect(o, !d.message.empty(), "a diagnostic without a message");
        expect(o, d.line >= 0 && d.column >= 0, "a diagnostic with a negative line or column");
    }
    o.message = firstError(diags);
}

inline bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id)
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

} // namespace detail

// [SECTION] CSV

inline Outcome csv(const std::string& bytes) {
    using namespace ww;
    Outcome o;
    Diagnostics diags;
    const std::optional<CsvTable> table = readCsv(bytes, "exhibitors.csv", diags);
    if (table) {
        o.accepted = true;
        checkColumns(*table, {{"id", true}, {"name", true}, {"stands", true}, {"topics"}, {"description_de"}},
                     diags);
        detail::expect(o, table->header.size() <= 16384, "more header cells than the column limit");
        int last = table->headerLine;
        for (const CsvRow& row : table->rows) {
            detail::expect(o, row.cells.size() <= table->header.size(),
                           "a row keeps more cells than the header has");
            detail::expect(o, row.line > last, "row lines do not increase");
            last = row.line;
            for (const std::string& name : table->header) {
                const std::string cell = table->get(row, name);
                for (const std::string& part : splitList(cell))
                    detail::expect(o, !part.empty(), "an empty list item");
            }
        }
    } else {
        detail::expect(o, diags.hasErrors(), "a CSV rejected without an error message");
    }
    detail::checkDiagnostics(o, diags);
    return o;
}

// [SECTION] Content folder (TOML, CSV, schedule exports, changes)

// The files a fuzz input may hold. The input is split at lines "=== <file name>"; text before the
// first such line is event.toml.
inline const std::vector<std::string>& contentFiles() {
    static const std::vector<std::string> files = {
        "event.toml",    "venue.toml", "topics.toml", "galleries.toml", "exhibitors.csv", "stands.csv",
        "programme.csv", "photos.csv", "changes.csv", "schedule.xml",   "schedule.json"};
    return files;
}

inline std::vector<std::pair<std::string, std::string>> splitContent(const std::string& bytes) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string name = "event.toml";
    size_t pos = 0;
    std::string body;
    while (pos <= bytes.size()) {
        size_t end = bytes.find('\n', pos);
        if (end == std::string::npos) end = bytes.size();
        const std::string line = bytes.substr(pos, end - pos);
        if (line.compare(0, 4, "=== ") == 0) {
            if (!name.empty()) out.emplace_back(name, body);
            name.clear();
            body.clear();
            for (const std::string& f : contentFiles())
                if (line.substr(4) == f) name = f;
        } else {
            body += line;
            if (end < bytes.size()) body += '\n';
        }
        pos = end + 1;
    }
    if (!name.empty()) out.emplace_back(name, body);
    return out;
}

// Writes the input's files into `dir` (an existing folder of its own), reads it as a content folder
// and runs every check across files.
inline Outcome contentFolder(const std::string& bytes, const std::string& dir) {
    using namespace ww;
    Outcome o;
    for (const std::string& f : contentFiles())
        std::remove((dir + "/" + f).c_str());
    for (const auto& [name, body] : splitContent(bytes)) {
        if (FILE* f = std::fopen((dir + "/" + name).c_str(), "wb")) {
            std::fwrite(body.data(), 1, body.size(), f);
            std::fclose(f);
        }
    }
    Diagnostics diags;
    const LoadedContent content = loadContent(dir, diags);
    validateContent(content, diags);
    o.accepted = !diags.hasErrors();
    for (const Talk& t : content.model.talks)
        detail::expect(o, detail::validId(t.id), "a talk with an invalid id: " + t.id);
    for (const Room& r : content.model.rooms)
        detail::expect(o, detail::validId(r.id), "a room with an invalid id: " + r.id);
    detail::checkDiagnostics(o, diags);
    return o;
}

// [SECTION] Schedule exports

inline Outcome schedule(const std::string& bytes, bool xml) {
    using namespace ww;
    static const TimeZone zone = TimeZone::load("Europe/Berlin").value_or(TimeZone::utc());
    Outcome o;
    Diagnostics diags;
    const std::string file = xml ? kScheduleXmlFile : kScheduleJsonFile;
    const std::optional<ImportedSchedule> s =
        xml ? parseScheduleXml(bytes, file, zone, diags) : parseScheduleJson(bytes, file, zone, diags);
    if (s) {
        o.accepted = true;
        Model venue;
        Room saal, lounge;
        saal.id = "saal";
        saal.name.de = "Großer Saal";
        saal.name.en = "Main Hall";
        lounge.id = "lounge";
        lounge.name.de = "Innovationslounge";
        venue.rooms = {saal, lounge};
        for (const ImportedRoom& r : s->rooms) {
            detail::expect(o, !r.name.empty(), "a room without a name");
            matchRoom(venue, r.name);
        }
        for (const ImportedTalk& it : s->talks) {
            const Talk& t = it.talk;
            detail::expect(o, detail::validId(t.id), "a talk with an invalid id: " + t.id);
            detail::expect(o, t.end_utc > t.start_utc && t.end_utc - t.start_utc <= 24 * 3600,
                           "a talk shorter than a minute or longer than a day: " + t.id);
            detail::expect(o, !it.room_name.empty(), "a talk without a room: " + t.id);
            detail::expect(o, !t.title.de.empty(), "a talk without a title: " + t.id);
            detail::expect(o, it.line >= 0, "a talk with a negative line");
        }
    } else {
        detail::expect(o, diags.hasErrors(), "a schedule rejected without an error message");
    }
    detail::checkDiagnostics(o, diags);
    return o;
}

// [SECTION] Images

// Limits far below the real ones keep the fuzzer fast; the real limits are the same code with
// other numbers (tests/test_fuzz_regressions.cpp checks them on crafted headers).
inline ww::ImageLimits fuzzImageLimits() {
    ww::ImageLimits l;
    l.max_file_bytes = 1024 * 1024;
    l.max_edge = 2048;
    l.max_pixels = 2'000'000;
    return l;
}

inline Outcome images(const std::vector<uint8_t>& bytes, const ww::ImageLimits& limits = fuzzImageLimits()) {
    using namespace ww;
    Outcome o;
    const ImageProbe probe = probeImage(bytes, limits);
    detail::expect(o, probe.orientation >= 1 && probe.orientation <= 8, "an orientation outside 1..8");
    if (probe.ok) {
        detail::expect(o,
                       probe.width > 0 && probe.height > 0 && probe.width <= limits.max_edge &&
                           probe.height <= limits.max_edge &&
                           int64_t(probe.width) * probe.height <= limits.max_pixels,
                       "a probe accepted a size beyond the limits");
    } else {
        detail::expect(o, !probe.error.empty(), "a probe rejected an image without a message");
    }
    const int exif = exifOrientation(bytes);
    detail::expect(o, exif >= 1 && exif <= 8, "an EXIF orientation outside 1..8");
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        const int want = 1 + int(bytes.size() % 8);
        detail::expect(o, exifOrientation(withExifOrientation(bytes, want)) == want,
                       "an EXIF orientation written is not read back");
    }

    // One role per input (from its length) keeps every input at one decode.
    const ImageRole role = bytes.size() % 3 == 0   ? ImageRole::Photo
                           : bytes.size() % 3 == 1 ? ImageRole::Logo
                                                   : ImageRole::Plan;
    const int edge = role == ImageRole::Logo ? 512 : role == ImageRole::Plan ? 4096 : 2560;
    const PreparedImage img = prepareImage(bytes, role, limits);
    if (img.ok) {
        o.accepted = true;
        detail::expect(o, probe.ok, "an image prepared although its probe failed");
        for (const EncodedImage* e : {&img.display, &img.thumb}) {
            detail::expect(o, !e->data.empty() && e->width > 0 && e->height > 0, "an empty encoded image");
            detail::expect(o, std::max(e->width, e->height) <= edge,
                           "an encoded image larger than its role allows");
        }
        const bool turned = probe.orientation >= 5;
        detail::expect(o,
                       std::max(img.display.width, img.display.height) <= std::max(probe.width, probe.height),
                       "a display copy larger than the original");
        detail::expect(o,
                       (img.display.width >= img.display.height) == ((turned ? probe.height : probe.width) >=
                                                                     (turned ? probe.width : probe.height)) ||
                           std::abs(img.display.width - img.display.height) <= 1,
                       "a display copy not turned as its EXIF orientation says");
    } else {
        o.message = img.error;
        detail::expect(o, !img.error.empty(), "an image rejected without a message");
    }
    return o;
}

// [SECTION] Script lines

#ifdef WW_FUZZ_SCRIPT
// Reads every line as runScript does (CR stripped, blanks and # comments skipped), without running it.
inline Outcome script(const std::string& text) {
    using namespace ww;
    using Kind = ScriptCommand::Kind;
    Outcome o;
    o.accepted = true;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        line = line.substr(first);
        ScriptCommand cmd;
        std::string error;
        if (!parseScriptLine(line, &cmd, &error)) {
            detail::expect(o, !error.empty(), "a line rejected without a message");
            if (o.accepted) o.message = error;
            o.accepted = false;
            continue;
        }
        auto finite = [](double v, double limit) { return std::isfinite(v) && std::fabs(v) <= limit; };
        detail::expect(o,
                       finite(cmd.x1, kScriptMaxCoordinate) && finite(cmd.y1, kScriptMaxCoordinate) &&
                           finite(cmd.x2, kScriptMaxCoordinate) && finite(cmd.y2, kScriptMaxCoordinate),
                       "a point off any screen accepted: " + line);
        if (cmd.kind == Kind::Drag)
            detail::expect(o, cmd.ms >= 0 && cmd.ms <= kScriptMaxDragMs,
                           "a drag time out of range accepted: " + line);
        if (cmd.kind == Kind::Wait)
            detail::expect(o, cmd.ms >= 0 && cmd.ms <= kScriptMaxWaitMs,
                           "a wait out of range accepted: " + line);
        if (cmd.kind == Kind::ClockShift)
            detail::expect(o, finite(cmd.minutes, kScriptMaxClockShiftMinutes),
                           "a clock shift out of range accepted: " + line);
        if (cmd.kind == Kind::Screenshot)
            detail::expect(o, cmd.width >= 0 && cmd.width <= kScriptMaxScreenshotWidth && !cmd.text.empty(),
                           "a screenshot width out of range accepted: " + line);
        if (cmd.kind == Kind::TapTarget)
            detail::expect(o, !cmd.text.empty(), "a tap on an empty id accepted");
    }
    return o;
}
#endif

} // namespace wwfuzz
