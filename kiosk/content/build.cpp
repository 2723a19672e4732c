// Compiling a content folder into the database: images prepared in parallel, content version, and
// the write-fsync-rename that keeps running kiosks safe.
#include "content/build.h"

#include "core/routing.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <random>
#include <signal.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ww {

namespace {

// [SECTION] Files

std::string dirName(const std::string& path) {
    size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string baseName(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool readBytes(const std::string& path, std::vector<uint8_t>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

// A path staff wrote must stay inside the content folder, so a build only reads what it should.
bool safeRelativePath(const std::string& p) {
    if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos) return false;
    std::istringstream parts(p);
    std::string part;
    while (std::getline(parts, part, '/'))
        if (part == "..") return false;
    return true;
}

const char* roleName(ImageRole role) {
    switch (role) {
    case ImageRole::Photo: return "photo";
    case ImageRole::Logo: return "logo";
    case ImageRole::Plan: return "plan drawing";
    }
    return "image";
}

std::string megabytes(int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// [SECTION] Hashing
// FNV-1a, 64 bit: a version label for content, not a security measure.
struct Fnv64 {
    uint64_t h = 0xcbf29ce484222325ULL;
    void add(const void* data, size_t n) {
        const auto* p = static_cast<const uint8_t*>(data);
        for (size_t i = 0; i < n; ++i) {
            h ^= p[i];
            h *= 0x100000001b3ULL;
        }
    }
    void add(const std::string& s) {
        uint64_t n = s.size();
        add(&n, sizeof n);
        add(s.data(), s.size());
    }
};

std::string utcNowIso() {
    std::time_t now = std::time(nullptr);
    // Reproducible builds set SOURCE_DATE_EPOCH; honour it.
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) now = static_cast<std::time_t>(std::strtoll(sde, nullptr, 10));
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// [SECTION] Images

struct ImageJob {
    const ImageSource* source;
    std::string path;
    PreparedImage result;
    std::string error;
    uint64_t hash = 0; // of the file's bytes, for the content version
};

void prepareImages(const std::string& dir, LoadedContent& content, std::vector<ImageBlob>& out,
                   std::map<std::string, uint64_t>& file_hashes, Diagnostics& diags, const BuildOptions& options) {
    std::vector<ImageJob> jobs;
    jobs.reserve(content.images.size());
    for (const ImageSource& src : content.images) {
        std::string what = std::string(roleName(src.role)) + " file \"" + src.path + "\"";
        if (!safeRelativePath(src.path)) {
            diags.error(src.ref.file, src.ref.line, what + " is not inside the content folder",
                        "give a path relative to the content folder, e.g. photos/eroeffnung/bild-01.jpg");
            continue;
        }
        std::string path = dir + "/" + src.path;
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            if (errno == ENOENT)
                diags.error(src.ref.file, src.ref.line, what + " is missing",
                            "put the file at " + src.path + " inside the content folder (names are case-sensitive)");
            else
                diags.error(src.ref.file, src.ref.line, what + " cannot be read: " + std::strerror(errno));
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            diags.error(src.ref.file, src.ref.line, what + " is not a file");
            continue;
        }
        if (st.st_size > options.limits.max_file_bytes) {
            diags.error(src.ref.file, src.ref.line, what + " is " + megabytes(st.st_size) + "; the limit is " +
                                                        megabytes(options.limits.max_file_bytes),
                        "export it smaller, e.g. 4000 px on the long edge as JPEG quality 85");
            continue;
        }
        ImageJob job;
        job.source = &src;
        job.path = path;
        jobs.push_back(std::move(job));
    }

    // Each worker reads its own file, so only the images in flight are in memory.
    parallelFor(
        jobs.size(),
        [&](size_t i) {
            ImageJob& job = jobs[i];
            std::vector<uint8_t> bytes;
            if (!readBytes(job.path, bytes)) {
                job.error = std::string("cannot be read: ") + std::strerror(errno);
                return;
            }
            Fnv64 h;
            h.add(bytes.data(), bytes.size());
            job.hash = h.h;
            // prepareImage reads the header first and refuses oversized images before decoding.
            job.result = prepareImage(bytes, job.source->role, options.limits);
            if (!job.result.ok) job.error = job.result.error;
        },
        options.threads);

    for (ImageJob& job : jobs) {
        const ImageSource& src = *job.source;
        if (job.hash) file_hashes[src.path] = job.hash;
        if (!job.error.empty()) {
            std::string hint = job.result.hint;
            if (hint.empty())
                hint = "JPEG or PNG only, at most " + megabytes(options.limits.max_file_bytes) + ", " +
                       std::to_string(options.limits.max_edge) + " px per side; export it again from an image editor";
            diags.error(src.ref.file, src.ref.line,
                        std::string(roleName(src.role)) + " file \"" + src.path + "\": " + job.error, hint);
            continue;
        }
        EncodedImage& d = job.result.display;
        EncodedImage& t = job.result.thumb;
        out.push_back({{src.key, d.mime, d.width, d.height, static_cast<int64_t>(d.data.size())}, std::move(d.data)});
        out.push_back({{src.key + "@thumb", t.mime, t.width, t.height, static_cast<int64_t>(t.data.size())},
                       std::move(t.data)});
        if (src.role == ImageRole::Photo)
            for (Photo& p : content.model.photos)
                if (p.image == src.key) p.width = d.width, p.height = d.height;
    }
    std::sort(out.begin(), out.end(), [](const ImageBlob& a, const ImageBlob& b) { return a.info.key < b.info.key; });
    for (const ImageBlob& b : out) content.model.images.push_back(b.info);
}

bool fsyncPath(const std::string& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

const char* const kTempMarker = ".tmp-";

// [SECTION] Walking routes

// Every place a visitor can ask the way to must be reachable on foot from some kiosk; a place that
// only steps lead to is worth a warning.
void checkRoutes(const LoadedContent& content, Diagnostics& diags) {
    const Model& m = content.model;
    if (m.kiosks.empty()) return;
    std::string from = m.kiosks.size() == 1 ? "kiosk " + m.kiosks.front().id : "any kiosk";
    for (const UnreachablePlace& p : Router(m).unreachableFromKiosks()) {
        SourceRef at = content.where(p.kind, p.id);
        char pos[64];
        std::snprintf(pos, sizeof pos, "(%g, %g)", p.pos.x, p.pos.y);
        std::string what = p.kind == "poi" ? "point of interest " + p.id
                         : p.kind == "room" ? "room " + p.id + ": door at " + pos
                         : p.kind == "connector" ? "stop of " + p.id + " on level " + p.level + " at " + pos
                                                 : p.kind + " " + p.id;
        if (p.only_step_free)
            diags.warning(at.file, at.line, what + " has no step-free route from " + from,
                          "step-free routes use lifts and doors without a step (step_free = true); add a lift stop or a step-free door");
        else
            diags.error(at.file, at.line, what + " cannot be reached on foot from " + from,
                        "walls, room outlines without a door, stands or obstacles close it in, or it lies more than 3 m "
                        "from open floor; leave an opening (a door in venue.toml) or move it into an aisle");
    }
}

} // namespace

// [SECTION] Public interface

std::string contentVersion(const std::string& dir, const std::vector<std::string>& files,
                           const std::map<std::string, uint64_t>& file_hashes) {
    std::map<std::string, uint64_t> all = file_hashes;
    std::vector<uint8_t> bytes;
    for (const std::string& f : files) {
        if (all.count(f)) continue;
        Fnv64 fh;
        if (readBytes(dir + "/" + f, bytes)) fh.add(bytes.data(), bytes.size());
        all[f] = fh.h;
    }
    Fnv64 h;
    h.add("wegweiser-content schema " + std::to_string(kSchemaVersion));
    for (const auto& [name, hash] : all) {
        h.add(name);
        h.add(&hash, sizeof hash);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h.h));
    return buf;
}

Compiled compileContent(const std::string& dir, Diagnostics& diags, const BuildOptions& options) {
    Compiled out;
    out.content = loadContent(dir, diags);
    validateContent(out.content, diags, options.text);
    if (!diags.hasErrors()) {
        out.content.model.walk_grids = buildWalkGrids(out.content.model);
        checkRoutes(out.content, diags);
    }
    std::map<std::string, uint64_t> image_hashes;
    prepareImages(dir, out.content, out.images, image_hashes, diags, options);
    out.content.model.content_version = contentVersion(dir, out.content.files, image_hashes);
    out.content.model.built_at = utcNowIso();
    diags.sort();
    return out;
}

std::vector<std::string> staleTemporaryFiles(const std::string& db_path) {
    std::vector<std::string> stale;
    std::string dir = dirName(db_path);
    std::string prefix = baseName(db_path) + kTempMarker;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return stale;
    while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name.rfind(prefix, 0) != 0) continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        // A live process may still be writing its file; leave that alone.
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
        stale.push_back(dir + "/" + name);
    }
    ::closedir(d);
    std::sort(stale.begin(), stale.end());
    return stale;
}

void replaceDatabase(const std::string& db_path, const Model& model, const std::vector<ImageBlob>& images) {
    for (const std::string& f : staleTemporaryFiles(db_path)) std::remove(f.c_str());

    std::random_device rd;
    char suffix[48];
    std::snprintf(suffix, sizeof suffix, "%ld-%08x", static_cast<long>(::getpid()), rd());
    std::string tmp = db_path + kTempMarker + suffix;
    auto cleanup = [&] {
        std::remove(tmp.c_str());
        std::remove((tmp + "-journal").c_str());
    };
    try {
        writeDatabase(tmp, model, images);
    } catch (...) {
        cleanup();
        throw;
    }
    // The rename is atomic, but only durable once both the file and its directory reach the disk.
    if (!fsyncPath(tmp, O_RDONLY)) {
        std::string err = std::strerror(errno);
        cleanup();
        throw StoreError("cannot flush '" + tmp + "' to disk: " + err);
    }
    if (::chmod(tmp.c_str(), 0644) != 0) {
        // Not fatal: kiosks usually run as another user, so say so but carry on.
        std::fprintf(stderr, "warning: cannot make %s readable for all users: %s\n", tmp.c_str(), std::strerror(errno));
    }
    if (std::rename(tmp.c_str(), db_path.c_str()) != 0) {
        std::string err = std::strerror(errno);
        cleanup();
        throw StoreError("cannot replace '" + db_path + "': " + err);
    }
    fsyncPath(dirName(db_path), O_RDONLY | O_DIRECTORY);
}

} // namespace ww
