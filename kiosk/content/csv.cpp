// Reads staff CSV files the way spreadsheets and text editors really write them: finds the text
// encoding (UTF-8, or Windows-1252 from German Excel), the delimiter, quoted cells with line breaks,
// and checks the columns by header name. Every problem becomes a file:line diagnostic.
#include "content/csv.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace ww {

namespace {

// [SECTION] Small text helpers

const char* const kSaveAsUtf8Hint =
    "in Excel choose \"Datei → Speichern unter → CSV UTF-8 (durch Trennzeichen getrennt) (*.csv)\"; "
    "in LibreOffice tick \"Filtereinstellungen bearbeiten\" and choose \"Unicode (UTF-8)\"";

// Excel and LibreOffice both stop at 16384 columns; a wider header is not a table.
const size_t kMaxColumns = 16384;

// Real content lists have a few thousand rows. A cell costs some 40 bytes of memory besides its text,
// so without a bound a 64 MB file of one-letter rows would take gigabytes to hold.
const size_t kMaxRows = 100000;
const size_t kMaxCells = 2000000;

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

std::string trimmed(const std::string& s, bool lineBreaksToo = false) {
    auto isSpace = [lineBreaksToo](char c) {
        return isBlank(c) || (lineBreaksToo && (c == '\n' || c == '\r'));
    };
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string s) {
    for (char& c : s)
        c = lowerAscii(c);
    return s;
}

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lowerAscii(a[i]) != lowerAscii(b[i])) return false;
    return true;
}

// Blank cells count as empty: Excel writes ";;;;" lines and cells with just a space or line break.
bool isBlankText(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return isBlank(c) || c == '\n' || c == '\r'; });
}

// Line breaks are LF, CRLF and a lone CR (old Mac Excel), counted the same way everywhere.
int lineAt(const std::string& s, size_t offset) {
    int line = 1;
    for (size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
    }
    return line;
}

std::string hexByte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

// "5 (E)": staff see spreadsheet letters, so name both.
std::string columnLabel(size_t index) {
    std::string letters;
    for (size_t n = index + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return std::to_string(index + 1) + " (" + letters + ")";
}

std::string quotedList(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        if (n.empty()) continue;
        if (!out.empty()) out += ", ";
        out += "\"" + n + "\"";
    }
    return out;
}

// The known name `name` is most likely a typo of, or "" when none is close enough to guess.
std::string closestName(const std::string& name, const std::vector<std::string>& candidates) {
    const std::string key = lowered(name);
    const size_t limit = key.size() <= 3 ? 1 : 2;
    std::string best;
    size_t bestDistance = limit + 1;
    for (const std::string& c : candidates) {
        if (c.empty()) continue;
        // Names differing in length by more than the limit cannot be close; this also keeps absurdly
        // long header cells from costing quadratic time.
        if (c.size() > key.size() + limit || key.size() > c.size() + limit) continue;
        const size_t d = editDistance(key, lowered(c));
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

// [SECTION] Encoding

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Length of the well-formed UTF-8 sequence at s[i] (no overlongs, surrogates or values past
// U+10FFFF), or 0 when the bytes there are not one.
size_t utf8SequenceLength(const std::string& s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return 0;
    for (size_t k = 2; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return len;
}

size_t firstInvalidUtf8(const std::string& s, size_t from) {
    for (size_t i = from; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const size_t len = utf8SequenceLength(s, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string::npos;
}

// Windows-1252 0x80–0x9F; 0 marks the five bytes the code page leaves undefined. 0xA0–0xFF are Latin-1.
const char32_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// Converts s[from..] from Windows-1252; returns the offset of an undefined byte, or npos.
size_t windows1252ToUtf8(const std::string& s, size_t from, std::string& out) {
    out.clear();
    out.reserve((s.size() - from) + (s.size() - from) / 8);
    for (size_t i = from; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out += static_cast<char>(b);
        } else if (b < 0xA0) {
            const char32_t cp = kWindows1252High[b - 0x80];
            if (cp == 0) return i;
            appendUtf8(out, cp);
        } else {
            appendUtf8(out, b);
        }
    }
    return std::string::npos;
}

bool startsWith(const std::string& s, const char* prefix, size_t len) {
    return s.size() >= len && s.compare(0, len, prefix, len) == 0;
}

// UTF-16 without a byte order mark: ASCII text then has a zero byte in every other position.
bool looksLikeUtf16(const std::string& s) {
    const size_t sample = std::min<size_t>(s.size(), 4096) & ~size_t(1);
    if (sample < 4) return false;
    size_t zeroEven = 0, zeroOdd = 0;
    for (size_t i = 0; i < sample; ++i)
        if (s[i] == '\0') ++(i % 2 == 0 ? zeroEven : zeroOdd);
    const size_t most = std::max(zeroEven, zeroOdd), least = std::min(zeroEven, zeroOdd);
    return most * 10 >= sample * 3 && least * 10 <= most;
}

// Text that was read with the wrong encoding once and saved again: "Ã¼" for "ü", "â€ž" for "„".
size_t firstDoubleEncoded(const std::string& s) {
    for (size_t i = 0; i + 2 < s.size(); ++i) {
        if (s[i] != '\xC3') continue;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if (b1 == 0x83 && (b2 == 0xC2 || b2 == 0xC5 || b2 == 0xC6 || b2 == 0xCB || b2 == 0xE2)) return i;
        if (b1 == 0xA2 && b2 == 0xE2 && i + 4 < s.size() && s[i + 3] == '\x82' && s[i + 4] == '\xAC')
            return i;
    }
    return std::string::npos;
}

bool isStrayControl(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

// The file's bytes as UTF-8 text without BOM, or nullopt (reported) when they are not text.
std::optional<std::string> decodeText(const std::string& bytes, const std::string& file, Diagnostics& diags) {
    if (startsWith(bytes, "\xFF\xFE", 2) || startsWith(bytes, "\xFE\xFF", 2) ||
        (bytes.find('\0') != std::string::npos && looksLikeUtf16(bytes))) {
        diags.error(file, 0, "file is saved as UTF-16 (Excel's \"Unicode-Text\"), not UTF-8",
                    kSaveAsUtf8Hint);
        return std::nullopt;
    }
    if (startsWith(bytes, "PK\x03\x04", 4)) {
        diags.error(file, 0, "file is a spreadsheet workbook (.xlsx or .ods), not a CSV file",
                    kSaveAsUtf8Hint);
        return std::nullopt;
    }
    if (startsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        diags.error(file, 0, "file is an Excel 97-2003 workbook (.xls), not a CSV file", kSaveAsUtf8Hint);
        return std::nullopt;
    }
    const size_t nul = bytes.find('\0');
    if (nul != std::string::npos) {
        diags.error(file, lineAt(bytes, nul), "file is not valid text (it contains NUL bytes)",
                    kSaveAsUtf8Hint);
        return std::nullopt;
    }

    const size_t start = startsWith(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
    std::string text;
    const size_t invalid = firstInvalidUtf8(bytes, start);
    if (invalid == std::string::npos) {
        text = bytes.substr(start);
    } else {
        const size_t undefined = windows1252ToUtf8(bytes, start, text);
        if (undefined != std::string::npos) {
            diags.error(file, lineAt(bytes, undefined),
                        "file is not valid text: byte " +
                            hexByte(static_cast<unsigned char>(bytes[undefined])) +
                            " is neither UTF-8 nor Windows-1252",
                        kSaveAsUtf8Hint);
            return std::nullopt;
        }
        diags.warning(file, lineAt(bytes, invalid),
                      "file is saved in Windows-1252 (Excel's \"CSV (Trennzeichen-getrennt)\"), not UTF-8; "
                      "read as Windows-1252",
                      kSaveAsUtf8Hint);
    }

    const size_t controls = static_cast<size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return isStrayControl(static_cast<unsigned char>(c)); }));
    if (controls > 0) {
        const size_t first = static_cast<size_t>(
            std::find_if(text.begin(), text.end(),
                         [](char c) { return isStrayControl(static_cast<unsigned char>(c)); }) -
            text.begin());
        // Real spreadsheets hold at most a stray one pasted from elsewhere; lots of them is binary data.
        if (controls >= 4 && controls * 16 > text.size()) {
            diags.error(file, lineAt(text, first),
                        "file is not valid text (it is full of control characters)", kSaveAsUtf8Hint);
            return std::nullopt;
        }
        const std::string byte = hexByte(static_cast<unsigned char>(text[first]));
        diags.warning(file, lineAt(text, first),
                      controls == 1 ? "removed an invisible control character (byte " + byte + ")"
                                    : "removed " + std::to_string(controls) +
                                          " invisible control characters (the first, byte " + byte +
                                          ", is on this line)",
                      "they were probably pasted into a cell from another program");
        text.erase(std::remove_if(text.begin(), text.end(),
                                  [](char c) { return isStrayControl(static_cast<unsigned char>(c)); }),
                   text.end());
    }

    const size_t garbled = firstDoubleEncoded(text);
    if (garbled != std::string::npos) {
        diags.warning(file, lineAt(text, garbled),
                      "text looks garbled by a wrong encoding (\"Ã¼\" where \"ü\" was meant)",
                      "the file was opened with the wrong encoding and saved again; export it again from the "
                      "original spreadsheet as CSV UTF-8");
    }
    return text;
}

// [SECTION] Records

// End of the physical line starting at `pos` (the offset of its CR or LF, or the text size).
size_t lineEnd(const std::string& s, size_t pos) {
    while (pos < s.size() && s[pos] != '\n' && s[pos] != '\r')
        ++pos;
    return pos;
}

// Offset after the line break at `pos` (CRLF counts as one).
size_t skipLineBreak(const std::string& s, size_t pos) {
    if (pos < s.size() && s[pos] == '\r') {
        ++pos;
        if (pos < s.size() && s[pos] == '\n') ++pos;
    } else if (pos < s.size() && s[pos] == '\n') {
        ++pos;
    }
    return pos;
}

// The delimiter that occurs most in the header line outside quotes; a tab only when it clearly wins.
char detectDelimiter(const std::string& s, size_t pos) {
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; pos < s.size(); ++pos) {
        const char c = s[pos];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
        if (c == '\t') ++tabs;
    }
    if (tabs > commas && tabs > semicolons) return '\t';
    return semicolons > commas ? ';' : ',';
}

class RecordReader {
  public:
    RecordReader(const std::string& text, size_t pos, int line, char delimiter, const std::string& file,
                 Diagnostics& diags)
        : s_(text), pos_(pos), line_(line), delimiter_(delimiter), file_(file), diags_(diags) {}

    bool atEnd() const { return pos_ >= s_.size(); }

    // Reads the next record, keeping at most `keep` cells so that a garbage line of a million
    // delimiters costs no memory. `used` is the count of cells up to the last non-blank one (0 for
    // an empty record). Returns false (and reports it) when a quoted cell runs to the end of the
    // file; nothing after that point is usable.
    bool read(std::vector<std::string>& cells, int& recordLine, size_t keep, size_t& used) {
        cells.clear();
        recordLine = line_;
        used = 0;
        textAfterQuoteReported_ = false;
        for (size_t count = 1;; ++count) {
            std::string* cell = &scratch_;
            if (cells.size() < keep) {
                cells.emplace_back();
                cell = &cells.back();
            } else {
                scratch_.clear();
            }
            if (!readCell(*cell)) return false;
            if (!isBlankText(*cell)) used = count;
            if (pos_ >= s_.size()) return true;
            if (s_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            consumeLineBreak();
            return true;
        }
    }

  private:
    bool isCellEnd(char c) const { return c == delimiter_ || c == '\n' || c == '\r'; }
    bool isPadding(char c) const { return c == ' ' || (c == '\t' && delimiter_ != '\t'); }

    void consumeLineBreak() {
        pos_ = skipLineBreak(s_, pos_);
        ++line_;
    }

    bool readCell(std::string& cell) {
        while (pos_ < s_.size() && isPadding(s_[pos_]))
            ++pos_;
        if (pos_ >= s_.size() || s_[pos_] != '"') {
            const size_t start = pos_;
            while (pos_ < s_.size() && !isCellEnd(s_[pos_]))
                ++pos_;
            size_t end = pos_;
            while (end > start && isBlank(s_[end - 1]))
                --end;
            cell.assign(s_, start, end - start);
            return true;
        }

        const int openingLine = line_;
        ++pos_;
        for (;;) {
            if (pos_ >= s_.size()) {
                diags_.error(
                    file_, openingLine, "quoted field starting here is never closed",
                    "add the closing quote mark; a quote mark inside a cell is written twice (\"\")");
                return false;
            }
            const size_t next = s_.find_first_of("\"\r\n", pos_);
            const size_t stop = next == std::string::npos ? s_.size() : next;
            cell.append(s_, pos_, stop - pos_);
            pos_ = stop;
            if (pos_ >= s_.size()) continue;
            const char c = s_[pos_];
            if (c == '"') {
                if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                    cell += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            // A line break inside quotes belongs to the cell; it is kept as '\n' whatever the file uses.
            cell += '\n';
            ++line_;
            if (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
            ++pos_;
        }

        const size_t tailStart = pos_;
        while (pos_ < s_.size() && !isCellEnd(s_[pos_]))
            ++pos_;
        size_t tailEnd = pos_;
        while (tailEnd > tailStart && isBlank(s_[tailEnd - 1]))
            --tailEnd;
        if (tailEnd > tailStart) {
            // Spreadsheets keep such text too; it usually means an undoubled quote mark inside the cell.
            if (!textAfterQuoteReported_) {
                diags_.warning(file_, line_, "text after the closing quote of a quoted cell",
                               "a quote mark inside a cell is written twice (\"\") and the whole cell put in "
                               "quotes, e.g. \"Das \"\"neue\"\" Portal\"");
                textAfterQuoteReported_ = true;
            }
            cell.append(s_, tailStart, tailEnd - tailStart);
        }
        return true;
    }

    const std::string& s_;
    size_t pos_;
    int line_;
    char delimiter_;
    const std::string& file_;
    Diagnostics& diags_;
    bool textAfterQuoteReported_ = false;
    std::string scratch_;
};

// Excel's "sep=;" first line names the delimiter explicitly.
bool readSepLine(const std::string& text, char& delimiter) {
    const size_t end = lineEnd(text, 0);
    std::string line = text.substr(0, end);
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    if (line.size() != 5 || !equalsIgnoreCase(line.substr(0, 4), "sep=")) return false;
    const char d = line[4];
    if (d != ',' && d != ';' && d != '\t' && d != '|') return false;
    delimiter = d;
    return true;
}

} // namespace

// [SECTION] Table

int CsvTable::column(const std::string& name) const {
    const std::string key = trimmed(name);
    if (key.empty()) return -1;
    for (size_t i = 0; i < header.size(); ++i)
        if (equalsIgnoreCase(header[i], key)) return static_cast<int>(i);
    return -1;
}

std::string CsvTable::get(const CsvRow& row, const std::string& name) const {
    const int i = column(name);
    if (i < 0 || static_cast<size_t>(i) >= row.cells.size()) return "";
    return row.cells[static_cast<size_t>(i)];
}

std::optional<CsvTable> readCsv(const std::string& bytes, const std::string& file, Diagnostics& diags) {
    const std::optional<std::string> decoded = decodeText(bytes, file, diags);
    if (!decoded) return std::nullopt;
    const std::string& text = *decoded;

    CsvTable table;
    table.file = file;

    size_t pos = 0;
    int line = 1;
    char delimiter = 0;
    if (readSepLine(text, delimiter)) {
        pos = skipLineBreak(text, lineEnd(text, 0));
        line = 2;
    }

    // The header is the first line with anything in it; spreadsheets may put blank rows above it.
    size_t headerPos = pos;
    int headerLine = line;
    while (headerPos < text.size()) {
        const size_t end = lineEnd(text, headerPos);
        const bool blank = std::all_of(text.begin() + static_cast<std::ptrdiff_t>(headerPos),
                                       text.begin() + static_cast<std::ptrdiff_t>(end),
                                       [](char c) { return isBlank(c) || c == ',' || c == ';'; });
        if (!blank) break;
        headerPos = skipLineBreak(text, end);
        ++headerLine;
    }
    if (headerPos >= text.size()) {
        diags.error(file, 0, "file is empty", "the first line must name the columns");
        return std::nullopt;
    }
    table.delimiter = delimiter ? delimiter : detectDelimiter(text, headerPos);

    RecordReader reader(text, headerPos, headerLine, table.delimiter, file, diags);
    std::vector<std::string> cells;
    int recordLine = 0;
    size_t used = 0;
    while (used == 0 && !reader.atEnd()) {
        if (!reader.read(cells, recordLine, kMaxColumns + 1, used)) return std::nullopt;
    }
    if (used == 0) {
        diags.error(file, 0, "file is empty", "the first line must name the columns");
        return std::nullopt;
    }
    table.headerLine = recordLine;
    if (used > kMaxColumns) {
        diags.error(file, recordLine,
                    "header has more than " + std::to_string(kMaxColumns) +
                        " columns, more than any spreadsheet",
                    "this is not a table saved as CSV; " + std::string(kSaveAsUtf8Hint));
        return std::nullopt;
    }
    // Trailing empty header cells (Excel writes them for formatted empty columns) carry nothing.
    cells.resize(used);
    for (std::string& name : cells)
        table.header.push_back(trimmed(name, true));

    std::unordered_map<std::string, size_t> firstColumn;
    for (size_t i = 0; i < table.header.size(); ++i) {
        if (table.header[i].empty()) continue;
        const auto [it, isNew] = firstColumn.emplace(lowered(table.header[i]), i);
        if (!isNew) {
            diags.error(file, table.headerLine,
                        "column \"" + table.header[i] + "\" appears twice in the header (columns " +
                            columnLabel(it->second) + " and " + columnLabel(i) + ")",
                        "rename or delete one of them; only the first is read");
        }
    }

    const size_t width = table.header.size();
    std::vector<bool> unnamedReported(width, false);
    int extraCellRows = 0;
    size_t cellCount = 0;
    const int kExtraCellReports = 10;
    while (!reader.atEnd()) {
        if (!reader.read(cells, recordLine, width, used)) break;
        if (used == 0) continue;

        if (used > width) {
            if (++extraCellRows <= kExtraCellReports) {
                diags.warning(
                    file, recordLine,
                    "row has " + std::to_string(used) + " cells but the header has " + std::to_string(width),
                    std::string("the extra cells are ignored; look for a cell that contains \"") +
                        (table.delimiter == '\t' ? std::string("\\t") : std::string(1, table.delimiter)) +
                        "\" without quotes, or add a column name to the header");
            }
        }
        // Short rows stay short (get() reads missing cells as empty); padding them would let a wide
        // header multiply the memory of a long file.
        cells.resize(std::min(used, width));
        for (size_t i = 0; i < cells.size(); ++i) {
            if (table.header[i].empty() && !unnamedReported[i] && !isBlankText(cells[i])) {
                unnamedReported[i] = true;
                diags.warning(file, recordLine,
                              "cell in column " + columnLabel(i) +
                                  " has no column name in the header and is ignored",
                              "write a column name into the header line or delete the column");
            }
        }
        cellCount += cells.size();
        table.rows.push_back(CsvRow{recordLine, std::move(cells)});
        cells = std::vector<std::string>();
        if (table.rows.size() > kMaxRows || cellCount > kMaxCells) {
            diags.error(file, recordLine,
                        table.rows.size() > kMaxRows
                            ? "file has more than " + std::to_string(kMaxRows) + " rows, far more than a content list"
                            : "file has more than " + std::to_string(kMaxCells) + " cells, far more than a content list",
                        "check that this is the right file: content lists hold a few thousand rows at most");
            return std::nullopt;
        }
    }
    if (extraCellRows > kExtraCellReports) {
        diags.warning(file, 0,
                      std::to_string(extraCellRows - kExtraCellReports) +
                          " more rows have more cells than the header",
                      "the extra cells are ignored");
    }
    return table;
}

// [SECTION] Columns and lists

bool checkColumns(const CsvTable& table, const std::vector<CsvColumn>& known, Diagnostics& diags) {
    std::vector<std::string> knownNames;
    for (const CsvColumn& c : known)
        knownNames.push_back(c.name);
    std::vector<std::string> unknownNames;
    for (const std::string& h : table.header) {
        if (h.empty()) continue;
        const bool isKnown = std::any_of(known.begin(), known.end(), [&](const CsvColumn& c) {
            return equalsIgnoreCase(trimmed(c.name), h);
        });
        if (!isKnown) unknownNames.push_back(h);
    }

    bool ok = true;
    for (const CsvColumn& c : known) {
        if (!c.required || table.column(c.name) >= 0) continue;
        ok = false;
        std::string hint =
            "the header has " +
            (quotedList(table.header).empty() ? std::string("no column names") : quotedList(table.header));
        const std::string typo = closestName(c.name, unknownNames);
        if (!typo.empty()) hint += "; is \"" + typo + "\" meant to be \"" + c.name + "\"?";
        diags.error(table.file, table.headerLine, "missing required column \"" + c.name + "\"", hint);
    }
    for (const std::string& name : unknownNames) {
        std::string hint;
        const std::string guess = closestName(name, knownNames);
        if (!guess.empty()) hint = "did you mean \"" + guess + "\"? ";
        hint += "known columns: " + quotedList(knownNames);
        diags.warning(table.file, table.headerLine, "unknown column \"" + name + "\" is ignored", hint);
    }
    return ok;
}

std::vector<std::string> splitList(const std::string& cell, bool commas) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t i = 0; i <= cell.size(); ++i) {
        if (i < cell.size() && cell[i] != ';' && !(commas && cell[i] == ',')) continue;
        std::string part = trimmed(cell.substr(start, i - start), true);
        if (!part.empty()) parts.push_back(std::move(part));
        start = i + 1;
    }
    return parts;
}

} // namespace ww
