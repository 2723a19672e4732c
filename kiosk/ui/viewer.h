// The photo viewer's page arithmetic, apart from drawing so tests can check both ends of a gallery.
#pragma once

namespace ww {

// Where a swipe lands: the index after a horizontal drag of `dx` pixels released at `vx` px/s on a
// page `width` pixels wide. A drag past 15 % of the page or a quick flick turns one page, never more,
// and never past the first or the last photo. Indexes are 0-based.
int swipeTarget(int index, int count, float dx, float vx, float width);

// The offset drawn while the finger drags `dx`: the photo follows the finger, and resists past either
// end where there is no neighbour to show.
float dragOffset(int index, int count, float dx);

} // namespace ww
