// The search index (see search.h): a sorted vocabulary of folded words with their postings, a trie
// over it for prefix and one-typo lookups, and a sorted list of inner suffixes for parts of compound
// words ("portal" in "Beteiligungsportal").
#include "core/search.h"

#include <algorithm>
#include <string_view>

namespace ww {

namespace {

// [SECTION] Folding

// Latin Extended-A (U+0100–U+017F) without its marks, one letter per code point. 'J' stands for "ij"
// and 'O' for "oe" (the ligatures).
constexpr char kLatinExtA[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "JJ" "jj" "kkk" "llllllllll"
    "nnnnnnnnn" "oooooo" "OO" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
static_assert(sizeof kLatinExtA - 1 == 0x80, "one letter per code point of Latin Extended-A");

// Appends folded letters; an "e" right after a, o or u is dropped, so "ue" meets "ü" (→ "u").
struct Folder {
    std::string out;
    bool after_vowel = false;

    void put(char ch) {
        if (ch == 'e' && after_vowel) {
            after_vowel = false;
            return;
        }
        out += ch;
        after_vowel = ch == 'a' || ch == 'o' || ch == 'u';
    }
    void put(const char* s) {
        for (; *s; ++s) put(*s);
    }
    void raw(unsigned cp) {
        after_vowel = false;
        if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        }
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }

    void codepoint(unsigned cp) {
        if (cp < 0x80) {
            const char ch = static_cast<char>(cp);
            put(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
            return;
        }
        if (cp >= 0xC0 && cp <= 0xFF) {
            // Latin-1 letters, upper and lower case share the low five bits' meaning.
            switch (cp) {
            case 0xC6: case 0xE6: return put("ae");
            case 0xD0: case 0xF0: return put('d');
            case 0xD7: return put(' '); // ×
            case 0xF7: return put(' '); // ÷
            case 0xDE: case 0xFE: return put("th");
            case 0xDF: return put("ss");
            default: break;
            }
            static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo ouuuuyts" "aaaaaaaceeeeiiiidnooooo ouuuuyty";
            return put(kLatin1[cp - 0xC0]);
        }
        if (cp >= 0x100 && cp <= 0x17F) {
            const char ch = kLatinExtA[cp - 0x100];
            if (ch == 'J') return put("ij");
            if (ch == 'O') return put("oe");
            return put(ch);
        }
        switch (cp) {
        case 0x1E9E: return put("ss"); // capital ß
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return put('-');
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: return put('\'');
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return put('"');
        case 0x00A0: case 0x2009: case 0x202F: return put(' ');
        default: return raw(cp);
        }
    }
};

// Decodes UTF-8 leniently: a broken sequence is skipped, never read past the end.
template <typename F>
void forEachCodepoint(const std::string& s, F&& f) {
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        unsigned cp;
        size_t len;
        if (b < 0x80) { cp = b; len = 1; }
        else if ((b & 0xE0) == 0xC0) { cp = b & 0x1F; len = 2; }
        else if ((b & 0xF0) == 0xE0) { cp = b & 0x0F; len = 3; }
        else if ((b & 0xF8) == 0xF0) { cp = b & 0x07; len = 4; }
        else { ++i; continue; }
        if (i + len > n) break;
        bool ok = true;
        for (size_t k = 1; k < len; ++k) {
            const unsigned char c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) { ok = false; break; }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) { ++i; continue; }
        i += len;
        f(cp);
    }
}

bool isWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isJoiner(char c) { return c == '-' || c == '.' || c == '/' || c == '\'' || c == '_' || c == '&' || c == '+'; }

// Up to `max` bytes, not cutting a UTF-8 sequence.
std::string cutUtf8(const std::string& s, size_t max) {
    if (s.size() <= max) return s;
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

std::string slug(const std::string& folded) {
    std::string out;
    for (char ch : folded) {
        if (isWordByte(static_cast<unsigned char>(ch))) out += ch;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// Words visitors use for each kind of place, in both languages: "Toilette" finds the WC.
const char* poiWords(PoiType t) {
    switch (t) {
    case PoiType::Toilet: return "WC Toilette Toiletten Klo Toilets Restroom";
    case PoiType::AccessibleToilet: return "Barrierefreies WC Behinderten-WC Rollstuhl Toilette Accessible toilet Wheelchair";
    case PoiType::Lift: return "Aufzug Fahrstuhl Lift Elevator";
    case PoiType::Stairs: return "Treppe Treppenhaus Stairs Staircase";
    case PoiType::Escalator: return "Rolltreppe Escalator";
    case PoiType::Exit: return "Ausgang Notausgang Exit";
    case PoiType::InfoDesk: return "Information Info Empfang Anmeldung Counter Reception";
    case PoiType::Cloakroom: return "Garderobe Cloakroom";
    case PoiType::Catering: return "Catering Essen Kaffee Getränke Imbiss Food Coffee Drinks";
    case PoiType::FirstAid: return "Erste Hilfe Sanitäter First aid";
    }
    return "";
}

enum Field : uint8_t { kDescription = 1, kSupporting = 2, kName = 3 };
enum Quality : uint8_t { kFuzzy = 1, kInfix = 2, kPrefix = 3 };
// A term's match in one document, packed so that a larger value is a better match: the tier
// (field, then quality) above a bit for "the whole word".
constexpr uint8_t pack(int field, int quality, bool exact) {
    return static_cast<uint8_t>((field * 4 + quality) * 2 + (exact ? 1 : 0));
}
constexpr int tierOf(uint8_t packed) { return packed >> 1; }

} // namespace

std::string searchFold(const std::string& s) {
    Folder f;
    f.out.reserve(s.size());
    forEachCodepoint(s, [&](unsigned cp) { f.codepoint(cp); });
    return std::move(f.out);
}

std::vector<std::string> searchWords(const std::string& s) {
    const std::string f = searchFold(s);
    std::vector<std::string> out;
    const size_t n = f.size();
    size_t i = 0;
    while (i < n) {
        // One chunk: word bytes, possibly joined by hyphens, dots, slashes.
        while (i < n && !isWordByte(static_cast<unsigned char>(f[i]))) ++i;
        if (i >= n) break;
        std::vector<std::string> parts;
        std::string joined;
        std::string part;
        auto flush = [&] {
            if (!part.empty()) {
                joined += part;
                parts.push_back(std::move(part));
                part.clear();
            }
        };
        while (i < n) {
            const unsigned char c = static_cast<unsigned char>(f[i]);
            if (isWordByte(c)) {
                if (!part.empty() && isDigit(c) != isDigit(static_cast<unsigned char>(part.back()))) flush();
                part += static_cast<char>(c);
                ++i;
            } else if (isJoiner(static_cast<char>(c)) && i + 1 < n && isWordByte(static_cast<unsigned char>(f[i + 1]))) {
                flush();
                ++i;
            } else {
                break;
            }
        }
        flush();
        const bool several = parts.size() > 1;
        for (std::string& p : parts) out.push_back(std::move(p));
        if (several) out.push_back(std::move(joined));
    }
    return out;
}

int prefixDistance(const std::string& query, const std::string& word, int max) {
    const size_t n = query.size();
    // Rows over the query for growing prefixes of the word; the answer is the best last column.
    std::vector<int> prev2(n + 1), prev(n + 1), cur(n + 1);
    for (size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
    int best = prev[n];
    for (size_t i = 1; i <= word.size() && i <= n + static_cast<size_t>(max); ++i) {
        cur[0] = static_cast<int>(i);
        for (size_t j = 1; j <= n; ++j) {
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (word[i - 1] != query[j - 1] ? 1 : 0)});
            if (i >= 2 && j >= 2 && word[i - 1] == query[j - 2] && word[i - 2] == query[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
        }
        best = std::min(best, cur[n]);
        prev2.swap(prev);
        prev.swap(cur);
    }
    return std::min(best, max + 1);
}

const char* searchKindName(SearchKind k) {
    switch (k) {
    case SearchKind::Exhibitor: return "exhibitor";
    case SearchKind::Talk: return "talk";
    case SearchKind::Speaker: return "speaker";
    case SearchKind::Room: return "room";
    case SearchKind::Topic: return "topic";
    case SearchKind::Poi: return "poi";
    }
    return "?";
}

// [SECTION] Building

uint32_t SearchIndex::addDoc(SearchKind kind, const std::string& id, const std::string& name) {
    Doc doc{kind, id, searchFold(name), {}};
    for (char ch : doc.name_key)
        if (isWordByte(static_cast<unsigned char>(ch))) doc.name_letters += ch;
    docs_.push_back(std::move(doc));
    return static_cast<uint32_t>(docs_.size() - 1);
}

void SearchIndex::add(uint32_t doc, uint8_t field, const std::string& text) {
    for (std::string& w : searchWords(text)) {
        if (w.size() > kMaxTermBytes * 2) w = cutUtf8(w, kMaxTermBytes * 2);
        std::vector<Posting>& list = pending_[w];
        if (!list.empty() && list.back().doc == doc) list.back().field = std::max(list.back().field, field);
        else list.push_back({doc, field});
    }
}

SearchIndex::SearchIndex(const Model& m) {
    for (const Exhibitor& e : m.exhibitors) {
        const uint32_t d = addDoc(SearchKind::Exhibitor, e.id, e.name);
        add(d, kName, e.name);
        add(d, kName, e.short_name);
        for (const std::string& s : e.stands) add(d, kSupporting, s);
        for (const std::string& tid : e.topics)
            if (const Topic* t = m.topic(tid)) {
                add(d, kSupporting, t->name.de);
                add(d, kSupporting, t->name.en);
            }
        add(d, kDescription, e.description.de);
        add(d, kDescription, e.description.en);
    }
    std::unordered_map<std::string, size_t> speaker_at;
    std::vector<std::vector<std::pair<int64_t, std::string>>> speaker_talks;
    for (const Talk& t : m.talks) {
        const uint32_t d = addDoc(SearchKind::Talk, t.id, t.title.de);
        add(d, kName, t.title.de);
        add(d, kName, t.title.en);
        for (const Speaker& s : t.speakers) {
            add(d, kSupporting, s.name);
            add(d, kSupporting, s.organisation);
            const std::string id = slug(searchFold(s.name));
            if (id.empty()) continue;
            auto [it, fresh] = speaker_at.emplace(id, speakers_.size());
            if (fresh) {
                speakers_.push_back({id, s.name, s.organisation, {}});
                speaker_talks.emplace_back();
            } else if (speakers_[it->second].organisation.empty()) {
                speakers_[it->second].organisation = s.organisation;
            }
            speaker_talks[it->second].emplace_back(t.start_utc, t.id);
        }
        if (const Topic* tp = m.topic(t.topic)) {
            add(d, kSupporting, tp->name.de);
            add(d, kSupporting, tp->name.en);
        }
        add(d, kDescription, t.abstract.de);
        add(d, kDescription, t.abstract.en);
    }
    for (size_t i = 0; i < speakers_.size(); ++i) {
        auto& list = speaker_talks[i];
        std::sort(list.begin(), list.end());
        for (auto& [start, id] : list)
            if (speakers_[i].talks.empty() || speakers_[i].talks.back() != id) speakers_[i].talks.push_back(id);
        const uint32_t d = addDoc(SearchKind::Speaker, speakers_[i].id, speakers_[i].name);
        add(d, kName, speakers_[i].name);
        add(d, kSupporting, speakers_[i].organisation);
    }
    for (const Room& r : m.rooms) {
        const uint32_t d = addDoc(SearchKind::Room, r.id, r.name.de);
        add(d, kName, r.name.de);
        add(d, kName, r.name.en);
    }
    for (const Topic& t : m.topics) {
        const uint32_t d = addDoc(SearchKind::Topic, t.id, t.name.de);
        add(d, kName, t.name.de);
        add(d, kName, t.name.en);
    }
    for (const Poi& p : m.pois) {
        const uint32_t d = addDoc(SearchKind::Poi, p.id, p.name.de.empty() ? poiWords(p.type) : p.name.de);
        add(d, kName, p.name.de);
        add(d, kName, p.name.en);
        add(d, kName, poiWords(p.type));
    }
    finish();
}

void SearchIndex::finish() {
    words_.reserve(pending_.size());
    for (const auto& [w, list] : pending_) words_.push_back(w);
    std::sort(words_.begin(), words_.end());
    posting_begin_.reserve(words_.size() + 1);
    for (const std::string& w : words_) {
        posting_begin_.push_back(static_cast<uint32_t>(postings_.size()));
        const auto& list = pending_[w];
        postings_.insert(postings_.end(), list.begin(), list.end());
    }
    posting_begin_.push_back(static_cast<uint32_t>(postings_.size()));
    pending_ = {};

    // The trie, breadth first so that every node's children are contiguous.
    nodes_.push_back(Node{0, 0, 0, static_cast<uint32_t>(words_.size()), -1, 0, 0});
    for (size_t k = 0; k < nodes_.size(); ++k) {
        const uint32_t lo = nodes_[k].lo, hi = nodes_[k].hi;
        const uint16_t depth = nodes_[k].depth;
        uint32_t i = lo;
        if (i < hi && words_[i].size() == depth) nodes_[k].word = static_cast<int32_t>(i++);
        nodes_[k].child_begin = static_cast<uint32_t>(nodes_.size());
        while (i < hi) {
            const char ch = words_[i][depth];
            uint32_t j = i;
            while (j < hi && words_[j][depth] == ch) ++j;
            nodes_.push_back(Node{0, 0, i, j, -1, static_cast<uint16_t>(depth + 1), ch});
            i = j;
        }
        nodes_[k].child_end = static_cast<uint32_t>(nodes_.size());
    }

    // Inner suffixes of four letters or more: a query can find the back part of a compound word.
    for (uint32_t w = 0; w < words_.size(); ++w)
        for (size_t off = 1; off + 4 <= words_[w].size(); ++off)
            suffixes_.push_back({w, static_cast<uint16_t>(off)});
    std::sort(suffixes_.begin(), suffixes_.end(), [this](const Suffix& a, const Suffix& b) {
        return std::string_view(words_[a.word]).substr(a.offset) < std::string_view(words_[b.word]).substr(b.offset);
    });
}

const SearchSpeaker* SearchIndex::speaker(const std::string& id) const {
    for (const SearchSpeaker& s : speakers_)
        if (s.id == id) return &s;
    return nullptr;
}

// [SECTION] Querying

void SearchIndex::credit(uint32_t lo, uint32_t hi, int quality, int32_t exact_word, std::vector<uint8_t>& best) const {
    for (uint32_t w = lo; w < hi; ++w) {
        const bool exact = static_cast<int32_t>(w) == exact_word;
        for (uint32_t p = posting_begin_[w]; p < posting_begin_[w + 1]; ++p) {
            const Posting& post = postings_[p];
            const uint8_t v = pack(post.field, quality, exact);
            if (v > best[post.doc]) best[post.doc] = v;
        }
    }
}

struct SearchIndex::Walk {
    const std::string& q;
    std::vector<uint8_t>& best;
    std::vector<uint8_t> rows; // one row of n + 1 distances (capped at 2) per depth
    std::string path;          // the letters from the root to the node
};

void SearchIndex::fuzzyWalk(Walk& w, uint32_t node) const {
    const size_t n = w.q.size();
    const size_t stride = n + 1;
    for (uint32_t k = nodes_[node].child_begin; k < nodes_[node].child_end; ++k) {
        const Node& c = nodes_[k];
        const size_t d = c.depth;
        if (w.rows.size() < (d + 1) * stride) w.rows.resize((d + 1) * stride);
        w.path.resize(d);
        w.path[d - 1] = c.ch;
        const uint8_t* prev = &w.rows[(d - 1) * stride];
        const uint8_t* prev2 = d >= 2 ? &w.rows[(d - 2) * stride] : nullptr;
        uint8_t* row = &w.rows[d * stride];
        row[0] = static_cast<uint8_t>(std::min<size_t>(d, 2));
        uint8_t lowest = row[0];
        for (size_t j = 1; j <= n; ++j) {
            int v = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (c.ch != w.q[j - 1] ? 1 : 0)});
            if (prev2 && j >= 2 && c.ch == w.q[j - 2] && w.path[d - 2] == w.q[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            row[j] = static_cast<uint8_t>(std::min(v, 2));
            lowest = std::min(lowest, row[j]);
        }
        if (row[n] == 0) continue;          // the exact prefix: credited before the walk
        if (row[n] == 1) {                  // every word below starts with the query, one typo apart
            credit(c.lo, c.hi, kFuzzy, -1, w.best);
            continue;
        }
        if (lowest <= 1) fuzzyWalk(w, k);   // still within one edit of some part of the query
    }
}

void SearchIndex::matchTerm(const std::string& term, std::vector<uint8_t>& best) const {
    if (nodes_.empty() || term.empty()) return;
    // Whole words and prefixes: walk down the trie; the subtree is every word starting with the term.
    uint32_t node = 0;
    bool found = true;
    for (char ch : term) {
        const Node& nd = nodes_[node];
        uint32_t next = 0;
        // Children are sorted by letter: a binary search.
        uint32_t lo = nd.child_begin, hi = nd.child_end;
        while (lo < hi) {
            const uint32_t mid = (lo + hi) / 2;
            if (static_cast<unsigned char>(nodes_[mid].ch) < static_cast<unsigned char>(ch)) lo = mid + 1;
            else hi = mid;
        }
        if (lo < nd.child_end && nodes_[lo].ch == ch) next = lo;
        if (!next) {
            found = false;
            break;
        }
        node = next;
    }
    if (found) credit(nodes_[node].lo, nodes_[node].hi, kPrefix, nodes_[node].word, best);

    // Back parts of compound words.
    if (term.size() >= 4) {
        const std::string_view t(term);
        auto it = std::lower_bound(suffixes_.begin(), suffixes_.end(), t, [this](const Suffix& s, std::string_view v) {
            return std::string_view(words_[s.word]).substr(s.offset) < v;
        });
        for (; it != suffixes_.end(); ++it) {
            const std::string_view sv = std::string_view(words_[it->word]).substr(it->offset);
            if (sv.compare(0, t.size(), t) != 0) break;
            credit(it->word, it->word + 1, kInfix, -1, best);
        }
    }

    // One typo in longer words.
    if (term.size() >= kTypoMinLength) {
        Walk w{term, best, {}, {}};
        w.rows.resize(term.size() + 1);
        for (size_t j = 0; j <= term.size(); ++j) w.rows[j] = static_cast<uint8_t>(std::min<size_t>(j, 2));
        fuzzyWalk(w, 0);
    }
}

SearchResults SearchIndex::find(const std::string& query, size_t per_group) const {
    SearchResults out;
    std::vector<std::string> terms;
    for (std::string& t : searchWords(cutUtf8(query, kMaxQueryBytes))) {
        t = cutUtf8(t, kMaxTermBytes);
        if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(std::move(t));
        if (terms.size() == kMaxTerms) break;
    }
    if (terms.empty() || docs_.empty()) return out;

    const size_t n = docs_.size();
    std::vector<uint8_t> best(n);
    std::vector<int> tiers(n, 0), exact(n, 0);
    std::vector<uint8_t> matched(n, 0), fuzzy(n, 0);
    for (const std::string& t : terms) {
        std::fill(best.begin(), best.end(), 0);
        matchTerm(t, best);
        for (size_t d = 0; d < n; ++d) {
            if (!best[d]) continue;
            ++matched[d];
            tiers[d] += tierOf(best[d]);
            exact[d] += best[d] & 1;
            if (tierOf(best[d]) % 4 == kFuzzy) fuzzy[d] = 1;
        }
    }

    std::string whole;
    for (char ch : searchFold(cutUtf8(query, kMaxQueryBytes)))
        if (isWordByte(static_cast<unsigned char>(ch))) whole += ch;
    struct Found {
        uint32_t doc;
        int score;
    };
    std::vector<std::vector<Found>> found(kSearchKindCount);
    std::vector<int> group_best(kSearchKindCount, -1);
    for (size_t d = 0; d < n; ++d) {
        if (matched[d] != terms.size()) continue;
        const Doc& doc = docs_[d];
        int score = tiers[d] * 100 + exact[d] * 10;
        if (doc.name_key.compare(0, terms[0].size(), terms[0]) == 0) score += 5;
        if (doc.name_letters == whole) score += 8; // the query is the whole name
        const int k = static_cast<int>(doc.kind);
        found[k].push_back({static_cast<uint32_t>(d), score});
        group_best[k] = std::max(group_best[k], tiers[d]);
    }
    std::vector<SearchGroup> groups(kSearchKindCount);
    for (int k = 0; k < kSearchKindCount; ++k) {
        auto& list = found[k];
        if (list.empty()) continue;
        // Equal scores: the shorter name is the closer match, then A–Z.
        auto better = [this](const Found& a, const Found& b) {
            if (a.score != b.score) return a.score > b.score;
            const std::string& ka = docs_[a.doc].name_key;
            const std::string& kb = docs_[b.doc].name_key;
            if (ka.size() != kb.size()) return ka.size() < kb.size();
            if (ka != kb) return ka < kb;
            return docs_[a.doc].id < docs_[b.doc].id;
        };
        // Only the shown part needs an order (a one-letter query matches nearly everything).
        const size_t shown = std::min(per_group, list.size());
        std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(shown), list.end(), better);
        SearchGroup& g = groups[k];
        g.kind = static_cast<SearchKind>(k);
        g.total = list.size();
        out.count += g.total;
        for (size_t i = 0; i < list.size() && i < per_group; ++i)
            g.hits.push_back({g.kind, docs_[list[i].doc].id, list[i].score, fuzzy[list[i].doc] != 0});
    }
    std::vector<int> order;
    for (int k = 0; k < kSearchKindCount; ++k)
        if (!groups[k].hits.empty()) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return group_best[a] > group_best[b]; });
    for (int k : order) out.groups.push_back(std::move(groups[k]));
    return out;
}

} // namespace ww
