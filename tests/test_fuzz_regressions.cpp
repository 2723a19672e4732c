// Every input the fuzzers once broke (tests/fuzz-regressions/<target>/) and every seed of their
// corpora (fuzz/corpus/<target>/) goes through the same entry functions as in the fuzzer
// (fuzz/entries.h): each must be read or refused with a message, never crash, hang or break a rule.
// Below them, hand-made inputs at the limits: what would make the content tool or a script run for
// hours or take gigabytes is refused with a message that says so.
#define WW_FUZZ_SCRIPT
#include "../fuzz/entries.h"

#include "support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The inputs of one target: regressions first, then seeds, sorted so failures are reproducible.
std::vector<fs::path> inputsOf(const std::string& target) {
    std::vector<fs::path> files;
    for (const fs::path& dir : {fs::path(WW_TESTS_DIR) / "fuzz-regressions" / target,
                                fs::path(WW_SOURCE_DIR) / "fuzz" / "corpus" / target}) {
        std::vector<fs::path> here;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file()) here.push_back(e.path());
        std::sort(here.begin(), here.end());
        files.insert(files.end(), here.begin(), here.end());
    }
    return files;
}

// A rule held, and the input was read or refused with a message.
void checkOutcome(const fs::path& file, const wwfuzz::Outcome& o) {
    INFO(file.string());
    CHECK_MESSAGE(o.broken.empty(), o.broken);
    if (!o.accepted) CHECK_MESSAGE(!o.message.empty(), "refused without a message");
}

template <typename Fn> void feedAll(const std::string& target, Fn fn) {
    const std::vector<fs::path> files = inputsOf(target);
    REQUIRE_MESSAGE(!files.empty(), "no seeds for " << target << " in fuzz/corpus/" << target);
    for (const fs::path& f : files)
        checkOutcome(f, fn(wwtest::readText(f)));
}

std::vector<uint8_t> bytesOf(const std::string& s) {
    return std::vector<uint8_t>(s.begin(), s.end());
}

// A PNG whose header says `w` × `h`, with no pixel data behind it.
std::vector<uint8_t> pngHeader(uint32_t w, uint32_t h) {
    std::vector<uint8_t> b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8)
            b.push_back(uint8_t(v >> s));
    b.insert(b.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0});
    return b;
}

// A JPEG whose frame header says `w` × `h`, then a scan and its end: the size is all that is real.
std::vector<uint8_t> jpegHeader(uint16_t w, uint16_t h) {
    std::vector<uint8_t> b = {0xFF,       0xD8,
                              0xFF,       0xC0,
                              0,          11,
                              8,          uint8_t(h >> 8),
                              uint8_t(h), uint8_t(w >> 8),
                              uint8_t(w), 1,
                              1,          0x11,
                              0,          0xFF,
                              0xDA,       0,
                              8,          1,
                              1,          0,
                              0,          63,
                              0,          0xFF,
                              0xD9};
    return b;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

TEST_CASE("every CSV the fuzzer found and every seed is read or refused with a message") {
    feedAll("csv", [](const std::string& b) { return wwfuzz::csv(b); });
}

TEST_CASE("every content folder the fuzzer found and every seed is read or refused with a message") {
    wwtest::TempDir dir;
    feedAll("loader", [&](const std::string& b) { return wwfuzz::contentFolder(b, dir.path().string()); });
}

TEST_CASE("every schedule.xml the fuzzer found and every seed is read or refused with a message") {
    feedAll("schedule_xml", [](const std::string& b) { return wwfuzz::schedule(b, true); });
}

TEST_CASE("every schedule.json the fuzzer found and every seed is read or refused with a message") {
    feedAll("schedule_json", [](const std::string& b) { return wwfuzz::schedule(b, false); });
}

TEST_CASE("every image the fuzzer found and every seed is prepared or refused with a message") {
    feedAll("images", [](const std::string& b) { return wwfuzz::images(bytesOf(b)); });
}

TEST_CASE("every script the fuzzer found and every seed is read or refused with a message") {
    feedAll("script", [](const std::string& b) { return wwfuzz::script(b); });
}

TEST_CASE("the seed corpora are valid examples, so the fuzzer starts from real content") {
    for (const fs::path& f : inputsOf("schedule_xml"))
        if (f.string().find("excerpt") != std::string::npos)
            CHECK_MESSAGE(wwfuzz::schedule(wwtest::readText(f), true).accepted, f);
    for (const fs::path& f : inputsOf("schedule_json"))
        if (f.string().find("excerpt") != std::string::npos)
            CHECK_MESSAGE(wwfuzz::schedule(wwtest::readText(f), false).accepted, f);
    wwtest::TempDir dir;
    const wwfuzz::Outcome o = wwfuzz::contentFolder(
        wwtest::readText(fs::path(WW_SOURCE_DIR) / "fuzz/corpus/loader/minimal.txt"), dir.path().string());
    CHECK_MESSAGE(o.accepted, o.message);
}

// [SECTION] Limits: sizes that would take the content tool's memory

TEST_CASE("a 100000 x 100000 image is refused from its header with the limit in the message") {
    for (const std::vector<uint8_t>& b : {pngHeader(100000, 100000), jpegHeader(65535, 65535)}) {
        const ww::ImageProbe probe = ww::probeImage(b);
        CHECK_FALSE(probe.ok);
        CHECK(probe.error.find("the limit is 12000 px per side") != std::string::npos);
        const ww::PreparedImage img = ww::prepareImage(b, ww::ImageRole::Photo);
        CHECK_FALSE(img.ok);
        CHECK(img.error == probe.error);
    }
    // Within each side but too many pixels in all, and the largest PNG header can say.
    CHECK(ww::probeImage(pngHeader(12000, 12000)).error.find("80 megapixels") != std::string::npos);
    const ww::ImageProbe huge = ww::probeImage(pngHeader(0x7FFFFFFF, 0x7FFFFFFF));
    CHECK_FALSE(huge.ok);
    CHECK(huge.error.find("2147483647 × 2147483647 px") != std::string::npos);
}

TEST_CASE("a PNG whose pixel data inflates far beyond its size is refused before it takes the memory") {
    // 4 KB on disk, 4 MB inflated, for a 16 x 16 image; the same shape at 40 MB would ask for gigabytes.
    const std::string file = wwtest::readText(
        fs::path(WW_TESTS_DIR) / "fuzz-regressions/images/png-data-inflates-far-beyond-its-size.png");
    const ww::PreparedImage img = ww::prepareImage(bytesOf(file), ww::ImageRole::Logo);
    CHECK_FALSE(img.ok);
    CHECK(img.error ==
          "corrupt or truncated PNG: its pixel data inflates to more than the image's size holds");
    // 358 bytes whose second IDAT chunk claims 1.9 GB: stb_image reserved that much before reading it.
    const std::string claim = wwtest::readText(
        fs::path(WW_TESTS_DIR) / "fuzz-regressions/images/oom-d5f5f871-idat-chunk-claims-2gb.png");
    const ww::PreparedImage cut = ww::prepareImage(bytesOf(claim), ww::ImageRole::Photo);
    CHECK_FALSE(cut.ok);
    CHECK(cut.error == "corrupt or truncated PNG: a chunk is longer than the rest of the file");
}

TEST_CASE("a CSV header wider than any spreadsheet is refused") {
    std::string header(100000, ',');
    header.insert(0, "id");
    header += "name\n1,2\n";
    ww::Diagnostics diags;
    CHECK_FALSE(ww::readCsv(header, "stands.csv", diags));
    REQUIRE(diags.errors() == 1);
    CHECK(diags.items()[0].message.find("more than 16384 columns") != std::string::npos);
}

TEST_CASE("a CSV far longer than any content list is refused before it takes gigabytes") {
    // 60 MB of one-letter rows took 2.4 GB to hold as cells; the limits stop it at a fraction.
    std::string rows = "id\n";
    for (int i = 0; i < 150000; ++i)
        rows += "a\n";
    ww::Diagnostics diags;
    CHECK_FALSE(ww::readCsv(rows, "photos.csv", diags));
    REQUIRE(diags.errors() == 1);
    CHECK(diags.items()[0].message == "file has more than 100000 rows, far more than a content list");
    CHECK(diags.items()[0].line == 100002);

    std::string wide;
    for (int c = 0; c < 16000; ++c)
        wide += "c" + std::to_string(c) + ",";
    wide += "\n";
    std::string row;
    for (int c = 0; c < 16000; ++c)
        row += "a,";
    for (int r = 0; r < 130; ++r)
        wide += row + "\n";
    ww::Diagnostics wideDiags;
    CHECK_FALSE(ww::readCsv(wide, "photos.csv", wideDiags));
    REQUIRE(wideDiags.errors() == 1);
    CHECK(wideDiags.items()[0].message.find("more than 2000000 cells") != std::string::npos);
}

// [SECTION] Limits: nesting and numbers in schedule exports

TEST_CASE("a schedule.json nested a million levels deep is refused quickly with a message") {
    const std::string deep = "{\"schedule\": {\"conference\": {\"days\": " + std::string(1000000, '[') +
                             std::string(1000000, ']') + "}}}";
    const auto t0 = std::chrono::steady_clock::now();
    const wwfuzz::Outcome o = wwfuzz::schedule(deep, false);
    CHECK(o.broken.empty());
    CHECK_FALSE(o.accepted);
    CHECK(o.message.find("nested") != std::string::npos);
    CHECK(secondsSince(t0) < 5);
}

TEST_CASE("a schedule.xml nested a million levels deep is read without recursion") {
    std::string deep = "<schedule><conference><title>T</title></conference>";
    for (int i = 0; i < 1000000; ++i)
        deep += "<day>";
    for (int i = 0; i < 1000000; ++i)
        deep += "</day>";
    deep += "</schedule>";
    const auto t0 = std::chrono::steady_clock::now();
    const wwfuzz::Outcome o = wwfuzz::schedule(deep, true);
    CHECK(o.broken.empty());
    CHECK(secondsSince(t0) < 5);
}

TEST_CASE("gigantic numbers in a schedule export are refused per event, not overflowed") {
    const std::string json =
        R"({"schedule": {"conference": {"title": "T", "days": [{"date": "2022-09-07", "rooms": {"Saal": [
        {"guid": "a", "title": "A", "date": "2022-09-07T09:00:00+02:00", "duration": "999999999999"},
        {"guid": "b", "title": "B", "date": "2022-09-07T09:00:00+02:00", "duration": "99999999:00"},
        {"guid": 18446744073709551615, "title": "C", "date": "9999-12-31T23:59:59+23:59", "duration": 1e308},
        {"guid": "d", "title": "D", "date": "2022-09-07T09:00:00+02:00", "duration": "00:30"}]}}]}}})";
    ww::Diagnostics diags;
    const auto s = ww::parseScheduleJson(json, "schedule.json", ww::TimeZone::utc(), diags);
    REQUIRE(s);
    REQUIRE(s->talks.size() == 1);
    CHECK(s->talks[0].talk.id == "d");
    CHECK(diags.errors() == 3);
}

// [SECTION] Limits: numbers in the TOML settings

TEST_CASE("nan, inf and huge numbers in TOML are refused with the key named, not cast") {
    struct Case {
        const char* file;
        const char* says;
    };
    wwtest::TempDir dir;
    for (const Case& c : {Case{"idle-timeout-1e300-float-cast.txt", "idle_timeout 1e+300 is out of range"},
                          Case{"idle-timeout-nan-float-cast.txt", "\"idle_timeout\" is not a finite number"},
                          Case{"floor-1e300-float-cast.txt", "floor 1e+300 is out of range"},
                          Case{"capacity-minus-inf-float-cast.txt", "\"capacity\" is not a finite number"}}) {
        INFO(c.file);
        const wwfuzz::Outcome o = wwfuzz::contentFolder(
            wwtest::readText(fs::path(WW_TESTS_DIR) / "fuzz-regressions/loader" / c.file),
            dir.path().string());
        CHECK(o.broken.empty());
        CHECK_FALSE(o.accepted);
        CHECK(o.message.find(c.says) != std::string::npos);
    }
}

TEST_CASE("a TOML file far larger than any settings file is refused before it is parsed") {
    // 19 MB of "x = [1,1,…]" took 700 MB once parsed.
    std::string big = "[event]\nid = \"e\"\nx = [";
    while (big.size() <= 4 * 1024 * 1024)
        big += "1,1,1,1,1,1,1,1,";
    big += "1]\n";
    wwtest::TempDir dir;
    const wwfuzz::Outcome o = wwfuzz::contentFolder(big, dir.path().string());
    CHECK(o.broken.empty());
    CHECK(o.message.find("TOML files are limited to 4 MB") != std::string::npos);
}

TEST_CASE("a schedule export far larger than any conference's is refused before it is parsed") {
    // 15 MB of "[]," took 430 MB once parsed; FOSDEM's export is 3 MB.
    const std::string head =
        "[event]\nid = \"e\"\n=== schedule.json\n{\"schedule\": {\"conference\": {\"days\": [";
    std::string big = head;
    while (big.size() <= 16 * 1024 * 1024 + 1024)
        big += "[],[],[],[],[],[],[],[],";
    big += "[]]}}}";
    wwtest::TempDir dir;
    const wwfuzz::Outcome o = wwfuzz::contentFolder(big, dir.path().string());
    CHECK(o.broken.empty());
    CHECK_FALSE(o.accepted);
    bool said = false;
    ww::Diagnostics diags;
    ww::loadContent(dir.path().string(), diags);
    for (const ww::Diagnostic& d : diags.items())
        said = said || d.message.find("schedule exports are limited to 16 MB") != std::string::npos;
    CHECK(said);
}

// [SECTION] Limits: script values that would run the kiosk for years

TEST_CASE("script numbers beyond what a kiosk can do are refused with the limit") {
    struct Case {
        const char* line;
        const char* says;
    };
    for (const Case& c :
         {Case{"wait 1e12", "out of range"}, Case{"wait inf", "expected a number"},
          Case{"wait nan", "expected a number"}, Case{"drag 0 0 10 10 1e9", "out of range"},
          Case{"tap 1e300 5", "out of range"}, Case{"clock +1e300", "out of range"},
          Case{"clock -1e999", "expected a number"}, Case{"screenshot a.png 1e10", "out of range"},
          Case{"screenshot a.png -5", "screenshot width"}, Case{"drag 0 0 1 1 -5", "positive"}}) {
        ww::ScriptCommand cmd;
        std::string error;
        INFO(c.line);
        CHECK_FALSE(ww::parseScriptLine(c.line, &cmd, &error));
        CHECK(error.find(c.says) != std::string::npos);
    }
    ww::ScriptCommand cmd;
    std::string error;
    REQUIRE(ww::parseScriptLine("wait 125000", &cmd, &error));
    CHECK(cmd.ms == 125000);
    REQUIRE(ww::parseScriptLine("drag 40 40 40 40 3200", &cmd, &error));
    CHECK(cmd.kind == ww::ScriptCommand::Kind::Drag);
    CHECK(cmd.ms == 3200);
    REQUIRE(ww::parseScriptLine("type Müller GmbH", &cmd, &error));
    CHECK(cmd.text == "Müller GmbH");
    REQUIRE(ww::parseScriptLine("clock -30", &cmd, &error));
    CHECK(cmd.minutes == -30);
}
