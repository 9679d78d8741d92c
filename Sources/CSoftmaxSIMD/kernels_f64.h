// The Double row kernels, written once over the vector operations of ops_avx2.h / ops_avx512.h and
// compiled once per instruction set (ISA_NAME gives each copy its suffix).
//
// Accuracy (the `simd` bounds, 4 ulps): x − max is kept as the exact pair hi + lo (TwoSum) and lo
// enters the reduced argument of exp; the exp is Cody–Waite range reduction by ln 2 (a 32-bit high
// part), the Taylor polynomial of degree 13 (truncation 0.04·2^-53 on |r| ≤ 0.36) and an exact scaling
// by 2^k. Softmax sums with Fast2Sum against a running sum that starts at 1 in every lane (so it is
// never below a term, all terms being ≤ 1), log-softmax and the VJP with TwoSum; the lanes are added
// up with TwoSum too.
#include <math.h>

#define F64_MAGIC 6755399441055744.0 /* 1.5·2^52: adding it rounds to an integer */

/// Σ over the lanes of hi + lo, each lane's pair added with TwoSum: error ≈ 2^-53·|Σ| + 2^-106·Σ|·|.
static inline double ISA_NAME(sum_lanes_f64)(vd hi, vd lo) {
    double h[VD_W], l[VD_W], e = 0;
    vd_store(h, hi);
    vd_store(l, lo);
    // A pairwise tree of TwoSums: its steps are independent within a level, unlike a running sum.
    for (int w = VD_W / 2; w >= 1; w /= 2) {
        for (int j = 0; j < w; j++) {
            double t = h[j] + h[j + w], bb = t - h[j];
            e += (h[j] - (t - bb)) + (h[j + w] - bb) + (l[j] + l[j + w]);
            h[j] = t;
            l[j] = l[j + w] = 0;
        }
    }
    return h[0] + e;
}

/// The row maximum; 0 when the row holds a NaN or +inf or no finite entry (the caller's path).
static inline int ISA_NAME(row_max_f64)(const double *x, size_t n, double *out) {
    vd a = vd_set(-INFINITY), b = vd_set(-INFINITY);
    md bad = md_none();
    size_t i = 0;
    for (; i + 2 * VD_W <= n; i += 2 * VD_W) {
        vd u = vd_load(x + i), v = vd_load(x + i + VD_W);
        a = vd_max(a, u);
        b = vd_max(b, v);
        bad = md_or(bad, md_or(vd_unord(u), vd_unord(v)));
    }
    for (; i < n; i += VD_W) {
        vd v = i + VD_W <= n ? vd_load(x + i) : vd_load_tail(x + i, n - i, -INFINITY);
        a = vd_max(a, v);
        bad = md_or(bad, vd_unord(v));
    }
    double m = vd_hmax(vd_max(a, b));
    *out = m;
    return !md_any(bad) && isfinite(m);
}

/// x − m as hi + lo exactly (TwoSum, nm = −m); lo is NaN where x = −inf or x − m overflows.
static inline vd ISA_NAME(diff_f64)(vd x, vd m, vd nm, vd *lo) {
    vd s = vd_sub(x, m);
    vd bb = vd_sub(s, x);
    *lo = vd_add(vd_sub(x, vd_sub(s, bb)), vd_sub(nm, bb));
    return s;
}

/// e^(hi + lo) for hi ≤ 0 (−inf included), |lo| ≤ ulp(hi)/2: within ~1 ulp; 0 below e^-760.
static inline vd ISA_NAME(exp_pair_f64)(vd hi, vd lo) {
    md tiny = vd_lt(hi, vd_set(-760.0));
    vd h = vd_max(hi, vd_set(-760.0));
    vd l = vd_zero_where(tiny, lo);
    vd t = vd_fma(h, vd_set(1.4426950408889634074), vd_set(F64_MAGIC));
    vd k = vd_sub(t, vd_set(F64_MAGIC));
    vd r = vd_add(vd_fma(k, vd_set(-6.93147180369123816490e-01), h), vd_fma(k, vd_set(-1.90821492927058770002e-10), l));
    // e^r by its Taylor polynomial of degree 13 (truncation 0.04·2^-53 on |r| ≤ 0.36), Estrin's scheme:
    // a dependency chain half as long as Horner's for two more multiplications.
    vd r2 = vd_mul(r, r), r4 = vd_mul(r2, r2);
    vd a1 = vd_fma(r, vd_set(1.0 / 6.0), vd_set(0.5));
    vd a2 = vd_fma(r, vd_set(1.0 / 120.0), vd_set(1.0 / 24.0));
    vd a3 = vd_fma(r, vd_set(1.0 / 5040.0), vd_set(1.0 / 720.0));
    vd a4 = vd_fma(r, vd_set(1.0 / 362880.0), vd_set(1.0 / 40320.0));
    vd a5 = vd_fma(r, vd_set(1.0 / 39916800.0), vd_set(1.0 / 3628800.0));
    vd a6 = vd_fma(r, vd_set(1.0 / 6227020800.0), vd_set(1.0 / 479001600.0));
    vd b1 = vd_fma(r2, a3, a2), b2 = vd_fma(r2, a5, a4);
    vd c1 = vd_fma(r4, vd_fma(r4, a6, b2), b1);
    // 1 + (r + r²·(a1 + r²·c1)): the small terms summed first, 1 added last.
    vd er = vd_add(vd_set(1.0), vd_fma(r2, vd_fma(r2, c1, a1), r));
    return vd_ldexp(er, k, t);
}

static inline vd ISA_NAME(exp_step_f64)(vd x, vd m, vd nm, vd *hi) {
    vd lo;
    *hi = ISA_NAME(diff_f64)(x, m, nm, &lo);
    return ISA_NAME(exp_pair_f64)(*hi, lo);
}

/// Neumaier's TwoSum step of a lane-wise compensated sum.
static inline void ISA_NAME(two_sum_f64)(vd *hi, vd *lo, vd x) {
    vd s = vd_add(*hi, x), bb = vd_sub(s, *hi);
    *lo = vd_add(*lo, vd_add(vd_sub(*hi, vd_sub(s, bb)), vd_sub(x, bb)));
    *hi = s;
}

/// Softmax row by row.
static size_t ISA_NAME(softmax_rows_f64)(const double *x, double *y, size_t rows, size_t n, size_t stride) {
    for (size_t row = 0; row < rows; row++) {
        const double *xr = x + row * stride;
        double *yr = y + row * stride;
        double mx;
        if (!ISA_NAME(row_max_f64)(xr, n, &mx)) return row;
        vd m = vd_set(mx), nm = vd_set(-mx), hi, one = vd_set(1);
        // Fast2Sum is exact here: the running sum starts at 1 and every term is in [0, 1].
        vd sh = one, sl = vd_set(0);
        size_t i = 0;
        const double *next = row + 1 < rows ? xr + stride : xr;  // prefetched while this row computes
        for (; i < n; i += VD_W) {
            __builtin_prefetch(next + i, 0, 3);
            int full = i + VD_W <= n;
            vd e = ISA_NAME(exp_step_f64)(full ? vd_load(xr + i) : vd_load_tail(xr + i, n - i, -INFINITY), m, nm, &hi);
            if (full) vd_store(yr + i, e); else vd_store_tail(yr + i, e, n - i);
            vd s = vd_add(sh, e);
            sl = vd_add(sl, vd_sub(e, vd_sub(s, sh)));
            sh = s;
        }
        vd total = vd_set(ISA_NAME(sum_lanes_f64)(vd_sub(sh, one), sl));
        for (i = 0; i + VD_W <= n; i += VD_W) vd_store(yr + i, vd_div(vd_load(yr + i), total));
        if (i < n) vd_store_tail(yr + i, vd_div(vd_load_tail(yr + i, n - i, 0), total), n - i);
    }
    return rows;
}

/// The lanes of vector k of a row of n elements (0 past its end).
static inline size_t ISA_NAME(lanes_f64)(size_t n, int k) {
    size_t start = (size_t)k * VD_W;
    return start >= n ? 0 : n - start < VD_W ? n - start : VD_W;
}

/// Loads four rows of at most nv vectors and their maxima; returns 0 when one of them holds a NaN or
/// +inf or no finite entry.
static inline __attribute__((always_inline)) int ISA_NAME(load_group_f64)(const double *x, size_t n, size_t stride,
                                                                         const int nv, vd v[4][4], vd m[4]) {
    vd a[4];
    md bad = md_none();
    for (int j = 0; j < 4; j++) {
        a[j] = vd_set(-INFINITY);
        for (int k = 0; k < nv; k++) {
            size_t lanes = ISA_NAME(lanes_f64)(n, k);
            const double *p = x + j * stride + k * VD_W;
            v[j][k] = lanes == VD_W ? vd_load(p) : vd_load_tail(p, lanes, -INFINITY);
            a[j] = vd_max(a[j], v[j][k]);
            bad = md_or(bad, vd_unord(v[j][k]));
        }
    }
    vd g = vd_group_max(a);
    for (int j = 0; j < 4; j++) m[j] = vd_group_lane(g, j);
    return !md_any(bad) && vd_group_finite(g);
}

/// Stores vector k of a row of n elements.
static inline void ISA_NAME(store_part_f64)(double *y, size_t n, int k, vd v) {
    size_t lanes = ISA_NAME(lanes_f64)(n, k);
    if (lanes == VD_W) vd_store(y + k * VD_W, v); else vd_store_tail(y + k * VD_W, v, lanes);
}

/// Softmax of rows of at most nv vectors, four rows at a time, phase by phase, the horizontal
/// reductions of the four rows sharing their shuffles (as the Float short rows).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_short_f64)(const double *x, double *y,
                                                                               size_t rows, size_t n, size_t stride,
                                                                               const int nv) {
    size_t row = 0;
    vd one = vd_set(1);
    for (; row + 4 <= rows; row += 4) {
        vd v[4][4], m[4], e[4][4], sh[4], sl[4], hi;
        if (!ISA_NAME(load_group_f64)(x + row * stride, n, stride, nv, v, m)) break;
        for (int j = 0; j < 4; j++) {
            vd nm = vd_sub(vd_set(0), m[j]);
            sh[j] = one;
            sl[j] = vd_set(0);
            for (int k = 0; k < nv; k++) {
                e[j][k] = ISA_NAME(exp_step_f64)(v[j][k], m[j], nm, &hi);
                vd s = vd_add(sh[j], e[j][k]);
                sl[j] = vd_add(sl[j], vd_sub(e[j][k], vd_sub(s, sh[j])));
                sh[j] = s;
            }
            sh[j] = vd_sub(sh[j], one);
        }
        vd total = vd_group_sum(sh, sl);
        for (int j = 0; j < 4; j++) {
            vd t = vd_group_lane(total, j);
            for (int k = 0; k < nv; k++) ISA_NAME(store_part_f64)(y + (row + j) * stride, n, k, vd_div(e[j][k], t));
        }
    }
    return row;
}

static size_t ISA_NAME(softmax_f64)(const double *x, double *y, size_t rows, size_t n, size_t stride) {
    size_t done = 0;
    switch (n == 0 ? 0 : (n + VD_W - 1) / VD_W) {
    case 1: done = ISA_NAME(softmax_short_f64)(x, y, rows, n, stride, 1); break;
    case 2: done = ISA_NAME(softmax_short_f64)(x, y, rows, n, stride, 2); break;
    case 3: done = ISA_NAME(softmax_short_f64)(x, y, rows, n, stride, 3); break;
    case 4: done = ISA_NAME(softmax_short_f64)(x, y, rows, n, stride, 4); break;
    default: break;
    }
    return done + ISA_NAME(softmax_rows_f64)(x + done * stride, y + done * stride, rows - done, n, stride);
}

static inline vd ISA_NAME(log_step_f64)(vd x, vd m, vd nm, vd l) {
    vd lo, hi = ISA_NAME(diff_f64)(x, m, nm, &lo);
    return vd_add(vd_sub(hi, l), vd_zero_where(vd_unord(lo), lo));
}

/// Log-softmax row by row.
static size_t ISA_NAME(log_softmax_rows_f64)(const double *x, double *y, size_t rows, size_t n, size_t stride) {
    for (size_t row = 0; row < rows; row++) {
        const double *xr = x + row * stride;
        double *yr = y + row * stride;
        double mx;
        if (!ISA_NAME(row_max_f64)(xr, n, &mx)) return row;
        vd m = vd_set(mx), nm = vd_set(-mx), hi, zero = vd_set(0);
        vd oh = zero, ol = zero;
        int at_max = 0;
        const double *next = row + 1 < rows ? xr + stride : xr;  // prefetched while this row computes
        size_t i = 0;
        for (; i < n; i += VD_W) {
            __builtin_prefetch(next + i, 0, 3);
            vd v = i + VD_W <= n ? vd_load(xr + i) : vd_load_tail(xr + i, n - i, -INFINITY);
            vd e = ISA_NAME(exp_step_f64)(v, m, nm, &hi);
            md top = vd_eq(hi, zero);
            at_max += md_count(top);
            ISA_NAME(two_sum_f64)(&oh, &ol, vd_zero_where(top, e));
        }
        vd l = vd_set(log1p(ISA_NAME(sum_lanes_f64)(oh, ol) + (at_max - 1)));
        for (i = 0; i + VD_W <= n; i += VD_W) vd_store(yr + i, ISA_NAME(log_step_f64)(vd_load(xr + i), m, nm, l));
        if (i < n) vd_store_tail(yr + i, ISA_NAME(log_step_f64)(vd_load_tail(xr + i, n - i, -INFINITY), m, nm, l), n - i);
    }
    return rows;
}

/// Log-softmax of rows of at most nv vectors, four rows at a time (see softmax_short_f64).
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_short_f64)(const double *x, double *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, const int nv) {
    size_t row = 0;
    for (; row + 4 <= rows; row += 4) {
        vd v[4][4], m[4], nm[4], oh[4], ol[4], hi, zero = vd_set(0);
        int at_max[4];
        if (!ISA_NAME(load_group_f64)(x + row * stride, n, stride, nv, v, m)) break;
        for (int j = 0; j < 4; j++) {
            nm[j] = vd_sub(zero, m[j]);
            oh[j] = ol[j] = zero;
            at_max[j] = 0;
            for (int k = 0; k < nv; k++) {
                vd e = ISA_NAME(exp_step_f64)(v[j][k], m[j], nm[j], &hi);
                md top = vd_eq(hi, zero);
                at_max[j] += md_count(top);
                ISA_NAME(two_sum_f64)(&oh[j], &ol[j], vd_zero_where(top, e));
            }
        }
        vd off = vd_group_sum(oh, ol);
        for (int j = 0; j < 4; j++) {
            double o;
            vd_store_tail(&o, vd_group_lane(off, j), 1);
            vd l = vd_set(log1p(o + (at_max[j] - 1)));
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f64)(y + (row + j) * stride, n, k, ISA_NAME(log_step_f64)(v[j][k], m[j], nm[j], l));
        }
    }
    return row;
}

static size_t ISA_NAME(log_softmax_f64)(const double *x, double *y, size_t rows, size_t n, size_t stride) {
    size_t done = 0;
    switch (n == 0 ? 0 : (n + VD_W - 1) / VD_W) {
    case 1: done = ISA_NAME(log_softmax_short_f64)(x, y, rows, n, stride, 1); break;
    case 2: done = ISA_NAME(log_softmax_short_f64)(x, y, rows, n, stride, 2); break;
    case 3: done = ISA_NAME(log_softmax_short_f64)(x, y, rows, n, stride, 3); break;
    case 4: done = ISA_NAME(log_softmax_short_f64)(x, y, rows, n, stride, 4); break;
    default: break;
    }
    return done + ISA_NAME(log_softmax_rows_f64)(x + done * stride, y + done * stride, rows - done, n, stride);
}

static size_t ISA_NAME(softmax_vjp_f64)(const double *s, const double *g, double *dx, size_t rows, size_t n,
                                         size_t stride, double beta) {
    vd b = vd_set(beta), zero = vd_set(0);
    for (size_t row = 0; row < rows; row++) {
        const double *sr = s + row * stride, *gr = g + row * stride;
        double *dr = dx + row * stride;
        vd dh = zero, dl = zero;
        size_t i = 0;
        for (; i + VD_W <= n; i += VD_W) ISA_NAME(two_sum_f64)(&dh, &dl, vd_mul(vd_load(sr + i), vd_load(gr + i)));
        if (i < n) ISA_NAME(two_sum_f64)(&dh, &dl, vd_mul(vd_load_tail(sr + i, n - i, 0), vd_load_tail(gr + i, n - i, 0)));
        vd d = vd_set(ISA_NAME(sum_lanes_f64)(dh, dl));
        for (i = 0; i + VD_W <= n; i += VD_W)
            vd_store(dr + i, vd_mul(b, vd_mul(vd_load(sr + i), vd_sub(vd_load(gr + i), d))));
        if (i < n)
            vd_store_tail(dr + i, vd_mul(b, vd_mul(vd_load_tail(sr + i, n - i, 0), vd_sub(vd_load_tail(gr + i, n - i, 0), d))), n - i);
    }
    return rows;
}
