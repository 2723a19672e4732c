// The live programme as visitors see it: what runs now and next in a room, the talks of a day, the
// event days, the day's changes (delayed, cancelled, moved), and the moment the picture next changes.
// Everything is computed in the event's time zone from UTC seconds, never from the machine's TZ.
// No ImGui in here; the programme screens read it.
#pragma once

#include "core/model.h"
#include "core/timezone.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ww {

// [SECTION] One talk

// Planned times plus the event-day delay (a delayed or moved talk starts and ends delay_min later).
int64_t effectiveStartUtc(const Talk& t);
int64_t effectiveEndUtc(const Talk& t);
bool isCancelled(const Talk& t);
// Delayed, cancelled or moved: a talk staff changed on the event day.
bool isChanged(const Talk& t);
// Running at `now_utc` by its effective times; a cancelled talk never runs.
bool isRunning(const Talk& t, int64_t now_utc);

// [SECTION] Days

struct EventDay {
    std::string date;     // "2022-09-07", local to the event
    LocalDateTime day;    // the same date, time 00:00
    int64_t begin_utc = 0; // the day's window, see kDayChangeHour
    int64_t end_utc = 0;
};

// A day's programme runs from 04:00 local to 04:00 the next morning, so a talk at 01:00 after a
// long first evening is still part of the first day (as pretalx and frab file it), when that day is
// an event day.
constexpr int kDayChangeHour = 4;

// Which day the programme screen opens with, and why.
struct DayChoice {
    enum class Why {
        Today,       // the clock is on an event day
        BeforeEvent, // the event has not started: the first day is shown
        AfterEvent,  // the event is over: the last day is shown
        Between,     // a gap between event days: the nearest one is shown
        NoDays,      // no event days at all
    };
    int index = -1;       // into Schedule::days(), -1 when there are none
    std::string date;     // "" when there are none
    Why why = Why::NoDays;
    bool isToday() const { return why == Why::Today; }
};

// [SECTION] Now and next

struct RoomNowNext {
    std::string room;
    const Talk* now = nullptr;      // running now (never a cancelled talk)
    double progress = 0;            // 0..1 of `now`, by its effective times
    int minutes_left = 0;           // until `now` ends, rounded up
    const Talk* next = nullptr;     // the next talk that takes place here (starts at or after now)
    int minutes_until_next = 0;     // rounded up; 0 when it starts this minute
    // Cancelled talks of this room, and talks moved away from it, whose slot lies between now and the
    // start of `next` (or is running now): shown as "Entfällt" / "Verlegt nach …" so that a visitor
    // at the door knows why nothing happens.
    std::vector<const Talk*> notices;
};

// [SECTION] The schedule service

// Built once per content model; holds pointers into it, so rebuild it whenever the model is
// replaced (content hot reload). Cheap to build (sorting the talks), cheap to query every frame.
class Schedule {
public:
    explicit Schedule(const Model& model);

    const Model& model() const { return *model_; }
    const TimeZone& zone() const { return zone_; }

    // The event days from start_date to end_date, plus any other day a talk is filed on, in order.
    const std::vector<EventDay>& days() const { return days_; }
    // Index into days() of the day `t` is filed on (see kDayChangeHour); -1 if none.
    int dayIndexOf(const Talk& t) const;
    // Index into days() of a date "YYYY-MM-DD"; -1 if it is not one of them.
    int dayIndex(const std::string& date) const;
    // The day to open the programme with at `now_utc`: today if it is an event day, else the nearest.
    DayChoice dayToShow(int64_t now_utc) const;

    // Talks filed on the day, by effective start, then the venue's room order, then id. Cancelled
    // talks are included (lists show them as cancelled).
    std::vector<const Talk*> talksOn(int day_index) const;
    // Rooms that have talks on the day (by their current room), in the venue's order: the columns
    // of the day timeline.
    std::vector<const Room*> roomsOn(int day_index) const;
    // Delayed, cancelled and moved talks of the day, by effective start: "Programmänderungen".
    std::vector<const Talk*> changesOn(int day_index) const;

    // What runs now in `room_id` and what comes next there.
    RoomNowNext nowAndNext(const std::string& room_id, int64_t now_utc) const;
    // The same for every room with a talk now or later today (the day of `now_utc`), in venue order;
    // rooms with nothing left today are left out. The home screen's teaser and the map use this.
    std::vector<RoomNowNext> nowAndNextAll(int64_t now_utc) const;

    // The next moment after `now_utc` at which a talk starts or ends (effective times); 0 if none.
    int64_t nextBoundary(int64_t now_utc) const;
    // When the programme screens must be drawn again at the latest: the next full minute (countdowns
    // say "in 12 Min.") or an earlier start/end. Idle kiosks sleep until then.
    int64_t nextChange(int64_t now_utc) const;

    // Local wall time of a UTC instant in the event's zone.
    LocalDateTime local(int64_t utc) const { return zone_.toLocal(utc); }

private:
    // The date a moment is filed under (see kDayChangeHour), as days since 1970-01-01.
    int64_t filedDay(int64_t utc) const;
    int indexOfDay(int64_t civil_day) const;
    // End of the programme day that `now_utc` belongs to (event day or not).
    int64_t dayWindowEnd(int64_t now_utc) const;
    int roomOrder(const std::string& room_id) const;

    const Model* model_;
    TimeZone zone_;
    std::vector<int64_t> event_days_;          // start_date..end_date, days since 1970-01-01
    std::vector<EventDay> days_;
    std::vector<int64_t> day_numbers_;         // parallel to days_
    std::vector<const Talk*> by_start_;        // all talks by effective start, room order, id
    std::vector<int> day_of_;                  // parallel to by_start_
    std::vector<int64_t> boundaries_;          // sorted effective starts and ends
    std::unordered_map<std::string, int> room_order_;
    std::unordered_map<std::string, std::vector<const Talk*>> by_room_;    // current room, by start
    std::unordered_map<std::string, std::vector<const Talk*>> moved_away_; // by the room they left
};

// [SECTION] Words for the screens (German / English)

// "in 12 Min." / "in 12 min"; "in 1 Std. 5 Min." / "in 1 h 5 min"; "jetzt" / "now" for 0.
std::string minutesUntilText(int minutes, Lang lang);
// "seit 10 Min." / "for 10 min"; "seit 1 Std. 5 Min." / "for 1 h 5 min".
std::string minutesSinceText(int minutes, Lang lang);
// "noch 12 Min." / "12 min left".
std::string minutesLeftText(int minutes, Lang lang);
// "Mittwoch, 7. September" / "Wednesday, 7 September".
std::string dayTitle(const LocalDateTime& day, Lang lang);
// "09:30–10:15" in the event's zone, by effective times (a delayed talk shows its new times).
std::string talkTimeText(const Talk& t, const TimeZone& zone);
// The live status in words, "" for a scheduled talk:
// "Entfällt" / "Cancelled"; "Beginnt 15 Min. später" / "Starts 15 min late";
// "Verlegt nach Raum Elbe" / "Moved to Raum Elbe" (+ ", beginnt 15 Min. später" / ", starts 15 min late").
std::string statusText(const Talk& t, const Model& model, Lang lang);
// The note over a programme shown outside the event days, "" on an event day:
// BeforeEvent: "Die Veranstaltung beginnt am Mittwoch, 7. September." / "The event starts on Wednesday, 7 September."
// AfterEvent:  "Die Veranstaltung ist vorbei. Programm vom Donnerstag, 8. September." / "The event is over. Programme of Thursday, 8 September."
// Between:     "Heute kein Programm. Programm vom …" / "No programme today. Programme of …"
std::string dayNote(const Schedule& schedule, const DayChoice& choice, Lang lang);

} // namespace ww
