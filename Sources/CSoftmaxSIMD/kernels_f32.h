// The Float row kernels, written once over the vector operations of ops_avx2.h / ops_avx512.h and
// compiled once per instruction set (ISA_NAME gives each copy its suffix).
//
// Accuracy (the `simd` bounds, 4 ulps): x − max is kept as the exact pair hi + lo (TwoSum) and lo
// enters the reduced argument of exp; the exp is Cody–Waite range reduction by ln 2 (a 9-bit high
// part, so k·C1 and hi − k·C1 are exact), e^r = 1 + r·q(r) with q a degree-5 fit of (e^r − 1)/r
// (e^r within 1.05·2^-24 after the final rounding, in a simulation over |r| ≤ 0.351) and an exact
// scaling by 2^k; sums are in double; the final scale multiplies by 1/Σ as a
// float pair (fh + fl), so it rounds once.
#include <math.h>
#include "log1p_fast.h"

#define F32_MAGIC 12582912.0f /* 1.5·2^23: adding it rounds to an integer */
#define FAST_SUM_BIAS 1.0f      /* the start of a Fast2Sum running sum: at least every term */
#define FAST_SUM_FLUSH 1024     /* vectors between flushes of a float pair sum to double */
#define PAIR_ROWS_MAX 256       /* rows up to this length go two at a time */

/// The row maximum, and whether every x − max is at least EXP_F32_UNCLAMPED_FLOOR (so the exp
/// needs no clamp); returns 0 when the row holds a NaN or +inf or no finite entry (the caller's path).
static inline int ISA_NAME(row_max_f32)(const float *x, size_t n, float *out, int *unclamped) {
    vf a = vf_set(-INFINITY), b = vf_set(-INFINITY), lo = vf_set(INFINITY);
    mf bad = mf_none();
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {
        vf u = vf_load(x + i), v = vf_load(x + i + VF_W);
        a = vf_max(a, u);
        b = vf_max(b, v);
        lo = vf_min(lo, vf_min(u, v));
        bad = mf_or(bad, mf_or(vf_unord(u), vf_unord(v)));
    }
    for (; i < n; i += VF_W) {
        vf v = i + VF_W <= n ? vf_load(x + i) : vf_load_tail(x + i, n - i, -INFINITY);
        a = vf_max(a, v);
        lo = vf_min(lo, i + VF_W <= n ? v : vf_load_tail(x + i, n - i, INFINITY));
        bad = mf_or(bad, vf_unord(v));
    }
    float m = vf_hmax(vf_max(a, b));
    *out = m;
    *unclamped = vf_hmin(lo) - m >= EXP_F32_UNCLAMPED_FLOOR;
    return !mf_any(bad) && isfinite(m);
}

/// x − m as hi + lo exactly (TwoSum, nm = −m); lo is NaN where x = −inf or x − m overflows.
static inline vf ISA_NAME(diff_f32)(vf x, vf m, vf nm, vf *lo) {
    vf s = vf_sub(x, m);
    vf bb = vf_sub(s, x);
    *lo = vf_add(vf_sub(x, vf_sub(s, bb)), vf_sub(nm, bb));
    return s;
}

/// e^(hi + lo) for hi ≤ 0 (−inf included), |lo| ≤ ulp(hi)/2: within ~1 ulp; 0 below e^-110. With
/// clamp = 0 (a constant) it skips the clamp at −110, for rows whose hi are all finite and at least
/// EXP_F32_UNCLAMPED_FLOOR (the range where the scaling by 2^k still rounds to 0 correctly).
static inline __attribute__((always_inline)) vf ISA_NAME(exp_pair_f32)(vf hi, vf lo, const int clamp) {
    vf h = hi, l = lo;
    if (clamp) {
        l = vf_zero_where(vf_lt(hi, vf_set(-110.0f)), lo);
        h = vf_max(hi, vf_set(-110.0f));
    }
    vf t = vf_fma(h, vf_set(1.44269504f), vf_set(F32_MAGIC));
    vf k = vf_sub(t, vf_set(F32_MAGIC));
    vf r = vf_add(vf_fma(k, vf_set(-0.693359375f), h), vf_fma(k, vf_set(2.12194440e-4f), l));
    // (e^r − 1)/r by a degree-5 fit (relative error 1.2e-8 on |r| ≤ 0.351), then e^r = 1 + r·q;
    // Estrin's scheme: a shorter dependency chain than Horner's for one more multiplication.
    vf r2 = vf_mul(r, r);
    vf c = vf_fma(r, vf_set(0x1.6db0bcp-10f), vf_set(0x1.12448cp-7f));
    vf b = vf_fma(r, vf_set(0x1.555466p-5f), vf_set(0x1.555472p-3f));
    vf a = vf_fma(r, vf_set(0.5f), vf_set(1.0f));
    vf q = vf_fma(r2, vf_fma(r2, c, b), a);
    vf er = vf_fma(q, r, vf_set(1.0f));
    return vf_ldexp(er, k, t);
}

/// One vector of a row: the exponentials e^(x − m), also returning hi (clamp: see exp_pair_f32).
static inline __attribute__((always_inline)) vf ISA_NAME(exp_step_f32)(vf x, vf m, vf nm, vf *hi, const int clamp) {
    vf lo;
    *hi = ISA_NAME(diff_f32)(x, m, nm, &lo);
    return ISA_NAME(exp_pair_f32)(*hi, lo, clamp);
}

/// y *= fh + fl (one rounding of y·f for the float pair of a double f).
static inline void ISA_NAME(scale_f32)(float *y, size_t n, double f) {
    float fh = (float)f;
    vf h = vf_set(fh), l = vf_set((float)(f - fh));
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) {
        vf e = vf_load(y + i);
        vf_store(y + i, vf_fma(e, h, vf_mul(e, l)));
    }
    if (i < n) {
        vf e = vf_load_tail(y + i, n - i, 0);
        vf_store_tail(y + i, vf_fma(e, h, vf_mul(e, l)), n - i);
    }
}

/// Adds e (every lane in [0, 1]) to the float pair (*h, *l) by Fast2Sum, exact because *h starts at 1
/// (FAST_SUM_BIAS) and never drops below a term; *l gathers the rounding errors. Cheaper than widening
/// to double, and as accurate for Σ once the pair is flushed to double every FAST_SUM_FLUSH vectors.
static inline void ISA_NAME(fast_sum_f32)(vf *h, vf *l, vf e) {
    vf t = vf_add(*h, e);
    *l = vf_add(*l, vf_sub(e, vf_sub(t, *h)));
    *h = t;
}

/// e^(x − m) of a row into y, returning Σ in double; four vectors an iteration so that their exps
/// overlap, and the next row (`next`) prefetched meanwhile: the pass is compute-bound.
static inline __attribute__((always_inline)) double ISA_NAME(exp_store_f32)(const float *x, float *y, size_t n,
                                                                           const float *next, vf m, vf nm,
                                                                           const int clamp) {
    vd s0 = vd_set(0), s1 = vd_set(0);
    vf hi, h[2] = {vf_set(FAST_SUM_BIAS), vf_set(FAST_SUM_BIAS)}, l[2] = {vf_set(0), vf_set(0)};
    size_t i = 0, block = 0;
    for (; i + 4 * VF_W <= n; i += 4 * VF_W) {
        __builtin_prefetch(next + i, 0, 3);
        __builtin_prefetch(next + i + 2 * VF_W, 0, 3);
        vf e[4];
        for (int k = 0; k < 4; k++) e[k] = ISA_NAME(exp_step_f32)(vf_load(x + i + k * VF_W), m, nm, &hi, clamp);
        for (int k = 0; k < 4; k++) vf_store(y + i + k * VF_W, e[k]);
        for (int k = 0; k < 4; k++) ISA_NAME(fast_sum_f32)(&h[k & 1], &l[k & 1], e[k]);
        if (++block == FAST_SUM_FLUSH / 4) {
            for (int k = 0; k < 2; k++) {
                vf_add_wide(vf_sub(h[k], vf_set(FAST_SUM_BIAS)), &s0, &s1);  // exact: h ≥ 1
                vf_add_wide(l[k], &s0, &s1);
                h[k] = vf_set(FAST_SUM_BIAS);
                l[k] = vf_set(0);
            }
            block = 0;
        }
    }
    for (; i + VF_W <= n; i += VF_W) {
        __builtin_prefetch(next + i, 0, 3);
        vf e = ISA_NAME(exp_step_f32)(vf_load(x + i), m, nm, &hi, clamp);
        vf_store(y + i, e);
        ISA_NAME(fast_sum_f32)(&h[0], &l[0], e);
    }
    if (i < n) {  // the tail's padding is −inf, which needs the clamp
        vf e = ISA_NAME(exp_step_f32)(vf_load_tail(x + i, n - i, -INFINITY), m, nm, &hi, 1);
        vf_store_tail(y + i, e, n - i);
        ISA_NAME(fast_sum_f32)(&h[0], &l[0], e);
    }
    for (int k = 0; k < 2; k++) {
        vf_add_wide(vf_sub(h[k], vf_set(FAST_SUM_BIAS)), &s0, &s1);
        vf_add_wide(l[k], &s0, &s1);
    }
    return vd_hsum(vd_add(s0, s1));
}

/// Softmax of two rows at once, vector by vector: on rows of a few vectors the chain of one row (max,
/// exps, sum, reciprocal, scale) is too short for the out-of-order window to overlap the next row's.
static inline __attribute__((always_inline)) void ISA_NAME(softmax_pair_f32)(const float *xa, const float *xb, float *ya,
                                                                            float *yb, size_t n, float ma, float mb,
                                                                            const int clamp) {
    vf m[2] = {vf_set(ma), vf_set(mb)}, nm[2] = {vf_set(-ma), vf_set(-mb)}, hi;
    vf h[2] = {vf_set(FAST_SUM_BIAS), vf_set(FAST_SUM_BIAS)}, l[2] = {vf_set(0), vf_set(0)};
    const float *x[2] = {xa, xb};
    float *y[2] = {ya, yb};
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {
        vf e[2][2];
        for (int r = 0; r < 2; r++)
            for (int k = 0; k < 2; k++) e[r][k] = ISA_NAME(exp_step_f32)(vf_load(x[r] + i + k * VF_W), m[r], nm[r], &hi, clamp);
        for (int r = 0; r < 2; r++)
            for (int k = 0; k < 2; k++) {
                vf_store(y[r] + i + k * VF_W, e[r][k]);
                ISA_NAME(fast_sum_f32)(&h[r], &l[r], e[r][k]);
            }
    }
    for (; i < n; i += VF_W) {
        for (int r = 0; r < 2; r++) {
            vf e = i + VF_W <= n ? ISA_NAME(exp_step_f32)(vf_load(x[r] + i), m[r], nm[r], &hi, clamp)
                                 : ISA_NAME(exp_step_f32)(vf_load_tail(x[r] + i, n - i, -INFINITY), m[r], nm[r], &hi, 1);
            if (i + VF_W <= n) vf_store(y[r] + i, e); else vf_store_tail(y[r] + i, e, n - i);
            ISA_NAME(fast_sum_f32)(&h[r], &l[r], e);
        }
    }
    double f[2];
    for (int r = 0; r < 2; r++) {
        vd s0 = vd_set(0), s1 = vd_set(0);
        vf_add_wide(vf_sub(h[r], vf_set(FAST_SUM_BIAS)), &s0, &s1);
        vf_add_wide(l[r], &s0, &s1);
        f[r] = vd_hsum(vd_add(s0, s1));
    }
    f[0] = 1.0 / f[0];
    f[1] = 1.0 / f[1];
    float fh0 = (float)f[0], fh1 = (float)f[1];
    vf h0 = vf_set(fh0), l0 = vf_set((float)(f[0] - fh0)), h1 = vf_set(fh1), l1 = vf_set((float)(f[1] - fh1));
    for (i = 0; i + VF_W <= n; i += VF_W) {
        vf a = vf_load(ya + i), b = vf_load(yb + i);
        vf_store(ya + i, vf_fma(a, h0, vf_mul(a, l0)));
        vf_store(yb + i, vf_fma(b, h1, vf_mul(b, l1)));
    }
    if (i < n) {
        vf a = vf_load_tail(ya + i, n - i, 0), b = vf_load_tail(yb + i, n - i, 0);
        vf_store_tail(ya + i, vf_fma(a, h0, vf_mul(a, l0)), n - i);
        vf_store_tail(yb + i, vf_fma(b, h1, vf_mul(b, l1)), n - i);
    }
}

/// Softmax of rows of at most PAIR_ROWS_MAX elements, two at a time; returns the rows done (it stops at
/// a pair with a declined row). Kept out of line: inlined, it changes the code of the long-row loop.
static __attribute__((noinline)) size_t ISA_NAME(softmax_pairs_f32)(const float *x, float *y, size_t rows, size_t n,
                                                                   size_t stride) {
    size_t row = 0;
    for (; row + 2 <= rows; row += 2) {
        const float *xa = x + row * stride, *xb = xa + stride;
        float *ya = y + row * stride, *yb = ya + stride;
        float ma, mb;
        int ua, ub;
        if (!ISA_NAME(row_max_f32)(xa, n, &ma, &ua) || !ISA_NAME(row_max_f32)(xb, n, &mb, &ub)) break;
        if (ua && ub) ISA_NAME(softmax_pair_f32)(xa, xb, ya, yb, n, ma, mb, 0);
        else ISA_NAME(softmax_pair_f32)(xa, xb, ya, yb, n, ma, mb, 1);
    }
    return row;
}

/// Softmax row by row.
static size_t ISA_NAME(softmax_rows_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride) {
    size_t row = 0;
    if (n <= PAIR_ROWS_MAX) row = ISA_NAME(softmax_pairs_f32)(x, y, rows, n, stride);
    for (; row < rows; row++) {
        const float *xr = x + row * stride;
        float *yr = y + row * stride;
        float mx;
        int unclamped;
        if (!ISA_NAME(row_max_f32)(xr, n, &mx, &unclamped)) return row;
        vf m = vf_set(mx), nm = vf_set(-mx);
        const float *next = row + 1 < rows ? xr + stride : xr;
        double sum = unclamped ? ISA_NAME(exp_store_f32)(xr, yr, n, next, m, nm, 0)
                               : ISA_NAME(exp_store_f32)(xr, yr, n, next, m, nm, 1);
        ISA_NAME(scale_f32)(yr, n, 1.0 / sum);
    }
    return rows;
}

/// The lanes of vector k of a row of n elements (0 past its end).
static inline size_t ISA_NAME(lanes_f32)(size_t n, int k) {
    size_t start = (size_t)k * VF_W;
    return start >= n ? 0 : n - start < VF_W ? n - start : VF_W;
}

/// Loads four rows of at most nv vectors and their maxima (group_max_lane); returns 0 when one of
/// them holds a NaN or +inf or no finite entry.
static inline __attribute__((always_inline)) int ISA_NAME(load_group_f32)(const float *x, size_t n, size_t stride,
                                                                         const int nv, vf v[4][4], vf m[4]) {
    vf a[4];
    mf bad = mf_none();
    for (int j = 0; j < 4; j++) {
        a[j] = vf_set(-INFINITY);
        for (int k = 0; k < nv; k++) {
            size_t lanes = ISA_NAME(lanes_f32)(n, k);
            const float *p = x + j * stride + k * VF_W;
            v[j][k] = lanes == VF_W ? vf_load(p) : vf_load_tail(p, lanes, -INFINITY);
            a[j] = vf_max(a[j], v[j][k]);
            bad = mf_or(bad, vf_unord(v[j][k]));
        }
    }
    vf g = vf_group_max(a);
    for (int j = 0; j < 4; j++) m[j] = vf_group_max_lane(g, j);
    return !mf_any(bad) && vf_group_finite(g);
}

/// Stores vector k of a row of n elements.
static inline void ISA_NAME(store_part_f32)(float *y, size_t n, int k, vf v) {
    size_t lanes = ISA_NAME(lanes_f32)(n, k);
    if (lanes == VF_W) vf_store(y + k * VF_W, v); else vf_store_tail(y + k * VF_W, v, lanes);
}

/// Softmax of rows of at most nv vectors, in groups of 4 rows (8 when nv = 1, so that at least eight
/// exps are in flight), phase by phase: a per-row loop on 16-element rows waits on each row's chain
/// (horizontal max, exp, horizontal sum, reciprocal), and the horizontal reductions of four rows share
/// their shuffles. Returns the rows done (it stops before a group with a declined row).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_short_f32)(const float *x, float *y, size_t rows,
                                                                               size_t n, size_t stride, const int nv) {
    const int quads = nv == 1 ? 2 : 1, g = 4 * quads;
    size_t row = 0;
    for (; row + g <= rows; row += g) {
        vf v[8][4], m[8], e[8][4], hi, fh[2], fl[2];
        vd s[8];
        int ok = 1;
        for (int q = 0; q < quads; q++) ok &= ISA_NAME(load_group_f32)(x + (row + 4 * q) * stride, n, stride, nv, v + 4 * q, m + 4 * q);
        if (!ok) break;
        for (int j = 0; j < g; j++) {
            vf nm = vf_sub(vf_set(0), m[j]);
            vd s1 = vd_set(0);
            s[j] = vd_set(0);
            for (int k = 0; k < nv; k++) {
                e[j][k] = ISA_NAME(exp_step_f32)(v[j][k], m[j], nm, &hi, 1);
                vf_add_wide(e[j][k], &s[j], &s1);
            }
            s[j] = vd_add(s[j], s1);
        }
        for (int q = 0; q < quads; q++) vd_group_inverse(s + 4 * q, &fh[q], &fl[q]);
        for (int j = 0; j < g; j++) {
            vf h = vf_group_inverse_lane(fh[j / 4], j % 4), l = vf_group_inverse_lane(fl[j / 4], j % 4);
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f32)(y + (row + j) * stride, n, k, vf_fma(e[j][k], h, vf_mul(e[j][k], l)));
        }
    }
    return row;
}

static size_t ISA_NAME(softmax_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride) {
    size_t done = 0;
    switch (n == 0 ? 0 : (n + VF_W - 1) / VF_W) {
    case 1: done = ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, 1); break;
    case 2: done = ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, 2); break;
    case 3: done = ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, 3); break;
    case 4: done = ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, 4); break;
    default: break;
    }
    return done + ISA_NAME(softmax_rows_f32)(x + done * stride, y + done * stride, rows - done, n, stride);
}

/// One vector of log-softmax: (hi − Lh) + (lo − Ll), lo dropped where it is NaN (hi = −inf).
static inline vf ISA_NAME(log_step_f32)(vf x, vf m, vf nm, vf lh, vf ll) {
    vf lo, hi = ISA_NAME(diff_f32)(x, m, nm, &lo);
    return vf_add(vf_sub(hi, lh), vf_sub(vf_zero_where(vf_unord(lo), lo), ll));
}

/// The mass off the maxima of a row (hi = 0 exactly there), Σ e^(x − m) over x ≠ m, in double, and
/// the count of maxima; the next row is prefetched meanwhile.
static inline __attribute__((always_inline)) double ISA_NAME(off_mass_f32)(const float *x, size_t n, const float *next,
                                                                          vf m, vf nm, int *at_max, const int clamp) {
    vd s0 = vd_set(0), s1 = vd_set(0), s2 = vd_set(0), s3 = vd_set(0);
    vf hi, zero = vf_set(0);
    int count = 0;
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {
        __builtin_prefetch(next + i, 0, 3);
        vf hj, e0 = ISA_NAME(exp_step_f32)(vf_load(x + i), m, nm, &hi, clamp);
        vf e1 = ISA_NAME(exp_step_f32)(vf_load(x + i + VF_W), m, nm, &hj, clamp);
        mf t0 = vf_eq(hi, zero), t1 = vf_eq(hj, zero);
        count += mf_count(t0) + mf_count(t1);
        vf_add_wide(vf_zero_where(t0, e0), &s0, &s1);
        vf_add_wide(vf_zero_where(t1, e1), &s2, &s3);
    }
    for (; i < n; i += VF_W) {
        int full = i + VF_W <= n;  // the tail's padding is −inf, which needs the clamp
        vf e = full ? ISA_NAME(exp_step_f32)(vf_load(x + i), m, nm, &hi, clamp)
                    : ISA_NAME(exp_step_f32)(vf_load_tail(x + i, n - i, -INFINITY), m, nm, &hi, 1);
        mf top = vf_eq(hi, zero);
        count += mf_count(top);
        vf_add_wide(vf_zero_where(top, e), &s0, &s1);
    }
    *at_max = count;
    return vd_hsum(vd_add(vd_add(s0, s2), vd_add(s1, s3)));
}

/// Log-softmax row by row.
static size_t ISA_NAME(log_softmax_rows_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride) {
    for (size_t row = 0; row < rows; row++) {
        const float *xr = x + row * stride;
        float *yr = y + row * stride;
        float mx;
        int unclamped, at_max;
        if (!ISA_NAME(row_max_f32)(xr, n, &mx, &unclamped)) return row;
        vf m = vf_set(mx), nm = vf_set(-mx);
        const float *next = row + 1 < rows ? xr + stride : xr;
        double off = unclamped ? ISA_NAME(off_mass_f32)(xr, n, next, m, nm, &at_max, 0)
                               : ISA_NAME(off_mass_f32)(xr, n, next, m, nm, &at_max, 1);
        off += at_max - 1;
        // Below 2^-100 the terms may be float subnormals, too coarse for log1p(off): the caller's path.
        if (off < 0x1p-100 && at_max != (int)n) return row;
        double l = csm_log1p_fast(off);
        float lh = (float)l;
        vf vlh = vf_set(lh), vll = vf_set((float)(l - lh));
        size_t i = 0;
        for (; i + VF_W <= n; i += VF_W) vf_store(yr + i, ISA_NAME(log_step_f32)(vf_load(xr + i), m, nm, vlh, vll));
        if (i < n) vf_store_tail(yr + i, ISA_NAME(log_step_f32)(vf_load_tail(xr + i, n - i, -INFINITY), m, nm, vlh, vll), n - i);
    }
    return rows;
}

/// Log-softmax of rows of at most nv vectors, four rows at a time (see softmax_short_f32).
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_short_f32)(const float *x, float *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, const int nv) {
    size_t row = 0;
    for (; row + 4 <= rows; row += 4) {
        vf v[4][4], m[4], nm[4], hi, zero = vf_set(0);
        double off[4];
        if (!ISA_NAME(load_group_f32)(x + row * stride, n, stride, nv, v, m)) break;
        for (int j = 0; j < 4; j++) {
            nm[j] = vf_sub(zero, m[j]);
            vd s0 = vd_set(0), s1 = vd_set(0);
            int at_max = 0;
            for (int k = 0; k < nv; k++) {
                vf e = ISA_NAME(exp_step_f32)(v[j][k], m[j], nm[j], &hi, 1);
                mf top = vf_eq(hi, zero);
                at_max += mf_count(top);
                vf_add_wide(vf_zero_where(top, e), &s0, &s1);
            }
            off[j] = vd_hsum(vd_add(s0, s1)) + (at_max - 1);
            if (off[j] < 0x1p-100 && at_max != (int)n) return row;
        }
        for (int j = 0; j < 4; j++) {
            double l = csm_log1p_fast(off[j]);
            float lh = (float)l;
            vf vlh = vf_set(lh), vll = vf_set((float)(l - lh));
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f32)(y + (row + j) * stride, n, k, ISA_NAME(log_step_f32)(v[j][k], m[j], nm[j], vlh, vll));
        }
    }
    return row;
}

static size_t ISA_NAME(log_softmax_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride) {
    size_t done = 0;
    switch (n == 0 ? 0 : (n + VF_W - 1) / VF_W) {
    case 1: done = ISA_NAME(log_softmax_short_f32)(x, y, rows, n, stride, 1); break;
    case 2: done = ISA_NAME(log_softmax_short_f32)(x, y, rows, n, stride, 2); break;
    case 3: done = ISA_NAME(log_softmax_short_f32)(x, y, rows, n, stride, 3); break;
    case 4: done = ISA_NAME(log_softmax_short_f32)(x, y, rows, n, stride, 4); break;
    default: break;
    }
    return done + ISA_NAME(log_softmax_rows_f32)(x + done * stride, y + done * stride, rows - done, n, stride);
}

static size_t ISA_NAME(softmax_vjp_f32)(const float *s, const float *g, float *dx, size_t rows, size_t n,
                                         size_t stride, float beta) {
    vf b = vf_set(beta);
    for (size_t row = 0; row < rows; row++) {
        const float *sr = s + row * stride, *gr = g + row * stride;
        float *dr = dx + row * stride;
        // ⟨g, s⟩ in double: the products of floats are exact there.
        vd d0 = vd_set(0), d1 = vd_set(0);
        size_t i = 0;
        for (; i + VF_W <= n; i += VF_W) vf_dot_wide(vf_load(sr + i), vf_load(gr + i), &d0, &d1);
        if (i < n) vf_dot_wide(vf_load_tail(sr + i, n - i, 0), vf_load_tail(gr + i, n - i, 0), &d0, &d1);
        double d = vd_hsum(vd_add(d0, d1));
        float dh = (float)d;
        vf vdh = vf_set(dh), vdl = vf_set((float)(d - dh));
        for (i = 0; i + VF_W <= n; i += VF_W) {
            vf u = vf_sub(vf_sub(vf_load(gr + i), vdh), vdl);
            vf_store(dr + i, vf_mul(b, vf_mul(vf_load(sr + i), u)));
        }
        if (i < n) {
            vf u = vf_sub(vf_sub(vf_load_tail(gr + i, n - i, 0), vdh), vdl);
            vf_store_tail(dr + i, vf_mul(b, vf_mul(vf_load_tail(sr + i, n - i, 0), u)), n - i);
        }
    }
    return rows;
}
