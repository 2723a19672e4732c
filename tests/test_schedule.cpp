// The live programme as a visitor sees it: now and next at boundaries, cancellations, delays, moves,
// the day to show outside the event, the night the clocks go back, and the words on screen, with the
// machine's TZ set to UTC and to America/New_York (the event's zone must win either way).
#include "core/schedule.h"
#include "support.h"

#include <cstdlib>
#include <ctime>

using namespace ww;

namespace {

// Sets the process's TZ for one scope; the schedule must not care.
class MachineTz {
public:
    explicit MachineTz(const char* tz) {
        const char* old = std::getenv("TZ");
        had_ = old != nullptr;
        if (had_) old_ = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~MachineTz() {
        if (had_) setenv("TZ", old_.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }

private:
    bool had_ = false;
    std::string old_;
};

const char* const kMachineZones[] = {"UTC", "America/New_York"};

const TimeZone& berlin() {
    static TimeZone z = *TimeZone::load("Europe/Berlin");
    return z;
}

// UTC seconds of a Berlin wall time "2022-09-07T10:00" (":SS" allowed).
int64_t at(const std::string& local) {
    auto t = parseLocalDateTime(local);
    REQUIRE(t);
    return berlin().toUtc(*t).utc;
}

Room room(const std::string& id, const std::string& de, const std::string& en) {
    Room r;
    r.id = id;
    r.name = {de, en};
    return r;
}

Talk talk(const std::string& id, const std::string& room_id, const std::string& start, const std::string& end) {
    Talk t;
    t.id = id;
    t.title.de = "Vortrag " + id;
    t.room = room_id;
    t.start_utc = at(start);
    t.end_utc = at(end);
    t.start = start;
    t.end = end;
    return t;
}

// Two days in Dresden, two rooms, a morning in each.
Model itof() {
    Model m;
    m.event.start_date = "2022-09-07";
    m.event.end_date = "2022-09-08";
    m.event.timezone = "Europe/Berlin";
    m.rooms = {room("saal", "Saal Dresden", "Dresden Hall"), room("elbe", "Raum Elbe", "Elbe Room"),
               room("leer", "Leerer Raum", "")};
    m.talks = {talk("a", "saal", "2022-09-07T10:00", "2022-09-07T10:30"),
               talk("b", "saal", "2022-09-07T10:30", "2022-09-07T11:00"),
               talk("c", "saal", "2022-09-07T11:00", "2022-09-07T11:45"),
               talk("e1", "elbe", "2022-09-07T10:15", "2022-09-07T11:00"),
               talk("d2", "saal", "2022-09-08T09:00", "2022-09-08T10:00")};
    return m;
}

Talk& get(Model& m, const std::string& id) {
    for (Talk& t : m.talks)
        if (t.id == id) return t;
    FAIL("no talk " << id);
    return m.talks.front();
}

std::string idOf(const Talk* t) { return t ? t->id : "-"; }

std::vector<std::string> ids(const std::vector<const Talk*>& v) {
    std::vector<std::string> out;
    for (const Talk* t : v) out.push_back(t->id);
    return out;
}

} // namespace

TEST_CASE("now and next at the boundary: one talk ends 10:30, the next starts 10:30") {
    for (const char* tz : kMachineZones) {
        CAPTURE(tz);
        MachineTz machine(tz);
        Model m = itof();
        Schedule s(m);

        RoomNowNext r = s.nowAndNext("saal", at("2022-09-07T10:29:59"));
        CHECK(idOf(r.now) == "a");
        CHECK(idOf(r.next) == "b");
        CHECK(r.minutes_until_next == 1);
        CHECK(r.minutes_left == 1);

        r = s.nowAndNext("saal", at("2022-09-07T10:30"));
        CHECK(idOf(r.now) == "b");
        CHECK(r.progress == 0.0);
        CHECK(idOf(r.next) == "c");
        CHECK(r.minutes_until_next == 30);

        r = s.nowAndNext("saal", at("2022-09-07T10:45"));
        CHECK(r.progress == doctest::Approx(0.5));
        // It moves on by the minute, like the clock and the minutes left.
        CHECK(s.nowAndNext("saal", at("2022-09-07T10:45:59")).progress == r.progress);
        CHECK(s.nowAndNext("saal", at("2022-09-07T10:46")).progress > r.progress);
        CHECK(r.minutes_left == 15);

        r = s.nowAndNext("saal", at("2022-09-07T09:48"));
        CHECK(r.now == nullptr);
        CHECK(idOf(r.next) == "a");
        CHECK(r.minutes_until_next == 12);
        CHECK(minutesUntilText(r.minutes_until_next, Lang::De) == "in 12 Min.");
        CHECK(minutesUntilText(r.minutes_until_next, Lang::En) == "in 12 min");

        // After the last talk of the day: nothing running, and tomorrow's talk is not "next".
        r = s.nowAndNext("saal", at("2022-09-07T17:00"));
        CHECK(r.now == nullptr);
        CHECK(r.next == nullptr);
        r = s.nowAndNext("saal", at("2022-09-08T08:00"));
        CHECK(idOf(r.next) == "d2");
        CHECK(r.minutes_until_next == 60);
    }
}

TEST_CASE("a cancelled talk is not running, is skipped as next, and is shown as a notice") {
    Model m = itof();
    get(m, "b").status = TalkStatus::Cancelled;
    Schedule s(m);

    RoomNowNext r = s.nowAndNext("saal", at("2022-09-07T10:15"));
    CHECK(idOf(r.now) == "a");
    CHECK(idOf(r.next) == "c");
    CHECK(ids(r.notices) == std::vector<std::string>{"b"});

    r = s.nowAndNext("saal", at("2022-09-07T10:40"));
    CHECK(r.now == nullptr);
    CHECK(idOf(r.next) == "c");
    CHECK(r.minutes_until_next == 20);
    CHECK(ids(r.notices) == std::vector<std::string>{"b"});
    CHECK_FALSE(isRunning(get(m, "b"), at("2022-09-07T10:40")));

    // Lists keep it, marked.
    CHECK(ids(s.talksOn(0)) == std::vector<std::string>{"a", "e1", "b", "c"});
    CHECK(ids(s.changesOn(0)) == std::vector<std::string>{"b"});
    CHECK(statusText(get(m, "b"), m, Lang::De) == "Entfällt");
    CHECK(statusText(get(m, "b"), m, Lang::En) == "Cancelled");
    CHECK(statusText(get(m, "a"), m, Lang::De) == "");
}

TEST_CASE("a delay shifts the talk and pushes what is next") {
    for (const char* tz : kMachineZones) {
        CAPTURE(tz);
        MachineTz machine(tz);
        Model m = itof();
        Talk& b = get(m, "b");
        b.status = TalkStatus::Delayed;
        b.delay_min = 20;
        Schedule s(m);
        CHECK(effectiveStartUtc(b) == at("2022-09-07T10:50"));
        CHECK(effectiveEndUtc(b) == at("2022-09-07T11:20"));
        CHECK(talkTimeText(b, s.zone()) == "10:50\u201311:20");

        RoomNowNext r = s.nowAndNext("saal", at("2022-09-07T10:35"));
        CHECK(r.now == nullptr);
        CHECK(idOf(r.next) == "b");
        CHECK(r.minutes_until_next == 15);

        // b now runs into c's slot: the talk that started last is the one on stage.
        r = s.nowAndNext("saal", at("2022-09-07T11:10"));
        CHECK(idOf(r.now) == "c");
        CHECK(r.next == nullptr);
        CHECK(statusText(b, m, Lang::De) == "Beginnt 20 Min. später");
        CHECK(statusText(b, m, Lang::En) == "Starts 20 min late");
        CHECK(ids(s.talksOn(0)) == std::vector<std::string>{"a", "e1", "b", "c"});
        CHECK(s.nextBoundary(at("2022-09-07T10:31")) == at("2022-09-07T10:50"));
    }
}

TEST_CASE("a talk moved to another room runs there and leaves a notice at the old door") {
    Model m = itof();
    Talk& c = get(m, "c");
    c.status = TalkStatus::Moved;
    c.moved_from = "saal";
    c.room = "elbe";
    Schedule s(m);

    RoomNowNext elbe = s.nowAndNext("elbe", at("2022-09-07T10:50"));
    CHECK(idOf(elbe.now) == "e1");
    CHECK(idOf(elbe.next) == "c");
    RoomNowNext saal = s.nowAndNext("saal", at("2022-09-07T10:50"));
    CHECK(idOf(saal.now) == "b");
    CHECK(saal.next == nullptr);
    CHECK(ids(saal.notices) == std::vector<std::string>{"c"});
    saal = s.nowAndNext("saal", at("2022-09-07T11:50"));
    CHECK(saal.notices.empty());

    CHECK(statusText(c, m, Lang::De) == "Verlegt nach Raum Elbe");
    CHECK(statusText(c, m, Lang::En) == "Moved to Elbe Room");
    c.delay_min = 15;
    CHECK(statusText(c, m, Lang::De) == "Verlegt nach Raum Elbe, beginnt 15 Min. später");
    CHECK(statusText(c, m, Lang::En) == "Moved to Elbe Room, starts 15 min late");
    CHECK(ids(s.changesOn(0)) == std::vector<std::string>{"c"});
}

TEST_CASE("every room's now and next, in the venue's order, without rooms that are done") {
    Model m = itof();
    Schedule s(m);
    auto all = s.nowAndNextAll(at("2022-09-07T10:20"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].room == "saal");
    CHECK(idOf(all[0].now) == "a");
    CHECK(all[1].room == "elbe");
    CHECK(idOf(all[1].now) == "e1");
    all = s.nowAndNextAll(at("2022-09-07T11:10"));
    REQUIRE(all.size() == 1);
    CHECK(all[0].room == "saal");
    CHECK(s.nowAndNextAll(at("2022-09-07T20:00")).empty());
    CHECK(s.roomsOn(0).size() == 2);
    CHECK(s.roomsOn(0)[0]->id == "saal");
    CHECK(s.roomsOn(1).size() == 1);
}

TEST_CASE("the day to show: today on event days, else the nearest day with a note") {
    for (const char* tz : kMachineZones) {
        CAPTURE(tz);
        MachineTz machine(tz);
        Model m = itof();
        Schedule s(m);
        REQUIRE(s.days().size() == 2);
        CHECK(s.days()[0].date == "2022-09-07");
        CHECK(s.days()[1].date == "2022-09-08");
        CHECK(s.dayIndex("2022-09-08") == 1);
        CHECK(s.dayIndex("2022-09-09") == -1);

        DayChoice d = s.dayToShow(at("2022-09-07T23:30"));
        CHECK(d.isToday());
        CHECK(d.index == 0);
        CHECK(dayNote(s, d, Lang::De) == "");
        // Past midnight the first evening still belongs to the first day, until 04:00.
        CHECK(s.dayToShow(at("2022-09-08T03:59")).index == 0);
        CHECK(s.dayToShow(at("2022-09-08T04:00")).index == 1);

        d = s.dayToShow(at("2022-09-01T12:00"));
        CHECK(d.why == DayChoice::Why::BeforeEvent);
        CHECK(d.date == "2022-09-07");
        CHECK(dayNote(s, d, Lang::De) == "Die Veranstaltung beginnt am Mittwoch, 7. September.");
        CHECK(dayNote(s, d, Lang::En) == "The event starts on Wednesday, 7 September.");

        d = s.dayToShow(at("2022-12-24T12:00"));
        CHECK(d.why == DayChoice::Why::AfterEvent);
        CHECK(d.index == 1);
        CHECK(dayNote(s, d, Lang::De) == "Die Veranstaltung ist vorbei. Programm vom Donnerstag, 8. September.");
        CHECK(dayNote(s, d, Lang::En) == "The event is over. Programme of Thursday, 8 September.");
    }
}

TEST_CASE("a day between event days shows the nearer one, on a tie the coming one") {
    Model m = itof();
    m.talks.push_back(talk("x", "saal", "2022-09-12T10:00", "2022-09-12T11:00"));
    Schedule s(m);
    REQUIRE(s.days().size() == 3);
    DayChoice d = s.dayToShow(at("2022-09-09T12:00"));
    CHECK(d.why == DayChoice::Why::Between);
    CHECK(d.date == "2022-09-08");
    CHECK(s.dayToShow(at("2022-09-10T12:00")).date == "2022-09-12");
    CHECK(dayNote(s, s.dayToShow(at("2022-09-11T12:00")), Lang::En) == "No programme today. Programme of Monday, 12 September.");
}

TEST_CASE("a model without days or talks gives empty answers") {
    Model m;
    Schedule s(m);
    CHECK(s.days().empty());
    CHECK(s.dayToShow(0).index == -1);
    CHECK(s.dayToShow(0).why == DayChoice::Why::NoDays);
    CHECK(s.talksOn(0).empty());
    CHECK(s.nowAndNextAll(1000).empty());
    CHECK(s.nextBoundary(1000) == 0);
    CHECK(s.nextChange(1000) == 1020);
}

TEST_CASE("the kiosk wakes at the next minute or the next start or end") {
    Model m = itof();
    Schedule s(m);
    CHECK(s.nextChange(at("2022-09-07T10:29:10")) == at("2022-09-07T10:30"));
    CHECK(s.nextChange(at("2022-09-07T10:30")) == at("2022-09-07T10:31"));
    CHECK(s.nextBoundary(at("2022-09-07T10:30")) == at("2022-09-07T11:00"));
    CHECK(s.nextBoundary(at("2022-09-08T10:00")) == 0);
    // A delay of a few seconds is not a thing, but a boundary between minutes still wins.
    Talk& a = get(m, "a");
    a.end_utc += 20;
    Schedule s2(m);
    CHECK(s2.nextChange(at("2022-09-07T10:30:05")) == at("2022-09-07T10:30:20"));
}

TEST_CASE("the night the clocks go back: a talk from 01:30 to 03:30 lasts three hours") {
    // Built from programme.csv through the content loader, so the whole path is covered.
    for (const char* tz : kMachineZones) {
        CAPTURE(tz);
        MachineTz machine(tz);
        wwtest::Fixture f;
        f.replace("event.toml", "start_date = 2022-09-07\nend_date = 2022-09-08", "start_date = 2022-10-30\nend_date = 2022-10-30");
        f.write("programme.csv", "id,title_de,start,end,duration,room,kind\n"
                                 "lang,Die lange Nacht,2022-10-30 01:30,03:30,,saal,talk\n"
                                 "erst,Erste 02:15,2022-10-30 02:15 +02:00,,30,lounge,impulse\n"
                                 "zweit,Zweite 02:30,2022-10-30 02:30 +01:00,03:00,,lounge,impulse\n");
        Diagnostics diags;
        Compiled out = f.compile(diags);
        CHECK_MESSAGE(diags.errors() == 0, wwtest::dump(diags));
        const Model& m = out.content.model;
        Schedule s(m);
        const Talk* lang = m.talk("lang");
        const Talk* erst = m.talk("erst");
        const Talk* zweit = m.talk("zweit");
        REQUIRE(lang);
        REQUIRE(erst);
        REQUIRE(zweit);
        auto utc = [](const char* iso) {
            std::optional<int> off;
            return asEpochSeconds(*parseLocalDateTime(iso, &off)) - *off;
        };
        CHECK(lang->start_utc == utc("2022-10-29T23:30Z"));
        CHECK(lang->end_utc - lang->start_utc == 3 * 3600);
        CHECK(erst->start_utc == utc("2022-10-30T00:15Z"));
        CHECK(zweit->start_utc == utc("2022-10-30T01:30Z"));
        CHECK(talkTimeText(*lang, s.zone()) == "01:30\u201303:30");
        CHECK(talkTimeText(*erst, s.zone()) == "02:15\u201302:45");
        CHECK(talkTimeText(*zweit, s.zone()) == "02:30\u201303:00");

        REQUIRE(s.days().size() == 1);
        CHECK(s.days()[0].date == "2022-10-30");
        CHECK(ids(s.talksOn(0)) == std::vector<std::string>{"lang", "erst", "zweit"});

        // Every quarter hour from 23:00 to 03:00 UTC.
        for (int64_t now = utc("2022-10-29T23:00Z"); now <= utc("2022-10-30T03:00Z"); now += 900) {
            CAPTURE(formatIso(fromEpochSeconds(now)));
            RoomNowNext saal = s.nowAndNext("saal", now);
            bool running = now >= utc("2022-10-29T23:30Z") && now < utc("2022-10-30T02:30Z");
            CHECK(idOf(saal.now) == (running ? "lang" : "-"));
            if (running) CHECK(saal.progress == doctest::Approx(double(now - lang->start_utc) / (3 * 3600)));
            if (running) CHECK(saal.minutes_left == (lang->end_utc - now + 59) / 60);

            RoomNowNext lounge = s.nowAndNext("lounge", now);
            std::string want_now = now >= utc("2022-10-30T00:15Z") && now < utc("2022-10-30T00:45Z")   ? "erst"
                                   : now >= utc("2022-10-30T01:30Z") && now < utc("2022-10-30T02:00Z") ? "zweit"
                                                                                                       : "-";
            std::string want_next = now < utc("2022-10-30T00:15Z")   ? "erst"
                                    : now < utc("2022-10-30T01:30Z") ? "zweit"
                                                                     : "-";
            CHECK(idOf(lounge.now) == want_now);
            CHECK(idOf(lounge.next) == want_next);
            if (lounge.next) CHECK(lounge.minutes_until_next == (effectiveStartUtc(*lounge.next) - now + 59) / 60);
        }
        // Between the two 02:30s: the first is over, the second comes in an hour of wall time that repeats.
        RoomNowNext r = s.nowAndNext("lounge", utc("2022-10-30T00:30Z")); // 02:30 summer time
        CHECK(idOf(r.now) == "erst");
        CHECK(idOf(r.next) == "zweit");
        CHECK(r.minutes_until_next == 60);
        CHECK(s.dayToShow(utc("2022-10-30T01:30Z")).isToday());
    }
}

TEST_CASE("words for the screens in German and English") {
    CHECK(minutesUntilText(0, Lang::De) == "jetzt");
    CHECK(minutesUntilText(0, Lang::En) == "now");
    CHECK(minutesUntilText(1, Lang::De) == "in 1 Min.");
    CHECK(minutesUntilText(60, Lang::De) == "in 1 Std.");
    CHECK(minutesUntilText(65, Lang::De) == "in 1 Std. 5 Min.");
    CHECK(minutesUntilText(65, Lang::En) == "in 1 h 5 min");
    CHECK(minutesSinceText(10, Lang::De) == "seit 10 Min.");
    CHECK(minutesSinceText(10, Lang::En) == "for 10 min");
    CHECK(minutesLeftText(12, Lang::De) == "noch 12 Min.");
    CHECK(minutesLeftText(12, Lang::En) == "12 min left");
    LocalDateTime d = *parseDate("2022-09-07");
    CHECK(dayTitle(d, Lang::De) == "Mittwoch, 7. September");
    CHECK(dayTitle(d, Lang::En) == "Wednesday, 7 September");
    CHECK(dayTitle(*parseDate("2022-03-13"), Lang::De) == "Sonntag, 13. März");
}
