// Formatting and schedule helpers (see format.h).
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/strings.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace ww {

namespace {
const S kWeekdays[] = {S::Monday, S::Tuesday, S::Wednesday, S::Thursday, S::Friday, S::Saturday, S::Sunday};
const S kMonths[] = {S::January, S::February, S::March,     S::April,   S::May,      S::June,
                     S::July,    S::August,   S::September, S::October, S::November, S::December};

std::string monthName(int m, Lang lang) { return tr(kMonths[std::clamp(m, 1, 12) - 1], lang); }

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
} // namespace

std::string clockText(const LocalDateTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

std::string dayLong(const LocalDateTime& d, Lang lang) {
    const std::string wd = tr(kWeekdays[weekday(d)], lang);
    char buf[96];
    if (lang == Lang::De)
        std::snprintf(buf, sizeof buf, "%s, %d. %s %d", wd.c_str(), d.day, monthName(d.month, lang).c_str(), d.year);
    else
        std::snprintf(buf, sizeof buf, "%s, %d %s %d", wd.c_str(), d.day, monthName(d.month, lang).c_str(), d.year);
    return buf;
}

std::string dayShort(const LocalDateTime& d, Lang lang) {
    const std::string wd = tr(kWeekdays[weekday(d)], lang);
    char buf[64];
    if (lang == Lang::De)
        std::snprintf(buf, sizeof buf, "%s, %d. %s", wd.c_str(), d.day, monthName(d.month, lang).c_str());
    else
        std::snprintf(buf, sizeof buf, "%s, %d %s", wd.c_str(), d.day, monthName(d.month, lang).c_str());
    return buf;
}

std::string eventDates(const Event& e, Lang lang) {
    const auto a = parseDate(e.start_date);
    const auto b = parseDate(e.end_date.empty() ? e.start_date : e.end_date);
    if (!a || !b) return e.start_date;
    char buf[128];
    const std::string ma = monthName(a->month, lang), mb = monthName(b->month, lang);
    if (*a == *b) {
        std::snprintf(buf, sizeof buf, lang == Lang::De ? "%d. %s %d" : "%d %s %d", a->day, ma.c_str(), a->year);
    } else if (a->month == b->month && a->year == b->year) {
        // The en dash without spaces joins a range: „7.–8. September 2022“.
        std::snprintf(buf, sizeof buf, lang == Lang::De ? "%d.–%d. %s %d" : "%d–%d %s %d", a->day, b->day, mb.c_str(),
                      b->year);
    } else {
        std::snprintf(buf, sizeof buf, lang == Lang::De ? "%d. %s – %d. %s %d" : "%d %s – %d %s %d", a->day,
                      ma.c_str(), b->day, mb.c_str(), b->year);
    }
    return buf;
}

std::string timeRange(const Talk& t, const TimeZone& tz, Lang lang) {
    return fmt(S::FromTo, lang, clockText(tz.toLocal(t.start_utc)).c_str(), clockText(tz.toLocal(t.end_utc)).c_str());
}

const char* talkKindName(TalkKind k, Lang lang) {
    switch (k) {
    case TalkKind::Talk: return tr(S::KindTalk, lang);
    case TalkKind::Keynote: return tr(S::KindKeynote, lang);
    case TalkKind::Impulse: return tr(S::KindImpulse, lang);
    case TalkKind::Panel: return tr(S::KindPanel, lang);
    case TalkKind::Workshop: return tr(S::KindWorkshop, lang);
    case TalkKind::Break: return tr(S::KindBreak, lang);
    }
    return "";
}

const char* poiName(PoiType t, Lang lang) {
    switch (t) {
    case PoiType::Toilet: return tr(S::PoiToilet, lang);
    case PoiType::AccessibleToilet: return tr(S::PoiAccessibleToilet, lang);
    case PoiType::Lift: return tr(S::PoiLift, lang);
    case PoiType::Stairs: return tr(S::PoiStairs, lang);
    case PoiType::Escalator: return tr(S::PoiEscalator, lang);
    case PoiType::Exit: return tr(S::PoiExit, lang);
    case PoiType::InfoDesk: return tr(S::PoiInfoDesk, lang);
    case PoiType::Cloakroom: return tr(S::PoiCloakroom, lang);
    case PoiType::Catering: return tr(S::PoiCatering, lang);
    case PoiType::FirstAid: return tr(S::PoiFirstAid, lang);
    }
    return "";
}

const char* poiIcon(PoiType t) {
    switch (t) {
    case PoiType::Toilet: return icon::Toilet;
    case PoiType::AccessibleToilet: return icon::Wheelchair;
    case PoiType::Lift: return icon::Lift;
    case PoiType::Stairs: return icon::Stairs;
    case PoiType::Escalator: return icon::Stairs;
    case PoiType::Exit: return icon::Exit;
    case PoiType::InfoDesk: return icon::InfoDesk;
    case PoiType::Cloakroom: return icon::Cloakroom;
    case PoiType::Catering: return icon::Catering;
    case PoiType::FirstAid: return icon::FirstAid;
    }
    return icon::Circle;
}

std::string speakersText(const Talk& t) {
    std::string out;
    for (const Speaker& s : t.speakers) {
        if (!out.empty()) out += ", ";
        out += s.name;
        if (!s.organisation.empty()) out += " (" + s.organisation + ")";
    }
    return out;
}

std::vector<std::string> eventDays(const Event& e) {
    std::vector<std::string> out;
    const auto a = parseDate(e.start_date);
    const auto b = parseDate(e.end_date.empty() ? e.start_date : e.end_date);
    if (!a || !b) return out;
    const int64_t da = daysFromCivil(a->year, a->month, a->day), db = daysFromCivil(b->year, b->month, b->day);
    for (int64_t d = da; d <= db && out.size() < 31; ++d) {
        LocalDateTime t;
        civilFromDays(d, t.year, t.month, t.day);
        out.push_back(formatDate(t));
    }
    return out;
}

std::string programDay(const Event& e, const LocalDateTime& now) {
    const auto days = eventDays(e);
    if (days.empty()) return formatDate(now);
    const int64_t today = daysFromCivil(now.year, now.month, now.day);
    std::string best = days.front();
    int64_t best_d = -1;
    for (const std::string& d : days) {
        const auto t = parseDate(d);
        const int64_t diff = std::llabs(daysFromCivil(t->year, t->month, t->day) - today);
        if (best_d < 0 || diff < best_d) {
            best = d;
            best_d = diff;
        }
    }
    return best;
}

void roomNowNext(const Model& m, const std::string& room, int64_t now_utc, const Talk** now, const Talk** next) {
    *now = nullptr;
    *next = nullptr;
    for (const Talk& t : m.talks) {
        if (t.room != room) continue;
        if (t.start_utc <= now_utc && now_utc < t.end_utc) *now = &t;
        else if (t.start_utc > now_utc && t.start_utc - now_utc < 14 * 3600 &&
                 (!*next || t.start_utc < (*next)->start_utc))
            *next = &t;
    }
}

std::string foldText(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(s[i]);
        if (ch < 0x80) {
            out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
            continue;
        }
        // Decode one UTF-8 sequence.
        unsigned cp = 0;
        int extra = 0;
        if ((ch & 0xE0) == 0xC0) { cp = ch & 0x1F; extra = 1; }
        else if ((ch & 0xF0) == 0xE0) { cp = ch & 0x0F; extra = 2; }
        else if ((ch & 0xF8) == 0xF0) { cp = ch & 0x07; extra = 3; }
        for (int k = 0; k < extra && i + 1 < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
        switch (cp) {
        case 0xC4: case 0xE4: out += 'a'; break; // Ä ä: visitors type "a" (or "ae", see search)
        case 0xD6: case 0xF6: out += 'o'; break;
        case 0xDC: case 0xFC: out += 'u'; break;
        case 0xDF: case 0x1E9E: out += "ss"; break;
        case 0xC0: case 0xC1: case 0xC2: case 0xE0: case 0xE1: case 0xE2: out += 'a'; break;
        case 0xC8: case 0xC9: case 0xCA: case 0xE8: case 0xE9: case 0xEA: out += 'e'; break;
        case 0xCE: case 0xCF: case 0xEE: case 0xEF: out += 'i'; break;
        case 0xD4: case 0xF4: out += 'o'; break;
        case 0xC7: case 0xE7: out += 'c'; break;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: out += '-'; break;
        case 0x201E: case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x201A: break;
        default:
            appendUtf8(out, cp);
        }
    }
    return out;
}

} // namespace ww
