// The building blocks of the Double row kernels, written once over the vector operations of
// ops_avx2.h / ops_avx512.h and compiled once per instruction set. A template: include it after one
// ops_*.h and a definition of ISA_NAME(name), which names each instruction set's copy.
//
// Accuracy (the `simd` bounds, 4 ulps): x − max is kept as the exact pair hi + lo (Fast2Sum) and lo
// enters the reduced argument of exp; the exp is Cody–Waite range reduction by ln 2 (a 32-bit high
// part), the Taylor polynomial of degree 13 (truncation 0.04·2^-53 on |r| ≤ 0.36) and an exact scaling
// by 2^k: within 1.7·2^-53 of e^(hi + lo), a bound summed term by term (the final rounding of 1 + v,
// the roundings of v = r + r²·(…) and of r, the polynomial's inner roundings and truncation; 1.45
// measured on 1.3·10^8 random arguments). Softmax sums with Fast2Sum against a running sum that starts
// at 1 in every lane (so it is never below a term, all terms being ≤ 1), log-softmax and the VJP with
// TwoSum; the lanes are added up with TwoSum too. So softmax errs at most 2·1.7 units of 2^-53 before
// its final rounding, 3.9 ulps.
#include "log1p_dd.h" /* csm_two_sum */
#include <math.h>

#define F64_MAGIC 6755399441055744.0 /* 1.5·2^52: adding it rounds to an integer */

/// Σ over the lanes of hi + lo as *sh + *sl, each lane's pair added with TwoSum: error ≈ 2^-106·Σ|·|.
static inline void ISA_NAME(sum_lanes_pair_f64)(vd hi, vd lo, double *sh, double *sl) {
    double h[VD_W], l[VD_W], e = 0;
    vd_store(h, hi);
    vd_store(l, lo);
    // A pairwise tree of TwoSums: its steps are independent within a level, unlike a running sum.
    for (int w = VD_W / 2; w >= 1; w /= 2) {
        for (int j = 0; j < w; j++) {
            double err;
            csm_two_sum(h[j], h[j + w], &h[j], &err);
            e += err + (l[j] + l[j + w]);
            l[j] = l[j + w] = 0;
        }
    }
    *sh = h[0];
    *sl = e;
}

/// Σ over the lanes of hi + lo (sum_lanes_pair_f64, rounded once): error ≈ 2^-53·|Σ| + 2^-106·Σ|·|.
static inline double ISA_NAME(sum_lanes_f64)(vd hi, vd lo) {
    double sh, sl;
    ISA_NAME(sum_lanes_pair_f64)(hi, lo, &sh, &sl);
    return sh + sl;
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

/// x − m as hi + lo exactly (nm = −m) by Fast2Sum, the operand of larger magnitude first: min(x, −m)
/// when m > 0, x when m ≤ 0 (see split_diff_f32); lo is NaN or +inf where hi = −inf.
static inline vd ISA_NAME(diff_f64)(vd x, vd m, vd nm, vd *lo) {
    vd s = vd_sub(x, m);
    vd big = vd_min(x, nm), small = vd_max(x, nm);
    *lo = vd_sub(small, vd_sub(s, big));
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

/// β·(hi + lo) as p + *pl: p = β·hi rounded, *pl its exact error (one FMA) plus β·lo (as times_beta_f32).
static inline __attribute__((always_inline)) vd ISA_NAME(times_beta_f64)(vd b, vd hi, vd lo, vd *pl) {
    vd p = vd_mul(b, hi);
    *pl = vd_add(vd_fms(b, hi, p), vd_mul(b, lo));
    return p;
}

/// e^(β·(x − m)) for one vector, β = b when `scaled` (a constant; 1 otherwise), also returning hi, the
/// x − m of the exact split.
static inline __attribute__((always_inline)) vd ISA_NAME(exp_row_step_f64)(vd x, vd m, vd nm, vd b, vd *hi,
                                                                          const int scaled) {
    vd lo;
    *hi = ISA_NAME(diff_f64)(x, m, nm, &lo);
    if (!scaled) return ISA_NAME(exp_pair_f64)(*hi, lo);
    vd pl, p = ISA_NAME(times_beta_f64)(b, *hi, lo, &pl);
    return ISA_NAME(exp_pair_f64)(p, pl);
}

/// 1/t as the pair fh + fl (fl = (1 − fh·t)·fh, the residual by one FMA), so that y·fh + y·fl is y/t
/// rounded once without a division per vector.
static inline void ISA_NAME(inverse_pair_f64)(vd t, vd *fh, vd *fl) {
    *fh = vd_div(vd_set(1), t);
    *fl = vd_mul(vd_fms(vd_sub(vd_set(0), *fh), t, vd_set(-1)), *fh);
}

/// y·(fh + fl), one rounding.
static inline vd ISA_NAME(times_pair_f64)(vd y, vd fh, vd fl) { return vd_fma(y, fh, vd_mul(y, fl)); }

/// Neumaier's TwoSum step of a lane-wise compensated sum.
static inline void ISA_NAME(two_sum_f64)(vd *hi, vd *lo, vd x) {
    vd s = vd_add(*hi, x), bb = vd_sub(s, *hi);
    *lo = vd_add(*lo, vd_add(vd_sub(*hi, vd_sub(s, bb)), vd_sub(x, bb)));
    *hi = s;
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
