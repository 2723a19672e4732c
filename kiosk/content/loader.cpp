// Reading the staff content folder: TOML settings and CSV lists into the model, with file:line
// messages for everything that cannot be read as written.
#include "content/loader.h"

#include "content/changes.h"
#include "content/csv.h"
#include "content/schedule_import.h"
#include "core/timezone.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>

namespace ww {

const char* const kEventFile = "event.toml";
const char* const kVenueFile = "venue.toml";
const char* const kTopicsFile = "topics.toml";
const char* const kGalleriesFile = "galleries.toml";
const char* const kExhibitorsFile = "exhibitors.csv";
const char* const kStandsFile = "stands.csv";
const char* const kProgrammeFile = "programme.csv";
const char* const kPhotosFile = "photos.csv";

SourceRef LoadedContent::where(const std::string& kind, const std::string& id) const {
    auto it = origin.find(kind + ":" + id);
    return it == origin.end() ? SourceRef{} : it->second;
}

size_t utf8Length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

namespace {

// [SECTION] Files

// Content files are small; anything larger than this is not what staff meant to put there.
constexpr std::streamoff kMaxTextFileBytes = 64LL * 1024 * 1024;
constexpr size_t kMaxTomlFileBytes = 4 * 1024 * 1024;

enum class Need { Required, Optional };

// Reads a whole text file. Missing required files and unreadable files are errors.
std::optional<std::string> readTextFile(const std::string& dir, const std::string& name, Need need,
                                        Diagnostics& diags) {
    std::string path = dir + "/" + name;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) {
            if (need == Need::Required)
                diags.error(name, 0, "file is missing", "every content folder needs " + name +
                                                          "; see content/README.md for an example");
        } else {
            diags.error(name, 0, std::string("cannot read file: ") + std::strerror(errno));
        }
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error(name, 0, "is not a regular file", "replace it with the " + name + " file itself");
        return std::nullopt;
    }
    if (st.st_size > kMaxTextFileBytes) {
        diags.error(name, 0, "file is " + std::to_string(st.st_size / (1024 * 1024)) + " MB; content files are "
                             "limited to 64 MB", "check that this is the right file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(name, 0, std::string("cannot read file: ") + std::strerror(errno),
                    "check the file's permissions (it must be readable by the user running the tool)");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        diags.error(name, 0, "reading the file failed");
        return std::nullopt;
    }
    return ss.str();
}

// [SECTION] Ids and small values

bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id)
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

const char* const kIdHint = "ids use letters, digits, '-', '_' and '.', at most 64 characters, e.g. \"saal-dresden\"";

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::optional<double> parseNumber(const std::string& raw) {
    std::string s = trim(raw);
    if (s.empty()) return std::nullopt;
    // German spreadsheets write decimal commas.
    std::replace(s.begin(), s.end(), ',', '.');
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

// A number as staff wrote it: "90", "12.5", "1e+300".
std::string formatNumber(double v) {
    std::ostringstream ss;
    ss << v;
    return ss.str();
}

// "x y; x y; …" or "x,y; x,y" as staff write a polygon in one spreadsheet cell.
std::optional<Polygon> parsePointList(const std::string& cell) {
    Polygon pts;
    for (const std::string& part : splitList(cell, false)) {
        std::string p = part;
        std::replace(p.begin(), p.end(), ',', ' ');
        std::istringstream in(p);
        double x = 0, y = 0;
        std::string rest;
        if (!(in >> x >> y) || (in >> rest)) return std::nullopt;
        pts.push_back({x, y});
    }
    return pts;
}

// Remembers ids per kind and reports duplicates with the line of the first definition.
class IdRegistry {
public:
    IdRegistry(LoadedContent& c, Diagnostics& d) : content_(c), diags_(d) {}
    // True if the id is new and valid.
    bool add(const std::string& kind, const std::string& label, const std::string& id, const std::string& file,
             int line) {
        if (!validId(id)) {
            diags_.error(file, line, label + " id \"" + id + "\" is not a valid id", kIdHint);
            return false;
        }
        std::string key = kind + ":" + id;
        auto it = content_.origin.find(key);
        if (it != content_.origin.end()) {
            diags_.error(file, line, "duplicate " + label + " id \"" + id + "\"",
                         "it is already used at " + it->second.file + ":" + std::to_string(it->second.line) +
                             "; every " + label + " needs its own id");
            return false;
        }
        content_.origin[key] = {file, line};
        return true;
    }

private:
    LoadedContent& content_;
    Diagnostics& diags_;
};

// [SECTION] TOML access with messages

int lineOf(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

class TomlTable {
public:
    TomlTable(const toml::table& t, std::string file, std::string what, Diagnostics& d)
        : t_(t), file_(std::move(file)), what_(std::move(what)), diags_(d) {}

    int line() const { return lineOf(t_); }

    std::string str(const char* key, bool required = false) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) missing(key);
            return "";
        }
        if (auto v = n->value_exact<std::string>()) {
            std::string s = trim(*v);
            if (required && s.empty()) diags_.error(file_, lineOf(*n), what_ + ": \"" + key + "\" is empty",
                                                    "write the text between the quotes");
            return s;
        }
        // Dates and times written without quotes are fine where text is expected.
        if (n->is_date() || n->is_time() || n->is_date_time()) {
            std::ostringstream ss;
            if (auto d = n->as_date()) ss << d->get();
            else if (auto tm = n->as_time()) ss << tm->get();
            else if (auto dt = n->as_date_time()) ss << dt->get();
            return ss.str();
        }
        if (n->is_integer() || n->is_floating_point()) {
            std::ostringstream ss;
            if (auto i = n->value_exact<int64_t>()) ss << *i;
            else ss << *n->value<double>();
            return ss.str();
        }
        wrongType(*n, key, "text in quotes, e.g. " + std::string(key) + " = \"…\"");
        return "";
    }

    Text text(const char* base, bool required = true) {
        std::string de_key = std::string(base) + "_de";
        std::string en_key = std::string(base) + "_en";
        seen_.insert(de_key);
        seen_.insert(en_key);
        Text t;
        t.de = str(keep(de_key), required);
        t.en = str(keep(en_key));
        return t;
    }

    std::optional<double> number(const char* key, bool required = false) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) missing(key);
            return std::nullopt;
        }
        if (auto v = n->value<double>()) {
            // TOML allows nan and inf; no setting means either, and they slip through range checks.
            if (std::isfinite(*v)) return *v;
            diags_.error(file_, lineOf(*n), what_ + ": \"" + key + "\" is not a finite number",
                         "write a number, e.g. " + std::string(key) + " = 12.5");
            return std::nullopt;
        }
        wrongType(*n, key, "a number, e.g. " + std::string(key) + " = 12.5");
        return std::nullopt;
    }

    std::optional<bool> boolean(const char* key) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return std::nullopt;
        if (auto v = n->value_exact<bool>()) return *v;
        wrongType(*n, key, std::string(key) + " = true or " + key + " = false");
        return std::nullopt;
    }

    std::optional<Vec2> point(const char* key, bool required = false) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) missing(key);
            return std::nullopt;
        }
        return pointFrom(*n, key);
    }

    std::optional<Polygon> polygon(const char* key, bool required = false, size_t min_points = 3) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) missing(key);
            return std::nullopt;
        }
        const toml::array* arr = n->as_array();
        if (!arr) {
            wrongType(*n, key, "a list of points in metres, e.g. " + std::string(key) + " = [[0, 0], [10, 0], [10, 8]]");
            return std::nullopt;
        }
        Polygon pts;
        for (const toml::node& p : *arr) {
            auto v = pointFrom(p, key);
            if (!v) return std::nullopt;
            pts.push_back(*v);
        }
        // Staff often close a shape by repeating its first corner; the shape is closed anyway.
        if (min_points >= 3 && pts.size() > 3 && pts.front() == pts.back()) pts.pop_back();
        if (pts.size() < min_points) {
            diags_.error(file_, lineOf(*n), what_ + ": \"" + key + "\" has " + std::to_string(pts.size()) +
                                                " point(s), at least " + std::to_string(min_points) + " are needed",
                         "list the corners in order around the shape");
            return std::nullopt;
        }
        return pts;
    }

    const toml::array* array(const char* key) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return nullptr;
        if (const toml::array* a = n->as_array()) return a;
        wrongType(*n, key, "a list in square brackets");
        return nullptr;
    }

    // Warns about keys nobody reads; typos otherwise silently lose data.
    void warnUnknownKeys() {
        for (auto&& [k, v] : t_) {
            std::string key(k.str());
            if (!seen_.count(key)) {
                std::string known;
                for (const std::string& s : seen_) known += (known.empty() ? "" : ", ") + s;
                diags_.warning(file_, lineOf(v), what_ + ": unknown key \"" + key + "\" is ignored",
                               "known keys here: " + known);
            }
        }
    }

    const std::string& file() const { return file_; }
    const std::string& what() const { return what_; }

private:
    const char* keep(const std::string& s) {
        keys_.push_back(s);
        return keys_.back().c_str();
    }
    void missing(const char* key) {
        diags_.error(file_, line(), what_ + ": required key \"" + key + "\" is missing",
                     "add a line such as " + std::string(key) + " = …");
    }
    void wrongType(const toml::node& n, const std::string& key, const std::string& expected) {
        diags_.error(file_, lineOf(n), what_ + ": \"" + key + "\" has the wrong type", "expected " + expected);
    }
    std::optional<Vec2> pointFrom(const toml::node& n, const std::string& key) {
        const toml::array* a = n.as_array();
        if (a && a->size() == 2) {
            auto x = a->get(0)->value<double>();
            auto y = a->get(1)->value<double>();
            if (x && y && std::isfinite(*x) && std::isfinite(*y)) return Vec2{*x, *y};
        }
        diags_.error(file_, lineOf(n), what_ + ": \"" + key + "\" is not a point",
                     "write a point as [x, y] in metres, e.g. [12.5, 40]");
        return std::nullopt;
    }

    const toml::table& t_;
    std::string file_;
    std::string what_;
    Diagnostics& diags_;
    std::set<std::string> seen_;
    std::deque<std::string> keys_;
};

std::optional<toml::table> parseToml(const std::string& dir, const char* name, Need need, LoadedContent& content,
                                     Diagnostics& diags) {
    auto bytes = readTextFile(dir, name, need, diags);
    if (!bytes) {
        content.failed_files.insert(name);
        return std::nullopt;
    }
    // Parsed TOML takes some 35 times its text in memory; real settings files are a few kilobytes.
    if (bytes->size() > kMaxTomlFileBytes) {
        diags.error(name, 0, "file is " + std::to_string(bytes->size() / 1024) + " KB; TOML files are limited to " +
                                 std::to_string(kMaxTomlFileBytes / (1024 * 1024)) + " MB",
                    "check that this is the right file");
        content.failed_files.insert(name);
        return std::nullopt;
    }
    content.files.push_back(name);
    try {
        return toml::parse(std::string_view(*bytes), std::string_view(name));
    } catch (const toml::parse_error& e) {
        std::string msg(e.description());
        std::string hint = "check quotes, brackets and \"=\" on this line; text values need \"double quotes\"";
        if (msg.find("UTF-8") != std::string::npos || msg.find("utf8") != std::string::npos)
            hint = "save the file as UTF-8 (in your editor: \"Save as\" → encoding UTF-8)";
        diags.error(name, static_cast<int>(e.source().begin.line), "TOML syntax error: " + msg, hint,
                    static_cast<int>(e.source().begin.column));
        content.failed_files.insert(name);
        return std::nullopt;
    }
}

// Iterates an array of tables such as [[level]], reporting entries that are not tables.
template <typename Fn>
void eachTable(const toml::table& root, const char* key, const std::string& file, Diagnostics& diags, Fn fn) {
    const toml::node* n = root.get(key);
    if (!n) return;
    const toml::array* arr = n->as_array();
    if (!arr) {
        diags.error(file, lineOf(*n), "\"" + std::string(key) + "\" must be written as [[" + key + "]] sections",
                    "start each entry with a line [[" + std::string(key) + "]]");
        return;
    }
    for (const toml::node& item : *arr) {
        if (const toml::table* t = item.as_table()) fn(*t);
        else diags.error(file, lineOf(item), "entry of \"" + std::string(key) + "\" is not a section",
                         "start each entry with a line [[" + std::string(key) + "]]");
    }
}

void warnUnknownSections(const toml::table& root, const std::string& file, std::initializer_list<const char*> known,
                         Diagnostics& diags) {
    for (auto&& [k, v] : root) {
        std::string key(k.str());
        bool ok = false;
        std::string list;
        for (const char* kn : known) {
            ok = ok || key == kn;
            list += (list.empty() ? "" : ", ") + std::string("[") + kn + "]";
        }
        if (!ok) diags.warning(file, lineOf(v), "unknown section \"" + key + "\" is ignored", "this file knows " + list);
    }
}

// [SECTION] event.toml

void loadEvent(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto root = parseToml(dir, kEventFile, Need::Required, c, diags);
    if (!root) return;
    warnUnknownSections(*root, kEventFile, {"event", "kiosk"}, diags);
    const toml::table* ev = root->get_as<toml::table>("event");
    if (!ev) {
        diags.error(kEventFile, 1, "the [event] section is missing", "start the file with a line [event]");
    } else {
        TomlTable t(*ev, kEventFile, "[event]", diags);
        Event& e = c.model.event;
        e.id = t.str("id", true);
        if (!e.id.empty() && !validId(e.id)) diags.error(kEventFile, t.line(), "[event]: id \"" + e.id + "\" is not a valid id", kIdHint);
        e.name = t.text("name");
        e.subtitle = t.text("subtitle", false);
        e.venue = t.text("venue");
        e.address = t.str("address");
        e.website = t.str("website");
        e.start_date = t.str("start_date", true);
        e.end_date = t.str("end_date", true);
        e.timezone = t.str("timezone", true);
        auto start = parseDate(e.start_date);
        auto end = parseDate(e.end_date);
        if (!e.start_date.empty() && !start)
            diags.error(kEventFile, t.line(), "[event]: start_date \"" + e.start_date + "\" is not a date",
                        "write start_date = 2022-09-07");
        if (!e.end_date.empty() && !end)
            diags.error(kEventFile, t.line(), "[event]: end_date \"" + e.end_date + "\" is not a date",
                        "write end_date = 2022-09-08");
        if (start && end && *end < *start)
            diags.error(kEventFile, t.line(), "[event]: end_date " + e.end_date + " is before start_date " + e.start_date,
                        "end_date is the last day of the event (inclusive)");
        if (!e.timezone.empty()) {
            std::string err;
            if (!TimeZone::load(e.timezone, &err))
                diags.error(kEventFile, t.line(), "[event]: unknown time zone \"" + e.timezone + "\"",
                            "use an IANA name such as \"Europe/Berlin\"");
        }
        if (auto idle = t.number("idle_timeout")) {
            if (*idle < 30 || *idle > 600)
                diags.error(kEventFile, t.line(), "[event]: idle_timeout " + formatNumber(*idle) + " is out of range",
                            "use 30 to 600 seconds; the default is 90");
            else e.idle_timeout_s = static_cast<int>(*idle);
        }
        std::string opens = t.str("opens"), closes = t.str("closes");
        if (!opens.empty()) {
            if (parseClockTime(opens)) e.opens = opens;
            else diags.error(kEventFile, t.line(), "[event]: opens \"" + opens + "\" is not a time", "write opens = \"08:00\"");
        }
        if (!closes.empty()) {
            if (parseClockTime(closes)) e.closes = closes;
            else diags.error(kEventFile, t.line(), "[event]: closes \"" + closes + "\" is not a time", "write closes = \"18:00\"");
        }
        t.warnUnknownKeys();
    }

    eachTable(*root, "kiosk", kEventFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kEventFile, "[[kiosk]]", diags);
        Kiosk k;
        k.id = t.str("id", true);
        k.name = t.text("name", false);
        k.level = t.str("level", true);
        auto pos = t.point("position", true);
        auto facing = t.number("facing");
        k.north_up = t.boolean("north_up").value_or(false);
        t.warnUnknownKeys();
        if (facing) {
            if (*facing < -360 || *facing > 360)
                diags.error(kEventFile, t.line(), "[[kiosk]] " + k.id + ": facing " + std::to_string(*facing) + " is out of range",
                            "facing is in degrees clockwise from plan-up: 0 to 359");
            else k.facing_deg = std::fmod(*facing + 360.0, 360.0);
        }
        if (k.id.empty() || !ids.add("kiosk", "kiosk", k.id, kEventFile, t.line())) return;
        if (pos) k.pos = *pos;
        c.model.kiosks.push_back(std::move(k));
    });
}

// [SECTION] venue.toml

void loadVenue(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto root = parseToml(dir, kVenueFile, Need::Required, c, diags);
    if (!root) return;
    warnUnknownSections(*root, kVenueFile, {"level", "wall", "room", "obstacle", "poi", "connector"}, diags);

    eachTable(*root, "level", kVenueFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kVenueFile, "[[level]]", diags);
        Level l;
        l.id = t.str("id", true);
        l.name = t.text("name");
        const double floor = t.number("floor").value_or(0);
        if (floor < -20 || floor > 200)
            diags.error(kVenueFile, t.line(), "[[level]]: floor " + formatNumber(floor) + " is out of range",
                        "floor is the storey: 0 for the ground floor, -1 below it, 1 above it");
        else l.floor = static_cast<int>(floor);
        auto outline = t.polygon("outline", true);
        l.background = t.str("background");
        auto scale = t.number("background_scale");
        auto origin = t.point("background_origin");
        t.warnUnknownKeys();
        if (l.id.empty() || !ids.add("level", "level", l.id, kVenueFile, t.line())) return;
        if (outline) l.outline = *outline;
        if (!l.background.empty()) {
            if (!scale || *scale <= 0)
                diags.error(kVenueFile, t.line(), "[[level]] " + l.id + ": background needs background_scale",
                            "background_scale is the drawing's pixels per metre, e.g. background_scale = 20");
            else l.background_scale = *scale;
            if (origin) l.background_origin = *origin;
            std::string key = "plan/" + l.id;
            c.images.push_back({key, l.background, ImageRole::Plan, {kVenueFile, t.line()}});
            l.background = key;
        }
        c.model.levels.push_back(std::move(l));
    });

    eachTable(*root, "wall", kVenueFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kVenueFile, "[[wall]]", diags);
        Wall w;
        w.level = t.str("level", true);
        auto pts = t.polygon("points", true, 2);
        if (auto th = t.number("thickness")) {
            if (*th <= 0 || *th > 5)
                diags.error(kVenueFile, t.line(), "[[wall]]: thickness " + std::to_string(*th) + " m is out of range",
                            "walls are 0.05 to 5 m thick; the default is 0.2");
            else w.thickness = *th;
        }
        t.warnUnknownKeys();
        if (!pts) return;
        w.points = *pts;
        c.origin["wall:" + std::to_string(c.model.walls.size())] = {kVenueFile, t.line()};
        c.model.walls.push_back(std::move(w));
    });

    eachTable(*root, "room", kVenueFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kVenueFile, "[[room]]", diags);
        Room r;
        r.id = t.str("id", true);
        r.level = t.str("level", true);
        r.name = t.text("name");
        std::string kind = t.str("kind");
        if (!kind.empty()) {
            if (auto k = roomKindFromString(kind)) r.kind = *k;
            else diags.error(kVenueFile, t.line(), "[[room]] " + r.id + ": unknown kind \"" + kind + "\"",
                             "kind is one of: " + allRoomKinds());
        }
        auto shape = t.polygon("shape", true);
        const double capacity = t.number("capacity").value_or(0);
        if (capacity < 0 || capacity > 1'000'000)
            diags.error(kVenueFile, t.line(),
                        "[[room]] " + r.id + ": capacity " + formatNumber(capacity) + " is out of range",
                        "capacity is the number of seats or people, e.g. capacity = 120");
        else r.capacity = static_cast<int>(capacity);
        if (const toml::array* doors = t.array("doors")) {
            for (const toml::node& dn : *doors) {
                const toml::table* dt = dn.as_table();
                if (!dt) {
                    diags.error(kVenueFile, lineOf(dn), "[[room]] " + r.id + ": a door is not written as { at = [x, y] }",
                                "write doors = [ { at = [10, 0], width = 2 } ]");
                    continue;
                }
                TomlTable d(*dt, kVenueFile, "door of room " + r.id, diags);
                Door door;
                auto at = d.point("at", true);
                if (auto w = d.number("width")) door.width = *w;
                door.step_free = d.boolean("step_free").value_or(true);
                d.warnUnknownKeys();
                if (at) {
                    door.pos = *at;
                    r.doors.push_back(door);
                }
            }
        }
        t.warnUnknownKeys();
        if (r.id.empty() || !ids.add("room", "room", r.id, kVenueFile, t.line())) return;
        if (shape) r.shape = *shape;
        c.model.rooms.push_back(std::move(r));
    });

    eachTable(*root, "obstacle", kVenueFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kVenueFile, "[[obstacle]]", diags);
        Obstacle o;
        o.level = t.str("level", true);
        o.name = t.text("name", false);
        auto shape = t.polygon("shape", true);
        t.warnUnknownKeys();
        if (!shape) return;
        o.shape = *shape;
        c.origin["obstacle:" + std::to_string(c.model.obstacles.size())] = {kVenueFile, t.line()};
        c.model.obstacles.push_back(std::move(o));
    });

    eachTable(*root, "poi", kVenueFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kVenueFile, "[[poi]]", diags);
        Poi p;
        p.id = t.str("id", true);
        p.level = t.str("level", true);
        p.name = t.text("name");
        std::string type = t.str("type", true);
        auto pos = t.point("position", true);
        t.warnUnknownKeys();
        bool ok = true;
        if (!type.empty()) {
            if (auto ty = poiTypeFromString(type)) p.type = *ty;
            else {
                diags.error(kVenueFile, t.line(), "[[poi]] " + p.id + ": unknown type \"" + type + "\"",
                            "type is one of: " + allPoiTypes());
                ok = false;
            }
        }
        if (p.id.empty() || !ids.add("poi", "point of interest", p.id, kVenueFile, t.line()) || !ok || !pos) return;
        p.pos = *pos;
        c.model.pois.push_back(std::move(p));
    });

    eachTable(*root, "connector", kVenueFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kVenueFile, "[[connector]]", diags);
        Connector cn;
        cn.id = t.str("id", true);
        cn.name = t.text("name");
        std::string type = t.str("type", true);
        if (!type.empty()) {
            if (auto ty = connectorTypeFromString(type)) cn.type = *ty;
            else diags.error(kVenueFile, t.line(), "[[connector]] " + cn.id + ": unknown type \"" + type + "\"",
                             "type is one of: stairs, lift, escalator");
        }
        if (const toml::array* stops = t.array("stops")) {
            for (const toml::node& sn : *stops) {
                const toml::table* st = sn.as_table();
                if (!st) {
                    diags.error(kVenueFile, lineOf(sn), "[[connector]] " + cn.id + ": a stop is not written as "
                                "{ level = \"eg\", at = [x, y] }");
                    continue;
                }
                TomlTable s(*st, kVenueFile, "stop of " + cn.id, diags);
                ConnectorStop stop;
                stop.level = s.str("level", true);
                auto at = s.point("at", true);
                s.warnUnknownKeys();
                if (at && !stop.level.empty()) {
                    stop.pos = *at;
                    cn.stops.push_back(stop);
                }
            }
        } else {
            diags.error(kVenueFile, t.line(), "[[connector]] " + cn.id + ": stops are missing",
                        "list where it stops on each level: stops = [ { level = \"eg\", at = [10, 20] }, "
                        "{ level = \"og\", at = [10, 20] } ]");
        }
        t.warnUnknownKeys();
        if (cn.id.empty() || !ids.add("connector", "connector", cn.id, kVenueFile, t.line())) return;
        c.model.connectors.push_back(std::move(cn));
    });
}

// [SECTION] topics.toml, galleries.toml

void loadTopics(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto root = parseToml(dir, kTopicsFile, Need::Optional, c, diags);
    if (!root) return;
    warnUnknownSections(*root, kTopicsFile, {"topic"}, diags);
    eachTable(*root, "topic", kTopicsFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kTopicsFile, "[[topic]]", diags);
        Topic tp;
        tp.id = t.str("id", true);
        tp.name = t.text("name");
        t.warnUnknownKeys();
        if (tp.id.empty() || !ids.add("topic", "topic", tp.id, kTopicsFile, t.line())) return;
        c.model.topics.push_back(std::move(tp));
    });
}

void loadGalleries(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto root = parseToml(dir, kGalleriesFile, Need::Optional, c, diags);
    if (!root) return;
    warnUnknownSections(*root, kGalleriesFile, {"gallery"}, diags);
    eachTable(*root, "gallery", kGalleriesFile, diags, [&](const toml::table& tbl) {
        TomlTable t(tbl, kGalleriesFile, "[[gallery]]", diags);
        Gallery g;
        g.id = t.str("id", true);
        g.title = t.text("title");
        g.cover = t.str("cover");
        t.warnUnknownKeys();
        if (g.id.empty() || !ids.add("gallery", "gallery", g.id, kGalleriesFile, t.line())) return;
        c.model.galleries.push_back(std::move(g));
    });
}

// [SECTION] CSV files

std::optional<CsvTable> parseCsvFile(const std::string& dir, const char* name, const std::vector<CsvColumn>& columns,
                                     LoadedContent& c, Diagnostics& diags) {
    auto bytes = readTextFile(dir, name, Need::Optional, diags);
    if (!bytes) {
        c.failed_files.insert(name);
        struct stat st {};
        if (::stat((dir + "/" + name).c_str(), &st) != 0 && errno == ENOENT)
            diags.warning(name, 0, "file is missing, so the guide shows none of its entries",
                          "create it with the header line described in content/README.md");
        return std::nullopt;
    }
    c.files.push_back(name);
    auto table = readCsv(*bytes, name, diags);
    if (!table || !checkColumns(*table, columns, diags)) {
        c.failed_files.insert(name);
        return std::nullopt;
    }
    return table;
}

// Reports an empty required cell and returns whether the value is there.
bool need(const std::string& value, const char* column, const char* file, int line, Diagnostics& diags) {
    if (!value.empty()) return true;
    diags.error(file, line, std::string("column \"") + column + "\" is empty", "this column is required in every row");
    return false;
}

void loadStands(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto table = parseCsvFile(dir, kStandsFile,
                              {{"id", true}, {"level", true}, {"x"}, {"y"}, {"width"}, {"depth"}, {"shape"},
                               {"facing"}, {"front"}},
                              c, diags);
    if (!table) return;
    for (const CsvRow& row : table->rows) {
        const int line = row.line;
        Stand s;
        s.id = table->get(row, "id");
        s.level = table->get(row, "level");
        bool ok = need(s.id, "id", kStandsFile, line, diags) & need(s.level, "level", kStandsFile, line, diags);
        std::string shape = table->get(row, "shape");
        std::string facing = table->get(row, "facing");
        if (facing.empty()) facing = "s";
        std::transform(facing.begin(), facing.end(), facing.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (facing != "n" && facing != "e" && facing != "s" && facing != "w") {
            diags.error(kStandsFile, line, "stand " + s.id + ": facing \"" + facing + "\" is not a side",
                        "facing is the side where visitors stand: n, e, s or w");
            ok = false;
        }
        if (!shape.empty()) {
            auto pts = parsePointList(shape);
            if (pts && pts->size() > 3 && pts->front() == pts->back()) pts->pop_back();
            if (!pts || pts->size() < 3) {
                diags.error(kStandsFile, line, "stand " + s.id + ": shape \"" + shape + "\" is not a list of at least 3 points",
                            "write the corners as \"x y; x y; x y\" in metres");
                ok = false;
            } else {
                s.shape = *pts;
            }
        } else {
            auto x = parseNumber(table->get(row, "x")), y = parseNumber(table->get(row, "y"));
            auto w = parseNumber(table->get(row, "width")), d = parseNumber(table->get(row, "depth"));
            if (!x || !y || !w || !d) {
                diags.error(kStandsFile, line, "stand " + s.id + ": needs x, y, width and depth (or a shape)",
                            "x, y are the top-left corner in metres; width and depth the size, e.g. 3");
                ok = false;
            } else if (*w <= 0 || *d <= 0) {
                diags.error(kStandsFile, line, "stand " + s.id + ": width and depth must be greater than 0");
                ok = false;
            } else {
                s.shape = {{*x, *y}, {*x + *w, *y}, {*x + *w, *y + *d}, {*x, *y + *d}};
            }
        }
        std::string front = table->get(row, "front");
        if (!front.empty()) {
            auto pts = parsePointList(front);
            if (!pts || pts->size() != 1) {
                diags.error(kStandsFile, line, "stand " + s.id + ": front \"" + front + "\" is not a point",
                            "write front as \"x y\" in metres");
                ok = false;
            } else {
                s.front = (*pts)[0];
            }
        } else if (!s.shape.empty()) {
            // The middle of the side facing the aisle, half a metre out: where a visitor would stop.
            double x0 = s.shape[0].x, x1 = x0, y0 = s.shape[0].y, y1 = y0;
            for (const Vec2& p : s.shape) {
                x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
            }
            double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
            if (facing == "n") s.front = {cx, y0 - 0.5};
            else if (facing == "s") s.front = {cx, y1 + 0.5};
            else if (facing == "e") s.front = {x1 + 0.5, cy};
            else s.front = {x0 - 0.5, cy};
        }
        // Registered even when the row has errors, so references to it do not add "unknown" noise.
        if (s.id.empty() || !ids.add("stand", "stand", s.id, kStandsFile, line) || !ok) continue;
        c.model.stands.push_back(std::move(s));
    }
}

void loadExhibitors(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto table = parseCsvFile(dir, kExhibitorsFile,
                              {{"id", true}, {"name", true}, {"short_name"}, {"stands", true}, {"topics"},
                               {"description_de", true}, {"description_en"}, {"website"}, {"email"}, {"phone"},
                               {"logo"}},
                              c, diags);
    if (!table) return;
    for (const CsvRow& row : table->rows) {
        const int line = row.line;
        Exhibitor e;
        e.id = table->get(row, "id");
        e.name = table->get(row, "name");
        e.short_name = table->get(row, "short_name");
        e.stands = splitList(table->get(row, "stands"));
        e.topics = splitList(table->get(row, "topics"));
        e.description = {table->get(row, "description_de"), table->get(row, "description_en")};
        e.website = table->get(row, "website");
        e.email = table->get(row, "email");
        e.phone = table->get(row, "phone");
        std::string logo = table->get(row, "logo");
        bool ok = need(e.id, "id", kExhibitorsFile, line, diags) & need(e.name, "name", kExhibitorsFile, line, diags);
        if (e.stands.empty()) {
            diags.error(kExhibitorsFile, line, "exhibitor " + e.id + ": column \"stands\" is empty",
                        "write the stand number(s) from stands.csv, e.g. \"B12\" or \"B12; B13\"");
            ok = false;
        }
        if (e.description.de.empty())
            diags.error(kExhibitorsFile, line, "exhibitor " + e.id + ": column \"description_de\" is empty",
                        "a short German description is required; English is optional");
        if (!e.website.empty() && e.website.rfind("http://", 0) != 0 && e.website.rfind("https://", 0) != 0)
            diags.warning(kExhibitorsFile, line, "exhibitor " + e.id + ": website \"" + e.website +
                                                     "\" does not start with https://",
                          "write the full address, e.g. https://www.example.de, so the QR code works on phones");
        // Registered even when the row has errors, so references to it do not add "unknown" noise.
        if (e.id.empty() || !ids.add("exhibitor", "exhibitor", e.id, kExhibitorsFile, line) || !ok) continue;
        if (!logo.empty()) {
            e.logo = "logo/" + e.id;
            c.images.push_back({e.logo, logo, ImageRole::Logo, {kExhibitorsFile, line}});
        }
        c.model.exhibitors.push_back(std::move(e));
    }
}

// Staff write "2022-10-30 02:30 +01:00"; the offset belongs to the time without the space.
std::string joinOffset(std::string s) {
    size_t sp = s.find_last_of(' ');
    if (sp != std::string::npos && sp + 1 < s.size() && (s[sp + 1] == '+' || s[sp + 1] == '-') &&
        s.find(':', sp) != std::string::npos && sp > 10)
        s.erase(sp, 1);
    return s;
}

// "Name (Organisation); Name" → speakers.
std::vector<Speaker> parseSpeakers(const std::string& cell) {
    std::vector<Speaker> out;
    for (const std::string& part : splitList(cell, false)) {
        Speaker s;
        size_t open = part.find('(');
        size_t close = part.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
            s.name = trim(part.substr(0, open));
            s.organisation = trim(part.substr(open + 1, close - open - 1));
        } else {
            s.name = part;
        }
        if (!s.name.empty()) out.push_back(std::move(s));
    }
    return out;
}

void loadProgramme(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto table = parseCsvFile(dir, kProgrammeFile,
                              {{"id", true}, {"title_de", true}, {"title_en"}, {"start", true}, {"end"},
                               {"duration"}, {"room", true}, {"speakers"}, {"topic"}, {"track"}, {"language"},
                               {"kind"}, {"abstract_de"}, {"abstract_en"}},
                              c, diags);
    if (!table) return;
    std::optional<TimeZone> zone;
    if (!c.model.event.timezone.empty()) zone = TimeZone::load(c.model.event.timezone);
    if (!zone) zone = TimeZone::utc();

    for (const CsvRow& row : table->rows) {
        const int line = row.line;
        Talk t;
        t.id = table->get(row, "id");
        t.title = {table->get(row, "title_de"), table->get(row, "title_en")};
        t.room = table->get(row, "room");
        t.speakers = parseSpeakers(table->get(row, "speakers"));
        t.topic = table->get(row, "topic");
        t.track = table->get(row, "track");
        t.language = table->get(row, "language");
        t.abstract = {table->get(row, "abstract_de"), table->get(row, "abstract_en")};
        bool ok = need(t.id, "id", kProgrammeFile, line, diags) & need(t.title.de, "title_de", kProgrammeFile, line, diags) &
                  need(t.room, "room", kProgrammeFile, line, diags);
        if (t.language.empty()) t.language = "de";
        std::transform(t.language.begin(), t.language.end(), t.language.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        if (t.language != "de" && t.language != "en") {
            diags.error(kProgrammeFile, line, "talk " + t.id + ": language \"" + t.language + "\" is not known",
                        "write de or en");
            ok = false;
        }
        std::string kind = table->get(row, "kind");
        if (!kind.empty()) {
            if (auto k = talkKindFromString(kind)) t.kind = *k;
            else {
                diags.error(kProgrammeFile, line, "talk " + t.id + ": kind \"" + kind + "\" is not known",
                            "kind is one of: " + allTalkKinds());
                ok = false;
            }
        }

        // Times: local wall time in the event's zone; an explicit offset settles the doubled autumn hour.
        std::string start_s = table->get(row, "start");
        std::string end_s = table->get(row, "end");
        std::string dur_s = table->get(row, "duration");
        std::optional<int> start_off;
        auto start = parseLocalDateTime(joinOffset(start_s), &start_off);
        if (start_s.empty()) {
            need(start_s, "start", kProgrammeFile, line, diags);
            ok = false;
        } else if (!start) {
            diags.error(kProgrammeFile, line, "talk " + t.id + ": start \"" + start_s + "\" is not a date and time",
                        "write e.g. 2022-09-07 09:30 (local time at the venue)");
            ok = false;
        }
        if (start) {
            TimeZone::Resolved r = zone->toUtc(*start);
            if (start_off) r.utc = asEpochSeconds(*start) - *start_off;
            else if (r.ambiguous)
                diags.warning(kProgrammeFile, line, "talk " + t.id + ": start " + start_s +
                                                        " happens twice (clocks go back that night); taken as the first",
                              "append the offset to choose, e.g. \"" + start_s + " +02:00\" (summer time) or \"" +
                                  start_s + " +01:00\" (winter time)");
            else if (r.nonexistent) {
                diags.error(kProgrammeFile, line, "talk " + t.id + ": start " + start_s +
                                                      " does not exist (clocks go forward that night)",
                            "choose a time outside the skipped hour");
                ok = false;
            }
            t.start_utc = r.utc;
            t.start = formatIso(zone->toLocal(t.start_utc));

            if (!end_s.empty()) {
                std::optional<int> end_off;
                auto end = parseLocalDateTime(joinOffset(end_s), &end_off);
                if (!end) {
                    if (auto minutes = parseClockTime(end_s)) {
                        LocalDateTime e = *start;
                        e.hour = *minutes / 60;
                        e.minute = *minutes % 60;
                        e.second = 0;
                        end = e;
                    }
                }
                if (!end) {
                    diags.error(kProgrammeFile, line, "talk " + t.id + ": end \"" + end_s + "\" is not a time",
                                "write the end as 10:30 (same day) or 2022-09-07 10:30");
                    ok = false;
                } else {
                    TimeZone::Resolved re = zone->toUtc(*end);
                    t.end_utc = end_off ? asEpochSeconds(*end) - *end_off : re.utc;
                    // An end in the doubled hour after a start before it is the later occurrence.
                    if (!end_off && re.ambiguous && t.end_utc <= t.start_utc) t.end_utc = zone->toUtc(*end, true).utc;
                }
            } else if (!dur_s.empty()) {
                auto minutes = parseNumber(dur_s);
                if (!minutes || *minutes <= 0 || *minutes > 24 * 60 || std::floor(*minutes) != *minutes) {
                    diags.error(kProgrammeFile, line, "talk " + t.id + ": duration \"" + dur_s + "\" is not a number of minutes",
                                "write the length in whole minutes, e.g. 30");
                    ok = false;
                } else {
                    t.end_utc = t.start_utc + static_cast<int64_t>(*minutes) * 60;
                }
            } else {
                diags.error(kProgrammeFile, line, "talk " + t.id + ": neither end nor duration is given",
                            "write an end time (e.g. 10:30) or a duration in minutes (e.g. 30)");
                ok = false;
            }
            if (ok) t.end = formatIso(zone->toLocal(t.end_utc));
        }
        // Registered even when the row has errors, so references to it do not add "unknown" noise.
        if (t.id.empty() || !ids.add("talk", "talk", t.id, kProgrammeFile, line) || !ok) continue;
        c.model.talks.push_back(std::move(t));
    }
}

void loadPhotos(const std::string& dir, LoadedContent& c, IdRegistry& ids, Diagnostics& diags) {
    auto table = parseCsvFile(dir, kPhotosFile,
                              {{"id", true}, {"gallery", true}, {"file", true}, {"caption_de", true},
                               {"caption_en"}, {"credit", true}, {"licence"}},
                              c, diags);
    if (!table) return;
    for (const CsvRow& row : table->rows) {
        const int line = row.line;
        Photo p;
        p.id = table->get(row, "id");
        p.gallery = table->get(row, "gallery");
        std::string file = table->get(row, "file");
        p.caption = {table->get(row, "caption_de"), table->get(row, "caption_en")};
        p.credit = table->get(row, "credit");
        p.licence = table->get(row, "licence");
        bool ok = need(p.id, "id", kPhotosFile, line, diags) & need(p.gallery, "gallery", kPhotosFile, line, diags) &
                  need(file, "file", kPhotosFile, line, diags);
        if (p.caption.de.empty())
            diags.error(kPhotosFile, line, "photo " + p.id + ": column \"caption_de\" is empty",
                        "every photo needs a German caption; English is optional");
        if (p.credit.empty())
            diags.error(kPhotosFile, line, "photo " + p.id + ": column \"credit\" is empty",
                        "name the photographer; the guide shows it as \"© Name\"");
        // Registered even when the row has errors, so references to it do not add "unknown" noise.
        if (p.id.empty() || !ids.add("photo", "photo", p.id, kPhotosFile, line) || !ok) continue;
        p.image = "photo/" + p.id;
        p.thumb = p.image + "@thumb";
        c.images.push_back({p.image, file, ImageRole::Photo, {kPhotosFile, line}});
        c.model.photos.push_back(std::move(p));
    }
}

} // namespace

LoadedContent loadContent(const std::string& dir, Diagnostics& diags) {
    LoadedContent c;
    IdRegistry ids(c, diags);
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        diags.error(dir, 0, "is not a content folder", "give the folder that holds event.toml and venue.toml");
        return c;
    }
    loadEvent(dir, c, ids, diags);
    loadVenue(dir, c, ids, diags);
    loadTopics(dir, c, ids, diags);
    loadGalleries(dir, c, ids, diags);
    loadStands(dir, c, ids, diags);
    loadExhibitors(dir, c, ids, diags);
    // A schedule export alone is the programme; next to programme.csv it adds to it.
    if (!importReplacesProgramme(dir)) loadProgramme(dir, c, ids, diags);
    importSchedule(dir, c, diags);
    loadChanges(dir, c, diags);
    loadPhotos(dir, c, ids, diags);
    return c;
}

} // namespace ww
