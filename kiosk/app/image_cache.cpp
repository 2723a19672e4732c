// See image_cache.h.
#include "app/image_cache.h"

#include "core/store.h"
#include "platform/log.h"

#include <stb_image.h>

#include <algorithm>
#include <memory>

namespace ww {

namespace {
// Per frame: at most this many uploads, so a screen full of thumbnails never stalls a frame.
constexpr int kUploadsPerFrame = 3;
constexpr size_t kUploadBytesPerFrame = 12u << 20;
// Texture memory kept for images not drawn recently.
constexpr size_t kMaxBytes = 384u << 20;
constexpr size_t kMaxEntries = 400;
} // namespace

ImageCache::ImageCache(Backend& backend, bool decode) : backend_(backend), decode_(decode) {
    if (decode_) worker_ = std::thread([this] { workerLoop(); });
}

ImageCache::~ImageCache() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
    for (auto& [key, e] : entries_)
        if (e.texture) backend_.destroyTexture(e.texture);
}

void ImageCache::setContent(const std::string& db_path, const Model*) {
    for (auto& [key, e] : entries_)
        if (e.texture) backend_.destroyTexture(e.texture);
    entries_.clear();
    bytes_ = 0;
    std::lock_guard<std::mutex> lock(mu_);
    db_path_ = db_path;
    ++generation_;
    queue_.clear();
    done_.clear();
}

ImageView ImageCache::get(const std::string& key) {
    if (!decode_ || key.empty()) return {};
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        it = entries_.emplace(key, Entry{}).first;
        {
            std::lock_guard<std::mutex> lock(mu_);
            queue_.push_back(key);
        }
        cv_.notify_one();
    }
    it->second.last_used = frame_;
    if (!it->second.ready || !it->second.texture) return {};
    return ImageView{reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(it->second.texture)), it->second.width,
                     it->second.height};
}

void ImageCache::getInfo(const std::string& key, int* w, int* h) {
    auto it = entries_.find(key);
    *w = it != entries_.end() ? it->second.width : 0;
    *h = it != entries_.end() ? it->second.height : 0;
}

bool ImageCache::pump() {
    ++frame_;
    if (!decode_) return false;
    std::vector<Decoded> ready;
    {
        std::lock_guard<std::mutex> lock(mu_);
        size_t bytes = 0;
        int n = 0;
        auto it = done_.begin();
        for (; it != done_.end() && n < kUploadsPerFrame && bytes < kUploadBytesPerFrame; ++it, ++n) {
            bytes += it->rgba.size();
            if (it->generation == generation_) ready.push_back(std::move(*it));
        }
        done_.erase(done_.begin(), it);
    }
    for (Decoded& d : ready) {
        auto e = entries_.find(d.key);
        if (e == entries_.end()) continue; // evicted meanwhile
        e->second.texture = d.rgba.empty() ? 0 : backend_.createTexture(d.rgba.data(), d.width, d.height);
        e->second.width = d.width;
        e->second.height = d.height;
        e->second.ready = true;
        bytes_ += d.rgba.size();
    }
    if (entries_.size() > kMaxEntries || bytes_ > kMaxBytes) evict();
    return !ready.empty();
}

bool ImageCache::busy() {
    if (!decode_) return false;
    std::lock_guard<std::mutex> lock(mu_);
    return !queue_.empty() || !done_.empty();
}

void ImageCache::evict() {
    // Oldest first, never what was drawn in the last few frames.
    std::vector<std::pair<uint64_t, std::string>> order;
    for (const auto& [key, e] : entries_)
        if (e.ready && e.last_used + 2 < frame_) order.push_back({e.last_used, key});
    std::sort(order.begin(), order.end());
    for (const auto& [used, key] : order) {
        if (entries_.size() <= kMaxEntries * 3 / 4 && bytes_ <= kMaxBytes * 3 / 4) break;
        Entry& e = entries_[key];
        if (e.texture) backend_.destroyTexture(e.texture);
        bytes_ -= std::min(bytes_, static_cast<size_t>(e.width) * e.height * 4);
        entries_.erase(key);
    }
}

void ImageCache::workerLoop() {
    std::unique_ptr<ContentDb> db;
    std::string open_path;
    uint64_t open_generation = 0;
    for (;;) {
        std::string key, path;
        uint64_t generation;
        {
            std::unique_lock<std::mutex> lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            // Newest request first: the visitor is looking at what was asked for last.
            key = queue_.back();
            queue_.pop_back();
            path = db_path_;
            generation = generation_;
        }
        Decoded out{key, generation, {}, 0, 0};
        try {
            if (!db || open_path != path || open_generation != generation) {
                db.reset();
                db = std::make_unique<ContentDb>(path);
                open_path = path;
                open_generation = generation;
            }
            const std::vector<uint8_t> bytes = db->imageBytes(key);
            int w = 0, h = 0, n = 0;
            stbi_uc* px = bytes.empty() ? nullptr
                                        : stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n, 4);
            if (px) {
                out.rgba.assign(px, px + static_cast<size_t>(w) * h * 4);
                out.width = w;
                out.height = h;
                stbi_image_free(px);
            } else {
                logWarn("image %s: %s", key.c_str(), bytes.empty() ? "not in the content database" : stbi_failure_reason());
            }
        } catch (const std::exception& e) {
            logWarn("image %s: %s", key.c_str(), e.what());
            db.reset();
        }
        {
            std::lock_guard<std::mutex> lock(mu_);
            if (generation == generation_) done_.push_back(std::move(out));
        }
        backend_.wake();
    }
}

} // namespace ww
