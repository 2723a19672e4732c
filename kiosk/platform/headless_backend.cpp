// The null backend: ImGui runs its full frame (fonts, layout, draw lists) but nothing reaches a GPU.
// Tests and the benchmark use it with a virtual clock, so it never waits and never has events.
#include "platform/backend.h"

#include <imgui.h>

namespace ww {

namespace {

class HeadlessBackend final : public Backend {
public:
    HeadlessBackend(int w, int h) : w_(w), h_(h) {
        ImGuiIO& io = ImGui::GetIO();
        io.BackendPlatformName = "wegweiser-headless";
        io.BackendRendererName = "wegweiser-null";
        // Large maps exceed 64k vertices per draw list; a real renderer handles the offsets, we pretend to.
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    }

    bool headless() const override { return true; }
    int width() const override { return w_; }
    int height() const override { return h_; }

    void newFrame(float dt) override {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(w_), static_cast<float>(h_));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
    }
    void render(const PixelRect*) override {}
    void present(const PixelRect*) override {}
    bool screenshot(const std::string&, int, std::string* error) override {
        if (error) *error = "screenshots need a window (run without --headless, e.g. under xvfb-run)";
        return false;
    }
    void waitEvents(double) override {}
    void wake() override {}
    bool closeRequested() override { return false; }
    std::vector<PointerEvent> takePointerEvents() override { return {}; }
    uint64_t createTexture(const uint8_t*, int, int) override { return 0; }
    void destroyTexture(uint64_t) override {}
    void fontsChanged() override {
        // ImGui insists on a built atlas with a texture id; the pixels are never used.
        ImGuiIO& io = ImGui::GetIO();
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    }

private:
    int w_, h_;
};

} // namespace

std::unique_ptr<Backend> makeHeadlessBackend(int width, int height) {
    return std::make_unique<HeadlessBackend>(width, height);
}

} // namespace ww
