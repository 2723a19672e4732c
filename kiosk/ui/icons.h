// Fork Awesome code points the kiosk uses (merged into every font). Icons always come with a word.
#pragma once

namespace ww::icon {

constexpr const char* Home = "\uf015";
constexpr const char* Back = "\uf060";
constexpr const char* ChevronRight = "\uf054";
constexpr const char* ChevronLeft = "\uf053";
constexpr const char* Map = "\uf279";
constexpr const char* MapMarker = "\uf041";
constexpr const char* Exhibitors = "\uf1ad";  // building
constexpr const char* Calendar = "\uf073";
constexpr const char* Clock = "\uf017";
constexpr const char* Photos = "\uf03e";      // picture
constexpr const char* Camera = "\uf030";
constexpr const char* Search = "\uf002";
constexpr const char* Accessibility = "\uf29a";
constexpr const char* Wheelchair = "\uf193";
constexpr const char* Globe = "\uf0ac";
constexpr const char* Close = "\uf00d";
constexpr const char* Check = "\uf00c";
constexpr const char* Info = "\uf05a";
constexpr const char* Warning = "\uf071";
constexpr const char* Refresh = "\uf021";
constexpr const char* Hourglass = "\uf252";
constexpr const char* Toilet = "\uf183";      // male figure; the label says "WC"
constexpr const char* Lift = "\uf07d";        // arrows up/down
constexpr const char* Stairs = "\uf148";      // level-up
constexpr const char* Exit = "\uf08b";        // sign-out
constexpr const char* InfoDesk = "\uf129";
constexpr const char* Cloakroom = "\uf0f2";   // suitcase
constexpr const char* Catering = "\uf0f4";    // coffee
constexpr const char* FirstAid = "\uf0fa";    // medkit
constexpr const char* ZoomIn = "\uf00e";
constexpr const char* ZoomOut = "\uf010";
constexpr const char* Expand = "\uf065";
constexpr const char* YouAreHere = "\uf21d";  // street-view
constexpr const char* Microphone = "\uf130";
constexpr const char* Tag = "\uf02b";
constexpr const char* Link = "\uf0c1";
constexpr const char* User = "\uf007";
constexpr const char* Users = "\uf0c0";
constexpr const char* Contrast = "\uf042";    // adjust
constexpr const char* TextSize = "\uf034";    // text-height
constexpr const char* Play = "\uf04b";
constexpr const char* Backspace = "\uf177";   // long-arrow-left
constexpr const char* Eraser = "\uf12d";
constexpr const char* Keyboard = "\uf11c";
constexpr const char* Layers = "\uf0c9";      // bars
constexpr const char* Door = "\uf2d0";        // window-maximize: a room
constexpr const char* Stand = "\uf0e8";       // sitemap
constexpr const char* Hand = "\uf0a6";        // hand-o-up
constexpr const char* Envelope = "\uf0e0";
constexpr const char* Phone = "\uf095";
constexpr const char* Circle = "\uf111";
constexpr const char* Pause = "\uf04c";       // reduced motion
constexpr const char* VolumeUp = "\uf028";    // speech output
constexpr const char* VolumeDown = "\uf027";

// Every code point above, for the font's glyph ranges.
extern const unsigned short kAllCodepoints[];
extern const int kAllCodepointCount;

} // namespace ww::icon
