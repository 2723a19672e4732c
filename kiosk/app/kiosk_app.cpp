// The kiosk application (see kiosk_app.h).
#include "app/kiosk_app.h"

#include "core/reach.h"
#include "platform/log.h"
#include "ui/format.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include <sys/resource.h>

namespace ww {

namespace {

const auto g_process_start = std::chrono::steady_clock::now();
// The "Still there?" countdown; the issue asks for at least 20 s.
constexpr double kIdleWarningS = 30.0;
constexpr double kFrameInterval = 1.0 / 60.0;
constexpr size_t kFrameTimesKept = size_t{1} << 16; // 512 KB, 18 minutes of frames at 60 Hz
const Model kNoContent;

// The low-reach line of this kiosk's screen, from kiosk.toml's [mounting].
ReachLine reachLineOf(const KioskSettings& site) { return lowReachLine(site.screen_bottom_mm, site.screen_height_mm); }

} // namespace

std::chrono::steady_clock::time_point processStart() { return g_process_start; }

const char* screenName(ScreenId s) {
    switch (s) {
    case ScreenId::Home: return "home";
    case ScreenId::Map: return "map";
    case ScreenId::Exhibitors: return "exhibitors";
    case ScreenId::Exhibitor: return "exhibitor";
    case ScreenId::Program: return "program";
    case ScreenId::Talk: return "talk";
    case ScreenId::Photos: return "photos";
    case ScreenId::Gallery: return "gallery";
    case ScreenId::Photo: return "photo";
    case ScreenId::Search: return "search";
    case ScreenId::A11y: return "a11y";
    case ScreenId::Waiting: return "waiting";
    }
    return "?";
}

App::App(AppOptions options) : options_(std::move(options)) {
    settings_.lang = options_.lang;
    defaults_ = settings_;
    narrator_ = std::make_unique<Narrator>(!options_.headless);
    t0_ = std::chrono::steady_clock::now();
    utc_base_ = static_cast<int64_t>(std::time(nullptr));
    if (!options_.now.empty()) pending_local_ = options_.now;
}

App::~App() {
    images_.reset();
    content_.reset();
    backend_.reset();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
}

bool App::init(std::string* error) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk has no layout to remember
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui::StyleColorsLight();

    if (options_.headless) {
        backend_ = makeHeadlessBackend(options_.width > 0 ? options_.width : 1920,
                                       options_.height > 0 ? options_.height : 1080);
    } else {
        WindowOptions wo;
        wo.width = options_.width;
        wo.height = options_.height;
        backend_ = makeGlfwBackend(wo, error);
        if (!backend_) return false;
    }
    try {
        theme_.build(backend_->width(), backend_->height(), settings_.text_scale, settings_.contrast);
    } catch (const std::exception& e) {
        *error = e.what();
        return false;
    }
    backend_->fontsChanged();
    touch_.slop = theme_.u(3);
    touch_.min_visible = theme_.min_touch;
    images_ = std::make_unique<ImageCache>(*backend_, !options_.headless || options_.headless_images,
                                           options_.image_memory_mb << 20);
    Backend* backend = backend_.get();
    content_ = std::make_unique<ContentSource>(options_.content, [backend] { backend->wake(); });
    // The first load happens before the first frame: no flash of the waiting screen at a normal start.
    content_->poll(mono(), true);
    if (auto m = content_->take()) swapModel(std::move(m));
    route_ = NavEntry{ScreenId::Home, {}, {}, serial_};
    const ReachLine reach = reachLineOf(options_.site);
    if (reach.why == ReachLine::Why::TooHigh)
        logWarn("mounting: only %d mm of the screen are below the %d mm reach line; the low-reach mode uses the "
                "lower %d %% of the screen, which a seated visitor may not reach (lower the screen)",
                reach.reachable_mm, kForwardReachHighMm, static_cast<int>(std::lround(kMinLowArea * 100)));
    logInfo("started: %dx%d%s, content %s, kiosk %s", backend_->width(), backend_->height(),
            options_.headless ? " headless" : "", options_.content.c_str(),
            options_.kiosk.empty() ? "(first in content)" : options_.kiosk.c_str());
    return true;
}

// [SECTION] Time

double App::mono() const {
    if (options_.headless) return virtual_t_;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count() + skipped_;
}

int64_t App::nowUtc() const { return utc_base_ + static_cast<int64_t>(std::floor(mono() - mono_base_)); }

LocalDateTime App::nowLocal() const { return tz_.toLocal(nowUtc()); }

bool App::setClock(const std::string& iso_local) {
    const auto t = parseLocalDateTime(iso_local);
    if (!t) return false;
    if (!model_) {
        pending_local_ = iso_local;
        return true;
    }
    utc_base_ = tz_.toUtc(*t).utc;
    mono_base_ = mono();
    pending_local_.reset();
    frames_left_ = std::max(frames_left_, 2);
    return true;
}

void App::shiftClock(double minutes) {
    utc_base_ += static_cast<int64_t>(std::llround(minutes * 60));
    frames_left_ = std::max(frames_left_, 2);
}

// [SECTION] Content

void App::swapModel(LoadedModel loaded) {
    std::shared_ptr<const Model> old = std::move(model_);
    model_ = std::move(loaded.model);
    search_index_ = std::move(loaded.search);
    schedule_ = std::make_unique<Schedule>(*model_);
    std::string err;
    if (auto tz = TimeZone::load(model_->event.timezone.empty() ? "UTC" : model_->event.timezone, &err)) {
        tz_ = *tz;
    } else {
        logWarn("time zone '%s' of the event: %s; showing UTC", model_->event.timezone.c_str(), err.c_str());
        tz_ = TimeZone::utc();
    }
    if (pending_local_) {
        const std::string iso = *pending_local_;
        if (!setClock(iso)) logWarn("cannot read the time '%s'", iso.c_str());
    }
    if (!options_.kiosk.empty() && !model_->kiosk(options_.kiosk))
        logWarn("kiosk '%s' is not in the content; no \"you are here\" on the plan", options_.kiosk.c_str());
    images_->setContent(options_.content, model_.get(), std::move(loaded.db));
    configureHours();
    last_load_text_ = clockText(nowLocal()) + " \xE2\x80\x93 " + model_->content_version;
    if (old) {
        // Stay where the visitor is if it still exists, else go up a level.
        auto fix = [&](NavEntry& r) {
            for (int guard = 0; guard < 4 && !validRoute(r); ++guard) r = parentOf(r, *old);
        };
        const ScreenId before = route_.screen;
        fix(route_);
        for (NavEntry& r : history_) fix(r);
        logInfo("content swapped to version %s while on '%s'%s", model_->content_version.c_str(), screenName(before),
                before != route_.screen ? " (item gone, moved up)" : "");
    }
    frames_left_ = std::max(frames_left_, 2);
}

bool App::validRoute(const NavEntry& r) const {
    const Model& m = *model_;
    switch (r.screen) {
    case ScreenId::Exhibitor: return m.exhibitor(r.item) != nullptr;
    case ScreenId::Talk: return m.talk(r.item) != nullptr;
    case ScreenId::Gallery: return m.gallery(r.item) != nullptr;
    case ScreenId::Photo: return m.photo(r.item) != nullptr;
    default: return true;
    }
}

NavEntry App::parentOf(const NavEntry& r, const Model& old) const {
    NavEntry up;
    up.serial = r.serial;
    switch (r.screen) {
    case ScreenId::Exhibitor: up.screen = ScreenId::Exhibitors; break;
    case ScreenId::Talk: up.screen = ScreenId::Program; break;
    case ScreenId::Gallery: up.screen = ScreenId::Photos; break;
    case ScreenId::Photo: {
        const Photo* p = old.photo(r.item);
        if (p && model_->gallery(p->gallery)) {
            up.screen = ScreenId::Gallery;
            up.item = p->gallery;
        } else {
            up.screen = ScreenId::Photos;
        }
        break;
    }
    default: up.screen = ScreenId::Home;
    }
    return up;
}

// [SECTION] Navigation (applied between frames, so a screen never changes under its own feet)

void App::go(ScreenId screen, const std::string& item) { pending_ = {Pending::Go, screen, item}; }
void App::replace(const std::string& item) { pending_ = {Pending::Replace, route_.screen, item}; }
void App::back() { pending_ = {Pending::Back, ScreenId::Home, {}}; }
void App::home() { pending_ = {Pending::Home, ScreenId::Home, {}}; }

void App::applyPendingNavigation() {
    const Pending p = pending_;
    pending_ = Pending{};
    switch (p.kind) {
    case Pending::None: return;
    case Pending::Go:
        if (p.screen == route_.screen && p.item == route_.item) return;
        history_.push_back(route_);
        if (history_.size() > 40) history_.erase(history_.begin());
        route_ = NavEntry{p.screen, p.item, {}, ++serial_};
        break;
    case Pending::Replace:
        route_.item = p.item;
        route_.scroll = ScrollState{};
        route_.serial = ++serial_;
        break;
    case Pending::Back:
        if (history_.empty()) return;
        route_ = history_.back(); // with its scroll position and serial: the screen looks as it was left
        history_.pop_back();
        break;
    case Pending::Home:
        history_.clear();
        route_ = NavEntry{ScreenId::Home, {}, {}, ++serial_};
        break;
    }
    logDebug("screen: %s %s", screenName(route_.screen), route_.item.c_str());
    narrator_->navigated();
    frames_left_ = std::max(frames_left_, 2);
}

void App::resetSession(const char* why) {
    logInfo("session reset (%s): back to the start screen with default settings", why);
    settings_ = defaults_;
    narrator_->reset();
    for (Screen* s : std::initializer_list<Screen*>{&home_, &map_, &exhibitors_, &exhibitor_, &program_, &talk_, &photos_,
                                                    &gallery_, &photo_, &search_, &a11y_})
        s->reset();
    history_.clear();
    route_ = NavEntry{ScreenId::Home, {}, {}, ++serial_};
    pending_ = Pending{};
    idle_warning_ = false;
    session_dirty_ = false;
    touch_.cancel();
    staff_.close();
    frames_left_ = std::max(frames_left_, 2);
    applySettings();
}

void App::applySettings() {
    if (std::fabs(settings_.text_scale - theme_.text_scale) > 0.01f) {
        // Larger text means a new atlas at the new pixel size: scaling glyphs up would blur them.
        try {
            theme_.build(backend_->width(), backend_->height(), settings_.text_scale, settings_.contrast);
            backend_->fontsChanged();
            touch_.slop = theme_.u(3);
            touch_.min_visible = theme_.min_touch;
            logInfo("text size %d %%", static_cast<int>(std::lround(settings_.text_scale * 100)));
        } catch (const std::exception& e) {
            logError("cannot change the text size: %s", e.what());
            settings_.text_scale = theme_.text_scale;
        }
        frames_left_ = std::max(frames_left_, 2);
    }
    if (settings_.contrast != theme_.contrast) {
        theme_.contrast = settings_.contrast;
        theme_.applyPalette();
        frames_left_ = std::max(frames_left_, 2);
    }
}

Screen* App::screen(ScreenId id) {
    switch (id) {
    case ScreenId::Home: return &home_;
    case ScreenId::Map: return &map_;
    case ScreenId::Exhibitors: return &exhibitors_;
    case ScreenId::Exhibitor: return &exhibitor_;
    case ScreenId::Program: return &program_;
    case ScreenId::Talk: return &talk_;
    case ScreenId::Photos: return &photos_;
    case ScreenId::Gallery: return &gallery_;
    case ScreenId::Photo: return &photo_;
    case ScreenId::Search: return &search_;
    case ScreenId::A11y: return &a11y_;
    case ScreenId::Waiting: return &home_;
    }
    return &home_;
}

// [SECTION] The frame

double App::idleTimeout() const {
    return model_ ? std::max(10, model_->event.idle_timeout_s > 0 ? model_->event.idle_timeout_s : 90) : 90.0;
}

PointerState App::nextPointerState() {
    // One press or release per frame: a quick tap between two frames still gives a down and an up frame.
    while (!events_.empty()) {
        const PointerEvent e = events_.front();
        events_.pop_front();
        const bool transition = e.down != pointer_.down;
        pointer_.pos = ImVec2(e.x, e.y);
        pointer_.down = e.down;
        if (transition) break;
    }
    return pointer_;
}

void App::frame(const PointerState* pointer, nlohmann::json* report) {
    const double now = mono();
    const float dt = last_frame_t_ < 0 ? static_cast<float>(kFrameInterval)
                                        : static_cast<float>(std::clamp(now - last_frame_t_, 0.001, 0.1));
    last_frame_t_ = now;

    content_->poll(now, options_.headless);
    if (auto m = content_->take()) swapModel(std::move(m));
    if (images_->pump()) frames_left_ = std::max(frames_left_, 1);
    const PointerState p = pointer ? *pointer : nextPointerState();
    pointer_ = p;

    // Touch and the session come first: a reset may rebuild the fonts, which ImGui allows only
    // outside a frame.
    const auto build0 = std::chrono::steady_clock::now();
    // Speech on: touch explores (a first tap says, a second chooses); never on the staff or closed screens.
    touch_.explore = settings_.speech && model_ && !staff_.isOpen() && !closed_shown_;
    touch_.beginFrame(p, now);
    if (narrator_->tapped(touch_)) frames_left_ = std::max(frames_left_, 2); // the tap's outcome is drawn (and said)
    if (staff_.watch(p, now, theme_.u(StaffMenu::kCornerUnits), touch_.slop)) {
        logInfo("staff: PIN pad opened by the corner gesture");
        touch_.cancel();
        session_dirty_ = true;
    }
    if (touch_.pressedThisFrame()) {
        if (model_) closed_.touched(nowLocal(), now);
        last_input_t_ = now;
        session_dirty_ = true;
        idle_warning_ = false; // any touch says "still here"
    }
    int idle_left = -1;
    if (model_ && session_dirty_) {
        const double since = now - last_input_t_;
        if (since >= idleTimeout()) {
            const double left = kIdleWarningS - (since - idleTimeout());
            if (left <= 0) {
                resetSession("nobody touched the screen");
            } else {
                if (!idle_warning_) logInfo("idle: showing \"still there?\"");
                idle_warning_ = true;
                idle_left = static_cast<int>(std::ceil(left));
            }
        }
    }
    idle_seconds_shown_ = idle_left;

    backend_->newFrame(dt);
    // ImGui never sees the finger: taps are ours, and nothing can be left "hovered" after a touch.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& b : io.MouseDown) b = false;
    ImGui::NewFrame();

    const int64_t utc = nowUtc();
    last_minute_ = static_cast<int>((utc / 60) % 100000);
    const LocalDateTime local = tz_.toLocal(utc);
    Ctx c{model_ ? *model_ : kNoContent, settings_, theme_, touch_, *images_, *this, tz_};
    c.now_utc = utc;
    c.now = local;
    c.kiosk_id = options_.kiosk;
    c.dt = dt;
    c.report = report;
    c.schedule = model_ ? schedule_.get() : nullptr;
    c.search = model_ ? search_index_.get() : nullptr;
    next_schedule_change_ = c.schedule ? c.schedule->nextChange(utc) : 0;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoInputs);
    c.dl = ImGui::GetWindowDrawList();
    // Guard the frame: a failing screen is logged and the visitor lands on the start screen.
    try {
        draw(c);
    } catch (const std::exception& e) {
        logError("screen '%s' (item '%s') failed: %s; returning to the start screen", screenName(route_.screen),
                 route_.item.c_str(), e.what());
        pending_ = Pending{Pending::Home, ScreenId::Home, {}};
        ++frame_failures_;
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::Render();
    const auto build1 = std::chrono::steady_clock::now();
    frame_ms_.push_back(std::chrono::duration<double, std::milli>(build1 - build0).count());
    // A kiosk runs for days: keep the recent frame times (what the benchmark reads), not every one.
    if (frame_ms_.size() >= kFrameTimesKept)
        frame_ms_.erase(frame_ms_.begin(), frame_ms_.begin() + static_cast<long>(kFrameTimesKept / 2));
    ++frames_drawn_;
    present(c);
    sd_.ready();
    sd_.alive(now);
    touch_.endFrame();
    animating_ = c.animating;
    redraw_at_ = c.redraw_in >= 0 ? now + c.redraw_in : -1;
    if (frames_left_ > 0) --frames_left_;
    applyPendingNavigation();
    applySettings();
    if (startup_ms_ < 0)
        startup_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_process_start).count();
}

namespace {

// What a frame draws outside `area`: every command and the vertices it uses, except images that lie
// wholly inside the area. Equal for two frames: only the area differs between them.
uint64_t restHash(const ImDrawData* dd, const ImVec4& area, ImTextureID fonts) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* p, size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    mix(&dd->DisplaySize, sizeof dd->DisplaySize);
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                mix(&cmd.UserCallback, sizeof cmd.UserCallback);
                continue;
            }
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            if (cmd.TextureId != fonts) {
                bool inside = true;
                for (unsigned i = 0; i < cmd.ElemCount && inside; ++i) {
                    const ImVec2 p = vtx[idx[i]].pos;
                    inside = p.x >= area.x && p.y >= area.y && p.x <= area.z && p.y <= area.w;
                }
                if (inside) continue;
            }
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&cmd.TextureId, sizeof cmd.TextureId);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                const ImDrawVert& v = vtx[idx[i]];
                mix(&v.pos, sizeof v.pos);
                mix(&v.uv, sizeof v.uv);
                mix(&v.col, sizeof v.col);
            }
        }
    }
    return h;
}

} // namespace

void App::present(const Ctx& c) {
    // A software GL spends most of a frame filling pixels. When a screen's motion is confined to one
    // rectangle and nothing else changed, only that rectangle is drawn and shown; the back buffer,
    // kept by presenting through a copy rather than a swap, holds the rest of the last frame.
    const ImGuiIO& io = ImGui::GetIO();
    const bool confined = backend_->canKeepBackBuffer() && c.damage.z > c.damage.x && c.damage.w > c.damage.y;
    PixelRect area;
    uint64_t rest = 0;
    if (confined) {
        // A pixel more on each side: antialiased edges reach into it.
        const int x0 = std::max(0, static_cast<int>(std::floor(c.damage.x)) - 1);
        const int y0 = std::max(0, static_cast<int>(std::floor(c.damage.y)) - 1);
        const int x1 = std::min(static_cast<int>(io.DisplaySize.x), static_cast<int>(std::ceil(c.damage.z)) + 1);
        const int y1 = std::min(static_cast<int>(io.DisplaySize.y), static_cast<int>(std::ceil(c.damage.w)) + 1);
        area = PixelRect{x0, y0, x1 - x0, y1 - y0};
        // A texture's id is its content: the pipeline fills or reuses only textures not drawn in the
        // last frames, so one of them drawn now is a command the last frame did not have.
        rest = restHash(ImGui::GetDrawData(), ImVec4(static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1),
                                                     static_cast<float>(y1)),
                        io.Fonts->TexID);
    }
    // A screenshot reads the back buffer: after a partial frame it shows exactly what the screen shows.
    const bool partial = confined && back_kept_ && rest == last_rest_ && area == last_area_;
    backend_->render(partial ? &area : nullptr);
    if (!shot_path_.empty()) {
        shot_ok_ = backend_->screenshot(shot_path_, shot_width_, &shot_error_);
        shot_path_.clear();
    }
    if (confined) {
        const PixelRect whole{0, 0, static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y)};
        backend_->present(partial ? &area : &whole);
        if (partial && partial_frames_++ == 0 && !partial_logged_) {
            logDebug("pacing: partial frames: drawing and showing %dx%d pixels alone", area.w, area.h);
            partial_logged_ = true;
        }
    } else {
        backend_->present();
    }
    back_kept_ = confined;
    last_rest_ = rest;
    last_area_ = area;
}

void App::draw(Ctx& c) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    c.display = display;
    c.portrait = display.y > display.x;
    c.dl->AddRectFilled(ImVec2(0, 0), display, theme_.c.bg);
    if (staff_.isOpen()) {
        closed_shown_ = false;
        drawStaff(c);
        return;
    }
    if (c.report) staff_.report(*c.report, mono());
    if (!model_) {
        retry_shown_ = std::max(0, static_cast<int>(std::ceil(content_->nextRetry() - mono())));
        if (drawWaiting(c, retry_shown_, content_->lastError())) content_->retryNow();
        if (c.report) {
            (*c.report)["screen"] = "waiting";
            (*c.report)["error"] = content_->lastError();
        }
        return;
    }
    retry_shown_ = -1;
    closed_shown_ = closed_.closed(c.now, mono());
    if (closed_shown_) {
        closed_.draw(c, mono());
        if (c.report) {
            (*c.report)["screen"] = "closed";
            (*c.report)["clock"] = formatIso(c.now);
            (*c.report)["lang"] = settings_.lang == Lang::En ? "en" : "de";
            (*c.report)["content_version"] = model_->content_version;
        }
        return;
    }
    const float bar_h = barHeight(c, display.x);
    // Low reach: the screens live below the reach line of this kiosk's mounting (core/reach.h).
    c.reach_y = settings_.low_reach ? reachLineY(reachLineOf(options_.site), display.y) : 0;
    c.min = ImVec2(0, c.reach_y);
    c.max = ImVec2(display.x, display.y - bar_h);
    if (c.reach_y > 0) drawLowReachBand(c, ImVec2(0, 0), ImVec2(display.x, c.min.y));
    Screen* s = screen(route_.screen);
    s->draw(c);
    drawBar(c, ImVec2(0, display.y - bar_h), display, route_.screen);
    if (idle_warning_ && idle_seconds_shown_ > 0) drawIdleWarning(c, idle_seconds_shown_);
    narrator_->frameDrawn(c, *s, idle_warning_ ? idle_seconds_shown_ : -1);

    if (c.report) {
        nlohmann::json& j = *c.report;
        j["screen"] = screenName(route_.screen);
        j["title"] = s->title(c);
        j["lang"] = settings_.lang == Lang::En ? "en" : "de";
        j["item"] = route_.item;
        nlohmann::json selected;
        switch (route_.screen) {
        case ScreenId::Exhibitor: selected = "exhibitor." + route_.item; break;
        case ScreenId::Talk: selected = "talk." + route_.item; break;
        case ScreenId::Gallery: selected = "gallery." + route_.item; break;
        case ScreenId::Photo: selected = "photo." + route_.item; break;
        case ScreenId::Map:
            if (j.contains("map_selected") && j["map_selected"].is_string()) {
                std::string sel = j["map_selected"];
                std::replace(sel.begin(), sel.end(), ':', '.');
                selected = sel;
            }
            break;
        default: break;
        }
        j["selected"] = selected;
        j["clock"] = formatIso(c.now);
        j["text_scale"] = static_cast<int>(std::lround(settings_.text_scale * 100));
        j["contrast"] = settings_.contrast;
        j["low_reach"] = settings_.low_reach;
        // "reduced" while the visitor asked for no animation, else "full".
        j["motion"] = settings_.reduced_motion ? "reduced" : "full";
        j["speech"] = settings_.speech;
        j["speech_volume"] = settings_.speech_volume;
        narrator_->report(j); // spoken, spoken_lang
        j["idle_warning"] = idle_warning_;
        j["idle_seconds_left"] = idle_warning_ ? nlohmann::json(idle_seconds_shown_) : nlohmann::json();
        j["history"] = history_.size();
        j["scroll"] = std::lround(route_.scroll.offset);
        j["search"] = search_.query();
        j["content_version"] = model_->content_version;
    }
}

// [SECTION] Pacing

namespace {

// All threads of the process (workers, a software GL's rasterisers), user and system.
double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

bool App::needsFrame(double now) const {
    if (frames_left_ > 0 || animating_ || touch_.busy() || !events_.empty()) return true;
    if (content_->hasReady()) return true;
    if (redraw_at_ >= 0 && now >= redraw_at_) return true;
    const int64_t utc = nowUtc();
    if (model_ && closed_.closed(nowLocal(), now) != closed_shown_) return true; // opening hours begin or end
    if (closed_shown_) return false; // the closed screen shows no clock: sleep until it opens or a touch
    if (static_cast<int>((utc / 60) % 100000) != last_minute_) return true; // the clock in the bar
    if (next_schedule_change_ > 0 && utc >= next_schedule_change_) return true; // a talk starts or ends
    if (model_ && session_dirty_) {
        const double since = now - last_input_t_;
        if (since >= idleTimeout()) {
            const double left = kIdleWarningS - (since - idleTimeout());
            if (left <= 0 || static_cast<int>(std::ceil(left)) != idle_seconds_shown_) return true;
        }
    }
    if (!model_ && std::max(0, static_cast<int>(std::ceil(content_->nextRetry() - now))) != retry_shown_) return true;
    return false;
}

double App::nextDue(double now) const {
    double due = content_->nextDue();
    const int64_t utc = nowUtc();
    if (model_ && closed_.enabled()) due = std::min(due, now + closed_.secondsToChange(nowLocal(), now));
    if (closed_shown_) return std::max(due, now + 0.001);
    const double frac = (mono() - mono_base_) - std::floor(mono() - mono_base_);
    due = std::min(due, now + static_cast<double>(60 - ((utc % 60) + 60) % 60) - frac);
    if (next_schedule_change_ > utc) due = std::min(due, now + static_cast<double>(next_schedule_change_ - utc) - frac);
    if (model_ && session_dirty_) {
        const double warn_at = last_input_t_ + idleTimeout();
        due = std::min(due, now < warn_at ? warn_at : now + 1.0 - std::fmod(now - warn_at, 1.0));
    }
    if (!model_) due = std::min(due, now + 1.0);
    if (redraw_at_ >= 0) due = std::min(due, redraw_at_);
    return std::max(due, now + 0.001);
}

int App::run() {
    // How many frames the last minute drew: the figure that says whether an untouched kiosk idles.
    double window_start = mono();
    double window_cpu = processCpuSeconds();
    int window_frames = 0;
    while (!backend_->closeRequested() && !quit_) {
        if (mono() - window_start >= 60) {
            const double cpu = processCpuSeconds();
            logDebug("pacing: %d frames (%d of them partial) and %.2f s of processor time in the last %.0f s",
                     window_frames, partial_frames_, cpu - window_cpu, mono() - window_start);
            partial_frames_ = 0;
            window_start = mono();
            window_cpu = cpu;
            window_frames = 0;
        }
        for (const PointerEvent& e : backend_->takePointerEvents()) events_.push_back(e);
        const double now = mono();
        sd_.alive(now); // also while idle: the watchdog must hear from a kiosk nobody touches
        content_->poll(now, false);
        if (needsFrame(now)) {
            const double t = mono();
            frame();
            ++window_frames;
            // Do not outrun the display when the driver does not block in swap (software GL).
            const double spent = mono() - t;
            if (spent < kFrameInterval) backend_->waitEvents(kFrameInterval - spent);
        } else if (images_->hasIdleWork()) {
            // Decoded pixels and pool textures go up between frames, a bounded step at a time, with
            // touches still seen after each: an untouched screen draws one frame when a photo is ready.
            if (images_->idleWork()) frames_left_ = std::max(frames_left_, 1);
            backend_->waitEvents(0);
        } else {
            // Nothing moves: sleep until an event or the next due moment (clock minute, idle, file check).
            backend_->waitEvents(std::clamp(nextDue(now) - now, 0.005, std::min(1.0, sd_.maxSleep())));
        }
    }
    if (quit_) logInfo("exiting on the staff menu's request");
    return 0;
}

void App::advance(double seconds) {
    if (options_.headless) {
        const double end = virtual_t_ + seconds;
        while (virtual_t_ < end - 1e-9) {
            const double now = virtual_t_;
            // While something moves, frames come at display rate; otherwise jump to the next due moment.
            double next = needsFrame(now) ? now + kFrameInterval : nextDue(now);
            next = std::min(end, std::max(next, now + 0.001));
            virtual_t_ = next;
            frame(&pointer_);
        }
        return;
    }
    const double end = mono() + seconds;
    while (mono() < end && !backend_->closeRequested()) {
        backend_->takePointerEvents(); // a script is in charge of the pointer
        const double now = mono();
        if (needsFrame(now) || images_->busy()) {
            // A script's wait gives loading images real time and frames, as a visitor looking would.
            frame(&pointer_);
            const double spent = mono() - now;
            if (spent < kFrameInterval) backend_->waitEvents(std::min(kFrameInterval - spent, end - mono()));
        } else if (images_->hasIdleWork()) {
            images_->idleWork();
        } else {
            // A script waiting on a still screen fast-forwards to the next due moment (idle warning,
            // clock minute): long waits take no real time, while loading images still get theirs.
            skipped_ += std::max(0.0, std::min(nextDue(now), end) - now);
            frame(&pointer_);
        }
    }
}

void App::step(const PointerState& p, nlohmann::json* report) {
    if (options_.headless) {
        virtual_t_ += kFrameInterval;
    } else if (last_frame_t_ >= 0) {
        // At display rate, as a finger's frames come: a scripted press of 3 s lasts 3 s however quickly
        // frames are drawn.
        const double due = last_frame_t_ + kFrameInterval;
        while (mono() < due) backend_->waitEvents(due - mono());
    }
    frame(&p, report);
}

// [SECTION] Script hooks

nlohmann::json App::state() {
    nlohmann::json j = nlohmann::json::object();
    step(pointer_, &j);
    return j;
}

nlohmann::json App::targets() const {
    nlohmann::json list = nlohmann::json::array();
    for (const TouchTarget* t : touch_.reachable())
        list.push_back({{"id", t->id},
                        {"label", t->label},
                        {"x", std::lround(t->min.x)},
                        {"y", std::lround(t->min.y)},
                        {"w", std::lround(t->max.x - t->min.x)},
                        {"h", std::lround(t->max.y - t->min.y)}});
    return nlohmann::json{{"targets", list}};
}

bool App::pointFor(const std::string& id, ImVec2* at) const { return touch_.pointFor(id, at); }

bool App::screenshot(const std::string& path, int max_width, std::string* error) {
    if (options_.headless) return backend_->screenshot(path, max_width, error);
    shot_path_ = path;
    shot_width_ = max_width;
    shot_ok_ = false;
    shot_error_.clear();
    frames_left_ = std::max(frames_left_, 1);
    frame(&pointer_);
    if (!shot_ok_ && error) *error = shot_error_;
    return shot_ok_;
}

// [SECTION] Operation: staff menu and opening hours

void App::configureHours() {
    const KioskSettings& site = options_.site;
    std::optional<OpeningHours> hours = site.hours;
    // Opening hours apply on installed kiosks (a settings file is in use); a developer's run is always open.
    if (!hours && !site.source.empty()) {
        hours = OpeningHours::daily(model_->event.opens, model_->event.closes);
        if (!hours)
            logWarn("the event's opening hours '%s'-'%s' cannot be read; the guide stays open around the clock",
                    model_->event.opens.c_str(), model_->event.closes.c_str());
    }
    closed_.configure(hours, site.wake_minutes * 60.0);
}

void App::drawStaff(Ctx& c) {
    StaffInfo info;
    info.kiosk = options_.kiosk.empty() ? c.t(S::StaffKioskFirst) : options_.kiosk;
    info.database = options_.content;
    info.software = std::string("wegweiser ") + WW_VERSION;
    info.settings = options_.site.source.empty() ? c.t(S::StaffSettingsNone) : options_.site.source;
    info.uptime_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - g_process_start).count();
    if (model_) {
        info.content_version = model_->content_version;
        if (!model_->built_at.empty()) info.content_version += "  (" + model_->built_at + ")";
    } else {
        info.content_version = "\xE2\x80\x93";
    }
    const std::string err = content_->lastError();
    info.last_reload = last_load_text_.empty() ? "\xE2\x80\x93" : last_load_text_;
    if (!err.empty()) {
        info.last_reload += "; failed after that: " + err;
        info.reload_failed = true;
    }
    const double now = mono();
    switch (staff_.draw(c, now, info, options_.site.pin_hash)) {
    case StaffMenu::Action::Reload:
        logInfo("staff: reload requested");
        content_->reloadNow();
        break;
    case StaffMenu::Action::Exit:
        logInfo("staff: exit requested");
        sd_.stopping();
        quit_ = true;
        break;
    case StaffMenu::Action::None: break;
    }
    if (c.report) {
        (*c.report)["screen"] = "staff";
        (*c.report)["clock"] = formatIso(c.now);
        (*c.report)["lang"] = settings_.lang == Lang::En ? "en" : "de";
        (*c.report)["content_version"] = model_ ? model_->content_version : "";
        (*c.report)["last_reload"] = info.last_reload;
        staff_.report(*c.report, now);
    }
}

} // namespace ww
