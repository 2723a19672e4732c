// See content_source.h.
#include "app/content_source.h"

#include "core/sqlite.h"
#include "core/store.h"
#include "platform/log.h"

#include <sys/stat.h>

namespace ww {

namespace {

// A database copied in place (cp, scp, an interrupted rsync --inplace) can be caught half written:
// the header looks fine, the pages behind it are missing or belong to the next version. SQLite only
// notices when a query happens to touch such a page, so every candidate is checked as a whole before
// it may replace what is on screen. quick_check reads each page once: ~20 ms for the 10 MB sample.
void checkIntact(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("'" + path + "' disappeared while loading");
    std::string verdict;
    try {
        sql::Db db(path, sql::Db::Mode::ReadOnly);
        sql::Stmt s = db.prepare("PRAGMA quick_check(1)");
        verdict = s.step() ? s.text(0) : "no answer";
    } catch (const std::exception& e) {
        verdict = e.what();
    }
    if (verdict != "ok")
        throw std::runtime_error("'" + path + "' is damaged or still being copied (" + verdict +
                                 "); copy it to a temporary name and rename it into place");
}

} // namespace

ContentSource::ContentSource(std::string path, std::function<void()> wake)
    : path_(std::move(path)), wake_(std::move(wake)) {}

ContentSource::~ContentSource() {
    if (thread_.joinable()) thread_.join();
}

ContentSource::Signature ContentSource::stat() const {
    Signature s;
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0) {
        s.exists = true;
        s.ino = st.st_ino;
        s.size = static_cast<unsigned long long>(st.st_size);
        s.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    }
    return s;
}

std::string ContentSource::lastError() const {
    std::lock_guard<std::mutex> lock(mu_);
    return error_;
}

double ContentSource::nextDue() const { return ever_loaded_ ? next_check_ : std::min(next_check_, next_retry_); }

void ContentSource::start(const Signature& sig) {
    attempted_ = sig;
    loading_sig_ = sig;
    done_ = false;
    thread_ = std::thread([this] {
        LoadedModel loaded;
        std::string error;
        try {
            checkIntact(path_);
            loaded.db = std::make_shared<ContentDb>(path_);
            loaded.model = std::make_shared<const Model>(loaded.db->load());
            // Indexing a large event takes tens of milliseconds: never on the UI thread.
            loaded.search = std::make_shared<const SearchIndex>(*loaded.model);
        } catch (const std::exception& e) {
            error = e.what();
            loaded = {};
        }
        {
            std::lock_guard<std::mutex> lock(mu_);
            result_ = std::move(loaded);
            error_ = error;
        }
        done_ = true;
        if (wake_) wake_();
    });
}

void ContentSource::finish() {
    thread_.join();
    std::lock_guard<std::mutex> lock(mu_);
    if (result_) {
        ready_ = std::move(result_);
        result_ = {};
        loaded_ = loading_sig_;
        ever_loaded_ = true;
        last_logged_.clear();
        logInfo("content loaded from %s (version %s, %zu exhibitors, %zu talks, %zu photos)", path_.c_str(),
                ready_.model->content_version.c_str(), ready_.model->exhibitors.size(), ready_.model->talks.size(),
                ready_.model->photos.size());
    } else if (error_ != last_logged_) {
        // Once per distinct problem: a missing file must not flood the journal every few seconds.
        if (ever_loaded_)
            logError("cannot load the new content (%s); keeping the content already shown", error_.c_str());
        else
            logError("no content yet: %s; retrying every %.0f s", error_.c_str(), kRetryInterval);
        last_logged_ = error_;
    }
}

void ContentSource::poll(double now, bool synchronous) {
    if (thread_.joinable()) {
        if (synchronous || done_) finish();
        else return;
    }
    if (now < next_check_ && (ever_loaded_ || now < next_retry_)) return;
    next_check_ = now + 1.0;
    const Signature sig = stat();
    bool load = false;
    if (!ever_loaded_) {
        if (now >= next_retry_) {
            load = true;
            next_retry_ = now + kRetryInterval;
        }
    } else if (sig.exists && sig != loaded_ && sig != attempted_) {
        load = true;
    }
    if (!load) return;
    if (!sig.exists) {
        std::lock_guard<std::mutex> lock(mu_);
        error_ = "content database " + path_ + " does not exist (build it with: wegweiser-content build DIR -o " +
                 path_ + ")";
        if (error_ != last_logged_) {
            logError("no content yet: %s; retrying every %.0f s", error_.c_str(), kRetryInterval);
            last_logged_ = error_;
        }
        return;
    }
    start(sig);
    if (synchronous) finish();
}

LoadedModel ContentSource::take() {
    std::lock_guard<std::mutex> lock(mu_);
    LoadedModel out = std::move(ready_);
    ready_ = {};
    return out;
}

} // namespace ww
