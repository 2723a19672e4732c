// The settings of one kiosk installation (/etc/wegweiser/kiosk.toml): which kiosk this is, where its
// database lives, how the screen is mounted, the staff PIN (as a salted hash) and the opening hours.
// A broken file never stops the kiosk: every problem is collected as a message and the value falls
// back to its safe default. Also the PIN hash itself (SHA-256, HMAC, PBKDF2), small and dependency-free.
#pragma once

#include "core/timezone.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ww {

// When the guide is open, per weekday, in minutes since local midnight. A day with open < 0 is closed.
struct OpeningHours {
    struct Day {
        int open = -1;  // minutes since midnight; -1 = closed all day
        int close = -1; // exclusive; may be 24*60
    };
    std::array<Day, 7> days{}; // 0 = Monday … 6 = Sunday
    // One range for every day ("08:00"–"18:00" from the event). False (or invalid) means always open.
    static std::optional<OpeningHours> daily(const std::string& opens, const std::string& closes);
    bool isOpen(const LocalDateTime& t) const;
    // The next moment the guide opens at or after `t` (within the next 8 days), or nullopt if never.
    std::optional<LocalDateTime> nextOpening(const LocalDateTime& t) const;
    // The next moment it closes after `t` while open, or nullopt.
    std::optional<LocalDateTime> nextClosing(const LocalDateTime& t) const;
};

// Field by field, with the default used when the file leaves it out or gets it wrong.
struct KioskSettings {
    std::string source;          // the file read ("" = none: developer run, everything default)
    std::string kiosk;           // `kiosk`: this kiosk's id in the content; "" = the first kiosk
    std::string database;        // `database`: the content database; "" = the command line's / content.db
    int screen_bottom_mm = 0;    // [mounting] `screen_bottom_mm`: floor to the screen's bottom edge; 0 = unknown
    int screen_height_mm = 0;    // [mounting] `screen_height_mm`: the visible screen's height; 0 = unknown
    std::string pin_hash;        // `pin_hash`: from `wegweiser --hash-pin`; "" = staff menu cannot be unlocked
    // [hours]: `daily = "08:00-18:00"` and/or `mon` … `sun` = "HH:MM-HH:MM" | "closed".
    // Unset: the event's opens/closes from the content (applied only when a settings file is in use).
    std::optional<OpeningHours> hours;
    int wake_minutes = 5;        // `wake_minutes`: a touch on the closed screen opens the guide this long (1–120)
    std::vector<std::string> problems; // "file:line: message" for everything ignored
};

// The default path, and the environment variable that overrides it.
constexpr const char* kDefaultSettingsPath = "/etc/wegweiser/kiosk.toml";
constexpr const char* kSettingsEnv = "WEGWEISER_SETTINGS";

// Reads the file. A missing file is a problem only when `must_exist` (the operator named it).
KioskSettings loadKioskSettings(const std::string& path, bool must_exist);
// The same from text (tests); `name` is used in messages.
KioskSettings parseKioskSettings(const std::string& text, const std::string& name);

// [SECTION] PIN hash
// SHA-256 of bytes (FIPS 180-4), and HMAC-SHA-256 / PBKDF2-HMAC-SHA-256 on top.
std::array<uint8_t, 32> sha256(const void* data, size_t size);
std::array<uint8_t, 32> hmacSha256(const std::string& key, const void* data, size_t size);
std::vector<uint8_t> pbkdf2Sha256(const std::string& password, const std::vector<uint8_t>& salt, int iterations,
                                  size_t length);
std::string toHex(const uint8_t* data, size_t size);

// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX" for a PIN with a fresh random salt.
constexpr int kPinIterations = 100000;
std::string hashPin(const std::string& pin, int iterations = kPinIterations);
// Whether the PIN matches a hash made by hashPin (constant-time compare). False for malformed hashes.
bool verifyPin(const std::string& pin, const std::string& hash);
// Whether `hash` has the shape hashPin produces.
bool pinHashWellFormed(const std::string& hash);

} // namespace ww
