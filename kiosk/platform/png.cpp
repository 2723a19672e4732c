// Screenshots as small PNGs: the documentation and the smoke tests want images, not 8 MB framebuffers.
#include "platform/backend.h"

#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace ww {

bool writePng(const std::string& path, const uint8_t* rgba, int width, int height, int max_width,
              std::string* error) {
    std::vector<uint8_t> scaled;
    const uint8_t* px = rgba;
    int w = width, h = height;
    if (max_width > 0 && width > max_width) {
        w = max_width;
        h = static_cast<int>(static_cast<long>(height) * max_width / width);
        scaled.resize(static_cast<size_t>(w) * h * 4);
        if (!stbir_resize_uint8(rgba, width, height, 0, scaled.data(), w, h, 0, 4)) {
            if (error) *error = "cannot scale the screenshot";
            return false;
        }
        px = scaled.data();
    }
    // The screen is opaque: RGB keeps the files a quarter smaller.
    std::vector<uint8_t> rgb(static_cast<size_t>(w) * h * 3);
    for (size_t i = 0, n = static_cast<size_t>(w) * h; i < n; ++i) {
        rgb[i * 3 + 0] = px[i * 4 + 0];
        rgb[i * 3 + 1] = px[i * 4 + 1];
        rgb[i * 3 + 2] = px[i * 4 + 2];
    }
    if (!stbi_write_png(path.c_str(), w, h, 3, rgb.data(), w * 3)) {
        if (error) *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

} // namespace ww
