// Image preparation: what staff put in the photo and logo folders comes out upright, small enough for
// the kiosk and in a format it reads, and anything else is refused with a message before decoding.
#include "content/images.h"

#include <doctest/doctest.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ww;

namespace {

using Bytes = std::vector<uint8_t>;

struct Rgb {
    uint8_t r, g, b;
};

void appendTo(void* context, void* data, int size)
{
    auto* out = static_cast<Bytes*>(context);
    out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

Bytes jpegOf(int w, int h, const std::function<Rgb(int, int)>& colour, int quality = 95)
{
    std::vector<uint8_t> px(size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            Rgb c = colour(x, y);
            uint8_t* p = &px[(size_t(y) * w + x) * 3];
            p[0] = c.r, p[1] = c.g, p[2] = c.b;
        }
    Bytes out;
    REQUIRE(stbi_write_jpg_to_func(appendTo, &out, w, h, 3, px.data(), quality));
    return out;
}

Bytes pngOf(int w, int h, int channels, const std::vector<uint8_t>& px)
{
    Bytes out;
    REQUIRE(stbi_write_png_to_func(appendTo, &out, w, h, channels, px.data(), w * channels));
    return out;
}

struct Decoded {
    int w = 0, h = 0, channels = 0;
    std::vector<uint8_t> px;
    const uint8_t* at(int x, int y) const { return &px[(size_t(y) * w + x) * channels]; }
};

// Decodes in the file's own channel count, so a PNG that lost its alpha would show up.
Decoded decode(const Bytes& bytes)
{
    Decoded d;
    int stored = 0;
    stbi_uc* p = stbi_load_from_memory(bytes.data(), int(bytes.size()), &d.w, &d.h, &stored, 0);
    REQUIRE(p != nullptr);
    d.channels = stored;
    d.px.assign(p, p + size_t(d.w) * d.h * stored);
    stbi_image_free(p);
    return d;
}

bool near(const uint8_t* px, Rgb want, int tolerance = 40)
{
    return std::abs(px[0] - want.r) <= tolerance && std::abs(px[1] - want.g) <= tolerance &&
           std::abs(px[2] - want.b) <= tolerance;
}

const Rgb kRed{230, 20, 20}, kBlue{20, 20, 230};

Bytes pngHeader(uint32_t w, uint32_t h)
{
    Bytes b{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(uint8_t(v >> shift));
    b.insert(b.end(), {8, 6, 0, 0, 0});
    b.insert(b.end(), {0, 0, 0, 0}); // CRC: not checked when reading the size
    return b;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("a sideways camera photo tagged orientation 6 comes out upright")
{
    // Stored as the camera's sensor saw it: landscape, red on the left, blue on the right. Turned a
    // quarter clockwise it is a portrait with red at the top.
    const Bytes stored = jpegOf(64, 32, [](int x, int) { return x < 32 ? kRed : kBlue; });
    for (bool little : {false, true}) {
        CAPTURE(little);
        const Bytes tagged = withExifOrientation(stored, 6, little);
        CHECK(exifOrientation(tagged) == 6);
        const ImageProbe probe = probeImage(tagged);
        REQUIRE(probe.ok);
        CHECK(probe.width == 64); // as stored
        CHECK(probe.height == 32);
        CHECK(probe.orientation == 6);

        const PreparedImage prepared = prepareImage(tagged, ImageRole::Photo);
        REQUIRE_MESSAGE(prepared.ok, prepared.error);
        CHECK(prepared.display.mime == "image/jpeg");
        CHECK(prepared.display.width == 32);
        CHECK(prepared.display.height == 64);
        const Decoded shown = decode(prepared.display.data);
        REQUIRE(shown.w == 32);
        REQUIRE(shown.h == 64);
        CHECK(near(shown.at(16, 8), kRed));
        CHECK(near(shown.at(16, 56), kBlue));
        CHECK(near(shown.at(2, 8), kRed));
        CHECK(near(shown.at(29, 56), kBlue));
    }
}

TEST_CASE("every EXIF orientation is turned upright")
{
    // Six blocks, stored as   A B C
    //                         D E F
    const std::array<Rgb, 6> colours{{{230, 20, 20}, {20, 200, 20}, {20, 20, 230},
                                      {230, 230, 20}, {20, 220, 220}, {230, 20, 230}}};
    constexpr int kBlock = 16;
    const Bytes stored = jpegOf(3 * kBlock, 2 * kBlock, [&](int x, int y) { return colours[size_t(y / kBlock * 3 + x / kBlock)]; });
    enum { A, B, C, D, E, F };
    struct Case {
        int orientation;
        int columns, rows;
        std::vector<int> upright; // row by row, as a viewer shows it
    };
    const Case cases[] = {
        {1, 3, 2, {A, B, C, D, E, F}},
        {2, 3, 2, {C, B, A, F, E, D}},       // mirrored left-right
        {3, 3, 2, {F, E, D, C, B, A}},       // upside down
        {4, 3, 2, {D, E, F, A, B, C}},       // mirrored top-bottom
        {5, 2, 3, {A, D, B, E, C, F}},       // transposed
        {6, 2, 3, {D, A, E, B, F, C}},       // camera turned clockwise
        {7, 2, 3, {F, C, E, B, D, A}},       // transversed
        {8, 2, 3, {C, F, B, E, A, D}},       // camera turned anticlockwise
    };
    for (const Case& c : cases) {
        CAPTURE(c.orientation);
        const PreparedImage prepared = prepareImage(withExifOrientation(stored, c.orientation), ImageRole::Plan);
        REQUIRE_MESSAGE(prepared.ok, prepared.error);
        const Decoded shown = decode(prepared.display.data);
        REQUIRE(shown.w == c.columns * kBlock);
        REQUIRE(shown.h == c.rows * kBlock);
        for (int row = 0; row < c.rows; ++row)
            for (int column = 0; column < c.columns; ++column) {
                CAPTURE(row);
                CAPTURE(column);
                const uint8_t* px = shown.at(column * kBlock + kBlock / 2, row * kBlock + kBlock / 2);
                CHECK(near(px, colours[size_t(c.upright[size_t(row * c.columns + column)])]));
            }
    }
}

TEST_CASE("EXIF orientation is read from both byte orders and ignored when absent or damaged")
{
    const Bytes plain = jpegOf(16, 8, [](int, int) { return kRed; });
    CHECK(exifOrientation(plain) == 1);
    CHECK(exifOrientation(withExifOrientation(plain, 8, false)) == 8);
    CHECK(exifOrientation(withExifOrientation(plain, 3, true)) == 3);

    // Re-tagging replaces the old segment rather than stacking a second one.
    const Bytes twice = withExifOrientation(withExifOrientation(plain, 6), 3);
    CHECK(exifOrientation(twice) == 3);
    CHECK(twice.size() == withExifOrientation(plain, 3).size());
    CHECK(decode(twice).w == 16);

    CHECK(exifOrientation({}) == 1);
    CHECK(exifOrientation({0xFF, 0xD8, 0xFF}) == 1);
    CHECK(exifOrientation(pngHeader(10, 10)) == 1);

    // Every cut and a sweep of byte changes through the header: never out of bounds (run under
    // ASan), always 1..8, and the probe still answers.
    const Bytes tagged = withExifOrientation(plain, 6, true);
    for (size_t cut = 0; cut <= 64; ++cut) {
        const Bytes part(tagged.begin(), tagged.begin() + long(cut));
        const int o = exifOrientation(part);
        CHECK((o >= 1 && o <= 8));
        CHECK_FALSE(probeImage(part).ok);
    }
    uint32_t seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        Bytes damaged = tagged;
        seed = seed * 1664525u + 1013904223u;
        const size_t at = 2 + (seed >> 8) % 60;
        damaged[at] = uint8_t(seed >> 24);
        const int o = exifOrientation(damaged);
        CHECK((o >= 1 && o <= 8));
        (void)probeImage(damaged);
    }
}

TEST_CASE("a header declaring a gigantic image is refused before anything is decoded")
{
    const Bytes header = pngHeader(100000, 100000);
    REQUIRE(header.size() == 33);
    const ImageProbe probe = probeImage(header);
    CHECK_FALSE(probe.ok);
    CHECK(probe.format == "png");
    CHECK(probe.width == 100000);
    CHECK(contains(probe.error, "100000 × 100000 px"));
    CHECK(contains(probe.error, "12000 px per side"));
    CHECK(contains(probe.error, "80 megapixels"));
    CHECK(contains(probe.hint, "4000 px"));

    // The same message from prepareImage shows the limit stopped it, not a failed decode (there
    // are no pixels in these 33 bytes to fail on).
    const PreparedImage prepared = prepareImage(header, ImageRole::Photo);
    CHECK_FALSE(prepared.ok);
    CHECK(prepared.error == probe.error);

    // Within each side's limit, but too many pixels in total.
    CHECK_FALSE(probeImage(pngHeader(11000, 11000)).ok);
    CHECK(probeImage(pngHeader(4000, 3000)).ok);

    // A JPEG frame header of 60000 × 50000, followed by the start of a scan.
    Bytes jpeg{0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0xC3, 0x50, 0xEA, 0x60, 3};
    for (uint8_t id = 1; id <= 3; ++id)
        jpeg.insert(jpeg.end(), {id, 0x11, 0});
    jpeg.insert(jpeg.end(), {0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0});
    const ImageProbe big = probeImage(jpeg);
    CHECK_FALSE(big.ok);
    CHECK(big.format == "jpeg");
    CHECK(contains(big.error, "60000 × 50000 px"));

    ImageLimits small;
    small.max_file_bytes = 1000;
    const ImageProbe heavy = probeImage(jpegOf(64, 64, [](int x, int y) { return Rgb{uint8_t(x * 4), uint8_t(y * 4), uint8_t(x ^ y)}; }), small);
    CHECK_FALSE(heavy.ok);
    CHECK(contains(heavy.error, "the limit is 1 KB"));
}

TEST_CASE("files that are not usable images get a clear reason")
{
    const ImageProbe empty = probeImage({});
    CHECK_FALSE(empty.ok);
    CHECK(empty.error == "file is empty");

    const Bytes photo = jpegOf(64, 48, [](int x, int) { return x < 32 ? kRed : kBlue; });
    const ImageProbe cut = probeImage(Bytes(photo.begin(), photo.begin() + 20));
    CHECK_FALSE(cut.ok);
    CHECK(contains(cut.error, "not a readable image"));

    const Bytes png = pngHeader(10, 10);
    const ImageProbe cutPng = probeImage(Bytes(png.begin(), png.begin() + 20));
    CHECK_FALSE(cutPng.ok);
    CHECK(contains(cutPng.error, "not a readable image"));

    const std::string text = "id,name,stands\nsakd,SAKD,B12\n";
    const ImageProbe garbage = probeImage(Bytes(text.begin(), text.end()));
    CHECK_FALSE(garbage.ok);
    CHECK(garbage.format == "");
    CHECK(garbage.error == "not a JPEG or PNG image");

    const std::string gif = "GIF89a\x10\x00\x10\x00";
    const ImageProbe gifProbe = probeImage(Bytes(gif.begin(), gif.end()));
    CHECK(gifProbe.format == "gif");
    CHECK(contains(gifProbe.error, "GIF"));
    CHECK(contains(gifProbe.hint, "PNG"));

    const Bytes heic{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
                     'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
    const ImageProbe heicProbe = probeImage(heic);
    CHECK_FALSE(heicProbe.ok);
    CHECK(heicProbe.format == "heic");
    CHECK(heicProbe.error == "HEIC (iPhone photo) is not supported");
    CHECK(contains(heicProbe.hint, "JPEG"));
    CHECK(prepareImage(heic, ImageRole::Photo).error == heicProbe.error);

    const Bytes avif{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0,
                     'm', 'i', 'f', '1', 'm', 'i', 'a', 'f'};
    CHECK(probeImage(avif).format == "avif");

    const std::string svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    CHECK(probeImage(Bytes(svg.begin(), svg.end())).format == "svg");
}

TEST_CASE("a cut-off or corrupt file fails to prepare instead of showing grey")
{
    const Bytes photo = jpegOf(256, 192, [](int x, int y) { return Rgb{uint8_t(x), uint8_t(y), uint8_t(x + y)}; });
    const Bytes cut(photo.begin(), photo.begin() + long(photo.size() * 6 / 10));
    CHECK(probeImage(cut).ok); // the header is intact
    const PreparedImage prepared = prepareImage(cut, ImageRole::Photo);
    CHECK_FALSE(prepared.ok);
    CHECK(contains(prepared.error, "corrupt or truncated JPEG"));

    // Scan data replaced by noise: the decoder has the last word.
    Bytes noisy = photo;
    uint32_t seed = 7;
    for (size_t i = noisy.size() / 2; i + 2 < noisy.size(); ++i) {
        seed = seed * 1664525u + 1013904223u;
        noisy[i] = uint8_t(seed >> 24);
    }
    noisy[noisy.size() - 2] = 0xFF, noisy[noisy.size() - 1] = 0xD9;
    const PreparedImage garbled = prepareImage(noisy, ImageRole::Photo);
    if (!garbled.ok)
        CHECK(contains(garbled.error, "corrupt or truncated JPEG"));

    std::vector<uint8_t> rgba(32 * 32 * 4, 200);
    Bytes png = pngOf(32, 32, 4, rgba);
    const Bytes cutPng(png.begin(), png.begin() + long(png.size() / 2));
    const PreparedImage pngPrepared = prepareImage(cutPng, ImageRole::Logo);
    CHECK_FALSE(pngPrepared.ok);
    CHECK(contains(pngPrepared.error, "corrupt or truncated PNG"));
}

TEST_CASE("a camera photo becomes a 2560 px display copy and a 480 px thumbnail")
{
    const Bytes camera = jpegOf(4000, 3000, [](int x, int y) {
        return Rgb{uint8_t(x / 16), uint8_t(y / 12), uint8_t(128 + ((x / 200 + y / 200) % 2) * 60)};
    }, 90);
    const auto start = std::chrono::steady_clock::now();
    const PreparedImage prepared = prepareImage(camera, ImageRole::Photo);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("prepared a 4000 × 3000 JPEG in " << ms << " ms");
    REQUIRE_MESSAGE(prepared.ok, prepared.error);
    CHECK(prepared.display.width == 2560);
    CHECK(prepared.display.height == 1920);
    CHECK(prepared.thumb.width == 480);
    CHECK(prepared.thumb.height == 360);
    CHECK(prepared.thumb.mime == "image/jpeg");
    const Decoded thumb = decode(prepared.thumb.data);
    CHECK(thumb.w == 480);
    CHECK(thumb.h == 360);
    CHECK(prepared.display.data.size() < camera.size());

    // Portrait, stored upright: the long edge is the height.
    const Bytes portrait = jpegOf(300, 1000, [](int, int y) { return Rgb{uint8_t(y / 4), 90, 90}; });
    const PreparedImage tall = prepareImage(portrait, ImageRole::Photo);
    REQUIRE(tall.ok);
    CHECK(tall.display.width == 300);
    CHECK(tall.display.height == 1000);
    CHECK(tall.thumb.width == 144);
    CHECK(tall.thumb.height == 480);
}

TEST_CASE("a small image is never enlarged")
{
    const Bytes small = jpegOf(300, 200, [](int x, int) { return x < 150 ? kRed : kBlue; });
    const PreparedImage photo = prepareImage(small, ImageRole::Photo);
    REQUIRE(photo.ok);
    CHECK(photo.display.width == 300);
    CHECK(photo.display.height == 200);
    CHECK(photo.thumb.width == 300);
    CHECK(photo.thumb.height == 200);

    std::vector<uint8_t> rgba(100 * 50 * 4, 255);
    const PreparedImage logo = prepareImage(pngOf(100, 50, 4, rgba), ImageRole::Logo);
    REQUIRE(logo.ok);
    CHECK(logo.display.width == 100);
    CHECK(logo.display.height == 50);
    CHECK(logo.thumb.width == 100);
}

TEST_CASE("a logo keeps its transparent background; a transparent photo is put on white")
{
    // A filled circle on a transparent 600 × 300 canvas.
    const int w = 600, h = 300;
    std::vector<uint8_t> rgba(size_t(w) * h * 4, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if ((x - 300) * (x - 300) + (y - 150) * (y - 150) < 120 * 120) {
                uint8_t* p = &rgba[(size_t(y) * w + x) * 4];
                p[0] = 0, p[1] = 80, p[2] = 160, p[3] = 255;
            }
    const Bytes png = pngOf(w, h, 4, rgba);

    const PreparedImage logo = prepareImage(png, ImageRole::Logo);
    REQUIRE_MESSAGE(logo.ok, logo.error);
    CHECK(logo.display.mime == "image/png");
    CHECK(logo.display.width == 512);
    CHECK(logo.display.height == 256);
    CHECK(logo.thumb.width == 160);
    CHECK(logo.thumb.height == 80);
    const Decoded shown = decode(logo.display.data);
    REQUIRE(shown.channels == 4);
    CHECK(shown.at(5, 5)[3] == 0);
    CHECK(shown.at(256, 128)[3] == 255);
    CHECK(near(shown.at(256, 128), Rgb{0, 80, 160}, 4));
    CHECK(decode(logo.thumb.data).channels == 4);

    const PreparedImage photo = prepareImage(png, ImageRole::Photo);
    REQUIRE(photo.ok);
    CHECK(photo.display.mime == "image/jpeg");
    const Decoded flat = decode(photo.display.data);
    CHECK(flat.channels == 3);
    CHECK(near(flat.at(5, 5), Rgb{255, 255, 255}, 8));
    CHECK(near(flat.at(300, 150), Rgb{0, 80, 160}, 20));

    // A plan keeps the format it came in.
    const PreparedImage plan = prepareImage(png, ImageRole::Plan);
    REQUIRE(plan.ok);
    CHECK(plan.display.mime == "image/png");
    CHECK(plan.display.width == 600);
    CHECK(plan.thumb.width == 480);
    const PreparedImage jpegPlan = prepareImage(jpegOf(40, 20, [](int, int) { return kBlue; }), ImageRole::Plan);
    REQUIRE(jpegPlan.ok);
    CHECK(jpegPlan.display.mime == "image/jpeg");
}

TEST_CASE("parallelFor visits every index exactly once")
{
    for (unsigned threads : {0u, 1u, 2u, 3u, 16u}) {
        for (size_t n : {size_t(0), size_t(1), size_t(2), size_t(997)}) {
            CAPTURE(threads);
            CAPTURE(n);
            std::vector<std::atomic<int>> visits(n);
            parallelFor(n, [&](size_t i) { visits[i].fetch_add(1); }, threads);
            for (size_t i = 0; i < n; ++i)
                CHECK(visits[i].load() == 1);
        }
    }

    std::atomic<int> ran{0};
    CHECK_THROWS_AS(parallelFor(50, [&](size_t i) {
        ran.fetch_add(1);
        if (i == 10)
            throw std::runtime_error("bad photo");
    }, 2), std::runtime_error);
    CHECK(ran.load() == 50);
}

TEST_CASE("images prepared on several threads at once each get their own result and error")
{
    std::vector<Bytes> inputs;
    for (int i = 0; i < 8; ++i) {
        const Bytes photo = jpegOf(200 + i * 10, 100, [i](int x, int) { return Rgb{uint8_t(i * 30), uint8_t(x), 50}; });
        if (i % 3 == 2)
            inputs.emplace_back(photo.begin(), photo.begin() + long(photo.size() / 2));
        else
            inputs.push_back(i == 4 ? withExifOrientation(photo, 6) : photo);
    }
    std::vector<PreparedImage> results(inputs.size());
    parallelFor(inputs.size(), [&](size_t i) { results[i] = prepareImage(inputs[i], ImageRole::Photo); }, 4);
    for (size_t i = 0; i < inputs.size(); ++i) {
        CAPTURE(i);
        if (i % 3 == 2) {
            CHECK_FALSE(results[i].ok);
            CHECK(contains(results[i].error, "truncated"));
        } else {
            REQUIRE(results[i].ok);
            CHECK(results[i].display.width == (i == 4 ? 100 : int(200 + i * 10)));
        }
    }
}
