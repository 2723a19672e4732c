// The content database on disk, watched for replacement. Staff replace the file atomically (rename);
// we notice by inode, size and mtime about once a second, load the new file on a worker thread and
// hand the finished model to the UI thread, which swaps it between frames. A missing, unreadable or
// too new database never replaces good content; without any content we retry every few seconds.
#pragma once

#include "core/model.h"
#include "core/search.h"
#include "core/store.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace ww {

// What a load prepares off the UI thread: the model and the search index over it.
struct LoadedModel {
    std::shared_ptr<const Model> model;
    std::shared_ptr<const SearchIndex> search;
    // The open file the model came from: its images are read through it, so they belong to this
    // content even when staff replace the file before they are shown.
    std::shared_ptr<ContentDb> db;
    explicit operator bool() const { return model != nullptr; }
};

class ContentSource {
public:
    ContentSource(std::string path, std::function<void()> wake);
    ~ContentSource();

    // Checks the file when due and starts a load if it changed. `synchronous`: finish loads before
    // returning (headless runs stay deterministic).
    void poll(double now, bool synchronous);
    // A freshly loaded model and its search index, once; empty otherwise.
    LoadedModel take();
    // Ask for an immediate attempt (the waiting screen's button).
    void retryNow() { next_retry_ = 0; next_check_ = 0; }
    // Load the file again even if it looks unchanged (the staff menu's "reload").
    void reloadNow() {
        loaded_ = attempted_ = Signature{};
        retryNow();
    }

    const std::string& path() const { return path_; }
    bool loading() const { return thread_.joinable(); }
    // A model is loaded and waits for take() (or a load finished and waits for poll()).
    bool hasReady() const {
        if (done_ && thread_.joinable()) return true;
        std::lock_guard<std::mutex> lock(mu_);
        return ready_.model != nullptr;
    }
    bool everLoaded() const { return ever_loaded_; }
    // The reason the last attempt failed ("" after a success).
    std::string lastError() const;
    // When poll() wants to run next (monotonic seconds).
    double nextDue() const;
    double nextRetry() const { return next_retry_; }

    // Seconds between retries while there is no content at all.
    static constexpr double kRetryInterval = 3.0;

private:
    struct Signature {
        bool exists = false;
        unsigned long long ino = 0, size = 0;
        long long mtime_ns = 0;
        bool operator==(const Signature& o) const {
            return exists == o.exists && ino == o.ino && size == o.size && mtime_ns == o.mtime_ns;
        }
        bool operator!=(const Signature& o) const { return !(*this == o); }
    };
    Signature stat() const;
    void start(const Signature& sig);
    void finish();

    std::string path_;
    std::function<void()> wake_;
    double next_check_ = 0;
    double next_retry_ = 0;
    bool ever_loaded_ = false;
    Signature loaded_, attempted_, loading_sig_;

    std::thread thread_;
    std::atomic<bool> done_{false};
    mutable std::mutex mu_;
    LoadedModel result_;
    LoadedModel ready_;
    std::string error_;
    std::string last_logged_;
};

} // namespace ww
