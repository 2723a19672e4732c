// Logging: "wegweiser: <level>: message" on stderr. journald adds time and host, so we do not.
#include "platform/log.h"

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace ww {

namespace {
std::atomic<int> g_level{static_cast<int>(LogLevel::Info)};
std::mutex g_mutex; // the image and content workers log too; keep their lines whole

void vlog(LogLevel level, const char* fmt, va_list args) {
    if (static_cast<int>(level) < g_level.load()) return;
    static const char* const names[] = {"debug", "info", "warning", "error"};
    char buf[2048];
    vsnprintf(buf, sizeof buf, fmt, args);
    std::lock_guard<std::mutex> lock(g_mutex);
    std::fprintf(stderr, "wegweiser: %s: %s\n", names[static_cast<int>(level)], buf);
}
} // namespace

void setLogLevel(LogLevel level) { g_level = static_cast<int>(level); }
LogLevel logLevel() { return static_cast<LogLevel>(g_level.load()); }

#define WW_LOG_FN(name, level)                                                                               \
    void name(const char* fmt, ...) {                                                                        \
        va_list args;                                                                                        \
        va_start(args, fmt);                                                                                 \
        vlog(level, fmt, args);                                                                              \
        va_end(args);                                                                                        \
    }
WW_LOG_FN(logDebug, LogLevel::Debug)
WW_LOG_FN(logInfo, LogLevel::Info)
WW_LOG_FN(logWarn, LogLevel::Warn)
WW_LOG_FN(logError, LogLevel::Error)
#undef WW_LOG_FN

} // namespace ww
