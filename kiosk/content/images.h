// Image preparation for the content build: read dimensions before decoding, apply EXIF
// orientation, scale to a display copy and a thumbnail, re-encode. The kiosk never decodes a
// camera file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ww {

// Limits checked from the file header, before any pixels are allocated. Documented in content/README.md.
struct ImageLimits {
    int64_t max_file_bytes = 40 * 1024 * 1024;
    int max_edge = 12000;              // pixels, either side
    int64_t max_pixels = 80'000'000;   // width × height
};

struct ImageProbe {
    bool ok = false;
    std::string format;    // "jpeg", "png", or what was recognised ("gif", "bmp", "tiff", "webp", "heic",
                           // "avif", "svg", "pdf"); "" when unknown
    int width = 0;         // as stored in the file, before orientation
    int height = 0;
    int orientation = 1;   // EXIF orientation 1..8 (1 = upright)
    std::string error;     // when !ok: one sentence for staff, e.g. "HEIC (iPhone photo) is not supported"
    std::string hint;      // when !ok: what would be right, e.g. "export it as JPEG" ("" = none)
};

// Reads only headers: type, dimensions, EXIF orientation, and applies `limits`.
ImageProbe probeImage(const std::vector<uint8_t>& bytes, const ImageLimits& limits = {});

// The EXIF orientation tag of a JPEG (1..8); 1 when absent or unreadable.
int exifOrientation(const std::vector<uint8_t>& bytes);

// A copy of `jpeg` with an EXIF segment saying `orientation` (1..8) right after SOI, replacing any
// EXIF segment it had. Cameras store portrait photos sideways like this; the sample media and the
// tests use it to produce such files. Returns `jpeg` unchanged when it is not a JPEG.
std::vector<uint8_t> withExifOrientation(const std::vector<uint8_t>& jpeg, int orientation,
                                         bool little_endian = false);

struct EncodedImage {
    std::vector<uint8_t> data;
    std::string mime;      // "image/jpeg" or "image/png"
    int width = 0;
    int height = 0;
};

enum class ImageRole {
    Photo, // display copy (long edge ≤ 2560, JPEG) + thumbnail (long edge 480, JPEG)
    Logo,  // display copy (long edge ≤ 512, PNG, alpha kept) + thumbnail (long edge 160, PNG)
    Plan,  // display copy (long edge ≤ 4096, PNG or JPEG as the source) + thumbnail (long edge 480)
};

struct PreparedImage {
    bool ok = false;
    std::string error;     // when !ok: e.g. "corrupt or truncated JPEG: …"
    std::string hint;      // when !ok: what would be right ("" = none)
    EncodedImage display;
    EncodedImage thumb;
};

// Decodes, rotates upright, scales (never enlarges) and encodes. Thread-safe.
PreparedImage prepareImage(const std::vector<uint8_t>& bytes, ImageRole role, const ImageLimits& limits = {});

// Runs fn(0..n-1) on `threads` workers (0 = every core), each index exactly once. Should fn throw,
// the remaining indices still run and the first exception is rethrown once every worker has finished.
void parallelFor(size_t n, const std::function<void(size_t)>& fn, unsigned threads = 0);

} // namespace ww
