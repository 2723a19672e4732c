// Geometry on the venue plan: the checks behind "stand B12 overlaps stand B13", "stand outside its
// hall" and "this outline crosses itself", and the distances routing builds on.
#include "core/geometry.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace ww;

namespace {

// 10 × 10 m hall with the top-right quarter cut away:
//   (0,0)──(5,0)
//     │      │
//     │    (5,5)──(10,5)
//     │             │
//   (0,10)────────(10,10)
Polygon lShapedHall() {
    return {{0, 0}, {5, 0}, {5, 5}, {10, 5}, {10, 10}, {0, 10}};
}

Polygon reversed(Polygon p) {
    return Polygon(p.rbegin(), p.rend());
}

} // namespace

TEST_CASE("Area, centroid and bounds") {
    Polygon r = rectangle(2, 3, 4, 5);
    REQUIRE(r.size() == 4);
    CHECK(polygonArea(r) == doctest::Approx(20));
    CHECK(polygonArea(reversed(r)) == doctest::Approx(20)); // absolute whatever the winding
    Vec2 c = centroid(r);
    CHECK(c.x == doctest::Approx(4));
    CHECK(c.y == doctest::Approx(5.5));
    Rect b = bounds(r);
    CHECK(b.x0 == 2);
    CHECK(b.y0 == 3);
    CHECK(b.x1 == 6);
    CHECK(b.y1 == 8);

    Polygon hall = lShapedHall();
    CHECK(polygonArea(hall) == doctest::Approx(75));
    // Three unit-weighted quarters: (2.5,2.5), (2.5,7.5), (7.5,7.5) → (12.5/3, 17.5/3).
    Vec2 hc = centroid(hall);
    CHECK(hc.x == doctest::Approx(12.5 / 3));
    CHECK(hc.y == doctest::Approx(17.5 / 3));

    // Far from the origin the area must not lose precision.
    CHECK(polygonArea(rectangle(1e6, 1e6, 0.5, 0.25)) == doctest::Approx(0.125));

    Polygon triangle{{0, 0}, {6, 0}, {0, 3}};
    CHECK(polygonArea(triangle) == doctest::Approx(9));
    CHECK(centroid(triangle).x == doctest::Approx(2));
    CHECK(centroid(triangle).y == doctest::Approx(1));
}

TEST_CASE("Degenerate polygons have no area, contain nothing and do not crash") {
    Polygon empty, one{{1, 1}}, two{{0, 0}, {4, 0}};
    Polygon flat{{0, 0}, {2, 0}, {4, 0}};
    for (const Polygon* p : {&empty, &one, &two}) {
        CHECK(polygonArea(*p) == 0);
        CHECK_FALSE(pointInPolygon({0, 0}, *p));
        CHECK_FALSE(isSimplePolygon(*p));
        CHECK_FALSE(polygonsOverlap(*p, rectangle(-1, -1, 10, 10)));
        CHECK_FALSE(polygonsOverlap(rectangle(-1, -1, 10, 10), *p));
        CHECK_FALSE(polygonInside(*p, rectangle(-1, -1, 10, 10)));
        CHECK_FALSE(polygonInside(rectangle(0, 0, 1, 1), *p));
    }
    CHECK(polygonArea(flat) == 0);
    CHECK_FALSE(isSimplePolygon(flat));
    CHECK(centroid(empty).x == 0);
    CHECK(centroid(two).x == doctest::Approx(2)); // the mean of the vertices
    CHECK(centroid(flat).x == doctest::Approx(2));
    CHECK(bounds(empty).x1 == 0);
    CHECK(std::isinf(distanceToOutline({0, 0}, empty)));
    CHECK(distanceToOutline({4, 4}, one) == doctest::Approx(std::sqrt(18.0)));
    CHECK(distanceToOutline({2, 3}, two) == doctest::Approx(3));
}

TEST_CASE("Points in polygons, edges and corners included") {
    Polygon r = rectangle(0, 0, 4, 2);
    CHECK(pointInPolygon({1, 1}, r));
    CHECK_FALSE(pointInPolygon({5, 1}, r));
    CHECK_FALSE(pointInPolygon({-0.001, 1}, r));
    // On the outline counts as inside: every edge, every corner.
    CHECK(pointInPolygon({0, 1}, r));
    CHECK(pointInPolygon({4, 1}, r));
    CHECK(pointInPolygon({2, 0}, r));
    CHECK(pointInPolygon({2, 2}, r));
    CHECK(pointInPolygon({0, 0}, r));
    CHECK(pointInPolygon({4, 2}, r));
    CHECK(pointInPolygon({2, 2}, reversed(r)));

    Polygon hall = lShapedHall();
    CHECK(pointInPolygon({2, 2}, hall));
    CHECK(pointInPolygon({8, 8}, hall));
    CHECK_FALSE(pointInPolygon({8, 2}, hall)); // in the notch
    CHECK(pointInPolygon({5, 5}, hall));       // the inner corner
    CHECK(pointInPolygon({7, 5}, hall));       // the notch's lower edge
    // A ray through a vertex must not count twice.
    CHECK(pointInPolygon({2, 5}, hall));
    CHECK_FALSE(pointInPolygon({-1, 5}, hall));
    CHECK_FALSE(pointInPolygon({-1, 0}, hall));
}

TEST_CASE("Distances to segments and outlines") {
    CHECK(distancePointSegment({0, 3}, {-2, 0}, {2, 0}) == doctest::Approx(3));
    CHECK(distancePointSegment({5, 4}, {-2, 0}, {2, 0}) == doctest::Approx(5)); // beyond the end: to the end
    CHECK(distancePointSegment({1, 1}, {1, 1}, {1, 1}) == 0);                   // a point segment
    CHECK(distancePointSegment({4, 5}, {1, 1}, {1, 1}) == doctest::Approx(5));

    Polygon r = rectangle(0, 0, 4, 2);
    CHECK(distanceToOutline({1, 1}, r) == doctest::Approx(1)); // from inside
    CHECK(distanceToOutline({2, 1.5}, r) == doctest::Approx(0.5));
    CHECK(distanceToOutline({7, 6}, r) == doctest::Approx(5)); // from outside, to the corner
    CHECK(distanceToOutline({2, 0}, r) == 0);
    CHECK(distanceToOutline({-1, 1}, r) == doctest::Approx(1)); // the closing edge counts
}

TEST_CASE("Segments: crossing, touching, collinear, apart") {
    CHECK(segmentsIntersect({0, 0}, {2, 2}, {0, 2}, {2, 0}));
    CHECK(segmentsCrossProperly({0, 0}, {2, 2}, {0, 2}, {2, 0}));

    // An end on the other segment: touching, not a proper crossing.
    CHECK(segmentsIntersect({0, 0}, {2, 0}, {1, 0}, {1, 3}));
    CHECK_FALSE(segmentsCrossProperly({0, 0}, {2, 0}, {1, 0}, {1, 3}));
    // Shared end point.
    CHECK(segmentsIntersect({0, 0}, {2, 0}, {2, 0}, {3, 5}));
    CHECK_FALSE(segmentsCrossProperly({0, 0}, {2, 0}, {2, 0}, {3, 5}));
    // Collinear overlap and collinear apart.
    CHECK(segmentsIntersect({0, 0}, {4, 0}, {2, 0}, {6, 0}));
    CHECK_FALSE(segmentsCrossProperly({0, 0}, {4, 0}, {2, 0}, {6, 0}));
    CHECK_FALSE(segmentsIntersect({0, 0}, {1, 0}, {2, 0}, {3, 0}));
    // Parallel, and a near miss.
    CHECK_FALSE(segmentsIntersect({0, 0}, {4, 0}, {0, 1}, {4, 1}));
    CHECK_FALSE(segmentsIntersect({0, 0}, {2, 0}, {1, 0.001}, {1, 3}));
    // Decimal coordinates that are not exact in binary still touch.
    CHECK(segmentsIntersect({0.1, 0.1}, {0.3, 0.3}, {0.3, 0.3}, {0.7, 0.1}));
    CHECK(segmentsIntersect({0, 0.3}, {1, 0.3}, {0.5, 0.1 + 0.2}, {0.5, 1}));
    // A point segment on, and off, the other segment.
    CHECK(segmentsIntersect({1, 0}, {1, 0}, {0, 0}, {2, 0}));
    CHECK_FALSE(segmentsIntersect({1, 1}, {1, 1}, {0, 0}, {2, 0}));
}

TEST_CASE("Stands sharing a wall or a corner do not overlap") {
    Polygon b12 = rectangle(0, 0, 3, 3);
    CHECK_FALSE(polygonsOverlap(b12, rectangle(3, 0, 3, 3)));   // side by side
    CHECK_FALSE(polygonsOverlap(b12, rectangle(0, 3, 3, 3)));   // front to back
    CHECK_FALSE(polygonsOverlap(b12, rectangle(3, 3, 3, 3)));   // corner to corner
    CHECK_FALSE(polygonsOverlap(b12, rectangle(3, 1, 2, 1)));   // a small one against the wall
    CHECK_FALSE(polygonsOverlap(b12, rectangle(10, 10, 3, 3))); // far apart
    // Within the tolerance: a plan drawn 5 mm off is still two neighbours.
    CHECK_FALSE(polygonsOverlap(b12, rectangle(2.995, 0, 3, 3)));
    CHECK(polygonsOverlap(b12, rectangle(2.995, 0, 3, 3), 0.001));
    // Decimal coordinates.
    CHECK_FALSE(polygonsOverlap(rectangle(0.1, 0.1, 0.2, 0.2), rectangle(0.1 + 0.2, 0.1, 0.4, 0.2)));
}

TEST_CASE("Overlapping and nested stands overlap") {
    Polygon b12 = rectangle(0, 0, 3, 3);
    CHECK(polygonsOverlap(b12, rectangle(2, 2, 3, 3)));
    CHECK(polygonsOverlap(b12, rectangle(2.5, 0, 3, 3)));
    CHECK(polygonsOverlap(b12, rectangle(1, 1, 1, 1))); // one inside the other
    CHECK(polygonsOverlap(rectangle(1, 1, 1, 1), b12));
    CHECK(polygonsOverlap(b12, b12)); // the same stand twice
    CHECK(polygonsOverlap(b12, reversed(b12)));
    // A cross: no corner of either lies inside the other.
    CHECK(polygonsOverlap(rectangle(0, 1, 5, 1), rectangle(2, 0, 1, 5)));
    // A diamond over a square.
    Polygon diamond{{1.5, -0.5}, {3.5, 1.5}, {1.5, 3.5}, {-0.5, 1.5}};
    CHECK(polygonsOverlap(b12, diamond));
    // A triangle touching the square's corner from the diagonal: the bounds overlap, the shapes do not.
    CHECK_FALSE(polygonsOverlap(b12, {{3, 3}, {5, 2}, {2, 5}}));
}

TEST_CASE("Concave shapes: the L-shaped hall") {
    Polygon hall = lShapedHall();
    CHECK_FALSE(polygonsOverlap(hall, rectangle(6, 1, 3, 3))); // a stand in the notch
    CHECK_FALSE(polygonsOverlap(hall, rectangle(5, 0, 5, 5))); // filling the notch exactly
    CHECK(polygonsOverlap(hall, rectangle(1, 6, 2, 2)));       // a stand in the hall
    CHECK(polygonsOverlap(hall, rectangle(4, 4, 2, 2)));       // across the inner corner
    CHECK(polygonsOverlap(hall, rectangle(-1, 4, 12, 0.5)));   // a long bar through both arms
    CHECK(polygonsOverlap(hall, hall));
    CHECK_FALSE(polygonsOverlap(hall, rectangle(5, 1, 3, 3))); // in the notch against the hall's wall
    CHECK_FALSE(polygonsOverlap(hall, rectangle(10, 5, 2, 2)));
}

TEST_CASE("Stands inside halls") {
    Polygon hall = lShapedHall();
    CHECK(polygonInside(rectangle(1, 1, 2, 2), hall));
    CHECK(polygonInside(rectangle(6, 6, 3, 3), hall));
    CHECK(polygonInside(rectangle(0, 0, 5, 10), hall)); // against the walls
    CHECK(polygonInside(rectangle(5, 5, 5, 5), hall));  // in the corner, touching the inner corner
    CHECK(polygonInside(hall, hall));
    CHECK_FALSE(polygonInside(rectangle(6, 1, 3, 3), hall)); // in the notch
    CHECK_FALSE(polygonInside(rectangle(4, 4, 2, 2), hall)); // across the inner corner
    CHECK_FALSE(polygonInside(rectangle(8, 8, 3, 3), hall)); // through the outer wall
    CHECK_FALSE(polygonInside(rectangle(-5, -5, 30, 30), hall));
    // A bar from one arm to the other with every corner inside the hall, bridging the notch.
    CHECK_FALSE(polygonInside({{1, 0.5}, {9, 8.5}, {8.5, 9}, {0.5, 1}}, hall));
    // The same bar shifted to run beside the notch is inside: its long side touches the inner corner.
    CHECK(polygonInside({{1, 1}, {9, 9}, {8.5, 9.5}, {0.5, 1.5}}, hall));
    // A triangle whose long side runs exactly through the inner corner stays inside.
    CHECK(polygonInside({{0, 0}, {10, 10}, {0, 10}}, hall));
    // A stand drawn 5 mm past the wall is accepted within the tolerance; 5 cm is not.
    CHECK(polygonInside(rectangle(0, 6, 10.005, 2), hall));
    CHECK_FALSE(polygonInside(rectangle(0, 6, 10.05, 2), hall));
}

TEST_CASE("Simple and self-intersecting outlines") {
    CHECK(isSimplePolygon(rectangle(0, 0, 2, 1)));
    CHECK(isSimplePolygon(reversed(rectangle(0, 0, 2, 1))));
    CHECK(isSimplePolygon(lShapedHall()));
    CHECK(isSimplePolygon({{0, 0}, {1, 0}, {0, 1}}));
    CHECK(isSimplePolygon({{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}})); // a straight vertex is fine
    CHECK_FALSE(isSimplePolygon({{0, 0}, {2, 2}, {2, 0}, {0, 2}}));   // bow tie
    CHECK_FALSE(isSimplePolygon({{0, 0}, {4, 0}, {4, 4}, {2, 4}, {2, -1}, {0, 4}}));
    CHECK_FALSE(isSimplePolygon({{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}})); // closing vertex repeated
    CHECK_FALSE(isSimplePolygon({{0, 0}, {2, 0}, {2, 0}, {2, 2}}));         // repeated vertex
    CHECK_FALSE(isSimplePolygon({{0, 0}, {4, 0}, {2, 0}, {2, 2}}));         // folds back on itself
    // Two squares meeting at one corner (a figure eight).
    CHECK_FALSE(isSimplePolygon({{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}}));
    // Pentagram: every turn the same way, yet it crosses itself.
    const double pi = std::acos(-1.0);
    Polygon star;
    for (int i = 0; i < 5; ++i)
        star.push_back({std::cos(i * 4 * pi / 5), std::sin(i * 4 * pi / 5)});
    CHECK_FALSE(isSimplePolygon(star));
}

TEST_CASE("Rectangles are four corners from the top-left") {
    Polygon r = rectangle(1, 2, 3, 4);
    CHECK(r[0] == Vec2{1, 2});
    CHECK(r[1] == Vec2{4, 2});
    CHECK(r[2] == Vec2{4, 6});
    CHECK(r[3] == Vec2{1, 6});
}
