// QR codes for what a visitor takes along on the phone (an exhibitor's website): encoded with
// libqrencode, drawn as plain rectangles, dark on white with the quiet zone, whatever the theme.
#pragma once

#include "ui/context.h"

#include <string>
#include <vector>

namespace ww {

// Encodes `text` (UTF-8, byte mode, error correction M). On success `size` is the modules per side and
// `modules` holds size × size values, row by row, 1 = dark. False (and size 0) if it cannot be encoded.
bool qrEncode(const std::string& text, int& size, std::vector<unsigned char>& modules);

// The address a phone should open: "https://" added when the scheme is missing.
std::string qrAddress(const std::string& website);
// The address as people read it: without scheme and trailing slash ("www.sakd.de").
std::string readableAddress(const std::string& website);

// Quiet zone around the code, in modules (the standard asks for four).
constexpr int kQrQuietZone = 4;
// Draws the code at `pos` in a square of at most `max_side` pixels (whole pixels per module, so edges
// stay sharp) and returns the side actually used; 0 if there is nothing to draw.
float drawQr(Ctx& c, int size, const std::vector<unsigned char>& modules, ImVec2 pos, float max_side);

} // namespace ww
