// The kiosk application: owns the platform backend, content, images, screens and the visitor's
// session; runs the frame loop (rendering only while something changes) and offers the hooks the
// script runner and the benchmark drive.
#pragma once

#include "app/content_source.h"
#include "app/image_cache.h"
#include "app/speech.h"
#include "core/kiosk_settings.h"
#include "core/schedule.h"
#include "core/timezone.h"
#include "platform/backend.h"
#include "platform/systemd.h"
#include "ui/screen.h"
#include "ui/staff_screen.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ww {

// Command-line options, field by field (see --help).
struct AppOptions {
    std::string content = "content.db"; // --content: the content database
    std::string kiosk;                  // --kiosk: this kiosk's id in the content ("" = the first kiosk)
    int width = 0, height = 0;          // --windowed WxH; 0 = full screen (or 1920x1080 headless)
    Lang lang = Lang::De;               // --lang: the language a session starts in
    std::string now;                    // --now: start the event clock at this local time
    bool headless = false;              // --headless: no window, virtual clock
    std::string script;                 // --script FILE or "-"
    bool bench = false;                 // --bench
    size_t image_memory_mb = 0;         // --image-memory: texture budget in MB (0 = 64, see image_pipeline.h)
    bool headless_images = false;       // decode images headless too (--monkey measures the image cache)
    KioskSettings site;                 // --settings / kiosk.toml: PIN hash, opening hours, mounting
};

class App final : public Navigator {
public:
    explicit App(AppOptions options);
    ~App() override;

    // Creates the window (or headless backend), fonts and screens. False with *error on failure.
    bool init(std::string* error);
    // The interactive loop until the window closes.
    int run();

    // [SECTION] Hooks for scripts and the benchmark
    // Renders one frame with the pointer given (scripts) or the window's real pointer (null).
    void frame(const PointerState* pointer = nullptr, nlohmann::json* report = nullptr);
    // Lets `seconds` pass: headless advances the virtual clock (skipping ahead while nothing moves);
    // windowed runs the real loop for that long.
    void advance(double seconds);
    // One frame at display rate with this pointer (a script's press, move or release).
    void step(const PointerState& p, nlohmann::json* report = nullptr);
    const PointerState& pointer() const { return pointer_; }
    // Sets the event clock to a local time in the event's zone, or shifts it by minutes.
    bool setClock(const std::string& iso_local);
    void shiftClock(double minutes);
    nlohmann::json state();
    nlohmann::json targets() const;
    bool pointFor(const std::string& id, ImVec2* at) const;
    bool screenshot(const std::string& path, int max_width, std::string* error);
    bool headless() const { return options_.headless; }
    // Build times of the recent frames (the last 32768 to 65536; older ones are dropped).
    std::vector<double>& frameTimes() { return frame_ms_; }
    // Frames drawn since the start, and how many of them the frame guard caught an exception in.
    uint64_t framesDrawn() const { return frames_drawn_; }
    int frameFailures() const { return frame_failures_; }
    double startupMs() const { return startup_ms_; }
    // Staff chose "exit" in the staff menu: the loop (or script) ends with status 0.
    bool quitRequested() const { return quit_; }
    ImageCache& images() { return *images_; }

    // [SECTION] Navigator
    void go(ScreenId screen, const std::string& item) override;
    void replace(const std::string& item) override;
    void back() override;
    void home() override;
    bool canGoBack() const override { return !history_.empty(); }
    NavEntry& route() override { return route_; }

private:
    double mono() const;
    int64_t nowUtc() const;
    LocalDateTime nowLocal() const;
    void swapModel(LoadedModel loaded);
    void resetSession(const char* why);
    void applyPendingNavigation();
    void applySettings();
    void draw(Ctx& c);
    // Renders the frame's draw data and shows it, whole or just its damage rectangle.
    void present(const Ctx& c);
    Screen* screen(ScreenId id);
    bool needsFrame(double now) const;
    double nextDue(double now) const;
    double idleTimeout() const;
    PointerState nextPointerState();
    bool validRoute(const NavEntry& r) const;
    NavEntry parentOf(const NavEntry& r, const Model& old) const;

    AppOptions options_;
    std::unique_ptr<Backend> backend_;
    std::unique_ptr<ImageCache> images_;
    std::unique_ptr<ContentSource> content_;
    std::shared_ptr<const Model> model_;
    std::unique_ptr<Schedule> schedule_; // of model_, rebuilt with it
    std::shared_ptr<const SearchIndex> search_index_; // of model_, built with it by the content loader
    TimeZone tz_ = TimeZone::utc();
    Theme theme_;
    Touch touch_;
    Settings settings_;
    Settings defaults_;

    HomeScreen home_;
    MapScreen map_;
    ExhibitorsScreen exhibitors_;
    ExhibitorScreen exhibitor_;
    ProgramScreen program_;
    TalkScreen talk_;
    PhotosScreen photos_;
    GalleryScreen gallery_;
    PhotoScreen photo_;
    SearchScreen search_;
    A11yScreen a11y_;
    // Speech output: says screen titles and taps when the visitor turned it on (records only, headless).
    std::unique_ptr<Narrator> narrator_;

    NavEntry route_;
    std::vector<NavEntry> history_;
    uint64_t serial_ = 1;
    struct Pending {
        enum Kind { None, Go, Replace, Back, Home } kind = None;
        ScreenId screen = ScreenId::Home;
        std::string item;
    } pending_;

    // Time: monotonic seconds (virtual in headless mode) and the event clock on top of it.
    std::chrono::steady_clock::time_point t0_;
    double virtual_t_ = 0;
    double skipped_ = 0;     // windowed scripts: idle time fast-forwarded by wait
    int64_t utc_base_ = 0;   // event clock at mono() == mono_base_
    double mono_base_ = 0;
    std::optional<std::string> pending_local_; // --now / clock before the zone is known
    double last_frame_t_ = -1;
    int last_minute_ = -1;
    int64_t next_schedule_change_ = 0; // event clock (UTC) when the programme next looks different

    // Session and pacing.
    bool session_dirty_ = false;
    double last_input_t_ = 0;
    bool idle_warning_ = false;
    int idle_seconds_shown_ = -1;
    int retry_shown_ = -1;
    bool animating_ = false;
    // Partial frames (Ctx::damage): the back buffer holds the last frame shown, and what of that frame
    // lay outside its damage rectangle.
    bool back_kept_ = false;
    uint64_t last_rest_ = 0;
    PixelRect last_area_;
    int partial_frames_ = 0; // since the last pacing log line
    bool partial_logged_ = false;
    double redraw_at_ = -1; // a screen asked for a frame at this time (next slide)
    int frames_left_ = 2;
    std::deque<PointerEvent> events_;
    PointerState pointer_;

    std::vector<double> frame_ms_;
    double startup_ms_ = -1;
    uint64_t frames_drawn_ = 0;
    int frame_failures_ = 0;
    std::string shot_path_;
    int shot_width_ = 0;
    bool shot_ok_ = false;
    std::string shot_error_;

    // Operation: staff menu, opening hours, systemd.
    void configureHours();
    void drawStaff(Ctx& c);
    StaffMenu staff_;
    ClosedGate closed_;
    bool closed_shown_ = false;
    SystemdNotifier sd_;
    bool quit_ = false;
    std::string last_load_text_; // "14:05 – version …" of the last successful load
};

// Process start, for the benchmark's startup time.
std::chrono::steady_clock::time_point processStart();

} // namespace ww
