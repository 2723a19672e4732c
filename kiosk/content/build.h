// The content build: load, validate, prepare images on every core, and replace the database
// atomically, so a kiosk never sees a half-written file and a failed build changes nothing.
#pragma once

#include "content/diagnostics.h"
#include "content/images.h"
#include "content/loader.h"
#include "content/validate.h"
#include "core/store.h"

#include <map>
#include <string>
#include <vector>

namespace ww {

struct BuildOptions {
    ImageLimits limits;   // per-file limits, checked from headers before decoding
    TextLimits text;      // lengths that trigger "may not fit the screen" warnings
    unsigned threads = 0; // image preparation workers; 0 = every core
};

struct Compiled {
    LoadedContent content;        // the model, with content_version and built_at filled in
    std::vector<ImageBlob> images;
};

// Loads, validates and prepares every image; all problems go to `diags`. The result is complete
// only when diags has no errors.
Compiled compileContent(const std::string& dir, Diagnostics& diags, const BuildOptions& options = {});

// Hash of every input file's name and bytes (plus the schema version): equal content, equal version.
// `file_hashes` holds hashes already computed for some of the files (images, hashed while prepared).
std::string contentVersion(const std::string& dir, const std::vector<std::string>& files,
                           const std::map<std::string, uint64_t>& file_hashes = {});

// Writes the database next to `db_path` under a temporary name, fsyncs it and renames it over
// `db_path`. Readers that have the old file open keep reading the old file. Throws StoreError;
// on failure the old file is untouched and the temporary file removed.
void replaceDatabase(const std::string& db_path, const Model& model, const std::vector<ImageBlob>& images);

// Temporary files a killed build left next to `db_path` ("<name>.tmp-<pid>-…" whose process is gone).
std::vector<std::string> staleTemporaryFiles(const std::string& db_path);

} // namespace ww
