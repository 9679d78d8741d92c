// Float16 log-softmax: blocks of rows through the f32 kernel in a stack scratch, and rows longer than
// the scratch in three passes over the binary16 data: max, the mass off the maxima, then x − max − ln Σ
// with ln Σ as log1p of that mass (the method of f32_log_softmax.h). A template: include it after f16_common.h.
#include "log1p_fast.h"

/// The mass off the maxima of a binary16 row, Σ e^(x − m) over x ≠ m, in double, and the count of
/// maxima (as off_mass_f32).
static inline __attribute__((always_inline)) double ISA_NAME(off_mass_f16)(const uint16_t *x, size_t n, vf m, vf nm,
                                                                          int *at_max, const int clamp) {
    vd s0 = vd_set(0), s1 = vd_set(0), s2 = vd_set(0), s3 = vd_set(0);
    vf hi, hj, zero = vf_set(0);
    int count = 0;
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {
        vf e0 = ISA_NAME(exp_step_f32)(vf_load_half(x + i), m, nm, &hi, clamp);
        vf e1 = ISA_NAME(exp_step_f32)(vf_load_half(x + i + VF_W), m, nm, &hj, clamp);
        mf t0 = vf_eq(hi, zero), t1 = vf_eq(hj, zero);
        count += mf_count(t0) + mf_count(t1);
        vf_add_wide(vf_zero_where(t0, e0), &s0, &s1);
        vf_add_wide(vf_zero_where(t1, e1), &s2, &s3);
    }
    for (; i < n; i += VF_W) {
        int full = i + VF_W <= n;  // the tail's padding is −inf, which needs the clamp
        vf e = full ? ISA_NAME(exp_step_f32)(vf_load_half(x + i), m, nm, &hi, clamp)
                    : ISA_NAME(exp_step_f32)(ISA_NAME(load_half_tail)(x + i, n - i, -INFINITY), m, nm, &hi, 1);
        mf top = vf_eq(hi, zero);
        count += mf_count(top);
        vf_add_wide(vf_zero_where(top, e), &s0, &s1);
    }
    *at_max = count;
    return vd_hsum(vd_add(vd_add(s0, s2), vd_add(s1, s3)));
}

/// One vector of log-softmax: the Float step (x − m exact, then (hi − Lh) + (lo − Ll)), at β = 1.
static inline vf ISA_NAME(log_step_f16)(vf x, vf m, vf nm, vf lh, vf ll) {
    return ISA_NAME(log_step_f32)(x, m, nm, m, lh, ll, 0);
}

/// Log-softmax of rows longer than the scratch, each value rounded once to binary16.
static size_t ISA_NAME(log_softmax_long_f16)(const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride) {
    for (size_t row = 0; row < rows; row++) {
        const uint16_t *xr = x + row * stride;
        uint16_t *yr = y + row * stride;
        float mx;
        int unclamped, at_max;
        if (!ISA_NAME(row_max_f16)(xr, n, &mx, &unclamped)) return row;
        vf m = vf_set(mx), nm = vf_set(-mx);
        double off = unclamped ? ISA_NAME(off_mass_f16)(xr, n, m, nm, &at_max, 0)
                               : ISA_NAME(off_mass_f16)(xr, n, m, nm, &at_max, 1);
        off = csm_log_sum_arg_f32(off, at_max, n);
        if (off < 0) return row;  // as the f32 kernel: the caller's path
        vf lh, ll;
        ISA_NAME(scale_factor_f32)(csm_log1p_fast(off), &lh, &ll);
        size_t i = 0;
        for (; i + VF_W <= n; i += VF_W) vf_store_half(yr + i, ISA_NAME(log_step_f16)(vf_load_half(xr + i), m, nm, lh, ll));
        if (i < n) {
            vf v = ISA_NAME(load_half_tail)(xr + i, n - i, -INFINITY);
            ISA_NAME(store_half_tail)(yr + i, ISA_NAME(log_step_f16)(v, m, nm, lh, ll), n - i);
        }
    }
    return rows;
}

/// Log-softmax of binary16 rows; returns the rows done (it stops before the first row it declines).
static size_t ISA_NAME(log_softmax_f16)(const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride,
                                    float beta) {
    if (n == 0) return 0;
    if (ISA_NAME(block_rows_f16)(n) > 0) return ISA_NAME(blocks_f16)(x, y, rows, n, stride, beta, ISA_ENTRY(log_softmax_f32));
    return beta == 1 ? ISA_NAME(log_softmax_long_f16)(x, y, rows, n, stride) : 0;  // long rows: β = 1 only
}
