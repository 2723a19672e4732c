// systemd integration (Type=notify): tells the service manager when the first frame is on screen and
// feeds its watchdog from the render loop. Outside systemd every call is a cheap no-op.
#pragma once

namespace ww {

class SystemdNotifier {
public:
    SystemdNotifier();
    // READY=1, once (after the first frame is on screen).
    void ready();
    // WATCHDOG=1 when half the watchdog interval has passed since the last one (monotonic seconds).
    void alive(double now);
    // "STATUS=…" shown by `systemctl status`.
    void status(const char* text);
    // STOPPING=1 before a deliberate exit.
    void stopping();
    bool watchdogEnabled() const { return watchdog_s_ > 0; }
    // The longest the loop may sleep without starving the watchdog (seconds; large when disabled).
    double maxSleep() const { return watchdog_s_ > 0 ? watchdog_s_ / 4 : 1e9; }

private:
    double watchdog_s_ = 0; // WatchdogSec, 0 = off
    double last_ping_ = -1e9;
    bool ready_sent_ = false;
};

} // namespace ww
