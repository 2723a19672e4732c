// The content database: one SQLite file holds a whole event. The content tool writes it once per
// build; kiosks open it read-only and load it into a Model.
#pragma once

#include "core/model.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace ww {

// Bumped whenever the tables change. A kiosk refuses a database with a newer schema.
constexpr int kSchemaVersion = 1;

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Encoded image bytes (JPEG or PNG) with their key, as stored by the content tool.
struct ImageBlob {
    ImageInfo info;
    std::vector<uint8_t> data;
};

// Writes `model` and `images` into a new database at `path` (which must not exist), then VACUUMs.
// Throws StoreError.
void writeDatabase(const std::string& path, const Model& model, const std::vector<ImageBlob>& images);

// A read-only view of a content database. Thread-compatible: use one ContentDb per thread.
class ContentDb {
public:
    // Throws StoreError with a message fit for the log: missing file, not a content database,
    // or a schema newer than this kiosk understands.
    explicit ContentDb(const std::string& path);
    ~ContentDb();
    ContentDb(const ContentDb&) = delete;
    ContentDb& operator=(const ContentDb&) = delete;

    Model load();
    // The encoded bytes of one image, empty if there is no such key.
    std::vector<uint8_t> imageBytes(const std::string& key);
    int schemaVersion() const { return schema_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int schema_ = 0;
};

// Convenience: open read-only and load.
Model loadModel(const std::string& path);

} // namespace ww
