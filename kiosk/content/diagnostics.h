// Problems found in staff content files. Everything is collected, nothing stops at the first one,
// so staff fix a whole folder in one pass.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ww {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;    // path relative to the content folder, e.g. "exhibitors.csv"
    int line = 0;        // 1-based; 0 = the file as a whole
    int column = 0;      // 1-based; 0 = unknown
    std::string message; // what is wrong, one sentence, no trailing full stop
    std::string hint;    // what would be right ("" = none)
};

class Diagnostics {
public:
    void error(const std::string& file, int line, const std::string& message, const std::string& hint = "",
               int column = 0);
    void warning(const std::string& file, int line, const std::string& message, const std::string& hint = "",
                 int column = 0);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }

    const std::vector<Diagnostic>& items() const { return items_; }
    int errors() const;
    int warnings() const;
    bool hasErrors() const { return errors() > 0; }
    // Sorted by file, then line, for printing.
    void sort();

    // "file:line:col: error: message" then "  hint: …" when there is one.
    static std::string format(const Diagnostic& d);

private:
    std::vector<Diagnostic> items_;
};

// Edits between two names, for "did you mean" hints: insert, delete, replace, or swap two
// neighbouring letters ("titel" / "title" is one edit).
size_t editDistance(const std::string& a, const std::string& b);

} // namespace ww
