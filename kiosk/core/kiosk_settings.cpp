// See kiosk_settings.h.
#include "core/kiosk_settings.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ww {

// [SECTION] SHA-256

namespace {

constexpr uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// Incremental hashing, so HMAC can hash key pad and message without concatenating them.
class Sha256 {
public:
    Sha256() { reset(); }
    void reset() {
        static constexpr uint32_t kInit[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        std::memcpy(h_, kInit, sizeof h_);
        used_ = 0;
        total_ = 0;
    }
    void update(const void* data, size_t size) {
        const auto* p = static_cast<const uint8_t*>(data);
        total_ += size;
        while (size > 0) {
            const size_t n = std::min(size, sizeof block_ - used_);
            std::memcpy(block_ + used_, p, n);
            used_ += n;
            p += n;
            size -= n;
            if (used_ == sizeof block_) {
                compress();
                used_ = 0;
            }
        }
    }
    std::array<uint8_t, 32> finish() {
        const uint64_t bits = total_ * 8;
        const uint8_t one = 0x80, zero = 0;
        update(&one, 1);
        while (used_ != 56) update(&zero, 1);
        uint8_t len[8];
        for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(bits >> (56 - 8 * i));
        update(len, 8);
        std::array<uint8_t, 32> out{};
        for (int i = 0; i < 8; ++i)
            for (int b = 0; b < 4; ++b) out[i * 4 + b] = static_cast<uint8_t>(h_[i] >> (24 - 8 * b));
        return out;
    }

private:
    void compress() {
        uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = static_cast<uint32_t>(block_[i * 4]) << 24 | static_cast<uint32_t>(block_[i * 4 + 1]) << 16 |
                   static_cast<uint32_t>(block_[i * 4 + 2]) << 8 | block_[i * 4 + 3];
        for (int i = 16; i < 64; ++i) {
            const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
        for (int i = 0; i < 64; ++i) {
            const uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
            const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h_[0] += a;
        h_[1] += b;
        h_[2] += c;
        h_[3] += d;
        h_[4] += e;
        h_[5] += f;
        h_[6] += g;
        h_[7] += h;
    }

    uint32_t h_[8];
    uint8_t block_[64];
    size_t used_ = 0;
    uint64_t total_ = 0;
};

// HMAC with the key's inner and outer states computed once: PBKDF2 then costs two compressions per
// iteration instead of four.
class Hmac {
public:
    explicit Hmac(const std::string& key) {
        uint8_t k[64] = {};
        if (key.size() > 64) {
            const auto d = sha256(key.data(), key.size());
            std::memcpy(k, d.data(), d.size());
        } else {
            std::memcpy(k, key.data(), key.size());
        }
        uint8_t pad[64];
        for (int i = 0; i < 64; ++i) pad[i] = k[i] ^ 0x36;
        inner_.update(pad, 64);
        for (int i = 0; i < 64; ++i) pad[i] = k[i] ^ 0x5c;
        outer_.update(pad, 64);
    }
    std::array<uint8_t, 32> mac(const void* data, size_t size) const {
        Sha256 in = inner_;
        in.update(data, size);
        const auto d = in.finish();
        Sha256 out = outer_;
        out.update(d.data(), d.size());
        return out.finish();
    }

private:
    Sha256 inner_, outer_;
};

bool fromHex(const std::string& s, std::vector<uint8_t>* out) {
    if (s.size() % 2) return false;
    out->clear();
    for (size_t i = 0; i < s.size(); i += 2) {
        unsigned v = 0;
        if (std::sscanf(s.substr(i, 2).c_str(), "%2x", &v) != 1 || !std::isxdigit(static_cast<unsigned char>(s[i])) ||
            !std::isxdigit(static_cast<unsigned char>(s[i + 1])))
            return false;
        out->push_back(static_cast<uint8_t>(v));
    }
    return true;
}

struct ParsedHash {
    int iterations = 0;
    std::vector<uint8_t> salt, hash;
};

std::optional<ParsedHash> parseHash(const std::string& h) {
    static const std::string kPrefix = "pbkdf2-sha256$";
    if (h.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
    const size_t a = kPrefix.size(), b = h.find('$', a), c = b == std::string::npos ? b : h.find('$', b + 1);
    if (c == std::string::npos) return std::nullopt;
    ParsedHash p;
    const std::string iter = h.substr(a, b - a);
    if (iter.empty() || iter.size() > 8 || iter.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    p.iterations = std::stoi(iter);
    if (p.iterations < 1000 || p.iterations > 10000000) return std::nullopt;
    if (!fromHex(h.substr(b + 1, c - b - 1), &p.salt) || p.salt.size() < 8) return std::nullopt;
    if (!fromHex(h.substr(c + 1), &p.hash) || p.hash.size() != 32) return std::nullopt;
    return p;
}

} // namespace

std::array<uint8_t, 32> sha256(const void* data, size_t size) {
    Sha256 s;
    s.update(data, size);
    return s.finish();
}

std::array<uint8_t, 32> hmacSha256(const std::string& key, const void* data, size_t size) {
    return Hmac(key).mac(data, size);
}

std::vector<uint8_t> pbkdf2Sha256(const std::string& password, const std::vector<uint8_t>& salt, int iterations,
                                  size_t length) {
    const Hmac prf(password);
    std::vector<uint8_t> out;
    for (uint32_t block = 1; out.size() < length; ++block) {
        std::vector<uint8_t> first = salt;
        for (int i = 0; i < 4; ++i) first.push_back(static_cast<uint8_t>(block >> (24 - 8 * i)));
        auto u = prf.mac(first.data(), first.size());
        auto t = u;
        for (int i = 1; i < iterations; ++i) {
            u = prf.mac(u.data(), u.size());
            for (size_t k = 0; k < t.size(); ++k) t[k] ^= u[k];
        }
        out.insert(out.end(), t.begin(), t.begin() + std::min(t.size(), length - out.size()));
    }
    return out;
}

std::string toHex(const uint8_t* data, size_t size) {
    static const char* const kDigits = "0123456789abcdef";
    std::string s;
    for (size_t i = 0; i < size; ++i) {
        s += kDigits[data[i] >> 4];
        s += kDigits[data[i] & 15];
    }
    return s;
}

std::string hashPin(const std::string& pin, int iterations) {
    std::vector<uint8_t> salt(16);
    std::ifstream random("/dev/urandom", std::ios::binary);
    if (!random.read(reinterpret_cast<char*>(salt.data()), static_cast<std::streamsize>(salt.size())))
        throw std::runtime_error("cannot read /dev/urandom for the salt");
    const auto h = pbkdf2Sha256(pin, salt, iterations, 32);
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + toHex(salt.data(), salt.size()) + "$" +
           toHex(h.data(), h.size());
}

bool pinHashWellFormed(const std::string& hash) { return parseHash(hash).has_value(); }

bool verifyPin(const std::string& pin, const std::string& hash) {
    const auto p = parseHash(hash);
    if (!p) return false;
    const auto h = pbkdf2Sha256(pin, p->salt, p->iterations, p->hash.size());
    // Constant time: how much of a guess was right must not show in how long the answer takes.
    uint8_t diff = 0;
    for (size_t i = 0; i < h.size(); ++i) diff |= static_cast<uint8_t>(h[i] ^ p->hash[i]);
    return diff == 0;
}

// [SECTION] Opening hours

namespace {

// "08:00-18:00" (also with – or spaces) → day; "closed" → closed day.
std::optional<OpeningHours::Day> parseRange(std::string s) {
    for (const char* dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
        for (size_t at; (at = s.find(dash)) != std::string::npos;) s.replace(at, std::strlen(dash), "-");
    }
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s == "closed" || s == "geschlossen") return OpeningHours::Day{};
    const size_t dash = s.find('-');
    if (dash == std::string::npos) return std::nullopt;
    const std::string a = s.substr(0, dash), b = s.substr(dash + 1);
    const auto open = parseClockTime(a);
    const auto close = b == "24:00" ? std::optional<int>(24 * 60) : parseClockTime(b);
    if (!open || !close || *open < 0 || *close > 24 * 60 || *open >= *close) return std::nullopt;
    return OpeningHours::Day{*open, *close};
}

} // namespace

std::optional<OpeningHours> OpeningHours::daily(const std::string& opens, const std::string& closes) {
    const auto d = parseRange(opens + "-" + closes);
    if (!d || d->open < 0) return std::nullopt;
    OpeningHours h;
    h.days.fill(*d);
    return h;
}

bool OpeningHours::isOpen(const LocalDateTime& t) const {
    const Day& d = days[static_cast<size_t>(weekday(t))];
    const int m = t.hour * 60 + t.minute;
    return d.open >= 0 && m >= d.open && m < d.close;
}

std::optional<LocalDateTime> OpeningHours::nextOpening(const LocalDateTime& t) const {
    if (isOpen(t)) return t;
    const int64_t midnight = asEpochSeconds(t) - (t.hour * 3600 + t.minute * 60 + t.second);
    const int now_s = t.hour * 3600 + t.minute * 60 + t.second;
    for (int ahead = 0; ahead <= 7; ++ahead) {
        const LocalDateTime day = fromEpochSeconds(midnight + int64_t(ahead) * 86400);
        const Day& d = days[static_cast<size_t>(weekday(day))];
        if (d.open < 0) continue;
        if (ahead == 0 && d.open * 60 < now_s) continue;
        return fromEpochSeconds(midnight + int64_t(ahead) * 86400 + d.open * 60);
    }
    return std::nullopt;
}

std::optional<LocalDateTime> OpeningHours::nextClosing(const LocalDateTime& t) const {
    if (!isOpen(t)) return std::nullopt;
    const Day& d = days[static_cast<size_t>(weekday(t))];
    const int64_t midnight = asEpochSeconds(t) - (t.hour * 3600 + t.minute * 60 + t.second);
    return fromEpochSeconds(midnight + int64_t(d.close) * 60);
}

// [SECTION] The settings file

KioskSettings loadKioskSettings(const std::string& path, bool must_exist) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        KioskSettings s;
        if (must_exist)
            s.problems.push_back(path + ": cannot read the settings file (" + std::strerror(errno) +
                                 "); using defaults for everything");
        return s;
    }
    std::stringstream text;
    text << in.rdbuf();
    return parseKioskSettings(text.str(), path);
}

KioskSettings parseKioskSettings(const std::string& text, const std::string& name) {
    KioskSettings s;
    s.source = name;
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        s.problems.push_back(name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()) +
                             "; the file is ignored and every setting has its default");
        return s;
    }
    auto where = [&](const toml::node& n) {
        return name + ":" + std::to_string(n.source().begin.line) + ": ";
    };
    auto str = [&](const toml::table& t, const char* key, std::string* out, const char* what) {
        const toml::node* n = t.get(key);
        if (!n) return false;
        if (const auto* v = n->as_string()) {
            *out = v->get();
            return true;
        }
        s.problems.push_back(where(*n) + key + " must be a text in quotes (" + what + "); ignored");
        return false;
    };
    auto integer = [&](const toml::table& t, const char* key, int lo, int hi, int* out, const char* unit) {
        const toml::node* n = t.get(key);
        if (!n) return;
        const auto* v = n->as_integer();
        if (!v || v->get() < lo || v->get() > hi) {
            s.problems.push_back(where(*n) + key + " must be a whole number of " + unit + " between " +
                                 std::to_string(lo) + " and " + std::to_string(hi) + "; using " + std::to_string(*out));
            return;
        }
        *out = static_cast<int>(v->get());
    };

    static const char* const kKnown[] = {"kiosk", "database", "pin_hash", "wake_minutes", "mounting", "hours"};
    for (const auto& [key, node] : root) {
        const std::string_view name = key.str(); // C++17 lambdas cannot capture a structured binding
        if (std::find_if(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return name == k; }) ==
            std::end(kKnown))
            s.problems.push_back(where(node) + "unknown setting '" + std::string(key.str()) +
                                 "' (known: kiosk, database, pin_hash, wake_minutes, [mounting], [hours]); ignored");
    }
    str(root, "kiosk", &s.kiosk, "this kiosk's id in the content, e.g. \"eingang\"");
    str(root, "database", &s.database, "a path, e.g. \"/var/lib/wegweiser/content.db\"");
    std::string pin;
    if (str(root, "pin_hash", &pin, "the line printed by `wegweiser --hash-pin`")) {
        if (pinHashWellFormed(pin))
            s.pin_hash = pin;
        else
            s.problems.push_back(where(*root.get("pin_hash")) +
                                 "pin_hash is not a hash made by `wegweiser --hash-pin` (a plain PIN is never "
                                 "accepted); the staff menu stays locked until it is fixed");
    }
    integer(root, "wake_minutes", 1, 120, &s.wake_minutes, "minutes");

    if (const toml::node* n = root.get("mounting")) {
        if (const toml::table* m = n->as_table()) {
            integer(*m, "screen_bottom_mm", 0, 3000, &s.screen_bottom_mm, "millimetres");
            integer(*m, "screen_height_mm", 0, 3000, &s.screen_height_mm, "millimetres");
            for (const auto& [key, node] : *m)
                if (key.str() != "screen_bottom_mm" && key.str() != "screen_height_mm")
                    s.problems.push_back(where(node) + "unknown setting 'mounting." + std::string(key.str()) +
                                         "' (known: screen_bottom_mm, screen_height_mm); ignored");
        } else {
            s.problems.push_back(where(*n) + "mounting must be a table: [mounting]; ignored");
        }
    }

    if (const toml::node* n = root.get("hours")) {
        if (const toml::table* h = n->as_table()) {
            static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
            OpeningHours hours;
            bool any = false, bad = false;
            auto range = [&](const char* key, OpeningHours::Day* out) {
                std::string v;
                if (!str(*h, key, &v, "\"08:00-18:00\" or \"closed\"")) return false;
                if (const auto d = parseRange(v)) {
                    *out = *d;
                    return true;
                }
                s.problems.push_back(where(*h->get(key)) + "hours." + key + " = \"" + v +
                                     "\" is not a time range like \"08:00-18:00\" or \"closed\"");
                bad = true;
                return false;
            };
            OpeningHours::Day all;
            if (range("daily", &all)) {
                hours.days.fill(all);
                any = true;
            } else if (!h->get("daily")) {
                // Without a daily range, days that are not named are closed.
            }
            for (size_t d = 0; d < 7; ++d) any |= range(kDays[d], &hours.days[d]);
            for (const auto& [key, node] : *h) {
                const std::string_view name = key.str(); // C++17 lambdas cannot capture a structured binding
                const bool known = name == "daily" || std::find_if(std::begin(kDays), std::end(kDays), [&](const char* k) {
                                                          return name == k;
                                                      }) != std::end(kDays);
                if (!known)
                    s.problems.push_back(where(node) + "unknown setting 'hours." + std::string(key.str()) +
                                         "' (known: daily, mon, tue, wed, thu, fri, sat, sun); ignored");
            }
            if (bad) {
                // Half-understood hours could close the kiosk in the middle of the event: use the event's.
                s.problems.push_back(name + ": the opening hours are ignored; the event's opening hours apply");
            } else if (any) {
                s.hours = hours;
            }
        } else {
            s.problems.push_back(where(*n) + "hours must be a table: [hours]; the event's opening hours apply");
        }
    }
    return s;
}

} // namespace ww
