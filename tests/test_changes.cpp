// changes.csv: staff mark talks delayed, cancelled or moved on the event day; every mistake is a
// file:line message that says what would be right.
#include "content/changes.h"
#include "core/schedule.h"
#include "support.h"

using namespace ww;
using wwtest::Fixture;

namespace {

// Six talks on the first day: saal 09:00–12:00 in half hours, one in the lounge.
void sixTalks(Fixture& f) {
    f.write("programme.csv", "id,title_de,start,end,room\n"
                             "t1,Eins,2022-09-07 09:00,09:30,saal\n"
                             "t2,Zwei,2022-09-07 09:30,10:00,saal\n"
                             "t3,Drei,2022-09-07 10:00,10:30,saal\n"
                             "t4,Vier,2022-09-07 10:30,11:00,saal\n"
                             "t5,Fünf,2022-09-07 11:00,11:30,saal\n"
                             "t6,Sechs,2022-09-07 11:00,11:30,lounge\n");
}

const Talk& talk(const Compiled& c, const std::string& id) {
    const Talk* t = c.content.model.talk(id);
    REQUIRE_MESSAGE(t, "no talk " << id);
    return *t;
}

std::string status(const Talk& t) { return toString(t.status); }

} // namespace

TEST_CASE("a delay, a cancellation and a move reach the talks") {
    Fixture f;
    sixTalks(f);
    f.write("changes.csv", "talk,status,delay,room,note_de,note_en\n"
                           "t1,delayed,15,,Technische Probleme,Technical problems\n"
                           "t2,cancelled,,,Referentin erkrankt,\n"
                           "t6,moved,5,saal,,\n"
                           "t5,Delayed,10 Min.,,,\n");
    // t6 moves into the saal at 11:00 where t5 is; t5 is delayed, but the room check compares planned
    // times, so move t5 out of the way for this test.
    f.replace("programme.csv", "t5,Fünf,2022-09-07 11:00,11:30,saal", "t5,Fünf,2022-09-07 11:30,12:00,saal");
    Diagnostics diags;
    Compiled out = f.compile(diags);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));

    const Talk& t1 = talk(out, "t1");
    CHECK(status(t1) == "delayed");
    CHECK(t1.delay_min == 15);
    CHECK(t1.change_note == Text{"Technische Probleme", "Technical problems"});
    CHECK(t1.start == "2022-09-07T09:00"); // planned times stay as planned

    const Talk& t2 = talk(out, "t2");
    CHECK(status(t2) == "cancelled");
    CHECK(t2.delay_min == 0);
    CHECK(t2.change_note.de == "Referentin erkrankt");

    const Talk& t6 = talk(out, "t6");
    CHECK(status(t6) == "moved");
    CHECK(t6.room == "saal");
    CHECK(t6.moved_from == "lounge");
    CHECK(t6.delay_min == 5);

    CHECK(talk(out, "t5").delay_min == 10);
    CHECK(status(talk(out, "t3")) == "scheduled");
    CHECK(std::find(out.content.files.begin(), out.content.files.end(), "changes.csv") != out.content.files.end());

    Schedule s(out.content.model);
    std::vector<std::string> changed;
    for (const Talk* t : s.changesOn(0)) changed.push_back(t->id);
    CHECK(changed == std::vector<std::string>{"t1", "t2", "t6", "t5"});
}

TEST_CASE("changes.csv mistakes are errors at their line, with a hint") {
    Fixture f;
    sixTalks(f);
    f.write("changes.csv", "talk,status,delay,room,note_de,note_en\n"
                           "t9,delayed,10,,,\n"          // 2
                           "t1,delayed,,,,\n"            // 3
                           "t2,moved,,halle,,\n"         // 4
                           "t2,cancelled,,,,\n"          // 5
                           "t3,verschoben,,,,\n"         // 6
                           ",cancelled,,,,\n"            // 7
                           "t4,delayed,zehn,,,\n"        // 8
                           "t5,delayed,-5,,,\n"          // 9
                           "t6,moved,,,,\n"              // 10
                           "t1,cancelled,,,,\n");        // 11
    Diagnostics diags = f.check();
    CHECK_DIAG(diags, "changes.csv:2: error: unknown talk \"t9\"");
    CHECK_DIAG(diags, "changes.csv:3: error: talk t1: status \"delayed\" needs a delay of at least 1 minute");
    CHECK_DIAG(diags, "changes.csv:4: error: talk t2: unknown room \"halle\"");
    CHECK_DIAG(diags, "changes.csv:5: error: talk t2 is changed twice");
    CHECK_DIAG(diags, "changes.csv:6: error: talk t3: status \"verschoben\" is not known");
    CHECK_DIAG(diags, "changes.csv:7: error: column \"talk\" is empty");
    CHECK_DIAG(diags, "changes.csv:8: error: talk t4: delay \"zehn\" is not a number of minutes");
    CHECK_DIAG(diags, "changes.csv:9: error: talk t5: delay -5 is negative");
    CHECK_DIAG(diags, "changes.csv:10: error: talk t6: status \"moved\" needs the new room");
    CHECK_DIAG(diags, "changes.csv:11: error: talk t1 is changed twice");
    CHECK(diags.errors() == 10);
    CHECK(diags.warnings() == 0);

    std::map<int, std::string> hints;
    for (const Diagnostic& d : diags.items())
        if (d.file == "changes.csv") hints[d.line] = d.hint;
    CHECK(hints[2] == "write the id of a talk from the programme (programme.csv or the schedule export); the closest is \"t1\"");
    CHECK(hints[4] == "rooms are defined in venue.toml; known: saal, lounge");
    CHECK(hints[5] == "its first change is at changes.csv:4; keep one row per talk (a moved talk can have a delay as well)");
    CHECK(hints[6] == "status is one of: delayed, cancelled, moved; to undo a change, delete its row");
    CHECK(hints[10] == "write the id of the room from venue.toml in column \"room\"; saal, lounge");
}

TEST_CASE("changes that contradict themselves") {
    Fixture f;
    sixTalks(f);
    f.write("changes.csv", "talk,status,delay,room,note_de,note_en\n"
                           "t1,delayed,10,lounge,,\n"
                           "t2,moved,,saal,,\n"
                           "t3,cancelled,10,,,\n"
                           "t4,delayed,900,,,Late\n"
                           "t5,status,,,,\n");
    Diagnostics diags = f.check();
    CHECK_DIAG(diags, "changes.csv:2: error: talk t1: a room is given, but the status is \"delayed\"");
    CHECK_DIAG(diags, "changes.csv:3: error: talk t2 is moved to room saal, where it already is");
    CHECK_DIAG(diags, "changes.csv:4: warning: talk t3: a cancelled talk needs no delay or room; they are ignored");
    CHECK_DIAG(diags, "changes.csv:5: warning: talk t4: a delay of 900 minutes is more than 12 hours");
    CHECK_DIAG(diags, "changes.csv:5: warning: talk t4: note_en is given but note_de is empty");
    CHECK_DIAG(diags, "changes.csv:6: error: talk t5: status \"status\" is not known");
    CHECK(diags.errors() == 3);
    CHECK(diags.warnings() == 3);
}

TEST_CASE("changes.csv needs its columns; a talk whose own row is broken is not reported again") {
    Fixture f;
    sixTalks(f);
    f.replace("programme.csv", "t3,Drei,2022-09-07 10:00,10:30,saal", "t3,Drei,gestern,10:30,saal");
    f.write("changes.csv", "talk,state\nt3,cancelled\n");
    Diagnostics diags = f.check();
    CHECK_DIAG(diags, "changes.csv:1: error: missing required column \"status\"");

    f.write("changes.csv", "talk,status\nt3,cancelled\n");
    diags = f.check();
    CHECK_FALSE(wwtest::hasPrefix(diags, "changes.csv"));
    CHECK_DIAG_PREFIX(diags, "programme.csv:4: error: talk t3: start \"gestern\"");
}

TEST_CASE("without changes.csv nothing changes, and nothing is reported") {
    Fixture f;
    Diagnostics diags;
    Compiled out = f.compile(diags);
    CHECK(diags.items().empty());
    for (const Talk& t : out.content.model.talks) CHECK(status(t) == "scheduled");
}

TEST_CASE("an imported talk is changed by its guid") {
    Fixture f;
    std::filesystem::remove(f.path("programme.csv"));
    f.write("schedule.json",
            R"({"schedule": {"conference": {"title": "T", "days": [{"date": "2022-09-07", "rooms": {
  "Saal": [{"guid": "5a0c-77", "date": "2022-09-07T11:00:00+02:00", "duration": "00:30", "title": "Vortrag"}]}}]}}})");
    f.write("changes.csv", "talk,status,delay\n5a0c-77,delayed,10\n");
    Diagnostics diags;
    Compiled out = f.compile(diags);
    CHECK_MESSAGE(diags.items().empty(), wwtest::dump(diags));
    CHECK(talk(out, "5a0c-77").delay_min == 10);
}
