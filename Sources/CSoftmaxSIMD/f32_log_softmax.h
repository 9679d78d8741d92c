// Float log-softmax: x − max − ln Σ, ln Σ as log1p of the mass off the maxima; short rows (at most
// four vectors) in groups of four, medium rows (at most MEDIUM_ROWS_MAX) four at a time vector by
// vector, longer rows one by one. A template: include it after f32_softmax_medium_rows.h.
#include "log1p_fast.h"

/// One vector of log-softmax, β·(x − m) − (Lh + Ll) (b and `scaled` as in exp_row_step_f32's mode). At β = 1
/// it is ((x − m) − Lh) − Ll, three roundings: x − m ≤ 0 and Lh + Ll = ln Σ ≥ 0 add with one sign, so
/// each rounding is at most half an ulp of the output, 1.5 ulps in all (ln Σ's own error, at most
/// (1.333 + 1)·2^-24 of ln Σ from the exps and their pairs, see f32_common.h, takes it to 3.83 < 4).
/// At other β, (hi − Lh) + (lo − Ll) for the pair hi + lo of β·(x − m), as rounding β·(x − m) would
/// add an ulp; lo dropped where hi = −inf (x = −inf, or x − m overflowed), as it is NaN or +inf there.
static inline __attribute__((always_inline)) vf ISA_NAME(log_step_f32)(vf x, vf m, vf nm, vf b, vf lh, vf ll,
                                                                      const int scaled) {
    if (!scaled) return vf_sub(vf_sub(vf_sub(x, m), lh), ll);
    vf lo, hi = ISA_NAME(diff_f32)(x, m, nm, &lo);
    hi = ISA_NAME(times_beta_f32)(b, hi, lo, &lo);
    return vf_add(vf_sub(hi, lh), vf_sub(vf_zero_where(vf_lt(hi, vf_set(-FLT_MAX)), lo), ll));
}

/// The argument of log1p for a row's ln Σ: its mass off the maxima plus its count of maxima less one;
/// −1 when that is below 2^-100 and not every entry is a maximum, as the terms may then be float
/// subnormals, too coarse for log1p: the row is the caller's.
static inline double csm_log_sum_arg_f32(double off, int at_max, size_t n) {
    double t = off + (at_max - 1);
    return t < 0x1p-100 && at_max != (int)n ? -1 : t;
}

/// y = β·(x − m) − (lh + ll) for a row.
static inline __attribute__((always_inline)) void ISA_NAME(log_store_f32)(const float *x, float *y, size_t n, vf m,
                                                                         vf nm, vf b, vf lh, vf ll, const int scaled) {
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) vf_store(y + i, ISA_NAME(log_step_f32)(vf_load(x + i), m, nm, b, lh, ll, scaled));
    if (i < n)
        vf_store_tail(y + i, ISA_NAME(log_step_f32)(vf_load_tail(x + i, n - i, -INFINITY), m, nm, b, lh, ll, scaled), n - i);
}

/// The masses off the maxima of R rows (hi = 0 exactly there), Σ e^(x − m) over x ≠ m, in double,
/// into off, and the counts of maxima; the R rows go vector by vector together, so that their chains
/// (exps, sums, the horizontal sum) overlap, and share the mode. Pairs of terms are
/// added before the double sums (one rounding, at most 2^-24 relative to the pair). No prefetch of
/// the next row: it made 4096×1024 4% slower in Float (Double keeps its own, which pays).
static inline __attribute__((always_inline)) void ISA_NAME(off_mass_f32)(const float *x, size_t n, size_t stride,
                                                                        const vf *m, const vf *nm, vf b,
                                                                        double *off, int *at_max, const int R,
                                                                        const exp_mode_f32 mode) {
    vd s0[4], s1[4];
    vf hi, zero = vf_set(0);
    int count[4] = {0};
    for (int r = 0; r < R; r++) s0[r] = s1[r] = vd_set(0);
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W)  // pairs of exps added before the double sums, as one row's
        for (int r = 0; r < R; r++) {
            const float *p = x + r * stride + i;
            vf hj, e0 = ISA_NAME(exp_row_step_f32)(vf_load(p), m[r], nm[r], b, &hi, mode);
            vf e1 = ISA_NAME(exp_row_step_f32)(vf_load(p + VF_W), m[r], nm[r], b, &hj, mode);
            mf t0 = vf_eq(hi, zero), t1 = vf_eq(hj, zero);
            count[r] += mf_count(t0) + mf_count(t1);
            vf_add_wide(vf_add(vf_zero_where(t0, e0), vf_zero_where(t1, e1)), &s0[r], &s1[r]);
        }
    for (; i + VF_W <= n; i += VF_W)
        for (int r = 0; r < R; r++) {
            vf e = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, mode);
            mf top = vf_eq(hi, zero);
            count[r] += mf_count(top);
            vf_add_wide(vf_zero_where(top, e), &s0[r], &s1[r]);
        }
    if (i < n)  // the tail's padding is −inf, which needs the clamp
        for (int r = 0; r < R; r++) {
            vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + r * stride + i, n - i, -INFINITY), m[r], nm[r], b, &hi,
                                              clamped_f32(mode));
            mf top = vf_eq(hi, zero);
            count[r] += mf_count(top);
            vf_add_wide(vf_zero_where(top, e), &s0[r], &s1[r]);
        }
    for (int r = 0; r < R; r++) {
        off[r] = vd_hsum(vd_add(s0[r], s1[r]));
        at_max[r] = count[r];
    }
}

/// Log-softmax of rows of at most MEDIUM_ROWS_MAX elements, MEDIUM_GROUP at a time (their masses off the
/// maxima by off_mass_f32); returns the rows done: it stops before a group with a row that
/// log_softmax_long_rows_f32 would decline, which then takes the group again.
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_medium_rows_f32)(const float *x, float *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, float beta,
                                                                                   const int scaled) {
    vf b = vf_set(beta), m[4], nm[4];
    size_t row = 0;
    for (; row + MEDIUM_GROUP <= rows; row += MEDIUM_GROUP) {
        const float *xg = x + row * stride;
        float mx[4];
        double off[4];
        int ok = 1, all = 1, at_max[4];
        for (int r = 0; r < MEDIUM_GROUP; r++) {
            float mn;
            ok &= ISA_NAME(row_range_f32)(xg + r * stride, n, &mx[r], &mn);
            all &= (scaled ? beta * (mn - mx[r]) : mn - mx[r]) >= EXP_F32_UNCLAMPED_FLOOR;
            m[r] = vf_set(mx[r]);
            nm[r] = vf_set(-mx[r]);
        }
        if (!ok) break;
        if (all) ISA_NAME(off_mass_f32)(xg, n, stride, m, nm, b, off, at_max, MEDIUM_GROUP, shifted_f32(SPLIT_ANY, 0, scaled));
        else ISA_NAME(off_mass_f32)(xg, n, stride, m, nm, b, off, at_max, MEDIUM_GROUP, shifted_f32(SPLIT_ANY, 1, scaled));
        int small = 0;
        for (int r = 0; r < MEDIUM_GROUP; r++) {
            off[r] = csm_log_sum_arg_f32(off[r], at_max[r], n);
            small |= off[r] < 0;
        }
        if (small) break;
        for (int r = 0; r < MEDIUM_GROUP; r++) {
            vf lh, ll;
            ISA_NAME(scale_factor_f32)(csm_log1p_fast(off[r]), &lh, &ll);
            ISA_NAME(log_store_f32)(xg + r * stride, y + (row + r) * stride, n, m[r], nm[r], b, lh, ll, scaled);
        }
    }
    return row;
}

/// Log-softmax row by row; β as in softmax_long_rows_f32.
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_long_rows_f32)(const float *x, float *y,
                                                                                  size_t rows, size_t n,
                                                                                  size_t stride, float beta,
                                                                                  const int scaled) {
    size_t row = n <= MEDIUM_ROWS_MAX ? ISA_NAME(log_softmax_medium_rows_f32)(x, y, rows, n, stride, beta, scaled) : 0;
    vf b = vf_set(beta);
    for (; row < rows; row++) {
        const float *xr = x + row * stride;
        float *yr = y + row * stride;
        float mx, mn;
        int at_max;
        if (!ISA_NAME(row_range_f32)(xr, n, &mx, &mn)) return row;
        vf m = vf_set(mx), nm = vf_set(-mx);
        double off;
        CSM_SHIFTED_MODES(ISA_NAME(off_mass_f32)(xr, n, stride, &m, &nm, b, &off, &at_max, 1, CSM_MODE), mx, mn, beta,
                          scaled);
        off = csm_log_sum_arg_f32(off, at_max, n);
        if (off < 0) return row;
        vf lh, ll;
        ISA_NAME(scale_factor_f32)(csm_log1p_fast(off), &lh, &ll);
        ISA_NAME(log_store_f32)(xr, yr, n, m, nm, b, lh, ll, scaled);
    }
    return rows;
}

/// Log-softmax of rows of at most nv vectors, four rows at a time (see short_row_groups_f32).
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_short_row_groups_f32)(const float *x, float *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, vf b, const int nv,
                                                                                   const int scaled) {
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
                vf e = ISA_NAME(exp_row_step_f32)(v[j][k], m[j], nm[j], b, &hi, shifted_f32(SPLIT_ANY, 1, scaled));
                mf top = vf_eq(hi, zero);
                at_max += mf_count(top);
                vf_add_wide(vf_zero_where(top, e), &s0, &s1);
            }
            off[j] = csm_log_sum_arg_f32(vd_hsum(vd_add(s0, s1)), at_max, n);
            if (off[j] < 0) return row;
        }
        for (int j = 0; j < 4; j++) {
            vf vlh, vll;
            ISA_NAME(scale_factor_f32)(csm_log1p_fast(off[j]), &vlh, &vll);
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f32)(y + (row + j) * stride, n, k,
                                         ISA_NAME(log_step_f32)(v[j][k], m[j], nm[j], b, vlh, vll, scaled));
        }
    }
    return row;
}

/// Log-softmax of the short rows (at most four vectors) at the start of a batch; returns the rows done.
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_short_rows_f32)(const float *x, float *y,
                                                                                    size_t rows, size_t n,
                                                                                    size_t stride, float beta,
                                                                                    const int scaled) {
    vf b = vf_set(beta);
    switch (n == 0 ? 0 : (n + VF_W - 1) / VF_W) {
    case 1: return ISA_NAME(log_softmax_short_row_groups_f32)(x, y, rows, n, stride, b, 1, scaled);
    case 2: return ISA_NAME(log_softmax_short_row_groups_f32)(x, y, rows, n, stride, b, 2, scaled);
    case 3: return ISA_NAME(log_softmax_short_row_groups_f32)(x, y, rows, n, stride, b, 3, scaled);
    case 4: return ISA_NAME(log_softmax_short_row_groups_f32)(x, y, rows, n, stride, b, 4, scaled);
    default: return 0;
    }
}

/// Log-softmax of a batch; β as in softmax_batch_f32.
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_batch_f32)(const float *x, float *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, float beta,
                                                                                   const int scaled) {
    size_t done = ISA_NAME(log_softmax_short_rows_f32)(x, y, rows, n, stride, beta, scaled);
    return done + ISA_NAME(log_softmax_long_rows_f32)(x + done * stride, y + done * stride, rows - done, n, stride, beta,
                                                 scaled);
}

/// Log-softmax at any finite β > 0 (0 rows done for another β).
static size_t ISA_NAME(log_softmax_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride, float beta) {
    if (!(beta > 0 && beta <= FLT_MAX)) return 0;
    return beta == 1 ? ISA_NAME(log_softmax_batch_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(log_softmax_batch_f32)(x, y, rows, n, stride, beta, 1);
}
