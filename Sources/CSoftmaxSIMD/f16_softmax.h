// Float16 softmax: blocks of rows through the f32 kernel in a stack scratch, and rows longer than the
// scratch in three passes over the binary16 data (see f16_common.h). A template: include it after f16_common.h.

/// Adds the float pair sum (h − FAST_SUM_BIAS) + l to the double sums (exact: h ≥ 1), and restarts it.
static inline void ISA_NAME(flush_sum_f16)(vf *h, vf *l, vd *s0, vd *s1) {
    vf_add_wide(vf_sub(*h, vf_set(FAST_SUM_BIAS)), s0, s1);
    vf_add_wide(*l, s0, s1);
    *h = vf_set(FAST_SUM_BIAS);
    *l = vf_set(0);
}

/// Σ e^(x − m) of a binary16 row in double, without storing the terms: the sums of exp_store_f32.
static inline __attribute__((always_inline)) double ISA_NAME(exp_sum_f16)(const uint16_t *x, size_t n, vf m, vf nm,
                                                                         const int clamp) {
    vd s0 = vd_set(0), s1 = vd_set(0);
    vf hi, h[2] = {vf_set(FAST_SUM_BIAS), vf_set(FAST_SUM_BIAS)}, l[2] = {vf_set(0), vf_set(0)};
    size_t i = 0, block = 0;
    for (; i + 4 * VF_W <= n; i += 4 * VF_W) {
        vf e[4];
        for (int k = 0; k < 4; k++) e[k] = ISA_NAME(exp_step_f32)(vf_load_half(x + i + k * VF_W), m, nm, &hi, clamp);
        for (int k = 0; k < 4; k++) ISA_NAME(fast_sum_f32)(&h[k & 1], &l[k & 1], e[k]);
        if (++block == FAST_SUM_FLUSH / 4) {
            for (int k = 0; k < 2; k++) ISA_NAME(flush_sum_f16)(&h[k], &l[k], &s0, &s1);
            block = 0;
        }
    }
    for (; i + VF_W <= n; i += VF_W)
        ISA_NAME(fast_sum_f32)(&h[0], &l[0], ISA_NAME(exp_step_f32)(vf_load_half(x + i), m, nm, &hi, clamp));
    if (i < n) {  // the tail's padding is −inf, which needs the clamp
        vf v = ISA_NAME(load_half_tail)(x + i, n - i, -INFINITY);
        ISA_NAME(fast_sum_f32)(&h[0], &l[0], ISA_NAME(exp_step_f32)(v, m, nm, &hi, 1));
    }
    for (int k = 0; k < 2; k++) ISA_NAME(flush_sum_f16)(&h[k], &l[k], &s0, &s1);
    return vd_hsum(vd_add(s0, s1));
}

/// y = e^(x − m)·f, f as the float pair fh + fl, each value rounded once to binary16.
static inline __attribute__((always_inline)) void ISA_NAME(exp_scale_f16)(const uint16_t *x, uint16_t *y, size_t n,
                                                                         vf m, vf nm, double f, const int clamp) {
    float f1 = (float)f;
    vf fh = vf_set(f1), fl = vf_set((float)(f - f1)), hi;
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) {
        vf e = ISA_NAME(exp_step_f32)(vf_load_half(x + i), m, nm, &hi, clamp);
        vf_store_half(y + i, ISA_NAME(times_pair_f32)(e, fh, fl));
    }
    if (i < n) {
        vf e = ISA_NAME(exp_step_f32)(ISA_NAME(load_half_tail)(x + i, n - i, -INFINITY), m, nm, &hi, 1);
        ISA_NAME(store_half_tail)(y + i, ISA_NAME(times_pair_f32)(e, fh, fl), n - i);
    }
}

/// Softmax of rows longer than the scratch: max, Σ e^(x − max), then e^(x − max)/Σ recomputed.
static size_t ISA_NAME(softmax_long_f16)(const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride) {
    for (size_t row = 0; row < rows; row++) {
        const uint16_t *xr = x + row * stride;
        uint16_t *yr = y + row * stride;
        float mx;
        int unclamped;
        if (!ISA_NAME(row_max_f16)(xr, n, &mx, &unclamped)) return row;
        vf m = vf_set(mx), nm = vf_set(-mx);
        if (unclamped) ISA_NAME(exp_scale_f16)(xr, yr, n, m, nm, 1.0 / ISA_NAME(exp_sum_f16)(xr, n, m, nm, 0), 0);
        else ISA_NAME(exp_scale_f16)(xr, yr, n, m, nm, 1.0 / ISA_NAME(exp_sum_f16)(xr, n, m, nm, 1), 1);
    }
    return rows;
}

/// Softmax of binary16 rows; returns the rows done (it stops before the first row it declines).
static size_t ISA_NAME(softmax_f16)(const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride,
                                    float beta) {
    if (n == 0) return 0;
    if (ISA_NAME(block_rows_f16)(n) > 0) return ISA_NAME(blocks_f16)(x, y, rows, n, stride, beta, ISA_ENTRY(softmax_f32));
    return beta == 1 ? ISA_NAME(softmax_long_f16)(x, y, rows, n, stride) : 0;  // long rows: β = 1 only
}
