// Importing pretalx/frab schedule.xml and c3voc/pretalx schedule.json: both are read into the same
// raw event records, then converted to talks by one set of rules, so that the two exports of one
// conference give identical talks. Lenient where real exports are sloppy (durations as H:MM or
// HH:MM:SS, ids as numbers or strings, HTML in abstracts, missing time zone), strict where data
// would be lost (no start, no title, a room the venue does not have).
#include "content/schedule_import.h"

#include "content/validate.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>

namespace ww {

const char* const kScheduleXmlFile = "schedule.xml";
const char* const kScheduleJsonFile = "schedule.json";

namespace {

// [SECTION] Small text helpers

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lowerAscii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return s;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
    else if (cp < 0x10000)
        out += static_cast<char>(0xE0 | (cp >> 12)), out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            out += static_cast<char>(0x80 | (cp & 0x3F));
    else
        out += static_cast<char>(0xF0 | (cp >> 18)), out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), out += static_cast<char>(0x80 | (cp & 0x3F));
}

// Line numbers from byte offsets, for parsers that report offsets.
class LineIndex {
public:
    explicit LineIndex(const std::string& text) {
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') newlines_.push_back(i);
    }
    int line(size_t offset) const {
        return static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin()) + 1;
    }
    int column(size_t offset) const {
        auto it = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
        size_t start = it == newlines_.begin() ? 0 : *(it - 1) + 1;
        return static_cast<int>(offset - start) + 1;
    }

private:
    std::vector<size_t> newlines_;
};

// [SECTION] HTML in abstracts

// Whether text carries HTML markup (FOSDEM writes <p>…</p>); plain text with a "<" stays as it is.
bool looksLikeHtml(const std::string& s) {
    static const char* const kTags[] = {"p", "br", "a", "ul", "ol", "li", "em", "strong", "b", "i", "code", "pre",
                                        "div", "span", "hr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"};
    for (size_t at = s.find('<'); at != std::string::npos; at = s.find('<', at + 1)) {
        size_t i = at + 1;
        if (i < s.size() && s[i] == '/') ++i;
        size_t b = i;
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        if (i == b || i >= s.size() || (s[i] != '>' && s[i] != ' ' && s[i] != '/')) continue;
        std::string name = lowerAscii(s.substr(b, i - b));
        for (const char* t : kTags)
            if (name == t) return true;
    }
    return false;
}

// Decodes one entity starting at s[at] == '&'; returns the characters consumed (0 = not an entity).
size_t decodeEntity(const std::string& s, size_t at, std::string& out) {
    size_t semi = s.find(';', at);
    if (semi == std::string::npos || semi - at > 10) return 0;
    std::string name = s.substr(at + 1, semi - at - 1);
    if (name.empty()) return 0;
    static const std::map<std::string, uint32_t> kNamed = {
        {"amp", '&'},     {"lt", '<'},      {"gt", '>'},      {"quot", '"'},    {"apos", '\''},   {"nbsp", ' '},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"auml", 0xE4},
        {"ouml", 0xF6},   {"uuml", 0xFC},   {"Auml", 0xC4},   {"Ouml", 0xD6},   {"Uuml", 0xDC},   {"szlig", 0xDF},
        {"eacute", 0xE9}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"bdquo", 0x201E},
        {"euro", 0x20AC}, {"copy", 0xA9}};
    if (name[0] == '#') {
        uint32_t cp = 0;
        bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 7) return 0;
        for (char ch : digits) {
            int v = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(ch)) ? std::tolower(ch) - 'a' + 10
                                                                          : -1;
            if (v < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
        }
        appendUtf8(out, cp);
        return semi - at + 1;
    }
    auto it = kNamed.find(name);
    if (it == kNamed.end()) return 0;
    appendUtf8(out, it->second);
    return semi - at + 1;
}

// Markup to plain text with paragraphs: tags dropped, block tags become line breaks, list items
// bullets, entities decoded.
std::string htmlToText(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '<') {
            size_t close = s.find('>', i);
            if (close == std::string::npos) break; // a cut-off tag at the end
            std::string tag = lowerAscii(s.substr(i + 1, close - i - 1));
            bool end_tag = !tag.empty() && tag[0] == '/';
            if (end_tag) tag.erase(0, 1);
            std::string name = tag.substr(0, tag.find_first_of(" /\t\n"));
            if (name == "br") out += "\n";
            else if (name == "li" && !end_tag) out += "\n\u2022 ";
            else if (name == "p" || name == "div" || name == "ul" || name == "ol" || name == "blockquote" ||
                     name == "pre" || name == "hr" || (name.size() == 2 && name[0] == 'h' && std::isdigit(static_cast<unsigned char>(name[1]))))
                out += "\n\n";
            i = close + 1;
        } else if (c == '&') {
            size_t n = decodeEntity(s, i, out);
            if (n == 0) out += c, ++i;
            else i += n;
        } else {
            out += c;
            ++i;
        }
    }
    // Whitespace as a reader expects it: single spaces, no blank lines beyond one.
    std::string clean;
    int newlines = 0;
    bool space = false;
    for (char c : out) {
        if (c == '\n') {
            ++newlines;
            space = false;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            space = true;
        } else {
            if (!clean.empty()) {
                if (newlines) clean += newlines > 1 ? "\n\n" : "\n";
                else if (space) clean += ' ';
            }
            newlines = 0;
            space = false;
            clean += c;
        }
    }
    return clean;
}

std::string plainText(std::string s) {
    // Windows line ends from pretalx text fields.
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    if (looksLikeHtml(s)) return htmlToText(s);
    return trim(s);
}

// [SECTION] Raw events, as either format writes them

struct RawEvent {
    std::string guid, id, date, start, duration, room, title, track, type, language, abstract, description;
    std::vector<std::string> persons;
    std::string day_date;  // the day's date, "2025-03-17"
    std::string day_start; // the day's window start, ISO with offset, may be empty
    int line = 0;
};

struct RawSchedule {
    std::string title, time_zone_name;
    std::vector<ImportedRoom> rooms; // every room named, in order
    std::vector<RawEvent> events;
};

// [SECTION] Conversion rules shared by XML and JSON

// Ids use letters, digits, '-', '_', '.', at most 64 characters (as the content format demands).
std::string sanitizeId(const std::string& raw) {
    std::string out;
    for (unsigned char c : raw) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 64) out.resize(64);
    return out;
}

// "H:MM", "HH:MM", "HH:MM:SS" or plain minutes → minutes.
std::optional<int> parseDuration(const std::string& raw) {
    std::string s = trim(raw);
    if (s.empty() || s.size() > 12) return std::nullopt;
    std::vector<int> parts;
    int v = 0;
    bool digit = false;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            v = v * 10 + (c - '0');
            // Far beyond a day in any unit; keeps the arithmetic below in range.
            if (v > 99999) return std::nullopt;
            digit = true;
        } else if (c == ':' && digit) {
            parts.push_back(v);
            v = 0;
            digit = false;
        } else {
            return std::nullopt;
        }
    }
    if (!digit) return std::nullopt;
    parts.push_back(v);
    if (parts.size() == 1) return parts[0];
    if (parts.size() > 3 || parts[1] > 59 || (parts.size() == 3 && parts[2] > 59)) return std::nullopt;
    int minutes = parts[0] * 60 + parts[1];
    if (parts.size() == 3 && parts[2] > 0) ++minutes; // a part-minute still takes the room
    return minutes;
}

// "2025-03-17T13:00:00.000-04:00", "…+0100" → the form parseLocalDateTime reads.
std::string normalizeIso(std::string s) {
    s = trim(s);
    size_t dot = s.find('.', 10);
    if (dot != std::string::npos) {
        size_t e = dot + 1;
        while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
        s.erase(dot, e - dot);
    }
    if (s.size() >= 5) {
        size_t sign = s.size() - 5;
        if ((s[sign] == '+' || s[sign] == '-') && sign > 10 &&
            std::all_of(s.begin() + static_cast<long>(sign) + 1, s.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
            s.insert(sign + 3, ":");
    }
    return s;
}

// Talk kinds from the export's free-text "type" (pretalx submission types, FOSDEM's maintrack/devroom).
TalkKind kindFromType(const std::string& type) {
    std::string t = lowerAscii(type);
    auto has = [&](const char* w) { return t.find(w) != std::string::npos; };
    if (has("keynote")) return TalkKind::Keynote;
    if (has("panel") || has("podium") || has("discussion") || has("diskussion")) return TalkKind::Panel;
    if (has("workshop") || has("tutorial") || has("hands-on")) return TalkKind::Workshop;
    if (has("lightning") || has("impuls")) return TalkKind::Impulse;
    if (has("break") || has("pause")) return TalkKind::Break;
    return TalkKind::Talk;
}

// "Name [Organisation]" as pretalx writes affiliations into names.
Speaker speakerFrom(const std::string& raw) {
    Speaker s;
    std::string name = trim(raw);
    if (!name.empty() && name.back() == ']') {
        size_t open = name.rfind('[');
        if (open != std::string::npos && open > 0) {
            s.organisation = trim(name.substr(open + 1, name.size() - open - 2));
            name = trim(name.substr(0, open));
        }
    }
    s.name = name;
    return s;
}

// Exports without a status field mark a cancellation in the title: "CANCELLED! Title", "[Abgesagt] Title".
bool stripCancelled(std::string& title) {
    static const char* const kWords[] = {"cancelled", "canceled", "abgesagt", "entfällt", "entfaellt"};
    std::string t = title;
    size_t i = 0;
    bool bracket = i < t.size() && (t[i] == '[' || t[i] == '(');
    if (bracket) ++i;
    std::string low = lowerAscii(t.substr(i, 12));
    for (const char* w : kWords) {
        std::string word = w;
        if (!startsWith(low, lowerAscii(word))) continue;
        size_t e = i + word.size();
        // A marker, not a word of the title ("Cancelled culture"): bracketed, followed by "!" or ":",
        // or written in capitals.
        bool caps = std::none_of(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e),
                                 [](char ch) { return ch >= 'a' && ch <= 'z'; });
        bool mark = e < t.size() && (t[e] == '!' || t[e] == ':' || t[e] == ']' || t[e] == ')');
        if (!bracket && !caps && !mark) continue;
        if (e < t.size() && std::isalnum(static_cast<unsigned char>(t[e]))) continue;
        while (e < t.size() && (t[e] == '!' || t[e] == ':' || t[e] == ']' || t[e] == ')' || t[e] == '-' || t[e] == ' ' ||
                                t[e] == '\t'))
            ++e;
        std::string rest = trim(t.substr(e));
        if (rest.empty()) return false;
        title = rest;
        return true;
    }
    return false;
}

std::string fmtOffset(int s) {
    char buf[16];
    int a = s < 0 ? -s : s;
    std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", s < 0 ? '-' : '+', (a / 3600) % 100, (a / 60) % 60);
    return buf;
}

// An export's texts get no "may not fit the screen" warnings (staff cannot shorten them), but one far
// beyond any screen is refused like in the content files: laying it out would stall every kiosk.
bool textFits(const std::string& text, size_t limit, const char* field, const std::string& who, const std::string& file,
              int line, Diagnostics& diags) {
    const size_t n = utf8Length(text), refuse = limit * kTextRefuseFactor;
    if (n <= refuse) return true;
    diags.error(file, line, who + ": " + field + " is " + std::to_string(n) + " characters long, far more than a screen shows",
                "shorten it in the planning tool and export again; texts over " + std::to_string(refuse) +
                    " characters are refused");
    return false;
}

ImportedSchedule convert(RawSchedule raw, const std::string& file, const TimeZone& zone, Diagnostics& diags) {
    const TextLimits limits;
    ImportedSchedule out;
    out.title = raw.title;
    out.time_zone_name = raw.time_zone_name;
    std::optional<TimeZone> export_zone;
    if (!raw.time_zone_name.empty()) export_zone = TimeZone::load(raw.time_zone_name);
    bool warned_zone = false, warned_no_offset = false;
    std::map<std::string, int> id_lines;
    std::set<std::string> used_rooms;

    for (RawEvent& e : raw.events) {
        const int line = e.line;
        ImportedTalk it;
        it.line = line;
        Talk& t = it.talk;
        std::string source_id = !trim(e.guid).empty() ? trim(e.guid) : trim(e.id);
        t.id = sanitizeId(source_id);
        const std::string who = "event " + (source_id.empty() ? "(without guid)" : source_id);
        if (t.id.empty()) {
            diags.error(file, line, "event without guid or id",
                        "every event needs a guid; export the schedule again from pretalx or frab");
            continue;
        }
        auto dup = id_lines.find(t.id);
        if (dup != id_lines.end()) {
            diags.error(file, line, "duplicate talk id \"" + t.id + "\"",
                        "the same guid is used at " + file + ":" + std::to_string(dup->second) +
                            "; every event of the export needs its own guid");
            continue;
        }
        id_lines.emplace(t.id, line);

        std::string title = trim(e.title);
        if (stripCancelled(title)) t.status = TalkStatus::Cancelled;
        t.title.de = title;
        bool ok = true;
        if (title.empty()) {
            diags.error(file, line, who + " has no title", "give the event a title in the planning tool and export again");
            ok = false;
        } else if (!textFits(title, limits.title, "title", who, file, line, diags)) {
            ok = false;
        }

        // Start: the ISO date with its UTC offset is the truth; the local "start" is only a fallback.
        std::optional<int> offset;
        std::optional<LocalDateTime> start = e.date.empty() ? std::nullopt : parseLocalDateTime(normalizeIso(e.date), &offset);
        bool have_utc = false;
        int64_t start_utc = 0;
        if (start && offset) {
            start_utc = asEpochSeconds(*start) - *offset;
            have_utc = true;
        } else {
            std::optional<LocalDateTime> local = start;
            if (!local && !e.day_date.empty() && !trim(e.start).empty()) {
                auto day = parseDate(e.day_date);
                auto minutes = parseClockTime(trim(e.start).substr(0, 5));
                if (day && minutes) {
                    local = *day;
                    local->hour = *minutes / 60;
                    local->minute = *minutes % 60;
                    // Days are windows (04:00 to 03:59): a time before the window's start is the next morning.
                    std::optional<int> day_off;
                    auto day_start = e.day_start.empty() ? std::nullopt : parseLocalDateTime(normalizeIso(e.day_start), &day_off);
                    if (day_start && (local->hour * 60 + local->minute) < (day_start->hour * 60 + day_start->minute))
                        *local = fromEpochSeconds(asEpochSeconds(*local) + 24 * 3600);
                }
            }
            if (local) {
                const TimeZone& z = export_zone ? *export_zone : zone;
                if (!export_zone && !warned_no_offset) {
                    diags.warning(file, line, "the export gives times without UTC offset and without a known time zone; "
                                              "they are read as local time in " + zone.name(),
                                  "export the schedule again with pretalx or frab, which write the offsets");
                    warned_no_offset = true;
                }
                start_utc = z.toUtc(*local).utc;
                have_utc = true;
            }
        }
        if (!have_utc) {
            diags.error(file, line, who + ": start \"" + (e.date.empty() ? e.start : e.date) + "\" is not a date and time",
                        "events need a date such as 2025-03-17T13:00:00-04:00");
            ok = false;
        }
        auto minutes = parseDuration(e.duration);
        if (!minutes) {
            diags.error(file, line, who + ": duration \"" + e.duration + "\" is not a duration",
                        "durations are written as H:MM, HH:MM or HH:MM:SS, e.g. 00:45");
            ok = false;
        } else if (*minutes <= 0 || *minutes > 24 * 60) {
            diags.error(file, line, who + ": duration \"" + e.duration + "\" is not between 1 minute and 24 hours",
                        "check the event's length in the planning tool");
            ok = false;
        }
        if (!ok) continue;

        if (!warned_zone && offset && zone.offsetAt(start_utc) != *offset) {
            diags.warning(file, line, "the export's times are for " + fmtOffset(*offset) + ", but the event's time zone " +
                                          zone.name() + " is at " + fmtOffset(zone.offsetAt(start_utc)) +
                                          " then; times are shown in " + zone.name(),
                          "check timezone in event.toml" +
                              (raw.time_zone_name.empty() ? std::string() : "; the export says " + raw.time_zone_name));
            warned_zone = true;
        }
        t.start_utc = start_utc;
        t.end_utc = start_utc + static_cast<int64_t>(*minutes) * 60;
        t.start = formatIso(zone.toLocal(t.start_utc));
        t.end = formatIso(zone.toLocal(t.end_utc));

        for (const std::string& p : e.persons) {
            Speaker s = speakerFrom(p);
            if (!s.name.empty()) t.speakers.push_back(std::move(s));
        }
        t.track = trim(e.track);
        t.kind = kindFromType(e.type);
        std::string lang = lowerAscii(trim(e.language)).substr(0, 2);
        t.language = lang.size() == 2 && std::isalpha(static_cast<unsigned char>(lang[0])) &&
                             std::isalpha(static_cast<unsigned char>(lang[1]))
                         ? lang
                         : "de";
        std::string abstract = plainText(e.abstract);
        std::string description = plainText(e.description);
        if (!description.empty() && description != abstract)
            abstract = abstract.empty() ? description : abstract + "\n\n" + description;
        if (!textFits(abstract, limits.abstract, "abstract", who, file, line, diags)) continue;
        t.abstract.de = abstract;

        it.room_name = trim(e.room);
        if (it.room_name.empty()) {
            diags.error(file, line, who + " has no room", "every event needs a room in the export");
            continue;
        }
        used_rooms.insert(it.room_name);
        out.talks.push_back(std::move(it));
    }
    std::set<std::string> listed;
    for (const ImportedRoom& r : raw.rooms)
        if (used_rooms.count(r.name) && listed.insert(r.name).second) out.rooms.push_back(r);
    // Rooms named only inside events (not as <room name=…> or a rooms list).
    for (const ImportedTalk& it : out.talks)
        if (listed.insert(it.room_name).second) out.rooms.push_back({it.room_name, it.line});
    return out;
}

// [SECTION] schedule.xml

std::string childText(const pugi::xml_node& n, const char* name) { return n.child(name).text().get(); }

} // namespace

std::optional<ImportedSchedule> parseScheduleXml(const std::string& bytes, const std::string& file, const TimeZone& zone,
                                                 Diagnostics& diags) {
    LineIndex lines(bytes);
    pugi::xml_document doc;
    pugi::xml_parse_result res = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!res) {
        size_t off = res.offset < 0 ? 0 : static_cast<size_t>(res.offset);
        diags.error(file, lines.line(off), std::string("XML syntax error: ") + res.description(),
                    "the file is damaged or incomplete; export the schedule again from pretalx or frab",
                    lines.column(off));
        return std::nullopt;
    }
    auto lineOf = [&](const pugi::xml_node& n) {
        ptrdiff_t off = n.offset_debug();
        return off < 0 ? 0 : lines.line(static_cast<size_t>(off));
    };
    pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != "schedule") {
        diags.error(file, root ? lineOf(root) : 1,
                    "this is not a schedule export: the document starts with <" + std::string(root.name()) +
                        ">, not <schedule>",
                    "use the schedule.xml that pretalx or frab export (…/schedule/export/schedule.xml)");
        return std::nullopt;
    }
    RawSchedule raw;
    pugi::xml_node conf = root.child("conference");
    raw.title = trim(childText(conf, "title"));
    raw.time_zone_name = trim(childText(conf, "time_zone_name"));
    for (pugi::xml_node day : root.children("day")) {
        std::string day_date = day.attribute("date").value();
        std::string day_start = day.attribute("start").value();
        for (pugi::xml_node room : day.children("room")) {
            std::string room_name = trim(room.attribute("name").value());
            if (!room_name.empty()) raw.rooms.push_back({room_name, lineOf(room)});
            for (pugi::xml_node ev : room.children("event")) {
                RawEvent e;
                e.line = lineOf(ev);
                e.guid = ev.attribute("guid").value();
                e.id = ev.attribute("id").value();
                e.date = childText(ev, "date");
                e.start = childText(ev, "start");
                e.duration = childText(ev, "duration");
                e.room = room_name.empty() ? childText(ev, "room") : room_name;
                e.title = childText(ev, "title");
                e.track = childText(ev, "track");
                e.type = childText(ev, "type");
                e.language = childText(ev, "language");
                e.abstract = childText(ev, "abstract");
                e.description = childText(ev, "description");
                for (pugi::xml_node p : ev.child("persons").children("person")) e.persons.push_back(p.text().get());
                e.day_date = day_date;
                e.day_start = day_start;
                raw.events.push_back(std::move(e));
            }
        }
    }
    if (raw.events.empty() && !root.child("day"))
        diags.warning(file, lineOf(root), "the schedule has no <day> with events", "check that the export is complete");
    return convert(std::move(raw), file, zone, diags);
}

// [SECTION] schedule.json

namespace {

using Json = nlohmann::ordered_json;

// A value as text whether the export wrote a string, a number or null.
std::string jsonText(const Json& obj, const char* key) {
    if (!obj.is_object()) return "";
    auto it = obj.find(key);
    if (it == obj.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    if (it->is_number_unsigned()) return std::to_string(it->get<uint64_t>());
    if (it->is_number_float()) return it->dump();
    if (it->is_object()) return jsonText(*it, "name"); // {"name": "Track"} in some exports
    return "";
}

const Json* jsonChild(const Json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

// Real exports nest about six levels deep. The JSON library copies and frees nested values
// recursively, so a document nested some ten thousand levels deep would overflow the stack.
constexpr int kMaxJsonDepth = 64;

// The offset where `bytes` first opens more than `limit` arrays and objects, or npos. Syntax errors
// are left to the parser.
size_t tooDeep(const std::string& bytes, int limit) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

// Finds where a string value is written, searching on from `from`; JSON text may escape it either way.
size_t findJsonString(const std::string& bytes, const std::string& value, size_t from) {
    for (bool ascii : {false, true}) {
        std::string needle = Json(value).dump(-1, ' ', ascii, Json::error_handler_t::replace);
        size_t at = bytes.find(needle, from);
        if (at != std::string::npos) return at;
    }
    return std::string::npos;
}

} // namespace

std::optional<ImportedSchedule> parseScheduleJson(const std::string& bytes, const std::string& file,
                                                  const TimeZone& zone, Diagnostics& diags) {
    LineIndex lines(bytes);
    if (const size_t deep = tooDeep(bytes, kMaxJsonDepth); deep != std::string::npos) {
        diags.error(file, lines.line(deep), "JSON nested more than " + std::to_string(kMaxJsonDepth) +
                                                " levels deep; a schedule export nests about six",
                    "the file is damaged or not a schedule export; export the schedule again from pretalx",
                    lines.column(deep));
        return std::nullopt;
    }
    Json doc;
    try {
        doc = Json::parse(bytes);
    } catch (const Json::parse_error& e) {
        std::string msg = e.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …" → the part after ": ".
        size_t colon = msg.find(": ");
        if (colon != std::string::npos) msg = msg.substr(colon + 2);
        size_t off = e.byte > 0 ? e.byte - 1 : 0;
        diags.error(file, lines.line(off), "JSON syntax error: " + msg,
                    "the file is damaged or incomplete; export the schedule again from pretalx", lines.column(off));
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(file, 0, std::string("cannot read the JSON: ") + e.what(), "export the schedule again from pretalx");
        return std::nullopt;
    }
    const Json* schedule = jsonChild(doc, "schedule");
    const Json* conf = schedule ? jsonChild(*schedule, "conference") : nullptr;
    if (!conf || !conf->is_object()) {
        diags.error(file, 1, "this is not a schedule export: there is no \"schedule\" with a \"conference\"",
                    "use the schedule.json that pretalx exports (…/schedule/export/schedule.json)");
        return std::nullopt;
    }
    RawSchedule raw;
    raw.title = trim(jsonText(*conf, "title"));
    raw.time_zone_name = trim(jsonText(*conf, "time_zone_name"));
    size_t cursor = 0;
    auto lineOfString = [&](const std::string& value, bool advance) {
        if (value.empty()) return 0;
        size_t at = findJsonString(bytes, value, cursor);
        if (at == std::string::npos) at = findJsonString(bytes, value, 0);
        if (at == std::string::npos) return 0;
        if (advance) cursor = at;
        return lines.line(at);
    };
    if (const Json* rooms = jsonChild(*conf, "rooms"); rooms && rooms->is_array())
        for (const Json& r : *rooms) {
            std::string name = trim(jsonText(r, "name"));
            if (!name.empty()) raw.rooms.push_back({name, lineOfString(name, false)});
        }
    const Json* days = jsonChild(*conf, "days");
    if (!days || !days->is_array()) {
        diags.error(file, 0, "the schedule has no \"days\" list", "check that the export is complete");
        return std::nullopt;
    }
    for (const Json& day : *days) {
        std::string day_date = jsonText(day, "date");
        std::string day_start = jsonText(day, "day_start");
        const Json* rooms = jsonChild(day, "rooms");
        if (!rooms || !rooms->is_object()) continue;
        for (auto it = rooms->begin(); it != rooms->end(); ++it) {
            std::string room_name = trim(it.key());
            if (!room_name.empty()) raw.rooms.push_back({room_name, lineOfString(it.key(), false)});
            if (!it.value().is_array()) continue;
            for (const Json& ev : it.value()) {
                if (!ev.is_object()) continue;
                RawEvent e;
                e.guid = jsonText(ev, "guid");
                e.id = jsonText(ev, "id");
                e.line = lineOfString(!e.guid.empty() ? e.guid : jsonText(ev, "title"), true);
                e.date = jsonText(ev, "date");
                e.start = jsonText(ev, "start");
                e.duration = jsonText(ev, "duration");
                e.room = room_name.empty() ? jsonText(ev, "room") : room_name;
                e.title = jsonText(ev, "title");
                e.track = jsonText(ev, "track");
                e.type = jsonText(ev, "type");
                e.language = jsonText(ev, "language");
                e.abstract = jsonText(ev, "abstract");
                e.description = jsonText(ev, "description");
                if (const Json* persons = jsonChild(ev, "persons"); persons && persons->is_array())
                    for (const Json& p : *persons) {
                        if (p.is_string()) e.persons.push_back(p.get<std::string>());
                        else {
                            std::string name = jsonText(p, "public_name");
                            if (name.empty()) name = jsonText(p, "name");
                            if (name.empty()) name = jsonText(p, "full_public_name");
                            e.persons.push_back(name);
                        }
                    }
                e.day_date = day_date;
                e.day_start = day_start;
                raw.events.push_back(std::move(e));
            }
        }
    }
    return convert(std::move(raw), file, zone, diags);
}

// [SECTION] Matching rooms and reading the folder

namespace {

// Room names folded for comparison: lower case, accents and umlaut spellings removed (ü, ue and u
// are the same), only letters and digits.
std::string foldName(const std::string& s) {
    std::string a;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char raw = static_cast<unsigned char>(s[++i]);
            unsigned char d = raw | 0x20; // upper and lower case alike
            if (raw == 0x9F) a += "ss";
            else if (d >= 0xA0 && d <= 0xA5) a += 'a';
            else if (d == 0xA7) a += 'c';
            else if (d >= 0xA8 && d <= 0xAB) a += 'e';
            else if (d >= 0xAC && d <= 0xAF) a += 'i';
            else if (d == 0xB1) a += 'n';
            else if ((d >= 0xB2 && d <= 0xB6) || d == 0xB8) a += 'o';
            else if (d >= 0xB9 && d <= 0xBC) a += 'u';
            else if (d == 0xBF || d == 0xBD) a += 'y';
        } else if (std::isalnum(c)) {
            a += static_cast<char>(std::tolower(c));
        }
    }
    std::string out;
    for (size_t i = 0; i < a.size(); ++i) {
        out += a[i];
        if ((a[i] == 'a' || a[i] == 'o' || a[i] == 'u') && i + 1 < a.size() && a[i + 1] == 'e') ++i;
    }
    return out;
}


std::string roomLabel(const Room& r) { return "\"" + r.name.de + "\" (" + r.id + ")"; }

} // namespace

const Room* matchRoom(const Model& model, const std::string& export_name) {
    std::string key = foldName(export_name);
    if (key.empty()) return nullptr;
    for (const Room& r : model.rooms)
        if (foldName(r.name.de) == key || (!r.name.en.empty() && foldName(r.name.en) == key) || foldName(r.id) == key)
            return &r;
    return nullptr;
}

bool readContentFile(const std::string& dir, const std::string& name, std::string& out, Diagnostics& diags) {
    const std::string path = dir + "/" + name;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        diags.error(name, 0, std::string("cannot read file: ") + std::strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error(name, 0, "is not a regular file", "replace it with the " + name + " file itself");
        return false;
    }
    if (st.st_size > 64LL * 1024 * 1024) {
        diags.error(name, 0, "file is " + std::to_string(st.st_size / (1024 * 1024)) +
                                 " MB; content files are limited to 64 MB",
                    "check that this is the right file");
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    if (!in || in.bad()) {
        diags.error(name, 0, std::string("cannot read file: ") + std::strerror(errno),
                    "check the file's permissions (it must be readable by the user running the tool)");
        return false;
    }
    out = ss.str();
    return true;
}

namespace {
constexpr size_t kMaxScheduleBytes = 16 * 1024 * 1024;

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}
} // namespace

bool importReplacesProgramme(const std::string& dir) {
    return (exists(dir + "/" + kScheduleXmlFile) || exists(dir + "/" + kScheduleJsonFile)) &&
           !exists(dir + "/" + kProgrammeFile);
}

void importSchedule(const std::string& dir, LoadedContent& c, Diagnostics& diags) {
    const bool xml = exists(dir + "/" + kScheduleXmlFile);
    const bool json = exists(dir + "/" + kScheduleJsonFile);
    if (!xml && !json) return;
    if (xml && json) {
        diags.error(kScheduleJsonFile, 0, "schedule.xml and schedule.json are both present; only schedule.xml is read",
                    "keep one export of the programme in the content folder and delete the other");
        c.failed_files.insert(kScheduleJsonFile);
    }
    const std::string file = xml ? kScheduleXmlFile : kScheduleJsonFile;
    std::string bytes;
    if (!readContentFile(dir, file, bytes, diags)) {
        c.failed_files.insert(file);
        return;
    }
    // Parsed exports take 20 to 30 times their text in memory; FOSDEM's, with 900 talks, is 3 MB.
    if (bytes.size() > kMaxScheduleBytes) {
        diags.error(file, 0, "file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                                 " MB; schedule exports are limited to " +
                                 std::to_string(kMaxScheduleBytes / (1024 * 1024)) + " MB",
                    "check that this is the right file");
        c.failed_files.insert(file);
        return;
    }
    c.files.push_back(file);
    std::optional<TimeZone> zone;
    if (!c.model.event.timezone.empty()) zone = TimeZone::load(c.model.event.timezone);
    if (!zone) zone = TimeZone::utc();
    auto imported = xml ? parseScheduleXml(bytes, file, *zone, diags) : parseScheduleJson(bytes, file, *zone, diags);
    if (!imported) {
        c.failed_files.insert(file);
        return;
    }

    // Rooms: one message per export room the venue does not have, at its first mention.
    std::map<std::string, const Room*> rooms;
    const bool venue_readable = c.readable(kVenueFile);
    for (const ImportedRoom& r : imported->rooms) {
        const Room* room = matchRoom(c.model, r.name);
        rooms[r.name] = room;
        if (room || !venue_readable) continue;
        std::string list, closest;
        size_t best = std::string::npos;
        for (const Room& v : c.model.rooms) {
            list += (list.empty() ? "" : ", ") + roomLabel(v);
            for (const std::string& n : {v.name.de, v.name.en, v.id}) {
                if (n.empty()) continue;
                size_t d = editDistance(foldName(r.name), foldName(n));
                if (d < best) best = d, closest = roomLabel(v);
            }
        }
        diags.error(file, r.line, "room \"" + r.name + "\" is not in the venue",
                    "give the room in venue.toml the export's name as name_de or name_en" +
                        (closest.empty() ? std::string() : " (closest: " + closest + ")") +
                        "; venue rooms: " + (list.empty() ? "(none)" : list));
    }

    for (ImportedTalk& it : imported->talks) {
        Talk& t = it.talk;
        const std::string key = "talk:" + t.id;
        auto prev = c.origin.find(key);
        if (prev != c.origin.end()) {
            diags.error(file, it.line, "duplicate talk id \"" + t.id + "\"",
                        "it is already used at " + prev->second.file + ":" + std::to_string(prev->second.line) +
                            "; every talk needs its own id");
            continue;
        }
        c.origin[key] = {file, it.line};
        const Room* room = rooms[it.room_name];
        if (!room) continue; // reported once per room above
        t.room = room->id;
        c.model.talks.push_back(std::move(t));
    }
}

} // namespace ww
