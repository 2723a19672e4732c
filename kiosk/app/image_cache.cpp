// See image_cache.h.
#include "app/image_cache.h"

#include "platform/log.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace ww {

ImageCache::ImageCache(Backend& backend, bool decode, size_t budget_bytes) : backend_(backend) {
    if (!decode) return;
    ImagePipelineOptions o;
    if (budget_bytes) o.budget_bytes = budget_bytes;
    // A texture never needs more pixels than the display: a 2560-pixel display copy on a 1080p screen
    // is scaled on the worker, which keeps uploads (and memory) at a third.
    o.max_width = std::max(backend.width(), backend.height());
    o.max_height = std::min(backend.width(), backend.height());
    if (backend.height() > backend.width()) std::swap(o.max_width, o.max_height);
    TextureUploader& uploader = *this;
    pipeline_ = std::make_unique<ImagePipeline>(uploader, o);
    logInfo("images: texture budget %zu MB", o.budget_bytes >> 20);
}

// The pipeline joins its worker and releases its textures while the backend still exists.
ImageCache::~ImageCache() { pipeline_.reset(); }

void ImageCache::setContent(const std::string& db_path, const Model* model, std::shared_ptr<ContentDb> db) {
    if (!pipeline_) return;
    std::unordered_map<std::string, int64_t> pixels;
    if (model)
        for (const ImageInfo& i : model->images) pixels[i.key] = static_cast<int64_t>(i.width) * i.height;
    pipeline_->setContent(db_path, std::move(pixels), std::move(db));
    if (model) reservePool(*model);
}

void ImageCache::reservePool(const Model& model) {
    // Photos taken with the same camera come out of the content tool at the same size, and so do their
    // textures: the common sizes get a pool, shared in proportion to how many photos have them, within
    // three quarters of the budget (the rest is for thumbnails and logos, which go up whole).
    const ImagePipelineOptions& o = pipeline_->options();
    std::map<std::pair<int, int>, int> sizes;
    int photos = 0;
    for (const ImageInfo& i : model.images) {
        int w = 0, h = 0;
        fitWithin(i.width, i.height, o.max_width, o.max_height, &w, &h);
        if (static_cast<size_t>(w) * h * 4 <= o.whole_bytes) continue;
        ++sizes[{w, h}];
        ++photos;
    }
    std::vector<std::pair<int, std::pair<int, int>>> order;
    for (const auto& [size, n] : sizes) order.push_back({n, size});
    std::sort(order.rbegin(), order.rend());
    const double pool = static_cast<double>(o.budget_bytes) * 0.75;
    for (const auto& [n, size] : order) {
        const double bytes = static_cast<double>(size.first) * size.second * 4;
        const int count = std::min(n, static_cast<int>(pool * n / photos / bytes));
        if (count < 2) continue; // a rare size: made when needed
        pipeline_->reserve(size.first, size.second, count);
        logDebug("images: %d textures of %dx%d made ahead", count, size.first, size.second);
    }
}

bool ImageCache::pump() { return pipeline_ && pipeline_->pump(); }

bool ImageCache::busy() { return pipeline_ && pipeline_->busy(); }

bool ImageCache::hasIdleWork() const { return pipeline_ && pipeline_->hasIdleWork(); }

bool ImageCache::idleWork() { return pipeline_ && pipeline_->idleWork(); }

ImageView ImageCache::get(const std::string& key) {
    if (!pipeline_ || key.empty()) return {};
    const TextureRef t = pipeline_->request(key);
    if (t.state != ImageState::Ready || !t.texture) return {};
    return ImageView{reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(t.texture)), t.width, t.height};
}

void ImageCache::prefetch(const std::string& key) {
    if (pipeline_) pipeline_->prefetch(key);
}

bool ImageCache::broken(const std::string& key) {
    return pipeline_ && pipeline_->peek(key).state == ImageState::Failed;
}

void ImageCache::getInfo(const std::string& key, int* w, int* h) {
    const TextureRef t = pipeline_ ? pipeline_->peek(key) : TextureRef{};
    *w = t.width;
    *h = t.height;
}

uint64_t ImageCache::upload(const uint8_t* rgba, int width, int height) {
    const auto t0 = std::chrono::steady_clock::now();
    const uint64_t t = backend_.createTexture(rgba, width, height);
    logDebug("images: %s %dx%d in %.2f ms", rgba ? "uploaded" : "allocated", width, height,
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    return t;
}

bool ImageCache::uploadRows(uint64_t texture, int y, int width, int rows, const uint8_t* rgba) {
    return backend_.updateTextureRows(texture, y, width, rows, rgba);
}

void ImageCache::release(uint64_t texture) { backend_.destroyTexture(texture); }

void ImageCache::wake() { backend_.wake(); }

void ImageCache::failed(const std::string& key, const std::string& why) {
    logWarn("image %s cannot be shown (%s); showing a placeholder", key.c_str(), why.c_str());
}

} // namespace ww
