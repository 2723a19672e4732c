// Images for the screens: encoded blobs are read from the content database and decoded on a worker
// thread; the UI thread only uploads finished pixels, a bounded amount per frame, and keeps the most
// recently drawn textures. In headless mode nothing is decoded: screens lay out with placeholders.
#pragma once

#include "platform/backend.h"
#include "ui/context.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace ww {

class ImageCache final : public ImageSource {
public:
    ImageCache(Backend& backend, bool decode);
    ~ImageCache() override;
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // New content: drop every texture and read from `db_path` from now on.
    void setContent(const std::string& db_path, const Model* model);
    // Once per frame before drawing: uploads finished images. True if something new can be drawn.
    bool pump();
    // Decodes are queued or waiting for upload: keep frames coming.
    bool busy();

    ImageView get(const std::string& key) override;
    void getInfo(const std::string& key, int* w, int* h) override;

    size_t textureCount() const { return entries_.size(); }

private:
    struct Entry {
        uint64_t texture = 0;
        int width = 0, height = 0;
        uint64_t last_used = 0;
        bool ready = false;
    };
    struct Decoded {
        std::string key;
        uint64_t generation;
        std::vector<uint8_t> rgba;
        int width, height;
    };
    void workerLoop();
    void evict();

    Backend& backend_;
    const bool decode_;
    std::unordered_map<std::string, Entry> entries_;
    uint64_t frame_ = 0;
    size_t bytes_ = 0;

    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::string> queue_;
    std::vector<Decoded> done_;
    std::string db_path_;
    uint64_t generation_ = 0;
    bool stop_ = false;
    std::thread worker_;
};

} // namespace ww
