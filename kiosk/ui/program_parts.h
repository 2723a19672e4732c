// Pieces the programme screens share (programme, talk, changes, the home teaser): a talk's live status
// as icon + words + colour, kind and length, times with the planned time struck through, text that
// can be struck through line by line, and the talk's entry in the `state` report.
#pragma once

#include "core/schedule.h"
#include "ui/context.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ww {

// The icon of a changed talk's status (cancelled, delayed, moved); nullptr for a scheduled one.
const char* statusIcon(const Talk& t);
// Icon and words together, "✕  Entfällt"; "" for a scheduled talk. Always shown with the icon, so
// the status never rests on colour alone.
std::string statusLine(const Ctx& c, const Talk& t);
// "Impuls · 15 Min." / "Impulse · 15 min": the kind and the length, so short impulses read as such.
std::string kindLabel(const Ctx& c, const Talk& t);
// "12 Min." / "12 min" (whole minutes).
std::string minutesText(const Ctx& c, int minutes);
// The room's name in the visitor's language (its id when unknown).
std::string roomName(const Ctx& c, const std::string& room_id);
// "10:15–11:00 Uhr" by effective times (the delay included), in the event's zone.
std::string effectiveRange(const Ctx& c, const Talk& t);
// The same by the printed programme times.
std::string plannedRange(const Ctx& c, const Talk& t);
// The exhibitor a speaker's organisation names ("SAKD", "Formwerk Dresden GmbH"), or null.
const Exhibitor* exhibitorForOrganisation(const Model& m, const std::string& organisation);

// Breaks `s` into the lines textWrapped() would draw at `width`.
std::vector<std::string> wrapLines(ImFont* font, const std::string& s, float width);
// Draws wrapped text (at most `max_lines`, the last one cut with "…"), optionally struck through.
// Returns the height used.
float textLines(Ctx& c, ImFont* font, ImVec2 pos, ImU32 col, const std::string& s, float width, bool strike,
                int max_lines = 1000);
// Height textLines() needs for the same arguments.
float textLinesHeight(ImFont* font, const std::string& s, float width, int max_lines = 1000);
// A line through one line of text drawn at `pos`.
void strikeThrough(Ctx& c, ImFont* font, ImVec2 pos, float width, ImU32 col);
// A thin progress bar with the running part filled.
void progressBar(Ctx& c, ImVec2 min, ImVec2 max, double progress);

// The talk as the `state` report lists it: id, status, effective and planned local times, room.
nlohmann::json talkReport(const Schedule& s, const Talk& t, Lang lang);

// The day's programme changes ("Programmänderungen"), each tapping through to its talk. Drawn by
// the programme screen when its route item is "changes:<YYYY-MM-DD>".
void drawChangesList(Ctx& c, const std::string& date);

} // namespace ww
