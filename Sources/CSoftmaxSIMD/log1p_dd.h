// ln(1 + t) in double-double for the Double log-softmax's ln Σ: the C library's log1p errs up to an
// ulp, too much for a proved 4-ulp output (f64_log_softmax.h); this one errs under 0.2·2^-53.
#ifndef CSOFTMAX_LOG1P_DD_H
#define CSOFTMAX_LOG1P_DD_H
#include <math.h>
#include <stdint.h>
#include <string.h>

#define CSM_LN2_HI 6.93147180369123816490e-01 /* ln 2 to 32 bits: k·CSM_LN2_HI is exact */
#define CSM_LN2_LO 1.90821492927058770002e-10 /* ln 2 − CSM_LN2_HI */

/// a + b = *s + *e exactly (TwoSum).
static inline void csm_two_sum(double a, double b, double *s, double *e) {
    double t = a + b, bb = t - a;
    *e = (a - (t - bb)) + (b - bb);
    *s = t;
}

/// ln(1 + t) for t = th + tl with 0 ≤ t < 2^60 and |tl| ≤ ulp(th), as *lh + *ll within 0.2·2^-53
/// relative (0.10 measured on 2·10^7 arguments against long double). 1 + t = 2^k·m with m in [√½, √2)
/// as a double-double, ln(1 + t) = k·ln 2 + 2·atanh(s) for s = (m − 1)/(m + 1), |s| < 0.172, divided
/// in double-double; atanh(s) = s + s³·P(s²) with P its series to s^23/23 in double (the rest is
/// under 2^-65 of s). The error is s³·P's few roundings, as s³·P is under 1% of s, and at most half
/// of ln(1 + t) cancels in k·ln 2 + 2·atanh(s).
static inline void csm_log1p_dd(double th, double tl, double *lh, double *ll) {
    double wh, wl;
    csm_two_sum(1.0, th, &wh, &wl);
    wl += tl;
    uint64_t bits;
    memcpy(&bits, &wh, sizeof bits);
    int k = (int)((bits >> 52) & 0x7ff) - 1023;  // 0 ≤ k < 61: wh in [1, 2^61)
    uint64_t scale_bits = (uint64_t)(1023 - k) << 52;
    double scale;
    memcpy(&scale, &scale_bits, sizeof scale);
    double mh = wh * scale, ml = wl * scale;  // exact: a power of two
    if (mh > M_SQRT2) {
        mh *= 0.5;
        ml *= 0.5;
        k += 1;
    }
    double nh, nl, dh, dl;
    csm_two_sum(mh - 1, ml, &nh, &nl);  // mh − 1 is exact (Sterbenz)
    csm_two_sum(mh, 1.0, &dh, &dl);
    dl += ml;
    double inverse = 1 / dh, sh = nh * inverse;
    double sl = (fma(-sh, dh, nh) + (nl - sh * dl)) * inverse;  // (n − sh·d)/d
    static const double odd[] = {1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13,
                                 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23};
    double z = sh * sh, p = odd[10];
    for (int j = 9; j >= 0; j--) p = p * z + odd[j];
    double q = sh * z * p;  // s³·P(s²)
    double hh, he;
    csm_two_sum(k * CSM_LN2_HI, 2 * sh, &hh, &he);
    double lo = he + (k * CSM_LN2_LO + 2 * (sl + q));
    *lh = hh + lo;
    *ll = lo - (*lh - hh);
}

#endif
