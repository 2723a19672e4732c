// CSV as real spreadsheets write it: comma or semicolon (detected), quoted fields with embedded
// quotes and line breaks, UTF-8 with or without BOM, CRLF, and Windows-1252 from German Excel
// (converted to UTF-8 with a warning that says how to save as UTF-8). Columns are found by header
// name in any order.
#pragma once

#include "content/diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace ww {

struct CsvRow {
    int line = 0;                   // 1-based line in the file where this record starts
    std::vector<std::string> cells; // trimmed of surrounding spaces outside quotes; at most header.size(),
                                    // fewer when the row ends early (use CsvTable::get)
};

struct CsvColumn {
    std::string name;
    bool required = false;
};

struct CsvTable {
    std::string file; // as given to readCsv, used in messages
    char delimiter = ',';
    int headerLine = 1;              // line of the header record (later than 1 after blank lines or "sep=;")
    std::vector<std::string> header; // trimmed; trailing empty header cells are dropped
    std::vector<CsvRow> rows;        // data rows only; rows whose cells are all empty are skipped

    // Index of a column by header name (case-insensitive, surrounding spaces ignored); -1 if absent.
    int column(const std::string& name) const;
    // The cell of `row` in column `name`; "" when the column is absent or the row is short.
    std::string get(const CsvRow& row, const std::string& name) const;
};

// Parses `bytes` (the whole file). Problems go to `diags` as file:line messages. Returns nullopt
// only when nothing usable could be read (binary garbage, UTF-16, no header).
std::optional<CsvTable> readCsv(const std::string& bytes, const std::string& file, Diagnostics& diags);

// Errors for missing required columns, warnings for columns nobody reads (with the known names as
// hint, so a typo like "titel_de" is easy to spot). Returns false if a required column is missing.
bool checkColumns(const CsvTable& table, const std::vector<CsvColumn>& known, Diagnostics& diags);

// Splits a list cell such as "B12; B13" or "ozg, sicherheit" on ';' (and ',' when `commas`),
// trimming each part and dropping empty ones.
std::vector<std::string> splitList(const std::string& cell, bool commas = true);

} // namespace ww
