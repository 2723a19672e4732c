// The platform under the UI: a GLFW/OpenGL window for the kiosk, or a headless null backend for tests
// and benchmarks. Both drive the same ImGui frames; only the headless one has no pixels.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ww {

// One change of the pointer as the window system reported it. On Linux a touch arrives as a mouse.
struct PointerEvent {
    float x = 0;
    float y = 0;
    bool down = false;
};

// A rectangle of the window in ImGui's coordinates (top-left origin), whole pixels.
struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const PixelRect& o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
};

// Window options, field by field.
struct WindowOptions {
    int width = 0;          // 0 = full-screen on the primary monitor at its native mode
    int height = 0;
    bool vsync = true;      // swap at display refresh
    std::string title = "Wegweiser";
};

class Backend {
public:
    virtual ~Backend() = default;

    virtual bool headless() const = 0;
    virtual int width() const = 0;
    virtual int height() const = 0;

    // Prepares ImGui's IO for the next frame (display size, backend state). Call before ImGui::NewFrame.
    virtual void newFrame(float dt) = 0;
    // Draws ImGui's draw data (after ImGui::Render) into the back buffer; no swap yet. With `only`,
    // clears and draws inside that rectangle alone and leaves the rest of the back buffer as it is.
    virtual void render(const PixelRect* only = nullptr) = 0;
    // Shows the back buffer. Without `only` it swaps (the back buffer is undefined afterwards); with
    // `only` it copies that rectangle to the screen and keeps the back buffer (canKeepBackBuffer).
    virtual void present(const PixelRect* only = nullptr) = 0;
    // present(&rect) is available: a frame that changes a small area (the start screen's slideshow)
    // can be drawn and shown there alone, which spares a software GL most of its work.
    virtual bool canKeepBackBuffer() const { return false; }
    // Reads the back buffer rendered last and writes it as PNG, downscaled to `max_width` if it is
    // wider (0 = full size). False with *error set when there are no pixels (headless) or on I/O errors.
    virtual bool screenshot(const std::string& path, int max_width, std::string* error) = 0;

    // Blocks until an event arrives or `timeout_s` passes.
    virtual void waitEvents(double timeout_s) = 0;
    // Thread-safe: ends a waitEvents early (a worker has something for the UI).
    virtual void wake() = 0;
    virtual bool closeRequested() = 0;
    // Pointer changes since the last call, oldest first.
    virtual std::vector<PointerEvent> takePointerEvents() = 0;

    // GPU textures for decoded images. Headless returns 0: screens lay out without pixels.
    virtual uint64_t createTexture(const uint8_t* rgba, int width, int height) = 0;
    virtual void destroyTexture(uint64_t texture) = 0;
    // Fills rows [y, y + rows) of a texture made with createTexture(nullptr, …), so a large image can
    // be uploaded over several frames. False when the backend cannot (then upload whole images).
    virtual bool updateTextureRows(uint64_t texture, int y, int width, int rows, const uint8_t* rgba) {
        (void)texture, (void)y, (void)width, (void)rows, (void)rgba;
        return false;
    }
    // The font atlas was rebuilt (text size changed): upload it again.
    virtual void fontsChanged() = 0;
};

// Creates the window and GL context and initialises ImGui's GLFW and OpenGL3 backends. ImGui's context
// must exist. Returns null with *error set when there is no display or no usable OpenGL.
std::unique_ptr<Backend> makeGlfwBackend(const WindowOptions& options, std::string* error);
// A backend without window or GL, `width`×`height` logical pixels.
std::unique_ptr<Backend> makeHeadlessBackend(int width, int height);

// Writes RGBA pixels (top row first) as PNG, box-filtered down to `max_width` when wider.
bool writePng(const std::string& path, const uint8_t* rgba, int width, int height, int max_width,
              std::string* error);

} // namespace ww
