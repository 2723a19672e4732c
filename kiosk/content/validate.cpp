// Cross-file checks of a loaded content folder. Each message names the record's own file and line
// and says what would be right.
#include "content/validate.h"

#include "content/schedule_import.h"
#include "core/geometry.h"
#include "core/schedule.h"
#include "core/timezone.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace ww {

namespace {

std::string fmt(double v) {
    std::ostringstream ss;
    ss.precision(6);
    ss << v;
    return ss.str();
}

std::string pointText(Vec2 p) { return "(" + fmt(p.x) + ", " + fmt(p.y) + ")"; }

class Validator {
public:
    Validator(const LoadedContent& c, Diagnostics& d, const TextLimits& l) : c_(c), m_(c.model), diags_(d), limits_(l) {}

    void run() {
        event();
        levels();
        rooms();
        walls();
        obstacles();
        stands();
        pois();
        connectors();
        kiosks();
        exhibitors();
        talks();
        galleries();
    }

private:
    void error(const SourceRef& at, const std::string& msg, const std::string& hint = "") {
        diags_.error(at.file, at.line, msg, hint);
    }
    void warning(const SourceRef& at, const std::string& msg, const std::string& hint = "") {
        diags_.warning(at.file, at.line, msg, hint);
    }

    // Whether the file that defines `kind` was read; if not, "unknown …" would only repeat its error.
    bool defined(const std::string& kind) const {
        static const std::map<std::string, const char*> files = {
            {"level", kVenueFile},   {"room", kVenueFile},       {"poi", kVenueFile},
            {"kiosk", kEventFile},   {"topic", kTopicsFile},     {"gallery", kGalleriesFile},
            {"stand", kStandsFile},  {"exhibitor", kExhibitorsFile}, {"photo", kPhotosFile},
            {"talk", kProgrammeFile}};
        auto it = files.find(kind);
        return it == files.end() || c_.readable(it->second);
    }

    // Defined somewhere, even if its own row had errors (those are reported there).
    bool known(const std::string& kind, const std::string& id) const { return c_.origin.count(kind + ":" + id) > 0; }

    std::string knownIds(const std::string& kind) const {
        std::string out;
        int n = 0;
        std::string prefix = kind + ":";
        for (auto it = c_.origin.lower_bound(prefix); it != c_.origin.end() && it->first.rfind(prefix, 0) == 0; ++it) {
            if (n++ == 8) {
                out += ", …";
                break;
            }
            out += (out.empty() ? "" : ", ") + it->first.substr(prefix.size());
        }
        return out.empty() ? "none are defined yet" : "known: " + out;
    }

    // A reference to a level; reports an unknown one. Returns the level or null.
    const Level* levelRef(const std::string& level, const SourceRef& at, const std::string& who) {
        if (level.empty()) return nullptr;
        const Level* l = m_.level(level);
        if (!l && defined("level") && !known("level", level)) error(at, who + ": unknown level \"" + level + "\"", "levels are defined in venue.toml; " + knownIds("level"));
        return l;
    }

    void textLength(const SourceRef& at, const std::string& who, const char* field, const std::string& text, size_t max) {
        size_t n = utf8Length(text);
        // Far beyond what fits is not a text meant for a screen (a whole file pasted into a cell):
        // laying it out would stall every kiosk that opens it, so it never reaches them.
        const size_t refuse = max * kTextRefuseFactor;
        if (n > refuse)
            error(at, who + ": " + field + " is " + std::to_string(n) + " characters long, far more than a screen shows",
                  "keep it under " + std::to_string(max) + " characters; texts over " + std::to_string(refuse) +
                      " are refused");
        else if (n > max)
            warning(at, who + ": " + field + " is " + std::to_string(n) + " characters long and may not fit the screen",
                    "keep it under " + std::to_string(max) + " characters");
    }
    void textLength(const SourceRef& at, const std::string& who, const char* field, const Text& text, size_t max) {
        textLength(at, who, (std::string(field) + "_de").c_str(), text.de, max);
        textLength(at, who, (std::string(field) + "_en").c_str(), text.en, max);
    }

    // [SECTION] Event and venue
    void event() {
        const SourceRef at{kEventFile, 1};
        if (m_.levels.empty() && defined("level")) error({kVenueFile, 1}, "no level is defined", "add at least one [[level]] section");
        if (m_.kiosks.empty() && defined("kiosk"))
            error(at, "no kiosk is defined", "add a [[kiosk]] section for every screen, with its level and position");
        textLength(at, "[event]", "name", m_.event.name, 90);
    }

    void levels() {
        std::map<int, std::string> floors;
        for (const Level& l : m_.levels) {
            SourceRef at = c_.where("level", l.id);
            if (!l.outline.empty() && !isSimplePolygon(l.outline))
                error(at, "level " + l.id + ": outline crosses itself",
                      "list the corners in order around the floor, without repeating the first one at the end");
            else if (!l.outline.empty() && polygonArea(l.outline) < 1.0)
                error(at, "level " + l.id + ": outline encloses almost no area", "the outline is in metres");
            auto [it, fresh] = floors.emplace(l.floor, l.id);
            if (!fresh)
                warning(at, "levels " + it->second + " and " + l.id + " both have floor " + std::to_string(l.floor),
                        "floor orders the level switcher: 0 = ground floor, 1 = first floor, -1 = basement");
            textLength(at, "level " + l.id, "name", l.name, limits_.name);
        }
    }

    // True when `shape` lies on its level; reports it otherwise.
    void onLevel(const Level* l, const Polygon& shape, const SourceRef& at, const std::string& who) {
        if (!l || l->outline.size() < 3 || shape.size() < 3) return;
        if (!polygonInside(shape, l->outline, 0.05))
            error(at, who + " lies (partly) outside level " + l->id,
                  "check its coordinates against the level's outline in venue.toml (metres, x to the right, y down)");
    }
    void onLevel(const Level* l, Vec2 p, const SourceRef& at, const std::string& who) {
        if (!l || l->outline.size() < 3) return;
        if (!pointInPolygon(p, l->outline))
            error(at, who + " at " + pointText(p) + " lies outside level " + l->id,
                  "check its coordinates against the level's outline in venue.toml (metres, x to the right, y down)");
    }

    void rooms() {
        for (const Room& r : m_.rooms) {
            SourceRef at = c_.where("room", r.id);
            std::string who = "room " + r.id;
            const Level* l = levelRef(r.level, at, who);
            if (r.shape.size() >= 3 && !isSimplePolygon(r.shape)) {
                error(at, who + ": shape crosses itself", "list the corners in order around the room");
                continue;
            }
            onLevel(l, r.shape, at, who);
            if (r.doors.empty())
                error(at, who + " has no door", "add doors = [ { at = [x, y], width = 2 } ] with points on its outline; "
                                                "routes enter rooms through doors");
            for (const Door& d : r.doors) {
                if (r.shape.size() >= 3 && distanceToOutline(d.pos, r.shape) > 0.5)
                    error(at, who + ": door at " + pointText(d.pos) + " is not on the room's outline",
                          "place doors on (within 0.5 m of) an edge of the room's shape");
                if (d.width < 0.7 || d.width > 20)
                    warning(at, who + ": door at " + pointText(d.pos) + " is " + fmt(d.width) + " m wide",
                            "door widths are in metres; wheelchairs need at least 0.9 m");
            }
            textLength(at, who, "name", r.name, limits_.name);
        }
        for (size_t i = 0; i < m_.rooms.size(); ++i)
            for (size_t j = i + 1; j < m_.rooms.size(); ++j) {
                const Room &a = m_.rooms[i], &b = m_.rooms[j];
                if (a.level != b.level || a.shape.size() < 3 || b.shape.size() < 3) continue;
                if (polygonsOverlap(a.shape, b.shape, 0.05))
                    warning(c_.where("room", b.id), "room " + b.id + " overlaps room " + a.id,
                            "rooms may share walls but should not overlap; the plan draws both");
            }
    }

    void walls() {
        for (size_t i = 0; i < m_.walls.size(); ++i) levelRef(m_.walls[i].level, c_.where("wall", std::to_string(i)), "wall");
    }

    void obstacles() {
        for (size_t i = 0; i < m_.obstacles.size(); ++i) {
            const Obstacle& o = m_.obstacles[i];
            SourceRef at = c_.where("obstacle", std::to_string(i));
            onLevel(levelRef(o.level, at, "obstacle"), o.shape, at, "obstacle");
        }
    }

    void stands() {
        std::set<std::string> used;
        for (const Exhibitor& e : m_.exhibitors) used.insert(e.stands.begin(), e.stands.end());
        for (const Stand& s : m_.stands) {
            SourceRef at = c_.where("stand", s.id);
            std::string who = "stand " + s.id;
            const Level* l = levelRef(s.level, at, who);
            if (!isSimplePolygon(s.shape)) {
                error(at, who + ": shape crosses itself", "list the corners in order around the stand");
                continue;
            }
            onLevel(l, s.shape, at, who);
            if (l && l->outline.size() >= 3 && !pointInPolygon(s.front, l->outline))
                error(at, who + ": its front " + pointText(s.front) + " lies outside level " + l->id,
                      "set facing to the side where the aisle is, or give front explicitly");
            if (!used.count(s.id) && defined("exhibitor")) warning(at, who + " has no exhibitor", "the plan shows it as a free stand");
        }
        // Sorting by left edge keeps this fast for hundreds of stands.
        std::vector<std::pair<Rect, const Stand*>> boxes;
        for (const Stand& s : m_.stands)
            if (s.shape.size() >= 3) boxes.push_back({bounds(s.shape), &s});
        std::sort(boxes.begin(), boxes.end(), [](const auto& a, const auto& b) { return a.first.x0 < b.first.x0; });
        for (size_t i = 0; i < boxes.size(); ++i)
            for (size_t j = i + 1; j < boxes.size() && boxes[j].first.x0 < boxes[i].first.x1; ++j) {
                const Stand &a = *boxes[i].second, &b = *boxes[j].second;
                if (a.level != b.level) continue;
                if (boxes[j].first.y0 >= boxes[i].first.y1 || boxes[i].first.y0 >= boxes[j].first.y1) continue;
                if (polygonsOverlap(a.shape, b.shape)) {
                    const Stand& later = c_.where("stand", a.id).line > c_.where("stand", b.id).line ? a : b;
                    const Stand& earlier = &later == &a ? b : a;
                    error(c_.where("stand", later.id), "stand " + later.id + " overlaps stand " + earlier.id,
                          "stands may touch but not overlap; check x, y, width and depth of both");
                }
            }
        for (const Room& r : m_.rooms) {
            if (r.kind == RoomKind::Hall || r.kind == RoomKind::Foyer) continue;
            for (const Stand& s : m_.stands)
                if (s.level == r.level && s.shape.size() >= 3 && r.shape.size() >= 3 &&
                    polygonsOverlap(s.shape, r.shape, 0.05))
                    warning(c_.where("stand", s.id), "stand " + s.id + " overlaps room " + r.id,
                            "stands belong in halls or the foyer; check its coordinates");
        }
    }

    // A point where people stand must not be inside a stand or obstacle.
    void walkable(const std::string& level, Vec2 p, const SourceRef& at, const std::string& who, bool is_error) {
        for (const Stand& s : m_.stands)
            if (s.level == level && pointInPolygon(p, s.shape) && distanceToOutline(p, s.shape) > 0.05) {
                std::string msg = who + " at " + pointText(p) + " lies inside stand " + s.id;
                if (is_error) error(at, msg, "move it into an aisle");
                else warning(at, msg, "move it into an aisle");
                return;
            }
        for (const Obstacle& o : m_.obstacles)
            if (o.level == level && pointInPolygon(p, o.shape) && distanceToOutline(p, o.shape) > 0.05) {
                std::string msg = who + " at " + pointText(p) + " lies inside an obstacle";
                if (is_error) error(at, msg, "move it to a walkable place");
                else warning(at, msg, "move it to a walkable place");
                return;
            }
    }

    void pois() {
        for (const Poi& p : m_.pois) {
            SourceRef at = c_.where("poi", p.id);
            std::string who = "point of interest " + p.id;
            onLevel(levelRef(p.level, at, who), p.pos, at, who);
            walkable(p.level, p.pos, at, who, false);
            textLength(at, who, "name", p.name, limits_.name);
        }
    }

    void connectors() {
        for (const Connector& cn : m_.connectors) {
            SourceRef at = c_.where("connector", cn.id);
            std::string who = std::string(toString(cn.type)) + " " + cn.id;
            std::set<std::string> levels;
            for (const ConnectorStop& s : cn.stops) {
                onLevel(levelRef(s.level, at, who), s.pos, at, who + " stop on " + s.level);
                if (!levels.insert(s.level).second)
                    error(at, who + " stops twice on level " + s.level, "give one stop per level it serves");
            }
            if (cn.stops.size() < 2)
                error(at, who + " has " + std::to_string(cn.stops.size()) + " stop(s)",
                      "stairs, lifts and escalators connect at least two levels: give a stop on each");
        }
    }

    void kiosks() {
        for (const Kiosk& k : m_.kiosks) {
            SourceRef at = c_.where("kiosk", k.id);
            std::string who = "kiosk " + k.id;
            onLevel(levelRef(k.level, at, who), k.pos, at, who);
            walkable(k.level, k.pos, at, who, true);
        }
    }

    // [SECTION] Exhibitors, programme, photos
    void exhibitors() {
        std::map<std::string, std::string> stand_owner;
        for (const Exhibitor& e : m_.exhibitors) {
            SourceRef at = c_.where("exhibitor", e.id);
            std::string who = "exhibitor " + e.id;
            for (const std::string& s : e.stands) {
                if (!m_.stand(s)) {
                    if (defined("stand") && !known("stand", s)) error(at, who + ": unknown stand \"" + s + "\"", "stands are listed in stands.csv; " + knownIds("stand"));
                    continue;
                }
                auto [it, fresh] = stand_owner.emplace(s, e.id);
                if (!fresh)
                    warning(at, who + " shares stand " + s + " with exhibitor " + it->second,
                            "fine for a joint stand; otherwise check the stand numbers");
            }
            for (const std::string& t : e.topics)
                if (!known("topic", t) && defined("topic"))
                    error(at, who + ": unknown topic \"" + t + "\"", "topics are defined in topics.toml; " + knownIds("topic"));
            textLength(at, who, "name", e.name, limits_.name);
            textLength(at, who, "short_name", e.short_name.empty() ? e.name : e.short_name, limits_.short_name);
            textLength(at, who, "description", e.description, limits_.description);
        }
    }

    void talks() {
        std::optional<LocalDateTime> first = parseDate(m_.event.start_date);
        std::optional<LocalDateTime> last = parseDate(m_.event.end_date);
        std::optional<TimeZone> zone = TimeZone::load(m_.event.timezone);
        std::map<std::string, std::vector<const Talk*>> by_room;
        for (const Talk& t : m_.talks) {
            SourceRef at = c_.where("talk", t.id);
            std::string who = "talk " + t.id;
            if (!m_.room(t.room)) {
                if (defined("room") && !known("room", t.room)) error(at, who + ": unknown room \"" + t.room + "\"", "rooms are defined in venue.toml; " + knownIds("room"));
            } else by_room[t.room].push_back(&t);
            if (!t.topic.empty() && !known("topic", t.topic) && defined("topic"))
                error(at, who + ": unknown topic \"" + t.topic + "\"", "topics are defined in topics.toml; " + knownIds("topic"));
            if (t.end_utc <= t.start_utc)
                error(at, who + " ends (" + t.end + ") before it starts (" + t.start + ")",
                      "check start and end; for a talk past midnight give the end with its date");
            else if (t.end_utc - t.start_utc > 12 * 3600)
                warning(at, who + " lasts more than 12 hours", "check start and end");
            if (first && last && zone) {
                LocalDateTime s = zone->toLocal(t.start_utc);
                LocalDateTime e = zone->toLocal(t.end_utc - 1);
                s.hour = s.minute = s.second = 0;
                e.hour = e.minute = e.second = 0;
                if (s < *first || *last < e)
                    error(at, who + " (" + t.start + ") is outside the event days " + m_.event.start_date + " to " +
                                  m_.event.end_date,
                          "check the date, or the event's start_date and end_date in event.toml");
            }
            // Staff cannot shorten the texts of a pretalx/frab export, so only their own files are measured
            // here; the importer refuses an imported text beyond kTextRefuseFactor times its limit.
            if (!imported(at)) {
                textLength(at, who, "title", t.title, limits_.title);
                textLength(at, who, "abstract", t.abstract, limits_.abstract);
            }
        }
        for (auto& [room, list] : by_room) {
            std::sort(list.begin(), list.end(), [](const Talk* a, const Talk* b) { return a->start_utc < b->start_utc; });
            // Times as the day will run: delays count, cancelled talks free their slot.
            list.erase(std::remove_if(list.begin(), list.end(), [](const Talk* t) { return isCancelled(*t); }),
                       list.end());
            std::sort(list.begin(), list.end(),
                      [](const Talk* a, const Talk* b) { return effectiveStartUtc(*a) < effectiveStartUtc(*b); });
            const Talk* latest = nullptr; // the earlier talk that ends last
            for (const Talk* t : list) {
                if (latest && effectiveEndUtc(*latest) > effectiveStartUtc(*t)) overlap(*t, *latest, room);
                if (!latest || effectiveEndUtc(*t) > effectiveEndUtc(*latest)) latest = t;
            }
        }
    }

    bool imported(const SourceRef& at) const { return at.file == kScheduleXmlFile || at.file == kScheduleJsonFile; }

    // Reported at the later talk, and at the change that caused it when there is one. Overlaps inside
    // a pretalx/frab export are warnings: staff cannot edit the export, and conferences do overlap
    // receptions with talks on purpose.
    void overlap(const Talk& t, const Talk& earlier, const std::string& room) {
        auto when = [](const Talk& x) {
            return x.delay_min ? x.start + ", " + std::to_string(x.delay_min) + " min later" : x.start;
        };
        std::string msg = "talk " + t.id + " (" + when(t) + ") overlaps talk " + earlier.id + " (" + when(earlier) +
                          (earlier.delay_min ? "" : " to " + earlier.end) + ") in room " + room;
        const char* hint = "one room holds one talk at a time; move one of them or change its room";
        SourceRef at = c_.where("talk", t.id);
        if (imported(at) && imported(c_.where("talk", earlier.id))) {
            warning(at, msg, "the export has two talks in one room at the same time; check it in the planning tool");
            return;
        }
        error(at, msg, hint);
        for (const Talk* changed : {&t, &earlier}) {
            SourceRef change = c_.where("change", changed->id);
            if (!change.file.empty()) error(change, "this change makes " + msg, hint);
        }
    }

    void galleries() {
        std::map<std::string, int> count;
        for (const Photo& p : m_.photos) {
            SourceRef at = c_.where("photo", p.id);
            if (!known("gallery", p.gallery) && defined("gallery"))
                error(at, "photo " + p.id + ": unknown gallery \"" + p.gallery + "\"",
                      "galleries are defined in galleries.toml; " + knownIds("gallery"));
            ++count[p.gallery];
            textLength(at, "photo " + p.id, "caption", p.caption, limits_.caption);
        }
        for (const Gallery& g : m_.galleries) {
            SourceRef at = c_.where("gallery", g.id);
            if (!count[g.id] && defined("photo")) warning(at, "gallery " + g.id + " has no photos", "add rows with gallery " + g.id + " to photos.csv");
            if (!g.cover.empty()) {
                const Photo* p = m_.photo(g.cover);
                if (!p && defined("photo") && !known("photo", g.cover)) error(at, "gallery " + g.id + ": cover \"" + g.cover + "\" is not a photo id",
                              "cover names a photo id from photos.csv");
                else if (p && p->gallery != g.id)
                    warning(at, "gallery " + g.id + ": cover photo " + g.cover + " belongs to gallery " + p->gallery);
            }
            textLength(at, "gallery " + g.id, "title", g.title, limits_.name);
        }
    }

    const LoadedContent& c_;
    const Model& m_;
    Diagnostics& diags_;
    const TextLimits& limits_;
};

} // namespace

void validateContent(const LoadedContent& content, Diagnostics& diags, const TextLimits& limits) {
    Validator(content, diags, limits).run();
}

} // namespace ww
