// The run-time image pipeline without a GL context: a counting uploader stands in for the GPU and a
// real content database holds the blobs. Covers the texture budget, per-frame upload bounds, corrupt
// and missing images, and a clean worker shutdown (run this suite under ASan as well).
#include <doctest/doctest.h>

#include "core/image_pipeline.h"
#include "core/store.h"

#include <stb_image_write.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>
#include <unistd.h>

using namespace ww;
namespace fs = std::filesystem;

namespace {

// Counts what a GPU would hold.
struct FakeGpu : TextureUploader {
    bool bands = true;
    uint64_t next = 1;
    std::map<uint64_t, size_t> live;       // texture → bytes
    size_t frame_bytes = 0;                // bytes handed over since the last reset
    std::atomic<int> wakes{0};
    std::vector<std::string> failures;

    uint64_t upload(const uint8_t* rgba, int w, int h) override {
        const size_t b = static_cast<size_t>(w) * h * 4;
        if (rgba) frame_bytes += b;
        live[next] = b;
        return next++;
    }
    bool uploadRows(uint64_t t, int, int w, int rows, const uint8_t*) override {
        if (!bands) return false;
        REQUIRE(live.count(t) == 1);
        frame_bytes += static_cast<size_t>(w) * rows * 4;
        return true;
    }
    void release(uint64_t t) override {
        REQUIRE_MESSAGE(live.count(t) == 1, "released a texture twice or one never made");
        live.erase(t);
    }
    void wake() override { ++wakes; }
    void failed(const std::string& key, const std::string& why) override { failures.push_back(key + ": " + why); }
    size_t liveBytes() const {
        size_t s = 0;
        for (const auto& [t, b] : live) s += b;
        return s;
    }
};

std::vector<uint8_t> png(int w, int h, uint8_t shade) {
    std::vector<uint8_t> px(static_cast<size_t>(w) * h * 3);
    for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<uint8_t>(shade + i % 7);
    std::vector<uint8_t> out;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) {
            auto* v = static_cast<std::vector<uint8_t>*>(ctx);
            v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &out, w, h, 3, px.data(), w * 3);
    return out;
}

ImageBlob blob(const std::string& key, std::vector<uint8_t> data, int w, int h) {
    ImageBlob b;
    b.info.key = key;
    b.info.mime = "image/png";
    b.info.width = w;
    b.info.height = h;
    b.info.bytes = static_cast<int64_t>(data.size());
    b.data = std::move(data);
    return b;
}

// A content database with `n` small photos "p0".."p<n-1>" (64×48), one large one ("big", 800×600), a
// corrupt blob ("corrupt": not an image at all) and a truncated PNG ("truncated").
std::string makeDb(int n) {
    static int counter = 0;
    const std::string path = (fs::temp_directory_path() / ("ww-image-cache-" + std::to_string(getpid()) + "-" +
                                                           std::to_string(++counter) + ".db"))
                                 .string();
    fs::remove(path);
    std::vector<ImageBlob> images;
    for (int i = 0; i < n; ++i) images.push_back(blob("p" + std::to_string(i), png(64, 48, static_cast<uint8_t>(i)), 64, 48));
    images.push_back(blob("big", png(800, 600, 9), 800, 600));
    images.push_back(blob("corrupt", std::vector<uint8_t>(5000, 0x5a), 64, 48));
    std::vector<uint8_t> cut = png(64, 48, 3);
    cut.resize(cut.size() / 2);
    images.push_back(blob("truncated", cut, 64, 48));
    writeDatabase(path, Model{}, images);
    return path;
}

// Frames until `done` (or 20 s: a bound for a busy machine); the requests in `frame` are repeated every frame like a screen.
template <class Frame, class Done>
bool frames(ImagePipeline& p, Frame frame, Done done) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20); // a bound for a busy machine, not a timing
    while (std::chrono::steady_clock::now() < end) {
        p.pump();
        frame();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

} // namespace

TEST_CASE("an image asked for is decoded off the UI thread and arrives as a texture") {
    const std::string db = makeDb(2);
    FakeGpu gpu;
    ImagePipeline p(gpu);
    p.setContent(db);
    CHECK(p.request("p0").state == ImageState::Loading); // never decoded on the spot
    TextureRef t;
    REQUIRE(frames(p, [&] { t = p.request("p0"); }, [&] { return t.state == ImageState::Ready; }));
    CHECK(t.width == 64);
    CHECK(t.height == 48);
    CHECK(gpu.live.count(t.texture) == 1);
    // The worker wakes the loop right after handing the pixels over; a frame may collect them in between.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (gpu.wakes == 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(gpu.wakes > 0);
    CHECK(p.stats().bytes == 64 * 48 * 4);
    fs::remove(db);
}

TEST_CASE("eviction keeps texture memory within the budget, least recently drawn first") {
    const std::string db = makeDb(12);
    FakeGpu gpu;
    ImagePipelineOptions o;
    o.budget_bytes = 4 * 64 * 48 * 4; // four photos
    ImagePipeline p(gpu, o);
    p.setContent(db);
    for (int i = 0; i < 12; ++i) {
        // A visitor scrolls: each photo is on screen until it has arrived, then the next one.
        const std::string key = "p" + std::to_string(i);
        REQUIRE(frames(p, [&] { p.request(key); }, [&] { return p.peek(key).state == ImageState::Ready; }));
        for (int f = 0; f < 4; ++f) p.pump(); // off screen now
        CAPTURE(i);
        CHECK(p.stats().bytes <= o.budget_bytes);
        CHECK(gpu.liveBytes() == p.stats().bytes);
    }
    CHECK(p.stats().evicted >= 8);
    CHECK(p.peek("p11").state == ImageState::Ready); // drawn last: kept
    CHECK(p.peek("p0").state == ImageState::Loading); // drawn first: gone, would be asked anew
    CHECK(gpu.live.size() == p.stats().textures);
    fs::remove(db);
}

TEST_CASE("what is on screen is never evicted, even over budget") {
    const std::string db = makeDb(6);
    FakeGpu gpu;
    ImagePipelineOptions o;
    o.budget_bytes = 64 * 48 * 4; // one photo
    ImagePipeline p(gpu, o);
    p.setContent(db);
    auto all = [&] {
        for (int i = 0; i < 6; ++i) p.request("p" + std::to_string(i));
    };
    auto ready = [&] {
        for (int i = 0; i < 6; ++i)
            if (p.peek("p" + std::to_string(i)).state != ImageState::Ready) return false;
        return true;
    };
    REQUIRE(frames(p, all, ready));
    for (int f = 0; f < 5; ++f) {
        p.pump();
        all();
    }
    CHECK(ready());
    // Off screen: back to the budget.
    for (int f = 0; f < 5; ++f) p.pump();
    CHECK(p.stats().bytes <= o.budget_bytes);
    fs::remove(db);
}

TEST_CASE("large images go up in bands within the per-frame bound") {
    const std::string db = makeDb(1);
    FakeGpu gpu;
    ImagePipelineOptions o;
    o.upload_bytes_per_frame = 100 * 800 * 4; // a hundred rows of the large image
    ImagePipeline p(gpu, o);
    p.setContent(db);
    int frames_with_upload = 0;
    size_t most = 0;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20); // a bound for a busy machine, not a timing
    while (p.peek("big").state != ImageState::Ready && std::chrono::steady_clock::now() < end) {
        gpu.frame_bytes = 0;
        p.pump();
        p.request("big");
        most = std::max(most, gpu.frame_bytes);
        if (gpu.frame_bytes) ++frames_with_upload;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(p.peek("big").state == ImageState::Ready);
    CHECK(most <= o.upload_bytes_per_frame);
    CHECK(frames_with_upload == 6); // 600 rows, 100 per frame

    SUBCASE("an uploader without bands gets whole images, one per frame") {
        FakeGpu whole;
        whole.bands = false;
        ImagePipeline q(whole, o);
        q.setContent(db);
        REQUIRE(frames(q, [&] { q.request("big"); }, [&] { return q.peek("big").state == ImageState::Ready; }));
        CHECK(whole.live.size() == 1);
        CHECK(whole.liveBytes() == 800 * 600 * 4);
    }
    fs::remove(db);
}

TEST_CASE("images larger than the display are scaled down on the worker") {
    const std::string db = makeDb(1);
    FakeGpu gpu;
    ImagePipelineOptions o;
    o.max_width = 400;
    o.max_height = 400;
    ImagePipeline p(gpu, o);
    p.setContent(db);
    TextureRef t;
    REQUIRE(frames(p, [&] { t = p.request("big"); }, [&] { return t.state == ImageState::Ready; }));
    CHECK(t.width == 400);
    CHECK(t.height == 300);
    fs::remove(db);
}

TEST_CASE("a corrupt or missing image fails for good, is reported once and never crashes") {
    const std::string db = makeDb(1);
    FakeGpu gpu;
    ImagePipeline p(gpu);
    p.setContent(db);
    auto failed = [&] {
        return p.peek("corrupt").state == ImageState::Failed && p.peek("truncated").state == ImageState::Failed &&
               p.peek("nowhere").state == ImageState::Failed;
    };
    auto ask = [&] {
        p.request("corrupt");
        p.request("truncated");
        p.request("nowhere");
        p.request("p0");
    };
    REQUIRE(frames(p, ask, failed));
    for (int f = 0; f < 20; ++f) {
        p.pump();
        ask();
    }
    CHECK(gpu.failures.size() == 3); // once each, however often the screen asks
    CHECK(p.stats().failed == 3);
    CHECK(gpu.live.size() <= 1);     // only p0: nothing uploaded for the broken ones
    std::string err;
    std::vector<uint8_t> px;
    int w = 0, h = 0;
    CHECK_FALSE(decodeImage(std::vector<uint8_t>(100, 0xff), 0, 0, &px, &w, &h, &err));
    CHECK_FALSE(err.empty());
    fs::remove(db);
}

TEST_CASE("over budget, a new display copy takes over the least recently drawn one's texture of its size") {
    const std::string db = (fs::temp_directory_path() / ("ww-image-spare-" + std::to_string(getpid()) + ".db")).string();
    fs::remove(db);
    std::vector<ImageBlob> images;
    for (int i = 0; i < 3; ++i) images.push_back(blob("big" + std::to_string(i), png(800, 600, static_cast<uint8_t>(i)), 800, 600));
    images.push_back(blob("thumb", png(64, 48, 1), 64, 48));
    writeDatabase(db, Model{}, images);
    struct CountingGpu : FakeGpu {
        int empty = 0; // textures made without pixels, to be filled in bands
        uint64_t upload(const uint8_t* rgba, int w, int h) override {
            if (!rgba) ++empty;
            return FakeGpu::upload(rgba, w, h);
        }
    } gpu;
    ImagePipelineOptions o;
    o.upload_bytes_per_frame = 100 * 800 * 4;
    o.budget_bytes = 2 * 800 * 600 * 4;
    ImagePipeline p(gpu, o);
    p.setContent(db);
    for (int i = 0; i < 3; ++i) {
        // Swiping on: each photo is on screen until it has arrived, then off screen.
        const std::string key = "big" + std::to_string(i);
        REQUIRE(frames(p, [&] { p.request(key); }, [&] { return p.peek(key).state == ImageState::Ready; }));
        for (int f = 0; f < 4; ++f) p.pump();
        CHECK(p.stats().bytes <= o.budget_bytes);
        CHECK(gpu.liveBytes() == p.stats().bytes);
        CHECK(gpu.live.size() == p.stats().textures);
    }
    CHECK(gpu.empty == 2); // the third photo went into the first one's texture
    CHECK(p.peek("big2").state == ImageState::Ready);
    CHECK(p.peek("big0").state == ImageState::Loading);

    SUBCASE("a thumbnail goes up whole even when it exceeds the per-frame bytes") {
        ImagePipelineOptions t;
        t.upload_bytes_per_frame = 16 * 64 * 4; // sixteen rows of it
        CountingGpu thumbs;
        ImagePipeline q(thumbs, t);
        q.setContent(db);
        REQUIRE(frames(q, [&] { q.request("thumb"); }, [&] { return q.peek("thumb").state == ImageState::Ready; }));
        CHECK(thumbs.empty == 0);
    }
    fs::remove(db);
}

TEST_CASE("with the cache full, a thumbnail goes into the texture of one of its size shown least recently") {
    const std::string db = makeDb(12);
    struct CountingGpu : FakeGpu {
        int made = 0, released = 0;
        uint64_t upload(const uint8_t* rgba, int w, int h) override {
            ++made;
            return FakeGpu::upload(rgba, w, h);
        }
        void release(uint64_t t) override {
            ++released;
            FakeGpu::release(t);
        }
    } gpu;
    ImagePipelineOptions o;
    o.budget_bytes = 4 * 64 * 48 * 4; // four thumbnails
    ImagePipeline p(gpu, o);
    p.setContent(db);
    for (int i = 0; i < 12; ++i) {
        // A grid scrolled on: each thumbnail is on screen until it has arrived, then off screen.
        const std::string key = "p" + std::to_string(i);
        REQUIRE(frames(p, [&] { p.request(key); }, [&] { return p.peek(key).state == ImageState::Ready; }));
        for (int f = 0; f < 4; ++f) p.pump();
        CHECK(p.stats().bytes <= o.budget_bytes);
        CHECK(gpu.liveBytes() == p.stats().bytes);
    }
    // Four made while the cache filled; then each new one took over the oldest one's texture.
    CHECK(gpu.made <= 5);
    CHECK(gpu.released == 0);
    CHECK(p.peek("p11").state == ImageState::Ready);
    CHECK(p.peek("p0").state == ImageState::Loading);
    fs::remove(db);
}

TEST_CASE("textures reserved ahead are made between frames and no frame makes one after") {
    const std::string db = (fs::temp_directory_path() / ("ww-image-pool-" + std::to_string(getpid()) + ".db")).string();
    fs::remove(db);
    std::vector<ImageBlob> images;
    for (int i = 0; i < 6; ++i) images.push_back(blob("big" + std::to_string(i), png(800, 600, static_cast<uint8_t>(i)), 800, 600));
    images.push_back(blob("tall", png(600, 800, 7), 600, 800));
    writeDatabase(db, Model{}, images);
    FakeGpu gpu;
    ImagePipelineOptions o;
    o.upload_bytes_per_frame = 100 * 800 * 4;
    o.budget_bytes = 4 * 800 * 600 * 4 + 100000;
    ImagePipeline p(gpu, o);
    p.setContent(db);
    p.reserve(800, 600, 3);
    p.reserve(10000, 10000, 2); // does not fit the budget: never made
    int steps = 0;
    while (p.hasIdleWork() && steps < 100) {
        CHECK_FALSE(p.idleWork()); // nothing drawn became ready
        ++steps;
    }
    CHECK(steps == 4);             // one texture per step, and one that finds the huge one does not fit
    CHECK(gpu.live.size() == 3);
    CHECK(p.stats().allocated == 3);
    CHECK(p.stats().bytes == 3 * 800 * 600 * 4);
    CHECK(p.stats().bytes <= o.budget_bytes);

    // A visitor swipes through all six: the pool serves every one, however full the cache gets.
    for (int i = 0; i < 6; ++i) {
        const std::string key = "big" + std::to_string(i);
        REQUIRE(frames(p, [&] { p.request(key); }, [&] { return p.peek(key).state == ImageState::Ready; }));
        for (int f = 0; f < 4; ++f) p.pump();
        CHECK(gpu.liveBytes() == p.stats().bytes);
        CHECK(gpu.live.size() == p.stats().textures);
    }
    CHECK(p.stats().allocated_in_frame == 0);
    CHECK(gpu.live.size() == 3);
    // A size without a pool is still made when needed, inside the frame.
    REQUIRE(frames(p, [&] { p.request("tall"); }, [&] { return p.peek("tall").state == ImageState::Ready; }));
    CHECK(p.stats().allocated_in_frame == 1);

    SUBCASE("decoded pixels go up between frames, and only an image on screen asks for a frame") {
        FakeGpu g2;
        ImagePipeline q(g2, o);
        q.setContent(db);
        q.pump();
        q.request("big0");     // drawn in this frame
        q.prefetch("big1");    // wanted soon, not drawn
        q.pump();              // the next frame hands both to the worker
        q.request("big0");
        q.prefetch("big1");
        bool drawn = false;
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while ((q.peek("big0").state != ImageState::Ready || q.peek("big1").state != ImageState::Ready) &&
               std::chrono::steady_clock::now() < end) {
            if (q.hasIdleWork()) {
                if (q.idleWork()) {
                    CHECK_FALSE(drawn);
                    CHECK(q.peek("big0").state == ImageState::Ready); // the one on screen
                    drawn = true;
                }
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
        CHECK(drawn);
        CHECK(q.peek("big1").state == ImageState::Ready);
        CHECK(q.stats().max_idle_ms >= 0);
    }
    fs::remove(db);
}

TEST_CASE("images come from the file the content was loaded from, even after staff replaced it") {
    const std::string db = makeDb(2);
    auto open = std::make_shared<ContentDb>(db);
    // Staff replace the file (write beside it, rename over it) before anything is shown: the new
    // file has no "p1".
    const std::string other = (fs::temp_directory_path() / ("ww-image-other-" + std::to_string(getpid()) + ".db")).string();
    fs::remove(other);
    std::vector<ImageBlob> images;
    images.push_back(blob("p0", png(64, 48, 1), 64, 48));
    writeDatabase(other, Model{}, images);
    fs::rename(other, db);
    FakeGpu gpu;
    ImagePipeline p(gpu);
    p.setContent(db, {}, open);
    TextureRef t;
    REQUIRE(frames(p, [&] { t = p.request("p1"); }, [&] { return t.state != ImageState::Loading; }));
    CHECK(t.state == ImageState::Ready);
    CHECK(gpu.failures.empty());
    fs::remove(db);
}

TEST_CASE("the worker shuts down cleanly with work queued and a decode in progress") {
    const std::string db = makeDb(40);
    for (int round = 0; round < 5; ++round) {
        FakeGpu gpu;
        {
            ImagePipeline p(gpu);
            p.setContent(db);
            p.request("big");
            for (int i = 0; i < 40; ++i) p.request("p" + std::to_string(i));
            p.pump(); // hands the queue to the worker
            if (round % 2) std::this_thread::sleep_for(std::chrono::milliseconds(round));
        } // destroyed mid-work
        CHECK(gpu.live.empty()); // every texture it made is released
    }
    SUBCASE("and without content at all") {
        FakeGpu gpu;
        ImagePipeline p(gpu);
        p.request("p0");
        p.pump();
    }
    SUBCASE("and across a content change") {
        FakeGpu gpu;
        ImagePipeline p(gpu);
        p.setContent(db);
        REQUIRE(frames(p, [&] { p.request("p1"); }, [&] { return p.peek("p1").state == ImageState::Ready; }));
        p.request("p2");
        p.pump();
        p.setContent(db);
        CHECK(gpu.live.empty());
        CHECK(p.peek("p1").state == ImageState::Loading);
    }
    fs::remove(db);
}
