// Plane geometry on the venue plan (metres): areas, containment, distances and overlap of the
// polygons that make up levels, rooms, stands and obstacles. Used by the content check and by routing.
//
// Polygons are closed implicitly (the last vertex joins the first); either winding is accepted.
// Anything with fewer than three vertices is degenerate: it has no area and contains nothing, and no
// function here fails on it.
#pragma once

#include "core/model.h"

namespace ww {

struct Rect {
    double x0 = 0, y0 = 0; // smallest x and y
    double x1 = 0, y1 = 0; // largest x and y
};

// Absolute area (square metres), whatever the winding. Zero for degenerate polygons.
double polygonArea(const Polygon& p);
// Centre of mass of the enclosed area. For a polygon without area: the mean of its vertices
// ({0,0} when empty). Note that a concave polygon's centroid may lie outside it.
Vec2 centroid(const Polygon& p);
// Axis-aligned bounds of the vertices; all zero when empty.
Rect bounds(const Polygon& p);

// Even-odd rule. A point on an edge or vertex (within 1e-9 m) counts as inside, so a stand front
// drawn exactly on a stand's edge belongs to it. Always false for degenerate polygons.
bool pointInPolygon(Vec2 pt, const Polygon& p);

double distancePointSegment(Vec2 pt, Vec2 a, Vec2 b);
// Distance to the nearest edge, from inside or outside. Infinity when empty; for one vertex the
// distance to it.
double distanceToOutline(Vec2 pt, const Polygon& p);

// True when the closed segments ab and cd share at least one point, touching and collinear overlap included.
bool segmentsIntersect(Vec2 a, Vec2 b, Vec2 c, Vec2 d);
// True only when ab and cd cross at a single point interior to both (not at an endpoint, not collinear).
bool segmentsCrossProperly(Vec2 a, Vec2 b, Vec2 c, Vec2 d);

// True when the interiors of a and b share more than a sliver. Shapes that only touch (two stands
// sharing a wall, a corner touching a corner) or overlap by no more than `tolerance` metres do not
// count; one shape inside the other does.
//
// Convex pairs (rectangles, the usual case) are decided exactly by separating axes: they overlap when
// their projections overlap by more than `tolerance` on every edge normal of both. For other pairs
// the answer is yes when an edge of one crosses an edge of the other with both ends of each edge more
// than `tolerance` from the other's line, or when a vertex, an edge midpoint or the centroid of one
// lies inside the other further than `tolerance` from its outline. Limit: two concave shapes that
// interlock only through shallow edge crossings, with no such sample point inside the other, are
// reported as not overlapping.
bool polygonsOverlap(const Polygon& a, const Polygon& b, double tolerance = 0.01);

// True when `inner` lies within `outer`: every vertex and edge midpoint of inner is inside outer or
// within `tolerance` of its outline, no edge of inner crosses an edge of outer by more than
// `tolerance`, and no vertex of outer pokes into inner by more than `tolerance` (a stand placed in
// the notch of an L-shaped hall is not inside it). False when either polygon is degenerate.
bool polygonInside(const Polygon& inner, const Polygon& outer, double tolerance = 0.01);

// No two edges meet except neighbours at their shared vertex. Fewer than three vertices, repeated
// consecutive vertices (including a last vertex repeating the first) and edges folding back onto
// their neighbour all make a polygon not simple.
bool isSimplePolygon(const Polygon& p);

// The four corners of an axis-aligned rectangle from its top-left corner (x, y), width and height.
Polygon rectangle(double x, double y, double w, double h);

} // namespace ww
