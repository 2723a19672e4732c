// Dates, times and names of kinds, in the visitor's language and the event's time zone.
#pragma once

#include "core/model.h"
#include "core/timezone.h"

#include <string>
#include <vector>

namespace ww {

std::string clockText(const LocalDateTime& t);                        // "14:05"
std::string dayLong(const LocalDateTime& d, Lang lang);                // "Mittwoch, 7. September 2022"
std::string dayShort(const LocalDateTime& d, Lang lang);               // "Mi., 7. Sept." / "Wed, 7 Sep"
std::string eventDates(const Event& e, Lang lang);                     // "7.–8. September 2022"
std::string timeRange(const Talk& t, const TimeZone& tz, Lang lang);   // "09:00–09:30 Uhr"
const char* talkKindName(TalkKind k, Lang lang);
const char* poiName(PoiType t, Lang lang);
const char* poiIcon(PoiType t);
std::string speakersText(const Talk& t);                               // "Anna Beispiel (SAKD), …"

// [SECTION] Schedule helpers for the screens
// The event days, "YYYY-MM-DD", in order.
std::vector<std::string> eventDays(const Event& e);
// The day whose programme to show: today if it is an event day, else the nearest event day.
std::string programDay(const Event& e, const LocalDateTime& now);
// Running now and the next one in a room.
void roomNowNext(const Model& m, const std::string& room, int64_t now_utc, const Talk** now, const Talk** next);

// Folds for search and sorting: lower case, umlauts and ß spelled out the way visitors type them
// without the keys ("Straße" → "strasse", "Müller" → "muller").
std::string foldText(const std::string& s);

} // namespace ww
