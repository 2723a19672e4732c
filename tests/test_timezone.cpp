// The event's clock: wall time in the event's zone from the system's tzdata, whatever the machine's
// TZ says, including the doubled and the skipped hour, years beyond the zone file's table, and
// damaged zone files.
#include "core/timezone.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ww;
namespace fs = std::filesystem;

namespace {

LocalDateTime dt(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    return {y, mo, d, h, mi, s};
}
// A UTC instant written as a calendar date.
int64_t utcAt(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    return asEpochSeconds(dt(y, mo, d, h, mi, s));
}

TimeZone zone(const std::string& name) {
    std::string error;
    std::optional<TimeZone> tz = TimeZone::load(name, &error);
    INFO(error);
    REQUIRE(tz);
    return *tz;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string systemZoneDir() {
    return "/usr/share/zoneinfo";
}

// The POSIX rule at the end of a system zone file.
std::string footerOf(const std::string& name) {
    std::string data = readFile(systemZoneDir() + "/" + name);
    REQUIRE(data.size() > 2);
    size_t end = data.size() - 1;
    size_t start = data.rfind('\n', end - 1);
    REQUIRE(start != std::string::npos);
    return data.substr(start + 1, end - start - 1);
}

// [SECTION] Writing small zone files

void be32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
}
void be64(std::string& out, uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
}

struct ZoneSpec {
    char version = '2';                 // 0 for a version 1 file
    std::vector<int64_t> times;         // transitions
    std::vector<uint8_t> types;         // type index per transition
    std::vector<int32_t> offsets{3600}; // one per local time type
    std::string footer;
};

std::string tzifBlock(const ZoneSpec& z, int time_size) {
    std::string out = "TZif";
    out += z.version;
    out += std::string(15, '\0');
    const std::string chars = "ZZZ";
    be32(out, 0); // isutcnt
    be32(out, 0); // isstdcnt
    be32(out, 0); // leapcnt
    be32(out, static_cast<uint32_t>(z.times.size()));
    be32(out, static_cast<uint32_t>(z.offsets.size()));
    be32(out, static_cast<uint32_t>(chars.size() + 1));
    for (int64_t t : z.times) {
        if (time_size == 8)
            be64(out, static_cast<uint64_t>(t));
        else
            be32(out, static_cast<uint32_t>(static_cast<int32_t>(t)));
    }
    for (uint8_t i : z.types)
        out += static_cast<char>(i);
    for (int32_t o : z.offsets) {
        be32(out, static_cast<uint32_t>(o));
        out += '\0'; // isdst
        out += '\0'; // abbreviation index
    }
    out += chars;
    out += '\0';
    return out;
}

std::string tzif(const ZoneSpec& z) {
    std::string out = tzifBlock(z, 4);
    if (z.version == 0) return out;
    return out + tzifBlock(z, 8) + "\n" + z.footer + "\n";
}

// A private zoneinfo directory; loads from it point $TZDIR at it for the moment of loading.
class ZoneDir {
  public:
    ZoneDir() {
        dir_ = fs::temp_directory_path() / ("ww-test-zones-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    ~ZoneDir() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    void write(const std::string& name, const std::string& bytes) {
        fs::path p = dir_ / name;
        fs::create_directories(p.parent_path());
        // Removing first avoids the flush some file systems force when a file is truncated and rewritten.
        std::error_code ec;
        fs::remove(p, ec);
        std::ofstream(p, std::ios::binary) << bytes;
    }
    std::optional<TimeZone> tryLoad(const std::string& name, std::string* error = nullptr) {
        ::setenv("TZDIR", dir_.c_str(), 1);
        std::optional<TimeZone> tz = TimeZone::load(name, error);
        ::unsetenv("TZDIR");
        return tz;
    }
    TimeZone zone(const std::string& name) {
        std::string error;
        std::optional<TimeZone> tz = tryLoad(name, &error);
        INFO(error);
        REQUIRE(tz);
        return *tz;
    }
    // A zone whose whole timeline follows one POSIX rule.
    TimeZone rule(const std::string& footer) {
        ZoneSpec z;
        z.footer = footer;
        write("Test/Rule", tzif(z));
        return zone("Test/Rule");
    }

  private:
    fs::path dir_;
};

} // namespace

// [SECTION] Europe/Berlin, the first event's zone

TEST_CASE("Berlin: a September morning and a January noon") {
    TimeZone berlin = zone("Europe/Berlin");
    CHECK(berlin.name() == "Europe/Berlin");
    CHECK(utcAt(2022, 9, 7, 7) == 1662534000);

    TimeZone::Resolved r = berlin.toUtc(dt(2022, 9, 7, 9, 0));
    CHECK(r.utc == utcAt(2022, 9, 7, 7, 0));
    CHECK_FALSE(r.ambiguous);
    CHECK_FALSE(r.nonexistent);
    CHECK(berlin.offsetAt(r.utc) == 7200);
    CHECK(berlin.toLocal(r.utc) == dt(2022, 9, 7, 9, 0));

    CHECK(berlin.toUtc(dt(2022, 1, 15, 12, 0)).utc == utcAt(2022, 1, 15, 11, 0));
    CHECK(berlin.offsetAt(utcAt(2022, 1, 15, 11, 0)) == 3600);
    CHECK(berlin.toLocal(utcAt(2022, 1, 15, 11, 0)) == dt(2022, 1, 15, 12, 0));
}

TEST_CASE("Berlin: the clocks go back at 01:00 UTC on 2022-10-30") {
    TimeZone berlin = zone("Europe/Berlin");
    const int64_t change = utcAt(2022, 10, 30, 1, 0);
    CHECK(change == 1667091600);
    CHECK(berlin.toLocal(utcAt(2022, 10, 30, 0, 59, 59)) == dt(2022, 10, 30, 2, 59, 59));
    CHECK(berlin.offsetAt(change - 1) == 7200);
    CHECK(berlin.toLocal(change) == dt(2022, 10, 30, 2, 0, 0));
    CHECK(berlin.offsetAt(change) == 3600);
    CHECK(berlin.toLocal(utcAt(2022, 10, 30, 1, 59, 59)) == dt(2022, 10, 30, 2, 59, 59));
    CHECK(berlin.toLocal(utcAt(2022, 10, 30, 2, 0)) == dt(2022, 10, 30, 3, 0));
}

TEST_CASE("Berlin: 02:30 on 2022-10-30 happens twice") {
    TimeZone berlin = zone("Europe/Berlin");
    TimeZone::Resolved first = berlin.toUtc(dt(2022, 10, 30, 2, 30));
    CHECK(first.ambiguous);
    CHECK_FALSE(first.nonexistent);
    CHECK(first.utc == utcAt(2022, 10, 30, 0, 30)); // CEST, +02:00

    TimeZone::Resolved second = berlin.toUtc(dt(2022, 10, 30, 2, 30), true);
    CHECK(second.ambiguous);
    CHECK(second.utc == utcAt(2022, 10, 30, 1, 30)); // CET, +01:00

    CHECK(berlin.toLocal(first.utc) == dt(2022, 10, 30, 2, 30));
    CHECK(berlin.toLocal(second.utc) == dt(2022, 10, 30, 2, 30));
    // Just outside the doubled hour there is one answer.
    CHECK_FALSE(berlin.toUtc(dt(2022, 10, 30, 1, 59, 59)).ambiguous);
    CHECK_FALSE(berlin.toUtc(dt(2022, 10, 30, 3, 0)).ambiguous);
    CHECK(berlin.toUtc(dt(2022, 10, 30, 3, 0), true).utc == utcAt(2022, 10, 30, 2, 0));
}

TEST_CASE("Berlin: 02:30 on 2022-03-27 never happens and moves to 03:30 CEST") {
    TimeZone berlin = zone("Europe/Berlin");
    const int64_t change = utcAt(2022, 3, 27, 1, 0);
    CHECK(berlin.toLocal(change - 1) == dt(2022, 3, 27, 1, 59, 59));
    CHECK(berlin.toLocal(change) == dt(2022, 3, 27, 3, 0));

    TimeZone::Resolved r = berlin.toUtc(dt(2022, 3, 27, 2, 30));
    CHECK(r.nonexistent);
    CHECK_FALSE(r.ambiguous);
    CHECK(r.utc == utcAt(2022, 3, 27, 1, 30));
    CHECK(berlin.toLocal(r.utc) == dt(2022, 3, 27, 3, 30));
    CHECK_FALSE(berlin.toUtc(dt(2022, 3, 27, 3, 0)).nonexistent);
    CHECK(berlin.toUtc(dt(2022, 3, 27, 3, 0)).utc == change);
}

TEST_CASE("America/New_York: DST ends 2022-11-06 and starts 2022-03-13") {
    TimeZone ny = zone("America/New_York");
    CHECK(ny.offsetAt(utcAt(2022, 11, 6, 5, 59, 59)) == -4 * 3600);
    CHECK(ny.offsetAt(utcAt(2022, 11, 6, 6, 0)) == -5 * 3600);
    CHECK(ny.toLocal(utcAt(2022, 11, 6, 6, 0)) == dt(2022, 11, 6, 1, 0));

    TimeZone::Resolved early = ny.toUtc(dt(2022, 11, 6, 1, 30));
    TimeZone::Resolved late = ny.toUtc(dt(2022, 11, 6, 1, 30), true);
    CHECK(early.ambiguous);
    CHECK(early.utc == utcAt(2022, 11, 6, 5, 30));
    CHECK(late.utc == utcAt(2022, 11, 6, 6, 30));

    TimeZone::Resolved gap = ny.toUtc(dt(2022, 3, 13, 2, 30));
    CHECK(gap.nonexistent);
    CHECK(ny.toLocal(gap.utc) == dt(2022, 3, 13, 3, 30));
    CHECK(ny.toUtc(dt(2022, 7, 4, 12, 0)).utc == utcAt(2022, 7, 4, 16, 0));
}

TEST_CASE("Years past the zone file's table follow its TZ rule") {
    TimeZone berlin = zone("Europe/Berlin");
    // The files list transitions up to 2037; 2040 comes from "CET-1CEST,M3.5.0,M10.5.0/3".
    CHECK(berlin.toLocal(utcAt(2040, 3, 25, 0, 59, 59)) == dt(2040, 3, 25, 1, 59, 59));
    CHECK(berlin.toLocal(utcAt(2040, 3, 25, 1, 0)) == dt(2040, 3, 25, 3, 0));
    CHECK(berlin.toLocal(utcAt(2040, 10, 28, 0, 59, 59)) == dt(2040, 10, 28, 2, 59, 59));
    CHECK(berlin.toLocal(utcAt(2040, 10, 28, 1, 0)) == dt(2040, 10, 28, 2, 0));
    CHECK(berlin.toUtc(dt(2040, 7, 1, 12, 0)).utc == utcAt(2040, 7, 1, 10, 0));
    CHECK(berlin.toUtc(dt(2040, 12, 24, 18, 0)).utc == utcAt(2040, 12, 24, 17, 0));
    TimeZone::Resolved doubled = berlin.toUtc(dt(2040, 10, 28, 2, 15), true);
    CHECK(doubled.ambiguous);
    CHECK(doubled.utc == utcAt(2040, 10, 28, 1, 15));
    CHECK(berlin.toUtc(dt(2040, 3, 25, 2, 15)).nonexistent);

    TimeZone ny = zone("America/New_York");
    CHECK(ny.toLocal(utcAt(2040, 3, 11, 6, 59, 59)) == dt(2040, 3, 11, 1, 59, 59));
    CHECK(ny.toLocal(utcAt(2040, 3, 11, 7, 0)) == dt(2040, 3, 11, 3, 0));
    CHECK(ny.toLocal(utcAt(2040, 11, 4, 6, 0)) == dt(2040, 11, 4, 1, 0));

    TimeZone sydney = zone("Australia/Sydney"); // southern summer spans the new year
    CHECK(sydney.offsetAt(utcAt(2040, 1, 1)) == 11 * 3600);
    CHECK(sydney.offsetAt(utcAt(2040, 7, 1)) == 10 * 3600);
}

TEST_CASE("The TZ rule alone gives the same offsets as the zone file's table") {
    // For each zone, a file holding only the zone's rule must agree with the real file's explicit
    // transitions at every hour and the second before it (these zones change on whole UTC hours). Covers
    // Mm.w.d, negative times (Nuuk's "M3.5.0/-1") and times beyond 24 hours (Jerusalem's "M3.4.4/26").
    ZoneDir dir;
    for (const char* name : {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Jerusalem",
                             "America/Nuuk", "America/Sao_Paulo", "Asia/Kolkata"}) {
        CAPTURE(name);
        TimeZone real = zone(name);
        std::string footer = footerOf(name);
        CAPTURE(footer);
        TimeZone rule = dir.rule(footer);
        int mismatches = 0;
        for (int64_t t = utcAt(2027, 1, 1); t < utcAt(2037, 1, 1) && mismatches < 5; t += 3600) {
            if (real.offsetAt(t) != rule.offsetAt(t) || real.offsetAt(t - 1) != rule.offsetAt(t - 1)) {
                ++mismatches;
                FAIL_CHECK("around " << formatIso(fromEpochSeconds(t), true) << "Z the table says "
                                     << real.offsetAt(t) << " s, the rule " << rule.offsetAt(t) << " s");
            }
        }
    }
}

TEST_CASE("TZ rule forms: Jn, n, all-year DST, fixed offsets") {
    ZoneDir dir;
    // Jn counts 1..365 and never 29 February: J60 is 1 March in every year.
    TimeZone j = dir.rule("AAA-1BBB,J60/2,J300/3");
    CHECK(j.offsetAt(utcAt(2024, 3, 1, 0, 59, 59)) == 3600);
    CHECK(j.offsetAt(utcAt(2024, 3, 1, 1, 0)) == 7200);
    CHECK(j.offsetAt(utcAt(2023, 3, 1, 1, 0)) == 7200);
    CHECK(j.offsetAt(utcAt(2023, 2, 28, 23, 0)) == 3600);
    // J300 is 27 October in every year; the end time is read in summer time (03:00 BBB = 01:00 UTC).
    CHECK(j.offsetAt(utcAt(2024, 10, 27, 0, 59, 59)) == 7200);
    CHECK(j.offsetAt(utcAt(2024, 10, 27, 1, 0)) == 3600);

    // n counts from 0 and includes 29 February: day 59 is 1 March in 2023, 29 February in 2024.
    TimeZone n = dir.rule("AAA-1BBB,59/0,300/0");
    CHECK(n.offsetAt(utcAt(2023, 2, 28, 23, 0)) == 7200);
    CHECK(n.offsetAt(utcAt(2023, 2, 28, 22, 59)) == 3600);
    CHECK(n.offsetAt(utcAt(2024, 2, 28, 23, 0)) == 7200);
    CHECK(n.offsetAt(utcAt(2024, 2, 27, 23, 0)) == 3600);

    // DST all year, the example from RFC 8536.
    TimeZone always = dir.rule("EST5EDT,0/0,J365/25");
    for (int month = 1; month <= 12; ++month)
        CHECK(always.offsetAt(utcAt(2030, month, 1, 12)) == -4 * 3600);
    CHECK(always.offsetAt(utcAt(2031, 1, 1, 0, 0)) == -4 * 3600);
    CHECK(always.offsetAt(utcAt(2031, 1, 1, 5, 0)) == -4 * 3600); // where one year's end meets the next start

    TimeZone india = dir.rule("<+0530>-5:30");
    CHECK(india.offsetAt(utcAt(2040, 6, 1)) == 5 * 3600 + 1800);
    CHECK(india.toUtc(dt(2040, 6, 1, 5, 30)).utc == utcAt(2040, 6, 1));

    // A week-5 rule in a month with only four such weekdays: last Sunday of February 2026 is the 22nd.
    TimeZone last = dir.rule("AAA-1BBB,M2.5.0/0,M11.1.0/0");
    CHECK(last.offsetAt(utcAt(2026, 2, 21, 23, 0)) == 7200);
    CHECK(last.offsetAt(utcAt(2026, 2, 21, 22, 59, 59)) == 3600);
}

TEST_CASE("Version 1 files and files without a rule") {
    ZoneDir dir;
    ZoneSpec v1;
    v1.version = 0;
    v1.offsets = {3600, 7200};
    v1.times = {utcAt(2022, 3, 27, 1), utcAt(2022, 10, 30, 1)};
    v1.types = {1, 0};
    dir.write("Test/V1", tzif(v1));
    TimeZone tz = dir.zone("Test/V1");
    CHECK(tz.offsetAt(utcAt(2022, 1, 1)) == 3600);
    CHECK(tz.offsetAt(utcAt(2022, 7, 1)) == 7200);
    CHECK(tz.offsetAt(utcAt(2030, 7, 1)) == 3600); // no rule: the last offset stays
    CHECK(tz.toUtc(dt(2022, 10, 30, 2, 30)).ambiguous);

    ZoneSpec v3 = v1;
    v3.version = '3';
    v3.footer = "";
    dir.write("Test/V3", tzif(v3));
    CHECK(dir.zone("Test/V3").offsetAt(utcAt(2030, 7, 1)) == 3600);
}

TEST_CASE("Wall time round-trips through UTC in every hour of six years") {
    for (const char* name : {"Europe/Berlin", "America/New_York", "Australia/Sydney"}) {
        CAPTURE(name);
        TimeZone tz = zone(name);
        int ambiguous = 0, wrong = 0;
        for (int64_t u = utcAt(2035, 1, 1); u < utcAt(2041, 1, 1) && wrong < 5; u += 3600) {
            LocalDateTime local = tz.toLocal(u);
            TimeZone::Resolved early = tz.toUtc(local), late = tz.toUtc(local, true);
            bool ok = !early.nonexistent &&
                      (early.ambiguous ? (u == early.utc || u == late.utc) && late.utc - early.utc == 3600
                                       : early.utc == u && late.utc == u);
            ambiguous += early.ambiguous;
            if (!ok) {
                ++wrong;
                FAIL_CHECK(formatIso(fromEpochSeconds(u), true)
                           << "Z reads " << formatIso(local, true) << " and goes back to " << early.utc - u
                           << " s off");
            }
        }
        CHECK(ambiguous == 6 * 2); // the doubled hour read once in summer and once in winter time, each year
    }
}

TEST_CASE("UTC is always available") {
    std::optional<TimeZone> tz = TimeZone::load("UTC");
    REQUIRE(tz);
    CHECK(tz->offsetAt(utcAt(2022, 7, 1)) == 0);
    CHECK(tz->toLocal(utcAt(2022, 9, 7, 9)) == dt(2022, 9, 7, 9));
    CHECK(TimeZone::utc().name() == "UTC");
    TimeZone::Resolved r = TimeZone::utc().toUtc(dt(2022, 10, 30, 2, 30));
    CHECK(r.utc == utcAt(2022, 10, 30, 2, 30));
    CHECK_FALSE(r.ambiguous);
    CHECK(zone("Etc/UTC").offsetAt(utcAt(2040, 1, 1)) == 0);
}

TEST_CASE("Unknown and unsafe zone names are refused with a message") {
    std::string error;
    CHECK_FALSE(TimeZone::load("Europe/Atlantis", &error));
    CHECK(error.find("Europe/Atlantis") != std::string::npos);
    CHECK(error.find("Europe/Berlin") != std::string::npos); // names what a right name looks like
    for (const char* bad :
         {"", "../../etc/passwd", "/etc/localtime", "Europe/../Europe/Berlin", "Europe//Berlin",
          "Europe/Berlin/", "./Europe/Berlin", "Europe", "Europe/Ber lin"}) {
        CAPTURE(bad);
        error.clear();
        CHECK_FALSE(TimeZone::load(bad, &error));
        CHECK_FALSE(error.empty());
    }
    CHECK_FALSE(TimeZone::load("Europe/Atlantis")); // no error pointer: no crash either
}

TEST_CASE("Damaged zone files are refused, never crash") {
    const std::string berlin = readFile(systemZoneDir() + "/Europe/Berlin");
    REQUIRE(berlin.size() > 100);
    ZoneDir dir;
    std::string error;

    for (size_t len :
         {size_t(0), size_t(3), size_t(43), size_t(44), size_t(100), berlin.size() / 2, berlin.size() - 3}) {
        CAPTURE(len);
        dir.write("Bad/Zone", berlin.substr(0, len));
        error.clear();
        CHECK_FALSE(dir.tryLoad("Bad/Zone", &error));
        CHECK_FALSE(error.empty());
    }

    std::string magic = berlin;
    magic[0] = 'X';
    dir.write("Bad/Zone", magic);
    CHECK_FALSE(dir.tryLoad("Bad/Zone", &error));
    CHECK(error.find("TZif") != std::string::npos);

    ZoneSpec z;
    z.times = {0};
    z.types = {7}; // no such type
    dir.write("Bad/Zone", tzif(z));
    CHECK_FALSE(dir.tryLoad("Bad/Zone", &error));

    z.types = {0};
    z.footer = "CET-1CEST,M13.5.0,M10.5.0/3";
    dir.write("Bad/Zone", tzif(z));
    CHECK_FALSE(dir.tryLoad("Bad/Zone", &error));
    CHECK(error.find("M13") != std::string::npos);

    z.footer = "";
    z.times = {100, 50}; // out of order
    z.types = {0, 0};
    dir.write("Bad/Zone", tzif(z));
    CHECK_FALSE(dir.tryLoad("Bad/Zone", &error));

    // Random damage: whatever comes back must be usable without crashing.
    // Half the rounds aim at the two headers, where the counts that size everything live.
    const size_t second_header = berlin.find("TZif", 4);
    REQUIRE(second_header != std::string::npos);
    std::mt19937 rng(12345);
    for (int round = 0; round < 600; ++round) {
        std::string data = berlin;
        for (int k = 0; k < 4; ++k) {
            size_t at = rng() % data.size();
            if (round % 2) at = (round % 4 == 1 ? 0 : second_header) + 20 + rng() % 24;
            data[at] = static_cast<char>(rng() & 0xff);
        }
        dir.write("Bad/Zone", data);
        if (std::optional<TimeZone> tz = dir.tryLoad("Bad/Zone")) {
            (void)tz->toLocal(utcAt(2022, 9, 7));
            (void)tz->toUtc(dt(2040, 10, 28, 2, 30));
        }
    }
}

TEST_CASE("The machine's TZ does not change the event's time") {
    const char* saved = std::getenv("TZ");
    const std::string saved_tz = saved ? saved : "";
    auto sample = [] {
        TimeZone berlin = zone("Europe/Berlin");
        std::vector<int64_t> out;
        out.push_back(berlin.toUtc(dt(2022, 9, 7, 9, 0)).utc);
        out.push_back(berlin.toUtc(dt(2022, 10, 30, 2, 30)).utc);
        out.push_back(berlin.toUtc(dt(2022, 10, 30, 2, 30), true).utc);
        out.push_back(berlin.toUtc(dt(2040, 7, 1, 12, 0)).utc);
        out.push_back(asEpochSeconds(berlin.toLocal(utcAt(2022, 3, 27, 1, 0))));
        out.push_back(asEpochSeconds(fromEpochSeconds(1662534000)));
        return out;
    };
    ::setenv("TZ", "UTC", 1);
    ::tzset();
    std::vector<int64_t> in_utc = sample();
    ::setenv("TZ", "America/New_York", 1);
    ::tzset();
    std::vector<int64_t> in_new_york = sample();
    ::setenv("TZ", "Asia/Tokyo", 1);
    ::tzset();
    std::vector<int64_t> in_tokyo = sample();
    if (saved)
        ::setenv("TZ", saved_tz.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();

    CHECK(in_utc == in_new_york);
    CHECK(in_utc == in_tokyo);
    CHECK(in_utc[0] == utcAt(2022, 9, 7, 7, 0));
}

// [SECTION] Calendar

TEST_CASE("Days since 1970 round-trip over ten thousand years") {
    CHECK(daysFromCivil(1970, 1, 1) == 0);
    CHECK(daysFromCivil(2000, 3, 1) == 11017);
    CHECK(daysFromCivil(1969, 12, 31) == -1);
    CHECK(daysFromCivil(2022, 9, 7) == 19242);
    int64_t expected = daysFromCivil(-3000, 1, 1);
    for (int y = -3000; y <= 7000; ++y) {
        for (int m = 1; m <= 12; ++m) {
            static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            int days = (m == 2 && leap) ? 29 : kDays[m - 1];
            for (int d = 1; d <= days; ++d) {
                int64_t n = daysFromCivil(y, m, d);
                if (n != expected) {
                    FAIL_CHECK("daysFromCivil(" << y << "-" << m << "-" << d << ") = " << n << ", expected "
                                                << expected);
                    return;
                }
                int yy = 0, mm = 0, dd = 0;
                civilFromDays(n, yy, mm, dd);
                if (yy != y || mm != m || dd != d) {
                    FAIL_CHECK("civilFromDays(" << n << ") = " << yy << "-" << mm << "-" << dd);
                    return;
                }
                ++expected;
            }
        }
    }
}

TEST_CASE("Weekdays and epoch seconds") {
    CHECK(weekday(dt(2022, 9, 7)) == 2); // Wednesday
    CHECK(weekday(dt(2022, 9, 8)) == 3);
    CHECK(weekday(dt(1970, 1, 1)) == 3); // Thursday
    CHECK(weekday(dt(1969, 12, 28)) == 6);
    CHECK(weekday(dt(2000, 2, 29)) == 1);

    CHECK(asEpochSeconds(dt(1970, 1, 1)) == 0);
    CHECK(fromEpochSeconds(-1) == dt(1969, 12, 31, 23, 59, 59));
    CHECK(fromEpochSeconds(1662534000) == dt(2022, 9, 7, 7, 0, 0));
    CHECK(fromEpochSeconds(asEpochSeconds(dt(2024, 2, 29, 13, 45, 10))) == dt(2024, 2, 29, 13, 45, 10));
    CHECK(dt(2022, 9, 7, 9, 0) < dt(2022, 9, 7, 9, 1));
    CHECK(dt(2022, 9, 7, 23, 59) < dt(2022, 9, 8));
    CHECK_FALSE(dt(2022, 9, 8) < dt(2022, 9, 8));
}

// [SECTION] Parsing and formatting

TEST_CASE("Date-times from the content files") {
    std::optional<int> offset;
    auto t = parseLocalDateTime("2022-09-07T09:00", &offset);
    REQUIRE(t);
    CHECK(*t == dt(2022, 9, 7, 9, 0));
    CHECK_FALSE(offset);

    t = parseLocalDateTime("2022-09-07 09:00:30", &offset);
    REQUIRE(t);
    CHECK(*t == dt(2022, 9, 7, 9, 0, 30));

    t = parseLocalDateTime("2022-10-30T02:30+01:00", &offset);
    REQUIRE(t);
    CHECK(*t == dt(2022, 10, 30, 2, 30));
    REQUIRE(offset);
    CHECK(*offset == 3600);

    CHECK(parseLocalDateTime("2022-10-30T02:30:15-04:30", &offset));
    CHECK(*offset == -(4 * 3600 + 1800));
    CHECK(parseLocalDateTime("2022-09-07T07:00Z", &offset));
    CHECK(*offset == 0);
    offset.reset();
    CHECK(parseLocalDateTime("2022-09-07T07:00+02:00")); // offset without a place to put it
    CHECK(parseLocalDateTime("2024-02-29 12:00"));
    CHECK(parseLocalDateTime("  2022-09-07 09:00 "));

    for (const char* bad : {"2022-02-30 10:00",
                            "2023-02-29 10:00",
                            "2022-09-07 25:00",
                            "2022-09-07 24:00",
                            "2022-09-07 10:60",
                            "2022-09-07 10:00:60",
                            "2022-13-01 10:00",
                            "2022-00-01 10:00",
                            "2022-09-00 10:00",
                            "2022-09-07",
                            "2022-09-07 9:00",
                            "2022-09-07T09:00+2",
                            "2022-09-07T09:00+02:00x",
                            "2022-09-07T09:00Zulu",
                            "2022-09-07x09:00",
                            "22-09-07 09:00",
                            "",
                            "garbage",
                            "2022-09-07 09:00 CEST",
                            "2022-09-07T09:00+24:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseLocalDateTime(bad));
    }
}

TEST_CASE("Dates, clock times and formatting") {
    REQUIRE(parseDate("2022-09-07"));
    CHECK(*parseDate("2022-09-07") == dt(2022, 9, 7));
    CHECK_FALSE(parseDate("2022-09-31"));
    CHECK_FALSE(parseDate("2022-09-07T09:00"));
    CHECK_FALSE(parseDate("07.09.2022"));

    CHECK(parseClockTime("09:00") == std::optional<int>(540));
    CHECK(parseClockTime("9:00") == std::optional<int>(540));
    CHECK(parseClockTime("23:59") == std::optional<int>(1439));
    CHECK(parseClockTime("00:00") == std::optional<int>(0));
    for (const char* bad : {"24:00", "12:60", "12", "12:5", "ab:cd", "", "12:00:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseClockTime(bad));
    }

    CHECK(formatIso(dt(2022, 9, 7, 9, 5)) == "2022-09-07T09:05");
    CHECK(formatIso(dt(2022, 9, 7, 9, 5, 7), true) == "2022-09-07T09:05:07");
    CHECK(formatDate(dt(2022, 9, 7, 9, 5)) == "2022-09-07");
    CHECK(parseLocalDateTime(formatIso(dt(2031, 12, 31, 23, 59, 58), true)) == dt(2031, 12, 31, 23, 59, 58));
}
