#include "content/diagnostics.h"

#include <algorithm>
#include <vector>

namespace ww {

void Diagnostics::error(const std::string& file, int line, const std::string& message, const std::string& hint,
                        int column) {
    items_.push_back({Severity::Error, file, line, column, message, hint});
}

void Diagnostics::warning(const std::string& file, int line, const std::string& message, const std::string& hint,
                          int column) {
    items_.push_back({Severity::Warning, file, line, column, message, hint});
}

int Diagnostics::errors() const {
    return static_cast<int>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int Diagnostics::warnings() const { return static_cast<int>(items_.size()) - errors(); }

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.line < b.line;
    });
}

std::string Diagnostics::format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.hint.empty()) out += "\n  hint: " + d.hint;
    return out;
}

// Optimal string alignment distance: a swapped pair of letters ("titel" / "title") is one edit.
size_t editDistance(const std::string& a, const std::string& b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
    for (size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace ww
