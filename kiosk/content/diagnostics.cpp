#include "content/diagnostics.h"

#include <algorithm>

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

} // namespace ww
