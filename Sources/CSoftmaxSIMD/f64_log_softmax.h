// Double log-softmax: x − max − ln Σ, ln Σ in double-double as log1p of the mass off the maxima; short
// rows (at most four vectors) in groups of four, longer rows one by one. A template: include it after
// f64_softmax.h.
#include "log1p_dd.h"

/// One vector of log-softmax, β·(x − m) − (Lh + Ll) (b and `scaled` as in exp_row_step_f64). At β = 1
/// it is ((x − m) − Lh) − Ll, three roundings: x − m ≤ 0 and Lh + Ll = ln Σ ≥ 0 add with one sign, so
/// each is at most half an ulp of the output, 1.5 ulps in all. ln Σ errs at most 1.7·2^-53 of itself
/// from the exps (f64_common.h) and 0.2·2^-53 in log1p_dd (the mass is summed exactly, the count of
/// maxima added exactly), at most 1.9 ulps of the output as ln Σ ≤ |output|: 3.4 < 4. At other β,
/// (hi − Lh) + (lo − Ll) for the pair hi + lo of β·(x − m), lo dropped where hi = −inf (x = −inf, or
/// x − m overflowed), as it is NaN or +inf there.
static inline __attribute__((always_inline)) vd ISA_NAME(log_step_f64)(vd x, vd m, vd nm, vd b, vd lh, vd ll,
                                                                      const int scaled) {
    if (!scaled) return vd_sub(vd_sub(vd_sub(x, m), lh), ll);
    vd lo, hi = ISA_NAME(diff_f64)(x, m, nm, &lo);
    hi = ISA_NAME(times_beta_f64)(b, hi, lo, &lo);
    return vd_add(vd_sub(hi, lh), vd_sub(vd_zero_where(vd_lt(hi, vd_set(-DBL_MAX)), lo), ll));
}

/// ln Σ = log1p(mass off the maxima + at_max − 1) as *lh + *ll (broadcast), the mass given as the
/// pair mh + ml.
static inline void csm_log_sum_f64(double mh, double ml, int at_max, vd *lh, vd *ll) {
    double th, tl, h, l;
    csm_two_sum(mh, at_max - 1, &th, &tl);
    csm_log1p_dd(th, tl + ml, &h, &l);
    *lh = vd_set(h);
    *ll = vd_set(l);
}

/// Log-softmax row by row; β as in softmax_long_rows_f64.
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_long_rows_f64)(const double *x, double *y,
                                                                                  size_t rows, size_t n,
                                                                                  size_t stride, vd b,
                                                                                  const int scaled) {
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
            vd e = ISA_NAME(exp_row_step_f64)(v, m, nm, b, &hi, scaled);
            md top = vd_eq(hi, zero);
            at_max += md_count(top);
            ISA_NAME(two_sum_f64)(&oh, &ol, vd_zero_where(top, e));
        }
        double mh, ml;
        vd lh, ll;
        ISA_NAME(sum_lanes_pair_f64)(oh, ol, &mh, &ml);
        csm_log_sum_f64(mh, ml, at_max, &lh, &ll);
        for (i = 0; i + VD_W <= n; i += VD_W)
            vd_store(yr + i, ISA_NAME(log_step_f64)(vd_load(xr + i), m, nm, b, lh, ll, scaled));
        if (i < n)
            vd_store_tail(yr + i, ISA_NAME(log_step_f64)(vd_load_tail(xr + i, n - i, -INFINITY), m, nm, b, lh, ll, scaled),
                          n - i);
    }
    return rows;
}

/// Log-softmax of rows of at most nv vectors, four rows at a time (see short_row_groups_f64, f64_softmax.h).
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_short_row_groups_f64)(const double *x, double *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, vd b, const int nv,
                                                                                   const int scaled) {
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
                vd e = ISA_NAME(exp_row_step_f64)(v[j][k], m[j], nm[j], b, &hi, scaled);
                md top = vd_eq(hi, zero);
                at_max[j] += md_count(top);
                ISA_NAME(two_sum_f64)(&oh[j], &ol[j], vd_zero_where(top, e));
            }
        }
        vd off_h, off_l;
        vd_group_sum_pair(oh, ol, &off_h, &off_l);
        for (int j = 0; j < 4; j++) {
            double mh, ml;
            vd lh, ll;
            vd_store_tail(&mh, vd_group_lane(off_h, j), 1);
            vd_store_tail(&ml, vd_group_lane(off_l, j), 1);
            csm_log_sum_f64(mh, ml, at_max[j], &lh, &ll);
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f64)(y + (row + j) * stride, n, k,
                                         ISA_NAME(log_step_f64)(v[j][k], m[j], nm[j], b, lh, ll, scaled));
        }
    }
    return row;
}

/// Log-softmax of a batch, β as in softmax_long_rows_f64.
static inline __attribute__((always_inline)) size_t ISA_NAME(log_softmax_batch_f64)(const double *x, double *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, double beta,
                                                                                   const int scaled) {
    vd b = vd_set(beta);
    size_t done = 0;
    switch (n == 0 ? 0 : (n + VD_W - 1) / VD_W) {
    case 1: done = ISA_NAME(log_softmax_short_row_groups_f64)(x, y, rows, n, stride, b, 1, scaled); break;
    case 2: done = ISA_NAME(log_softmax_short_row_groups_f64)(x, y, rows, n, stride, b, 2, scaled); break;
    case 3: done = ISA_NAME(log_softmax_short_row_groups_f64)(x, y, rows, n, stride, b, 3, scaled); break;
    case 4: done = ISA_NAME(log_softmax_short_row_groups_f64)(x, y, rows, n, stride, b, 4, scaled); break;
    default: break;
    }
    return done + ISA_NAME(log_softmax_long_rows_f64)(x + done * stride, y + done * stride, rows - done, n, stride, b,
                                                 scaled);
}

/// Log-softmax at any finite β > 0 (0 rows done for another β).
static size_t ISA_NAME(log_softmax_f64)(const double *x, double *y, size_t rows, size_t n, size_t stride,
                                         double beta) {
    if (!(beta > 0 && beta <= DBL_MAX)) return 0;
    return beta == 1 ? ISA_NAME(log_softmax_batch_f64)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(log_softmax_batch_f64)(x, y, rows, n, stride, beta, 1);
}
