// changes.csv: the event day's delays, cancellations and room moves, applied to the programme's
// talks with file:line messages for every change that cannot be applied as written.
#include "content/changes.h"

#include "content/csv.h"
#include "content/schedule_import.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unordered_map>

namespace ww {

const char* const kChangesFile = "changes.csv";

namespace {

// A delay beyond this is almost certainly a typo (hours written as minutes, a time instead of a number).
constexpr int kLongDelayMin = 12 * 60;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return s;
}


std::string closestTalk(const Model& m, const std::string& id) {
    std::string best;
    size_t best_d = std::string::npos;
    for (const Talk& t : m.talks) {
        size_t d = editDistance(lower(id), lower(t.id));
        if (d < best_d) best_d = d, best = t.id;
    }
    return best;
}

std::string roomList(const Model& m) {
    std::string s;
    for (const Room& r : m.rooms) s += (s.empty() ? "" : ", ") + r.id;
    return s.empty() ? "(none)" : s;
}

// Whole minutes, optionally followed by "min" as people write it.
std::optional<int> parseMinutes(std::string s) {
    s = lower(s);
    for (const char* unit : {"minuten", "minutes", "min.", "min"}) {
        size_t at = s.rfind(unit);
        if (at != std::string::npos && at + std::strlen(unit) == s.size()) {
            s.erase(at);
            break;
        }
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.empty() || s.size() > 6) return std::nullopt;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    for (size_t k = i; k < s.size(); ++k)
        if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
    return std::stoi(s);
}

} // namespace

void applyChanges(const std::string& csv_bytes, LoadedContent& c, Diagnostics& diags) {
    const char* file = kChangesFile;
    auto table = readCsv(csv_bytes, file, diags);
    if (!table || !checkColumns(*table, {{"talk", true}, {"status", true}, {"delay"}, {"room"}, {"note_de"}, {"note_en"}},
                                diags)) {
        c.failed_files.insert(file);
        return;
    }
    Model& m = c.model;
    std::unordered_map<std::string, size_t> talk_index;
    for (size_t i = 0; i < m.talks.size(); ++i) talk_index.emplace(m.talks[i].id, i);
    // Unknown ids are only reported when the files defining them could be read; otherwise the cause
    // is already reported and "unknown" would be noise.
    const bool talks_readable = c.readable(kProgrammeFile) && c.readable(kScheduleXmlFile) && c.readable(kScheduleJsonFile);
    const bool rooms_readable = c.readable(kVenueFile);
    std::unordered_map<std::string, int> changed_at; // talk id → line of its change

    for (const CsvRow& row : table->rows) {
        const int line = row.line;
        std::string id = table->get(row, "talk");
        std::string status_s = lower(table->get(row, "status"));
        std::string delay_s = table->get(row, "delay");
        std::string room = table->get(row, "room");
        Text note{table->get(row, "note_de"), table->get(row, "note_en")};

        if (id.empty()) {
            diags.error(file, line, "column \"talk\" is empty", "write the id of the talk that changes, as in programme.csv");
            continue;
        }
        const std::string who = "talk " + id;
        if (status_s.empty()) {
            diags.error(file, line, who + ": column \"status\" is empty", "status is one of: delayed, cancelled, moved");
            continue;
        }

        auto prev = changed_at.find(id);
        if (prev != changed_at.end()) {
            diags.error(file, line, who + " is changed twice",
                        "its first change is at " + std::string(file) + ":" + std::to_string(prev->second) +
                            "; keep one row per talk (a moved talk can have a delay as well)");
            continue;
        }
        changed_at.emplace(id, line);
        c.origin["change:" + id] = {file, line};

        auto found = talk_index.find(id);
        if (found == talk_index.end()) {
            // A talk whose own row has errors is known by its id; those errors are reported already.
            if (talks_readable && !c.origin.count("talk:" + id)) {
                std::string closest = closestTalk(m, id);
                diags.error(file, line, "unknown talk \"" + id + "\"",
                            "write the id of a talk from the programme (programme.csv or the schedule export)" +
                                (closest.empty() ? std::string() : "; the closest is \"" + closest + "\""));
            }
            continue;
        }
        Talk& t = m.talks[found->second];

        TalkStatus status = TalkStatus::Scheduled;
        if (status_s == "delayed") status = TalkStatus::Delayed;
        else if (status_s == "cancelled" || status_s == "canceled") status = TalkStatus::Cancelled;
        else if (status_s == "moved") status = TalkStatus::Moved;
        else {
            diags.error(file, line, who + ": status \"" + status_s + "\" is not known",
                        "status is one of: delayed, cancelled, moved; to undo a change, delete its row");
            continue;
        }

        // Plain int and flag: GCC's maybe-uninitialized analysis misreads std::optional here.
        int delay = 0;
        bool has_delay = false;
        if (!delay_s.empty()) {
            auto parsed = parseMinutes(delay_s);
            if (!parsed) {
                diags.error(file, line, who + ": delay \"" + delay_s + "\" is not a number of minutes",
                            "write the delay in whole minutes, e.g. 15");
                continue;
            }
            delay = *parsed;
            has_delay = true;
            if (delay < 0) {
                diags.error(file, line, who + ": delay " + std::to_string(delay) + " is negative",
                            "a change can only make a talk start later; to start it earlier, change programme.csv");
                continue;
            }
            if (delay > kLongDelayMin)
                diags.warning(file, line, who + ": a delay of " + std::to_string(delay) + " minutes is more than 12 hours",
                              "the delay is in minutes, e.g. 90 for an hour and a half");
        }

        bool ok = true;
        switch (status) {
        case TalkStatus::Delayed:
            if (delay == 0) {
                diags.error(file, line, who + ": status \"delayed\" needs a delay of at least 1 minute",
                            "write the delay in whole minutes in column \"delay\", e.g. 15");
                ok = false;
            }
            if (!room.empty()) {
                diags.error(file, line, who + ": a room is given, but the status is \"delayed\"",
                            "to move the talk, write status \"moved\" with the new room (a delay may be given as well)");
                ok = false;
            }
            break;
        case TalkStatus::Cancelled:
            if (has_delay || !room.empty())
                diags.warning(file, line, who + ": a cancelled talk needs no delay or room; they are ignored",
                              "leave delay and room empty for status \"cancelled\"");
            delay = 0;
            break;
        case TalkStatus::Moved:
            if (room.empty()) {
                diags.error(file, line, who + ": status \"moved\" needs the new room",
                            "write the id of the room from venue.toml in column \"room\"; " + roomList(m));
                ok = false;
            } else if (!m.room(room)) {
                if (rooms_readable && !c.origin.count("room:" + room))
                    diags.error(file, line, who + ": unknown room \"" + room + "\"",
                                "rooms are defined in venue.toml; known: " + roomList(m));
                ok = false;
            } else if (room == t.room) {
                diags.error(file, line, who + " is moved to room " + room + ", where it already is",
                            "write the room it moves to; a talk that only starts later is \"delayed\"");
                ok = false;
            }
            break;
        case TalkStatus::Scheduled: break;
        }
        if (note.de.empty() && !note.en.empty())
            diags.warning(file, line, who + ": note_en is given but note_de is empty",
                          "German visitors would see no note; write note_de as well");
        if (!ok) continue;

        t.status = status;
        t.delay_min = delay;
        t.change_note = note;
        if (status == TalkStatus::Moved) {
            t.moved_from = t.room;
            t.room = room;
        }
    }
}

void loadChanges(const std::string& dir, LoadedContent& c, Diagnostics& diags) {
    const std::string path = dir + "/" + kChangesFile;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            diags.error(kChangesFile, 0, std::string("cannot read file: ") + std::strerror(errno));
            c.failed_files.insert(kChangesFile);
        }
        return; // the file is optional
    }
    std::string bytes;
    if (!readContentFile(dir, kChangesFile, bytes, diags)) {
        c.failed_files.insert(kChangesFile);
        return;
    }
    c.files.push_back(kChangesFile);
    applyChanges(bytes, c, diags);
}

} // namespace ww
