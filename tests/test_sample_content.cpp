// The sample event (ITOF 2022) that ships in content/: it builds with zero errors and zero
// warnings and is as big as the product promises.
#include "support.h"

#include "core/store.h"
#include "core/timezone.h"

#include <set>

using wwtest::TempDir;

namespace {

const std::string kSample = std::string(WW_SOURCE_DIR) + "/content";

// Built once: doctest runs a test case's body again for each of its subcases.
struct SampleBuild {
    ww::Diagnostics diags;
    ww::Model model;
    SampleBuild() {
        ww::Compiled c = ww::compileContent(kSample, diags);
        TempDir out;
        std::string db = (out.path() / "content.db").string();
        ww::replaceDatabase(db, c.content.model, c.images);
        model = ww::loadModel(db);
    }
};

const SampleBuild& sample() {
    static SampleBuild build;
    return build;
}

} // namespace

TEST_CASE("the sample content builds with zero errors and zero warnings") {
    const ww::Diagnostics& d = sample().diags;
    CHECK_MESSAGE(d.items().empty(), wwtest::dump(d));
    const ww::Model& m = sample().model;

    CHECK(m.exhibitors.size() >= 32);
    CHECK(m.stands.size() >= 32);
    CHECK(m.talks.size() >= 42);
    CHECK(m.levels.size() >= 2);
    CHECK(m.kiosks.size() >= 2);
    CHECK(m.galleries.size() >= 3);
    CHECK(m.photos.size() >= 24);

    SUBCASE("talks run on both days in at least three rooms, with short impulses in the lounge") {
        std::set<std::string> rooms, days;
        int impulses = 0;
        for (const ww::Talk& t : m.talks) {
            rooms.insert(t.room);
            days.insert(t.start.substr(0, 10));
            if (t.kind == ww::TalkKind::Impulse) {
                ++impulses;
                CHECK(t.end_utc - t.start_utc <= 20 * 60);
            }
        }
        CHECK(rooms.size() >= 3);
        CHECK(days == std::set<std::string>{"2022-09-07", "2022-09-08"});
        CHECK(impulses >= 6);
    }

    SUBCASE("every kind of point of interest is on the plan") {
        std::set<ww::PoiType> types;
        for (const ww::Poi& p : m.pois) types.insert(p.type);
        CHECK(types.size() == 10);
    }

    SUBCASE("the levels are joined by stairs and a lift") {
        std::set<ww::ConnectorType> types;
        for (const ww::Connector& c : m.connectors) types.insert(c.type);
        CHECK(types.count(ww::ConnectorType::Stairs) == 1);
        CHECK(types.count(ww::ConnectorType::Lift) == 1);
    }

    SUBCASE("the organisations the event is known for are there") {
        std::string names;
        for (const ww::Exhibitor& e : m.exhibitors) names += e.name + "|";
        for (const char* org : {"Beteiligungsportal", "Amt24", "SAKD", "SID", "Chemnitz", "Markranstädt", "Meißen", "Leipzig"})
            CHECK_MESSAGE(names.find(org) != std::string::npos, org);
    }

    SUBCASE("the opening talk opens the first morning") {
        const ww::Talk* first = nullptr;
        for (const ww::Talk& t : m.talks)
            if (!first || t.start_utc < first->start_utc) first = &t;
        REQUIRE(first);
        CHECK(first->start.substr(0, 10) == "2022-09-07");
        CHECK((first->kind == ww::TalkKind::Keynote));
    }

    SUBCASE("photos are prepared: display copies at most 2560 px, thumbnails about 480 px") {
        for (const ww::ImageInfo& img : m.images) {
            CHECK(std::max(img.width, img.height) <= 2560);
            if (img.key.rfind("photo/", 0) == 0 && img.key.find("@thumb") != std::string::npos)
                CHECK(std::max(img.width, img.height) <= 480);
        }
    }
}
