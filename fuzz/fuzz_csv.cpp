// libFuzzer target: the CSV reader (readCsv, checkColumns, splitList).
// The rules it checks are in entries.h; how to run it in README.md.
#include "entries.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const wwfuzz::Outcome o = wwfuzz::csv(std::string(reinterpret_cast<const char*>(data), size));
    if (!o.broken.empty()) {
        std::fprintf(stderr, "rule broken: %s\n", o.broken.c_str());
        std::abort();
    }
    return 0;
}
