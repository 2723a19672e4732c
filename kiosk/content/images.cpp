// Image preparation for the content build: header probing against the limits, EXIF orientation,
// decode → shrink → turn upright → encode, and the small worker pool that prepares many at once.
// Everything here reads files staff dropped into a folder, so every byte access is bounds-checked.
#include "content/images.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>

namespace ww {
namespace {

// [SECTION] Byte reading

uint32_t be16(const uint8_t* p) { return uint32_t(p[0]) << 8 | p[1]; }
uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

bool startsWith(const std::vector<uint8_t>& b, size_t at, const char* text, size_t len)
{
    return at <= b.size() && len <= b.size() - at && std::memcmp(b.data() + at, text, len) == 0;
}

bool isJpeg(const std::vector<uint8_t>& b) { return b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF; }
bool isPng(const std::vector<uint8_t>& b) { return startsWith(b, 0, "\x89PNG", 4); }

// [SECTION] Recognising what staff dropped in

struct Unsupported {
    const char* format;
    const char* error;
    const char* hint;
};

const Unsupported kUnknown{"", "not a JPEG or PNG image", "save it as JPEG (photos) or PNG (logos, drawings)"};

// Formats people plausibly export by accident, named so the message can say what to do instead.
const Unsupported* recogniseOther(const std::vector<uint8_t>& b)
{
    static const Unsupported gif{"gif", "GIF images are not supported", "save it as PNG"};
    static const Unsupported bmp{"bmp", "BMP images are not supported", "save it as PNG or JPEG"};
    static const Unsupported tiff{"tiff", "TIFF images are not supported",
                                  "export it as JPEG (photos) or PNG (logos, drawings)"};
    static const Unsupported webp{"webp", "WebP images are not supported", "save it as JPEG or PNG"};
    static const Unsupported heic{"heic", "HEIC (iPhone photo) is not supported",
                                  "export it as JPEG (on the iPhone: Settings › Camera › Formats › Most Compatible)"};
    static const Unsupported avif{"avif", "AVIF images are not supported", "export it as JPEG"};
    static const Unsupported svg{"svg", "SVG drawings are not supported", "export it as PNG, at least 512 px wide"};
    static const Unsupported pdf{"pdf", "PDF documents are not supported as images", "export the page as PNG"};

    if (startsWith(b, 0, "GIF87a", 6) || startsWith(b, 0, "GIF89a", 6))
        return &gif;
    if (startsWith(b, 0, "BM", 2) && b.size() >= 18) {
        // "BM" alone is too weak a signature (a text file may start with it); the DIB header size
        // that follows the 14-byte file header takes one of a few known values.
        uint32_t dib = b[14] | uint32_t(b[15]) << 8 | uint32_t(b[16]) << 16 | uint32_t(b[17]) << 24;
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return &bmp;
    }
    if (startsWith(b, 0, "II*\0", 4) || startsWith(b, 0, "MM\0*", 4))
        return &tiff;
    if (startsWith(b, 0, "RIFF", 4) && startsWith(b, 8, "WEBP", 4))
        return &webp;
    if (startsWith(b, 4, "ftyp", 4) && b.size() >= 16) {
        // ISO base media file: the major brand, then the compatible brands up to the box end.
        size_t box = std::min<size_t>(be32(b.data()), b.size());
        auto brand = [&](size_t at, const char* name) { return startsWith(b, at, name, 4); };
        if (brand(8, "avif") || brand(8, "avis"))
            return &avif;
        for (const char* name : {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"}) {
            if (!brand(8, name))
                continue;
            for (size_t at = 16; at + 4 <= box; at += 4)
                if (brand(at, "avif"))
                    return &avif;
            return &heic;
        }
    }
    if (startsWith(b, 0, "%PDF", 4))
        return &pdf;
    // SVG is text: look for the root element near the start, after an optional BOM and XML prolog.
    size_t head = std::min<size_t>(b.size(), 1024);
    std::string text(b.begin(), b.begin() + head);
    size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && text[first] == '<' && text.find("<svg") != std::string::npos)
        return &svg;
    return nullptr;
}

// [SECTION] JPEG markers and EXIF

struct JpegHeader {
    bool ok = false;
    std::string problem;   // when !ok, completes "not a readable image: …"
    int width = 0;
    int height = 0;
    size_t exif_offset = 0; // the TIFF structure inside the APP1 "Exif" segment
    size_t exif_size = 0;   // 0 = no EXIF
    size_t scan_offset = 0; // where the first scan (the compressed pixels) starts
};

bool isStartOfFrame(uint8_t m)
{
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// Walks the marker segments from SOI to the first scan; never reads past `b`.
JpegHeader readJpegHeader(const std::vector<uint8_t>& b)
{
    JpegHeader h;
    const uint8_t* p = b.data();
    const size_t n = b.size();
    bool frame = false;
    size_t pos = 2;
    for (;;) {
        if (pos >= n) {
            h.problem = frame ? "the JPEG file ends before its image data" : "the JPEG header ends before the image size";
            return h;
        }
        if (p[pos] != 0xFF) {
            h.problem = "the JPEG header is damaged";
            return h;
        }
        while (pos < n && p[pos] == 0xFF) // fill bytes may precede any marker
            ++pos;
        if (pos >= n)
            continue;
        const uint8_t marker = p[pos++];
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) // markers without a length
            continue;
        if (marker == 0x00 || marker == 0xD8 || marker == 0xD9) {
            h.problem = marker == 0xD9 ? "the JPEG file ends before its image data" : "the JPEG header is damaged";
            return h;
        }
        if (n - pos < 2) {
            pos = n;
            continue;
        }
        const size_t length = be16(p + pos); // counts its own two bytes
        if (length < 2) {
            h.problem = "the JPEG header is damaged";
            return h;
        }
        if (length > n - pos) {
            pos = n;
            continue;
        }
        const uint8_t* segment = p + pos + 2;
        const size_t size = length - 2;
        if (marker == 0xE1 && h.exif_size == 0 && size > 6 && std::memcmp(segment, "Exif\0\0", 6) == 0) {
            h.exif_offset = pos + 2 + 6;
            h.exif_size = size - 6;
        } else if (isStartOfFrame(marker) && !frame) {
            if (size < 6) {
                h.problem = "the JPEG header is damaged";
                return h;
            }
            h.height = int(be16(segment + 1));
            h.width = int(be16(segment + 3));
            if (h.width == 0 || h.height == 0) {
                h.problem = "the JPEG header gives no image size";
                return h;
            }
            frame = true;
        } else if (marker == 0xDA) {
            if (!frame) {
                h.problem = "the JPEG header gives no image size";
                return h;
            }
            h.scan_offset = pos - 1;
            h.ok = true;
            return h;
        }
        pos += length;
    }
}

// Entropy-coded data cannot contain FF D9 (0xFF is stuffed as FF 00), so an end-of-image marker
// after the first scan means the file is complete. stb_image decodes a cut-off file without
// complaint and fills the missing part with grey, which is why this is checked separately.
bool jpegIsComplete(const std::vector<uint8_t>& b, size_t scan_offset)
{
    for (size_t i = b.size() - 1; i > scan_offset; --i)
        if (b[i] == 0xD9 && b[i - 1] == 0xFF)
            return true;
    return false;
}

int tiffOrientation(const uint8_t* t, size_t n)
{
    if (n < 8)
        return 1;
    bool little;
    if (t[0] == 'I' && t[1] == 'I')
        little = true;
    else if (t[0] == 'M' && t[1] == 'M')
        little = false;
    else
        return 1;
    auto u16 = [&](size_t at) -> uint32_t { return little ? t[at] | uint32_t(t[at + 1]) << 8 : be16(t + at); };
    auto u32 = [&](size_t at) -> uint32_t {
        return little ? t[at] | uint32_t(t[at + 1]) << 8 | uint32_t(t[at + 2]) << 16 | uint32_t(t[at + 3]) << 24
                      : be32(t + at);
    };
    if (u16(2) != 42)
        return 1;
    const size_t ifd = u32(4);
    if (ifd > n || n - ifd < 2)
        return 1;
    const size_t entries = u16(ifd);
    for (size_t i = 0; i < entries; ++i) {
        const size_t e = ifd + 2 + 12 * i;
        if (e > n || n - e < 12)
            break;
        if (u16(e) != 0x0112)
            continue;
        const uint32_t type = u16(e + 2);
        const uint32_t count = u32(e + 4);
        uint32_t value = 0;
        if (count >= 1 && type == 3) // SHORT, as the standard says
            value = u16(e + 8);
        else if (count >= 1 && type == 4) // LONG, written by some tools
            value = u32(e + 8);
        return value >= 1 && value <= 8 ? int(value) : 1;
    }
    return 1;
}

// [SECTION] PNG header

struct PngHeader {
    bool ok = false;
    std::string problem;
    int64_t width = 0;
    int64_t height = 0;
};

PngHeader readPngHeader(const std::vector<uint8_t>& b)
{
    PngHeader h;
    if (b.size() >= 8 && !startsWith(b, 0, "\x89PNG\r\n\x1A\n", 8)) {
        h.problem = "the PNG signature is damaged (was the file copied as text?)";
        return h;
    }
    if (b.size() < 8 + 8 + 13) {
        h.problem = "the PNG header ends before the image size";
        return h;
    }
    if (!startsWith(b, 12, "IHDR", 4) || be32(b.data() + 8) < 13) {
        h.problem = "the PNG header is damaged";
        return h;
    }
    h.width = be32(b.data() + 16);
    h.height = be32(b.data() + 20);
    if (h.width == 0 || h.height == 0) {
        h.problem = "the PNG header gives no image size";
        return h;
    }
    h.ok = true;
    return h;
}

// Bytes of inflated pixel data a PNG with this header needs at most: a filter byte and the packed
// pixels of every row, plus for interlaced files the extra rows and part bytes of the seven passes.
int64_t pngDataBound(const std::vector<uint8_t>& b, int64_t w, int64_t h)
{
    const int depth = b[24], colour = b[25], interlaced = b[28];
    const int channels = colour == 2 ? 3 : colour == 4 ? 2 : colour == 6 ? 4 : 1;
    const int64_t row = (w * channels * std::max(depth, 1) + 7) / 8 + 1;
    return h * row + (interlaced ? 16 * h + 64 : 0);
}

// What would make stb_image take far more memory than this PNG's size can need, or "" for nothing.
// stb reserves a chunk's stated length before reading it (a few bytes claiming 2 GB take 2 GB), and it
// inflates the pixel data into a buffer that grows with whatever the stream holds (a small file whose
// data inflates to gigabytes, a "zip bomb"). Inflating once into a buffer of the size the header
// allows bounds the second. Other damage is left to the decoder, which names it.
std::string pngMemoryProblem(const std::vector<uint8_t>& b, int64_t bound)
{
    std::vector<char> idat;
    for (size_t pos = 8; pos + 8 <= b.size();) {
        const size_t length = be32(b.data() + pos);
        if (length > b.size() - pos - 8)
            return "a chunk is longer than the rest of the file";
        if (startsWith(b, pos + 4, "IDAT", 4))
            idat.insert(idat.end(), b.begin() + long(pos + 8), b.begin() + long(pos + 8 + length));
        if (startsWith(b, pos + 4, "IEND", 4))
            break;
        pos += 12 + length;
    }
    // Deflate inflates at most 1032-fold: data this short cannot overrun the bound.
    if (int64_t(idat.size()) * 1032 + 64 <= bound || bound >= INT_MAX || idat.size() > size_t(INT_MAX))
        return "";
    // Uninitialised on purpose: only the pages the data reaches are touched.
    std::unique_ptr<char[]> out(new char[size_t(bound)]);
    if (stbi_zlib_decode_buffer(out.get(), int(bound), idat.data(), int(idat.size())) >= 0)
        return "";
    const char* reason = stbi_failure_reason();
    if (reason && std::strcmp(reason, "output buffer limit") == 0)
        return "its pixel data inflates to more than the image's size holds";
    return "";
}

// [SECTION] Messages

std::string megabytes(int64_t bytes)
{
    char text[32];
    const double mb = double(bytes) / (1024.0 * 1024.0);
    if (bytes < 1024 * 1024)
        std::snprintf(text, sizeof text, "%.0f KB", double(bytes) / 1024.0);
    else if (bytes % (1024 * 1024) == 0)
        std::snprintf(text, sizeof text, "%.0f MB", mb);
    else
        std::snprintf(text, sizeof text, "%.1f MB", mb);
    return text;
}

std::string megapixels(int64_t pixels)
{
    char text[32];
    if (pixels % 1'000'000 == 0)
        std::snprintf(text, sizeof text, "%lld megapixels", static_cast<long long>(pixels / 1'000'000));
    else
        std::snprintf(text, sizeof text, "%.1f megapixels", double(pixels) / 1e6);
    return text;
}

// [SECTION] Pixels

struct View {
    const uint8_t* px = nullptr;
    int w = 0;
    int h = 0;
    int c = 0;
};

struct Raster {
    int w = 0;
    int h = 0;
    int c = 0;
    std::vector<uint8_t> px;

    Raster(int w_, int h_, int c_) : w(w_), h(h_), c(c_), px(size_t(w_) * size_t(h_) * size_t(c_)) {}
    View view() const { return {px.data(), w, h, c}; }
};

struct StbFree {
    void operator()(uint8_t* p) const { stbi_image_free(p); }
};

bool hasTransparency(View v)
{
    const size_t count = size_t(v.w) * size_t(v.h);
    for (size_t i = 0; i < count; ++i)
        if (v.px[i * 4 + 3] != 255)
            return true;
    return false;
}

// RGBA → RGB over white: a photo or drawing has no use for transparency, and JPEG cannot keep it.
Raster flattenOnWhite(View v)
{
    Raster out(v.w, v.h, 3);
    const size_t count = size_t(v.w) * size_t(v.h);
    for (size_t i = 0; i < count; ++i) {
        const uint8_t* s = v.px + i * 4;
        const uint32_t a = s[3];
        for (int k = 0; k < 3; ++k)
            out.px[i * 3 + k] = uint8_t((s[k] * a + 255 * (255 - a) + 127) / 255);
    }
    return out;
}

// The largest size with the same aspect whose long edge is at most `edge`; never larger than now.
void fitInside(int w, int h, int edge, int& ow, int& oh)
{
    const int longest = std::max(w, h);
    if (longest <= edge) {
        ow = w;
        oh = h;
        return;
    }
    const double scale = double(edge) / longest;
    ow = w >= h ? edge : std::max(1, int(w * scale + 0.5));
    oh = h > w ? edge : std::max(1, int(h * scale + 0.5));
}

bool shrink(View in, int ow, int oh, std::unique_ptr<Raster>& out)
{
    out = std::make_unique<Raster>(ow, oh, in.c);
    const int alpha = in.c == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE;
    return stbir_resize_uint8_srgb(in.px, in.w, in.h, 0, out->px.data(), ow, oh, 0, in.c, alpha, 0) != 0;
}

// Turns stored pixels upright per EXIF orientation. Output pixel (x, y) reads source pixel
// (ax·x + bx·y + cx, ay·x + by·y + cy), so each row is one start offset and one constant step.
Raster orient(View in, int orientation)
{
    const bool swap = orientation >= 5;
    Raster out(swap ? in.h : in.w, swap ? in.w : in.h, in.c);
    const long W = in.w - 1, H = in.h - 1;
    long ax = 0, bx = 0, cx = 0, ay = 0, by = 0, cy = 0;
    switch (orientation) {
    case 2: ax = -1, cx = W, by = 1; break;                 // mirrored left-right
    case 3: ax = -1, cx = W, by = -1, cy = H; break;        // upside down
    case 4: ax = 1, by = -1, cy = H; break;                 // mirrored top-bottom
    case 5: bx = 1, ay = 1; break;                          // transposed
    case 6: bx = 1, ay = -1, cy = H; break;                 // needs a quarter turn clockwise
    case 7: bx = -1, cx = W, ay = -1, cy = H; break;        // transversed
    case 8: bx = -1, cx = W, ay = 1; break;                 // needs a quarter turn anticlockwise
    default: ax = 1, by = 1; break;
    }
    const long c = in.c;
    const long step = (ay * in.w + ax) * c;
    uint8_t* dst = out.px.data();
    for (long y = 0; y < out.h; ++y) {
        const long sx = bx * y + cx, sy = by * y + cy;
        const uint8_t* src = in.px + (sy * in.w + sx) * c;
        for (long x = 0; x < out.w; ++x, src += step, dst += c)
            std::memcpy(dst, src, size_t(c));
    }
    return out;
}

void appendTo(void* context, void* data, int size)
{
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

constexpr int kJpegQuality = 85;

bool encode(View v, bool jpeg, EncodedImage& out)
{
    out.data.clear();
    out.width = v.w;
    out.height = v.h;
    out.mime = jpeg ? "image/jpeg" : "image/png";
    // Only the *_to_func writers: they use no global state we would have to set (no flip flag).
    const int ok = jpeg ? stbi_write_jpg_to_func(appendTo, &out.data, v.w, v.h, v.c, v.px, kJpegQuality)
                        : stbi_write_png_to_func(appendTo, &out.data, v.w, v.h, v.c, v.px, v.w * v.c);
    return ok != 0 && !out.data.empty();
}

struct RoleSizes {
    int display_edge;
    int thumb_edge;
};

RoleSizes sizesFor(ImageRole role)
{
    switch (role) {
    case ImageRole::Logo: return {512, 160};
    case ImageRole::Plan: return {4096, 480};
    case ImageRole::Photo: break;
    }
    return {2560, 480};
}

PreparedImage failed(std::string error, std::string hint)
{
    PreparedImage out;
    out.error = std::move(error);
    out.hint = std::move(hint);
    return out;
}

PreparedImage prepare(const std::vector<uint8_t>& bytes, ImageRole role, const ImageLimits& limits)
{
    const ImageProbe probe = probeImage(bytes, limits);
    if (!probe.ok)
        return failed(probe.error, probe.hint);
    const bool png = probe.format == "png";
    const std::string kind = png ? "PNG" : "JPEG";
    const char* resave = "copy the file again from its original source, or open and save it again";
    if (!png && !jpegIsComplete(bytes, readJpegHeader(bytes).scan_offset))
        return failed("corrupt or truncated JPEG: the file ends before the image data does", resave);
    if (bytes.size() > size_t(INT_MAX))
        return failed("file is too large to decode", "save it with fewer pixels");

    if (png) {
        const std::string problem = pngMemoryProblem(bytes, pngDataBound(bytes, probe.width, probe.height));
        if (!problem.empty())
            return failed("corrupt or truncated PNG: " + problem, resave);
    }

    // PNGs are decoded with alpha so transparency is seen; JPEG has none.
    const int channels = png ? 4 : 3;
    int w = 0, h = 0, stored = 0;
    std::unique_ptr<uint8_t, StbFree> decoded(
        stbi_load_from_memory(bytes.data(), int(bytes.size()), &w, &h, &stored, channels));
    if (!decoded) {
        const char* reason = stbi_failure_reason(); // thread-local in this stb_image
        return failed("corrupt or truncated " + kind + ": " + (reason ? reason : "unknown error"), resave);
    }

    View current{decoded.get(), w, h, channels};
    std::unique_ptr<Raster> flat;
    if (png && role != ImageRole::Logo) {
        // Logos keep their alpha; photos and plans are flattened (JPEG has none, and an opaque
        // RGB plan is a quarter smaller).
        if (role == ImageRole::Photo || !hasTransparency(current)) {
            flat = std::make_unique<Raster>(flattenOnWhite(current));
            decoded.reset();
            current = flat->view();
        }
    }
    const bool jpegOut = role == ImageRole::Photo || (role == ImageRole::Plan && !png);
    const RoleSizes sizes = sizesFor(role);

    // Scale first, then turn: the turn is cheaper on fewer pixels and the long edge is the same.
    int dw = 0, dh = 0;
    fitInside(w, h, sizes.display_edge, dw, dh);
    std::unique_ptr<Raster> scaled;
    if (dw != w || dh != h) {
        if (!shrink(current, dw, dh, scaled))
            return failed("could not scale the image", "save it with fewer pixels");
        decoded.reset();
        flat.reset();
        current = scaled->view();
    }
    std::unique_ptr<Raster> upright;
    if (probe.orientation != 1) {
        upright = std::make_unique<Raster>(orient(current, probe.orientation));
        current = upright->view();
    }

    PreparedImage out;
    if (!encode(current, jpegOut, out.display))
        return failed("could not encode the " + kind + " display copy", "");

    // The thumbnail comes from the display copy: a fraction of the work of scaling the original.
    int tw = 0, th = 0;
    fitInside(current.w, current.h, sizes.thumb_edge, tw, th);
    std::unique_ptr<Raster> small;
    View thumb = current;
    if (tw != current.w || th != current.h) {
        if (!shrink(current, tw, th, small))
            return failed("could not scale the image", "save it with fewer pixels");
        thumb = small->view();
    }
    if (!encode(thumb, jpegOut, out.thumb))
        return failed("could not encode the " + kind + " thumbnail", "");
    out.ok = true;
    return out;
}

} // namespace

// [SECTION] Public API

ImageProbe probeImage(const std::vector<uint8_t>& bytes, const ImageLimits& limits)
{
    ImageProbe probe;
    auto fail = [&](std::string error, std::string hint) {
        probe.error = std::move(error);
        probe.hint = std::move(hint);
        return probe;
    };
    if (bytes.empty())
        return fail("file is empty", "copy the image again; the copy that is here has no content");

    const bool jpeg = isJpeg(bytes);
    const bool png = !jpeg && isPng(bytes);
    if (!jpeg && !png) {
        const Unsupported* other = recogniseOther(bytes);
        if (!other)
            other = &kUnknown;
        probe.format = other->format;
        return fail(other->error, other->hint);
    }
    probe.format = jpeg ? "jpeg" : "png";

    if (int64_t(bytes.size()) > limits.max_file_bytes)
        return fail("file is " + megabytes(int64_t(bytes.size())) + "; the limit is " + megabytes(limits.max_file_bytes),
                    "save it with fewer pixels or more compression (4000 px on the long edge is plenty)");

    int64_t width = 0, height = 0;
    if (jpeg) {
        const JpegHeader header = readJpegHeader(bytes);
        if (!header.ok)
            return fail("not a readable image: " + header.problem, "copy the file again from its original source");
        width = header.width;
        height = header.height;
        probe.orientation = tiffOrientation(bytes.data() + header.exif_offset, header.exif_size);
    } else {
        const PngHeader header = readPngHeader(bytes);
        if (!header.ok)
            return fail("not a readable image: " + header.problem, "copy the file again from its original source");
        width = header.width;
        height = header.height;
    }
    probe.width = int(std::min<int64_t>(width, INT_MAX));
    probe.height = int(std::min<int64_t>(height, INT_MAX));

    if (width > limits.max_edge || height > limits.max_edge || width * height > limits.max_pixels)
        return fail("image is " + std::to_string(width) + " × " + std::to_string(height) + " px; the limit is " +
                        std::to_string(limits.max_edge) + " px per side and " + megapixels(limits.max_pixels),
                    "scale it down, e.g. to 4000 px on the long edge");
    probe.ok = true;
    return probe;
}

int exifOrientation(const std::vector<uint8_t>& bytes)
{
    if (!isJpeg(bytes))
        return 1;
    const JpegHeader header = readJpegHeader(bytes);
    // A header cut off after the EXIF segment still tells the orientation.
    if (header.exif_size == 0)
        return 1;
    return tiffOrientation(bytes.data() + header.exif_offset, header.exif_size);
}

std::vector<uint8_t> withExifOrientation(const std::vector<uint8_t>& jpeg, int orientation, bool little_endian)
{
    if (!isJpeg(jpeg))
        return jpeg;
    const uint16_t value = uint16_t(std::clamp(orientation, 1, 8));
    auto put16 = [&](std::vector<uint8_t>& out, uint32_t v) {
        if (little_endian) {
            out.push_back(uint8_t(v));
            out.push_back(uint8_t(v >> 8));
        } else {
            out.push_back(uint8_t(v >> 8));
            out.push_back(uint8_t(v));
        }
    };
    auto put32 = [&](std::vector<uint8_t>& out, uint32_t v) {
        if (little_endian) {
            put16(out, v & 0xFFFF);
            put16(out, v >> 16);
        } else {
            put16(out, v >> 16);
            put16(out, v & 0xFFFF);
        }
    };

    // TIFF header, IFD0 with the single Orientation entry, no next IFD.
    std::vector<uint8_t> tiff;
    const uint8_t order = little_endian ? 'I' : 'M';
    tiff.push_back(order);
    tiff.push_back(order);
    put16(tiff, 42);
    put32(tiff, 8);
    put16(tiff, 1);
    put16(tiff, 0x0112);
    put16(tiff, 3);
    put32(tiff, 1);
    put16(tiff, value);
    put16(tiff, 0);
    put32(tiff, 0);

    std::vector<uint8_t> out{0xFF, 0xD8, 0xFF, 0xE1};
    const size_t length = 2 + 6 + tiff.size();
    out.push_back(uint8_t(length >> 8));
    out.push_back(uint8_t(length));
    out.insert(out.end(), {'E', 'x', 'i', 'f', 0, 0});
    out.insert(out.end(), tiff.begin(), tiff.end());

    // Copy the remaining segments, leaving out any EXIF segment already there.
    size_t pos = 2;
    const size_t n = jpeg.size();
    while (pos + 4 <= n && jpeg[pos] == 0xFF && jpeg[pos + 1] != 0xDA && jpeg[pos + 1] != 0xFF) {
        const size_t segment = 2 + be16(jpeg.data() + pos + 2);
        if (segment < 4 || segment > n - pos)
            break;
        const bool exif = jpeg[pos + 1] == 0xE1 && segment >= 10 && std::memcmp(jpeg.data() + pos + 4, "Exif\0\0", 6) == 0;
        if (!exif)
            out.insert(out.end(), jpeg.begin() + long(pos), jpeg.begin() + long(pos + segment));
        pos += segment;
    }
    out.insert(out.end(), jpeg.begin() + long(pos), jpeg.end());
    return out;
}

PreparedImage prepareImage(const std::vector<uint8_t>& bytes, ImageRole role, const ImageLimits& limits)
{
    try {
        return prepare(bytes, role, limits);
    } catch (const std::bad_alloc&) {
        return failed("not enough memory to prepare this image", "save it with fewer pixels");
    }
}

void parallelFor(size_t n, const std::function<void(size_t)>& fn, unsigned threads)
{
    if (n == 0)
        return;
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    const size_t workers = std::min<size_t>(threads, n);

    std::atomic<size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto work = [&] {
        for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                if (!failure)
                    failure = std::current_exception();
            }
        }
    };

    std::vector<std::thread> pool;
    for (size_t k = 1; k < workers; ++k) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break; // fewer threads than asked for still finish the job
        }
    }
    work(); // the calling thread is one of the workers
    for (std::thread& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace ww
