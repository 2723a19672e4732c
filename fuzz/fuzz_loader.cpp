// libFuzzer target: the content folder loader (TOML, CSV, schedule export, changes; validateContent).
// The rules it checks are in entries.h; how to run it in README.md.
#include "entries.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

// One folder per process, in memory when the machine has /dev/shm. libFuzzer ends a run without
// running exit handlers, so each start also removes the folders of processes that are gone.
std::string contentDir() {
    namespace fs = std::filesystem;
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const std::string prefix = "ww-fuzz-loader-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(base, ec)) {
        const std::string name = e.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 && !fs::exists("/proc/" + name.substr(prefix.size())))
            fs::remove_all(e.path(), ec);
    }
    const fs::path dir = base / (prefix + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir.string();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string dir = contentDir();
    const wwfuzz::Outcome o =
        wwfuzz::contentFolder(std::string(reinterpret_cast<const char*>(data), size), dir);
    if (!o.broken.empty()) {
        std::fprintf(stderr, "rule broken: %s\n", o.broken.c_str());
        std::abort();
    }
    return 0;
}
