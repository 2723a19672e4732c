// QR codes (see qr.h).
#include "ui/qr.h"

#include <qrencode.h>

#include <cmath>

namespace ww {

bool qrEncode(const std::string& text, int& size, std::vector<unsigned char>& modules) {
    size = 0;
    modules.clear();
    if (text.empty()) return false;
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return false;
    size = code->width;
    modules.resize(static_cast<size_t>(size) * size);
    for (size_t i = 0; i < modules.size(); ++i) modules[i] = code->data[i] & 1; // bit 0: dark module
    QRcode_free(code);
    return true;
}

std::string qrAddress(const std::string& website) {
    if (website.empty()) return {};
    if (website.find("://") != std::string::npos) return website;
    return "https://" + website;
}

std::string readableAddress(const std::string& website) {
    std::string s = website;
    const size_t scheme = s.find("://");
    if (scheme != std::string::npos) s = s.substr(scheme + 3);
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
}

float drawQr(Ctx& c, int size, const std::vector<unsigned char>& modules, ImVec2 pos, float max_side) {
    if (size <= 0 || modules.size() != static_cast<size_t>(size) * size) return 0;
    const int total = size + kQrQuietZone * 2;
    const float module = std::floor(max_side / total);
    if (module < 1) return 0;
    const float side = module * total;
    pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
    // White paper under it: scanners need the light quiet zone, also in the high-contrast theme.
    c.dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE, c.th.unit * 0.5f);
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    const float ox = pos.x + kQrQuietZone * module, oy = pos.y + kQrQuietZone * module;
    for (int y = 0; y < size; ++y) {
        // One rectangle per run of dark modules keeps the draw list short.
        int x = 0;
        while (x < size) {
            if (!modules[static_cast<size_t>(y) * size + x]) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < size && modules[static_cast<size_t>(y) * size + x]) ++x;
            c.dl->AddRectFilled(ImVec2(ox + start * module, oy + y * module), ImVec2(ox + x * module, oy + (y + 1) * module), dark);
        }
    }
    return side;
}

} // namespace ww
