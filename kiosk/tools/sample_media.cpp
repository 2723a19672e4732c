// ww-sample-media DIR: draws the sample event's photos, logos and plan backgrounds that the content
// files in DIR refer to and that do not exist yet. Everything is drawn by code, deterministically
// (seeded from the file name), so the repository keeps no binary images and reruns give identical
// bytes. Photos are camera-sized JPEGs of simple 3D scenes (stage, exhibition, lounge) with grain
// and vignetting; every fifth is stored sideways with an EXIF orientation, as cameras do.
#include "content/csv.h"
#include "content/diagnostics.h"
#include "content/images.h"

#include <stb_image_write.h>
#include <stb_truetype.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

// [SECTION] Deterministic randomness

uint64_t hashText(const std::string& text)
{
    uint64_t h = 1469598103934665603ull; // FNV-1a: stable across platforms and runs
    for (unsigned char ch : text) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    return h;
}

// splitmix64: the standard library's distributions differ between implementations, this does not.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next()
    {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    float uniform(float lo, float hi) { return lo + (hi - lo) * float(next() >> 40) / float(1ull << 24); }
    int range(int lo, int hi) { return lo + int(next() % uint64_t(hi - lo + 1)); } // inclusive
    bool chance(float p) { return uniform(0, 1) < p; }
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[next() % items.size()]; }

private:
    uint64_t state_;
};

// [SECTION] Colour and canvas

struct Colour {
    float r = 0, g = 0, b = 0;
};

Colour rgb(uint32_t hex) { return {float(hex >> 16 & 255) / 255.f, float(hex >> 8 & 255) / 255.f, float(hex & 255) / 255.f}; }
Colour operator*(Colour c, float k) { return {c.r * k, c.g * k, c.b * k}; }
Colour operator+(Colour a, Colour b) { return {a.r + b.r, a.g + b.g, a.b + b.b}; }
Colour mix(Colour a, Colour b, float t) { return a * (1 - t) + b * t; }

struct Pt {
    float x = 0, y = 0;
};

enum class Blend { Over, Add };

// std::hypot guards against overflow, which pixel distances never need, and is several times slower.
inline float length(float x, float y) { return std::sqrt(x * x + y * y); }

// Float pixels, premultiplied alpha when there are 4 channels. Shapes are painted through a
// coverage function (signed distance → anti-aliased edge), with a `soft` edge width in pixels that
// doubles as depth-of-field blur.
class Canvas {
public:
    Canvas(int w, int h, int channels) : w_(w), h_(h), c_(channels), px_(size_t(w) * size_t(h) * size_t(channels), 0.f) {}

    int width() const { return w_; }
    int height() const { return h_; }
    int channels() const { return c_; }
    const float* data() const { return px_.data(); }

    void clip(float x0, float y0, float x1, float y1)
    {
        cx0_ = std::max(0, int(std::floor(x0)));
        cy0_ = std::max(0, int(std::floor(y0)));
        cx1_ = std::min(w_, int(std::ceil(x1)));
        cy1_ = std::min(h_, int(std::ceil(y1)));
    }
    void unclip() { cx0_ = 0, cy0_ = 0, cx1_ = 1 << 30, cy1_ = 1 << 30; }

    void put(int x, int y, Colour c, float a, Blend mode = Blend::Over)
    {
        if (a <= 0 || x < std::max(0, cx0_) || y < std::max(0, cy0_) || x >= std::min(w_, cx1_) || y >= std::min(h_, cy1_))
            return;
        blend(&px_[(size_t(y) * w_ + x) * c_], c, a, mode);
    }

    void blend(float* p, Colour c, float a, Blend mode)
    {
        a = std::min(a, 1.f);
        if (mode == Blend::Add) {
            p[0] += c.r * a, p[1] += c.g * a, p[2] += c.b * a;
            return;
        }
        p[0] = c.r * a + p[0] * (1 - a);
        p[1] = c.g * a + p[1] * (1 - a);
        p[2] = c.b * a + p[2] * (1 - a);
        if (c_ == 4)
            p[3] = a + p[3] * (1 - a);
    }

    template <class Cover>
    void paint(float x0, float y0, float x1, float y1, Colour c, float alpha, Cover cover, Blend mode = Blend::Over)
    {
        const int ix0 = std::max({0, cx0_, int(std::floor(x0))}), iy0 = std::max({0, cy0_, int(std::floor(y0))});
        const int ix1 = std::min({w_, cx1_, int(std::ceil(x1))}), iy1 = std::min({h_, cy1_, int(std::ceil(y1))});
        for (int y = iy0; y < iy1; ++y) {
            float* row = &px_[size_t(y) * w_ * c_];
            for (int x = ix0; x < ix1; ++x) {
                const float a = cover(x + 0.5f, y + 0.5f) * alpha;
                if (a > 0)
                    blend(row + size_t(x) * c_, c, a, mode);
            }
        }
    }

    void fill(Colour c)
    {
        for (size_t i = 0; i < px_.size(); i += size_t(c_)) {
            px_[i] = c.r, px_[i + 1] = c.g, px_[i + 2] = c.b;
            if (c_ == 4)
                px_[i + 3] = 1;
        }
    }

    void gradient(float y0, float y1, Colour top, Colour bottom)
    {
        for (int y = std::max(0, int(y0)); y < std::min(h_, int(y1)); ++y) {
            const Colour c = mix(top, bottom, (y - y0) / std::max(1.f, y1 - y0));
            for (int x = 0; x < w_; ++x)
                put(x, y, c, 1);
        }
    }

    void roundRect(float x0, float y0, float x1, float y1, float r, Colour c, float alpha = 1, float soft = 1,
                   Blend mode = Blend::Over)
    {
        if (x1 < x0)
            std::swap(x0, x1);
        if (y1 < y0)
            std::swap(y0, y1);
        const float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2, hy = (y1 - y0) / 2;
        r = std::clamp(r, 0.f, std::min(hx, hy));
        paint(x0 - soft, y0 - soft, x1 + soft, y1 + soft, c, alpha, [&](float x, float y) {
            const float qx = std::fabs(x - cx) - (hx - r), qy = std::fabs(y - cy) - (hy - r);
            const float ox = std::max(qx, 0.f), oy = std::max(qy, 0.f);
            const float outside = ox > 0 && oy > 0 ? length(ox, oy) : ox + oy;
            const float d = outside + std::min(std::max(qx, qy), 0.f) - r;
            return edge(d, soft);
        }, mode);
    }
    void rect(float x0, float y0, float x1, float y1, Colour c, float alpha = 1, float soft = 1)
    {
        roundRect(x0, y0, x1, y1, 0, c, alpha, soft);
    }

    void ellipse(float cx, float cy, float rx, float ry, Colour c, float alpha = 1, float soft = 1)
    {
        if (rx <= 0 || ry <= 0)
            return;
        paint(cx - rx - soft, cy - ry - soft, cx + rx + soft, cy + ry + soft, c, alpha, [&](float x, float y) {
            return edge(ellipseDistance(x - cx, y - cy, rx, ry), soft);
        });
    }

    // Additive light with a smooth falloff: lamps, daylight, screen glow.
    void glow(float cx, float cy, float rx, float ry, Colour c, float strength)
    {
        if (rx <= 0 || ry <= 0)
            return;
        paint(cx - rx, cy - ry, cx + rx, cy + ry, c, strength, [&](float x, float y) {
            const float d = ((x - cx) * (x - cx)) / (rx * rx) + ((y - cy) * (y - cy)) / (ry * ry);
            return d >= 1 ? 0.f : (1 - d) * (1 - d);
        }, Blend::Add);
    }

    // Convex polygon, either winding. `shade` (optional) scales the alpha per pixel.
    void polygon(const std::vector<Pt>& pts, Colour c, float alpha = 1, float soft = 1, Blend mode = Blend::Over,
                 const std::function<float(float, float)>& shade = nullptr)
    {
        if (pts.size() < 3)
            return;
        float area = 0, x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
        for (size_t i = 0; i < pts.size(); ++i) {
            const Pt a = pts[i], b = pts[(i + 1) % pts.size()];
            area += a.x * b.y - b.x * a.y;
            x0 = std::min(x0, a.x), y0 = std::min(y0, a.y), x1 = std::max(x1, a.x), y1 = std::max(y1, a.y);
        }
        if (std::fabs(area) < 1e-3f)
            return;
        struct Edge {
            float nx, ny, d;
        };
        std::vector<Edge> edges;
        const float sign = area > 0 ? 1.f : -1.f;
        for (size_t i = 0; i < pts.size(); ++i) {
            const Pt a = pts[i], b = pts[(i + 1) % pts.size()];
            float nx = (b.y - a.y) * sign, ny = -(b.x - a.x) * sign;
            const float len = length(nx, ny);
            if (len < 1e-6f)
                continue;
            nx /= len, ny /= len;
            edges.push_back({nx, ny, nx * a.x + ny * a.y});
        }
        paint(x0 - soft, y0 - soft, x1 + soft, y1 + soft, c, alpha, [&](float x, float y) {
            float d = -1e30f;
            for (const Edge& e : edges)
                d = std::max(d, e.nx * x + e.ny * y - e.d);
            const float cover = edge(d, soft);
            return shade && cover > 0 ? cover * shade(x, y) : cover;
        }, mode);
    }

    void line(Pt a, Pt b, float width, Colour c, float alpha = 1, float soft = 1)
    {
        const float r = width / 2;
        paint(std::min(a.x, b.x) - r - soft, std::min(a.y, b.y) - r - soft, std::max(a.x, b.x) + r + soft,
              std::max(a.y, b.y) + r + soft, c, alpha, [&](float x, float y) { return edge(segmentDistance(x, y, a, b) - r, soft); });
    }

    static float edge(float d, float soft) { return std::clamp(0.5f - d / std::max(soft, 0.5f), 0.f, 1.f); }
    static float ellipseDistance(float dx, float dy, float rx, float ry)
    {
        const float k0 = length(dx / rx, dy / ry), k1 = length(dx / (rx * rx), dy / (ry * ry));
        return k1 > 0 ? k0 * (k0 - 1) / k1 : -std::min(rx, ry);
    }
    static float segmentDistance(float x, float y, Pt a, Pt b)
    {
        const float vx = b.x - a.x, vy = b.y - a.y, len2 = vx * vx + vy * vy;
        const float t = len2 > 0 ? std::clamp(((x - a.x) * vx + (y - a.y) * vy) / len2, 0.f, 1.f) : 0.f;
        return length(x - a.x - t * vx, y - a.y - t * vy);
    }

private:
    int w_, h_, c_;
    std::vector<float> px_;
    int cx0_ = 0, cy0_ = 0, cx1_ = 1 << 30, cy1_ = 1 << 30;
};

// [SECTION] Text

std::vector<uint32_t> codepoints(const std::string& s)
{
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + size_t(extra) >= s.size() + (extra == 0 ? 1 : 0)) {
            ++i;
            continue;
        }
        uint32_t cp = extra == 0 ? b : b & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k)
            cp = cp << 6 | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
        out.push_back(cp);
        i += size_t(extra) + 1;
    }
    return out;
}

// A TrueType font from the system (Noto Sans from fonts-noto-core); without it, text is drawn as
// bars of the same length, so the pictures still work on a machine without the fonts.
class Font {
public:
    bool load(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return false;
        data_.assign(std::istreambuf_iterator<char>(in), {});
        const int offset = data_.empty() ? -1 : stbtt_GetFontOffsetForIndex(data_.data(), 0);
        ok_ = offset >= 0 && stbtt_InitFont(&info_, data_.data(), offset) != 0;
        return ok_;
    }
    bool ok() const { return ok_; }

    // `size` is the distance from ascender to descender in pixels.
    float width(const std::string& text, float size) const
    {
        if (!ok_)
            return 0.52f * size * float(codepoints(text).size());
        const float scale = stbtt_ScaleForPixelHeight(&info_, size);
        float pen = 0;
        int previous = 0;
        for (uint32_t cp : codepoints(text)) {
            const int glyph = stbtt_FindGlyphIndex(&info_, int(cp));
            int advance = 0, bearing = 0;
            stbtt_GetGlyphHMetrics(&info_, glyph, &advance, &bearing);
            if (previous)
                pen += scale * float(stbtt_GetGlyphKernAdvance(&info_, previous, glyph));
            pen += scale * float(advance);
            previous = glyph;
        }
        return pen;
    }

    void draw(Canvas& canvas, const std::string& text, float x, float baseline, float size, Colour c, float alpha = 1) const
    {
        if (!ok_) {
            canvas.roundRect(x, baseline - size * 0.55f, x + width(text, size), baseline, size * 0.1f, c, alpha * 0.8f);
            return;
        }
        const float scale = stbtt_ScaleForPixelHeight(&info_, size);
        float pen = x;
        int previous = 0;
        for (uint32_t cp : codepoints(text)) {
            const int glyph = stbtt_FindGlyphIndex(&info_, int(cp));
            if (previous)
                pen += scale * float(stbtt_GetGlyphKernAdvance(&info_, previous, glyph));
            int w = 0, h = 0, ox = 0, oy = 0;
            const float shift = pen - std::floor(pen);
            unsigned char* bitmap = stbtt_GetGlyphBitmapSubpixel(&info_, scale, scale, shift, 0, glyph, &w, &h, &ox, &oy);
            if (bitmap) {
                const int left = int(std::floor(pen)) + ox, top = int(std::lround(baseline)) + oy;
                for (int j = 0; j < h; ++j)
                    for (int i = 0; i < w; ++i)
                        canvas.put(left + i, top + j, c, alpha * float(bitmap[j * w + i]) / 255.f);
                stbtt_FreeBitmap(bitmap, nullptr);
            }
            int advance = 0, bearing = 0;
            stbtt_GetGlyphHMetrics(&info_, glyph, &advance, &bearing);
            pen += scale * float(advance);
            previous = glyph;
        }
    }

    // Draws centred on `cx`, shrinking the size until it fits `max_width`.
    void drawFitted(Canvas& canvas, const std::string& text, float cx, float baseline, float size, float max_width,
                    Colour c, float alpha = 1) const
    {
        const float w = width(text, size);
        if (w > max_width && w > 0)
            size *= max_width / w;
        draw(canvas, text, cx - width(text, size) / 2, baseline, size, c, alpha);
    }

private:
    std::vector<unsigned char> data_;
    stbtt_fontinfo info_{};
    bool ok_ = false;
};

struct Fonts {
    Font bold;
    Font regular;
};

// [SECTION] Photos: a pinhole camera over a floor plane

// X to the right, Y up from the floor, Z away from the camera, all metres.
struct Camera {
    float cx = 0, hy = 0; // where the optical axis meets the picture; hy is the horizon
    float f = 1000;       // focal length in pixels
    float x = 0;          // camera position across the room
    float eye = 1.6f;     // camera height above the floor

    Pt at(float X, float Y, float Z) const { return {cx + f * (X - x) / Z, hy + f * (eye - Y) / Z}; }
    float scale(float Z) const { return f / Z; } // pixels per metre at depth Z
};

// Anything beyond the focused distance range gets softer edges, like a real lens.
float softness(const Camera& cam, float z, float near_focus, float far_focus)
{
    const float base = 1.2f * cam.f / 3000.f;
    if (z < near_focus)
        return base + cam.f * 0.004f * (near_focus / z - 1);
    if (z > far_focus)
        return base + cam.f * 0.0007f * (z / far_focus - 1);
    return base;
}

void quad(Canvas& c, const Camera& cam, float x0, float x1, float y0, float y1, float z, Colour col, float alpha = 1, float soft = 1)
{
    const Pt a = cam.at(x0, y1, z), b = cam.at(x1, y0, z);
    c.rect(a.x, a.y, b.x, b.y, col, alpha, soft);
}
// A vertical wall along Z at x, from z0 to z1.
void sideWall(Canvas& c, const Camera& cam, float x, float z0, float z1, float y0, float y1, Colour col, float alpha = 1)
{
    c.polygon({cam.at(x, y0, z0), cam.at(x, y0, z1), cam.at(x, y1, z1), cam.at(x, y1, z0)}, col, alpha);
}
// A horizontal surface (floor, table top, ceiling) at height y.
void flat(Canvas& c, const Camera& cam, float x0, float x1, float z0, float z1, float y, Colour col, float alpha = 1,
          Blend mode = Blend::Over)
{
    c.polygon({cam.at(x0, y, z0), cam.at(x1, y, z0), cam.at(x1, y, z1), cam.at(x0, y, z1)}, col, alpha, 1, mode);
}

struct Person {
    float x = 0, z = 5;
    float base = 0;      // floor height under the feet (a stage)
    float height = 1.75f;
    bool facing = true;  // towards the camera
    bool seated = false;
    Colour top, legs, skin, hair;
    Colour lanyard;
    bool has_lanyard = false;
    float arm = 0;       // 0 arms down, 1 one arm raised (a question, applause)
};

const std::vector<Colour>& skinTones()
{
    static const std::vector<Colour> tones{rgb(0xF1C7A5), rgb(0xE0AC8A), rgb(0xC68E6A), rgb(0x9C6B4E), rgb(0x6E4A35), rgb(0xEDC2A0)};
    return tones;
}
const std::vector<Colour>& hairColours()
{
    static const std::vector<Colour> colours{rgb(0x2B1E16), rgb(0x4A3323), rgb(0x7A5A3A), rgb(0xB89566), rgb(0x9A9A9A),
                                             rgb(0x1A1410), rgb(0xD8C8A8), rgb(0x5C3A21)};
    return colours;
}
const std::vector<Colour>& clothes()
{
    static const std::vector<Colour> colours{rgb(0x1F2A44), rgb(0x2E2E30), rgb(0x4A4F57), rgb(0x7C8894), rgb(0xE8E6E1),
                                             rgb(0x8A2F3C), rgb(0x2F5D50), rgb(0x35507A), rgb(0xB9A68A), rgb(0x5B3F66),
                                             rgb(0xD9D4CA), rgb(0x1B1B1D), rgb(0x6E7F3A), rgb(0xC45B3C)};
    return colours;
}
const std::vector<Colour>& trousers()
{
    static const std::vector<Colour> colours{rgb(0x1E2230), rgb(0x26272B), rgb(0x3A3F4A), rgb(0x4B5A75), rgb(0x8A7E6A), rgb(0x151515)};
    return colours;
}

Person randomPerson(Random& rnd, float x, float z)
{
    Person p;
    p.x = x, p.z = z;
    p.height = rnd.uniform(1.58f, 1.92f);
    p.facing = rnd.chance(0.5f);
    p.top = rnd.pick(clothes());
    p.legs = rnd.pick(trousers());
    p.skin = rnd.pick(skinTones());
    p.hair = rnd.pick(hairColours());
    p.has_lanyard = rnd.chance(0.6f);
    p.lanyard = rnd.chance(0.5f) ? rgb(0x0B5CAD) : rgb(0x00875A);
    return p;
}

// `light` darkens (backlit, dark hall) without changing the palette.
void drawPerson(Canvas& c, const Camera& cam, const Person& p, float soft, float light = 1, Colour rim = {}, float rim_strength = 0)
{
    if (p.z < 0.3f)
        return;
    const float s = cam.scale(p.z);
    const float k = p.height / 1.75f;
    const Pt foot = cam.at(p.x, p.base, p.z);
    const float drop = p.seated ? 0.42f : 0.f; // seated people are lower by about a thigh
    auto Y = [&](float m) { return foot.y - (m * k - (m > 0.5f ? drop : m * drop / 0.5f)) * s; };
    const Colour top = p.top * light, legs = p.legs * light, skin = p.skin * light, hair = p.hair * light;

    if (!p.seated)
        c.ellipse(foot.x, foot.y, 0.34f * s, 0.06f * s, {0, 0, 0}, 0.25f * light, soft * 3 + 0.04f * s);
    // Legs and shoes.
    const float leg = 0.135f * s, gap = 0.025f * s;
    if (p.seated) {
        c.roundRect(foot.x - 0.2f * s, Y(0.86f), foot.x + 0.2f * s, Y(0.4f), 0.07f * s, legs, 1, soft);
        c.roundRect(foot.x - gap / 2 - leg, Y(0.45f), foot.x - gap / 2, foot.y, 0.05f * s, legs, 1, soft);
        c.roundRect(foot.x + gap / 2, Y(0.45f), foot.x + gap / 2 + leg, foot.y, 0.05f * s, legs, 1, soft);
    } else {
        c.roundRect(foot.x - gap / 2 - leg, Y(0.9f), foot.x - gap / 2, foot.y - 0.02f * s, 0.05f * s, legs, 1, soft);
        c.roundRect(foot.x + gap / 2, Y(0.9f), foot.x + gap / 2 + leg, foot.y - 0.02f * s, 0.05f * s, legs, 1, soft);
    }
    const Colour shoe = rgb(0x141414) * light;
    c.ellipse(foot.x - gap / 2 - leg / 2, foot.y - 0.03f * s, 0.085f * s, 0.04f * s, shoe, 1, soft);
    c.ellipse(foot.x + gap / 2 + leg / 2, foot.y - 0.03f * s, 0.085f * s, 0.04f * s, shoe, 1, soft);

    // Torso with a shaded side, arms, neck.
    const float shoulder = 0.235f * s;
    c.roundRect(foot.x - shoulder, Y(1.47f), foot.x + shoulder, Y(0.82f), 0.1f * s, top, 1, soft);
    c.roundRect(foot.x + 0.06f * s, Y(1.45f), foot.x + shoulder, Y(0.83f), 0.09f * s, {0, 0, 0}, 0.18f, soft * 2 + 0.03f * s);
    const Colour sleeve = top * 0.88f;
    c.roundRect(foot.x - shoulder - 0.02f * s, Y(1.42f), foot.x - shoulder + 0.1f * s, Y(0.86f), 0.05f * s, sleeve, 1, soft);
    if (p.arm > 0) {
        const Pt sh = {foot.x + shoulder - 0.05f * s, Y(1.38f)};
        const Pt hand = {foot.x + shoulder + 0.12f * s, Y(1.38f + 0.55f * p.arm)};
        c.line(sh, hand, 0.11f * s, sleeve, 1, soft);
        c.ellipse(hand.x, hand.y, 0.05f * s, 0.06f * s, skin, 1, soft);
    } else {
        c.roundRect(foot.x + shoulder - 0.1f * s, Y(1.42f), foot.x + shoulder + 0.02f * s, Y(0.86f), 0.05f * s, sleeve, 1, soft);
    }
    c.rect(foot.x - 0.05f * s, Y(1.56f), foot.x + 0.05f * s, Y(1.45f), skin * 0.8f, 1, soft);
    if (p.facing && p.has_lanyard) {
        c.line({foot.x - 0.07f * s, Y(1.46f)}, {foot.x, Y(1.2f)}, 0.018f * s, p.lanyard * light, 1, soft);
        c.line({foot.x + 0.07f * s, Y(1.46f)}, {foot.x, Y(1.2f)}, 0.018f * s, p.lanyard * light, 1, soft);
        c.rect(foot.x - 0.05f * s, Y(1.2f), foot.x + 0.05f * s, Y(1.07f), rgb(0xF4F4F0) * light, 1, soft);
    }

    // Head: a rim of light first (stage light from behind), then hair, then the face.
    const float hx = foot.x, hy = Y(1.645f), rx = 0.094f * s, ry = 0.118f * s;
    if (rim_strength > 0)
        c.ellipse(hx, hy - 0.012f * s, rx * 1.04f, ry * 1.02f, rim, rim_strength, soft);
    if (p.facing) {
        c.ellipse(hx, hy - 0.012f * s, rx * 1.02f, ry, hair, 1, soft);
        c.ellipse(hx, hy + 0.016f * s, rx * 0.9f, ry * 0.9f, skin, 1, soft);
        c.ellipse(hx + 0.03f * s, hy + 0.02f * s, rx * 0.5f, ry * 0.8f, {0, 0, 0}, 0.08f, soft + 0.04f * s);
    } else {
        c.ellipse(hx, hy, rx, ry, hair, 1, soft);
        c.ellipse(hx - 0.09f * s, hy + 0.01f * s, 0.02f * s, 0.035f * s, skin * 0.9f, 1, soft); // ears
        c.ellipse(hx + 0.09f * s, hy + 0.01f * s, 0.02f * s, 0.035f * s, skin * 0.9f, 1, soft);
    }
}

// Someone in an audience seen from behind: head and shoulders over a chair back.
void drawSeatedFromBehind(Canvas& c, const Camera& cam, float x, float z, Colour body, Colour hair, Colour rim,
                          float rim_strength, float soft, float head_height)
{
    const float s = cam.scale(z);
    const Pt base = cam.at(x, 0, z);
    auto Y = [&](float m) { return base.y - m * s; };
    c.roundRect(base.x - 0.26f * s, Y(head_height - 0.2f), base.x + 0.26f * s, Y(0.2f), 0.13f * s, rim, rim_strength * 0.5f, soft);
    c.roundRect(base.x - 0.25f * s, Y(head_height - 0.21f), base.x + 0.25f * s, Y(0.2f), 0.12f * s, body, 1, soft);
    c.rect(base.x - 0.055f * s, Y(head_height - 0.08f), base.x + 0.055f * s, Y(head_height - 0.2f), body * 1.1f, 1, soft);
    c.ellipse(base.x, Y(head_height) - 0.01f * s, 0.1f * s, 0.12f * s, rim, rim_strength, soft);
    c.ellipse(base.x, Y(head_height), 0.097f * s, 0.117f * s, hair, 1, soft);
}

struct SceneText {
    std::string event;                 // the event's name, for slides and banners
    std::vector<std::string> topics;   // slide titles
    std::vector<std::string> exhibitors;
    std::string featured;              // the exhibitor a caption names, if any
    std::string caption;               // lower-case caption, file name and gallery: chooses the variant
    bool has(std::initializer_list<const char*> words) const
    {
        for (const char* w : words)
            if (caption.find(w) != std::string::npos)
                return true;
        return false;
    }
};

const Colour kAccentBlue = rgb(0x0B5CAD);
const Colour kAccentGreen = rgb(0x00875A);

// A presentation slide: title bar with the event name, a topic as the title, text lines, a chart.
void drawSlide(Canvas& c, const Fonts& fonts, Random& rnd, const SceneText& text, float x0, float y0, float x1, float y1,
               float brightness)
{
    const float w = x1 - x0, h = y1 - y0;
    const Colour paper = rgb(0xF3F6FA) * brightness, accent = (rnd.chance(0.5f) ? kAccentBlue : kAccentGreen) * brightness;
    const Colour ink = rgb(0x1C2733) * brightness, grey = rgb(0x9AA6B2) * brightness;
    c.clip(x0, y0, x1, y1);
    c.rect(x0, y0, x1, y1, paper);
    c.rect(x0, y0, x1, y0 + h * 0.13f, accent);
    fonts.bold.draw(c, text.event.empty() ? "IT- und Organisationsforum" : text.event, x0 + w * 0.04f, y0 + h * 0.09f,
                    h * 0.06f, paper);
    const std::string title = text.topics.empty() ? "Verwaltung digital gestalten" : rnd.pick(text.topics);
    const float titleSize = std::min(h * 0.12f, w * 0.9f / std::max(1.f, fonts.bold.width(title, 1)));
    fonts.bold.draw(c, title, x0 + w * 0.05f, y0 + h * 0.32f, titleSize, ink);
    for (int i = 0; i < 4; ++i) {
        const float y = y0 + h * (0.45f + 0.1f * float(i));
        c.ellipse(x0 + w * 0.065f, y, h * 0.012f, h * 0.012f, accent);
        c.roundRect(x0 + w * 0.09f, y - h * 0.018f, x0 + w * rnd.uniform(0.3f, 0.52f), y + h * 0.018f, h * 0.01f, grey);
    }
    for (int i = 0; i < 5; ++i) { // a small bar chart on the right
        const float bx = x0 + w * (0.62f + 0.065f * float(i)), bh = h * rnd.uniform(0.12f, 0.4f);
        c.rect(bx, y0 + h * 0.85f - bh, bx + w * 0.045f, y0 + h * 0.85f, i == 3 ? accent : grey);
    }
    c.rect(x0, y1 - h * 0.05f, x1, y1, accent * 0.9f);
    c.unclip();
}

// [SECTION] Scene: conference stage

void drawStage(Canvas& c, Random& rnd, const Fonts& fonts, const SceneText& text)
{
    const float W = float(c.width()), H = float(c.height());
    Camera cam;
    cam.cx = W / 2;
    cam.hy = H * rnd.uniform(0.44f, 0.5f);
    cam.f = 0.78f * std::max(W, H) * rnd.uniform(0.95f, 1.2f);
    cam.eye = rnd.uniform(1.45f, 1.7f);
    cam.x = rnd.uniform(-2.5f, 2.5f);

    const bool speaker = text.has({"rednerpult", "lectern", "grusswort", "grußwort", "kuendigt", "kündigt", "announces", "impuls"});
    const bool panel = text.has({"podium", "panel"});
    const bool group = text.has({"gruppenfoto", "group photo"});
    const bool interpreter = text.has({"gebaerden", "gebärden", "sign language"});
    const bool question = text.has({"frage", "question", "saalmikrofon"});
    const bool applause = text.has({"applaus", "applause"});
    const float lecternX = rnd.chance(0.5f) ? 4.2f : -4.2f;
    if (speaker) { // a closer, longer lens on the lectern
        cam.f *= 2.2f;
        cam.x = lecternX * 0.8f;
        cam.eye = 1.9f;
        cam.hy = H * 0.42f;
    } else if (group || panel) {
        cam.f *= 1.35f;
        cam.x = 0;
    }

    const float backZ = 19, stageZ = 14.5f, stageTop = 0.8f, ceiling = 9;
    const Colour uplight = rnd.chance(0.5f) ? rgb(0x2B4BD8) : rgb(0x7A2BC8);

    // The dark hall.
    c.gradient(0, H, rgb(0x050609), rgb(0x0B0A0C));
    quad(c, cam, -12, 12, 0, ceiling, backZ, rgb(0x121317));
    sideWall(c, cam, -12, 2, backZ, 0, ceiling, rgb(0x0C0C10));
    sideWall(c, cam, 12, 2, backZ, 0, ceiling, rgb(0x0C0C10));
    for (float x : {-10.5f, -7.5f, 7.5f, 10.5f}) {
        const Pt p = cam.at(x, 3.2f, backZ);
        c.glow(p.x, p.y, 1.4f * cam.scale(backZ), 4.f * cam.scale(backZ), uplight, 0.5f);
    }
    for (float z : {6.f, 10.f, 14.f}) {
        const Pt l = cam.at(-12, 2.5f, z), r = cam.at(12, 2.5f, z);
        c.glow(l.x, l.y, 1.2f * cam.scale(z), 2.5f * cam.scale(z), uplight, 0.25f);
        c.glow(r.x, r.y, 1.2f * cam.scale(z), 2.5f * cam.scale(z), uplight, 0.25f);
    }

    // Projection screen with its glow.
    const float sw = 9.6f, sh = sw * 9 / 16, sy = 2.6f;
    const Pt s0 = cam.at(-sw / 2, sy + sh, backZ - 0.1f), s1 = cam.at(sw / 2, sy, backZ - 0.1f);
    c.glow((s0.x + s1.x) / 2, (s0.y + s1.y) / 2, (s1.x - s0.x) * 0.85f, (s1.y - s0.y) * 1.1f, rgb(0x6F8FB8), 0.35f);
    c.rect(s0.x - 0.12f * cam.scale(backZ), s0.y - 0.12f * cam.scale(backZ), s1.x + 0.12f * cam.scale(backZ),
           s1.y + 0.12f * cam.scale(backZ), rgb(0x08080A));
    drawSlide(c, fonts, rnd, text, s0.x, s0.y, s1.x, s1.y, 1.08f);

    // Stage: floor and front, roll-ups, plants.
    flat(c, cam, -10, 10, stageZ, backZ, stageTop, rgb(0x1E1C1D));
    quad(c, cam, -10, 10, 0, stageTop, stageZ, rgb(0x070708));
    {
        const Pt a = cam.at(-10, stageTop, stageZ), b = cam.at(10, stageTop, stageZ);
        c.line(a, b, std::max(2.f, 0.03f * cam.scale(stageZ)), rgb(0xC8D8FF), 0.8f);
    }
    for (float x : {-7.f, 0.f, 5.f}) {
        const Pt p = cam.at(x, stageTop, 16.5f);
        c.glow(p.x, p.y, 3.2f * cam.scale(16.5f), 0.9f * cam.scale(16.5f), rgb(0xFFE2B0), 0.35f);
    }
    for (float x : {-8.4f, 8.4f}) {
        const float z = backZ - 0.8f, s = cam.scale(z);
        const Pt b = cam.at(x, stageTop, z);
        c.rect(b.x - 0.5f * s, b.y - 2.1f * s, b.x + 0.5f * s, b.y, rgb(0xE9EEF3) * 0.75f, 1, 1.5f);
        c.rect(b.x - 0.5f * s, b.y - 2.1f * s, b.x + 0.5f * s, b.y - 1.6f * s, kAccentBlue * 0.8f, 1, 1.5f);
        c.rect(b.x - 0.5f * s, b.y - 0.5f * s, b.x + 0.5f * s, b.y, kAccentGreen * 0.8f, 1, 1.5f);
        fonts.bold.drawFitted(c, "ITOF", b.x, b.y - 1.2f * s, 0.35f * s, 0.8f * s, kAccentBlue * 0.7f);
    }

    // Who is on stage.
    std::vector<Person> onStage;
    auto stagePerson = [&](float x, float z, bool seated) {
        Person p = randomPerson(rnd, x, z);
        p.base = stageTop;
        p.facing = true;
        p.seated = seated;
        p.has_lanyard = false;
        if (rnd.chance(0.6f))
            p.top = rnd.pick(std::vector<Colour>{rgb(0x1F2A44), rgb(0x2E2E30), rgb(0x4A4F57), rgb(0x35507A)});
        onStage.push_back(p);
    };
    if (panel) {
        for (int i = 0; i < 5; ++i)
            stagePerson(-4.f + 2.f * float(i), 16.2f, true);
    } else if (group) {
        for (int i = 0; i < 9; ++i)
            stagePerson(-5.6f + 1.4f * float(i) + rnd.uniform(-0.15f, 0.15f), 17.0f, false);
        for (int i = 0; i < 8; ++i)
            stagePerson(-4.9f + 1.4f * float(i) + rnd.uniform(-0.15f, 0.15f), 16.2f, false);
    } else {
        stagePerson(lecternX + (lecternX > 0 ? -0.05f : 0.05f), 15.55f, false);
    }
    for (const Person& p : onStage) {
        if (p.seated) { // chair behind the person
            const Pt b = cam.at(p.x, stageTop, p.z + 0.2f);
            const float s = cam.scale(p.z);
            c.roundRect(b.x - 0.25f * s, b.y - 1.0f * s, b.x + 0.25f * s, b.y - 0.45f * s, 0.06f * s, rgb(0x101012));
        }
        drawPerson(c, cam, p, softness(cam, p.z, 8, 30), 0.95f);
        const Pt head = cam.at(p.x, stageTop + 1.6f, p.z);
        c.glow(head.x, head.y, 0.6f * cam.scale(p.z), 0.9f * cam.scale(p.z), rgb(0xFFE6C0), 0.12f);
    }
    if (panel) { // low table in front of the panel
        flat(c, cam, -4.5f, 4.5f, 15.3f, 15.7f, stageTop + 0.5f, rgb(0x2A2A2E));
        quad(c, cam, -4.5f, 4.5f, stageTop, stageTop + 0.5f, 15.3f, rgb(0x141416));
    }
    if (!panel && !group) { // the lectern
        const float z = 15.0f, s = cam.scale(z);
        const Pt b = cam.at(lecternX, stageTop, z);
        c.polygon({{b.x - 0.33f * s, b.y}, {b.x + 0.33f * s, b.y}, {b.x + 0.38f * s, b.y - 1.15f * s}, {b.x - 0.38f * s, b.y - 1.15f * s}},
                  rgb(0xDDE3EA) * 0.8f);
        c.rect(b.x - 0.41f * s, b.y - 1.2f * s, b.x + 0.41f * s, b.y - 1.13f * s, rgb(0x2A2D33));
        c.ellipse(b.x, b.y - 0.7f * s, 0.13f * s, 0.13f * s, kAccentBlue * 0.8f);
        c.ellipse(b.x, b.y - 0.7f * s, 0.07f * s, 0.07f * s, kAccentGreen * 0.9f);
        c.line({b.x + 0.1f * s, b.y - 1.18f * s}, {b.x - 0.02f * s, b.y - 1.45f * s}, 0.015f * s, rgb(0x111111));
        c.ellipse(b.x - 0.02f * s, b.y - 1.47f * s, 0.025f * s, 0.035f * s, rgb(0x222222));
    }
    if (interpreter) {
        Person p = randomPerson(rnd, 8.9f, stageZ - 0.4f);
        p.facing = true;
        p.top = rgb(0x151518);
        p.has_lanyard = false;
        p.arm = 0.5f;
        const Pt spot = cam.at(p.x, 1.0f, p.z);
        c.glow(spot.x, spot.y, 1.5f * cam.scale(p.z), 1.8f * cam.scale(p.z), rgb(0xFFF0D8), 0.35f);
        drawPerson(c, cam, p, softness(cam, p.z, 8, 30), 1.0f);
    }

    // Light truss, fixtures and the beams through the haze.
    {
        const float z = 12.5f, y = 7.6f;
        c.line(cam.at(-10, y, z), cam.at(10, y, z), std::max(3.f, 0.18f * cam.scale(z)), rgb(0x151517));
        for (float x : {-6.f, -2.5f, 2.5f, 6.f}) {
            const Pt lamp = cam.at(x, y - 0.2f, z), target = cam.at(x * 0.5f + lecternX * 0.3f, stageTop, 16);
            const float spread = 1.6f * cam.scale(16);
            c.polygon({lamp, {target.x - spread, target.y}, {target.x + spread, target.y}}, rgb(0xFFE9C4), 0.06f, 4,
                      Blend::Add, [&](float, float py) { return std::clamp(1 - (py - lamp.y) / std::max(1.f, target.y - lamp.y) * 0.7f, 0.f, 1.f); });
            c.ellipse(lamp.x, lamp.y, 0.16f * cam.scale(z), 0.12f * cam.scale(z), rgb(0xFFF6E6));
            c.glow(lamp.x, lamp.y, 0.8f * cam.scale(z), 0.8f * cam.scale(z), rgb(0xFFE2B0), 0.6f);
        }
    }

    // The audience, from the front rows back to the camera.
    const Colour rim = rgb(0xFFD9A8);
    const float rows_from = group ? 7.5f : 12.8f;
    for (float z = rows_from; z > 2.3f; z -= 0.95f) {
        const float s = cam.scale(z), soft = softness(cam, z, 5, 30);
        const float offset = std::fmod(z * 7.3f, 0.55f);
        for (float x = -11.f + offset; x < 11.f; x += 0.56f) {
            const Pt seat = cam.at(x, 0, z + 0.15f);
            if (seat.x < -0.5f * s || seat.x > W + 0.5f * s)
                continue;
            c.roundRect(seat.x - 0.24f * s, seat.y - 0.95f * s, seat.x + 0.24f * s, seat.y - 0.4f * s, 0.06f * s,
                        rgb(0x0D0C10), 1, soft);
            if (!rnd.chance(0.88f))
                continue;
            const float px = x + rnd.uniform(-0.04f, 0.04f);
            const Colour body = rnd.pick(clothes()) * 0.12f, hair = rnd.pick(hairColours()) * 0.22f;
            drawSeatedFromBehind(c, cam, px, z, body, hair, rim * 0.45f, 0.5f, soft, rnd.uniform(1.18f, 1.3f));
            if ((applause && rnd.chance(0.5f)) || (question && z < 6 && z > 4.8f && std::fabs(x - cam.x) < 0.6f)) {
                const Pt hand = cam.at(px + 0.25f, 1.55f, z);
                c.line(cam.at(px + 0.2f, 1.05f, z), hand, 0.1f * s, body * 1.5f, 1, soft);
                c.ellipse(hand.x, hand.y, 0.055f * s, 0.065f * s, rnd.pick(skinTones()) * 0.35f, 1, soft);
            } else if (rnd.chance(0.04f)) { // a phone held up to take a picture
                const Pt ph = cam.at(px + 0.1f, 1.45f, z);
                c.rect(ph.x - 0.04f * s, ph.y - 0.07f * s, ph.x + 0.04f * s, ph.y + 0.07f * s, rgb(0x9CC4FF), 0.9f, soft);
            }
        }
    }
}

// [SECTION] Scene: exhibition hall

struct Booth {
    float x0, x1, z, depth;
    Colour wall;
    std::string name;
};

void drawBooth(Canvas& c, const Camera& cam, const Fonts& fonts, Random& rnd, const Booth& b)
{
    const float zb = b.z + b.depth, wallH = 2.5f;
    const float soft = softness(cam, b.z, 3, 45);
    flat(c, cam, b.x0, b.x1, b.z, zb, 0.01f, rgb(0xB8A48A) * 0.85f);
    // Back wall with a large soft graphic and the fascia with the exhibitor's name.
    const Pt w0 = cam.at(b.x0, wallH, zb), w1 = cam.at(b.x1, 0, zb);
    const float s = cam.scale(zb);
    c.rect(w0.x, w0.y, w1.x, w1.y, b.wall, 1, soft);
    c.clip(w0.x, w0.y, w1.x, w1.y);
    c.ellipse(w1.x - 0.3f * s, w0.y + 1.6f * s, 1.6f * s, 1.6f * s, b.wall * 1.25f, 0.7f, soft);
    c.ellipse(w0.x + 0.5f * s, w1.y, 1.0f * s, 1.0f * s, rgb(0xFFFFFF), 0.18f, soft);
    c.unclip();
    const Pt f0 = cam.at(b.x0, wallH, zb - 0.02f), f1 = cam.at(b.x1, wallH - 0.45f, zb - 0.02f);
    c.rect(f0.x, f0.y, f1.x, f1.y, rgb(0xF2F2EF), 1, soft);
    fonts.bold.drawFitted(c, b.name, (f0.x + f1.x) / 2, f1.y - 0.11f * s, 0.34f * s, (f1.x - f0.x) * 0.86f, b.wall * 0.8f);
    if (rnd.chance(0.7f)) { // a screen on the back wall
        const Pt a = cam.at((b.x0 + b.x1) / 2 - 0.65f, 1.95f, zb - 0.03f), d = cam.at((b.x0 + b.x1) / 2 + 0.65f, 1.2f, zb - 0.03f);
        c.rect(a.x, a.y, d.x, d.y, rgb(0x111214), 1, soft);
        c.rect(a.x + 0.04f * s, a.y + 0.04f * s, d.x - 0.04f * s, d.y - 0.04f * s, rgb(0xDDE8F2), 1, soft);
        c.rect(a.x + 0.04f * s, a.y + 0.04f * s, d.x - 0.04f * s, a.y + 0.14f * s, b.wall, 1, soft);
        c.roundRect(a.x + 0.12f * s, a.y + 0.25f * s, a.x + 0.7f * s, a.y + 0.32f * s, 0.02f * s, rgb(0x8896A3), 1, soft);
        c.roundRect(a.x + 0.12f * s, a.y + 0.4f * s, a.x + 0.5f * s, a.y + 0.47f * s, 0.02f * s, rgb(0x8896A3), 1, soft);
    }
    // Side partitions: the outer one first so the one nearer the aisle overlaps it.
    const bool left = (b.x0 + b.x1) / 2 < cam.x;
    for (float x : left ? std::vector<float>{b.x0, b.x1} : std::vector<float>{b.x1, b.x0})
        sideWall(c, cam, x, b.z, zb, 0, wallH, (x == b.x0) == left ? rgb(0xE4E4E0) : rgb(0xCFCFCB));
    // Spotlights on arms over the fascia.
    for (float t : {0.25f, 0.75f}) {
        const Pt l = cam.at(b.x0 + (b.x1 - b.x0) * t, wallH + 0.1f, zb - 0.5f);
        c.ellipse(l.x, l.y, 0.06f * s, 0.05f * s, rgb(0xFFFFF4), 1, soft);
        c.glow(l.x, l.y + 0.6f * s, 0.9f * s, 1.2f * s, rgb(0xFFF0D0), 0.14f);
    }
    // Counter: top, then front with the exhibitor's colour.
    const float cx = (b.x0 + b.x1) / 2 + rnd.uniform(-0.6f, 0.6f), cz = b.z + 0.45f;
    flat(c, cam, cx - 0.7f, cx + 0.7f, cz, cz + 0.55f, 1.05f, rgb(0xF6F6F2));
    quad(c, cam, cx - 0.7f, cx + 0.7f, 0, 1.05f, cz, rgb(0xECECE8), 1, soft);
    quad(c, cam, cx - 0.7f, cx + 0.7f, 0.25f, 0.75f, cz - 0.005f, b.wall, 1, soft);
    // Roll-up banner at one side.
    if (rnd.chance(0.6f)) {
        const float bx = rnd.chance(0.5f) ? b.x0 + 0.6f : b.x1 - 0.6f, bz = b.z + 0.3f;
        const Pt t0 = cam.at(bx - 0.42f, 2.05f, bz), t1 = cam.at(bx + 0.42f, 0.05f, bz);
        const float bs = cam.scale(bz);
        c.rect(t0.x, t0.y, t1.x, t1.y, rgb(0xF4F4F2), 1, soft);
        c.rect(t0.x, t0.y, t1.x, t0.y + 0.5f * bs, b.wall, 1, soft);
        c.rect(t0.x, t1.y - 0.7f * bs, t1.x, t1.y, b.wall * 0.85f, 1, soft);
        fonts.bold.drawFitted(c, b.name, (t0.x + t1.x) / 2, t0.y + 0.95f * bs, 0.16f * bs, 0.7f * bs, b.wall * 0.8f);
        c.rect(t0.x - 0.05f * bs, t1.y - 0.05f * bs, t1.x + 0.05f * bs, t1.y + 0.03f * bs, rgb(0x9A9A9A), 1, soft);
    }
}

void drawExhibition(Canvas& c, Random& rnd, const Fonts& fonts, const SceneText& text)
{
    const float W = float(c.width()), H = float(c.height());
    Camera cam;
    cam.cx = W / 2;
    cam.hy = H * rnd.uniform(0.42f, 0.48f);
    cam.f = 0.7f * std::max(W, H) * rnd.uniform(0.95f, 1.25f);
    cam.eye = rnd.uniform(1.55f, 1.75f);
    cam.x = rnd.uniform(-1.f, 1.f);
    const bool close = !text.featured.empty();
    const bool busy = text.has({"kaffee", "coffee", "pause", "break"});
    const bool kiosk = text.has({"terminal", "kiosk", "wegweiser"});
    const float backZ = 48, ceiling = 9;

    // Hall shell: ceiling, back wall with a band of high windows, carpet with a lighter aisle.
    c.gradient(0, cam.hy, rgb(0x22252B), rgb(0x4A4E55));
    c.gradient(cam.hy, H, rgb(0x5A5A5E), rgb(0x2E3036));
    quad(c, cam, -30, 30, 0, ceiling, backZ, rgb(0x9C9FA3));
    quad(c, cam, -30, 30, 6, 8.2f, backZ - 0.05f, rgb(0xE8F0F8), 0.9f);
    flat(c, cam, -1.8f + cam.x * 0, 1.8f, 1.2f, backZ, 0.005f, rgb(0x3B4C6B), 0.9f);
    for (float x : {-9.f, 0.f, 9.f})
        c.line(cam.at(x, ceiling - 0.6f, 2.5f), cam.at(x, ceiling - 0.6f, backZ), std::max(2.f, cam.f * 0.004f), rgb(0x2A2C30));
    for (float z : {8.f, 13.f, 19.f, 26.f, 34.f, 43.f})
        for (float x : {-13.5f, -4.5f, 4.5f, 13.5f}) {
            const Pt l = cam.at(x, ceiling - 0.7f, z);
            const float s = cam.scale(z);
            c.ellipse(l.x, l.y, 0.5f * s, 0.12f * s, rgb(0xFFFDF5));
            c.glow(l.x, l.y, 2.5f * s, 0.9f * s, rgb(0xFFF4DC), 0.25f);
        }

    // Booths in rows across the hall, split by the main aisle, drawn from the back.
    std::vector<std::string> names = text.exhibitors;
    if (names.empty())
        names = {"Aussteller"};
    const std::vector<Colour> walls{rgb(0x0B5CAD), rgb(0x00875A), rgb(0xB1002E), rgb(0x00839B), rgb(0x5B2C83),
                                    rgb(0xE2661A), rgb(0x1D3C6E), rgb(0x2E7D32), rgb(0x37474F), rgb(0xC0392B)};
    std::vector<float> rows = close ? std::vector<float>{30, 20, 6.0f} : std::vector<float>{38, 29, 21, 14, 8};
    size_t nameIndex = rnd.next() % names.size();
    struct Drawable {
        float z;
        std::function<void()> draw;
    };
    std::vector<Drawable> items;
    for (size_t r = 0; r < rows.size(); ++r) {
        const float z = rows[r];
        for (int side : {-1, 1}) {
            float x = side * 2.2f;
            for (int k = 0; k < 5; ++k) {
                const float width = rnd.uniform(3.f, 5.f);
                Booth b;
                b.x0 = side < 0 ? x - width : x;
                b.x1 = side < 0 ? x : x + width;
                b.z = z;
                b.depth = 3;
                b.wall = rnd.pick(walls);
                b.name = names[nameIndex++ % names.size()];
                if (close && r + 1 == rows.size() && k == 0 && side == (cam.x < 0 ? -1 : 1)) {
                    b.name = text.featured;
                    b.x0 = side < 0 ? -4.6f : 0.6f;
                    b.x1 = b.x0 + 4.0f;
                    cam.x = (b.x0 + b.x1) / 2 - side * 1.2f;
                }
                x += side * (width + 0.02f);
                // Outer booths first (higher k), within one row and depth.
                items.push_back({b.z + b.depth + 0.001f * float(k), [&c, &cam, &fonts, b, seed = rnd.next()] {
                                     Random local(seed);
                                     drawBooth(c, cam, fonts, local, b);
                                 }});
                // Staff behind the counter and visitors in front of it.
                const int staff = rnd.range(0, 2);
                for (int i = 0; i < staff; ++i) {
                    Person p = randomPerson(rnd, rnd.uniform(b.x0 + 0.5f, b.x1 - 0.5f), z + rnd.uniform(1.2f, 2.3f));
                    p.facing = true;
                    items.push_back({p.z, [&c, &cam, p] { drawPerson(c, cam, p, softness(cam, p.z, 3, 45)); }});
                }
                const int visitors = rnd.range(0, busy ? 4 : 2);
                for (int i = 0; i < visitors; ++i) {
                    Person p = randomPerson(rnd, rnd.uniform(b.x0, b.x1), z - rnd.uniform(0.4f, 1.6f));
                    items.push_back({p.z, [&c, &cam, p] { drawPerson(c, cam, p, softness(cam, p.z, 3, 45)); }});
                }
            }
        }
    }
    const int walkers = busy ? 14 : 7;
    for (int i = 0; i < walkers; ++i) {
        Person p = randomPerson(rnd, rnd.uniform(-1.6f, 1.6f) + cam.x * 0.3f, rnd.uniform(3.5f, 36.f));
        if (std::fabs(p.x - cam.x) < 0.5f && p.z < 5)
            continue;
        items.push_back({p.z, [&c, &cam, p] { drawPerson(c, cam, p, softness(cam, p.z, 3, 45)); }});
    }
    if (kiosk) { // an information kiosk stele close to the camera
        const float kx = cam.x + 0.9f, kz = 2.6f;
        items.push_back({kz, [&c, &cam, &fonts, kx, kz] {
                             const float s = cam.scale(kz);
                             const Pt b = cam.at(kx, 0, kz);
                             c.rect(b.x - 0.32f * s, b.y - 1.9f * s, b.x + 0.32f * s, b.y, rgb(0xD8DADC));
                             c.rect(b.x - 0.28f * s, b.y - 1.85f * s, b.x + 0.28f * s, b.y - 0.9f * s, rgb(0xF4F6F9));
                             c.rect(b.x - 0.28f * s, b.y - 1.85f * s, b.x + 0.28f * s, b.y - 1.72f * s, kAccentBlue);
                             fonts.bold.drawFitted(c, "Wegweiser", b.x, b.y - 1.75f * s, 0.09f * s, 0.45f * s, rgb(0xFFFFFF));
                             c.rect(b.x - 0.24f * s, b.y - 1.65f * s, b.x + 0.24f * s, b.y - 1.3f * s, rgb(0xDCE6EE));
                             c.line({b.x - 0.15f * s, b.y - 1.35f * s}, {b.x + 0.1f * s, b.y - 1.55f * s}, 0.02f * s, kAccentGreen);
                             c.glow(b.x, b.y - 1.4f * s, 0.6f * s, 0.7f * s, rgb(0xBFD6FF), 0.15f);
                         }});
    }
    std::stable_sort(items.begin(), items.end(), [](const Drawable& a, const Drawable& b) { return a.z > b.z; });
    for (const Drawable& d : items)
        d.draw();
}

// [SECTION] Scene: lounge with windows onto the apron

void drawOutside(Canvas& c, Random& rnd, const Camera& cam, float x0, float y0, float x1, float y1)
{
    c.clip(x0, y0, x1, y1);
    c.gradient(y0, cam.hy, rgb(0x8DB6E3) * 1.1f, rgb(0xE8F1F8) * 1.2f);
    c.gradient(cam.hy, y1, rgb(0x9A9C9C) * 1.15f, rgb(0x8A8D8E) * 1.15f);
    const float far = 400;
    const Pt g0 = cam.at(-2000, 0, far * 2.5f), g1 = cam.at(2000, 0, far);
    c.rect(x0, g0.y, x1, g0.y + (g1.y - g0.y) * 0.35f, rgb(0x8FA36E) * 1.15f); // grass beyond the apron
    for (int i = 0; i < 6; ++i) { // distant buildings
        const float bx = x0 + (x1 - x0) * rnd.uniform(0, 1), bw = (x1 - x0) * rnd.uniform(0.02f, 0.08f);
        const float bh = cam.f * rnd.uniform(0.004f, 0.012f);
        c.rect(bx, g0.y - bh, bx + bw, g0.y + 1, rgb(0xB8BEC4) * 1.05f, 1, 2);
    }
    // An aircraft on the apron: fuselage, wing, tail fin, a row of windows.
    const float pz = rnd.uniform(70, 120), px = cam.x + rnd.uniform(-25, 25), s = cam.scale(pz);
    const Pt p = cam.at(px, 2.6f, pz);
    const float len = 36 * s, dir = rnd.chance(0.5f) ? 1.f : -1.f;
    const Colour white = rgb(0xF6F8FA) * 1.1f;
    c.ellipse(p.x + dir * 0.4f * len, p.y + 0.9f * s, 0.25f * len, 0.3f * s, rgb(0x555A60), 0.35f, 3);
    c.polygon({{p.x - 0.1f * len, p.y}, {p.x + 0.05f * len, p.y}, {p.x - dir * 0.12f * len, p.y + 1.4f * s}}, rgb(0xD8DCE0));
    c.roundRect(p.x - len / 2, p.y - 2.0f * s, p.x + len / 2, p.y + 2.0f * s, 2.0f * s, white, 1, 2);
    c.polygon({{p.x - dir * 0.5f * len, p.y - 1.5f * s}, {p.x - dir * 0.38f * len, p.y - 1.5f * s},
               {p.x - dir * 0.47f * len, p.y - 8.5f * s}, {p.x - dir * 0.52f * len, p.y - 8.5f * s}},
              rgb(0x0B5CAD));
    for (float t = -0.35f; t < 0.38f; t += 0.025f)
        c.ellipse(p.x + t * len, p.y - 0.7f * s, 0.18f * s, 0.25f * s, rgb(0x2C3440));
    c.unclip();
}

void drawLounge(Canvas& c, Random& rnd, const Fonts& fonts, const SceneText& text)
{
    const float W = float(c.width()), H = float(c.height());
    Camera cam;
    cam.cx = W / 2;
    cam.hy = H * rnd.uniform(0.44f, 0.5f);
    cam.f = 0.85f * std::max(W, H) * rnd.uniform(0.95f, 1.2f);
    cam.eye = rnd.uniform(1.5f, 1.7f);
    cam.x = rnd.uniform(-2.5f, 2.5f);
    const bool view = text.has({"vorfeld", "apron", "blick aus"});
    const bool stage = text.has({"bühne", "buehne", "stage", "impulsvortrag"});
    const bool beanbags = text.has({"sitzs", "beanbag", "hocker"});
    const bool whiteboard = text.has({"whiteboard", "skizze", "sketch"});
    const bool screen = text.has({"bildschirm", "screen", "chatbot"});
    const bool tabletop = text.has({"visitenkarten", "business card", "kaffeebecher"});
    const bool evening = text.has({"abend", "evening", "get-together"});
    if (view)
        cam.f *= 0.8f;
    if (tabletop)
        cam.eye = 1.5f, cam.f *= 0.9f;
    const float backZ = 13, ceiling = 4.4f, winTop = 4.0f, winBottom = 0.25f;

    c.gradient(0, cam.hy, rgb(0xBFC0C0), rgb(0xD6D5D2));
    c.gradient(cam.hy, H, rgb(0x8E8A84), rgb(0x6E6A64));
    // Ceiling with recessed lights, walls: wood slats left, white right.
    flat(c, cam, -11, 11, 0.5f, backZ, ceiling, rgb(0xD9D9D6));
    for (float z = 3; z < backZ; z += 2.5f)
        for (float x = -8; x <= 8; x += 4) {
            const Pt l = cam.at(x, ceiling, z);
            c.ellipse(l.x, l.y, 0.18f * cam.scale(z), 0.05f * cam.scale(z), rgb(0xFFFFFF));
        }
    sideWall(c, cam, -11, 0.5f, backZ, 0, ceiling, rgb(0x8A5A36));
    for (float z = 1.0f; z < backZ; z += 0.35f)
        c.line(cam.at(-10.98f, 0, z), cam.at(-10.98f, ceiling, z), std::max(1.5f, 0.03f * cam.scale(z)), rgb(0x5E3B22), 0.6f);
    sideWall(c, cam, 11, 0.5f, backZ, 0, ceiling, rgb(0xE2E0DC));
    // Back wall of glass: the view, then mullions.
    quad(c, cam, -11, 11, 0, ceiling, backZ, rgb(0xE6E4E0));
    const Pt v0 = cam.at(-11, winTop, backZ), v1 = cam.at(11, winBottom, backZ);
    drawOutside(c, rnd, cam, v0.x, v0.y, v1.x, v1.y);
    const float ms = cam.scale(backZ);
    for (float x = -11; x <= 11.01f; x += 1.8f) {
        const Pt m = cam.at(x, 0, backZ);
        c.rect(m.x - 0.05f * ms, v0.y, m.x + 0.05f * ms, v1.y, rgb(0x3A3D42));
    }
    c.rect(v0.x, v0.y - 0.06f * ms, v1.x, v0.y + 0.04f * ms, rgb(0x3A3D42));
    c.rect(v0.x, v1.y - 0.04f * ms, v1.x, v1.y + 0.05f * ms, rgb(0x3A3D42));
    // Daylight: a wash into the room and reflections on the polished floor.
    const Colour daylight = evening ? rgb(0xFFB070) : rgb(0xDDE9F5);
    c.glow((v0.x + v1.x) / 2, (v0.y + v1.y) / 2, (v1.x - v0.x) * 0.7f, (v1.y - v0.y) * 1.3f, daylight, evening ? 0.15f : 0.3f);
    const float reflection = (H - v1.y) * 0.55f;
    for (float x = -11; x < 11; x += 1.8f) {
        const Pt a = cam.at(x + 0.08f, 0, backZ), b = cam.at(x + 1.72f, 0, backZ);
        c.polygon({{a.x, v1.y}, {b.x, v1.y}, {b.x, v1.y + reflection}, {a.x, v1.y + reflection}}, daylight, 0.2f,
                  0.15f * ms, Blend::Add, [&](float, float py) { return std::clamp(1 - (py - v1.y) / reflection, 0.f, 1.f); });
    }
    if (evening) { // warmer, dimmer room
        c.paint(0, 0, W, H, rgb(0x1A0E04), 0.35f, [](float, float) { return 1.f; });
    }

    struct Drawable {
        float z;
        std::function<void()> draw;
    };
    std::vector<Drawable> items;
    const float light = evening ? 0.75f : 0.62f; // people against the windows are backlit
    const Colour rim = daylight * 1.1f;
    auto addPerson = [&](Person p, float rimStrength) {
        items.push_back({p.z, [&c, &cam, p, light, rim, rimStrength] {
                             drawPerson(c, cam, p, softness(cam, p.z, 2.5f, 20), light, rim, rimStrength);
                         }});
    };
    auto addTable = [&](float x, float z, Colour cover) {
        items.push_back({z, [&c, &cam, x, z, cover, light] {
                             const float s = cam.scale(z), soft = softness(cam, z, 2.5f, 20);
                             const Pt top = cam.at(x, 1.1f, z), waist = cam.at(x, 0.55f, z), base = cam.at(x, 0, z);
                             const Colour cv = cover * (light + 0.2f);
                             c.ellipse(base.x, base.y, 0.4f * s, 0.07f * s, {0, 0, 0}, 0.25f, soft * 3);
                             c.polygon({{top.x - 0.36f * s, top.y}, {top.x + 0.36f * s, top.y}, {waist.x + 0.1f * s, waist.y},
                                        {waist.x - 0.1f * s, waist.y}}, cv, 1, soft);
                             c.polygon({{waist.x - 0.1f * s, waist.y}, {waist.x + 0.1f * s, waist.y}, {base.x + 0.3f * s, base.y},
                                        {base.x - 0.3f * s, base.y}}, cv * 0.92f, 1, soft);
                             c.ellipse(top.x, top.y, 0.37f * s, 0.06f * s, cv * 1.08f, 1, soft);
                         }});
    };

    const Colour covers[] = {rgb(0xF2F2EE), rgb(0xF2F2EE), kAccentBlue * 1.2f, rgb(0x2B2B2E)};
    const Colour tableCover = covers[rnd.next() % 4];
    if (tabletop) { // a table close to the camera, seen from above, with cups and business cards
        const float z = 1.3f, x = cam.x;
        items.push_back({z, [&c, &cam, x, z, seed = rnd.next()] {
                             Random local(seed);
                             const float s = cam.scale(z), squash = (cam.eye - 1.1f) / z; // a circle seen at an angle
                             const Pt top = cam.at(x, 1.1f, z), waist = cam.at(x, 0.55f, z);
                             const Colour cloth = rgb(0xF2F2EE) * 0.9f;
                             c.polygon({{top.x - 0.6f * s, top.y}, {top.x + 0.6f * s, top.y}, {waist.x + 0.14f * s, waist.y},
                                        {waist.x - 0.14f * s, waist.y}}, cloth * 0.78f);
                             c.polygon({{top.x + 0.1f * s, top.y}, {top.x + 0.6f * s, top.y}, {waist.x + 0.14f * s, waist.y},
                                        {waist.x + 0.02f * s, waist.y}}, {0, 0, 0}, 0.12f, 0.05f * s);
                             c.ellipse(top.x, top.y + 0.01f * s, 0.61f * s, 0.61f * s * squash, cloth * 0.7f, 1, 2);
                             c.ellipse(top.x, top.y, 0.6f * s, 0.6f * s * squash, cloth, 1, 2);
                             for (int i = 0; i < 4; ++i) { // business cards lying on the table
                                 const float cx = top.x + local.uniform(-0.4f, 0.4f) * s;
                                 const float cy = top.y + local.uniform(-0.25f, 0.3f) * s * squash;
                                 c.rect(cx - 0.045f * s, cy - 0.028f * s * squash, cx + 0.045f * s, cy + 0.028f * s * squash,
                                        {0, 0, 0}, 0.15f, 0.01f * s);
                                 c.rect(cx - 0.043f * s, cy - 0.03f * s * squash, cx + 0.043f * s, cy + 0.026f * s * squash,
                                        rgb(0xFFFFFF), 1, 1.5f);
                                 c.rect(cx - 0.035f * s, cy - 0.018f * s * squash, cx - 0.005f * s, cy - 0.008f * s * squash,
                                        i % 2 ? kAccentBlue : kAccentGreen, 1, 1);
                             }
                             for (int i = 0; i < 3; ++i) { // paper cups with a sleeve
                                 const float cx = top.x + (float(i) - 1) * 0.24f * s + local.uniform(-0.04f, 0.04f) * s;
                                 const float cy = top.y + local.uniform(-0.3f, 0.35f) * s * squash;
                                 const float r = 0.042f * s, hgt = 0.11f * s;
                                 c.ellipse(cx + 0.02f * s, cy, r * 1.3f, r * 1.3f * squash, {0, 0, 0}, 0.2f, 0.02f * s);
                                 c.polygon({{cx - r, cy - hgt}, {cx + r, cy - hgt}, {cx + r * 0.78f, cy}, {cx - r * 0.78f, cy}},
                                           rgb(0xF6F3EC));
                                 c.ellipse(cx, cy, r * 0.78f, r * 0.78f * squash, rgb(0xF6F3EC));
                                 c.polygon({{cx + r * 0.2f, cy - hgt}, {cx + r, cy - hgt}, {cx + r * 0.78f, cy}, {cx + r * 0.15f, cy}},
                                           {0, 0, 0}, 0.12f, 0.01f * s);
                                 c.polygon({{cx - r * 0.95f, cy - hgt * 0.7f}, {cx + r * 0.95f, cy - hgt * 0.7f},
                                            {cx + r * 0.88f, cy - hgt * 0.35f}, {cx - r * 0.88f, cy - hgt * 0.35f}}, kAccentGreen * 0.9f);
                                 c.ellipse(cx, cy - hgt, r, r * squash, rgb(0xE9E4DA));
                                 c.ellipse(cx, cy - hgt + 0.004f * s, r * 0.88f, r * 0.88f * squash, rgb(0x3A2618));
                             }
                         }});
    }
    if (stage || screen) { // a small stage or a big screen against the right wall
        const float sx = 5.5f, sz = 9.5f;
        items.push_back({sz + 1, [&c, &cam, &fonts, &rnd, &text, sx, sz, stage] {
                             const float s = cam.scale(sz);
                             if (stage) {
                                 flat(c, cam, sx - 3, sx + 3, sz - 1.5f, sz + 1.5f, 0.3f, rgb(0x3A3532));
                                 quad(c, cam, sx - 3, sx + 3, 0, 0.3f, sz - 1.5f, rgb(0x221F1D));
                             }
                             const Pt a = cam.at(sx - 1.8f, 2.9f, sz + 1.2f), b = cam.at(sx + 1.8f, 0.9f, sz + 1.2f);
                             c.rect(a.x - 0.05f * s, a.y - 0.05f * s, b.x + 0.05f * s, b.y + 0.05f * s, rgb(0x111111));
                             drawSlide(c, fonts, rnd, text, a.x, a.y, b.x, b.y, 1.0f);
                             c.line(cam.at(sx, 0, sz + 1.2f), cam.at(sx, 0.9f, sz + 1.2f), 0.08f * s, rgb(0x2A2A2A));
                         }});
        if (stage) {
            Person p = randomPerson(rnd, sx - 1.2f, sz - 0.2f);
            p.base = 0.3f;
            p.facing = true;
            addPerson(p, 0);
        }
    }
    if (whiteboard) {
        const float wx = -3.5f, wz = 6.5f;
        items.push_back({wz + 0.1f, [&c, &cam, &rnd, wx, wz] {
                             const float s = cam.scale(wz);
                             const Pt a = cam.at(wx - 1, 2.0f, wz), b = cam.at(wx + 1, 0.9f, wz);
                             c.line(cam.at(wx - 0.9f, 0, wz), cam.at(wx - 0.9f, 2.0f, wz), 0.04f * s, rgb(0x9A9A9A));
                             c.line(cam.at(wx + 0.9f, 0, wz), cam.at(wx + 0.9f, 2.0f, wz), 0.04f * s, rgb(0x9A9A9A));
                             c.rect(a.x, a.y, b.x, b.y, rgb(0xF7F7F4));
                             const Colour pens[] = {kAccentBlue, rgb(0xC0392B), rgb(0x222222), kAccentGreen};
                             for (int i = 0; i < 14; ++i) {
                                 const Pt p0{a.x + (b.x - a.x) * rnd.uniform(0.08f, 0.85f), a.y + (b.y - a.y) * rnd.uniform(0.1f, 0.9f)};
                                 const Pt p1{p0.x + rnd.uniform(-0.3f, 0.3f) * s, p0.y + rnd.uniform(-0.15f, 0.15f) * s};
                                 if (i % 4 == 3)
                                     c.paint(p0.x - 0.12f * s, p0.y - 0.08f * s, p0.x + 0.12f * s, p0.y + 0.08f * s, pens[i % 4], 1,
                                             [&](float x, float y) {
                                                 return Canvas::edge(std::fabs(Canvas::ellipseDistance(x - p0.x, y - p0.y, 0.1f * s, 0.06f * s)) - 0.005f * s, 1.5f);
                                             });
                                 else
                                     c.line(p0, p1, 0.008f * s, pens[i % 4]);
                             }
                         }});
        Person p = randomPerson(rnd, wx + 1.3f, wz - 0.4f);
        p.facing = true;
        p.arm = 0.45f;
        addPerson(p, 0.3f);
    }
    if (beanbags) {
        for (int i = 0; i < 7; ++i) {
            const float x = rnd.uniform(-6, 6), z = rnd.uniform(3.5f, 9);
            const Colour bag = rnd.pick(std::vector<Colour>{rgb(0xE2661A), kAccentBlue, rgb(0x7A8A3A), rgb(0x8A2F3C), rgb(0x50555C)});
            items.push_back({z + 0.01f, [&c, &cam, x, z, bag, light] {
                                 const float s = cam.scale(z);
                                 const Pt b = cam.at(x, 0, z);
                                 c.ellipse(b.x, b.y - 0.25f * s, 0.45f * s, 0.3f * s, bag * (light + 0.2f), 1, softness(cam, z, 2.5f, 20));
                             }});
            if (rnd.chance(0.75f)) {
                Person p = randomPerson(rnd, x, z - 0.05f);
                p.seated = true;
                p.base = 0.05f;
                addPerson(p, 0.3f);
            }
        }
    }
    // Standing tables with groups around them.
    const int tables = tabletop ? 2 : view ? 2 : rnd.range(3, 5);
    for (int t = 0; t < tables; ++t) {
        const float x = rnd.uniform(-6.5f, 6.5f), z = rnd.uniform(3.5f, 10.5f);
        addTable(x, z, tableCover);
        const int n = rnd.range(1, 4);
        for (int i = 0; i < n; ++i) {
            const float angle = rnd.uniform(0, 6.283f);
            Person p = randomPerson(rnd, x + 0.65f * std::cos(angle), z + 0.5f * std::sin(angle));
            p.facing = std::sin(angle) > 0;
            addPerson(p, 0.35f);
        }
    }
    if (!view) {
        const int standing = rnd.range(3, 7);
        for (int i = 0; i < standing; ++i)
            addPerson(randomPerson(rnd, rnd.uniform(-8, 8), rnd.uniform(2.6f, 11.5f)), 0.35f);
    }
    // Plants in the corners.
    for (float x : {-9.8f, 9.6f}) {
        const float z = rnd.uniform(5, 9);
        items.push_back({z, [&c, &cam, x, z, light, seed = rnd.next()] {
                             Random local(seed);
                             const float s = cam.scale(z), soft = softness(cam, z, 2.5f, 20);
                             const Pt b = cam.at(x, 0, z);
                             c.rect(b.x - 0.25f * s, b.y - 0.5f * s, b.x + 0.25f * s, b.y, rgb(0x3B3B3D) * light, 1, soft);
                             for (int i = 0; i < 16; ++i)
                                 c.ellipse(b.x + local.uniform(-0.45f, 0.45f) * s, b.y - local.uniform(0.6f, 1.7f) * s,
                                           local.uniform(0.12f, 0.25f) * s, local.uniform(0.2f, 0.35f) * s,
                                           mix(rgb(0x2F5D2A), rgb(0x5E8C3A), local.uniform(0, 1)) * light, 1, soft);
                         }});
    }
    std::stable_sort(items.begin(), items.end(), [](const Drawable& a, const Drawable& b) { return a.z > b.z; });
    for (const Drawable& d : items)
        d.draw();
}

// [SECTION] Developing: tone, vignette, grain

uint32_t pixelHash(uint32_t x, uint32_t y, uint32_t seed)
{
    uint32_t h = x * 0x9E3779B1u ^ (y * 0x85EBCA77u + seed);
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    h *= 0x297A2D39u;
    h ^= h >> 15;
    return h;
}

// Highlights roll off instead of clipping, corners darken a little, and there is luminance grain
// that is stronger in the shadows, as from a camera at a higher ISO.
std::vector<uint8_t> develop(const Canvas& c, uint32_t seed, float vignette, float grain, Colour tint)
{
    const int w = c.width(), h = c.height();
    std::vector<uint8_t> out(size_t(w) * size_t(h) * 3);
    const float* px = c.data();
    const float halfDiagonal2 = 0.25f * (float(w) * float(w) + float(h) * float(h));
    auto tone = [](float v) {
        if (v <= 0.8f)
            return std::max(v, 0.f);
        return 0.8f + 0.2f * (1 - std::exp(-(v - 0.8f) / 0.2f));
    };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t i = size_t(y) * size_t(w) + size_t(x);
            const float dx = float(x) - w * 0.5f, dy = float(y) - h * 0.5f;
            const float r2 = (dx * dx + dy * dy) / halfDiagonal2;
            const float v = 1 - vignette * r2 * r2 * 0.6f - vignette * r2 * 0.4f;
            float rgbv[3] = {px[i * 3] * tint.r * v, px[i * 3 + 1] * tint.g * v, px[i * 3 + 2] * tint.b * v};
            const float luma = 0.3f * rgbv[0] + 0.59f * rgbv[1] + 0.11f * rgbv[2];
            const uint32_t hsh = pixelHash(uint32_t(x), uint32_t(y), seed);
            const float n = (float(hsh & 1023) + float(hsh >> 10 & 1023) - 1023.f) / 1023.f; // triangular, -1..1
            const float amount = grain * (0.5f + 1.2f * (1 - std::min(1.f, luma)));
            for (int k = 0; k < 3; ++k) {
                const float chroma = (float(hsh >> (20 + 4 * k) & 15) - 7.5f) / 7.5f * 0.15f;
                const float value = tone(rgbv[k]) + amount * (n + chroma);
                out[i * 3 + size_t(k)] = uint8_t(std::clamp(value * 255.f + 0.5f, 0.f, 255.f));
            }
        }
    return out;
}

// [SECTION] Logos

struct LogoStyle {
    Colour primary, secondary;
};

LogoStyle logoStyle(uint64_t h)
{
    static const uint32_t pairs[][2] = {{0x00549F, 0x8DC63F}, {0x006E50, 0xF2A900}, {0xB1002E, 0x3C3C3C}, {0x00839B, 0xE94E1B},
                                        {0x5B2C83, 0x00A19A}, {0x1D3C6E, 0x55B4E6}, {0xE2001A, 0xF7A600}, {0x2E7D32, 0x9CCC65},
                                        {0x37474F, 0xFF7043}, {0x0F4C81, 0xC0392B}, {0x7A1F5C, 0xE6A23C}, {0x00606B, 0x9BC53D}};
    const auto& p = pairs[h % (sizeof pairs / sizeof pairs[0])];
    return {rgb(p[0]), rgb(p[1])};
}

std::string initials(const std::string& name)
{
    std::string out;
    bool start = true;
    for (size_t i = 0; i < name.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(name[i]);
        if (std::isalnum(ch) && start && out.size() < 3 && std::isupper(ch))
            out += char(ch);
        start = ch == ' ' || ch == '-';
    }
    return out.empty() ? name.substr(0, 1) : out;
}

std::vector<std::string> wrap(const Font& font, const std::string& text, float size, float width, size_t max_lines)
{
    std::vector<std::string> lines;
    std::string line, word;
    auto flush = [&] {
        if (!line.empty())
            lines.push_back(line);
        line.clear();
    };
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            if (!word.empty()) {
                const std::string candidate = line.empty() ? word : line + " " + word;
                if (!line.empty() && font.width(candidate, size) > width)
                    flush(), line = word;
                else
                    line = candidate;
            }
            word.clear();
        } else {
            word += text[i];
        }
    }
    flush();
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        lines.back() += " …";
    }
    return lines;
}

Canvas drawLogo(const std::string& name, const std::string& short_name, uint64_t seed, const Fonts& fonts)
{
    Canvas c(800, 400, 4);
    Random rnd(seed);
    const LogoStyle st = logoStyle(seed >> 7);
    const float ex = 40, ey = 60, S = 280; // emblem box
    const float cx = ex + S / 2, cy = ey + S / 2;
    const std::string mark = initials(short_name.empty() ? name : short_name);
    switch (rnd.next() % 6) {
    case 0: // disc with initials
        c.ellipse(cx, cy, S * 0.47f, S * 0.47f, st.primary, 1, 1.2f);
        c.paint(ex, ey, ex + S, ey + S, st.secondary, 1, [&](float x, float y) {
            return Canvas::edge(std::fabs(length(x - cx, y - cy) - S * 0.41f) - S * 0.02f, 1.2f);
        });
        fonts.bold.drawFitted(c, mark, cx, cy + S * 0.14f, S * 0.48f, S * 0.66f, rgb(0xFFFFFF));
        break;
    case 1: // shield with a chevron
        c.polygon({{ex + S * 0.12f, ey + S * 0.04f}, {ex + S * 0.88f, ey + S * 0.04f}, {ex + S * 0.88f, ey + S * 0.55f},
                   {ex + S * 0.5f, ey + S * 0.97f}, {ex + S * 0.12f, ey + S * 0.55f}},
                  st.primary, 1, 1.2f);
        c.line({ex + S * 0.28f, ey + S * 0.38f}, {cx, ey + S * 0.6f}, S * 0.1f, st.secondary, 1, 1.2f);
        c.line({cx, ey + S * 0.6f}, {ex + S * 0.72f, ey + S * 0.38f}, S * 0.1f, st.secondary, 1, 1.2f);
        break;
    case 2: { // four rounded squares, one in the second colour
        const int odd = int(rnd.next() % 4);
        for (int i = 0; i < 4; ++i) {
            const float x = ex + S * (0.06f + 0.47f * float(i % 2)), y = ey + S * (0.06f + 0.47f * float(i / 2));
            c.roundRect(x, y, x + S * 0.41f, y + S * 0.41f, S * 0.07f, i == odd ? st.secondary : st.primary, 1, 1.2f);
        }
        break;
    }
    case 3: // stacked bars like a signal
        for (int i = 0; i < 4; ++i) {
            const float y = ey + S * (0.12f + 0.21f * float(i));
            c.roundRect(ex + S * 0.05f, y, ex + S * (0.45f + 0.15f * float((i * 3 + int(seed % 5)) % 4)), y + S * 0.14f,
                        S * 0.07f, i % 2 ? st.secondary : st.primary, 1, 1.2f);
        }
        break;
    case 4: { // hexagon with a diamond cut-out look
        std::vector<Pt> hex;
        for (int i = 0; i < 6; ++i)
            hex.push_back({cx + S * 0.48f * std::cos(0.5236f + 1.0472f * float(i)), cy + S * 0.48f * std::sin(0.5236f + 1.0472f * float(i))});
        c.polygon(hex, st.primary, 1, 1.2f);
        c.polygon({{cx, cy - S * 0.22f}, {cx + S * 0.22f, cy}, {cx, cy + S * 0.22f}, {cx - S * 0.22f, cy}}, st.secondary, 1, 1.2f);
        break;
    }
    default: { // two leaves growing from a stem
        // A leaf is the overlap of two discs whose centres sit either side of its long axis.
        auto leaf = [&](Pt middle, Pt across, float offset, float r, Colour col) {
            const Pt a{middle.x + across.x * offset, middle.y + across.y * offset};
            const Pt b{middle.x - across.x * offset, middle.y - across.y * offset};
            c.paint(ex, ey, ex + S, ey + S, col, 1, [&](float x, float y) {
                return std::min(Canvas::edge(length(x - a.x, y - a.y) - r, 1.2f), Canvas::edge(length(x - b.x, y - b.y) - r, 1.2f));
            });
        };
        const float d = 0.7071f;
        leaf({cx - S * 0.17f, cy - S * 0.13f}, {d, -d}, S * 0.2f, S * 0.31f, st.primary);
        leaf({cx + S * 0.17f, cy - S * 0.02f}, {d, d}, S * 0.18f, S * 0.28f, st.secondary);
        c.line({cx, cy + S * 0.02f}, {cx, ey + S * 0.98f}, S * 0.055f, st.primary, 1, 1.2f);
        break;
    }
    }

    // Word mark: the short name large, the full name small underneath.
    const float tx = 360, maxW = 410;
    const std::string big = short_name.empty() ? name : short_name;
    float size = 150;
    if (fonts.bold.width(big, size) > maxW)
        size *= maxW / fonts.bold.width(big, size);
    const bool second = !name.empty() && name != big;
    const std::vector<std::string> lines = second ? wrap(fonts.regular.ok() ? fonts.regular : fonts.bold, name, 34, maxW, 3)
                                                  : std::vector<std::string>{};
    const float block = size * 0.75f + (lines.empty() ? 0 : 18 + 40 * float(lines.size()));
    float baseline = 200 - block / 2 + size * 0.75f;
    fonts.bold.draw(c, big, tx, baseline, size, st.primary);
    baseline += 18;
    for (const std::string& l : lines) {
        baseline += 40;
        (fonts.regular.ok() ? fonts.regular : fonts.bold).draw(c, l, tx, baseline, 34, rgb(0x4A4F57));
    }
    return c;
}

// [SECTION] Plans

struct PlanSpec {
    std::string level;
    std::vector<Pt> outline;
    float scale = 20;  // pixels per metre
    Pt origin;         // metres at the top-left pixel
    std::vector<std::pair<std::vector<Pt>, float>> walls;
    std::vector<std::vector<Pt>> rooms;
    std::vector<std::vector<Pt>> obstacles;
};

bool insidePolygon(const std::vector<Pt>& poly, float x, float y)
{
    bool in = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++)
        if ((poly[i].y > y) != (poly[j].y > y) &&
            x < (poly[j].x - poly[i].x) * (y - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x)
            in = !in;
    return in;
}

// Any polygon, 2×2 samples per pixel for the edge.
void fillPolygon(Canvas& c, const std::vector<Pt>& poly, Colour col, float alpha = 1)
{
    if (poly.size() < 3)
        return;
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    for (const Pt& p : poly)
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    c.paint(x0 - 1, y0 - 1, x1 + 1, y1 + 1, col, alpha, [&](float x, float y) {
        int n = 0;
        for (float oy : {-0.25f, 0.25f})
            for (float ox : {-0.25f, 0.25f})
                n += insidePolygon(poly, x + ox, y + oy);
        return float(n) / 4;
    });
}

// A wall as a hatched band, the way architectural drawings show cut walls.
void hatchedWall(Canvas& c, const std::vector<Pt>& pts, float thickness, float scale, bool closed)
{
    const float half = std::max(1.5f, thickness * scale / 2), spacing = std::max(4.f, 0.25f * scale);
    const size_t segments = closed ? pts.size() : pts.size() - 1;
    for (size_t i = 0; i < segments && pts.size() >= 2; ++i) {
        const Pt a = pts[i], b = pts[(i + 1) % pts.size()];
        c.paint(std::min(a.x, b.x) - half - 1, std::min(a.y, b.y) - half - 1, std::max(a.x, b.x) + half + 1,
                std::max(a.y, b.y) + half + 1, rgb(0x6B7078), 1, [&](float x, float y) {
                    return Canvas::edge(Canvas::segmentDistance(x, y, a, b) - half, 1);
                });
        c.paint(std::min(a.x, b.x) - half, std::min(a.y, b.y) - half, std::max(a.x, b.x) + half, std::max(a.y, b.y) + half,
                rgb(0xC9CDD2), 1, [&](float x, float y) {
                    const float inner = Canvas::edge(Canvas::segmentDistance(x, y, a, b) - (half - 1.5f), 1);
                    const float stripe = std::fmod(x + y + 10000 * spacing, spacing) < spacing * 0.55f ? 1.f : 0.f;
                    return inner * stripe;
                });
    }
}

Canvas drawPlan(const PlanSpec& plan, int w, int h)
{
    Canvas c(w, h, 3);
    c.fill(rgb(0xF4F3EF));
    auto px = [&](Pt m) { return Pt{(m.x - plan.origin.x) * plan.scale, (m.y - plan.origin.y) * plan.scale}; };
    auto pxAll = [&](const std::vector<Pt>& pts) {
        std::vector<Pt> out;
        for (const Pt& p : pts)
            out.push_back(px(p));
        return out;
    };
    fillPolygon(c, pxAll(plan.outline), rgb(0xFFFFFF));
    // Grid: every metre faint, every five metres stronger.
    const float s = plan.scale;
    for (int pass = 0; pass < 2; ++pass)
        for (int m = int(std::floor(std::min(plan.origin.x, plan.origin.y))) - 1; m * s < float(std::max(w, h)) + std::fabs(plan.origin.x + plan.origin.y) * s; ++m) {
            const bool major = m % 5 == 0;
            if (major != (pass == 1))
                continue;
            const Colour col = major ? rgb(0xC8D2DE) : rgb(0xE3E8EE);
            const float width = major ? 1.6f : 1.f;
            const Pt vx = px({float(m), 0}), hy = px({0, float(m)});
            c.rect(vx.x - width / 2, 0, vx.x + width / 2, float(h), col, 1, 1);
            c.rect(0, hy.y - width / 2, float(w), hy.y + width / 2, col, 1, 1);
        }
    for (const auto& room : plan.rooms) {
        const std::vector<Pt> p = pxAll(room);
        fillPolygon(c, p, rgb(0xE9EEF5), 0.6f);
        for (size_t i = 0; i < p.size(); ++i)
            c.line(p[i], p[(i + 1) % p.size()], 1.5f, rgb(0x9AA5B1));
    }
    for (const auto& ob : plan.obstacles) {
        const std::vector<Pt> p = pxAll(ob);
        fillPolygon(c, p, rgb(0xB9BEC5));
        if (p.size() == 4) {
            c.line(p[0], p[2], 1, rgb(0x7D848D));
            c.line(p[1], p[3], 1, rgb(0x7D848D));
        }
    }
    for (const auto& [pts, thickness] : plan.walls)
        hatchedWall(c, pxAll(pts), thickness, s, false);
    hatchedWall(c, pxAll(plan.outline), 0.4f, s, true);
    return c;
}

// [SECTION] Reading what the content refers to

enum class Kind { Photo, Logo, Plan };

struct Job {
    Kind kind = Kind::Photo;
    std::string path;     // relative to the content folder
    std::string gallery;
    std::string caption;
    bool sideways = false;
    int orientation = 6;
    std::string name, short_name;
    PlanSpec plan;
};

std::string lower(std::string s)
{
    for (char& ch : s)
        ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

bool safeRelative(const std::string& p)
{
    if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos || p.find(':') != std::string::npos)
        return false;
    for (const auto& part : fs::path(p))
        if (part == "..")
            return false;
    return true;
}

std::optional<std::string> readFile(const fs::path& path, std::string& error)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path.string() + ": cannot be read";
        return std::nullopt;
    }
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<Pt> points(const toml::node* node)
{
    std::vector<Pt> out;
    if (const toml::array* arr = node ? node->as_array() : nullptr)
        for (const toml::node& item : *arr)
            if (const toml::array* p = item.as_array(); p && p->size() >= 2)
                out.push_back({float((*p)[0].value<double>().value_or(0)), float((*p)[1].value<double>().value_or(0))});
    return out;
}

std::optional<toml::table> parseToml(const fs::path& path, const std::string& name, std::string& error)
{
    const std::optional<std::string> text = readFile(path, error);
    if (!text)
        return std::nullopt;
    try {
        return toml::parse(std::string_view(*text), std::string_view(name));
    } catch (const toml::parse_error& e) {
        std::fprintf(stderr, "ww-sample-media: %s:%u: %s; skipping it\n", name.c_str(), unsigned(e.source().begin.line),
                     std::string(e.description()).c_str());
        return std::nullopt;
    }
}

struct Catalogue {
    std::vector<Job> jobs;
    SceneText text; // shared names for slides and fascias
    std::vector<std::pair<std::string, std::string>> exhibitor_names; // (lower-case match key, short name)
};

void readCsvFile(const fs::path& dir, const std::string& name, std::string& error,
                 const std::function<void(const ww::CsvTable&, const ww::CsvRow&)>& each)
{
    const std::optional<std::string> bytes = readFile(dir / name, error);
    if (!bytes)
        return;
    ww::Diagnostics diags;
    const std::optional<ww::CsvTable> table = ww::readCsv(*bytes, name, diags);
    if (!table) {
        std::fprintf(stderr, "ww-sample-media: %s cannot be read as CSV; skipping it\n", name.c_str());
        return;
    }
    for (const ww::CsvRow& row : table->rows)
        each(*table, row);
}

Catalogue readCatalogue(const fs::path& dir, std::string& error)
{
    Catalogue cat;
    if (auto event = parseToml(dir / "event.toml", "event.toml", error))
        cat.text.event = (*event)["event"]["name_de"].value_or(std::string());
    if (auto topics = parseToml(dir / "topics.toml", "topics.toml", error))
        if (const toml::array* list = (*topics)["topic"].as_array())
            for (const toml::node& t : *list)
                if (const toml::table* tt = t.as_table())
                    if (auto n = (*tt)["name_de"].value<std::string>())
                        cat.text.topics.push_back(*n);

    readCsvFile(dir, "exhibitors.csv", error, [&](const ww::CsvTable& t, const ww::CsvRow& row) {
        Job job;
        job.kind = Kind::Logo;
        job.name = t.get(row, "name");
        job.short_name = t.get(row, "short_name");
        const std::string shown = job.short_name.empty() ? job.name : job.short_name;
        if (!shown.empty()) {
            cat.text.exhibitors.push_back(shown);
            cat.exhibitor_names.push_back({lower(shown), shown});
        }
        job.path = t.get(row, "logo");
        if (!job.path.empty())
            cat.jobs.push_back(job);
    });

    int photoIndex = 0;
    readCsvFile(dir, "photos.csv", error, [&](const ww::CsvTable& t, const ww::CsvRow& row) {
        Job job;
        job.kind = Kind::Photo;
        job.path = t.get(row, "file");
        job.gallery = t.get(row, "gallery");
        job.caption = lower(t.get(row, "caption_de") + " " + t.get(row, "caption_en") + " " + job.gallery + " " + job.path);
        // Every fifth photo is a portrait the camera stored sideways, mostly turned one way.
        job.sideways = photoIndex % 5 == 3;
        job.orientation = photoIndex % 10 == 8 ? 8 : 6;
        ++photoIndex;
        if (!job.path.empty())
            cat.jobs.push_back(job);
    });

    if (auto venue = parseToml(dir / "venue.toml", "venue.toml", error)) {
        auto onLevel = [&](const char* key, const std::string& level, const char* field,
                           const std::function<void(const toml::table&, std::vector<Pt>)>& take) {
            if (const toml::array* list = (*venue)[key].as_array())
                for (const toml::node& n : *list)
                    if (const toml::table* t = n.as_table(); t && (*t)["level"].value_or(std::string()) == level)
                        take(*t, points((*t)[field].node()));
        };
        if (const toml::array* levels = (*venue)["level"].as_array())
            for (const toml::node& n : *levels) {
                const toml::table* t = n.as_table();
                if (!t || !(*t)["background"].is_string())
                    continue;
                Job job;
                job.kind = Kind::Plan;
                job.path = (*t)["background"].value_or(std::string());
                job.plan.level = (*t)["id"].value_or(std::string());
                job.plan.scale = float((*t)["background_scale"].value<double>().value_or(20));
                if (const toml::array* o = (*t)["background_origin"].as_array(); o && o->size() >= 2)
                    job.plan.origin = {float((*o)[0].value<double>().value_or(0)), float((*o)[1].value<double>().value_or(0))};
                job.plan.outline = points((*t)["outline"].node());
                onLevel("wall", job.plan.level, "points", [&](const toml::table& w, std::vector<Pt> pts) {
                    job.plan.walls.push_back({std::move(pts), float(w["thickness"].value<double>().value_or(0.2))});
                });
                onLevel("room", job.plan.level, "shape",
                        [&](const toml::table&, std::vector<Pt> pts) { job.plan.rooms.push_back(std::move(pts)); });
                onLevel("obstacle", job.plan.level, "shape",
                        [&](const toml::table&, std::vector<Pt> pts) { job.plan.obstacles.push_back(std::move(pts)); });
                if (job.plan.scale > 0 && job.plan.outline.size() >= 3)
                    cat.jobs.push_back(job);
            }
    }
    return cat;
}

// [SECTION] Drawing one file

bool endsWith(const std::string& s, const char* suffix)
{
    const size_t n = std::strlen(suffix);
    return s.size() >= n && lower(s.substr(s.size() - n)) == suffix;
}

void appendTo(void* context, void* data, int size)
{
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

std::vector<uint8_t> encode(const std::vector<uint8_t>& px, int w, int h, int channels, bool jpeg, int quality)
{
    std::vector<uint8_t> out;
    const int ok = jpeg ? stbi_write_jpg_to_func(appendTo, &out, w, h, channels, px.data(), quality)
                        : stbi_write_png_to_func(appendTo, &out, w, h, channels, px.data(), w * channels);
    if (!ok)
        throw std::runtime_error("cannot encode the image");
    return out;
}

// Pixels a camera held upright-portrait writes: the scene turned so that applying `orientation`
// turns it back.
std::vector<uint8_t> storeSideways(const std::vector<uint8_t>& upright, int w, int h, int orientation)
{
    std::vector<uint8_t> out(upright.size());
    const int sw = h, sh = w; // stored size
    for (int sy = 0; sy < sh; ++sy)
        for (int sx = 0; sx < sw; ++sx) {
            // A viewer turns orientation 6 a quarter clockwise and 8 anticlockwise; this is the inverse.
            const int ux = orientation == 6 ? sh - 1 - sy : sy;
            const int uy = orientation == 6 ? sx : sw - 1 - sx;
            std::memcpy(&out[(size_t(sy) * sw + sx) * 3], &upright[(size_t(uy) * w + ux) * 3], 3);
        }
    return out;
}

struct Drawn {
    std::vector<uint8_t> bytes;
    std::string note;
};

Drawn drawPhoto(const Job& job, const Fonts& fonts, const Catalogue& cat)
{
    const uint64_t seed = hashText(job.path);
    Random rnd(seed);
    const bool jpeg = !endsWith(job.path, ".png");
    const bool sideways = jpeg && job.sideways;
    const int w = sideways ? 3000 : 4000, h = sideways ? 4000 : 3000;
    Canvas c(w, h, 3);
    SceneText text = cat.text;
    text.caption = job.caption;
    for (const auto& [key, shown] : cat.exhibitor_names)
        if (key.size() >= 3 && job.caption.find(key) != std::string::npos)
            text.featured = shown;

    enum class Scene { Stage, Exhibition, Lounge } scene;
    if (text.has({"lounge", "network", "innovation"}))
        scene = Scene::Lounge;
    else if (text.has({"ausstell", "exhibit", "expo", "stand "}))
        scene = Scene::Exhibition;
    else if (text.has({"eroeff", "opening", "stage", "bühne", "buehne", "keynote", "saal", "podium", "vortrag"}))
        scene = Scene::Stage;
    else
        scene = Scene(seed % 3);

    Colour tint{1, 1, 1};
    float vignette = 0.35f, grain = 0.018f;
    switch (scene) {
    case Scene::Stage:
        drawStage(c, rnd, fonts, text);
        tint = {1.02f, 1.0f, 0.97f};
        vignette = 0.45f, grain = 0.022f;
        break;
    case Scene::Exhibition:
        drawExhibition(c, rnd, fonts, text);
        tint = {1.04f, 1.01f, 0.95f};
        break;
    case Scene::Lounge:
        drawLounge(c, rnd, fonts, text);
        tint = {0.98f, 1.0f, 1.03f};
        vignette = 0.3f;
        break;
    }
    std::vector<uint8_t> px = develop(c, uint32_t(seed), vignette, grain, tint);
    Drawn out;
    if (!sideways) {
        out.bytes = encode(px, w, h, 3, jpeg, 90);
        out.note = std::to_string(w) + " × " + std::to_string(h) + (jpeg ? " JPEG" : " PNG");
        return out;
    }
    px = storeSideways(px, w, h, job.orientation);
    out.bytes = ww::withExifOrientation(encode(px, h, w, 3, true, 90), job.orientation);
    out.note = std::to_string(h) + " × " + std::to_string(w) + " JPEG, stored sideways (EXIF orientation " +
               std::to_string(job.orientation) + ")";
    return out;
}

Drawn drawLogoFile(const Job& job, const Fonts& fonts)
{
    const Canvas c = drawLogo(job.name, job.short_name, hashText(job.path), fonts);
    const bool jpeg = endsWith(job.path, ".jpg") || endsWith(job.path, ".jpeg");
    const size_t n = size_t(c.width()) * size_t(c.height());
    std::vector<uint8_t> px(n * (jpeg ? 3 : 4));
    for (size_t i = 0; i < n; ++i) {
        const float* p = c.data() + i * 4;
        const float a = p[3];
        for (int k = 0; k < 3; ++k) {
            // JPEG has no transparency: put the logo on white; PNG: undo the premultiplication.
            const float v = jpeg ? p[k] + (1 - a) : (a > 0 ? p[k] / a : 0);
            px[i * (jpeg ? 3 : 4) + size_t(k)] = uint8_t(std::clamp(v * 255.f + 0.5f, 0.f, 255.f));
        }
        if (!jpeg)
            px[i * 4 + 3] = uint8_t(std::clamp(a * 255.f + 0.5f, 0.f, 255.f));
    }
    Drawn out;
    out.bytes = encode(px, c.width(), c.height(), jpeg ? 3 : 4, jpeg, 92);
    out.note = std::string("800 × 400 ") + (jpeg ? "JPEG" : "PNG with transparency");
    return out;
}

Drawn drawPlanFile(const Job& job)
{
    float maxX = job.plan.origin.x, maxY = job.plan.origin.y;
    for (const Pt& p : job.plan.outline)
        maxX = std::max(maxX, p.x), maxY = std::max(maxY, p.y);
    const float margin = 2; // metres of paper beyond the building
    const int w = std::clamp(int(std::ceil((maxX + margin - job.plan.origin.x) * job.plan.scale)), 16, 8000);
    const int h = std::clamp(int(std::ceil((maxY + margin - job.plan.origin.y) * job.plan.scale)), 16, 8000);
    const Canvas c = drawPlan(job.plan, w, h);
    std::vector<uint8_t> px(size_t(w) * size_t(h) * 3);
    for (size_t i = 0; i < px.size(); ++i)
        px[i] = uint8_t(std::clamp(c.data()[i] * 255.f + 0.5f, 0.f, 255.f));
    const bool jpeg = endsWith(job.path, ".jpg") || endsWith(job.path, ".jpeg");
    Drawn out;
    out.bytes = encode(px, w, h, 3, jpeg, 92);
    char note[96];
    std::snprintf(note, sizeof note, "%d × %d %s, %.0f px per metre", w, h, jpeg ? "JPEG" : "PNG", double(job.plan.scale));
    out.note = note;
    return out;
}

// Written next to the target and renamed, so an interrupted run leaves no half file behind.
std::string writeFile(const fs::path& path, const std::vector<uint8_t>& bytes)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
        return path.parent_path().string() + ": cannot create the folder: " + ec.message();
    const fs::path temp = path.string() + ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        if (!out)
            return temp.string() + ": cannot write";
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        return path.string() + ": cannot write: " + ec.message();
    }
    return "";
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fprintf(stderr, "usage: ww-sample-media DIR\n"
                             "Draws the photos, logos and plan backgrounds that the content in DIR refers to and that\n"
                             "do not exist yet. Existing files are never touched.\n");
        return argc == 2 ? 0 : 2;
    }
    const auto started = std::chrono::steady_clock::now();
    const fs::path dir = argv[1];
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::fprintf(stderr, "ww-sample-media: %s is not a folder\n", dir.string().c_str());
        return 2;
    }
    std::string readError;
    Catalogue cat = readCatalogue(dir, readError);
    if (!readError.empty()) {
        std::fprintf(stderr, "ww-sample-media: %s\n", readError.c_str());
        return 2;
    }

    std::vector<Job> todo;
    std::vector<std::string> seen;
    int present = 0;
    for (Job& job : cat.jobs) {
        if (std::find(seen.begin(), seen.end(), job.path) != seen.end())
            continue;
        seen.push_back(job.path);
        if (!safeRelative(job.path)) {
            std::fprintf(stderr, "ww-sample-media: skipping \"%s\": not a path inside the content folder\n", job.path.c_str());
            continue;
        }
        if (!endsWith(job.path, ".jpg") && !endsWith(job.path, ".jpeg") && !endsWith(job.path, ".png")) {
            std::fprintf(stderr, "ww-sample-media: skipping \"%s\": not a .jpg or .png name\n", job.path.c_str());
            continue;
        }
        if (fs::exists(dir / job.path, ec)) {
            ++present;
            continue;
        }
        todo.push_back(std::move(job));
    }

    Fonts fonts;
    const std::string fontDir = "/usr/share/fonts/truetype/noto/";
    if (!fonts.bold.load(fontDir + "NotoSans-Bold.ttf"))
        std::fprintf(stderr, "ww-sample-media: Noto Sans not found (Debian package fonts-noto-core); drawing text as bars\n");
    fonts.regular.load(fontDir + "NotoSans-Regular.ttf");

    std::mutex printing;
    std::vector<std::string> failures;
    std::atomic<int> photos{0}, logos{0}, plans{0};
    ww::parallelFor(todo.size(), [&](size_t i) {
        const Job& job = todo[i];
        std::string problem;
        Drawn drawn;
        try {
            drawn = job.kind == Kind::Photo ? drawPhoto(job, fonts, cat) : job.kind == Kind::Logo ? drawLogoFile(job, fonts) : drawPlanFile(job);
            problem = writeFile(dir / job.path, drawn.bytes);
        } catch (const std::exception& e) {
            problem = job.path + ": " + e.what();
        }
        std::lock_guard<std::mutex> lock(printing);
        if (!problem.empty()) {
            failures.push_back(problem);
            return;
        }
        (job.kind == Kind::Photo ? photos : job.kind == Kind::Logo ? logos : plans)++;
        std::printf("drew %s (%s, %zu KB)\n", job.path.c_str(), drawn.note.c_str(), drawn.bytes.size() / 1024);
        std::fflush(stdout);
    });

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("ww-sample-media: drew %d photos, %d logos, %d plans in %.1f s; %d files were already there\n", photos.load(),
                logos.load(), plans.load(), seconds, present);
    for (const std::string& f : failures)
        std::fprintf(stderr, "ww-sample-media: %s\n", f.c_str());
    return failures.empty() ? 0 : 2;
}
