// Shared helpers for the content tests: a small valid content folder in a temporary directory that
// each test bends in one place, and in-memory test images.
#pragma once

#include "content/build.h"
#include "content/diagnostics.h"

#include <doctest/doctest.h>
#include <stb_image_write.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

// Readable values in failed assertions.
namespace ww {
inline std::ostream& operator<<(std::ostream& os, const Vec2& v) { return os << "(" << v.x << ", " << v.y << ")"; }
inline std::ostream& operator<<(std::ostream& os, const Speaker& s) { return os << s.name << " (" << s.organisation << ")"; }
template <typename T>
std::ostream& operator<<(std::ostream& os, const std::vector<T>& v) {
    os << "[";
    for (size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
    return os << "]";
}
} // namespace ww

namespace wwtest {

namespace fs = std::filesystem;

inline std::vector<uint8_t> encodeJpeg(int w, int h, int channels = 3, int quality = 90) {
    std::vector<uint8_t> px(static_cast<size_t>(w) * h * channels);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                px[(static_cast<size_t>(y) * w + x) * channels + c] = static_cast<uint8_t>((x * 7 + y * 3 + c * 50) & 0xFF);
    std::vector<uint8_t> out;
    stbi_write_jpg_to_func(
        [](void* ctx, void* data, int size) {
            auto* v = static_cast<std::vector<uint8_t>*>(ctx);
            v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &out, w, h, channels, px.data(), quality);
    return out;
}

inline std::vector<uint8_t> encodePng(int w, int h) {
    std::vector<uint8_t> px(static_cast<size_t>(w) * h * 4, 0);
    for (size_t i = 0; i < px.size(); i += 4) px[i] = 200, px[i + 3] = static_cast<uint8_t>(i % 255);
    std::vector<uint8_t> out;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) {
            auto* v = static_cast<std::vector<uint8_t>*>(ctx);
            v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &out, w, h, 4, px.data(), w * 4);
    return out;
}

inline std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeText(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

inline void writeBytes(const fs::path& p, const std::vector<uint8_t>& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A temporary directory removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "ww-test-XXXXXX").string();
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        REQUIRE(mkdtemp(buf.data()) != nullptr);
        path_ = buf.data();
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The smallest content folder that uses every file; valid with zero errors and zero warnings.
class Fixture {
public:
    Fixture() {
        write("event.toml", R"([event]
id = "testfest"
name_de = "Testmesse"
name_en = "Test fair"
venue_de = "Halle 1"
venue_en = "Hall 1"
start_date = 2022-09-07
end_date = 2022-09-08
timezone = "Europe/Berlin"
idle_timeout = 90

[[kiosk]]
id = "k1"
name_de = "Eingang"
level = "eg"
position = [5.0, 18.0]
facing = 90
)");
        write("venue.toml", R"([[level]]
id = "eg"
name_de = "Erdgeschoss"
name_en = "Ground floor"
floor = 0
outline = [[0, 0], [40, 0], [40, 20], [0, 20]]

[[level]]
id = "og"
name_de = "Obergeschoss"
floor = 1
outline = [[0, 0], [20, 0], [20, 20], [0, 20]]

[[room]]
id = "saal"
level = "eg"
name_de = "Saal"
name_en = "Hall"
kind = "stage"
shape = [[20, 0], [40, 0], [40, 20], [20, 20]]
doors = [ { at = [20, 10], width = 2 } ]

[[room]]
id = "lounge"
level = "og"
name_de = "Lounge"
kind = "lounge"
shape = [[0, 0], [10, 0], [10, 10], [0, 10]]
doors = [ { at = [10, 5] } ]

[[poi]]
id = "wc"
level = "eg"
type = "accessible-toilet"
name_de = "Barrierefreies WC"
name_en = "Accessible toilet"
position = [2, 2]

[[connector]]
id = "lift"
type = "lift"
name_de = "Aufzug"
name_en = "Lift"
stops = [ { level = "eg", at = [1, 10] }, { level = "og", at = [1, 15] } ]
)");
        write("topics.toml", "[[topic]]\nid = \"ozg\"\nname_de = \"Onlinezugangsgesetz\"\nname_en = \"Online Access Act\"\n");
        write("galleries.toml", "[[gallery]]\nid = \"g1\"\ntitle_de = \"Bühne\"\ntitle_en = \"Stage\"\ncover = \"p1\"\n");
        write("stands.csv", "id,level,x,y,width,depth,facing\nA1,eg,2,4,3,3,s\nA2,eg,5,4,3,3,s\n");
        write("exhibitors.csv",
              "id,name,stands,topics,description_de,description_en,website,logo\n"
              "sakd,SAKD,A1,ozg,Kommunale IT für Sachsen.,Municipal IT for Saxony.,https://www.sakd.de,logos/sakd.png\n"
              "amt24,Amt24,A2,,\"Das Serviceportal, für alle.\",,https://amt24.sachsen.de,\n");
        write("programme.csv",
              "id,title_de,title_en,start,end,duration,room,speakers,topic,language,kind\n"
              "t1,Eröffnung,Opening,2022-09-07 09:00,09:30,,saal,Anna Müller (SAKD); Jörg Weiß,ozg,de,keynote\n"
              "t2,Vortrag,Talk,2022-09-07 09:30,,30,saal,,,de,talk\n"
              "t3,Impuls,,2022-09-08 10:00,10:15,,lounge,,,en,impulse\n");
        write("photos.csv", "id,gallery,file,caption_de,caption_en,credit,licence\n"
                            "p1,g1,photos/p1.jpg,Die Bühne,The stage,Max Muster,CC BY 4.0\n");
        writeBytes(dir_.path() / "photos/p1.jpg", encodeJpeg(320, 240));
        writeBytes(dir_.path() / "logos/sakd.png", encodePng(64, 32));
    }

    std::string dir() const { return dir_.path().string(); }
    fs::path path(const std::string& name) const { return dir_.path() / name; }

    void write(const std::string& name, const std::string& text) { writeText(dir_.path() / name, text); }
    // Replaces one exact piece of a file; fails the test if the piece is not there.
    void replace(const std::string& name, const std::string& from, const std::string& to) {
        std::string text = readText(dir_.path() / name);
        size_t at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, name << " does not contain: " << from);
        text.replace(at, from.size(), to);
        write(name, text);
    }
    void append(const std::string& name, const std::string& text) { write(name, readText(dir_.path() / name) + text); }

    ww::Compiled compile(ww::Diagnostics& diags) const {
        ww::BuildOptions options;
        options.threads = 2;
        return ww::compileContent(dir(), diags, options);
    }
    ww::Diagnostics check() const {
        ww::Diagnostics diags;
        compile(diags);
        return diags;
    }

private:
    TempDir dir_;
};

// Every diagnostic as "file:line: error: message", the hint left out.
inline std::vector<std::string> lines(const ww::Diagnostics& diags) {
    std::vector<std::string> out;
    for (const ww::Diagnostic& d : diags.items()) {
        std::string s = ww::Diagnostics::format(d);
        out.push_back(s.substr(0, s.find('\n')));
    }
    return out;
}

inline std::string dump(const ww::Diagnostics& diags) {
    std::string out;
    for (const ww::Diagnostic& d : diags.items()) out += ww::Diagnostics::format(d) + "\n";
    return out.empty() ? "(no diagnostics)" : out;
}

inline bool has(const ww::Diagnostics& diags, const std::string& line) {
    for (const std::string& l : lines(diags))
        if (l == line) return true;
    return false;
}

inline bool hasPrefix(const ww::Diagnostics& diags, const std::string& prefix) {
    for (const std::string& l : lines(diags))
        if (l.rfind(prefix, 0) == 0) return true;
    return false;
}

} // namespace wwtest

// Asserts one exact diagnostic line and shows all of them when it is missing.
#define CHECK_DIAG(diags, text) CHECK_MESSAGE(wwtest::has(diags, text), "expected: " << text << "\ngot:\n" << wwtest::dump(diags))
#define CHECK_DIAG_PREFIX(diags, text) \
    CHECK_MESSAGE(wwtest::hasPrefix(diags, text), "expected a line starting: " << text << "\ngot:\n" << wwtest::dump(diags))
