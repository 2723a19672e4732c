// The kiosk's window: GLFW full-screen (or a staff preview window), OpenGL 3.3 core, ImGui's GLFW and
// OpenGL3 backends. Pointer input is queued here and handed to the touch layer, not to ImGui: the kiosk
// decides itself what a tap is, and ImGui never sees a hovering mouse.
// Full screen is locked down: a close request (Alt+F4 under a window manager, the window system closing
// the window) is refused, and no key does anything (Esc, Ctrl+Q, Alt+F4 reach no handler). Staff leave
// through the staff menu; operators stop the service. The --windowed staff preview can be closed.
#include "platform/backend.h"
#include "platform/log.h"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#define GLFW_EXPOSE_NATIVE_GLX
#include <GL/glx.h>
#include <GLFW/glfw3native.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#if defined(__SANITIZE_ADDRESS__)
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#endif

namespace ww {

namespace {

void onGlfwError(int code, const char* message) { logWarn("GLFW error %d: %s", code, message); }

#if defined(__SANITIZE_ADDRESS__)
// Under LeakSanitizer only: the GL driver (Mesa's *_dri.so) keeps state that only the driver points
// to, and glfwTerminate unloads it before the leak check runs, so that state would be reported as
// lost. Keeping the driver mapped until exit lets the check see it is still referenced.
void keepGlDriverLoaded() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void*) {
            const char* name = info->dlpi_name;
            if (name && std::strstr(name, "_dri.so")) dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
            return 0;
        },
        nullptr);
}
#endif

class GlfwBackend final : public Backend {
public:
    ~GlfwBackend() override {
        if (imgui_gl_) ImGui_ImplOpenGL3_Shutdown();
        if (imgui_glfw_) ImGui_ImplGlfw_Shutdown();
        if (window_) glfwDestroyWindow(window_);
#if defined(__SANITIZE_ADDRESS__)
        keepGlDriverLoaded();
#endif
        glfwTerminate();
    }

    bool init(const WindowOptions& opt, std::string* error) {
        glfwSetErrorCallback(onGlfwError);
        if (!glfwInit()) {
            *error = "cannot open a display (is DISPLAY set?). To run without a screen use --headless, "
                     "or start under a virtual display: xvfb-run -a -s \"-screen 0 1920x1080x24\" wegweiser";
            return false;
        }
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        GLFWmonitor* monitor = nullptr;
        int w = opt.width, h = opt.height;
        if (w <= 0 || h <= 0) {
            // Borderless full screen at the monitor's own mode: no mode switch, no flicker at start.
            monitor = glfwGetPrimaryMonitor();
            const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
            if (!mode) {
                *error = "no monitor found; use --windowed WxH or --headless";
                return false;
            }
            glfwWindowHint(GLFW_RED_BITS, mode->redBits);
            glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
            glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
            glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
            w = mode->width;
            h = mode->height;
        }
        window_ = glfwCreateWindow(w, h, opt.title.c_str(), monitor, nullptr);
        if (!window_) {
            *error = "cannot create a window with OpenGL 3.3 (check the graphics driver, or use --headless)";
            return false;
        }
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(opt.vsync ? 1 : 0);
        glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        glfwSetWindowUserPointer(window_, this);
        lockdown_ = monitor != nullptr;
        glfwSetWindowCloseCallback(window_, [](GLFWwindow* win) {
            auto* self = static_cast<GlfwBackend*>(glfwGetWindowUserPointer(win));
            if (!self->lockdown_) return;
            glfwSetWindowShouldClose(win, GLFW_FALSE);
            logInfo("window close request ignored (kiosk lockdown; staff exit through the staff menu)");
        });
        // Keys are swallowed here on purpose: a kiosk has no keyboard shortcuts a visitor could find.
        glfwSetKeyCallback(window_, [](GLFWwindow*, int, int, int, int) {});
        glfwSetCharCallback(window_, [](GLFWwindow*, unsigned) {});
        glfwSetCursorPosCallback(window_, [](GLFWwindow* win, double x, double y) {
            auto* self = static_cast<GlfwBackend*>(glfwGetWindowUserPointer(win));
            self->pushPointer(static_cast<float>(x), static_cast<float>(y), self->down_);
        });
        glfwSetMouseButtonCallback(window_, [](GLFWwindow* win, int button, int action, int) {
            if (button != GLFW_MOUSE_BUTTON_LEFT) return;
            auto* self = static_cast<GlfwBackend*>(glfwGetWindowUserPointer(win));
            double x = 0, y = 0;
            glfwGetCursorPos(win, &x, &y);
            self->pushPointer(static_cast<float>(x), static_cast<float>(y), action == GLFW_PRESS);
        });

        // Our own callbacks feed the touch layer; ImGui's would turn the touch into a hovering mouse.
        if (!ImGui_ImplGlfw_InitForOpenGL(window_, false)) {
            *error = "cannot initialise the ImGui GLFW backend";
            return false;
        }
        imgui_glfw_ = true;
        if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
            *error = "cannot initialise the ImGui OpenGL3 backend (needs OpenGL 3.3)";
            return false;
        }
        imgui_gl_ = true;
        // Mesa offers it with every driver; elsewhere frames are always drawn and swapped whole.
        if (glfwExtensionSupported("GLX_MESA_copy_sub_buffer"))
            copy_sub_ = reinterpret_cast<CopySubBuffer>(glfwGetProcAddress("glXCopySubBufferMESA"));
        glfwGetFramebufferSize(window_, &fb_w_, &fb_h_);
        glfwGetWindowSize(window_, &w_, &h_);
        logInfo("window %dx%d (%s), OpenGL %s, %s", w_, h_, monitor ? "full screen" : "windowed",
                reinterpret_cast<const char*>(glGetString(GL_VERSION)),
                reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
        return true;
    }

    bool headless() const override { return false; }
    int width() const override { return w_; }
    int height() const override { return h_; }

    void newFrame(float dt) override {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        if (dt > 0) io.DeltaTime = dt;
        glfwGetFramebufferSize(window_, &fb_w_, &fb_h_);
        glfwGetWindowSize(window_, &w_, &h_);
    }

    void render(const PixelRect* only) override {
        glViewport(0, 0, fb_w_, fb_h_);
        glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
        ImDrawData* dd = ImGui::GetDrawData();
        if (only) {
            const ImVec4 r(static_cast<float>(only->x), static_cast<float>(only->y), static_cast<float>(only->x + only->w),
                           static_cast<float>(only->y + only->h));
            // Every command is clipped to the rectangle, so what it draws there comes out exactly as
            // in a whole frame.
            for (int i = 0; i < dd->CmdListsCount; ++i)
                for (ImDrawCmd& cmd : dd->CmdLists[i]->CmdBuffer) {
                    cmd.ClipRect.x = std::max(cmd.ClipRect.x, r.x);
                    cmd.ClipRect.y = std::max(cmd.ClipRect.y, r.y);
                    cmd.ClipRect.z = std::min(cmd.ClipRect.z, r.z);
                    cmd.ClipRect.w = std::min(cmd.ClipRect.w, r.w);
                }
            const PixelRect f = toFramebuffer(*only);
            glEnable(GL_SCISSOR_TEST);
            glScissor(f.x, f.y, f.w, f.h);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
        } else {
            glClear(GL_COLOR_BUFFER_BIT);
        }
        ImGui_ImplOpenGL3_RenderDrawData(dd);
    }

    void present(const PixelRect* only) override {
        if (!only || !copy_sub_) {
            glfwSwapBuffers(window_);
            return;
        }
        const PixelRect f = toFramebuffer(*only);
        copy_sub_(glfwGetX11Display(), glfwGetGLXWindow(window_), f.x, f.y, f.w, f.h);
    }

    bool canKeepBackBuffer() const override { return copy_sub_ != nullptr; }

    bool screenshot(const std::string& path, int max_width, std::string* error) override {
        std::vector<uint8_t> px(static_cast<size_t>(fb_w_) * fb_h_ * 4);
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, fb_w_, fb_h_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        // GL's rows run bottom-up; PNG's top-down.
        const size_t row = static_cast<size_t>(fb_w_) * 4;
        std::vector<uint8_t> tmp(row);
        for (int y = 0; y < fb_h_ / 2; ++y) {
            uint8_t* a = px.data() + y * row;
            uint8_t* b = px.data() + (fb_h_ - 1 - y) * row;
            std::copy(a, a + row, tmp.data());
            std::copy(b, b + row, a);
            std::copy(tmp.data(), tmp.data() + row, b);
        }
        for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;
        return writePng(path, px.data(), fb_w_, fb_h_, max_width, error);
    }

    void waitEvents(double timeout_s) override {
        if (timeout_s <= 0) {
            glfwPollEvents();
            return;
        }
        glfwWaitEventsTimeout(timeout_s);
    }
    void wake() override { glfwPostEmptyEvent(); }
    bool closeRequested() override { return glfwWindowShouldClose(window_); }

    std::vector<PointerEvent> takePointerEvents() override {
        std::vector<PointerEvent> out;
        out.swap(events_);
        return out;
    }

    uint64_t createTexture(const uint8_t* rgba, int w, int h) override {
        GLuint tex = 0;
        glGenTextures(1, &tex);
        glBindTexture(GL_TEXTURE_2D, tex);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
        return tex;
    }
    bool updateTextureRows(uint64_t texture, int y, int w, int rows, const uint8_t* rgba) override {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture));
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, w, rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
        return true;
    }
    void destroyTexture(uint64_t texture) override {
        GLuint tex = static_cast<GLuint>(texture);
        if (tex) glDeleteTextures(1, &tex);
    }
    void fontsChanged() override {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

private:
    using CopySubBuffer = void (*)(Display*, GLXDrawable, int, int, int, int);

    // GL counts rows from the bottom, in framebuffer pixels.
    PixelRect toFramebuffer(const PixelRect& r) const {
        const double sx = w_ > 0 ? static_cast<double>(fb_w_) / w_ : 1, sy = h_ > 0 ? static_cast<double>(fb_h_) / h_ : 1;
        PixelRect f;
        f.x = static_cast<int>(std::floor(r.x * sx));
        f.w = static_cast<int>(std::ceil((r.x + r.w) * sx)) - f.x;
        const int top = static_cast<int>(std::floor(r.y * sy)), bottom = static_cast<int>(std::ceil((r.y + r.h) * sy));
        f.y = fb_h_ - bottom;
        f.h = bottom - top;
        return f;
    }

    void pushPointer(float x, float y, bool down) {
        down_ = down;
        events_.push_back({x, y, down});
    }

    GLFWwindow* window_ = nullptr;
    bool imgui_glfw_ = false;
    bool imgui_gl_ = false;
    int w_ = 0, h_ = 0, fb_w_ = 0, fb_h_ = 0;
    bool down_ = false;
    bool lockdown_ = false; // full screen: close requests are refused
    CopySubBuffer copy_sub_ = nullptr; // GLX_MESA_copy_sub_buffer
    std::vector<PointerEvent> events_; // filled by callbacks on the UI thread inside glfwWaitEvents
};

} // namespace

std::unique_ptr<Backend> makeGlfwBackend(const WindowOptions& options, std::string* error) {
    auto backend = std::make_unique<GlfwBackend>();
    if (!backend->init(options, error)) return nullptr;
    return backend;
}

} // namespace ww
