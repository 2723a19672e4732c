// Plane geometry on the venue plan. Plans are small (tens of vertices per shape), so plain O(n·m)
// loops are fast enough and easier to trust than anything cleverer.
#include "core/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww {

namespace {

// A point this close to an edge is on it: far below anything drawn on a plan, far above rounding.
constexpr double kOnEdge = 1e-9;
constexpr double kPi = 3.14159265358979323846;

Vec2 sub(Vec2 a, Vec2 b) {
    return {a.x - b.x, a.y - b.y};
}
double dot(Vec2 a, Vec2 b) {
    return a.x * b.x + a.y * b.y;
}
double cross(Vec2 a, Vec2 b) {
    return a.x * b.y - a.y * b.x;
}
double length(Vec2 a) {
    return std::hypot(a.x, a.y);
}

// Which side of the line a→b the point p lies on: +1, -1, or 0 when (nearly) on it. The tolerance
// scales with the lengths involved so that coordinates like 0.1 + 0.2 still read as collinear.
int side(Vec2 a, Vec2 b, Vec2 p) {
    Vec2 ab = sub(b, a), ap = sub(p, a);
    double v = cross(ab, ap);
    double scale = length(ab) * length(ap);
    if (std::fabs(v) <= 1e-12 * scale) return 0;
    return v > 0 ? 1 : -1;
}

// p is known to be on the line through a and b; is it within the segment?
bool withinSegment(Vec2 a, Vec2 b, Vec2 p) {
    const double eps = 1e-12 * (std::fabs(a.x) + std::fabs(a.y) + std::fabs(b.x) + std::fabs(b.y) + 1);
    return p.x >= std::min(a.x, b.x) - eps && p.x <= std::max(a.x, b.x) + eps &&
           p.y >= std::min(a.y, b.y) - eps && p.y <= std::max(a.y, b.y) + eps;
}

double distanceToLine(Vec2 p, Vec2 a, Vec2 b) {
    double len = length(sub(b, a));
    if (len == 0) return length(sub(p, a));
    return std::fabs(cross(sub(b, a), sub(p, a))) / len;
}

// A proper crossing where each edge reaches more than `tolerance` beyond the other's line on both
// sides: the two shapes then share a wedge of interior at the crossing, not just a rounding sliver.
bool crossesDeeply(Vec2 a, Vec2 b, Vec2 c, Vec2 d, double tolerance) {
    if (!segmentsCrossProperly(a, b, c, d)) return false;
    return distanceToLine(c, a, b) > tolerance && distanceToLine(d, a, b) > tolerance &&
           distanceToLine(a, c, d) > tolerance && distanceToLine(b, c, d) > tolerance;
}

bool anyEdgesCrossDeeply(const Polygon& p, const Polygon& q, double tolerance) {
    for (size_t i = 0; i < p.size(); ++i) {
        Vec2 a = p[i], b = p[(i + 1) % p.size()];
        for (size_t j = 0; j < q.size(); ++j)
            if (crossesDeeply(a, b, q[j], q[(j + 1) % q.size()], tolerance)) return true;
    }
    return false;
}

bool deepInside(Vec2 pt, const Polygon& p, double tolerance) {
    return pointInPolygon(pt, p) && distanceToOutline(pt, p) > tolerance;
}

// Any vertex, edge midpoint or the centroid of `p` lies inside `q` beyond the tolerance.
bool samplesDeepInside(const Polygon& p, const Polygon& q, double tolerance) {
    for (size_t i = 0; i < p.size(); ++i) {
        Vec2 a = p[i], b = p[(i + 1) % p.size()];
        if (deepInside(a, q, tolerance)) return true;
        if (deepInside({(a.x + b.x) / 2, (a.y + b.y) / 2}, q, tolerance)) return true;
    }
    return deepInside(centroid(p), q, tolerance);
}

// Convex and simple: every turn goes the same way and the turns add up to one full circle (which
// rules out star shapes such as a pentagram, whose turns also agree).
bool isConvex(const Polygon& p) {
    const size_t n = p.size();
    if (n < 3) return false;
    int sign = 0;
    double turning = 0;
    for (size_t i = 0; i < n; ++i) {
        Vec2 e1 = sub(p[(i + 1) % n], p[i]), e2 = sub(p[(i + 2) % n], p[(i + 1) % n]);
        if (length(e1) == 0 || length(e2) == 0) return false;
        double c = cross(e1, e2);
        turning += std::atan2(c, dot(e1, e2));
        int s = side(p[i], p[(i + 1) % n], p[(i + 2) % n]);
        if (s == 0) continue;
        if (sign != 0 && s != sign) return false;
        sign = s;
    }
    return sign != 0 && std::fabs(std::fabs(turning) - 2 * kPi) < 1e-6;
}

// Separating axes: convex shapes are apart unless their shadows overlap on every edge normal.
bool convexOverlap(const Polygon& a, const Polygon& b, double tolerance) {
    for (const Polygon* shape : {&a, &b}) {
        const Polygon& s = *shape;
        for (size_t i = 0; i < s.size(); ++i) {
            Vec2 e = sub(s[(i + 1) % s.size()], s[i]);
            double len = length(e);
            if (len == 0) continue;
            Vec2 axis{-e.y / len, e.x / len};
            double min_a = std::numeric_limits<double>::infinity(), max_a = -min_a;
            double min_b = min_a, max_b = -min_a;
            for (Vec2 v : a) {
                double t = dot(v, axis);
                min_a = std::min(min_a, t);
                max_a = std::max(max_a, t);
            }
            for (Vec2 v : b) {
                double t = dot(v, axis);
                min_b = std::min(min_b, t);
                max_b = std::max(max_b, t);
            }
            if (std::min(max_a, max_b) - std::max(min_a, min_b) <= tolerance) return false;
        }
    }
    return true;
}

} // namespace

double polygonArea(const Polygon& p) {
    if (p.size() < 3) return 0;
    // Relative to the first vertex, which keeps precision for plans far from the origin.
    double twice = 0;
    for (size_t i = 1; i + 1 < p.size(); ++i)
        twice += cross(sub(p[i], p[0]), sub(p[i + 1], p[0]));
    return std::fabs(twice) / 2;
}

Vec2 centroid(const Polygon& p) {
    if (p.empty()) return {};
    double twice = 0, cx = 0, cy = 0;
    for (size_t i = 1; i + 1 < p.size(); ++i) {
        Vec2 a = sub(p[i], p[0]), b = sub(p[i + 1], p[0]);
        double c = cross(a, b);
        twice += c;
        cx += (a.x + b.x) * c;
        cy += (a.y + b.y) * c;
    }
    const Rect r = bounds(p);
    const double scale = std::max(1.0, r.x1 - r.x0) * std::max(1.0, r.y1 - r.y0);
    if (std::fabs(twice) <= 1e-12 * scale) {
        Vec2 mean;
        for (Vec2 v : p) {
            mean.x += v.x;
            mean.y += v.y;
        }
        return {mean.x / p.size(), mean.y / p.size()};
    }
    // Triangles fanned from p[0]: each contributes its centroid (p0 + a + b) / 3 weighted by its area.
    return {p[0].x + cx / (3 * twice), p[0].y + cy / (3 * twice)};
}

Rect bounds(const Polygon& p) {
    if (p.empty()) return {};
    Rect r{p[0].x, p[0].y, p[0].x, p[0].y};
    for (Vec2 v : p) {
        r.x0 = std::min(r.x0, v.x);
        r.y0 = std::min(r.y0, v.y);
        r.x1 = std::max(r.x1, v.x);
        r.y1 = std::max(r.y1, v.y);
    }
    return r;
}

bool pointInPolygon(Vec2 pt, const Polygon& p) {
    if (p.size() < 3) return false;
    if (distanceToOutline(pt, p) <= kOnEdge) return true;
    bool inside = false;
    for (size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) {
        Vec2 a = p[j], b = p[i];
        if ((a.y > pt.y) != (b.y > pt.y)) {
            double x = a.x + (pt.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (pt.x < x) inside = !inside;
        }
    }
    return inside;
}

double distancePointSegment(Vec2 pt, Vec2 a, Vec2 b) {
    Vec2 ab = sub(b, a);
    double len2 = dot(ab, ab);
    if (len2 == 0) return length(sub(pt, a));
    double t = std::clamp(dot(sub(pt, a), ab) / len2, 0.0, 1.0);
    return length(sub(pt, {a.x + t * ab.x, a.y + t * ab.y}));
}

double distanceToOutline(Vec2 pt, const Polygon& p) {
    if (p.empty()) return std::numeric_limits<double>::infinity();
    if (p.size() == 1) return length(sub(pt, p[0]));
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < p.size(); ++i)
        best = std::min(best, distancePointSegment(pt, p[i], p[(i + 1) % p.size()]));
    return best;
}

bool segmentsIntersect(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    int s1 = side(a, b, c), s2 = side(a, b, d), s3 = side(c, d, a), s4 = side(c, d, b);
    if (s1 * s2 < 0 && s3 * s4 < 0) return true;
    if (s1 == 0 && withinSegment(a, b, c)) return true;
    if (s2 == 0 && withinSegment(a, b, d)) return true;
    if (s3 == 0 && withinSegment(c, d, a)) return true;
    if (s4 == 0 && withinSegment(c, d, b)) return true;
    return false;
}

bool segmentsCrossProperly(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

bool polygonsOverlap(const Polygon& a, const Polygon& b, double tolerance) {
    if (a.size() < 3 || b.size() < 3) return false;
    Rect ra = bounds(a), rb = bounds(b);
    if (std::min(ra.x1, rb.x1) - std::max(ra.x0, rb.x0) <= tolerance ||
        std::min(ra.y1, rb.y1) - std::max(ra.y0, rb.y0) <= tolerance)
        return false;
    if (isConvex(a) && isConvex(b)) return convexOverlap(a, b, tolerance);
    return anyEdgesCrossDeeply(a, b, tolerance) || samplesDeepInside(a, b, tolerance) ||
           samplesDeepInside(b, a, tolerance);
}

bool polygonInside(const Polygon& inner, const Polygon& outer, double tolerance) {
    if (inner.size() < 3 || outer.size() < 3) return false;
    auto within = [&](Vec2 pt) {
        return pointInPolygon(pt, outer) || distanceToOutline(pt, outer) <= tolerance;
    };
    for (size_t i = 0; i < inner.size(); ++i) {
        Vec2 a = inner[i], b = inner[(i + 1) % inner.size()];
        if (!within(a) || !within({(a.x + b.x) / 2, (a.y + b.y) / 2})) return false;
    }
    if (anyEdgesCrossDeeply(inner, outer, tolerance)) return false;
    for (Vec2 v : outer)
        if (deepInside(v, inner, tolerance)) return false;
    return true;
}

bool isSimplePolygon(const Polygon& p) {
    const size_t n = p.size();
    if (n < 3) return false;
    for (size_t i = 0; i < n; ++i)
        if (p[i] == p[(i + 1) % n]) return false;
    for (size_t i = 0; i < n; ++i) {
        Vec2 a = p[i], b = p[(i + 1) % n];
        for (size_t j = i + 1; j < n; ++j) {
            Vec2 c = p[j], d = p[(j + 1) % n];
            bool next = j == i + 1, wraps = i == 0 && j == n - 1;
            if (next || wraps) {
                // Neighbours share one vertex; they only meet elsewhere when one folds back onto the other.
                Vec2 shared = next ? b : a, u = next ? a : b, w = next ? d : c;
                if (side(u, shared, w) == 0 && dot(sub(u, shared), sub(w, shared)) > 0) return false;
                continue;
            }
            if (segmentsIntersect(a, b, c, d)) return false;
        }
    }
    return true;
}

Polygon rectangle(double x, double y, double w, double h) {
    return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
}

} // namespace ww
