// The content database's schema, its writer (used once per content build) and its read-only loader.
#include "core/store.h"

#include "core/sqlite.h"

#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

namespace ww {

namespace {

using sql::Db;
using sql::Stmt;

// [SECTION] Schema
// Every table keeps the order staff wrote things in (`ord`), so lists appear as authored.
const char* const kSchema = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE event(id TEXT, name_de TEXT, name_en TEXT, subtitle_de TEXT, subtitle_en TEXT,
  venue_de TEXT, venue_en TEXT, address TEXT, start_date TEXT, end_date TEXT, timezone TEXT,
  idle_timeout_s INTEGER, opens TEXT, closes TEXT, website TEXT);
CREATE TABLE levels(id TEXT PRIMARY KEY, ord INTEGER, name_de TEXT, name_en TEXT, floor INTEGER,
  outline TEXT, background TEXT, background_scale REAL, origin_x REAL, origin_y REAL);
CREATE TABLE walls(ord INTEGER, level TEXT, points TEXT, thickness REAL);
CREATE TABLE rooms(id TEXT PRIMARY KEY, ord INTEGER, level TEXT, name_de TEXT, name_en TEXT, kind TEXT,
  shape TEXT, doors TEXT, capacity INTEGER);
CREATE TABLE obstacles(ord INTEGER, level TEXT, shape TEXT, name_de TEXT, name_en TEXT);
CREATE TABLE stands(id TEXT PRIMARY KEY, ord INTEGER, level TEXT, shape TEXT, front_x REAL, front_y REAL);
CREATE TABLE pois(id TEXT PRIMARY KEY, ord INTEGER, level TEXT, type TEXT, name_de TEXT, name_en TEXT,
  x REAL, y REAL);
CREATE TABLE connectors(id TEXT PRIMARY KEY, ord INTEGER, type TEXT, name_de TEXT, name_en TEXT);
CREATE TABLE connector_stops(connector TEXT, ord INTEGER, level TEXT, x REAL, y REAL);
CREATE TABLE kiosks(id TEXT PRIMARY KEY, ord INTEGER, level TEXT, x REAL, y REAL, facing REAL,
  name_de TEXT, name_en TEXT, north_up INTEGER);
CREATE TABLE topics(id TEXT PRIMARY KEY, ord INTEGER, name_de TEXT, name_en TEXT);
CREATE TABLE exhibitors(id TEXT PRIMARY KEY, ord INTEGER, name TEXT, short_name TEXT,
  description_de TEXT, description_en TEXT, website TEXT, email TEXT, phone TEXT, logo TEXT);
CREATE TABLE exhibitor_stands(exhibitor TEXT, ord INTEGER, stand TEXT);
CREATE TABLE exhibitor_topics(exhibitor TEXT, ord INTEGER, topic TEXT);
CREATE TABLE talks(id TEXT PRIMARY KEY, ord INTEGER, title_de TEXT, title_en TEXT, start TEXT, "end" TEXT,
  start_utc INTEGER, end_utc INTEGER, room TEXT, topic TEXT, track TEXT, language TEXT, kind TEXT,
  abstract_de TEXT, abstract_en TEXT, status TEXT, delay_min INTEGER, moved_from TEXT, change_note_de TEXT,
  change_note_en TEXT);
CREATE INDEX talks_by_room ON talks(room, start_utc);
CREATE TABLE speakers(talk TEXT, ord INTEGER, name TEXT, organisation TEXT);
CREATE TABLE galleries(id TEXT PRIMARY KEY, ord INTEGER, title_de TEXT, title_en TEXT, cover TEXT);
CREATE TABLE photos(id TEXT PRIMARY KEY, ord INTEGER, gallery TEXT, caption_de TEXT, caption_en TEXT,
  credit TEXT, licence TEXT, width INTEGER, height INTEGER, image TEXT, thumb TEXT);
CREATE TABLE walk_grids(level TEXT PRIMARY KEY, origin_x REAL, origin_y REAL, cell REAL, cols INTEGER,
  rows INTEGER, cells BLOB NOT NULL);
CREATE TABLE images(key TEXT PRIMARY KEY, mime TEXT, width INTEGER, height INTEGER, data BLOB NOT NULL);
)SQL";

// [SECTION] Geometry as text
// Points are stored as "x y;x y;…" with round-trip precision, so a database reads back exactly what
// the content files said.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string encodePoints(const std::vector<Vec2>& pts) {
    std::string out;
    for (size_t i = 0; i < pts.size(); ++i) {
        if (i) out += ';';
        out += num(pts[i].x) + ' ' + num(pts[i].y);
    }
    return out;
}

// Splits "a b c;d e f" into rows of numbers.
std::vector<std::vector<double>> decodeRows(const std::string& s) {
    std::vector<std::vector<double>> rows;
    const char* p = s.c_str();
    while (*p) {
        std::vector<double> row;
        while (*p && *p != ';') {
            char* end = nullptr;
            double v = std::strtod(p, &end);
            if (end == p) {
                ++p;
                continue;
            }
            row.push_back(v);
            p = end;
        }
        if (*p == ';') ++p;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<Vec2> decodePoints(const std::string& s) {
    std::vector<Vec2> pts;
    for (const auto& row : decodeRows(s))
        if (row.size() >= 2) pts.push_back({row[0], row[1]});
    return pts;
}

std::string encodeDoors(const std::vector<Door>& doors) {
    std::string out;
    for (size_t i = 0; i < doors.size(); ++i) {
        if (i) out += ';';
        out += num(doors[i].pos.x) + ' ' + num(doors[i].pos.y) + ' ' + num(doors[i].width) + ' ' +
               (doors[i].step_free ? "1" : "0");
    }
    return out;
}

std::vector<Door> decodeDoors(const std::string& s) {
    std::vector<Door> doors;
    for (const auto& row : decodeRows(s))
        if (row.size() >= 4) doors.push_back({{row[0], row[1]}, row[2], row[3] != 0});
    return doors;
}

template <typename E>
E enumOr(std::optional<E> v, E fallback) {
    return v ? *v : fallback;
}

// [SECTION] Writer
void writeModel(Db& db, const Model& m) {
    {
        Stmt s = db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
        s.bind(1, "content_version").bind(2, m.content_version).run();
        s.bind(1, "built_at").bind(2, m.built_at).run();
        s.bind(1, "schema_version").bind(2, std::to_string(kSchemaVersion)).run();
    }
    {
        const Event& e = m.event;
        Stmt s = db.prepare("INSERT INTO event VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        s.bind(1, e.id).bind(2, e.name.de).bind(3, e.name.en).bind(4, e.subtitle.de).bind(5, e.subtitle.en);
        s.bind(6, e.venue.de).bind(7, e.venue.en).bind(8, e.address).bind(9, e.start_date).bind(10, e.end_date);
        s.bind(11, e.timezone).bind(12, e.idle_timeout_s).bind(13, e.opens).bind(14, e.closes).bind(15, e.website);
        s.run();
    }
    {
        Stmt s = db.prepare("INSERT INTO levels VALUES(?,?,?,?,?,?,?,?,?,?)");
        int ord = 0;
        for (const Level& l : m.levels) {
            s.bind(1, l.id).bind(2, ord++).bind(3, l.name.de).bind(4, l.name.en).bind(5, l.floor);
            s.bind(6, encodePoints(l.outline)).bind(7, l.background).bind(8, l.background_scale);
            s.bind(9, l.background_origin.x).bind(10, l.background_origin.y).run();
        }
    }
    {
        Stmt s = db.prepare("INSERT INTO walls VALUES(?,?,?,?)");
        int ord = 0;
        for (const Wall& w : m.walls)
            s.bind(1, ord++).bind(2, w.level).bind(3, encodePoints(w.points)).bind(4, w.thickness).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO rooms VALUES(?,?,?,?,?,?,?,?,?)");
        int ord = 0;
        for (const Room& r : m.rooms) {
            s.bind(1, r.id).bind(2, ord++).bind(3, r.level).bind(4, r.name.de).bind(5, r.name.en);
            s.bind(6, toString(r.kind)).bind(7, encodePoints(r.shape)).bind(8, encodeDoors(r.doors));
            s.bind(9, r.capacity).run();
        }
    }
    {
        Stmt s = db.prepare("INSERT INTO obstacles VALUES(?,?,?,?,?)");
        int ord = 0;
        for (const Obstacle& o : m.obstacles)
            s.bind(1, ord++).bind(2, o.level).bind(3, encodePoints(o.shape)).bind(4, o.name.de).bind(5, o.name.en).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO stands VALUES(?,?,?,?,?,?)");
        int ord = 0;
        for (const Stand& st : m.stands)
            s.bind(1, st.id).bind(2, ord++).bind(3, st.level).bind(4, encodePoints(st.shape))
                .bind(5, st.front.x).bind(6, st.front.y).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO pois VALUES(?,?,?,?,?,?,?,?)");
        int ord = 0;
        for (const Poi& p : m.pois)
            s.bind(1, p.id).bind(2, ord++).bind(3, p.level).bind(4, toString(p.type)).bind(5, p.name.de)
                .bind(6, p.name.en).bind(7, p.pos.x).bind(8, p.pos.y).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO connectors VALUES(?,?,?,?,?)");
        Stmt stop = db.prepare("INSERT INTO connector_stops VALUES(?,?,?,?,?)");
        int ord = 0;
        for (const Connector& c : m.connectors) {
            s.bind(1, c.id).bind(2, ord++).bind(3, toString(c.type)).bind(4, c.name.de).bind(5, c.name.en).run();
            int sord = 0;
            for (const ConnectorStop& cs : c.stops)
                stop.bind(1, c.id).bind(2, sord++).bind(3, cs.level).bind(4, cs.pos.x).bind(5, cs.pos.y).run();
        }
    }
    {
        Stmt s = db.prepare("INSERT INTO kiosks VALUES(?,?,?,?,?,?,?,?,?)");
        int ord = 0;
        for (const Kiosk& k : m.kiosks)
            s.bind(1, k.id).bind(2, ord++).bind(3, k.level).bind(4, k.pos.x).bind(5, k.pos.y).bind(6, k.facing_deg)
                .bind(7, k.name.de).bind(8, k.name.en).bind(9, k.north_up ? 1 : 0).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO topics VALUES(?,?,?,?)");
        int ord = 0;
        for (const Topic& t : m.topics) s.bind(1, t.id).bind(2, ord++).bind(3, t.name.de).bind(4, t.name.en).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO exhibitors VALUES(?,?,?,?,?,?,?,?,?,?)");
        Stmt st = db.prepare("INSERT INTO exhibitor_stands VALUES(?,?,?)");
        Stmt tp = db.prepare("INSERT INTO exhibitor_topics VALUES(?,?,?)");
        int ord = 0;
        for (const Exhibitor& e : m.exhibitors) {
            s.bind(1, e.id).bind(2, ord++).bind(3, e.name).bind(4, e.short_name).bind(5, e.description.de);
            s.bind(6, e.description.en).bind(7, e.website).bind(8, e.email).bind(9, e.phone).bind(10, e.logo).run();
            for (size_t i = 0; i < e.stands.size(); ++i) st.bind(1, e.id).bind(2, static_cast<int>(i)).bind(3, e.stands[i]).run();
            for (size_t i = 0; i < e.topics.size(); ++i) tp.bind(1, e.id).bind(2, static_cast<int>(i)).bind(3, e.topics[i]).run();
        }
    }
    {
        Stmt s = db.prepare("INSERT INTO talks VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        Stmt sp = db.prepare("INSERT INTO speakers VALUES(?,?,?,?)");
        int ord = 0;
        for (const Talk& t : m.talks) {
            s.bind(1, t.id).bind(2, ord++).bind(3, t.title.de).bind(4, t.title.en).bind(5, t.start).bind(6, t.end);
            s.bind(7, t.start_utc).bind(8, t.end_utc).bind(9, t.room).bind(10, t.topic).bind(11, t.track);
            s.bind(12, t.language).bind(13, toString(t.kind)).bind(14, t.abstract.de).bind(15, t.abstract.en);
            s.bind(16, toString(t.status)).bind(17, t.delay_min).bind(18, t.moved_from).bind(19, t.change_note.de);
            s.bind(20, t.change_note.en).run();
            for (size_t i = 0; i < t.speakers.size(); ++i)
                sp.bind(1, t.id).bind(2, static_cast<int>(i)).bind(3, t.speakers[i].name)
                    .bind(4, t.speakers[i].organisation).run();
        }
    }
    {
        Stmt s = db.prepare("INSERT INTO galleries VALUES(?,?,?,?,?)");
        int ord = 0;
        for (const Gallery& g : m.galleries)
            s.bind(1, g.id).bind(2, ord++).bind(3, g.title.de).bind(4, g.title.en).bind(5, g.cover).run();
    }
    {
        Stmt s = db.prepare("INSERT INTO photos VALUES(?,?,?,?,?,?,?,?,?,?,?)");
        int ord = 0;
        for (const Photo& p : m.photos) {
            s.bind(1, p.id).bind(2, ord++).bind(3, p.gallery).bind(4, p.caption.de).bind(5, p.caption.en);
            s.bind(6, p.credit).bind(7, p.licence).bind(8, p.width).bind(9, p.height).bind(10, p.image);
            s.bind(11, p.thumb).run();
        }
    }
}

void writeWalkGrids(Db& db, const std::vector<WalkGrid>& grids) {
    Stmt s = db.prepare("INSERT INTO walk_grids VALUES(?,?,?,?,?,?,?)");
    for (const WalkGrid& g : grids) {
        s.bind(1, g.level).bind(2, g.origin.x).bind(3, g.origin.y).bind(4, g.cell).bind(5, g.cols).bind(6, g.rows);
        s.bindBlob(7, g.cells.data(), g.cells.size()).run();
    }
}

void writeImages(Db& db, const std::vector<ImageBlob>& images) {
    Stmt s = db.prepare("INSERT INTO images VALUES(?,?,?,?,?)");
    for (const ImageBlob& img : images) {
        s.bind(1, img.info.key).bind(2, img.info.mime).bind(3, img.info.width).bind(4, img.info.height);
        s.bindBlob(5, img.data.data(), img.data.size()).run();
    }
}

// [SECTION] Loader
void readModel(Db& db, Model& m) {
    {
        Stmt s = db.prepare("SELECT key, value FROM meta");
        while (s.step()) {
            std::string key = s.text(0);
            if (key == "content_version") m.content_version = s.text(1);
            else if (key == "built_at") m.built_at = s.text(1);
        }
    }
    {
        Stmt s = db.prepare("SELECT * FROM event LIMIT 1");
        if (!s.step()) throw StoreError("the content database holds no event");
        Event& e = m.event;
        e.id = s.text(0);
        e.name = {s.text(1), s.text(2)};
        e.subtitle = {s.text(3), s.text(4)};
        e.venue = {s.text(5), s.text(6)};
        e.address = s.text(7);
        e.start_date = s.text(8);
        e.end_date = s.text(9);
        e.timezone = s.text(10);
        e.idle_timeout_s = s.integer(11);
        e.opens = s.text(12);
        e.closes = s.text(13);
        e.website = s.text(14);
    }
    {
        Stmt s = db.prepare("SELECT id, name_de, name_en, floor, outline, background, background_scale, origin_x, "
                            "origin_y FROM levels ORDER BY ord");
        while (s.step()) {
            Level l;
            l.id = s.text(0);
            l.name = {s.text(1), s.text(2)};
            l.floor = s.integer(3);
            l.outline = decodePoints(s.text(4));
            l.background = s.text(5);
            l.background_scale = s.real(6);
            l.background_origin = {s.real(7), s.real(8)};
            m.levels.push_back(std::move(l));
        }
    }
    {
        Stmt s = db.prepare("SELECT level, points, thickness FROM walls ORDER BY ord");
        while (s.step()) m.walls.push_back({s.text(0), decodePoints(s.text(1)), s.real(2)});
    }
    {
        Stmt s = db.prepare("SELECT id, level, name_de, name_en, kind, shape, doors, capacity FROM rooms ORDER BY ord");
        while (s.step()) {
            Room r;
            r.id = s.text(0);
            r.level = s.text(1);
            r.name = {s.text(2), s.text(3)};
            r.kind = enumOr(roomKindFromString(s.text(4)), RoomKind::Room);
            r.shape = decodePoints(s.text(5));
            r.doors = decodeDoors(s.text(6));
            r.capacity = s.integer(7);
            m.rooms.push_back(std::move(r));
        }
    }
    {
        Stmt s = db.prepare("SELECT level, shape, name_de, name_en FROM obstacles ORDER BY ord");
        while (s.step()) m.obstacles.push_back({s.text(0), decodePoints(s.text(1)), {s.text(2), s.text(3)}});
    }
    {
        Stmt s = db.prepare("SELECT id, level, shape, front_x, front_y FROM stands ORDER BY ord");
        while (s.step()) m.stands.push_back({s.text(0), s.text(1), decodePoints(s.text(2)), {s.real(3), s.real(4)}});
    }
    {
        Stmt s = db.prepare("SELECT id, level, type, name_de, name_en, x, y FROM pois ORDER BY ord");
        while (s.step()) {
            Poi p;
            p.id = s.text(0);
            p.level = s.text(1);
            p.type = enumOr(poiTypeFromString(s.text(2)), PoiType::InfoDesk);
            p.name = {s.text(3), s.text(4)};
            p.pos = {s.real(5), s.real(6)};
            m.pois.push_back(std::move(p));
        }
    }
    {
        Stmt s = db.prepare("SELECT id, type, name_de, name_en FROM connectors ORDER BY ord");
        Stmt stops = db.prepare("SELECT level, x, y FROM connector_stops WHERE connector = ? ORDER BY ord");
        while (s.step()) {
            Connector c;
            c.id = s.text(0);
            c.type = enumOr(connectorTypeFromString(s.text(1)), ConnectorType::Stairs);
            c.name = {s.text(2), s.text(3)};
            stops.bind(1, c.id);
            while (stops.step()) c.stops.push_back({stops.text(0), {stops.real(1), stops.real(2)}});
            stops.reset();
            m.connectors.push_back(std::move(c));
        }
    }
    {
        Stmt s = db.prepare("SELECT id, level, x, y, facing, name_de, name_en, north_up FROM kiosks ORDER BY ord");
        while (s.step()) {
            Kiosk k;
            k.id = s.text(0);
            k.level = s.text(1);
            k.pos = {s.real(2), s.real(3)};
            k.facing_deg = s.real(4);
            k.name = {s.text(5), s.text(6)};
            k.north_up = s.integer(7) != 0;
            m.kiosks.push_back(std::move(k));
        }
    }
    {
        Stmt s = db.prepare("SELECT id, name_de, name_en FROM topics ORDER BY ord");
        while (s.step()) m.topics.push_back({s.text(0), {s.text(1), s.text(2)}});
    }
    {
        Stmt s = db.prepare("SELECT id, name, short_name, description_de, description_en, website, email, phone, logo "
                            "FROM exhibitors ORDER BY ord");
        Stmt st = db.prepare("SELECT stand FROM exhibitor_stands WHERE exhibitor = ? ORDER BY ord");
        Stmt tp = db.prepare("SELECT topic FROM exhibitor_topics WHERE exhibitor = ? ORDER BY ord");
        while (s.step()) {
            Exhibitor e;
            e.id = s.text(0);
            e.name = s.text(1);
            e.short_name = s.text(2);
            e.description = {s.text(3), s.text(4)};
            e.website = s.text(5);
            e.email = s.text(6);
            e.phone = s.text(7);
            e.logo = s.text(8);
            st.bind(1, e.id);
            while (st.step()) e.stands.push_back(st.text(0));
            st.reset();
            tp.bind(1, e.id);
            while (tp.step()) e.topics.push_back(tp.text(0));
            tp.reset();
            m.exhibitors.push_back(std::move(e));
        }
    }
    {
        Stmt s = db.prepare("SELECT id, title_de, title_en, start, \"end\", start_utc, end_utc, room, topic, track, "
                            "language, kind, abstract_de, abstract_en, status, delay_min, moved_from, change_note_de, "
                            "change_note_en FROM talks ORDER BY ord");
        Stmt sp = db.prepare("SELECT name, organisation FROM speakers WHERE talk = ? ORDER BY ord");
        while (s.step()) {
            Talk t;
            t.id = s.text(0);
            t.title = {s.text(1), s.text(2)};
            t.start = s.text(3);
            t.end = s.text(4);
            t.start_utc = s.int64(5);
            t.end_utc = s.int64(6);
            t.room = s.text(7);
            t.topic = s.text(8);
            t.track = s.text(9);
            t.language = s.text(10);
            t.kind = enumOr(talkKindFromString(s.text(11)), TalkKind::Talk);
            t.abstract = {s.text(12), s.text(13)};
            t.status = enumOr(talkStatusFromString(s.text(14)), TalkStatus::Scheduled);
            t.delay_min = s.integer(15);
            t.moved_from = s.text(16);
            t.change_note = {s.text(17), s.text(18)};
            sp.bind(1, t.id);
            while (sp.step()) t.speakers.push_back({sp.text(0), sp.text(1)});
            sp.reset();
            m.talks.push_back(std::move(t));
        }
    }
    {
        Stmt s = db.prepare("SELECT id, title_de, title_en, cover FROM galleries ORDER BY ord");
        while (s.step()) m.galleries.push_back({s.text(0), {s.text(1), s.text(2)}, s.text(3)});
    }
    {
        Stmt s = db.prepare("SELECT id, gallery, caption_de, caption_en, credit, licence, width, height, image, thumb "
                            "FROM photos ORDER BY ord");
        while (s.step()) {
            Photo p;
            p.id = s.text(0);
            p.gallery = s.text(1);
            p.caption = {s.text(2), s.text(3)};
            p.credit = s.text(4);
            p.licence = s.text(5);
            p.width = s.integer(6);
            p.height = s.integer(7);
            p.image = s.text(8);
            p.thumb = s.text(9);
            m.photos.push_back(std::move(p));
        }
    }
    {
        Stmt s = db.prepare("SELECT level, origin_x, origin_y, cell, cols, rows, cells FROM walk_grids");
        while (s.step()) {
            WalkGrid g;
            g.level = s.text(0);
            g.origin = {s.real(1), s.real(2)};
            g.cell = s.real(3);
            g.cols = s.integer(4);
            g.rows = s.integer(5);
            g.cells = s.blob(6);
            if (g.cols > 0 && g.rows > 0 && g.cells.size() == static_cast<size_t>(g.cols) * static_cast<size_t>(g.rows))
                m.walk_grids.push_back(std::move(g));
        }
    }
    {
        Stmt s = db.prepare("SELECT key, mime, width, height, length(data) FROM images ORDER BY key");
        while (s.step()) m.images.push_back({s.text(0), s.text(1), s.integer(2), s.integer(3), s.int64(4)});
    }
}

} // namespace

// [SECTION] Public interface
void writeDatabase(const std::string& path, const Model& model, const std::vector<ImageBlob>& images) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) throw StoreError("refusing to write into existing file '" + path + "'");
    try {
        Db db(path, Db::Mode::ReadWriteCreate);
        // Kiosks open the file read-only, so a rollback journal is right (WAL needs writable -shm files).
        db.exec("PRAGMA journal_mode=DELETE");
        db.exec("PRAGMA page_size=8192");
        db.exec("PRAGMA synchronous=FULL");
        {
            sql::Transaction tx(db);
            db.exec(kSchema);
            writeModel(db, model);
            writeWalkGrids(db, model.walk_grids);
            writeImages(db, images);
            db.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
            tx.commit();
        }
        db.exec("VACUUM");
    } catch (const sql::SqliteError& e) {
        throw StoreError(std::string("writing the content database failed: ") + e.what());
    }
}

struct ContentDb::Impl {
    Db db;
};

ContentDb::ContentDb(const std::string& path) : impl_(std::make_unique<Impl>()) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw StoreError("content database '" + path + "' does not exist; build it with: wegweiser-content build "
                         "CONTENT_DIR -o " + path);
    try {
        impl_->db = Db(path, Db::Mode::ReadOnly);
        schema_ = impl_->db.userVersion();
        Stmt s = impl_->db.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
        bool has_meta = s.step() && s.integer(0) == 1;
        if (schema_ == 0 || !has_meta)
            throw StoreError("'" + path + "' is not a Wegweiser content database");
    } catch (const sql::SqliteError& e) {
        throw StoreError("'" + path + "' cannot be read as a content database: " + e.what());
    }
    if (schema_ > kSchemaVersion)
        throw StoreError("content database '" + path + "' has schema version " + std::to_string(schema_) +
                         ", newer than this kiosk understands (" + std::to_string(kSchemaVersion) +
                         "); update the kiosk software or build the content with the matching wegweiser-content");
}

ContentDb::~ContentDb() = default;

Model ContentDb::load() {
    Model m;
    try {
        readModel(impl_->db, m);
    } catch (const sql::SqliteError& e) {
        throw StoreError(std::string("reading the content database failed: ") + e.what());
    }
    return m;
}

std::vector<uint8_t> ContentDb::imageBytes(const std::string& key) {
    try {
        Stmt s = impl_->db.prepare("SELECT data FROM images WHERE key = ?");
        s.bind(1, key);
        if (s.step()) return s.blob(0);
    } catch (const sql::SqliteError& e) {
        throw StoreError(std::string("reading image '") + key + "' failed: " + e.what());
    }
    return {};
}

Model loadModel(const std::string& path) { return ContentDb(path).load(); }

} // namespace ww
