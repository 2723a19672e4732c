// See image_pipeline.h.
#include "core/image_pipeline.h"

#include "core/store.h"

// Declarations only: the implementations are compiled into Debian's libstb.
#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif


namespace ww {

namespace {

// Anything beyond this is not a prepared content image (the content tool keeps display copies at a
// long edge of 2560): refuse before allocating.
constexpr int64_t kMaxDecodePixels = 40'000'000;

// Lower is sooner: what is on screen before what may come next.
constexpr int kOnScreen = 0;
constexpr int kSoon = 1;

// How much less the decoding worker counts than the UI thread when both want a core (nice steps).
constexpr int kWorkerNice = 5;

// Pixel buffers from this size up are freed by the worker (see retire()).
constexpr size_t kRetireBytes = size_t{256} << 10;

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Processor time of the calling thread: a frame's wall time less this is time spent waiting for the
// processor (or the GL), not working.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

} // namespace

void fitWithin(int width, int height, int max_w, int max_h, int* out_w, int* out_h) {
    *out_w = width;
    *out_h = height;
    if (max_w > 0 && max_h > 0 && width > 0 && height > 0 && (width > max_w || height > max_h)) {
        const double f = std::min(static_cast<double>(max_w) / width, static_cast<double>(max_h) / height);
        *out_w = std::max(1, static_cast<int>(width * f + 0.5));
        *out_h = std::max(1, static_cast<int>(height * f + 0.5));
    }
}

bool decodeImage(const std::vector<uint8_t>& bytes, int max_w, int max_h, std::vector<uint8_t>* rgba, int* w,
                 int* h, std::string* error) {
    if (bytes.empty()) {
        *error = "not in the content database";
        return false;
    }
    const int len = static_cast<int>(std::min<size_t>(bytes.size(), 0x7fffffff));
    int iw = 0, ih = 0, n = 0;
    if (!stbi_info_from_memory(bytes.data(), len, &iw, &ih, &n)) {
        *error = std::string("cannot read the image: ") + stbi_failure_reason();
        return false;
    }
    if (iw <= 0 || ih <= 0 || static_cast<int64_t>(iw) * ih > kMaxDecodePixels) {
        *error = "image of " + std::to_string(iw) + "×" + std::to_string(ih) + " pixels is too large to show";
        return false;
    }
    stbi_uc* px = stbi_load_from_memory(bytes.data(), len, &iw, &ih, &n, 4);
    if (!px) {
        *error = std::string("corrupt image: ") + stbi_failure_reason();
        return false;
    }
    std::unique_ptr<stbi_uc, void (*)(void*)> owned(px, stbi_image_free);
    int ow = iw, oh = ih;
    fitWithin(iw, ih, max_w, max_h, &ow, &oh);
    rgba->resize(static_cast<size_t>(ow) * oh * 4);
    if (ow == iw && oh == ih) {
        std::copy(px, px + rgba->size(), rgba->begin());
    } else if (!stbir_resize_uint8(px, iw, ih, 0, rgba->data(), ow, oh, 0, 4)) {
        *error = "cannot scale the image";
        return false;
    }
    *w = ow;
    *h = oh;
    return true;
}

ImagePipeline::ImagePipeline(TextureUploader& uploader, ImagePipelineOptions options)
    : uploader_(uploader), options_(options) {
#if defined(__GLIBC__)
    // Pixel buffers (and a software GL's textures) are megabytes each and come and go all day. glibc
    // raises its mmap threshold after the first such buffer is freed and then serves them from heaps
    // that fragment and never shrink (one per thread): memory would creep up over an event day.
    // A fixed threshold keeps them mapped, so every one goes back to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    frame_ = 1; // a new entry (last_used 0) is never mistaken for one asked this frame
    worker_ = std::thread([this] { workerLoop(); });
}

ImagePipeline::~ImagePipeline() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
        queue_.clear();
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
    releaseAll();
}

void ImagePipeline::releaseAll() {
    for (auto& [key, e] : entries_)
        if (e.texture) uploader_.release(e.texture);
    for (const Spare& sp : spares_) uploader_.release(sp.texture);
    spares_.clear();
    reserved_.clear();
    entries_.clear();
    staged_.clear();
    wanted_.clear();
    stats_.bytes = 0;
    stats_.textures = 0;
}

void ImagePipeline::setContent(const std::string& db_path, std::unordered_map<std::string, int64_t> pixels,
                               std::shared_ptr<ContentDb> db) {
    releaseAll();
    pixels_ = std::move(pixels);
    logged_.clear();
    std::lock_guard<std::mutex> lock(mu_);
    db_path_ = db_path;
    db_ = std::move(db);
    ++generation_;
    queue_.clear();
    done_.clear();
}

// [SECTION] Requests

void ImagePipeline::want(const std::string& key, int priority) {
    auto it = entries_.find(key);
    if (it == entries_.end()) it = entries_.emplace(key, Entry{}).first;
    Entry& e = it->second;
    const bool first = e.last_used != frame_;
    if (!first && priority >= e.priority) return;
    e.last_used = frame_;
    e.priority = priority;
    if (e.slot != Slot::Queued && e.slot != Slot::Decoded) return;
    if (first) {
        const auto px = pixels_.find(key);
        wanted_.push_back(Job{key, priority, px != pixels_.end() ? px->second : 0});
    } else {
        for (Job& j : wanted_)
            if (j.key == key) j.priority = priority;
    }
}

TextureRef ImagePipeline::request(const std::string& key) {
    const auto t0 = std::chrono::steady_clock::now();
    TextureRef out;
    if (!key.empty()) {
        want(key, kOnScreen);
        out = peek(key);
    } else {
        out.state = ImageState::Failed;
    }
    request_ms_ += msSince(t0);
    return out;
}

void ImagePipeline::prefetch(const std::string& key) {
    if (!key.empty()) want(key, kSoon);
}

TextureRef ImagePipeline::peek(const std::string& key) const {
    TextureRef out;
    const auto it = entries_.find(key);
    if (it == entries_.end()) return out;
    const Entry& e = it->second;
    if (e.slot == Slot::Ready) {
        out.state = ImageState::Ready;
        out.texture = e.texture;
        out.width = e.width;
        out.height = e.height;
    } else if (e.slot == Slot::Failed) {
        out.state = ImageState::Failed;
    }
    return out;
}

// [SECTION] The frame

bool ImagePipeline::pump() {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = threadCpuMs();
    log_ = FrameLog{};
    ++frame_;
    in_frame_ = true;
    // What the last frame wanted, in order: on screen before soon, cheap before expensive (a screen of
    // thumbnails fills in before one large photo), then drawing order.
    std::stable_sort(wanted_.begin(), wanted_.end(), [](const Job& a, const Job& b) {
        if (a.priority != b.priority) return a.priority < b.priority;
        return a.pixels < b.pixels;
    });
    bool work = false;
    {
        // The worker holds the lock only for moments, but at its lower priority it may be preempted
        // in one: a frame never waits for it. What this frame could not hand over waits for the next
        // pump or idleWork (between frames, where waiting is harmless).
        const auto t_lock = std::chrono::steady_clock::now();
        std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
        log_.lock_ms = msSince(t_lock);
        if (lock.owns_lock()) {
            work = handOverLocked();
        } else {
            handover_pending_ = true;
            ++stats_.lock_skips;
        }
    }
    if (work) cv_.notify_one();
    reportFailures();

    bool drawn = false;
    const bool changed = uploadStaged(&drawn);
    stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.bytes);
    // Releasing textures costs a software GL time too: not in the frame that made a new one.
    if (stats_.bytes > options_.budget_bytes && !allocated_) evict();
    allocated_ = false;

    in_frame_ = false;
    stats_.frame_ms = request_ms_ + msSince(t0);
    // A request is a lookup that never waits: its wall time is processor time.
    const double cpu_ms = request_ms_ + threadCpuMs() - c0;
    stats_.max_cpu_ms = std::max(stats_.max_cpu_ms, cpu_ms);
    if (stats_.frame_ms > stats_.max_frame_ms) {
        stats_.max_frame_ms = stats_.frame_ms;
        stats_.max_frame_cpu_ms = cpu_ms;
        char line[200];
        std::snprintf(line, sizeof line,
                      "%.2f ms (%.2f ms processor): requests %.2f ms, lock %.2f ms, %zu KB in %d bands and %d whole uploads %.2f "
                      "ms, %d released %.2f ms, %d reused",
                      stats_.frame_ms, stats_.max_frame_cpu_ms, request_ms_, log_.lock_ms, log_.uploaded >> 10, log_.bands,
                      log_.wholes, log_.upload_ms, log_.released, log_.release_ms, log_.reused);
        stats_.worst_frame = line;
    }
    request_ms_ = 0;
    return changed;
}

bool ImagePipeline::passRetiredLocked() {
    if (retired_.empty()) return false;
    for (auto& px : retired_) trash_.push_back(std::move(px));
    retired_.clear();
    return true;
}

bool ImagePipeline::handOverLocked() {
    const bool work = passRetiredLocked();
    // Finished work first, so nothing just decoded is asked for again.
    collectDoneLocked();
    // The queue is replaced, not appended to: what nobody asks for any more is never decoded. (A wish
    // left from a frame that could not hand over may come twice: the first, most urgent, counts.)
    queue_.clear();
    std::unordered_set<std::string> seen;
    for (Job& j : wanted_) {
        if (!seen.insert(j.key).second) continue;
        const auto it = entries_.find(j.key);
        if (it != entries_.end() && it->second.slot == Slot::Queued && j.key != current_) queue_.push_back(std::move(j));
    }
    wanted_.clear();
    handover_pending_ = false;
    // Queued requests nobody repeats any more (scrolled past) are forgotten, so they can be asked anew.
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second.slot == Slot::Queued && it->second.last_used + options_.stale_frames < frame_ &&
            it->first != current_)
            it = entries_.erase(it);
        else
            ++it;
    }
    return work || !queue_.empty();
}

void ImagePipeline::collectDoneLocked() {
    for (Decoded& d : done_) {
        auto it = entries_.find(d.key);
        if (it == entries_.end() || it->second.slot != Slot::Queued) continue;
        ++stats_.decoded;
        if (!d.ok) {
            it->second.slot = Slot::Failed;
            ++stats_.failed;
            if (logged_.insert(d.key).second) failures_.push_back({d.key, d.error});
            continue;
        }
        it->second.slot = Slot::Decoded;
        staged_.push_back(std::move(d));
    }
    done_.clear();
}

void ImagePipeline::reportFailures() {
    // Outside the lock: the uploader logs.
    for (const auto& [key, why] : failures_) uploader_.failed(key, why);
    failures_.clear();
}

bool ImagePipeline::uploadStaged(bool* drawn) {
    // What is wanted most urgently first, within the per-frame bounds.
    std::stable_sort(staged_.begin(), staged_.end(), [&](const Decoded& a, const Decoded& b) {
        return entries_[a.key].priority < entries_[b.key].priority;
    });
    bool changed = false;
    int n = 0;
    size_t bytes = 0;
    for (auto it = staged_.begin(); it != staged_.end();) {
        Entry& e = entries_[it->key];
        if (e.last_used + options_.stale_frames < frame_) {
            // Swiped past before it could be shown: drop the pixels, ask again if it comes back.
            if (e.texture) {
                uploader_.release(e.texture);
                stats_.bytes -= std::min(stats_.bytes, e.bytes);
                --stats_.textures;
            }
            entries_.erase(it->key);
            retire(*it);
            it = staged_.erase(it);
            ++stats_.dropped;
            continue;
        }
        if (n >= options_.uploads_per_frame || (n > 0 && bytes >= options_.upload_bytes_per_frame)) break;
        const size_t left = static_cast<size_t>(it->height - it->rows_done) * it->width * 4;
        const size_t room = options_.upload_bytes_per_frame > bytes ? options_.upload_bytes_per_frame - bytes : 0;
        if (left > room && !bands_ok_ && n > 0) {
            ++it; // whole uploads only: the next frame starts with it
            continue;
        }
        const int rows_before = it->rows_done;
        const bool complete = uploadSome(*it, e, room, n == 0);
        bytes += complete && rows_before == 0 ? left
                                              : static_cast<size_t>(it->rows_done - rows_before) * it->width * 4;
        ++n;
        if (!complete) break; // the room is used up
        e.slot = Slot::Ready;
        ++stats_.uploads;
        changed = true;
        if (e.last_used == frame_ && e.priority == kOnScreen) *drawn = true;
        retire(*it);
        it = staged_.erase(it);
    }
    return changed;
}

// [SECTION] Between frames

void ImagePipeline::reserve(int width, int height, int count) {
    if (width <= 0 || height <= 0 || count <= 0) return;
    for (Reserve& r : reserved_)
        if (r.width == width && r.height == height) {
            r.count = std::max(r.count, count);
            return;
        }
    reserved_.push_back(Reserve{width, height, count, 0});
}

bool ImagePipeline::hasIdleWork() const {
    if (!staged_.empty() || handover_pending_) return true;
    for (const Reserve& r : reserved_)
        if (r.made < r.count) return true;
    std::lock_guard<std::mutex> lock(mu_);
    return !done_.empty();
}

bool ImagePipeline::idleWork() {
    const auto t0 = std::chrono::steady_clock::now();
    bool work = false;
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (handover_pending_) work = handOverLocked();
        else collectDoneLocked();
    }
    if (work) cv_.notify_one();
    reportFailures();
    bool drawn = false;
    if (!staged_.empty()) {
        uploadStaged(&drawn);
        if (stats_.bytes > options_.budget_bytes && !allocated_) evict();
        allocated_ = false;
    } else {
        makeSpare();
    }
    if (!retired_.empty()) {
        {
            std::lock_guard<std::mutex> lock(mu_);
            passRetiredLocked();
        }
        cv_.notify_one();
    }
    stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.bytes);
    const double ms = msSince(t0);
    stats_.idle_ms += ms;
    stats_.max_idle_ms = std::max(stats_.max_idle_ms, ms);
    return drawn;
}

void ImagePipeline::makeSpare() {
    for (Reserve& r : reserved_) {
        if (r.made >= r.count) continue;
        const size_t bytes = static_cast<size_t>(r.width) * r.height * 4;
        // The pool never pushes the cache over its budget: what does not fit is made when needed.
        const uint64_t t = stats_.bytes + bytes <= options_.budget_bytes ? uploader_.upload(nullptr, r.width, r.height) : 0;
        if (!t) {
            r.count = r.made;
            continue;
        }
        spares_.push_back(Spare{t, r.width, r.height, bytes});
        stats_.bytes += bytes;
        ++stats_.textures;
        ++stats_.allocated;
        ++r.made;
        return;
    }
}

void ImagePipeline::retire(Decoded& d) {
    // Returning megabytes to the system (munmap) takes the process's memory-map lock, which the
    // worker's page faults hold again and again while it decodes: on the UI thread that is a wait of
    // milliseconds. The worker frees them before its next decode instead.
    if (d.rgba.capacity() >= kRetireBytes) retired_.push_back(std::move(d.rgba));
}

bool ImagePipeline::uploadSome(Decoded& d, Entry& e, size_t room, bool first) {
    const size_t row = static_cast<size_t>(d.width) * 4;
    const size_t left = static_cast<size_t>(d.height - d.rows_done) * row;
    auto allocate = [&](const uint8_t* px) {
        const auto t0 = std::chrono::steady_clock::now();
        e.texture = uploader_.upload(px, d.width, d.height);
        log_.upload_ms += msSince(t0);
        ++log_.wholes;
        if (px) log_.uploaded += row * d.height;
        e.width = d.width;
        e.height = d.height;
        e.bytes = row * d.height;
        stats_.bytes += e.bytes;
        ++stats_.textures;
    };
    // Fits, is a thumbnail, or cannot be split: in one go. Into a texture of its size that exists
    // already when there is one (a full cache swaps thumbnails all the time): filling one costs a
    // software GL a copy, making one costs it an allocation too, and the one evicted a release.
    bool whole = false;
    if (!e.texture && (left <= room || (first && left <= options_.whole_bytes) || !bands_ok_)) {
        whole = bands_ok_ && d.rows_done == 0 && reuse(d, e);
        if (!whole) {
            allocate(d.rgba.data());
            return true;
        }
    }
    if (!e.texture && left <= options_.whole_bytes) return false; // a thumbnail waits for the next frame
    if (!e.texture && !reuse(d, e)) {
        // A new texture costs a software GL several bands' time (it zeroes it): its rows start next frame.
        allocate(nullptr);
        allocated_ = true;
        ++stats_.allocated;
        if (in_frame_) ++stats_.allocated_in_frame;
        if (e.texture) return false;
    }
    // A band of whole rows that fits the room left this frame; at least one row so it always moves.
    int rows = static_cast<int>(std::max<size_t>(1, (first ? std::max(room, row) : room) / row));
    rows = whole ? d.height - d.rows_done : std::min(rows, d.height - d.rows_done);
    const auto t_rows = std::chrono::steady_clock::now();
    const bool filled = e.texture && uploader_.uploadRows(e.texture, d.rows_done, d.width, rows, d.rgba.data() + d.rows_done * row);
    log_.upload_ms += msSince(t_rows);
    if (filled) {
        ++log_.bands;
        log_.uploaded += rows * row;
    }
    if (!filled) {
        // This uploader cannot fill rows: replace the empty texture by a whole upload, once and for all.
        bands_ok_ = false;
        if (e.texture) uploader_.release(e.texture);
        e.texture = 0;
        stats_.bytes -= std::min(stats_.bytes, e.bytes);
        --stats_.textures;
        d.rows_done = 0;
        allocate(d.rgba.data());
        return true;
    }
    d.rows_done += rows;
    return d.rows_done >= d.height;
}

bool ImagePipeline::busy() const {
    if (!staged_.empty() || handover_pending_) return true;
    std::lock_guard<std::mutex> lock(mu_);
    return !queue_.empty() || !done_.empty() || !current_.empty();
}

void ImagePipeline::evict() {
    // Least recently drawn first; never what is on screen.
    std::vector<std::pair<uint64_t, const std::string*>> order;
    for (const auto& [key, e] : entries_)
        if (e.slot == Slot::Ready && e.last_used + options_.keep_frames < frame_) order.push_back({e.last_used, &key});
    std::sort(order.begin(), order.end());
    std::vector<std::string> gone;
    for (const auto& [used, key] : order) {
        if (stats_.bytes <= options_.budget_bytes) break;
        Entry& e = entries_[*key];
        const auto t0 = std::chrono::steady_clock::now();
        if (e.texture) uploader_.release(e.texture);
        log_.release_ms += msSince(t0);
        ++log_.released;
        stats_.bytes -= std::min(stats_.bytes, e.bytes);
        --stats_.textures;
        ++stats_.evicted;
        gone.push_back(*key);
    }
    for (const std::string& k : gone) entries_.erase(k);
}

bool ImagePipeline::reuse(const Decoded& d, Entry& e) {
    for (auto it = spares_.begin(); it != spares_.end(); ++it)
        if (it->width == d.width && it->height == d.height) {
            // Its bytes and count are in the stats already.
            e.texture = it->texture;
            e.width = d.width;
            e.height = d.height;
            e.bytes = it->bytes;
            spares_.erase(it);
            return true;
        }
    const bool pooled = std::any_of(reserved_.begin(), reserved_.end(),
                                    [&](const Reserve& r) { return r.width == d.width && r.height == d.height; });
    if (!pooled && stats_.bytes + static_cast<size_t>(d.width) * d.height * 4 <= options_.budget_bytes) return false;
    // Full, or a size the pool serves: the new image would evict the least recently drawn one anyway.
    // Taking over the texture of one of its size instead spares a software GL making a new one.
    const std::string* oldest = nullptr;
    uint64_t oldest_used = 0;
    for (const auto& [key, o] : entries_)
        if (o.slot == Slot::Ready && o.texture && o.width == d.width && o.height == d.height &&
            o.last_used + options_.keep_frames < frame_ && (!oldest || o.last_used < oldest_used)) {
            oldest = &key;
            oldest_used = o.last_used;
        }
    if (!oldest) return false;
    ++log_.reused;
    const auto it = entries_.find(*oldest);
    e.texture = it->second.texture;
    e.width = d.width;
    e.height = d.height;
    e.bytes = it->second.bytes;
    entries_.erase(it); // `e` is another element: still valid
    ++stats_.evicted;
    return true;
}

// [SECTION] The worker

void ImagePipeline::workerLoop() {
#if defined(__linux__)
    // A decode takes tens of milliseconds of processor time and a frame must not wait for it: on Linux
    // each thread has its own nice value, and this one yields to the UI thread (and the GL's threads)
    // when both want a core. Only a little, so a busy machine never starves it.
    errno = 0;
    const int nice_now = getpriority(PRIO_PROCESS, 0);
    if (errno == 0)
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), std::min(19, nice_now + kWorkerNice));
#endif
    std::shared_ptr<ContentDb> db;
    std::string open_path;
    uint64_t open_generation = 0;
    std::vector<std::vector<uint8_t>> trash;
    for (;;) {
        Job job;
        std::string path;
        std::shared_ptr<ContentDb> given;
        uint64_t generation;
        {
            std::unique_lock<std::mutex> lock(mu_);
            current_.clear();
            cv_.wait(lock, [&] { return stop_ || !queue_.empty() || !trash_.empty(); });
            if (stop_) return;
            trash.swap(trash_);
            if (queue_.empty()) {
                lock.unlock();
                trash.clear();
                continue;
            }
            job = std::move(queue_.front());
            queue_.pop_front();
            current_ = job.key;
            path = db_path_;
            given = db_;
            generation = generation_;
        }
        trash.clear(); // outside the lock
        Decoded out;
        out.key = job.key;
        out.generation = generation;
        try {
            if (!db || open_path != path || open_generation != generation) {
                db.reset();
                db = given ? given : std::make_shared<ContentDb>(path);
                open_path = path;
                open_generation = generation;
            }
            out.ok = decodeImage(db->imageBytes(job.key), options_.max_width, options_.max_height, &out.rgba,
                                 &out.width, &out.height, &out.error);
        } catch (const std::exception& e) {
            out.error = e.what();
            db.reset();
        } catch (...) {
            out.error = "unknown error";
            db.reset();
        }
        if (!out.ok) out.rgba.clear();
        {
            std::lock_guard<std::mutex> lock(mu_);
            if (generation == generation_ && !stop_) done_.push_back(std::move(out));
        }
        uploader_.wake();
    }
}

} // namespace ww
