// A scalar log1p for the Float log-softmax: relative error below 1e-12 (far below a Float ulp) and a
// few dozen flops, where the C library's log1p costs as much as a 16-element row.
#ifndef CSOFTMAX_LOG1P_FAST_H
#define CSOFTMAX_LOG1P_FAST_H
#include <stdint.h>
#include <string.h>

/// ln(1 + u) for u ≥ 0: w = 1 + u rounded, with the rounding error restored as c/w; ln w = e·ln 2 +
/// 2·atanh(s), s = (m − 1)/(m + 1), m ∈ [√½, √2), |s| < 0.172, by its series to s^13.
static inline double csm_log1p_fast(double u) {
    double w = 1 + u, c = (u - (w - 1)) / w;
    uint64_t b;
    memcpy(&b, &w, sizeof b);
    int e = (int)(b >> 52) - 1023;
    b = (b & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
    double m;
    memcpy(&m, &b, sizeof m);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        e += 1;
    }
    double s = (m - 1) / (m + 1), s2 = s * s;
    double p = 2.0 / 13;
    p = p * s2 + 2.0 / 11;
    p = p * s2 + 2.0 / 9;
    p = p * s2 + 2.0 / 7;
    p = p * s2 + 2.0 / 5;
    p = p * s2 + 2.0 / 3;
    p = p * s2 + 2.0;
    return e * 0.69314718055994530942 + (s * p + c);
}
#endif
