// The content model: one event as plain structs, read from the content database by the kiosk and
// produced from the staff content files by the content tool. No SQLite, ImGui or GL in here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ww {

enum class Lang { De, En };

// Visitor-facing text. German is required; English falls back to German when staff left it empty.
struct Text {
    std::string de;
    std::string en;
    const std::string& in(Lang lang) const { return (lang == Lang::En && !en.empty()) ? en : de; }
    bool operator==(const Text& o) const { return de == o.de && en == o.en; }
};

// Venue coordinates are metres on a level's plan: x to the east (right), y to the south (down),
// origin at the plan's top-left corner.
struct Vec2 {
    double x = 0;
    double y = 0;
    bool operator==(const Vec2& o) const { return x == o.x && y == o.y; }
};
using Polygon = std::vector<Vec2>;

struct Event {
    std::string id;
    Text name;
    Text subtitle;
    Text venue;
    std::string address;
    std::string start_date;      // YYYY-MM-DD, local to `timezone`
    std::string end_date;        // YYYY-MM-DD, inclusive
    std::string timezone;        // IANA name, e.g. Europe/Berlin
    int idle_timeout_s = 90;     // seconds without a touch before the "Still there?" warning
    std::string opens = "08:00"; // daily opening hours (HH:MM, local); the kiosk dims outside them
    std::string closes = "18:00";
    std::string website;
};

struct Level {
    std::string id;
    Text name;
    int floor = 0;               // 0 = ground floor, 1 = first floor, -1 = basement
    Polygon outline;             // the walkable floor of the level
    std::string background;      // image key of the optional plan drawing ("" = none)
    double background_scale = 0; // pixels of the drawing per metre
    Vec2 background_origin;      // where the drawing's top-left pixel lies, in metres
};

// A wall is a polyline; routing treats it as an obstacle of the given thickness.
struct Wall {
    std::string level;
    std::vector<Vec2> points;
    double thickness = 0.2;
};

struct Door {
    Vec2 pos;
    double width = 1.0;
    bool step_free = true;
};

enum class RoomKind { Hall, Room, Stage, Lounge, Foyer, Service };

struct Room {
    std::string id;
    std::string level;
    Text name;
    RoomKind kind = RoomKind::Room;
    Polygon shape;
    std::vector<Door> doors;
    int capacity = 0;
};

// Anything that blocks walking but is not a stand or wall: pillars, counters, a stage platform.
struct Obstacle {
    std::string level;
    Polygon shape;
    Text name;
};

struct Stand {
    std::string id;    // the stand number visitors see, e.g. "B12"
    std::string level;
    Polygon shape;     // rectangles are stored as four corners
    Vec2 front;        // where a visitor stands to talk to the exhibitor (route target)
};

enum class PoiType { Toilet, AccessibleToilet, Lift, Stairs, Escalator, Exit, InfoDesk, Cloakroom, Catering, FirstAid };

struct Poi {
    std::string id;
    std::string level;
    PoiType type = PoiType::InfoDesk;
    Text name;
    Vec2 pos;
};

enum class ConnectorType { Stairs, Lift, Escalator };

// Stairs, lifts and escalators join levels; one stop per level they serve.
struct ConnectorStop {
    std::string level;
    Vec2 pos;
};
struct Connector {
    std::string id;
    ConnectorType type = ConnectorType::Stairs;
    Text name;
    std::vector<ConnectorStop> stops;
};

struct Kiosk {
    std::string id;
    std::string level;
    Vec2 pos;
    double facing_deg = 0; // the direction a visitor at the screen looks: 0 = plan up, 90 = plan right
    Text name;
    bool north_up = false; // true: show the plan unrotated instead of turning it to the visitor's forward
};

struct Topic {
    std::string id;
    Text name;
};

struct Exhibitor {
    std::string id;
    std::string name;
    std::string short_name; // for the plan; falls back to name
    std::vector<std::string> stands;
    std::vector<std::string> topics;
    Text description;
    std::string website;
    std::string email;
    std::string phone;
    std::string logo;       // image key ("" = none)
};

struct Speaker {
    std::string name;
    std::string organisation;
    bool operator==(const Speaker& o) const { return name == o.name && organisation == o.organisation; }
};

enum class TalkKind { Talk, Keynote, Impulse, Panel, Workshop, Break };

// Event-day changes staff make without touching the programme itself.
enum class TalkStatus { Scheduled, Delayed, Cancelled, Moved };

struct Talk {
    std::string id;
    Text title;
    std::string start;       // local ISO time in the event's zone, "2022-09-07T09:00"
    std::string end;
    int64_t start_utc = 0;   // seconds since the epoch
    int64_t end_utc = 0;
    std::string room;
    std::vector<Speaker> speakers;
    std::string topic;       // topic id ("" = none)
    std::string track;       // free text, e.g. "Hauptprogramm"
    std::string language;    // "de", "en"
    TalkKind kind = TalkKind::Talk;
    Text abstract;

    // Live status. start/end above stay as planned; a delay shifts both by delay_min.
    TalkStatus status = TalkStatus::Scheduled;
    int delay_min = 0;
    std::string moved_from;  // the room it was planned in, when status is Moved (room is the new one)
    Text change_note;        // optional explanation shown with the change
};

struct Gallery {
    std::string id;
    Text title;
    std::string cover;       // photo id shown on the index
};

struct Photo {
    std::string id;
    std::string gallery;
    Text caption;
    std::string credit;      // photographer, shown as "© credit"
    std::string licence;
    int width = 0;           // of the display copy
    int height = 0;
    std::string image;       // image key of the display copy
    std::string thumb;       // image key of the thumbnail
};

// An image prepared by the content tool. Pixels live in the database and are read on demand.
struct ImageInfo {
    std::string key;         // e.g. "photo/eroeffnung-01", "photo/eroeffnung-01@thumb", "logo/sakd"
    std::string mime;        // image/jpeg or image/png
    int width = 0;
    int height = 0;
    int64_t bytes = 0;
};

// Where people can walk on one level, as a grid derived from the geometry when content is built:
// walls, stands and obstacles are blocked, rooms are entered through their doors.
struct WalkGrid {
    std::string level;
    Vec2 origin;                 // metres of the top-left corner of cell (0, 0)
    double cell = 0.5;           // edge length of a cell in metres
    int cols = 0;
    int rows = 0;
    std::vector<uint8_t> cells;  // cols × rows, row-major; meaning of the values is routing's (core/routing.h)
};

struct Model {
    Event event;
    std::vector<Level> levels;
    std::vector<Wall> walls;
    std::vector<Room> rooms;
    std::vector<Obstacle> obstacles;
    std::vector<Stand> stands;
    std::vector<Poi> pois;
    std::vector<Connector> connectors;
    std::vector<Kiosk> kiosks;
    std::vector<Topic> topics;
    std::vector<Exhibitor> exhibitors;
    std::vector<Talk> talks;
    std::vector<Gallery> galleries;
    std::vector<Photo> photos;
    std::vector<ImageInfo> images;
    std::vector<WalkGrid> walk_grids;

    std::string content_version; // hash of the content files; equal inputs give an equal version
    std::string built_at;        // UTC ISO time of the build

    const Level* level(const std::string& id) const;
    const Room* room(const std::string& id) const;
    const Stand* stand(const std::string& id) const;
    const Poi* poi(const std::string& id) const;
    const Kiosk* kiosk(const std::string& id) const;
    const Topic* topic(const std::string& id) const;
    const Exhibitor* exhibitor(const std::string& id) const;
    const Exhibitor* exhibitorAtStand(const std::string& stand_id) const;
    const Talk* talk(const std::string& id) const;
    const Gallery* gallery(const std::string& id) const;
    const Photo* photo(const std::string& id) const;
    std::vector<const Photo*> photosOf(const std::string& gallery_id) const;
};

// Stable names used in content files and the database.
const char* toString(RoomKind k);
const char* toString(PoiType t);
const char* toString(ConnectorType t);
const char* toString(TalkKind k);
const char* toString(TalkStatus s);
std::optional<TalkStatus> talkStatusFromString(const std::string& s);
std::optional<RoomKind> roomKindFromString(const std::string& s);
std::optional<PoiType> poiTypeFromString(const std::string& s);
std::optional<ConnectorType> connectorTypeFromString(const std::string& s);
std::optional<TalkKind> talkKindFromString(const std::string& s);
// All valid names, comma separated, for error hints.
std::string allPoiTypes();
std::string allRoomKinds();
std::string allTalkKinds();

} // namespace ww
