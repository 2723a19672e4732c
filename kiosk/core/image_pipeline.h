// Run-time images, without any GL: encoded blobs are read from the content database and decoded on
// one worker thread; the UI thread hands finished pixels to a TextureUploader (the GPU in the kiosk,
// a counter in tests), a bounded amount per frame, and keeps the textures in an LRU cache with a byte
// budget. Everything here except the worker runs on the UI thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ww {

class ContentDb;

// Where decoded pixels go.
class TextureUploader {
public:
    virtual ~TextureUploader() = default;
    // UI thread: makes a texture of `rgba` (w×h×4 bytes); 0 when there is none (headless, GL error).
    // `rgba` null: allocate only, for uploadRows().
    virtual uint64_t upload(const uint8_t* rgba, int width, int height) = 0;
    // UI thread: fills rows [y, y + rows) of an allocated texture; false when this uploader cannot
    // (then images are uploaded whole).
    virtual bool uploadRows(uint64_t texture, int y, int width, int rows, const uint8_t* rgba) {
        (void)texture, (void)y, (void)width, (void)rows, (void)rgba;
        return false;
    }
    virtual void release(uint64_t texture) = 0;
    // Worker thread: a decode finished; the UI loop should render a frame soon.
    virtual void wake() {}
    // UI thread: an image cannot be shown (corrupt, missing). Called once per key and content.
    virtual void failed(const std::string& key, const std::string& why) { (void)key, (void)why; }
};

// Settings of the pipeline, field by field.
struct ImagePipelineOptions {
    // Texture memory kept for images not drawn in the last frames, in bytes. 64 MB holds ~10 display
    // copies fitted to 1920×1080 (the one on screen, its neighbours and the last few swiped past) plus
    // a screen of thumbnails; with a software GL the textures live in the kiosk's own memory, and this
    // keeps the whole kiosk under 300 MB.
    size_t budget_bytes = size_t{64} << 20;
    // Per frame at most this many textures and this many bytes are uploaded. Larger images go up in
    // bands of rows over several frames (a display copy fitted to 1920×1080 is ~6 MB: twelve frames,
    // well within the time a visitor looks at a photo before swiping on), or whole, one per frame,
    // when the uploader cannot do bands. A software GL copies ~0.5 MB in about a millisecond.
    int uploads_per_frame = 4;
    size_t upload_bytes_per_frame = size_t{512} << 10;
    // An image up to this size (a thumbnail) is never split into bands: it goes up whole as the
    // frame's first upload, so a grid of thumbnails fills in one per frame at least.
    size_t whole_bytes = size_t{1} << 20;
    // Decoded images larger than this are scaled down on the worker: a texture never needs more
    // pixels than the display has. 0 = no limit.
    int max_width = 0;
    int max_height = 0;
    // Images drawn within this many frames are never evicted, even over budget (they are on screen).
    int keep_frames = 2;
    // A request not repeated for this many frames is dropped from the queue (scrolled or swiped past).
    int stale_frames = 30;
};

enum class ImageState { Loading, Ready, Failed };

struct TextureRef {
    ImageState state = ImageState::Loading;
    uint64_t texture = 0;
    int width = 0;
    int height = 0;
};

// For the benchmark and tests.
struct ImagePipelineStats {
    double frame_ms = 0;      // UI-thread time on images in the last finished frame (pump + requests)
    double max_frame_ms = 0;  // the worst frame since resetMax()
    double max_frame_cpu_ms = 0; // the UI thread's processor time in that frame (the rest: waiting)
    double max_cpu_ms = 0;    // the most processor time any frame since resetMax() spent on images
    std::string worst_frame;  // what that frame did, for the benchmark
    size_t bytes = 0;         // texture bytes held now
    size_t peak_bytes = 0;
    size_t textures = 0;
    uint64_t uploads = 0;
    uint64_t decoded = 0;     // finished by the worker (including failures)
    uint64_t failed = 0;
    uint64_t evicted = 0;
    uint64_t dropped = 0;     // decoded but not wanted any more when its turn to upload came
    uint64_t allocated = 0;   // textures made empty for banded uploads (a pool texture counts too)
    uint64_t allocated_in_frame = 0; // of those, made inside a frame (the pool was short)
    double idle_ms = 0;       // UI-thread time on images between frames (idleWork), all together
    double max_idle_ms = 0;   // the longest single idleWork step
    uint64_t lock_skips = 0;  // frames that found the worker holding the lock and left it
};

// The size `width`×`height` scaled down to fit `max_w`×`max_h` (0 = no limit), as decodeImage does.
void fitWithin(int width, int height, int max_w, int max_h, int* out_w, int* out_h);

// Decodes one encoded image (JPEG or PNG) into RGBA, scaled down to fit max_w×max_h (0 = no limit).
// False with *error on corrupt data or absurd dimensions; never throws for bad bytes.
bool decodeImage(const std::vector<uint8_t>& bytes, int max_w, int max_h, std::vector<uint8_t>* rgba, int* w,
                 int* h, std::string* error);

class ImagePipeline {
public:
    ImagePipeline(TextureUploader& uploader, ImagePipelineOptions options = {});
    // Stops the worker (after the decode it is in, if any) and releases every texture.
    ~ImagePipeline();
    ImagePipeline(const ImagePipeline&) = delete;
    ImagePipeline& operator=(const ImagePipeline&) = delete;

    // New content: releases every texture, forgets queued work, reads from `db_path` from now on.
    // `pixels` (optional) gives width×height per key, so cheap images are decoded first. `db`
    // (optional): the file already open, the one the content was loaded from; the worker reads
    // through it rather than opening `db_path`, which staff may have replaced since.
    void setContent(const std::string& db_path, std::unordered_map<std::string, int64_t> pixels = {},
                    std::shared_ptr<ContentDb> db = nullptr);

    // [SECTION] Per frame, UI thread
    // An image drawn this frame: returned once uploaded; asks the worker for it otherwise.
    TextureRef request(const std::string& key);
    // An image likely drawn soon (the viewer's neighbours): decoded after everything drawn now, and
    // kept like a drawn one.
    void prefetch(const std::string& key);
    // Looks without asking.
    TextureRef peek(const std::string& key) const;
    // Once per frame before drawing: hands the worker this frame's wishes, uploads finished pixels
    // within the per-frame bounds, evicts to the budget. True when something new can be drawn.
    bool pump();
    // Work is queued, in progress or waiting for upload.
    bool busy() const;

    // [SECTION] Between frames, UI thread
    // Makes `count` empty textures of `width`×`height` ahead of need (by idleWork, within the budget),
    // and from then on gives an image of that size a texture of the pool instead of a new one: making
    // a texture zeroes megabytes, which on a software GL is the most expensive thing a frame can do.
    void reserve(int width, int height, int count);
    // Something for idleWork: decoded pixels to upload or pool textures to make. The worker decoding
    // is not: it wakes the loop when it finishes.
    bool hasIdleWork() const;
    // One bounded step of that work while no frame is due (an untouched kiosk draws no frames just to
    // move pixels). True when an image drawn in the last frame became ready: draw one.
    bool idleWork();

    const ImagePipelineStats& stats() const { return stats_; }
    void resetMax() {
        stats_.max_frame_ms = 0;
        stats_.max_frame_cpu_ms = 0;
        stats_.max_cpu_ms = 0;
        stats_.worst_frame.clear();
        stats_.max_idle_ms = 0;
    }
    const ImagePipelineOptions& options() const { return options_; }

private:
    enum class Slot { Queued, Decoded, Ready, Failed };
    struct Entry {
        Slot slot = Slot::Queued;
        uint64_t texture = 0;
        int width = 0, height = 0;
        size_t bytes = 0;
        uint64_t last_used = 0;
        int priority = 0;
    };
    struct Job {
        std::string key;
        int priority;
        int64_t pixels;
    };
    struct Decoded {
        std::string key;
        uint64_t generation = 0;
        std::vector<uint8_t> rgba;
        int width = 0, height = 0;
        bool ok = false;
        std::string error;
        int rows_done = 0; // rows already in the texture (banded upload)
    };
    // Uploads within the frame's bounds; true when `d` is complete.
    bool uploadSome(Decoded& d, Entry& e, size_t room, bool first);
    // Gives `e` a texture of `d`'s size that exists already: a pool texture, else (over budget or for a
    // pooled size) the least recently drawn image of that size, evicting it.
    bool reuse(const Decoded& d, Entry& e);
    // Moves what the worker finished into staged_; mu_ held.
    void collectDoneLocked();
    // Hands the worker this frame's wishes and the buffers to free, collects what it finished, forgets
    // stale requests; mu_ held. True when the worker has something to do.
    bool handOverLocked();
    // Moves retired_ to trash_ for the worker; mu_ held. True when there was any.
    bool passRetiredLocked();
    void reportFailures();
    // One pool texture of a reserved size, if the budget allows.
    void makeSpare();
    // Hands `d`'s pixel buffer to the worker to free.
    void retire(Decoded& d);
    // Uploads staged_ within the per-frame bounds; true when an image became ready (`*drawn`: one
    // that was drawn in the last frame).
    bool uploadStaged(bool* drawn);
    void want(const std::string& key, int priority);
    void evict();
    void releaseAll();
    void workerLoop();

    TextureUploader& uploader_;
    const ImagePipelineOptions options_;
    std::unordered_map<std::string, Entry> entries_;
    std::unordered_map<std::string, int64_t> pixels_;
    std::vector<Job> wanted_;        // this frame's requests for images not ready yet
    std::deque<Decoded> staged_;     // decoded, waiting for their upload
    std::vector<std::vector<uint8_t>> retired_; // uploaded pixels, for trash_ at the next pump
    uint64_t frame_ = 0;
    double request_ms_ = 0;          // time in request() since the last pump
    // What the current frame did, for stats_.worst_frame.
    struct FrameLog {
        size_t uploaded = 0;
        int bands = 0, wholes = 0, released = 0, reused = 0;
        double upload_ms = 0, release_ms = 0, lock_ms = 0;
    } log_;
    ImagePipelineStats stats_;
    bool bands_ok_ = true;           // the uploader can fill rows (until it says otherwise)
    bool allocated_ = false;         // a texture was made empty this frame
    bool in_frame_ = false;          // inside pump()
    bool handover_pending_ = false;  // a pump found the lock taken: wanted_ still to hand over
    struct Spare {
        uint64_t texture;
        int width, height;
        size_t bytes;
    };
    std::vector<Spare> spares_;      // pool textures not in use yet
    struct Reserve {
        int width, height, count, made;
    };
    std::vector<Reserve> reserved_;
    std::unordered_set<std::string> logged_;
    std::vector<std::pair<std::string, std::string>> failures_; // to report after the lock

    // Shared with the worker.
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Job> queue_;
    std::vector<Decoded> done_;
    std::vector<std::vector<uint8_t>> trash_; // pixel buffers for the worker to free
    std::string current_;            // the key the worker is decoding
    std::string db_path_;
    std::shared_ptr<ContentDb> db_;
    uint64_t generation_ = 0;
    bool stop_ = false;
    std::thread worker_;
};

} // namespace ww
