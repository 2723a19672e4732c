// Importing the programme from real pretalx/frab exports (shared test data) and from small exports
// written here: counts, times in UTC, the day of a talk after midnight, umlauts, XML = JSON, room
// matching against the venue, and damaged files.
#include "content/loader.h"
#include "content/schedule_import.h"
#include "core/schedule.h"
#include "support.h"

#include <chrono>
#include <set>

using namespace ww;
using wwtest::Fixture;

namespace {

const std::string kData = std::string(WW_SOURCE_DIR) + "/../shared/testdata/schedules/";

std::string data(const std::string& name) {
    std::string text = wwtest::readText(kData + name);
    REQUIRE_MESSAGE(!text.empty(), "missing test file " << kData + name);
    return text;
}

int64_t utc(const std::string& iso) {
    std::optional<int> off;
    auto t = parseLocalDateTime(iso, &off);
    REQUIRE(t);
    return asEpochSeconds(*t) - off.value_or(0);
}

TimeZone zone(const char* name) {
    auto z = TimeZone::load(name);
    REQUIRE(z);
    return *z;
}

struct Summary {
    size_t talks = 0;
    size_t rooms = 0;
    int64_t first = 0;
    int64_t last = 0;
};

Summary summarize(const ImportedSchedule& s) {
    Summary out;
    out.talks = s.talks.size();
    out.rooms = s.rooms.size();
    out.first = INT64_MAX;
    out.last = INT64_MIN;
    for (const ImportedTalk& t : s.talks) {
        out.first = std::min(out.first, t.talk.start_utc);
        out.last = std::max(out.last, t.talk.start_utc);
    }
    return out;
}

const ImportedTalk* find(const ImportedSchedule& s, const std::string& id) {
    for (const ImportedTalk& t : s.talks)
        if (t.talk.id == id) return &t;
    return nullptr;
}

} // namespace

TEST_CASE("GOOD 2025 schedule.xml imports 72 events in 5 rooms, times from the offsets") {
    Diagnostics diags;
    auto s = parseScheduleXml(data("good2025.schedule.xml"), "schedule.xml", zone("America/New_York"), diags);
    REQUIRE(s);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    Summary sum = summarize(*s);
    CHECK(sum.talks == 72);
    CHECK(sum.rooms == 5);
    CHECK(sum.first == utc("2025-03-17T17:00:00Z"));
    CHECK(sum.last == utc("2025-03-20T18:00:00Z"));
    CHECK(s->title == "GOOD 2025");
    CHECK(s->time_zone_name == "US/Eastern");
    CHECK(s->rooms[0].name == "Tsai Auditorium (CGIS S010)");
    CHECK(s->rooms[0].line == 17);

    const ImportedTalk* jam = find(*s, "307e1812-4a21-5d33-910b-30543d8c6026");
    REQUIRE(jam);
    CHECK(jam->line == 18);
    CHECK(jam->room_name == "Tsai Auditorium (CGIS S010)");
    CHECK(jam->talk.title.de == "Contributor Jam");
    CHECK(jam->talk.start == "2025-03-17T13:00");
    CHECK(jam->talk.end == "2025-03-17T17:00");
    CHECK(jam->talk.end_utc - jam->talk.start_utc == 4 * 3600);
    CHECK(jam->talk.language == "en");
    CHECK(jam->talk.track == "Core Team Track");
    CHECK(jam->talk.speakers == std::vector<Speaker>{{"Emily Moffat Sadeghi", "Ohio Supercomputer Center"},
                                                     {"Travis Ravert", "Ohio Supercomputer Center"}});
    // abstract and description together, entities decoded, no carriage returns
    CHECK(jam->talk.abstract.de.rfind("What is the Contributor Jam? | ", 0) == 0);
    CHECK(jam->talk.abstract.de.find("gems\u2014and more!") != std::string::npos);
    CHECK(jam->talk.abstract.de.find("OOD's components") != std::string::npos);
    CHECK(jam->talk.abstract.de.find('\r') == std::string::npos);
}

TEST_CASE("GOOD 2025 as XML and as JSON import to identical talks") {
    Diagnostics dx, dj;
    TimeZone z = zone("America/New_York");
    auto x = parseScheduleXml(data("good2025.schedule.xml"), "schedule.xml", z, dx);
    auto j = parseScheduleJson(data("good2025.schedule.json"), "schedule.json", z, dj);
    REQUIRE(x);
    REQUIRE(j);
    CHECK_MESSAGE(dj.items().empty(), wwtest::dump(dj));
    REQUIRE(x->talks.size() == j->talks.size());
    // The same rooms; their order differs (JSON lists them, XML names them day by day).
    std::set<std::string> rx, rj;
    for (const ImportedRoom& r : x->rooms) rx.insert(r.name);
    for (const ImportedRoom& r : j->rooms) rj.insert(r.name);
    CHECK(rx == rj);
    CHECK(j->rooms[2].name == "Lee Conference Room (CGIS S030)");
    for (size_t i = 0; i < x->talks.size(); ++i) {
        const Talk& a = x->talks[i].talk;
        const Talk& b = j->talks[i].talk;
        CAPTURE(a.id);
        CHECK(a.id == b.id);
        CHECK(a.title == b.title);
        CHECK(a.start_utc == b.start_utc);
        CHECK(a.end_utc == b.end_utc);
        CHECK(a.start == b.start);
        CHECK(a.speakers == b.speakers);
        CHECK(a.track == b.track);
        CHECK(a.language == b.language);
        CHECK(std::string(toString(a.kind)) == toString(b.kind));
        CHECK(std::string(toString(a.status)) == toString(b.status));
        CHECK(a.abstract.de == b.abstract.de);
        CHECK(x->talks[i].room_name == j->talks[i].room_name);
    }
}

TEST_CASE("rC3 2020 schedule.json: no time zone name, umlauts and slashes in names") {
    Diagnostics diags;
    auto s = parseScheduleJson(data("rc3-2020.schedule.json"), "schedule.json", zone("Europe/Berlin"), diags);
    REQUIRE(s);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    Summary sum = summarize(*s);
    CHECK(sum.talks == 48);
    CHECK(sum.rooms == 5);
    CHECK(sum.first == utc("2020-12-27T10:30:00Z"));
    CHECK(sum.last == utc("2020-12-30T15:00:00Z"));
    CHECK(s->time_zone_name.empty());

    const ImportedTalk* t = find(*s, "bd94e31d-283c-5769-b807-88e30a4d1bda");
    REQUIRE(t);
    CHECK(t->talk.title.de == "Amateurfunk hacken - die Suche nach zeitgemäßem Spaß mit Funk und Radiowellen");
    CHECK(t->room_name == "r3s - Monheim/Rhein");
    CHECK(t->line > 1);
    const ImportedTalk* gluon = find(*s, "c3642671-4c1f-5109-81ba-0535c1cc8428");
    REQUIRE(gluon);
    CHECK(gluon->talk.language == "de");
    CHECK(gluon->talk.start == "2020-12-27T11:30");
    CHECK(gluon->talk.end == "2020-12-27T12:10");
    CHECK(gluon->talk.speakers == std::vector<Speaker>{{"Chris Fiege", ""}, {"Kasa", ""}});
    CHECK(gluon->talk.abstract.de.find("Verfügbarkeit von Firmware für viele Geräte.\nDiese") != std::string::npos);
    std::set<std::string> langs;
    for (const ImportedTalk& i : s->talks) langs.insert(i.talk.language);
    CHECK(langs == std::set<std::string>{"de", "en"});
}

TEST_CASE("FOSDEM 2026 schedule.xml: 883 events in 30 rooms, HTML abstracts as text") {
    std::string bytes = data("fosdem2026.schedule.xml");
    Diagnostics diags;
    auto t0 = std::chrono::steady_clock::now();
    auto s = parseScheduleXml(bytes, "schedule.xml", zone("Europe/Brussels"), diags);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("FOSDEM 2026 (883 events, 2.7 MB) parsed in " << ms << " ms");
    REQUIRE(s);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    Summary sum = summarize(*s);
    CHECK(sum.talks == 883);
    CHECK(sum.rooms == 30);
    CHECK(sum.first == utc("2026-01-31T08:30:00Z"));
    CHECK(sum.last == utc("2026-02-01T16:50:00Z"));

    const ImportedTalk* w = find(*s, "9c3ebb8c-7716-5130-b9fe-ff8544f5636d");
    REQUIRE(w);
    CHECK(w->talk.title.de == "Welcome to FOSDEM 2026");
    CHECK(w->talk.abstract.de == "FOSDEM welcome and opening talk.");
    CHECK(w->talk.track == "Main Track");
    CHECK(w->talk.speakers == std::vector<Speaker>{{"FOSDEM Staff", ""}});
    CHECK(w->talk.start == "2026-01-31T09:30");
    const ImportedTalk* war = find(*s, "8ce3ffa3-2053-5f4d-8fc4-f223e5859a53");
    REQUIRE(war);
    CHECK(war->talk.abstract.de.find("<p>") == std::string::npos);
    CHECK(war->talk.abstract.de.find("\n\nThe immense corpus") != std::string::npos);
    CHECK(war->talk.abstract.de.find("the world's population") != std::string::npos);
    int workshops = 0;
    for (const ImportedTalk& i : s->talks) workshops += i.talk.kind == TalkKind::Workshop;
    CHECK(workshops == 1);
}

namespace {

// A small export in the frab/pretalx XML shape with one event per line of `events`.
std::string xmlExport(const std::string& events, const std::string& tz = "Europe/Berlin") {
    return "<?xml version='1.0' encoding='utf-8' ?>\n<schedule>\n<conference><title>Test</title><time_zone_name>" + tz +
           "</time_zone_name></conference>\n"
           "<day index='1' date='2022-09-07' start='2022-09-07T04:00:00+02:00' end='2022-09-08T03:59:00+02:00'>\n" +
           events + "</day>\n</schedule>\n";
}

std::string xmlEvent(const std::string& guid, const std::string& room, const std::string& date, const std::string& duration,
                     const std::string& title, const std::string& extra = "") {
    return "<room name='" + room + "'><event guid='" + guid + "' id='1'><date>" + date + "</date><start>" +
           (date.size() >= 16 ? date.substr(11, 5) : "") + "</start><duration>" + duration + "</duration><title>" + title +
           "</title><type>Talk</type><language>de</language>" + extra + "</event></room>\n";
}

} // namespace

TEST_CASE("durations as H:MM, HH:MM and HH:MM:SS; kinds from the type; cancellation in the title") {
    Diagnostics diags;
    std::string xml = xmlExport(
        xmlEvent("a", "Saal", "2022-09-07T09:00:00+02:00", "0:45", "Eins") +
        xmlEvent("b", "Saal", "2022-09-07T10:00:00+02:00", "01:30", "CANCELLED! Zwei") +
        xmlEvent("c", "Saal", "2022-09-07T12:00:00+02:00", "00:20:00", "[Abgesagt] Drei") +
        xmlEvent("d", "Saal", "2022-09-07T13:00:00+02:00", "00:10:30", "Cancelled culture") +
        "<room name='Saal'><event guid='e'><date>2022-09-07T14:00:00+02:00</date><duration>00:30</duration>"
        "<title>Fünf</title><type>Podiumsdiskussion</type></event>"
        "<event guid='f'><date>2022-09-07T15:00:00+02:00</date><duration>00:15</duration>"
        "<title>Sechs</title><type>Lightning Talk</type></event></room>\n");
    auto s = parseScheduleXml(xml, "schedule.xml", zone("Europe/Berlin"), diags);
    REQUIRE(s);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    REQUIRE(s->talks.size() == 6);
    CHECK(s->talks[0].talk.end == "2022-09-07T09:45");
    CHECK(s->talks[1].talk.end == "2022-09-07T11:30");
    CHECK(s->talks[1].talk.title.de == "Zwei");
    CHECK(std::string(toString(s->talks[1].talk.status)) == toString(TalkStatus::Cancelled));
    CHECK(s->talks[2].talk.title.de == "Drei");
    CHECK(std::string(toString(s->talks[2].talk.status)) == toString(TalkStatus::Cancelled));
    CHECK(s->talks[3].talk.title.de == "Cancelled culture");
    CHECK(std::string(toString(s->talks[3].talk.status)) == toString(TalkStatus::Scheduled));
    CHECK(s->talks[3].talk.end == "2022-09-07T13:11"); // a part minute still takes the room
    CHECK(std::string(toString(s->talks[4].talk.kind)) == toString(TalkKind::Panel));
    CHECK(s->talks[4].talk.language == "de"); // none given
    CHECK(std::string(toString(s->talks[5].talk.kind)) == toString(TalkKind::Impulse));
    CHECK(std::string(toString(s->talks[0].talk.kind)) == toString(TalkKind::Talk));
}

TEST_CASE("a talk after midnight is filed on the evening's day") {
    // One event with an offset, one with only the local start inside the day window (04:00–03:59).
    Diagnostics diags;
    std::string xml = xmlExport(xmlEvent("late", "Saal", "2022-09-08T01:00:00+02:00", "00:30", "Nachtvortrag") +
                                "<room name='Saal'><event guid='later'><start>02:00</start><duration>00:30</duration>"
                                "<title>Noch später</title></event></room>\n");
    auto s = parseScheduleXml(xml, "schedule.xml", zone("Europe/Berlin"), diags);
    REQUIRE(s);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    REQUIRE(s->talks.size() == 2);
    CHECK(s->talks[0].talk.start == "2022-09-08T01:00");
    CHECK(s->talks[1].talk.start == "2022-09-08T02:00");
    CHECK(s->talks[1].talk.start_utc == utc("2022-09-08T00:00:00Z"));

    Model m;
    m.event.start_date = "2022-09-07";
    m.event.end_date = "2022-09-08";
    m.event.timezone = "Europe/Berlin";
    for (const ImportedTalk& t : s->talks) m.talks.push_back(t.talk);
    Schedule sched(m);
    REQUIRE(sched.days().size() == 2);
    CHECK(sched.dayIndexOf(m.talks[0]) == 0);
    CHECK(sched.dayIndexOf(m.talks[1]) == 0);
    CHECK(sched.talksOn(0).size() == 2);
    CHECK(sched.talksOn(1).empty());
}

TEST_CASE("an export in another time zone than the event's is converted, with a warning") {
    Diagnostics diags;
    std::string xml = xmlExport(xmlEvent("a", "Saal", "2022-09-07T09:00:00-04:00", "00:45", "Eins"));
    auto s = parseScheduleXml(xml, "schedule.xml", zone("Europe/Berlin"), diags);
    REQUIRE(s);
    CHECK(s->talks[0].talk.start == "2022-09-07T15:00");
    CHECK_DIAG(diags, "schedule.xml:5: warning: the export's times are for UTC-04:00, but the event's time zone "
                      "Europe/Berlin is at UTC+02:00 then; times are shown in Europe/Berlin");
}

TEST_CASE("events without start, duration or title are errors at their line") {
    Diagnostics diags;
    std::string xml = xmlExport(xmlEvent("a", "Saal", "2022-09-07T09:00:00+02:00", "zehn", "Eins") +
                                xmlEvent("b", "Saal", "gestern", "00:30", "Zwei") +
                                xmlEvent("c", "Saal", "2022-09-07T11:00:00+02:00", "00:30", " ") +
                                xmlEvent("a", "Saal", "2022-09-07T12:00:00+02:00", "00:30", "Doppelt") +
                                xmlEvent("e", "Saal", "2022-09-07T13:00:00+02:00", "00:00", "Null"));
    auto s = parseScheduleXml(xml, "schedule.xml", zone("Europe/Berlin"), diags);
    REQUIRE(s);
    CHECK(s->talks.empty());
    CHECK_DIAG(diags, "schedule.xml:5: error: event a: duration \"zehn\" is not a duration");
    CHECK_DIAG(diags, "schedule.xml:6: error: event b: start \"gestern\" is not a date and time");
    CHECK_DIAG(diags, "schedule.xml:7: error: event c has no title");
    CHECK_DIAG(diags, "schedule.xml:8: error: duplicate talk id \"a\"");
    CHECK_DIAG(diags, "schedule.xml:9: error: event e: duration \"00:00\" is not between 1 minute and 24 hours");
}

TEST_CASE("damaged exports give one clear error with a line, never a crash") {
    TimeZone z = TimeZone::utc();
    SUBCASE("truncated XML") {
        std::string xml = data("good2025.schedule.xml").substr(0, 5000);
        Diagnostics diags;
        CHECK_FALSE(parseScheduleXml(xml, "schedule.xml", z, diags));
        REQUIRE(diags.errors() == 1);
        CHECK(diags.items()[0].line > 1);
        CHECK(diags.items()[0].message.rfind("XML syntax error: ", 0) == 0);
    }
    SUBCASE("XML that is not a schedule") {
        Diagnostics diags;
        CHECK_FALSE(parseScheduleXml("<?xml version='1.0'?>\n<html><body/></html>", "schedule.xml", z, diags));
        CHECK_DIAG(diags, "schedule.xml:2: error: this is not a schedule export: the document starts with <html>, not <schedule>");
    }
    SUBCASE("truncated JSON") {
        std::string json = data("rc3-2020.schedule.json");
        json = json.substr(0, json.size() / 2);
        Diagnostics diags;
        CHECK_FALSE(parseScheduleJson(json, "schedule.json", z, diags));
        REQUIRE(diags.errors() == 1);
        CHECK(diags.items()[0].line > 100);
        CHECK(diags.items()[0].message.rfind("JSON syntax error: ", 0) == 0);
    }
    SUBCASE("JSON of the wrong shape") {
        for (const char* text : {"[]", "{\"schedule\": 3}", "{\"schedule\": {\"conference\": {\"days\": 7}}}",
                                 "{\"schedule\": {\"conference\": {\"days\": [1, {\"rooms\": []}, {\"rooms\": {\"A\": [3, null, {}]}}]}}}"}) {
            CAPTURE(text);
            Diagnostics diags;
            auto s = parseScheduleJson(text, "schedule.json", z, diags);
            CHECK(diags.errors() >= (s ? 0 : 1));
            if (s) CHECK(s->talks.empty());
        }
    }
    SUBCASE("cut off anywhere") {
        std::string xml = data("good2025.schedule.xml"), json = data("rc3-2020.schedule.json");
        for (size_t i = 1; i < 60; ++i) {
            Diagnostics d1, d2;
            CHECK_FALSE(parseScheduleXml(xml.substr(0, xml.size() * i / 60), "schedule.xml", z, d1));
            CHECK_FALSE(parseScheduleJson(json.substr(0, json.size() * i / 60), "schedule.json", z, d2));
            CHECK(d1.errors() == 1);
            CHECK(d2.errors() == 1);
        }
    }
    SUBCASE("binary garbage and empty files") {
        std::string junk;
        for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
        for (const std::string& bytes : {junk, std::string(), std::string("\xEF\xBB\xBF"), std::string(100000, '[')}) {
            Diagnostics d1, d2;
            CHECK_FALSE(parseScheduleXml(bytes, "schedule.xml", z, d1));
            CHECK_FALSE(parseScheduleJson(bytes, "schedule.json", z, d2));
            CHECK(d1.errors() == 1);
            CHECK(d2.errors() == 1);
        }
    }
}

TEST_CASE("export rooms match venue rooms by name, ignoring case, umlauts and punctuation") {
    Model m;
    Room r1;
    r1.id = "saal-dresden";
    r1.name = {"Saal Dresden", "Dresden Hall"};
    Room r2;
    r2.id = "lounge";
    r2.name = {"Innovationslounge – Bühne", ""};
    m.rooms = {r1, r2};
    CHECK(matchRoom(m, "Saal Dresden") == &m.rooms[0]);
    CHECK(matchRoom(m, "SAAL DRESDEN") == &m.rooms[0]);
    CHECK(matchRoom(m, "dresden hall") == &m.rooms[0]);
    CHECK(matchRoom(m, "saal-dresden") == &m.rooms[0]);
    CHECK(matchRoom(m, "Innovationslounge / Buehne") == &m.rooms[1]);
    CHECK(matchRoom(m, "Innovationslounge Bühne") == &m.rooms[1]);
    CHECK(matchRoom(m, "Innovationslounge Buhne") == &m.rooms[1]);
    CHECK(matchRoom(m, "Saal Leipzig") == nullptr);
    CHECK(matchRoom(m, "") == nullptr);
}

namespace {

// The Fixture's content with its programme replaced by an export.
void useExport(Fixture& f, const std::string& name, const std::string& text) {
    std::filesystem::remove(f.path("programme.csv"));
    f.write(name, text);
}

} // namespace

TEST_CASE("a content folder with schedule.xml instead of programme.csv builds with the imported talks") {
    Fixture f;
    useExport(f, "schedule.xml",
              xmlExport(xmlEvent("g-1", "Hall", "2022-09-07T09:00:00+02:00", "00:30", "Eröffnung",
                                 "<persons><person id='1'>Anna Müller [SAKD]</person></persons>") +
                        xmlEvent("g-2", "LOUNGE", "2022-09-07T10:00:00+02:00", "00:15", "Impuls")));
    Diagnostics diags;
    Compiled out = f.compile(diags);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    REQUIRE(out.content.model.talks.size() == 2);
    const Talk* t = out.content.model.talk("g-1");
    REQUIRE(t);
    CHECK(t->room == "saal");
    CHECK(t->speakers == std::vector<Speaker>{{"Anna Müller", "SAKD"}});
    CHECK(out.content.model.talk("g-2")->room == "lounge");
    CHECK(out.content.where("talk", "g-2").file == "schedule.xml");
    CHECK(out.content.where("talk", "g-2").line == 6);
}

TEST_CASE("an export room the venue does not have is one error at its first mention, with the closest room") {
    Fixture f;
    useExport(f, "schedule.xml",
              xmlExport(xmlEvent("g-1", "Saal 2", "2022-09-07T09:00:00+02:00", "00:30", "Eins") +
                        xmlEvent("g-2", "Saal 2", "2022-09-07T10:00:00+02:00", "00:30", "Zwei") +
                        xmlEvent("g-3", "Lounge", "2022-09-07T10:00:00+02:00", "00:30", "Drei")));
    Diagnostics diags = f.check();
    CHECK(diags.errors() == 1);
    CHECK_DIAG(diags, "schedule.xml:5: error: room \"Saal 2\" is not in the venue");
    REQUIRE(!diags.items().empty());
    CHECK(diags.items()[0].hint == "give the room in venue.toml the export's name as name_de or name_en (closest: "
                                   "\"Saal\" (saal)); venue rooms: \"Saal\" (saal), \"Lounge\" (lounge)");
}

TEST_CASE("schedule.json next to programme.csv adds to it; ids must not repeat") {
    Fixture f;
    f.write("schedule.json",
            R"({"schedule": {"conference": {"title": "T", "days": [{"date": "2022-09-07", "rooms": {
  "Saal": [{"guid": "t1", "date": "2022-09-07T11:00:00+02:00", "duration": "00:30", "title": "Doppelt"}],
  "Lounge": [{"id": 77, "date": "2022-09-07T11:00:00+02:00", "duration": "00:30", "title": "Neu", "persons": [{"public_name": "Jörg"}]}]
}}]}}})");
    Diagnostics diags;
    Compiled out = f.compile(diags);
    CHECK(diags.errors() == 1);
    CHECK_DIAG(diags, "schedule.json:2: error: duplicate talk id \"t1\"");
    const Talk* neu = out.content.model.talk("77");
    REQUIRE(neu);
    CHECK(neu->room == "lounge");
    CHECK(neu->speakers == std::vector<Speaker>{{"Jörg", ""}});
}

TEST_CASE("schedule.xml and schedule.json together: an error, and only the XML is read") {
    Fixture f;
    useExport(f, "schedule.xml", xmlExport(xmlEvent("g-1", "Saal", "2022-09-07T09:00:00+02:00", "00:30", "Eins")));
    f.write("schedule.json", "{}");
    Diagnostics diags;
    Compiled out = f.compile(diags);
    CHECK_DIAG(diags, "schedule.json: error: schedule.xml and schedule.json are both present; only schedule.xml is read");
    CHECK(diags.errors() == 1);
    CHECK(out.content.model.talks.size() == 1);
}

TEST_CASE("an imported title or abstract far beyond any screen is refused at its line, as in the content files") {
    // The fixture's titles: 1800 "ü" (3600 bytes: characters count, not bytes) fits, 1801 characters do not.
    Diagnostics diags;
    const std::string xml = wwtest::readText(std::string(WW_TESTS_DIR) + "/schedule-import/long-titles.schedule.xml");
    REQUIRE(!xml.empty());
    auto s = parseScheduleXml(xml, "schedule.xml", zone("Europe/Berlin"), diags);
    REQUIRE(s);
    REQUIRE(s->talks.size() == 1);
    CHECK(s->talks[0].talk.id == "umlaut-title");
    CHECK(utf8Length(s->talks[0].talk.title.de) == 1800);
    CHECK(diags.errors() == 1);
    CHECK_DIAG(diags, "schedule.xml:6: error: event long-title: title is 1801 characters long, far more than a screen shows");
    REQUIRE(!diags.items().empty());
    CHECK(diags.items()[0].hint ==
          "shorten it in the planning tool and export again; texts over 1800 characters are refused");

    // The abstract is measured as the kiosk shows it: abstract and description joined.
    auto event = [](const std::string& guid, const std::string& hour, const std::string& abstract,
                    const std::string& description) {
        return R"({"guid": ")" + guid + R"(", "date": "2022-09-07T)" + hour + R"(:00:00+02:00", "duration": "00:30", )"
               R"("title": "T", "abstract": ")" + abstract + R"(", "description": ")" + description + R"("})";
    };
    const std::string json = R"({"schedule": {"conference": {"title": "T", "days": [{"date": "2022-09-07", "rooms": {
  "Saal": [)" + event("fits", "09", std::string(30000, 'a'), "") + ",\n" +
                             event("joined", "10", std::string(20000, 'a'), std::string(10000, 'b')) + R"(]
}}]}}})";
    Diagnostics jd;
    auto j = parseScheduleJson(json, "schedule.json", zone("Europe/Berlin"), jd);
    REQUIRE(j);
    REQUIRE(j->talks.size() == 1);
    CHECK(j->talks[0].talk.id == "fits");
    CHECK(jd.errors() == 1);
    CHECK_DIAG(jd, "schedule.json:3: error: event joined: abstract is 30002 characters long, far more than a screen shows");
}
