// Time in the event's time zone, whatever the machine's TZ says. Reads the IANA zone's TZif file
// from the system's zoneinfo (Debian's tzdata) and converts between UTC and local wall time,
// including the hour that happens twice when daylight saving time ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ww {

struct LocalDateTime {
    int year = 1970, month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
    bool operator==(const LocalDateTime& o) const;
    bool operator<(const LocalDateTime& o) const;
};

// "2022-09-07T09:00", "2022-09-07 09:00", "2022-09-07T09:00:30"; optionally followed by an explicit
// UTC offset "+02:00" (stored in *offset_s) which settles the doubled hour in autumn.
std::optional<LocalDateTime> parseLocalDateTime(const std::string& s, std::optional<int>* offset_s = nullptr);
// "2022-09-07"
std::optional<LocalDateTime> parseDate(const std::string& s);
// "09:00" → minutes since midnight
std::optional<int> parseClockTime(const std::string& s);
std::string formatIso(const LocalDateTime& t, bool seconds = false); // "2022-09-07T09:00"
std::string formatDate(const LocalDateTime& t);                      // "2022-09-07"

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int64_t daysFromCivil(int y, int m, int d);
void civilFromDays(int64_t days, int& y, int& m, int& d);
int weekday(const LocalDateTime& t); // 0 = Monday … 6 = Sunday
// Local wall time read as if it were UTC: handy for arithmetic on dates and clock times.
int64_t asEpochSeconds(const LocalDateTime& t);
LocalDateTime fromEpochSeconds(int64_t s);

class TimeZone {
public:
    // Loads "Europe/Berlin" etc. from $TZDIR or /usr/share/zoneinfo; "UTC" always works.
    // Returns nullopt with *error set for an unknown or unreadable zone.
    static std::optional<TimeZone> load(const std::string& name, std::string* error = nullptr);
    static TimeZone utc();

    const std::string& name() const { return name_; }
    // Seconds east of UTC in force at `utc`.
    int offsetAt(int64_t utc) const;
    LocalDateTime toLocal(int64_t utc) const;

    struct Resolved {
        int64_t utc = 0;
        bool ambiguous = false;   // the wall time happened twice (end of DST)
        bool nonexistent = false; // the wall time was skipped (start of DST); moved forward by the gap
    };
    // Wall time → UTC. In the doubled hour `later` picks the second occurrence.
    Resolved toUtc(const LocalDateTime& local, bool later = false) const;

private:
    struct Transition {
        int64_t at;      // UTC seconds when this offset starts
        int offset;      // seconds east of UTC
    };
    std::string name_;
    std::vector<Transition> transitions_; // sorted
    int initial_offset_ = 0;
    // POSIX TZ rule from the TZif footer for times after the last transition (e.g. "CET-1CEST,M3.5.0,M10.5.0/3").
    std::string footer_;
    int footerOffset(int64_t utc) const;
};

} // namespace ww
