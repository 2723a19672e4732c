// The programme from the tools conferences use: a pretalx/frab schedule.xml or a c3voc/pretalx
// schedule.json in the content folder is read instead of (or in addition to) programme.csv. Export
// rooms are matched to venue rooms by name. Documented in content/README.md ("schedule.xml").
#pragma once

#include "content/diagnostics.h"
#include "content/loader.h"
#include "core/model.h"
#include "core/timezone.h"

#include <optional>
#include <string>
#include <vector>

namespace ww {

extern const char* const kScheduleXmlFile;  // "schedule.xml"
extern const char* const kScheduleJsonFile; // "schedule.json"

// One event of the export, converted to a talk.
struct ImportedTalk {
    Talk talk;             // id (from the guid), title, times (UTC, and local in the zone given), speakers,
                           // track, language, kind, abstract; status Cancelled when the title says so.
                           // talk.room is empty: rooms are matched to the venue afterwards.
    std::string room_name; // the room as the export names it
    int line = 0;          // where the event is written (in JSON the line of its guid, best effort)
};

struct ImportedRoom {
    std::string name;
    int line = 0;          // first mention in the file
};

struct ImportedSchedule {
    std::string title;                // the conference's title
    std::string time_zone_name;       // as exported; "" when missing
    std::vector<ImportedRoom> rooms;  // rooms with at least one event, in the export's order
    std::vector<ImportedTalk> talks;  // in the export's order
};

// Parse a whole export. Times are taken from the ISO dates with their UTC offsets and shown in
// `zone`. Problems go to `diags` as `file`:line messages; nothing throws, whatever the bytes are.
// Returns nullopt only when the file cannot be read as a schedule at all (syntax errors, another kind
// of document).
std::optional<ImportedSchedule> parseScheduleXml(const std::string& bytes, const std::string& file, const TimeZone& zone,
                                                 Diagnostics& diags);
std::optional<ImportedSchedule> parseScheduleJson(const std::string& bytes, const std::string& file,
                                                  const TimeZone& zone, Diagnostics& diags);

// The venue room an export's room name means: equal to a room's name_de, name_en or id, ignoring
// case, accents, umlaut spellings (ü = ue = u) and punctuation. nullptr when none is.
const Room* matchRoom(const Model& model, const std::string& export_name);

// True when the folder has a schedule export and no programme.csv: the export is the programme.
bool importReplacesProgramme(const std::string& dir);

// Reads schedule.xml or schedule.json, if the folder has one, and adds its talks to c.model.talks
// (after programme.csv's, whose ids they must not repeat). Needs event.toml and venue.toml read.
void importSchedule(const std::string& dir, LoadedContent& c, Diagnostics& diags);

// Reads a whole optional content file (regular file, at most 64 MB) into `out`; false with an error
// in `diags` when it exists but cannot be read.
bool readContentFile(const std::string& dir, const std::string& name, std::string& out, Diagnostics& diags);

} // namespace ww
