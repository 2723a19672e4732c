// Speech output: espeak-ng turns words into sound in German or English, and the kiosk says the
// title of every screen that opens and what a visitor taps (with a summary of the exhibitor, talk or
// stand behind it). A finger held still for three seconds switches it on or off without sight, and
// while it is on a first tap explores (says and focuses) and a second tap chooses. Speaking never
// holds up a frame: synthesis and playback run on the player's own thread, and a missing or lost
// sound card costs one log line and silence, never a hang.
#pragma once

#include "ui/screen.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ww {

// [SECTION] Synthesis

// Mono 16-bit sound.
struct Pcm {
    std::vector<int16_t> samples;
    int rate = 0; // samples per second
    double seconds() const { return rate > 0 ? static_cast<double>(samples.size()) / rate : 0; }
};

// Speaks `text` (UTF-8) with the voice of `lang` ("de", "en") into memory; no sound device is
// involved. Empty, with *error set, when espeak-ng or its voice data cannot be loaded. Safe to call
// from any thread (calls are serialised: espeak-ng is one engine per process).
Pcm synthesize(const std::string& text, const std::string& lang, std::string* error = nullptr);

// Root mean square of the samples, 0…32767: how loud it is, 0 for silence.
double rms(const Pcm& pcm);

// [SECTION] SpeechPlayer

// Says one thing at a time on its own thread: a new utterance replaces whatever is queued or playing.
class SpeechPlayer {
  public:
    struct Options {
        // The ALSA device to play on ("default" follows the system's sound setup).
        std::string device = "default";
        // Instead of a sound card (tests): receives the sound in pieces; return false to stop.
        std::function<bool(const int16_t* samples, size_t count, int rate)> output;
    };

    SpeechPlayer();
    explicit SpeechPlayer(Options options);
    // Stops the current utterance and joins the thread (within a few tens of milliseconds).
    ~SpeechPlayer();
    SpeechPlayer(const SpeechPlayer&) = delete;
    SpeechPlayer& operator=(const SpeechPlayer&) = delete;

    // Returns at once; the words are spoken after whatever is being said now is cut off.
    void speak(const std::string& text, const std::string& lang);
    // Silence now; drops anything queued.
    void stop();
    // 0…1, applied to the next piece of sound.
    void setGain(float gain) { gain_ = gain; }
    // True while an utterance is being synthesised or played.
    bool busy() const { return busy_; }
    // Utterances that reached their end (played through, or would have with no sound card).
    int finished() const { return finished_; }
    // No sound card could be opened on the last try (the kiosk stays silent and tries again later).
    bool audioMissing() const { return audio_missing_; }

  private:
    void run();
    bool play(const Pcm& pcm, uint64_t generation);
    bool cancelled(uint64_t generation) const { return quit_ || generation_ != generation; }

    Options options_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::string text_, lang_;             // the utterance waiting for the thread ("" = none)
    std::atomic<uint64_t> generation_{0}; // bumped by speak() and stop(): cuts what is playing
    std::atomic<bool> quit_{false};
    std::atomic<bool> busy_{false};
    std::atomic<int> finished_{0};
    std::atomic<float> gain_{0.5f};
    std::atomic<bool> audio_missing_{false};
    bool warned_ = false; // the "no sound" line was logged (thread only)
    double retry_at_ = 0; // seconds on the steady clock when to try the sound card again (thread only)
};

// The gain for a volume step of Settings::speech_volume.
float speechGain(int volume_step);

// [SECTION] What the kiosk says

// The words for a screen that opened: its title and, on a detail screen, a summary ("Amt24. Stand B12.").
std::string screenUtterance(const Ctx& c, ScreenId screen, const std::string& item, const std::string& title);
// The words for a tapped target: its label (with the setting's name on the accessibility panel) and,
// where the id names an exhibitor, talk, stand or room, what the visitor would want to hear of it.
std::string tapUtterance(const Ctx& c, const std::string& id, const std::string& label);

// Decides when to speak, from the app's navigation, taps and settings; records the last utterance
// for the `state` report. Without audio (headless runs) it records only and opens no sound device.
class Narrator {
  public:
    explicit Narrator(bool audio);
    ~Narrator();

    // After Touch::beginFrame: notes the tap that fired or the target a first tap focused this frame,
    // if any (true then).
    bool tapped(const Touch& touch);
    // The route changed: silence now; the new screen is announced when it has been drawn.
    void navigated();
    // After the screen, bar and dialogs of a frame are drawn: switches speech on or off on a hold,
    // draws the focus ring and says what is due. `idle_seconds` is the countdown shown by the "still
    // there?" warning, -1 without it.
    void frameDrawn(Ctx& c, const Screen& screen, int idle_seconds);
    // The visitor's session ended: silence, nothing pending, nothing recorded.
    void reset();
    // `spoken` (the last utterance, "" for none), `spoken_lang` and `focus` (the focused target's id or
    // null).
    void report(nlohmann::json& j) const;

  private:
    void say(const std::string& text, Lang lang);
    // The hold gesture: speech on with a short help, or off with a last word.
    void toggleByHold(Ctx& c);
    void drawFocus(Ctx& c) const;

    bool audio_;
    std::unique_ptr<SpeechPlayer> player_; // created on the first utterance
    bool announce_ = true;                 // a screen opened and has not been announced yet
    std::string tap_id_, tap_label_;
    int tap_wait_ = 0; // frames until the tapped target shows its new state
    bool was_on_ = false;
    bool idle_shown_ = false;
    float gain_ = 0.5f;
    std::string focus_; // the focused target after the last frame ("" for none)
    std::string last_text_;
    Lang last_lang_ = Lang::De;
};

} // namespace ww
