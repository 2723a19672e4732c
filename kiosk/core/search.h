// Search across the event: exhibitors, talks, speakers, rooms, topics and points of interest. One
// in-memory index is built per content load and queried on every keystroke of the on-screen keyboard,
// so a query costs well under a millisecond. Forgiving the way visitors type on a screen they do not
// know: case, accents and umlauts ("strasse" finds "Straße", "muller" and "mueller" find "Müller"),
// prefixes ("beteil" finds "Beteiligungsportal"), parts of compound words ("portal"), and one typo in
// words of five or more letters.
#pragma once

#include "core/model.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ww {

// [SECTION] Folding
// Lower case, accents dropped, ß as "ss", and umlauts meeting their spelled-out and plain forms:
// "Müller", "Mueller" and "Muller" all fold to "muller" (every "ae", "oe", "ue" folds to the vowel, on
// the content side and the query side alike, so the spellings always meet).
std::string searchFold(const std::string& s);
// The folded words of a text. Parts joined by a hyphen, dot or slash, or at a letter–digit change,
// are words of their own and also joined: "E-Akte" → "e", "akte", "eakte"; "Amt24" → "amt", "24", "amt24".
std::vector<std::string> searchWords(const std::string& s);
// Edit distance (Damerau: insert, delete, replace, swap two neighbours) between `query` and the closest
// prefix of `word`; values above `max` come back as max + 1.
int prefixDistance(const std::string& query, const std::string& word, int max);
// Shortest folded query word that may carry a typo.
constexpr size_t kTypoMinLength = 5;

// [SECTION] Results
enum class SearchKind : uint8_t { Exhibitor, Talk, Speaker, Room, Topic, Poi };
constexpr int kSearchKindCount = 6;
// "exhibitor", "talk", "speaker", "room", "topic", "poi": also the prefix of the result's target id.
const char* searchKindName(SearchKind k);

struct SearchHit {
    SearchKind kind = SearchKind::Exhibitor;
    std::string id;     // the item's id; for speakers the id of SearchIndex::speaker()
    int score = 0;      // higher is better; only comparable within one query
    bool fuzzy = false; // found only by forgiving a typo
};

struct SearchGroup {
    SearchKind kind = SearchKind::Exhibitor;
    size_t total = 0;            // all hits of this kind; `hits` may be cut to the limit
    std::vector<SearchHit> hits; // best first
};

struct SearchResults {
    std::vector<SearchGroup> groups; // the group with the best hit first; ties in the order of SearchKind
    size_t count = 0;                // hits over all groups, before any cut
    bool empty() const { return count == 0; }
};

// Speakers have no record of their own in the model; the index collects them from the talks.
struct SearchSpeaker {
    std::string id;                 // from the folded name: "dr-henrike-voigtlander"
    std::string name;
    std::string organisation;
    std::vector<std::string> talks; // talk ids, earliest first
};

// [SECTION] The index
// Ranking: a match in a name (exhibitor, talk title, speaker, room, topic, place) before one in the
// supporting fields (stands, topics, speakers of a talk, organisation) before one in a description;
// within a field a whole word or prefix before a part of a compound word before a forgiven typo. All
// words of the query must match (in any field). The index owns copies of what it needs: it stays
// valid when the model it was built from goes away.
class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(const Model& m);

    // Hits grouped by kind, each group cut to `per_group` hits. An empty or blank query finds nothing.
    SearchResults find(const std::string& query, size_t per_group = 50) const;
    const SearchSpeaker* speaker(const std::string& id) const;

    size_t documentCount() const { return docs_.size(); }
    size_t wordCount() const { return words_.size(); }

    // Bounds that keep any query cheap (a visitor cannot type more; scripts and tests can).
    static constexpr size_t kMaxQueryBytes = 200;
    static constexpr size_t kMaxTerms = 8;
    static constexpr size_t kMaxTermBytes = 48;

private:
    struct Doc {
        SearchKind kind;
        std::string id;
        std::string name_key;     // the folded name: sort order and "starts with" bonus
        std::string name_letters; // its letters and digits only: "the query is the whole name"
    };
    struct Posting {
        uint32_t doc;
        uint8_t field; // 3 name, 2 supporting, 1 description
    };
    // A trie over the sorted vocabulary; a node's subtree is the word range [lo, hi).
    struct Node {
        uint32_t child_begin = 0, child_end = 0;
        uint32_t lo = 0, hi = 0;
        int32_t word = -1; // the word ending exactly here
        uint16_t depth = 0;
        char ch = 0;
    };
    struct Suffix {
        uint32_t word;
        uint16_t offset;
    };

    uint32_t addDoc(SearchKind kind, const std::string& id, const std::string& name);
    void add(uint32_t doc, uint8_t field, const std::string& text);
    void finish();
    // Credits the words [lo, hi) to the term's best match per document.
    void credit(uint32_t lo, uint32_t hi, int quality, int32_t exact_word, std::vector<uint8_t>& best) const;
    void matchTerm(const std::string& term, std::vector<uint8_t>& best) const;
    struct Walk;
    void fuzzyWalk(Walk& w, uint32_t node) const;

    std::vector<Doc> docs_;
    std::vector<std::string> words_;       // sorted, unique
    std::vector<uint32_t> posting_begin_;  // per word, into postings_ (one extra at the end)
    std::vector<Posting> postings_;
    std::vector<Node> nodes_;
    std::vector<Suffix> suffixes_;         // inner suffixes of the words, sorted: compound parts
    std::vector<SearchSpeaker> speakers_;
    // While building only.
    std::unordered_map<std::string, std::vector<Posting>> pending_;
};

} // namespace ww
