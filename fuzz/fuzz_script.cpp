// libFuzzer target: the script reader (parseScriptLine on every line, nothing is run).
// The rules it checks are in entries.h; how to run it in README.md.
#include "entries.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const wwfuzz::Outcome o = wwfuzz::script(std::string(reinterpret_cast<const char*>(data), size));
    if (!o.broken.empty()) {
        std::fprintf(stderr, "rule broken: %s\n", o.broken.c_str());
        std::abort();
    }
    return 0;
}
