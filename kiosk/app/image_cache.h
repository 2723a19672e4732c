// Images for the screens: the kiosk's side of the image pipeline (core/image_pipeline.h). Blobs are
// decoded on a worker thread and uploaded to the GPU a bounded amount per frame; screens ask through
// the ImageSource interface. In headless mode nothing is decoded: screens lay out with placeholders.
#pragma once

#include "core/image_pipeline.h"
#include "platform/backend.h"
#include "ui/context.h"

#include <memory>
#include <string>

namespace ww {

class ImageCache final : public ImageSource, private TextureUploader {
public:
    // `budget_bytes` 0 = the pipeline's default (ImagePipelineOptions::budget_bytes).
    ImageCache(Backend& backend, bool decode, size_t budget_bytes = 0);
    ~ImageCache() override;
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // New content: drop every texture and read from `db_path` from now on.
    // `db`: the open file `model` was read from (preferred to opening `db_path` again).
    void setContent(const std::string& db_path, const Model* model, std::shared_ptr<ContentDb> db = nullptr);
    // Once per frame before drawing: uploads finished images. True if something new can be drawn.
    bool pump();
    // Decodes are queued, in progress or waiting for upload.
    bool busy();
    // Between frames (ImagePipeline::idleWork): uploads and pool textures that need no frame drawn.
    bool hasIdleWork() const;
    // One bounded step; true when an image on screen became ready (draw a frame).
    bool idleWork();

    ImageView get(const std::string& key) override;
    void prefetch(const std::string& key) override;
    bool broken(const std::string& key) override;
    void getInfo(const std::string& key, int* w, int* h) override;

    size_t textureCount() const { return pipeline_ ? pipeline_->stats().textures : 0; }
    // For the benchmark: UI-thread time on images, memory held. Null in headless mode.
    ImagePipeline* pipeline() { return pipeline_.get(); }

private:
    void reservePool(const Model& model);
    uint64_t upload(const uint8_t* rgba, int width, int height) override;
    bool uploadRows(uint64_t texture, int y, int width, int rows, const uint8_t* rgba) override;
    void release(uint64_t texture) override;
    void wake() override;
    void failed(const std::string& key, const std::string& why) override;

    Backend& backend_;
    std::unique_ptr<ImagePipeline> pipeline_;
};

} // namespace ww
