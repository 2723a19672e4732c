// Calendar arithmetic and the event's time zone. Reads TZif files (RFC 8536, versions 1 to 4) and
// evaluates their POSIX TZ footer for instants after the last listed transition. Never consults the
// C library's local time or the TZ variable: a kiosk set to another zone must show the event's time.
#include "core/timezone.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ww {

namespace {

// [SECTION] Calendar

constexpr int64_t kSecondsPerDay = 86400;

int64_t floorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int64_t floorMod(int64_t a, int64_t b) {
    return a - floorDiv(a, b) * b;
}

bool isLeapYear(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int64_t y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && isLeapYear(y)) return 29;
    return kDays[m - 1];
}

// [SECTION] Small strict parsers for dates and clock times

// Reads exactly `n` decimal digits at `pos`.
bool readDigits(const std::string& s, size_t& pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    pos += n;
    out = v;
    return true;
}

std::string trimmed(const std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
        --e;
    return s.substr(b, e - b);
}

bool readDate(const std::string& s, size_t& pos, LocalDateTime& t) {
    if (!readDigits(s, pos, 4, t.year)) return false;
    if (pos >= s.size() || s[pos++] != '-') return false;
    if (!readDigits(s, pos, 2, t.month)) return false;
    if (pos >= s.size() || s[pos++] != '-') return false;
    if (!readDigits(s, pos, 2, t.day)) return false;
    if (t.month < 1 || t.month > 12) return false;
    return t.day >= 1 && t.day <= daysInMonth(t.year, t.month);
}

// [SECTION] POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3"), as found in the TZif footer

struct RuleDate {
    char kind = 'M'; // 'J': Jn, day 1..365 never counting 29 February; 'D': n, day 0..365; 'M': Mm.w.d
    int n = 0;
    int month = 0, week = 0, wday = 0; // wday 0 = Sunday
    int time = 7200;                   // local seconds after midnight; may be negative or beyond 24 h
};

struct PosixRule {
    int std_offset = 0; // seconds east of UTC (the POSIX string counts west)
    bool has_dst = false;
    int dst_offset = 0;
    RuleDate start, end;
};

class RuleParser {
  public:
    explicit RuleParser(const std::string& s) : s_(s) {}

    std::optional<PosixRule> parse() {
        PosixRule r;
        int west = 0;
        if (!name() || !signedHms(west, 24)) return std::nullopt;
        r.std_offset = -west;
        if (done()) return r;
        if (!name()) return std::nullopt;
        r.has_dst = true;
        r.dst_offset = r.std_offset + 3600;
        if (!done() && peek() != ',') {
            if (!signedHms(west, 24)) return std::nullopt;
            r.dst_offset = -west;
        }
        if (done()) {
            // No rule given: the traditional default is the United States rule.
            r.start = RuleDate{'M', 0, 3, 2, 0, 7200};
            r.end = RuleDate{'M', 0, 11, 1, 0, 7200};
            return r;
        }
        if (!eat(',') || !ruleDate(r.start) || !eat(',') || !ruleDate(r.end) || !done()) return std::nullopt;
        return r;
    }

  private:
    const std::string& s_;
    size_t pos_ = 0;

    bool done() const { return pos_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[pos_]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    // "CET" (three or more letters) or "<+0330>" (letters, digits, signs in angle brackets).
    bool name() {
        size_t begin = pos_;
        if (eat('<')) {
            while (!done() && (isAlpha(peek()) || isDigit(peek()) || peek() == '+' || peek() == '-'))
                ++pos_;
            size_t len = pos_ - begin - 1;
            return eat('>') && len >= 3;
        }
        while (!done() && isAlpha(peek()))
            ++pos_;
        return pos_ - begin >= 3;
    }

    bool number(int& out, int max_digits) {
        int digits = 0, v = 0;
        while (!done() && isDigit(peek()) && digits < max_digits) {
            v = v * 10 + (s_[pos_++] - '0');
            ++digits;
        }
        if (digits == 0 || (!done() && isDigit(peek()))) return false;
        out = v;
        return true;
    }

    // [+-]h[h[h]][:mm[:ss]] with hours up to max_hours.
    bool signedHms(int& out, int max_hours) {
        int sign = 1;
        if (eat('-'))
            sign = -1;
        else
            eat('+');
        int h = 0, m = 0, sec = 0;
        if (!number(h, 3) || h > max_hours) return false;
        if (eat(':')) {
            if (!number(m, 2) || m > 59) return false;
            if (eat(':') && (!number(sec, 2) || sec > 59)) return false;
        }
        out = sign * (h * 3600 + m * 60 + sec);
        return true;
    }

    bool ruleDate(RuleDate& d) {
        if (eat('J')) {
            d.kind = 'J';
            if (!number(d.n, 3) || d.n < 1 || d.n > 365) return false;
        } else if (eat('M')) {
            d.kind = 'M';
            if (!number(d.month, 2) || d.month < 1 || d.month > 12) return false;
            if (!eat('.') || !number(d.week, 1) || d.week < 1 || d.week > 5) return false;
            if (!eat('.') || !number(d.wday, 1) || d.wday > 6) return false;
        } else {
            d.kind = 'D';
            if (!number(d.n, 3) || d.n > 365) return false;
        }
        d.time = 7200;
        // TZif version 3 allows -167..167 hours here (e.g. Asia/Jerusalem's "M3.4.4/26").
        if (eat('/') && !signedHms(d.time, 167)) return false;
        return true;
    }
};

std::optional<PosixRule> parsePosixRule(const std::string& s) {
    return RuleParser(s).parse();
}

// Zones keep their rule as text; every clock reading needs it parsed. One remembered rule per thread
// covers the kiosk, which only ever asks about the event's zone.
const std::optional<PosixRule>& cachedPosixRule(const std::string& s) {
    thread_local bool parsed = false;
    thread_local std::string text;
    thread_local std::optional<PosixRule> rule;
    if (!parsed || s != text) {
        text = s;
        rule = parsePosixRule(s);
        parsed = true;
    }
    return rule;
}

// Days since the epoch of the local date the rule names in `year`.
int64_t ruleDay(const RuleDate& d, int year) {
    int64_t jan1 = daysFromCivil(year, 1, 1);
    switch (d.kind) {
    case 'J':
        return jan1 + d.n - 1 + ((isLeapYear(year) && d.n >= 60) ? 1 : 0);
    case 'D':
        return jan1 + d.n;
    default: {
        int64_t first = daysFromCivil(year, d.month, 1);
        int first_wday = static_cast<int>(floorMod(first + 4, 7)); // 1970-01-01 was a Thursday
        int64_t day = first + floorMod(d.wday - first_wday, 7) + 7 * (d.week - 1);
        // Week 5 means "the last such weekday", which may be the fourth.
        while (day >= first + daysInMonth(year, d.month))
            day -= 7;
        return day;
    }
    }
}

struct RuleChange {
    int64_t at; // UTC
    bool to_dst;
};

// The two changes of `year`: each rule time is local time as it reads just before the change.
void ruleChanges(const PosixRule& r, int year, RuleChange out[2]) {
    out[0] = {ruleDay(r.start, year) * kSecondsPerDay + r.start.time - r.std_offset, true};
    out[1] = {ruleDay(r.end, year) * kSecondsPerDay + r.end.time - r.dst_offset, false};
}

// Keeps calendar arithmetic far from integer overflow for absurd instants.
int64_t clampInstant(int64_t utc) {
    const int64_t kLimit = int64_t(1) << 45; // about a million years
    return std::min(std::max(utc, -kLimit), kLimit);
}

int yearOf(int64_t utc) {
    int y, m, d;
    civilFromDays(floorDiv(utc, kSecondsPerDay), y, m, d);
    return y;
}

// All rule changes of the years around `utc`, ordered; at equal instants the end of DST comes first
// so that a zone with DST all year ("EST5EDT,0/0,J365/25") stays in DST.
std::vector<RuleChange> ruleChangesAround(const PosixRule& r, int64_t from, int64_t to) {
    std::vector<RuleChange> changes;
    int y0 = yearOf(clampInstant(from)) - 1, y1 = yearOf(clampInstant(to)) + 1;
    for (int y = y0; y <= y1; ++y) {
        RuleChange c[2];
        ruleChanges(r, y, c);
        changes.push_back(c[0]);
        changes.push_back(c[1]);
    }
    std::sort(changes.begin(), changes.end(), [](const RuleChange& a, const RuleChange& b) {
        return a.at != b.at ? a.at < b.at : (!a.to_dst && b.to_dst);
    });
    return changes;
}

// The latest change at or before `utc` decides; called for every clock reading, so no allocation.
int ruleOffset(const PosixRule& r, int64_t utc) {
    if (!r.has_dst) return r.std_offset;
    utc = clampInstant(utc);
    const int year = yearOf(utc);
    bool found = false;
    RuleChange latest{0, false};
    for (int y = year - 1; y <= year + 1; ++y) {
        RuleChange c[2];
        ruleChanges(r, y, c);
        for (const RuleChange& change : c) {
            if (change.at > utc) continue;
            // Same order as ruleChangesAround: at equal instants the start of DST comes last.
            if (!found || change.at > latest.at || (change.at == latest.at && change.to_dst)) latest = change;
            found = true;
        }
    }
    return found && latest.to_dst ? r.dst_offset : r.std_offset;
}

// [SECTION] TZif files

struct ParsedZone {
    std::vector<std::pair<int64_t, int>> transitions; // (UTC instant, offset)
    int initial_offset = 0;
    std::string footer;
};

class ByteReader {
  public:
    ByteReader(const std::string& data) : data_(data) {}
    bool has(uint64_t n) const { return n <= data_.size() - pos_; }
    size_t pos() const { return pos_; }
    size_t remaining() const { return data_.size() - pos_; }
    void skip(size_t n) { pos_ += n; }
    uint8_t u8() { return static_cast<uint8_t>(data_[pos_++]); }
    uint32_t u32() {
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | u8();
        return v;
    }
    int32_t i32() { return static_cast<int32_t>(u32()); }
    int64_t i64() {
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | u8();
        return static_cast<int64_t>(v);
    }
    char at(size_t i) const { return data_[i]; }

  private:
    const std::string& data_;
    size_t pos_ = 0;
};

struct TzifHeader {
    char version = 0;
    uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
    uint64_t dataSize(int time_size) const {
        return uint64_t(timecnt) * (time_size + 1) + uint64_t(typecnt) * 6 + charcnt +
               uint64_t(leapcnt) * (time_size + 4) + isstdcnt + isutcnt;
    }
};

bool readHeader(ByteReader& in, TzifHeader& h, std::string& why) {
    if (!in.has(44)) {
        why = "too short for a TZif header";
        return false;
    }
    size_t p = in.pos();
    if (in.at(p) != 'T' || in.at(p + 1) != 'Z' || in.at(p + 2) != 'i' || in.at(p + 3) != 'f') {
        why = "not a TZif file (the first bytes are not \"TZif\")";
        return false;
    }
    in.skip(4);
    h.version = static_cast<char>(in.u8());
    if (h.version != 0 && (h.version < '2' || h.version > '9')) {
        why = "unknown TZif version";
        return false;
    }
    in.skip(15);
    h.isutcnt = in.u32();
    h.isstdcnt = in.u32();
    h.leapcnt = in.u32();
    h.timecnt = in.u32();
    h.typecnt = in.u32();
    h.charcnt = in.u32();
    return true;
}

bool readData(ByteReader& in, const TzifHeader& h, int time_size, ParsedZone& z, std::string& why) {
    if (!in.has(h.dataSize(time_size))) {
        why = "the file ends before its data does";
        return false;
    }
    if (h.typecnt == 0) {
        why = "no local time types";
        return false;
    }
    if ((h.isstdcnt != 0 && h.isstdcnt != h.typecnt) || (h.isutcnt != 0 && h.isutcnt != h.typecnt)) {
        why = "inconsistent counts in the header";
        return false;
    }
    if (h.leapcnt != 0) {
        why = "zones with leap seconds (\"right/...\") are not supported";
        return false;
    }
    std::vector<int64_t> times(h.timecnt);
    for (uint32_t i = 0; i < h.timecnt; ++i)
        times[i] = time_size == 8 ? in.i64() : in.i32();
    std::vector<uint8_t> indices(h.timecnt);
    for (uint32_t i = 0; i < h.timecnt; ++i)
        indices[i] = in.u8();
    std::vector<int> offsets(h.typecnt);
    for (uint32_t i = 0; i < h.typecnt; ++i) {
        int32_t utoff = in.i32();
        in.skip(2); // isdst, abbreviation index: the kiosk shows neither
        // RFC 8536 bounds; anything beyond 25 hours is a damaged file.
        if (utoff < -89999 || utoff > 93599) {
            why = "a UTC offset out of range";
            return false;
        }
        offsets[i] = utoff;
    }
    in.skip(h.charcnt + h.isstdcnt + h.isutcnt);

    const int64_t kTimeLimit = int64_t(1) << 60; // well beyond the "big bang" marker zic writes
    z.transitions.clear();
    for (uint32_t i = 0; i < h.timecnt; ++i) {
        if (indices[i] >= h.typecnt) {
            why = "a transition refers to a missing local time type";
            return false;
        }
        if (times[i] < -kTimeLimit || times[i] > kTimeLimit || (i > 0 && times[i] <= times[i - 1])) {
            why = "transition times out of order or out of range";
            return false;
        }
        z.transitions.emplace_back(times[i], offsets[indices[i]]);
    }
    z.initial_offset = offsets[0];
    return true;
}

bool parseTzif(const std::string& data, ParsedZone& z, std::string& why) {
    ByteReader in(data);
    TzifHeader h;
    if (!readHeader(in, h, why)) return false;
    if (h.version == 0) return readData(in, h, 4, z, why);

    // Version 2 and later repeat everything with 64-bit times; the first block only serves old readers.
    if (!in.has(h.dataSize(4))) {
        why = "the file ends before its data does";
        return false;
    }
    in.skip(static_cast<size_t>(h.dataSize(4)));
    if (!readHeader(in, h, why) || !readData(in, h, 8, z, why)) return false;

    z.footer.clear();
    if (in.remaining() == 0) return true;
    size_t start = in.pos();
    if (in.at(start) != '\n') {
        why = "the TZ rule at the end is not enclosed in newlines";
        return false;
    }
    size_t end = data.find('\n', start + 1);
    if (end == std::string::npos) {
        why = "the TZ rule at the end is not enclosed in newlines";
        return false;
    }
    z.footer = data.substr(start + 1, end - start - 1);
    if (!z.footer.empty() && !parsePosixRule(z.footer)) {
        why = "cannot read the TZ rule \"" + z.footer + "\"";
        return false;
    }
    return true;
}

// IANA names are relative paths of letters, digits and "_-+"; refuse anything that could leave the
// zoneinfo directory.
bool isValidZoneName(const std::string& name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
    std::string part;
    for (size_t i = 0; i <= name.size(); ++i) {
        char c = i < name.size() ? name[i] : '/';
        if (c == '/') {
            if (part.empty() || part == "." || part == "..") return false;
            part.clear();
            continue;
        }
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '-' || c == '+' || c == '.';
        if (!ok) return false;
        part += c;
    }
    return name.find("..") == std::string::npos;
}

std::string zoneDirectory() {
    const char* dir = std::getenv("TZDIR");
    if (dir && *dir) return dir;
    return "/usr/share/zoneinfo";
}

} // namespace

// [SECTION] LocalDateTime and calendar functions

bool LocalDateTime::operator==(const LocalDateTime& o) const {
    return year == o.year && month == o.month && day == o.day && hour == o.hour && minute == o.minute &&
           second == o.second;
}

bool LocalDateTime::operator<(const LocalDateTime& o) const {
    const int a[6] = {year, month, day, hour, minute, second};
    const int b[6] = {o.year, o.month, o.day, o.hour, o.minute, o.second};
    return std::lexicographical_compare(std::begin(a), std::end(a), std::begin(b), std::end(b));
}

std::optional<LocalDateTime> parseLocalDateTime(const std::string& text, std::optional<int>* offset_s) {
    const std::string s = trimmed(text);
    LocalDateTime t;
    size_t pos = 0;
    if (!readDate(s, pos, t)) return std::nullopt;
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != ' ')) return std::nullopt;
    ++pos;
    if (!readDigits(s, pos, 2, t.hour) || pos >= s.size() || s[pos++] != ':' ||
        !readDigits(s, pos, 2, t.minute))
        return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!readDigits(s, pos, 2, t.second)) return std::nullopt;
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;

    std::optional<int> offset;
    if (pos < s.size()) {
        char c = s[pos++];
        if (c == 'Z' && pos == s.size()) {
            offset = 0;
        } else if (c == '+' || c == '-') {
            int oh = 0, om = 0;
            if (!readDigits(s, pos, 2, oh) || pos >= s.size() || s[pos++] != ':' ||
                !readDigits(s, pos, 2, om))
                return std::nullopt;
            if (pos != s.size() || oh > 23 || om > 59) return std::nullopt;
            offset = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return std::nullopt;
        }
    }
    if (offset_s) *offset_s = offset;
    return t;
}

std::optional<LocalDateTime> parseDate(const std::string& text) {
    const std::string s = trimmed(text);
    LocalDateTime t;
    size_t pos = 0;
    if (!readDate(s, pos, t) || pos != s.size()) return std::nullopt;
    return t;
}

std::optional<int> parseClockTime(const std::string& text) {
    const std::string s = trimmed(text);
    size_t pos = 0;
    int h = 0, m = 0;
    // "9:00" is as good as "09:00".
    size_t hour_digits = (s.size() >= 2 && s[1] == ':') ? 1 : 2;
    if (!readDigits(s, pos, hour_digits, h) || pos >= s.size() || s[pos++] != ':' ||
        !readDigits(s, pos, 2, m))
        return std::nullopt;
    if (pos != s.size() || h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string formatIso(const LocalDateTime& t, bool seconds) {
    char buf[64];
    if (seconds)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                      t.minute, t.second);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return buf;
}

std::string formatDate(const LocalDateTime& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

// Counts in 400-year cycles (146097 days each) of years that start on 1 March, so that the leap
// day is the last day of a year and the month lengths before it follow a fixed pattern.
int64_t daysFromCivil(int y, int m, int d) {
    int64_t year = static_cast<int64_t>(y) - (m <= 2 ? 1 : 0);
    int64_t era = floorDiv(year, 400);
    int64_t year_of_era = year - era * 400;                         // 0..399
    int64_t month_from_march = (m + 9) % 12;                        // March = 0 … February = 11
    int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1; // 0..365
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468; // 719468 days from 0000-03-01 to 1970-01-01
}

void civilFromDays(int64_t days, int& y, int& m, int& d) {
    int64_t z = days + 719468;
    int64_t era = floorDiv(z, 146097);
    int64_t day_of_era = z - era * 146097; // 0..146096
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_from_march = (5 * day_of_year + 2) / 153;
    d = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    m = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    y = static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0));
}

int weekday(const LocalDateTime& t) {
    return static_cast<int>(floorMod(daysFromCivil(t.year, t.month, t.day) + 3, 7)); // 1970-01-01: Thursday
}

int64_t asEpochSeconds(const LocalDateTime& t) {
    return daysFromCivil(t.year, t.month, t.day) * kSecondsPerDay + t.hour * 3600 + t.minute * 60 + t.second;
}

LocalDateTime fromEpochSeconds(int64_t s) {
    LocalDateTime t;
    int64_t days = floorDiv(s, kSecondsPerDay);
    int64_t rest = s - days * kSecondsPerDay;
    civilFromDays(days, t.year, t.month, t.day);
    t.hour = static_cast<int>(rest / 3600);
    t.minute = static_cast<int>(rest / 60 % 60);
    t.second = static_cast<int>(rest % 60);
    return t;
}

// [SECTION] TimeZone

std::optional<TimeZone> TimeZone::load(const std::string& name, std::string* error) {
    auto fail = [&](const std::string& message) -> std::optional<TimeZone> {
        if (error) *error = message;
        return std::nullopt;
    };
    if (name == "UTC") return utc();
    if (!isValidZoneName(name))
        return fail("\"" + name + "\" is not a time zone name; expected an IANA name such as Europe/Berlin");

    const std::string path = zoneDirectory() + "/" + name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return fail("unknown time zone \"" + name + "\" (no file " + path +
                    "); expected an IANA name such as Europe/Berlin");
    std::ifstream file(path, std::ios::binary);
    std::string data;
    const size_t kMaxSize = size_t(1) << 20; // real zone files are a few kilobytes
    if (file) {
        std::ostringstream buf;
        buf << file.rdbuf();
        data = buf.str();
    }
    if (!file || data.empty()) return fail("cannot read time zone file " + path);
    if (data.size() > kMaxSize) return fail("time zone file " + path + " is too large to be a zone file");

    ParsedZone z;
    std::string why;
    if (!parseTzif(data, z, why)) return fail("time zone file " + path + " is damaged: " + why);

    TimeZone tz;
    tz.name_ = name;
    tz.initial_offset_ = z.initial_offset;
    tz.footer_ = z.footer;
    tz.transitions_.reserve(z.transitions.size());
    for (const auto& t : z.transitions)
        tz.transitions_.push_back(Transition{t.first, t.second});
    return tz;
}

TimeZone TimeZone::utc() {
    TimeZone tz;
    tz.name_ = "UTC";
    return tz;
}

int TimeZone::footerOffset(int64_t utc) const {
    const std::optional<PosixRule>& rule = cachedPosixRule(footer_);
    if (!rule) return transitions_.empty() ? initial_offset_ : transitions_.back().offset;
    return ruleOffset(*rule, utc);
}

int TimeZone::offsetAt(int64_t utc) const {
    if (transitions_.empty()) return footer_.empty() ? initial_offset_ : footerOffset(utc);
    auto next = std::upper_bound(transitions_.begin(), transitions_.end(), utc,
                                 [](int64_t t, const Transition& tr) { return t < tr.at; });
    if (next == transitions_.begin()) return initial_offset_;
    if (next == transitions_.end() && !footer_.empty()) return footerOffset(utc);
    return std::prev(next)->offset;
}

LocalDateTime TimeZone::toLocal(int64_t utc) const {
    return fromEpochSeconds(utc + offsetAt(utc));
}

TimeZone::Resolved TimeZone::toUtc(const LocalDateTime& local, bool later) const {
    const int64_t wall = asEpochSeconds(local);
    // Offsets stay within ±26 hours, so the instant lies in this window; list every offset change in it.
    const int64_t from = wall - 2 * kSecondsPerDay, to = wall + 2 * kSecondsPerDay;
    std::vector<int64_t> changes;
    auto first = std::upper_bound(transitions_.begin(), transitions_.end(), from,
                                  [](int64_t t, const Transition& tr) { return t < tr.at; });
    for (auto it = first; it != transitions_.end() && it->at <= to; ++it)
        changes.push_back(it->at);
    if (!footer_.empty() && (transitions_.empty() || to > transitions_.back().at)) {
        if (std::optional<PosixRule> rule = cachedPosixRule(footer_); rule && rule->has_dst) {
            for (const RuleChange& c : ruleChangesAround(*rule, from, to))
                if (c.at > from && c.at <= to && (transitions_.empty() || c.at > transitions_.back().at))
                    changes.push_back(c.at);
        }
    }
    std::sort(changes.begin(), changes.end());

    // Each offset in force somewhere in the window is a candidate; it fits if the instant it gives
    // actually has that offset.
    std::vector<int> offsets{offsetAt(from)};
    for (int64_t c : changes)
        offsets.push_back(offsetAt(c));
    std::vector<int64_t> fits;
    for (int o : offsets) {
        int64_t u = wall - o;
        if (offsetAt(u) == o && std::find(fits.begin(), fits.end(), u) == fits.end()) fits.push_back(u);
    }
    Resolved r;
    if (!fits.empty()) {
        std::sort(fits.begin(), fits.end());
        r.ambiguous = fits.size() > 1;
        r.utc = later ? fits.back() : fits.front();
        return r;
    }

    // Skipped by a change: read the wall time with the offset from before the gap, which lands the
    // same distance past the change as the wall time lies past its start.
    r.nonexistent = true;
    r.utc = wall - offsets.front();
    for (int64_t c : changes) {
        int before = offsetAt(c - 1), after = offsetAt(c);
        if (after > before && wall >= c + before && wall < c + after) {
            r.utc = wall - before;
            break;
        }
    }
    return r;
}

} // namespace ww
