// Speech output (see speech.h): espeak-ng synthesis into memory, a SpeechPlayer thread that plays it on
// ALSA without ever blocking the caller, the words the kiosk says for screens and taps, the hold that
// switches speech without sight and the focus ring of exploration.
#include "app/speech.h"

#include "platform/log.h"
#include "ui/format.h"
#include "ui/staff_screen.h"

#include <alsa/asoundlib.h>
#include <espeak-ng/espeak_ng.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace ww {

// [SECTION] Synthesis

namespace {

// espeak-ng keeps one engine per process: every use goes through this lock.
std::mutex g_engine;
int g_rate = 0;        // sample rate once the engine is up
bool g_failed = false; // the engine cannot start here (no voice data); not retried
std::string g_error;
std::string g_voice; // the voice set last
// Receives the sound of the synthesis running now; false stops it (under g_engine).
const std::function<bool(const short*, int)>* g_sink = nullptr;

int onSound(short* wav, int count, espeak_EVENT*) {
    if (!g_sink) return 1;
    if (wav && count > 0 && !(*g_sink)(wav, count)) return 1;
    return 0;
}

std::string statusText(espeak_ng_STATUS status) {
    char buf[256] = {};
    espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
    return buf;
}

// Starts the engine on first use, in the calling thread (the SpeechPlayer's, or a test's). Under g_engine.
bool startEngine(std::string* error) {
    if (g_rate > 0) return true;
    if (!g_failed) {
        // Synchronous mode: espeak-ng only computes sound and hands it back; it never opens a device.
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT context = nullptr;
        espeak_ng_STATUS st = espeak_ng_Initialize(&context);
        if (context) espeak_ng_ClearErrorContext(&context);
        if (st == ENS_OK) st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (st == ENS_OK) {
            espeak_SetSynthCallback(onSound);
            g_rate = espeak_ng_GetSampleRate();
            // A little slower than espeak's 175 words a minute: a busy foyer, and many listeners
            // hear the kiosk's language as their second one.
            espeak_ng_SetParameter(espeakRATE, 160, 0);
            if (g_rate > 0) return true;
            st = ENS_NOT_SUPPORTED;
        }
        g_failed = true;
        g_error = "espeak-ng cannot start: " + statusText(st) + " (is the espeak-ng-data package installed?)";
    }
    if (error) *error = g_error;
    return false;
}

// Synthesises under the engine lock, passing the sound to `sink` as it comes. False on failure.
bool synthesizeTo(const std::string& text, const std::string& lang,
                  const std::function<bool(const short*, int)>& sink, int* rate, std::string* error) {
    std::lock_guard<std::mutex> lock(g_engine);
    if (!startEngine(error)) return false;
    const std::string voice = lang == "en" ? "en" : "de";
    if (voice != g_voice) {
        const espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice.c_str());
        if (st != ENS_OK) {
            if (error) *error = "espeak-ng has no voice '" + voice + "': " + statusText(st);
            return false;
        }
        g_voice = voice;
    }
    *rate = g_rate;
    g_sink = &sink;
    const espeak_ng_STATUS st = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                     espeakCHARS_UTF8, nullptr, nullptr);
    g_sink = nullptr;
    // Stopped by the sink (a newer utterance or stop() came): not a failure, there is just nothing to play.
    if (st != ENS_OK && st != ENS_SPEECH_STOPPED) {
        if (error) *error = "espeak-ng: " + statusText(st);
        return false;
    }
    return true;
}

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// ALSA reports problems on stderr by itself; the SpeechPlayer logs one line of its own instead.
void quietAlsa(const char*, int, const char*, int, const char*, ...) {}

} // namespace

Pcm synthesize(const std::string& text, const std::string& lang, std::string* error) {
    Pcm pcm;
    const std::function<bool(const short*, int)> sink = [&](const short* s, int n) {
        pcm.samples.insert(pcm.samples.end(), s, s + n);
        return true;
    };
    if (!synthesizeTo(text, lang, sink, &pcm.rate, error)) return Pcm{};
    return pcm;
}

double rms(const Pcm& pcm) {
    if (pcm.samples.empty()) return 0;
    double sum = 0;
    for (int16_t s : pcm.samples)
        sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(pcm.samples.size()));
}

// [SECTION] SpeechPlayer

// Steps of 6 dB: loud is 12 dB above quiet (EN 301 549 asks for a 12 dB step above the lowest).
float speechGain(int volume_step) {
    switch (volume_step) {
    case 1: return 0.25f;
    case 3: return 1.0f;
    default: return 0.5f;
    }
}

SpeechPlayer::SpeechPlayer() : SpeechPlayer(Options{}) {}

SpeechPlayer::SpeechPlayer(Options options) : options_(std::move(options)) {
    snd_lib_error_set_handler(quietAlsa);
    thread_ = std::thread([this] { run(); });
}

SpeechPlayer::~SpeechPlayer() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        ++generation_;
    }
    wake_.notify_all();
    thread_.join();
}

void SpeechPlayer::speak(const std::string& text, const std::string& lang) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        text_ = text;
        lang_ = lang;
        ++generation_; // cuts the utterance in progress at its next piece
    }
    wake_.notify_all();
}

void SpeechPlayer::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        text_.clear();
        ++generation_;
    }
    wake_.notify_all();
}

void SpeechPlayer::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return quit_ || !text_.empty(); });
        if (quit_) return;
        const std::string text = std::move(text_), lang = std::move(lang_);
        text_.clear();
        const uint64_t generation = generation_;
        busy_ = true;
        lock.unlock();

        Pcm pcm;
        std::string error;
        // Synthesis stops early when a newer utterance or stop() arrives.
        const std::function<bool(const short*, int)> sink = [&](const short* s, int n) {
            pcm.samples.insert(pcm.samples.end(), s, s + n);
            return !cancelled(generation);
        };
        bool done = false;
        if (!synthesizeTo(text, lang, sink, &pcm.rate, &error)) {
            if (!warned_) logWarn("speech: %s; the kiosk stays silent", error.c_str());
            warned_ = true;
        } else if (!cancelled(generation)) {
            done = play(pcm, generation);
        }

        lock.lock();
        if (done) ++finished_;
        busy_ = !text_.empty();
    }
}

bool SpeechPlayer::play(const Pcm& pcm, uint64_t generation) {
    if (pcm.samples.empty() || pcm.rate <= 0) return true;
    std::vector<int16_t> sound(pcm.samples);
    const float gain = std::clamp(gain_.load(), 0.0f, 1.0f);
    for (int16_t& s : sound)
        s = static_cast<int16_t>(std::lround(s * gain));
    const size_t piece = static_cast<size_t>(pcm.rate / 20); // 50 ms: how late a stop() can come

    if (options_.output) {
        for (size_t at = 0; at < sound.size(); at += piece) {
            if (cancelled(generation)) return false;
            if (!options_.output(sound.data() + at, std::min(piece, sound.size() - at), pcm.rate))
                return false;
        }
        return true;
    }

    // No sound card, or it went away: one line in the log, silence, another try a minute later.
    auto noSound = [&](const char* what, int err) {
        audio_missing_ = true;
        retry_at_ = steadySeconds() + 60;
        if (!warned_)
            logWarn("speech: no sound output on '%s' (%s: %s); speech stays silent and is tried again every "
                    "minute",
                    options_.device.c_str(), what, snd_strerror(err));
        warned_ = true;
        return true; // the utterance is over as far as the visitor can tell
    };
    if (steadySeconds() < retry_at_) return true;

    snd_pcm_t* out = nullptr;
    // Non-blocking: neither opening nor writing may hang this thread on a stuck device.
    int err = snd_pcm_open(&out, options_.device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
    if (err < 0) return noSound("open", err);
    err = snd_pcm_set_params(out, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                             static_cast<unsigned>(pcm.rate), 1, 100000);
    if (err < 0) {
        snd_pcm_close(out);
        return noSound("set up", err);
    }
    if (audio_missing_) logInfo("speech: sound output on '%s' works again", options_.device.c_str());
    audio_missing_ = false;
    warned_ = false;

    auto finish = [&](bool complete) {
        snd_pcm_drop(out);
        snd_pcm_close(out);
        return complete;
    };
    size_t at = 0;
    double progress_t = steadySeconds();
    while (at < sound.size()) {
        if (cancelled(generation)) return finish(false);
        const size_t n = std::min(piece, sound.size() - at);
        snd_pcm_sframes_t w = snd_pcm_writei(out, sound.data() + at, n);
        if (w == -EAGAIN) {
            snd_pcm_wait(out, 20);
            // A device that takes nothing for two seconds is gone (unplugged USB, stuck HDMI).
            if (steadySeconds() - progress_t > 2.0) {
                finish(false);
                return noSound("write", -EIO);
            }
            continue;
        }
        if (w < 0) {
            w = snd_pcm_recover(out, static_cast<int>(w), 1);
            if (w < 0) {
                finish(false);
                return noSound("write", static_cast<int>(w));
            }
            continue;
        }
        at += static_cast<size_t>(w);
        progress_t = steadySeconds();
    }
    // Let the last buffer play out; a stop() still cuts it.
    const double deadline = steadySeconds() + 1.0;
    while (steadySeconds() < deadline) {
        if (cancelled(generation)) return finish(false);
        snd_pcm_sframes_t delay = 0;
        if (snd_pcm_state(out) != SND_PCM_STATE_RUNNING || snd_pcm_delay(out, &delay) < 0 || delay <= 0)
            break;
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait_for(lock, std::chrono::milliseconds(20), [&] { return cancelled(generation); });
    }
    return finish(true);
}

// [SECTION] What the kiosk says

namespace {

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// "09:05" reads better as "9:05" in both voices.
std::string spokenTime(const std::string& iso) {
    if (iso.size() < 16) return iso;
    std::string t = iso.substr(11, 5);
    if (t[0] == '0') t.erase(0, 1);
    return t;
}

std::string standsText(const Ctx& c, const Exhibitor& e) {
    if (e.stands.empty()) return {};
    return fmt(e.stands.size() == 1 ? S::SpeakStand : S::SpeakStands, c.lang(),
               joined(e.stands, ", ").c_str());
}

std::string roomName(const Ctx& c, const std::string& id) {
    const Room* r = c.model.room(id);
    return r ? r->name.in(c.lang()) : id;
}

// When and where, and what changed: "10:30 bis 11:00 Uhr. Saal Dresden. 10 Minuten später".
std::string talkSummary(const Ctx& c, const Talk& t) {
    std::vector<std::string> parts;
    parts.push_back(fmt(S::SpeakTalkTime, c.lang(), spokenTime(t.start).c_str(), spokenTime(t.end).c_str()));
    if (t.status == TalkStatus::Moved)
        parts.push_back(fmt(S::SpeakMovedTo, c.lang(), roomName(c, t.room).c_str()));
    else
        parts.push_back(roomName(c, t.room));
    if (t.status == TalkStatus::Cancelled) parts.push_back(c.t(S::SpeakCancelled));
    if (t.status == TalkStatus::Delayed && t.delay_min > 0)
        parts.push_back(fmt(S::SpeakDelayed, c.lang(), t.delay_min));
    return joined(parts, ". ");
}

// The setting a switch of the accessibility panel belongs to: its label alone says only "On".
S settingOf(const std::string& id) {
    if (id.rfind("a11y.text-", 0) == 0) return S::TextSize;
    if (id == "a11y.contrast") return S::HighContrast;
    if (id == "a11y.low-reach") return S::LowReach;
    if (id == "a11y.motion") return S::ReducedMotion;
    if (id == "a11y.speech") return S::SpeechOutput;
    if (id.rfind("a11y.volume-", 0) == 0) return S::SpeechVolume;
    return S::Count_;
}

bool startsWith(const std::string& s, const char* prefix, std::string* rest) {
    const size_t n = std::char_traits<char>::length(prefix);
    if (s.compare(0, n, prefix) != 0) return false;
    *rest = s.substr(n);
    return true;
}

// Dashes and middle dots are layout: spoken they become "Strich" or nothing; a pause is meant.
std::string forSpeaking(std::string s) {
    for (const char* mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7"}) {
        for (size_t at; (at = s.find(mark)) != std::string::npos;)
            s.replace(at, std::strlen(mark), ",");
    }
    return s;
}

} // namespace

std::string screenUtterance(const Ctx& c, ScreenId screen, const std::string& item,
                            const std::string& title) {
    if (screen == ScreenId::Exhibitor) {
        if (const Exhibitor* e = c.model.exhibitor(item)) return joined({title, standsText(c, *e)}, ". ");
    }
    if (screen == ScreenId::Talk) {
        if (const Talk* t = c.model.talk(item)) return joined({title, talkSummary(c, *t)}, ". ");
    }
    if (screen == ScreenId::Home) return joined({title, c.model.event.name.in(c.lang())}, ". ");
    return title;
}

std::string tapUtterance(const Ctx& c, const std::string& id, const std::string& label) {
    const S setting = settingOf(id);
    if (setting != S::Count_) return std::string(c.t(setting)) + ": " + label;
    std::string rest;
    if (startsWith(id, "exhibitor.", &rest)) {
        if (const Exhibitor* e = c.model.exhibitor(rest)) return joined({e->name, standsText(c, *e)}, ". ");
    }
    if (startsWith(id, "talk.", &rest)) {
        if (const Talk* t = c.model.talk(rest))
            return joined({t->title.in(c.lang()), talkSummary(c, *t)}, ". ");
    }
    if (startsWith(id, "stand.", &rest)) {
        std::vector<std::string> names;
        for (const Exhibitor& e : c.model.exhibitors)
            if (std::find(e.stands.begin(), e.stands.end(), rest) != e.stands.end()) names.push_back(e.name);
        return fmt(S::SpeakStand, c.lang(), rest.c_str()) + ", " +
               (names.empty() ? std::string(c.t(S::SpeakVacant)) : joined(names, ", "));
    }
    if (startsWith(id, "room.", &rest)) {
        const Talk* now = nullptr;
        const Talk* next = nullptr;
        roomNowNext(c.model, rest, c.now_utc, &now, &next);
        return joined(
            {roomName(c, rest), now ? fmt(S::SpeakNowIn, c.lang(), now->title.in(c.lang()).c_str()) : ""},
            ". ");
    }
    return label;
}

Narrator::Narrator(bool audio) : audio_(audio) {}
Narrator::~Narrator() = default;

bool Narrator::tapped(const Touch& touch) {
    std::string id = touch.tappedId();
    if (id.empty()) id = touch.exploredId(); // a first tap while exploring: said, not done
    if (id.empty()) return false;
    tap_id_ = id;
    tap_label_.clear();
    for (const TouchTarget& t : touch.targets()) // the frame the finger saw
        if (t.id == id) tap_label_ = t.label;
    tap_wait_ = 1; // a switch shows its new state one frame later; its label should say that one
    return true;
}

void Narrator::navigated() {
    announce_ = true;
    tap_id_.clear(); // the screen it led to speaks for the tap
    if (player_) player_->stop();
}

void Narrator::frameDrawn(Ctx& c, const Screen& screen, int idle_seconds) {
    const Settings& s = c.settings;
    if (c.touch.holdCompleted()) {
        // The top-left corner's hold belongs to the staff menu (StaffMenu::watch).
        if (!StaffMenu::inCorner(c.touch.pressPosition(), c.th.u(StaffMenu::kCornerUnits))) {
            toggleByHold(c);
            return;
        }
    }
    // A new screen: what was focused on the last one is gone.
    if (announce_) c.touch.clearFocus();
    focus_ = s.speech ? c.touch.focusedId() : std::string();
    if (!focus_.empty()) drawFocus(c);
    if (!s.speech) {
        if (was_on_ && player_) player_->stop();
        was_on_ = false;
        announce_ = false;
        tap_id_.clear();
        idle_shown_ = idle_seconds > 0;
        return;
    }
    was_on_ = true;
    gain_ = speechGain(s.speech_volume);
    if (player_) player_->setGain(gain_);
    if (idle_seconds > 0) {
        // Someone who cannot see the warning must hear it, or the screen resets under them.
        if (!idle_shown_)
            say(std::string(c.t(S::StillThere)) + " " + fmt(S::ResetsIn, c.lang(), idle_seconds), c.lang());
        idle_shown_ = true;
        if (tap_id_.empty()) return;
    } else {
        idle_shown_ = false;
    }
    if (announce_) {
        announce_ = false;
        tap_id_.clear();
        const NavEntry& route = c.nav.route();
        say(screenUtterance(c, route.screen, route.item, screen.title(c)), c.lang());
        return;
    }
    if (tap_id_.empty()) return;
    if (tap_wait_ > 0) {
        --tap_wait_;
        return;
    }
    std::string label = tap_label_;
    for (const TouchTarget& t : c.touch.current())
        if (t.id == tap_id_) label = t.label;
    say(tapUtterance(c, tap_id_, label), c.lang());
    tap_id_.clear();
}

void Narrator::toggleByHold(Ctx& c) {
    Settings& s = c.settings;
    s.speech = !s.speech;
    gain_ = speechGain(s.speech_volume);
    announce_ = false;
    tap_id_.clear();
    focus_.clear();
    c.touch.clearFocus();
    // Whoever switched it on without sight learns how to use it, and how to end it.
    say(c.t(s.speech ? S::SpeechOnHelp : S::SpeechOffSpoken), c.lang());
    // Off: the last word plays out instead of being cut by the next frame.
    was_on_ = s.speech;
    logInfo("speech %s by the three-second hold", s.speech ? "on" : "off");
}

// A dark ring between two light ones (light, dark, light in high contrast), so the focus shows on the
// page, on cards, on photos and on the accent-coloured tiles and bar alike.
void Narrator::drawFocus(Ctx& c) const {
    const TouchTarget* target = nullptr;
    int top = 0;
    for (const TouchTarget& t : c.touch.current()) top = std::max(top, t.layer);
    for (const TouchTarget& t : c.touch.current())
        if (t.id == focus_ && t.layer == top) target = &t;
    if (!target) return;
    const Theme& th = c.th;
    const float ring = std::max(3.0f, th.u(0.75f)), edge = std::max(2.0f, th.u(0.375f));
    // Centred on a line just outside the target, kept on the display.
    const float out = edge + ring * 0.5f, keep = edge + ring;
    const ImVec2 a(std::max(target->min.x - out, keep), std::max(target->min.y - out, keep));
    const ImVec2 b(std::min(target->max.x + out, c.display.x - keep),
                   std::min(target->max.y + out, c.display.y - keep));
    const float r = th.radius + out;
    c.dl->PushClipRect(ImVec2(0, 0), c.display, false);
    c.dl->AddRect(a, b, th.c.bg, r, 0, ring + edge * 2);
    c.dl->AddRect(a, b, th.c.text, r, 0, ring);
    c.dl->PopClipRect();
}

void Narrator::reset() {
    if (player_) player_->stop();
    focus_.clear();
    announce_ = false;
    tap_id_.clear();
    was_on_ = false;
    idle_shown_ = false;
    last_text_.clear();
}

void Narrator::report(nlohmann::json& j) const {
    j["spoken"] = last_text_;
    j["spoken_lang"] =
        last_text_.empty() ? nlohmann::json() : nlohmann::json(last_lang_ == Lang::En ? "en" : "de");
    j["focus"] = focus_.empty() ? nlohmann::json() : nlohmann::json(focus_);
}

void Narrator::say(const std::string& text, Lang lang) {
    if (text.empty()) return;
    last_text_ = text;
    last_lang_ = lang;
    logDebug("speech (%s): %s", lang == Lang::En ? "en" : "de", text.c_str());
    if (!audio_) return; // headless: recorded for the script, never played
    if (!player_) {
        SpeechPlayer::Options o;
        if (const char* dev = std::getenv("WEGWEISER_AUDIO_DEVICE"); dev && *dev) o.device = dev;
        player_ = std::make_unique<SpeechPlayer>(std::move(o));
    }
    player_->setGain(gain_);
    player_->speak(forSpeaking(text), lang == Lang::En ? "en" : "de");
}

} // namespace ww
