// See systemd.h.
#include "platform/systemd.h"

#include "platform/log.h"

#include <systemd/sd-daemon.h>

#include <string>

#include <cstdint>

namespace ww {

SystemdNotifier::SystemdNotifier() {
    uint64_t usec = 0;
    // Keep $WATCHDOG_USEC in the environment: a staff-triggered restart inherits nothing else anyway.
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        watchdog_s_ = static_cast<double>(usec) / 1e6;
        logInfo("systemd watchdog: %.1f s; the render loop reports at least every %.1f s", watchdog_s_,
                watchdog_s_ / 2);
    }
}

void SystemdNotifier::ready() {
    if (ready_sent_) return;
    ready_sent_ = true;
    sd_notify(0, "READY=1\nSTATUS=Showing the guide");
}

void SystemdNotifier::alive(double now) {
    if (watchdog_s_ <= 0 || now - last_ping_ < watchdog_s_ / 2) return;
    last_ping_ = now;
    sd_notify(0, "WATCHDOG=1");
}

void SystemdNotifier::status(const char* text) {
    std::string s = std::string("STATUS=") + text;
    sd_notify(0, s.c_str());
}

void SystemdNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

} // namespace ww
