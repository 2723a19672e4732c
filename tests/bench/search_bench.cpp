// Search benchmark: time per keystroke while typing realistic queries letter by letter over generated
// content of 1,000 exhibitors and 1,000 talks (German names, compound words, umlauts, long
// descriptions). For comparison it runs the prefix part of the same keystrokes through an SQLite FTS5
// table of the same text. Prints one JSON line.
#include "core/search.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace ww;

namespace {

const char* const kStems[] = {"Verwaltung", "Daten", "Beteiligung", "Sicherheit", "Dienst", "Portal", "Akte", "Netz",
                              "Bürger", "Kommune", "Rechen", "Zentrum", "Leistung", "Antrag", "Straße", "Schule",
                              "Digital", "Souveränität", "Wolke", "Signatur", "Register", "Archiv", "Planung", "Bau",
                              "Förder", "Gebühr", "Meldung", "Prüfung", "Schnittstelle", "Software", "Werk", "Büro",
                              "Zugang", "Karte", "Geo", "Haushalt", "Personal", "Ausweis", "Wahl", "Gesundheit"};
const char* const kWords[] = {"und", "für", "die", "der", "mit", "im", "zeigt", "Kommunen", "Land", "online",
                              "gemeinsam", "sicher", "einfach", "neue", "Lösungen", "Verfahren", "am", "Stand",
                              "Beratung", "Betrieb", "Einführung", "Praxis", "offen", "barrierefrei", "schnell",
                              "vernetzt", "Sachsen", "Dresden", "Leipzig", "Chemnitz", "Meißen", "Görlitz", "Zwickau"};
const char* const kForms[] = {"GmbH", "e. V.", "AG", "eG", "Zweckverband", "Stadt", "Landkreis", "Institut", "Netzwerk"};
const char* const kFirst[] = {"Anna", "Jörg", "Sabine", "Matthias", "Käthe", "Stefan", "Jürgen", "Henrike", "Uwe", "Özlem",
                              "René", "Lena", "Björn", "Maximilian", "Franziska"};
const char* const kLast[] = {"Müller", "Schröder", "Weiß", "Groß", "Voigtländer", "Wünsche", "Krüger", "Becker",
                             "Schäfer", "Hoffmann", "Lößnitz", "Bräuer", "Köhler", "Neumann", "Fuchs"};

template <size_t N>
const char* pick(std::mt19937& rng, const char* const (&list)[N]) {
    return list[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string compound(std::mt19937& rng) { return std::string(pick(rng, kStems)) + lower(pick(rng, kStems)); }

std::string sentence(std::mt19937& rng, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        s += i ? " " : "";
        s += (rng() % 3 == 0) ? compound(rng) : std::string(pick(rng, kWords));
    }
    return s + ".";
}

Model generate() {
    std::mt19937 rng(20220907);
    Model m;
    for (int i = 0; i < 12; ++i) m.topics.push_back({"t" + std::to_string(i), {compound(rng), compound(rng)}});
    for (int i = 0; i < 1000; ++i) {
        Exhibitor e;
        e.id = "ex" + std::to_string(i);
        e.name = compound(rng) + " " + pick(rng, kWords) + " " + pick(rng, kForms);
        e.short_name = pick(rng, kStems);
        e.stands = {std::string(1, static_cast<char>('A' + i % 8)) + std::to_string(i / 8)};
        e.topics = {m.topics[i % 12].id, m.topics[(i * 7) % 12].id};
        e.description = {sentence(rng, 45), sentence(rng, 40)};
        m.exhibitors.push_back(e);
    }
    for (int i = 0; i < 1000; ++i) {
        Talk t;
        t.id = "talk" + std::to_string(i);
        t.title = {sentence(rng, 7), sentence(rng, 7)};
        t.start_utc = 1662534000 + i * 600;
        for (int s = 0; s < 1 + i % 3; ++s)
            t.speakers.push_back({std::string(pick(rng, kFirst)) + " " + pick(rng, kLast), m.exhibitors[(i * 13 + s) % 1000].name});
        t.topic = m.topics[i % 12].id;
        t.abstract = {sentence(rng, 50), sentence(rng, 45)};
        m.talks.push_back(t);
    }
    for (int i = 0; i < 30; ++i) m.rooms.push_back({"r" + std::to_string(i), "eg", {"Saal " + compound(rng), "Hall"}, RoomKind::Room, {}, {}, 0});
    return m;
}

// What visitors type, letter by letter: whole words, umlauts spelled out, a typo, two words, a stand.
const char* const kQueries[] = {"beteiligungsportal", "stadt meissen",  "mueller",       "sicherheit",
                                "digitale souveranitat", "e-akte",     "strasse",       "schnitstelle",
                                "kommune portal",  "b12",             "voigtlaender",  "datenwolke"};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5));
    return v[i];
}

// The same text in an FTS5 table (folded first, as FTS5's own folding knows no "ue" = "ü"), queried
// with prefix terms: how the other choice would have done on the prefix part alone.
std::vector<double> fts5Keystrokes(const Model& m, double* build_ms) {
    sqlite3* db = nullptr;
    std::vector<double> times;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return times;
    const auto b0 = std::chrono::steady_clock::now();
    sqlite3_exec(db, "CREATE VIRTUAL TABLE doc USING fts5(name, extra, body)", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO doc(name, extra, body) VALUES (?, ?, ?)", -1, &ins, nullptr);
    auto put = [&](const std::string& a, const std::string& b, const std::string& c) {
        sqlite3_bind_text(ins, 1, searchFold(a).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, searchFold(b).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, searchFold(c).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(ins);
        sqlite3_reset(ins);
    };
    for (const Exhibitor& e : m.exhibitors) put(e.name, e.stands.front(), e.description.de + " " + e.description.en);
    for (const Talk& t : m.talks) put(t.title.de + " " + t.title.en, t.speakers.front().name, t.abstract.de + " " + t.abstract.en);
    sqlite3_finalize(ins);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    *build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - b0).count();
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT rowid FROM doc WHERE doc MATCH ? ORDER BY bm25(doc, 10.0, 5.0, 1.0) LIMIT 50", -1, &q, nullptr);
    for (const char* query : kQueries) {
        const std::string full = query;
        for (size_t n = 1; n <= full.size(); ++n) {
            std::string expr;
            for (const std::string& w : searchWords(full.substr(0, n))) expr += (expr.empty() ? "\"" : " \"") + w + "\"*";
            if (expr.empty()) continue;
            const auto t0 = std::chrono::steady_clock::now();
            sqlite3_bind_text(q, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
            while (sqlite3_step(q) == SQLITE_ROW) {
            }
            sqlite3_reset(q);
            times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return times;
}

} // namespace

int main() {
    const Model m = generate();
    const auto b0 = std::chrono::steady_clock::now();
    const SearchIndex idx(m);
    const double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - b0).count();

    std::vector<double> times;
    size_t hits = 0;
    for (int round = 0; round < 3; ++round)
        for (const char* query : kQueries) {
            const std::string full = query;
            for (size_t n = 1; n <= full.size(); ++n) {
                const auto t0 = std::chrono::steady_clock::now();
                const SearchResults r = idx.find(full.substr(0, n));
                times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                hits += r.count;
            }
        }
    double fts_build = 0;
    const std::vector<double> fts = fts5Keystrokes(m, &fts_build);

    std::printf("{\"bench\":\"search\",\"exhibitors\":%zu,\"talks\":%zu,\"documents\":%zu,\"words\":%zu,"
                "\"index_build_ms\":%.2f,\"keystrokes\":%zu,\"keystroke_ms\":{\"median\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
                "\"hits\":%zu,\"fts5_prefix_only\":{\"build_ms\":%.2f,\"median\":%.3f,\"p99\":%.3f,\"max\":%.3f}}\n",
                m.exhibitors.size(), m.talks.size(), idx.documentCount(), idx.wordCount(), build_ms, times.size(),
                percentile(times, 0.5), percentile(times, 0.99), *std::max_element(times.begin(), times.end()), hits,
                fts_build, fts.empty() ? 0.0 : percentile(fts, 0.5), fts.empty() ? 0.0 : percentile(fts, 0.99),
                fts.empty() ? 0.0 : *std::max_element(fts.begin(), fts.end()));
    return 0;
}
