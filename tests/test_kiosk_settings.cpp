// The kiosk's settings file and the staff PIN hash: bad values fall back to defaults with a message
// naming the line, PINs are checked against salted PBKDF2 hashes, opening hours say when the guide opens.
#include <doctest/doctest.h>

#include "core/kiosk_settings.h"

#include <cstdio>
#include <fstream>

using namespace ww;

namespace {

std::string hex(const std::array<uint8_t, 32>& d) { return toHex(d.data(), d.size()); }

bool mentions(const KioskSettings& s, const std::string& what) {
    for (const std::string& p : s.problems)
        if (p.find(what) != std::string::npos) return true;
    return false;
}

LocalDateTime at(const char* iso) { return *parseLocalDateTime(iso); }

} // namespace

TEST_CASE("SHA-256, HMAC and PBKDF2 give the published results") {
    CHECK(hex(sha256("", 0)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    CHECK(hex(sha256(two_blocks.data(), two_blocks.size())) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const std::string million(1000000, 'a');
    CHECK(hex(sha256(million.data(), million.size())) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    const std::string fox = "The quick brown fox jumps over the lazy dog";
    CHECK(hex(hmacSha256("key", fox.data(), fox.size())) ==
          "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    CHECK(hex(hmacSha256(std::string(100, 'k'), "msg", 3)) ==
          "bd56a1782c2830e8abc6ed866a57a1230661e650b84c62f7ee3accc5fa5af491");
    const std::vector<uint8_t> salt{'s', 'a', 'l', 't'};
    const auto p1 = pbkdf2Sha256("passwd", salt, 1, 64);
    CHECK(toHex(p1.data(), p1.size()) ==
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    const std::vector<uint8_t> nacl{'N', 'a', 'C', 'l'};
    const auto p2 = pbkdf2Sha256("Password", nacl, 80000, 64);
    CHECK(toHex(p2.data(), p2.size()) ==
          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

TEST_CASE("a PIN hash accepts its PIN only, and two hashes of one PIN differ by their salt") {
    const std::string h = hashPin("4711", 2000);
    CHECK(pinHashWellFormed(h));
    CHECK(h.rfind("pbkdf2-sha256$2000$", 0) == 0);
    CHECK(verifyPin("4711", h));
    CHECK_FALSE(verifyPin("4712", h));
    CHECK_FALSE(verifyPin("", h));
    CHECK_FALSE(verifyPin("47110", h));
    CHECK(hashPin("4711", 2000) != h);
    // A plain PIN or a damaged hash is never accepted as a hash.
    CHECK_FALSE(pinHashWellFormed("4711"));
    CHECK_FALSE(verifyPin("4711", "4711"));
    CHECK_FALSE(pinHashWellFormed(h.substr(0, h.size() - 2)));
    CHECK_FALSE(pinHashWellFormed("pbkdf2-sha256$5$00112233445566778899aabbccddeeff$" + std::string(64, '0')));
}

TEST_CASE("a complete settings file is read field by field") {
    const std::string pin = hashPin("2468", 2000);
    const auto s = parseKioskSettings("kiosk = \"eingang\"\n"
                                      "database = \"/var/lib/wegweiser/content.db\"\n"
                                      "pin_hash = \"" + pin + "\"\n"
                                      "wake_minutes = 3\n"
                                      "[mounting]\nscreen_bottom_mm = 750\nscreen_height_mm = 1190\n"
                                      "[hours]\ndaily = \"09:00-17:30\"\nsat = \"10:00 – 14:00\"\nsun = \"closed\"\n",
                                      "kiosk.toml");
    CHECK(s.problems.empty());
    CHECK(s.source == "kiosk.toml");
    CHECK(s.kiosk == "eingang");
    CHECK(s.database == "/var/lib/wegweiser/content.db");
    CHECK(s.pin_hash == pin);
    CHECK(s.wake_minutes == 3);
    CHECK(s.screen_bottom_mm == 750);
    CHECK(s.screen_height_mm == 1190);
    REQUIRE(s.hours);
    CHECK(s.hours->days[0].open == 9 * 60);
    CHECK(s.hours->days[0].close == 17 * 60 + 30);
    CHECK(s.hours->days[5].open == 10 * 60);
    CHECK(s.hours->days[6].open == -1);
}

TEST_CASE("bad settings fall back to their defaults with a message naming the line") {
    auto s = parseKioskSettings("kiosk = 7\n"
                                "pin_hash = \"1234\"\n"
                                "wake_minutes = 0\n"
                                "colour = \"blue\"\n"
                                "[mounting]\nscreen_bottom_mm = -5\n"
                                "[hours]\nmon = \"18:00-08:00\"\n",
                                "kiosk.toml");
    CHECK(s.kiosk.empty());
    CHECK(s.pin_hash.empty()); // a plain PIN is refused
    CHECK(s.wake_minutes == 5);
    CHECK(s.screen_bottom_mm == 0);
    CHECK_FALSE(s.hours); // half-understood hours: the event's apply
    CHECK(mentions(s, "kiosk.toml:1: kiosk must be a text"));
    CHECK(mentions(s, "kiosk.toml:2: pin_hash is not a hash"));
    CHECK(mentions(s, "kiosk.toml:3: wake_minutes must be a whole number"));
    CHECK(mentions(s, "kiosk.toml:4: unknown setting 'colour'"));
    CHECK(mentions(s, "kiosk.toml:6: screen_bottom_mm"));
    CHECK(mentions(s, "kiosk.toml:8: hours.mon"));

    // Not TOML at all: everything default, one message with the line.
    s = parseKioskSettings("kiosk = \"a\"\nthis is not toml\n", "kiosk.toml");
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].rfind("kiosk.toml:2:", 0) == 0);
    CHECK(s.kiosk.empty());

    // A missing file matters only when it was named.
    CHECK(loadKioskSettings("/nonexistent/kiosk.toml", false).problems.empty());
    CHECK(mentions(loadKioskSettings("/nonexistent/kiosk.toml", true), "cannot read the settings file"));
}

TEST_CASE("opening hours say whether the guide is open and when it opens next") {
    auto h = parseKioskSettings("[hours]\nmon = \"08:00-18:00\"\ntue = \"08:00-18:00\"\nwed = \"08:00-18:00\"\n"
                                "thu = \"08:00-18:00\"\nfri = \"08:00-16:00\"\n",
                                "k.toml")
                 .hours;
    REQUIRE(h);
    // 2022-09-07 is a Wednesday.
    CHECK(h->isOpen(at("2022-09-07T08:00")));
    CHECK(h->isOpen(at("2022-09-07T17:59")));
    CHECK_FALSE(h->isOpen(at("2022-09-07T18:00")));
    CHECK_FALSE(h->isOpen(at("2022-09-07T07:59")));
    CHECK(formatIso(*h->nextOpening(at("2022-09-07T06:30"))) == "2022-09-07T08:00");
    CHECK(formatIso(*h->nextOpening(at("2022-09-07T19:00"))) == "2022-09-08T08:00");
    // Friday evening: Saturday and Sunday have no hours, so Monday.
    CHECK(formatIso(*h->nextOpening(at("2022-09-09T16:30"))) == "2022-09-12T08:00");
    CHECK(formatIso(*h->nextClosing(at("2022-09-09T10:00"))) == "2022-09-09T16:00");

    const auto daily = OpeningHours::daily("08:00", "18:00");
    REQUIRE(daily);
    CHECK(daily->isOpen(at("2022-09-10T12:00")));
    CHECK_FALSE(OpeningHours::daily("18:00", "08:00"));
    CHECK_FALSE(OpeningHours::daily("soon", "18:00"));
}
