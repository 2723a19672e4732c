// Every rule of `wegweiser-content check`: a valid folder bent in one place gives exactly the
// message staff should read, on the line where the problem is.
#include "support.h"

#include <unistd.h>

using wwtest::Fixture;

TEST_CASE("the test folder itself is clean: no errors, no warnings") {
    Fixture f;
    ww::Diagnostics d = f.check();
    CHECK_MESSAGE(d.items().empty(), wwtest::dump(d));
}

TEST_SUITE("syntax") {
    TEST_CASE("a TOML syntax error names its line and column") {
        Fixture f;
        f.replace("venue.toml", "name_de = \"Obergeschoss\"", "name_de = \"Obergeschoss");
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "venue.toml:10:");
        CHECK_DIAG_PREFIX(d, "venue.toml:10:24: error: TOML syntax error:");
        // Nothing that only follows from the broken file is reported.
        CHECK(d.errors() == 1);
    }

    TEST_CASE("several broken files are all reported in one run") {
        Fixture f;
        f.replace("event.toml", "timezone = \"Europe/Berlin\"", "timezone = Europe/Berlin");
        f.replace("topics.toml", "id = \"ozg\"", "id = [");
        f.replace("stands.csv", "A2,eg,5,4,3,3,s", "A2,eg,5,4,,3,s");
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "event.toml:9:");
        CHECK_DIAG_PREFIX(d, "topics.toml:3:");
        CHECK(d.errors() == 3);
        CHECK_DIAG(d, "stands.csv:3: error: stand A2: needs x, y, width and depth (or a shape)");
    }

    TEST_CASE("a value of the wrong type is named with its key") {
        Fixture f;
        f.replace("event.toml", "position = [5.0, 18.0]", "position = \"vorne links\"");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "event.toml:16: error: [[kiosk]]: \"position\" is not a point");
    }

    TEST_CASE("an unknown key is a warning that lists the known ones") {
        Fixture f;
        f.replace("venue.toml", "floor = 1", "floor = 1\nfarbe = \"blau\"");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:12: warning: [[level]]: unknown key \"farbe\" is ignored");
        CHECK(d.errors() == 0);
    }

    TEST_CASE("a missing required file is named") {
        Fixture f;
        std::filesystem::remove(f.path("venue.toml"));
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml: error: file is missing");
    }

    TEST_CASE("binary garbage instead of a CSV file is an error, not a crash") {
        Fixture f;
        std::vector<uint8_t> junk(4096);
        for (size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<uint8_t>((i * 131 + 7) % 256);
        wwtest::writeBytes(f.path("programme.csv"), junk);
        ww::Diagnostics d = f.check();
        CHECK(d.hasErrors());
        CHECK_DIAG_PREFIX(d, "programme.csv:");
    }
}

TEST_SUITE("required fields and ids") {
    TEST_CASE("a missing required column is an error naming the column") {
        Fixture f;
        f.replace("exhibitors.csv", "id,name,stands", "id,firma,stands");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "exhibitors.csv:1: error: missing required column \"name\"");
        CHECK_DIAG_PREFIX(d, "exhibitors.csv:1: warning: unknown column \"firma\"");
    }

    TEST_CASE("an empty required cell is an error on its row") {
        Fixture f;
        f.replace("exhibitors.csv", "amt24,Amt24,", "amt24,,");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "exhibitors.csv:3: error: column \"name\" is empty");
    }

    TEST_CASE("a missing required TOML key is an error on its section") {
        Fixture f;
        f.replace("venue.toml", "type = \"accessible-toilet\"\n", "");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:31: error: [[poi]]: required key \"type\" is missing");
    }

    TEST_CASE("a duplicate id points back at the first one") {
        Fixture f;
        f.append("stands.csv", "A1,eg,20,4,3,3,s\n");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "stands.csv:4: error: duplicate stand id \"A1\"");
        bool hint_names_first = false;
        for (const auto& item : d.items())
            hint_names_first |= item.hint.find("stands.csv:2") != std::string::npos;
        CHECK(hint_names_first);
    }

    TEST_CASE("an id with spaces is rejected") {
        Fixture f;
        f.replace("programme.csv", "t3,Impuls", "t 3,Impuls");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:4: error: talk id \"t 3\" is not a valid id");
    }

    TEST_CASE("an unknown point-of-interest type lists the valid ones") {
        Fixture f;
        f.replace("venue.toml", "type = \"accessible-toilet\"", "type = \"klo\"");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:31: error: [[poi]] wc: unknown type \"klo\"");
    }
}

TEST_SUITE("references") {
    TEST_CASE("an exhibitor on a stand that does not exist") {
        Fixture f;
        f.replace("exhibitors.csv", "amt24,Amt24,A2", "amt24,Amt24,B12");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "exhibitors.csv:3: error: exhibitor amt24: unknown stand \"B12\"");
        CHECK_DIAG(d, "stands.csv:3: warning: stand A2 has no exhibitor");
    }

    TEST_CASE("a stand on a level that does not exist") {
        Fixture f;
        f.replace("stands.csv", "A2,eg,", "A2,keller,");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "stands.csv:3: error: stand A2: unknown level \"keller\"");
    }

    TEST_CASE("a talk in a room that does not exist") {
        Fixture f;
        f.replace("programme.csv", "10:15,,lounge", "10:15,,raum-elbe");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:4: error: talk t3: unknown room \"raum-elbe\"");
    }

    TEST_CASE("a kiosk on a level that does not exist") {
        Fixture f;
        f.replace("event.toml", "level = \"eg\"", "level = \"dach\"");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "event.toml:12: error: kiosk k1: unknown level \"dach\"");
    }

    TEST_CASE("an unknown topic on an exhibitor and on a talk") {
        Fixture f;
        f.replace("exhibitors.csv", "A1,ozg,", "A1,ozg; ki,");
        f.replace("programme.csv", "Jörg Weiß,ozg,", "Jörg Weiß,sicherheit,");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "exhibitors.csv:2: error: exhibitor sakd: unknown topic \"ki\"");
        CHECK_DIAG(d, "programme.csv:2: error: talk t1: unknown topic \"sicherheit\"");
    }

    TEST_CASE("a photo in a gallery that does not exist, and a cover that is not a photo") {
        Fixture f;
        f.replace("photos.csv", "p1,g1,", "p1,g2,");
        f.replace("galleries.toml", "cover = \"p1\"", "cover = \"p9\"");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "photos.csv:2: error: photo p1: unknown gallery \"g2\"");
        CHECK_DIAG(d, "galleries.toml:1: error: gallery g1: cover \"p9\" is not a photo id");
    }

    TEST_CASE("a connector with a single stop") {
        Fixture f;
        f.replace("venue.toml", ", { level = \"og\", at = [1, 15] }", "");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:39: error: lift lift has 1 stop(s)");
    }
}

TEST_SUITE("geometry") {
    TEST_CASE("a stand outside its level") {
        Fixture f;
        f.replace("stands.csv", "A2,eg,5,4,3,3,s", "A2,eg,38,4,3,3,s");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "stands.csv:3: error: stand A2 lies (partly) outside level eg");
    }

    TEST_CASE("a room outside its level") {
        Fixture f;
        f.replace("venue.toml", "shape = [[0, 0], [10, 0], [10, 10], [0, 10]]", "shape = [[0, 0], [30, 0], [30, 10], [0, 10]]");
        f.replace("venue.toml", "doors = [ { at = [10, 5] } ]", "doors = [ { at = [30, 5] } ]");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:23: error: room lounge lies (partly) outside level og");
    }

    TEST_CASE("a kiosk outside its level, and one standing inside a stand") {
        Fixture f;
        f.replace("event.toml", "position = [5.0, 18.0]", "position = [50.0, 18.0]");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "event.toml:12: error: kiosk k1 at (50, 18) lies outside level eg");

        Fixture g;
        g.replace("event.toml", "position = [5.0, 18.0]", "position = [3.5, 5.5]");
        ww::Diagnostics e = g.check();
        CHECK_DIAG(e, "event.toml:12: error: kiosk k1 at (3.5, 5.5) lies inside stand A1");
    }

    TEST_CASE("overlapping stands are an error, touching ones are fine") {
        Fixture f;
        f.replace("stands.csv", "A2,eg,5,4,3,3,s", "A2,eg,4,5,3,3,s");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "stands.csv:3: error: stand A2 overlaps stand A1");
        // The fixture's A1 (x 2–5) and A2 (x 5–8) share an edge.
        CHECK(Fixture().check().errors() == 0);
    }

    TEST_CASE("a door that is not on the room's outline") {
        Fixture f;
        f.replace("venue.toml", "doors = [ { at = [20, 10], width = 2 } ]", "doors = [ { at = [30, 10], width = 2 } ]");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:14: error: room saal: door at (30, 10) is not on the room's outline");
    }

    TEST_CASE("a room without a door") {
        Fixture f;
        f.replace("venue.toml", "doors = [ { at = [10, 5] } ]\n", "");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "venue.toml:23: error: room lounge has no door");
    }

    TEST_CASE("a stand given as a polygon") {
        Fixture f;
        f.replace("stands.csv", "id,level,x,y,width,depth,facing", "id,level,x,y,width,depth,facing,shape");
        f.append("stands.csv", "A3,eg,,,,,n,\"10 4; 14 4; 14 7; 12 8\"\n");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "stands.csv:4: warning: stand A3 has no exhibitor");
        CHECK(d.errors() == 0);
    }
}

TEST_SUITE("programme") {
    TEST_CASE("overlapping talks in one room") {
        Fixture f;
        f.replace("programme.csv", "t2,Vortrag,Talk,2022-09-07 09:30", "t2,Vortrag,Talk,2022-09-07 09:15");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:3: error: talk t2 (2022-09-07T09:15) overlaps talk t1 (2022-09-07T09:00 to "
                      "2022-09-07T09:30) in room saal");
    }

    TEST_CASE("a talk that ends before it starts") {
        Fixture f;
        f.replace("programme.csv", "2022-09-08 10:00,10:15", "2022-09-08 10:00,09:45");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:4: error: talk t3 ends (2022-09-08T09:45) before it starts (2022-09-08T10:00)");
    }

    TEST_CASE("a talk outside the event days") {
        Fixture f;
        f.replace("programme.csv", "2022-09-08 10:00,10:15", "2022-09-09 10:00,10:15");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:4: error: talk t3 (2022-09-09T10:00) is outside the event days 2022-09-07 to 2022-09-08");
    }

    TEST_CASE("a start that is not a time, and neither end nor duration") {
        Fixture f;
        f.replace("programme.csv", "2022-09-08 10:00,10:15", "8.9.2022 10 Uhr,10:15");
        f.replace("programme.csv", "2022-09-07 09:30,,30", "2022-09-07 09:30,,");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:4: error: talk t3: start \"8.9.2022 10 Uhr\" is not a date and time");
        CHECK_DIAG(d, "programme.csv:3: error: talk t2: neither end nor duration is given");
    }

    TEST_CASE("a talk in the doubled hour at the end of daylight saving time") {
        Fixture f;
        f.replace("event.toml", "end_date = 2022-09-08", "end_date = 2022-10-31");
        f.append("programme.csv", "t4,Nachtvortrag,,2022-10-30 02:30,,20,lounge,,,de,talk\n"
                                  "t5,Zweite Runde,,2022-10-30 02:30 +01:00,,20,saal,,,de,talk\n");
        ww::Diagnostics d;
        ww::Compiled c = f.compile(d);
        CHECK_DIAG(d, "programme.csv:5: warning: talk t4: start 2022-10-30 02:30 happens twice (clocks go back that "
                      "night); taken as the first");
        const ww::Talk* t4 = c.content.model.talk("t4");
        const ww::Talk* t5 = c.content.model.talk("t5");
        REQUIRE(t4);
        REQUIRE(t5);
        CHECK(t5->start_utc - t4->start_utc == 3600);
    }
}

TEST_SUITE("images") {
    TEST_CASE("a photo file that is missing") {
        Fixture f;
        std::filesystem::remove(f.path("photos/p1.jpg"));
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "photos.csv:2: error: photo file \"photos/p1.jpg\" is missing");
    }

    TEST_CASE("a corrupt photo") {
        Fixture f;
        std::vector<uint8_t> jpeg = wwtest::encodeJpeg(320, 240);
        jpeg.resize(jpeg.size() / 3);
        wwtest::writeBytes(f.path("photos/p1.jpg"), jpeg);
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "photos.csv:2: error: photo file \"photos/p1.jpg\": ");
    }

    TEST_CASE("an empty logo file") {
        Fixture f;
        wwtest::writeBytes(f.path("logos/sakd.png"), {});
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "exhibitors.csv:2: error: logo file \"logos/sakd.png\": ");
    }

    TEST_CASE("an unsupported image type") {
        Fixture f;
        const char gif[] = "GIF89a\x10\x00\x10\x00\x80\x00\x00";
        wwtest::writeBytes(f.path("photos/p1.jpg"), std::vector<uint8_t>(gif, gif + sizeof gif));
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "photos.csv:2: error: photo file \"photos/p1.jpg\": ");
        bool names_gif = false;
        for (const auto& item : d.items()) names_gif |= item.message.find("GIF") != std::string::npos;
        CHECK_MESSAGE(names_gif, wwtest::dump(d));
    }

    TEST_CASE("an image whose header declares 100000 x 100000 pixels is rejected before decoding") {
        Fixture f;
        std::vector<uint8_t> png = wwtest::encodePng(4, 4);
        // IHDR width and height, big-endian, right after the 8-byte signature and the chunk header.
        const uint32_t huge = 100000;
        for (int i = 0; i < 4; ++i) png[16 + i] = png[20 + i] = static_cast<uint8_t>(huge >> (24 - 8 * i));
        wwtest::writeBytes(f.path("logos/sakd.png"), png);
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "exhibitors.csv:2: error: logo file \"logos/sakd.png\": ");
        bool names_size = false;
        for (const auto& item : d.items()) names_size |= item.message.find("100000") != std::string::npos;
        CHECK_MESSAGE(names_size, wwtest::dump(d));
    }

    TEST_CASE("an image path that leaves the content folder") {
        Fixture f;
        f.replace("photos.csv", "photos/p1.jpg", "../p1.jpg");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "photos.csv:2: error: photo file \"../p1.jpg\" is not inside the content folder");
    }

    TEST_CASE("a symlink loop where a photo should be") {
        Fixture f;
        std::filesystem::remove(f.path("photos/p1.jpg"));
        REQUIRE(symlink("p1.jpg", f.path("photos/p1.jpg").c_str()) == 0);
        ww::Diagnostics d = f.check();
        CHECK_DIAG_PREFIX(d, "photos.csv:2: error: photo file \"photos/p1.jpg\" cannot be read: ");
    }
}

TEST_SUITE("text") {
    TEST_CASE("text too long for the screen is a warning") {
        Fixture f;
        std::string long_title(120, 'x');
        f.replace("programme.csv", "t3,Impuls,", "t3," + long_title + ",");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:4: warning: talk t3: title_de is 120 characters long and may not fit the screen");
        CHECK(d.errors() == 0);
    }

    TEST_CASE("umlauts count as one character each") {
        CHECK(ww::utf8Length("Müßig“") == 6);
    }

    TEST_CASE("a CSV saved by German Excel in Windows-1252 with semicolons is read, with a warning") {
        Fixture f;
        // "Kommunale IT für Sachsen" with ü as the single byte 0xFC.
        std::string cp1252 = "id;name;stands;description_de\nsakd;SAKD;A1;Kommunale IT f\xFCr Sachsen\namt24;Amt24;A2;Portal\n";
        f.write("exhibitors.csv", cp1252);
        ww::Diagnostics d;
        ww::Compiled c = f.compile(d);
        CHECK(d.errors() == 0);
        CHECK_DIAG_PREFIX(d, "exhibitors.csv:2: warning: file is saved in Windows-1252");
        const ww::Exhibitor* e = c.content.model.exhibitor("sakd");
        REQUIRE(e);
        CHECK(e->description.de == "Kommunale IT für Sachsen");
    }
}

TEST_SUITE("event-day changes") {
    TEST_CASE("a delay that pushes a talk into the next one is reported at the talk and at the change") {
        Fixture f;
        f.write("changes.csv", "talk,status,delay\nt1,delayed,10\n");
        ww::Diagnostics d = f.check();
        CHECK_DIAG(d, "programme.csv:3: error: talk t2 (2022-09-07T09:30) overlaps talk t1 (2022-09-07T09:00, 10 min "
                      "later) in room saal");
        CHECK_DIAG(d, "changes.csv:2: error: this change makes talk t2 (2022-09-07T09:30) overlaps talk t1 "
                      "(2022-09-07T09:00, 10 min later) in room saal");
    }

    TEST_CASE("a cancelled talk frees its slot for a talk moved there") {
        Fixture f;
        f.append("programme.csv", "t4,Ersatz,,2022-09-08 10:00,10:15,,saal,,,de,talk\n");
        f.write("changes.csv", "talk,status,room\nt3,cancelled,\nt4,moved,lounge\n");
        ww::Diagnostics d = f.check();
        CHECK_MESSAGE(d.errors() == 0, wwtest::dump(d));
    }
}
