// The building blocks of the Float row kernels (the exp, the exact split of x − max, the sums, the
// scale by 1/Σ, groups of short rows), written once over the vector operations of ops_avx2.h /
// ops_avx512.h and compiled once per instruction set. A template: include it after one ops_*.h and a
// definition of ISA_NAME(name), which names each instruction set's copy (avx2.c, avx512.c).
//
// Accuracy (the `simd` bounds: Float softmax 4.2 ulps, log-softmax 4): x − max is kept as the exact
// pair hi + lo (Fast2Sum with the operands ordered by magnitude) and lo enters the reduced argument of
// exp, or the softmax takes e^x unshifted (SPLIT_NONE: x is exact as it is) where its Σ shows that it
// may (csm_unshifted_inverse_f32) or its max lies in [0, 64]. The exp is Cody–Waite range reduction by
// ln 2 (a 9-bit high part, so k·C1 and hi − k·C1 are exact; the reduced argument r rounds once, by at
// most ulp(r)/2), e^r = 1 + r·(1 + r·u(r)) by Horner's scheme with u a degree-4 fit of
// (e^r − 1 − r)/r², and an exact scaling by 2^k: within E = 1.333·2^-24 of e^(hi + lo), exhaustively
// over every float r (tools/exp-bound). Sums add pairs of exps (one rounding, at most 2^-24 relative to
// the pair) into exact Fast2Sum float pairs (ordered by a max and a min where no bound on the terms is
// known) flushed to double, or (rows of one vector, vf_rows_inverse) in double; rows of 17 to 64
// elements (9 to 64 with AVX2) sum in double with no pairs. The final scale multiplies by 1/Σ as a
// float pair (fh + fl), so it rounds once. Worst case before that rounding 2E + 2^-24 relative (2E
// with no pairs), so 4.17 ulps (3.17) after it; measured about 2.
#include "csoftmax_simd.h" /* csm_unshifted_inverse_f32 */
#include <float.h>
#include <math.h>
#include <stdint.h>

#define F32_MAGIC 12582912.0f /* 1.5·2^23: adding it rounds to an integer */
#define FAST_SUM_BIAS 2.0f      /* the start of a Fast2Sum running sum: at least every term (a pair of exps) */
#define FAST_SUM_FLUSH 1024     /* vectors between flushes of a float pair sum to double */

/// The lanes' maxima and minima over a row (the tail is padded with −inf for the max, +inf for the min).
static inline __attribute__((always_inline)) void ISA_NAME(range_lanes_f32)(const float *x, size_t n, vf *max, vf *min) {
    vf a = vf_set(-INFINITY), b = vf_set(-INFINITY), lo = vf_set(INFINITY);
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {
        vf u = vf_load(x + i), v = vf_load(x + i + VF_W);
        a = vf_max(a, u);
        b = vf_max(b, v);
        lo = vf_min(lo, vf_min(u, v));
    }
    for (; i < n; i += VF_W) {
        vf v = i + VF_W <= n ? vf_load(x + i) : vf_load_tail(x + i, n - i, -INFINITY);
        a = vf_max(a, v);
        lo = vf_min(lo, i + VF_W <= n ? v : vf_load_tail(x + i, n - i, INFINITY));
    }
    *max = vf_max(a, b);
    *min = lo;
}

/// The row maximum and minimum; returns 0 when the maximum is not finite (+inf, no finite entry, or a
/// NaN that reached it): the caller's path. A NaN elsewhere needs no test: the exp keeps NaN lanes
/// NaN, so Σ and every output are NaN, as the "limit" policy wants.
static inline int ISA_NAME(row_range_f32)(const float *x, size_t n, float *max, float *min) {
    vf a, lo;
    ISA_NAME(range_lanes_f32)(x, n, &a, &lo);
    float m = vf_hmax(a);
    *max = m;
    *min = vf_hmin(lo);
    return isfinite(m);
}

/// How x − max is split exactly into hi + lo by Fast2Sum, which needs the operand of larger
/// magnitude first: ordered lane by lane with a min and a max (any row), or known for the whole row;
/// or not at all (SPLIT_NONE, softmax only): the exps are taken of x itself, unshifted (see
/// csm_unshifted_f32 and csm_unshifted_inverse_f32). SPLIT_NONE rows clamp unless
/// csm_unshifted_try_f32 says they need not, and sum by ordered_sum_f32, as no bound on their terms is.
enum { SPLIT_ANY = 0, SPLIT_X_LARGER = 1, SPLIT_MAX_LARGER = 2, SPLIT_NONE = 3 };

/// How the exps of a row are taken: `split` (SPLIT_*), `clamp` (whether the exp clamps its argument at
/// −110, see exp_pair_f32) and `scaled` (whether β ≠ 1 multiplies the argument; β = 1 costs nothing).
/// Always a constant where it is passed, so that each mode compiles to its own loop with only its own
/// operations; built by unshifted_f32 and shifted_f32.
typedef struct {
    int split, clamp, scaled;
} exp_mode_f32;

/// The exps e^(β·x) of a row taken unshifted, with no look at its max (SPLIT_NONE).
static inline exp_mode_f32 unshifted_f32(int clamp, int scaled) { return (exp_mode_f32){SPLIT_NONE, clamp, scaled}; }
/// The exps e^(β·(x − max)) of a row, x − max split as `split` says.
static inline exp_mode_f32 shifted_f32(int split, int clamp, int scaled) {
    return (exp_mode_f32){split, clamp, scaled};
}
/// `mode` with the clamp: for a row's tail, padded with −inf.
static inline exp_mode_f32 clamped_f32(exp_mode_f32 mode) { return (exp_mode_f32){mode.split, 1, mode.scaled}; }

/// 1 when a softmax row whose β·max is bm may skip the shift by its max: with bm in [0, 64] no exp
/// overflows (n·e^64 is far below FLT_MAX), and Σ ≥ 1 makes every output no larger than its own exp,
/// so an exp that underflows belongs to an output that underflows as far. Saves the exact split's
/// three to five operations a vector.
#define UNSHIFTED_MAX_F32 64.0f
static inline int csm_unshifted_f32(float bm) { return bm >= 0 && bm <= UNSHIFTED_MAX_F32; }

/// How a softmax row into another buffer is taken first: its max read first (UNSHIFTED_NO), or unshifted
/// with no look at it, its exps clamped (UNSHIFTED_CLAMPED) or not (UNSHIFTED_BARE, where
/// EXP_F32_UNSHIFTED_UNCLAMPED: the clamp is one of the few operations a vector on the adders, which
/// are the busier units there).
enum { UNSHIFTED_NO = 0, UNSHIFTED_CLAMPED = 1, UNSHIFTED_BARE = 2 };
#define UNSHIFTED_FIRST_TRY (EXP_F32_UNSHIFTED_UNCLAMPED ? UNSHIFTED_BARE : UNSHIFTED_CLAMPED)

/// The first try of the rows after one whose β·max (bm) and β·min (bn) were read: bare again only where
/// that row's entries were all at least EXP_F32_UNCLAMPED_FLOOR, so a batch with −inf entries (masked
/// rows) keeps its clamp and does not fail a bare pass on every row.
static inline int csm_unshifted_try_f32(float bm, float bn) {
    if (!csm_unshifted_f32(bm)) return UNSHIFTED_NO;
    return bn >= EXP_F32_UNCLAMPED_FLOOR ? UNSHIFTED_FIRST_TRY : UNSHIFTED_CLAMPED;
}

/// The start of the running sums of a row: 0 unshifted (ordered_sum_f32 needs none), and FAST_SUM_BIAS
/// after the shift by the max (every exp ≤ 1, so every term of fast_sum_f32 at most the bias).
static inline float csm_sum_start_f32(int split) { return split == SPLIT_NONE ? 0 : FAST_SUM_BIAS; }

/// The cheapest split for a row of this max and min: max ≤ 0 gives |x| ≥ |max| for every x ≤ max,
/// and min ≥ −max gives |x| ≤ max.
static inline int csm_split_f32(float max, float min) {
    return max <= 0 ? SPLIT_X_LARGER : min >= -max ? SPLIT_MAX_LARGER : SPLIT_ANY;
}

/// x − m as hi + lo exactly (nm = −m) by Fast2Sum, its operands ordered as `split` says: with m > 0,
/// min(x, −m) is the larger in magnitude, and with m ≤ 0 it is x. Where hi = −inf (x = −inf, or x − m
/// overflowed) lo is NaN or +inf: callers drop it there.
static inline __attribute__((always_inline)) vf ISA_NAME(split_diff_f32)(vf x, vf m, vf nm, vf *lo, const int split) {
    vf s = vf_sub(x, m);
    if (split == SPLIT_X_LARGER) {
        *lo = vf_sub(nm, vf_sub(s, x));
    } else if (split == SPLIT_MAX_LARGER) {
        *lo = vf_sub(x, vf_add(s, m));
    } else {
        vf big = vf_min(x, nm), small = vf_max(x, nm);
        *lo = vf_sub(small, vf_sub(s, big));
    }
    return s;
}

/// x − m as hi + lo exactly for any row (split_diff_f32 with SPLIT_ANY).
static inline vf ISA_NAME(diff_f32)(vf x, vf m, vf nm, vf *lo) {
    return ISA_NAME(split_diff_f32)(x, m, nm, lo, SPLIT_ANY);
}

/// e^(hi + lo) for hi ≤ 64 (−inf included), |lo| ≤ ulp(hi)/2: within ~1 ulp; 0 below e^-110. With
/// clamp = 0 (a constant) it skips the clamp at −110, for rows whose hi are all finite and at least
/// EXP_F32_UNCLAMPED_FLOOR (the range where the scaling by 2^k still rounds to 0 correctly). With
/// exact = 1 (a constant) lo is 0 and not read: hi is the exact argument.
static inline __attribute__((always_inline)) vf ISA_NAME(exp_pair_f32)(vf hi, vf lo, const int clamp,
                                                                      const int exact) {
    vf h = hi, l = lo;
    if (clamp) {
        if (!exact) l = vf_zero_where(vf_lt(hi, vf_set(-110.0f)), lo);
        h = vf_max(vf_set(-110.0f), hi);  // in this order a NaN hi stays NaN
    }
    vf t = vf_fma(h, vf_set(1.44269504f), vf_set(F32_MAGIC));
    vf k = vf_sub(t, vf_set(F32_MAGIC));
    vf r1 = vf_fma(k, vf_set(-0.693359375f), h);
    vf r = exact ? vf_fma(k, vf_set(2.12194440e-4f), r1) : vf_add(r1, vf_fma(k, vf_set(2.12194440e-4f), l));
    // e^r = 1 + r·(1 + r·u(r)), u a degree-4 minimax fit of (e^r − 1 − r)/r² (tools/fit-exp-f32),
    // by Horner's scheme: its last FMA adds the 1 with the only rounding that counts in full, so it
    // errs less than Estrin's scheme with a final addition (1.05 against 1.22·2^-24, tools/exp-bound)
    // in one operation fewer.
    vf p = vf_fma(vf_set(0x1.6a2284p-10f), r, vf_set(0x1.123ae6p-7f));
    p = vf_fma(p, r, vf_set(0x1.5558f8p-5f));
    p = vf_fma(p, r, vf_set(0x1.555490p-3f));
    p = vf_fma(p, r, vf_set(0x1.fffffcp-2f));
    p = vf_fma(p, r, vf_set(1.0f));
    vf er = vf_fma(p, r, vf_set(1.0f));
    return vf_ldexp(er, k, t);
}

/// β·(hi + lo) as p + *pl: p = β·hi rounded, *pl its exact error (one FMA) plus β·lo. NaN in *pl
/// where hi = −inf, as lo is.
static inline __attribute__((always_inline)) vf ISA_NAME(times_beta_f32)(vf b, vf hi, vf lo, vf *pl) {
    vf p = vf_mul(b, hi);
    *pl = vf_add(vf_fms(b, hi, p), vf_mul(b, lo));
    return p;
}

/// One vector of a row: e^(β·(x − m)), β = b when mode.scaled (β = 1 otherwise, at no cost), also
/// returning hi, the x − m of the exact split (mode.clamp: see exp_pair_f32; mode.split:
/// split_diff_f32). Unshifted (SPLIT_NONE) it is e^(β·x) (hi = x), its argument held by
/// vf_exp_ceiling (clamp: see csm_unshifted_try_f32).
static inline __attribute__((always_inline)) vf ISA_NAME(exp_row_step_f32)(vf x, vf m, vf nm, vf b, vf *hi,
                                                                          const exp_mode_f32 mode) {
    vf lo;
    if (mode.split == SPLIT_NONE) {
        *hi = x;
        if (!mode.scaled) return ISA_NAME(exp_pair_f32)(vf_exp_ceiling(x), x, mode.clamp, 1);
        vf p = vf_mul(b, x);
        return ISA_NAME(exp_pair_f32)(vf_exp_ceiling(p), vf_fms(b, x, p), mode.clamp, 0);
    }
    *hi = ISA_NAME(split_diff_f32)(x, m, nm, &lo, mode.split);
    if (!mode.scaled) return ISA_NAME(exp_pair_f32)(*hi, lo, mode.clamp, 0);
    vf pl, p = ISA_NAME(times_beta_f32)(b, *hi, lo, &pl);
    return ISA_NAME(exp_pair_f32)(p, pl, mode.clamp, 0);
}

/// e^(x − m) for one vector of any row, also returning hi = x − m rounded.
static inline __attribute__((always_inline)) vf ISA_NAME(exp_step_f32)(vf x, vf m, vf nm, vf *hi, const int clamp) {
    return ISA_NAME(exp_row_step_f32)(x, m, nm, m, hi, shifted_f32(SPLIT_ANY, clamp, 0));
}

/// a·(h + l) rounded once: the product by a double factor held as the float pair h + l.
static inline __attribute__((always_inline)) vf ISA_NAME(times_pair_f32)(vf a, vf h, vf l) {
    return vf_fma(a, h, vf_mul(a, l));
}

/// f as the float pair *h + *l (broadcast): a scale 1/Σ applied with one rounding, or a log-softmax's
/// ln Σ.
static inline void ISA_NAME(scale_factor_f32)(double f, vf *h, vf *l) {
    float fh = (float)f;
    *h = vf_set(fh);
    *l = vf_set((float)(f - fh));
}

/// One vector of y times h + l, rounded once.
static inline __attribute__((always_inline)) void ISA_NAME(scale_at_f32)(float *y, vf h, vf l) {
    vf e = vf_load(y);
    vf_store(y, ISA_NAME(times_pair_f32)(e, h, l));
}

/// The first k lanes of y times h + l, rounded once.
static inline void ISA_NAME(scale_tail_f32)(float *y, size_t k, vf h, vf l) {
    vf e = vf_load_tail(y, k, 0);
    vf_store_tail(y, ISA_NAME(times_pair_f32)(e, h, l), k);
}

/// y *= h + l over n elements.
static inline void ISA_NAME(scale_by_f32)(float *y, size_t n, vf h, vf l) {
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) ISA_NAME(scale_at_f32)(y + i, h, l);
    if (i < n) ISA_NAME(scale_tail_f32)(y + i, n - i, h, l);
}

/// y *= fh + fl (one rounding of y·f for the float pair of a double f).
static inline void ISA_NAME(scale_f32)(float *y, size_t n, double f) {
    vf h, l;
    ISA_NAME(scale_factor_f32)(f, &h, &l);
    ISA_NAME(scale_by_f32)(y, n, h, l);
}

/// Adds e (every lane in [0, bias]) to the float pair (*h, *l) by Fast2Sum, exact because *h starts at
/// the bias (FAST_SUM_BIAS) and never drops below a term; *l gathers the rounding errors. Cheaper than
/// widening to double, and as accurate for Σ once the pair is flushed to double every FAST_SUM_FLUSH
/// vectors.
static inline void ISA_NAME(fast_sum_f32)(vf *h, vf *l, vf e) {
    vf t = vf_add(*h, e);
    *l = vf_add(*l, vf_sub(e, vf_sub(t, *h)));
    *h = t;
}

/// fast_sum_f32 for terms of any size (e ≥ 0): the Fast2Sum operands ordered by a max and a min, so it
/// stays exact when a term exceeds the running sum; for rows whose terms are not bounded in advance.
static inline void ISA_NAME(ordered_sum_f32)(vf *h, vf *l, vf e) {
    vf t = vf_add(*h, e);
    *l = vf_add(*l, vf_sub(vf_min(*h, e), vf_sub(t, vf_max(*h, e))));
    *h = t;
}

/// Adds the term e of a row's running sum by the rule of its split (see csm_sum_start_f32).
static inline __attribute__((always_inline)) void ISA_NAME(row_sum_f32)(vf *h, vf *l, vf e, const int split) {
    if (split == SPLIT_NONE) ISA_NAME(ordered_sum_f32)(h, l, e); else ISA_NAME(fast_sum_f32)(h, l, e);
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

/// Runs `stmt` with CSM_MODE, the exp_mode_f32 of a row of this max, min and β after the shift by
/// its max, as a constant (the split orders x and max, before any β; the clamp is needed where some
/// β·(x − max) is below EXP_F32_UNCLAMPED_FLOOR): one copy of the loop per mode, each with only its
/// own operations.
#define CSM_SHIFTED_MODES(stmt, mx, mn, beta, scaled)                                                        \
    do {                                                                                                       \
        int clamp_ = (beta) * ((mn) - (mx)) < EXP_F32_UNCLAMPED_FLOOR;                                         \
        switch (clamp_ * 3 + csm_split_f32(mx, mn)) {                                                          \
        case 0: { const exp_mode_f32 CSM_MODE = shifted_f32(SPLIT_ANY, 0, scaled); stmt; } break;              \
        case 1: { const exp_mode_f32 CSM_MODE = shifted_f32(SPLIT_X_LARGER, 0, scaled); stmt; } break;         \
        case 2: { const exp_mode_f32 CSM_MODE = shifted_f32(SPLIT_MAX_LARGER, 0, scaled); stmt; } break;       \
        case 3: { const exp_mode_f32 CSM_MODE = shifted_f32(SPLIT_ANY, 1, scaled); stmt; } break;              \
        case 4: { const exp_mode_f32 CSM_MODE = shifted_f32(SPLIT_X_LARGER, 1, scaled); stmt; } break;         \
        default: { const exp_mode_f32 CSM_MODE = shifted_f32(SPLIT_MAX_LARGER, 1, scaled); stmt; } break;      \
        }                                                                                                      \
    } while (0)
