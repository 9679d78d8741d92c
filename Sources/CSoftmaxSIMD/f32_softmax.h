// Float softmax: row by row, several medium rows at a time, and groups of short rows (see f32_rows.h).

#define MULTI_ROWS_MAX 256 /* rows up to this length go MULTI_ROWS at a time */
#define MULTI_ROWS 4       /* at most 4: the arrays of softmax_multi_f32 */

/// e^(β·(x − m)) of a row into y (b and `scaled` as in exp_row_step_f32), returning Σ in double;
/// four vectors an iteration so that their exps overlap, and the next row (`next`) prefetched
/// meanwhile: the pass is compute-bound. Pairs of exps are added before the float pair sums (fewer
/// additions, which are the busier units).
static inline __attribute__((always_inline)) double ISA_NAME(exp_store_f32)(const float *x, float *y, size_t n,
                                                                           const float *next, vf m, vf nm, vf b,
                                                                           const int clamp, const int split,
                                                                           const int scaled) {
    vd s0 = vd_set(0), s1 = vd_set(0);
    vf hi, h[2] = {vf_set(FAST_SUM_BIAS), vf_set(FAST_SUM_BIAS)}, l[2] = {vf_set(0), vf_set(0)};
    size_t i = 0, block = 0;
    for (; i + 4 * VF_W <= n; i += 4 * VF_W) {
        __builtin_prefetch(next + i, 0, 3);
        __builtin_prefetch(next + i + 2 * VF_W, 0, 3);
        vf e[4];
        for (int k = 0; k < 4; k++)
            e[k] = ISA_NAME(exp_row_step_f32)(vf_load(x + i + k * VF_W), m, nm, b, &hi, clamp, split, scaled);
        for (int k = 0; k < 4; k++) vf_store(y + i + k * VF_W, e[k]);
        for (int k = 0; k < 2; k++) ISA_NAME(fast_sum_f32)(&h[k], &l[k], vf_add(e[2 * k], e[2 * k + 1]));
        if (++block == FAST_SUM_FLUSH / 4) {
            for (int k = 0; k < 2; k++) {
                vf_add_wide(vf_sub(h[k], vf_set(FAST_SUM_BIAS)), &s0, &s1);  // exact: h ≥ FAST_SUM_BIAS
                vf_add_wide(l[k], &s0, &s1);
                h[k] = vf_set(FAST_SUM_BIAS);
                l[k] = vf_set(0);
            }
            block = 0;
        }
    }
    for (; i + VF_W <= n; i += VF_W) {
        __builtin_prefetch(next + i, 0, 3);
        vf e = ISA_NAME(exp_row_step_f32)(vf_load(x + i), m, nm, b, &hi, clamp, split, scaled);
        vf_store(y + i, e);
        ISA_NAME(fast_sum_f32)(&h[0], &l[0], e);
    }
    if (i < n) {  // the tail's padding is −inf, which needs the clamp
        vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + i, n - i, -INFINITY), m, nm, b, &hi, 1, split, scaled);
        vf_store_tail(y + i, e, n - i);
        ISA_NAME(fast_sum_f32)(&h[0], &l[0], e);
    }
    for (int k = 0; k < 2; k++) {
        vf_add_wide(vf_sub(h[k], vf_set(FAST_SUM_BIAS)), &s0, &s1);
        vf_add_wide(l[k], &s0, &s1);
    }
    return vd_hsum(vd_add(s0, s1));
}

/// Softmax of R rows at once, vector by vector: on rows of a few vectors the chain of one row (max,
/// exps, sum, reciprocal, scale) is too short for the out-of-order window to overlap the next row's.
static inline __attribute__((always_inline)) void ISA_NAME(softmax_multi_f32)(const float *x, float *y, size_t n,
                                                                             size_t stride, const float *mx, vf b,
                                                                             const int R, const int clamp,
                                                                             const int scaled) {
    vf m[4], nm[4], h[4], l[4], hi;
    for (int r = 0; r < R; r++) {
        m[r] = vf_set(mx[r]);
        nm[r] = vf_set(-mx[r]);
        h[r] = vf_set(FAST_SUM_BIAS);
        l[r] = vf_set(0);
    }
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {  // pairs of vectors: their exps added before the sum
        vf e[4], f[4];
        for (int r = 0; r < R; r++) {
            e[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, clamp, SPLIT_ANY, scaled);
            f[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i + VF_W), m[r], nm[r], b, &hi, clamp, SPLIT_ANY,
                                              scaled);
        }
        for (int r = 0; r < R; r++) {
            vf_store(y + r * stride + i, e[r]);
            vf_store(y + r * stride + i + VF_W, f[r]);
            ISA_NAME(fast_sum_f32)(&h[r], &l[r], vf_add(e[r], f[r]));
        }
    }
    for (; i + VF_W <= n; i += VF_W) {
        vf e[4];
        for (int r = 0; r < R; r++)
            e[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, clamp, SPLIT_ANY, scaled);
        for (int r = 0; r < R; r++) {
            vf_store(y + r * stride + i, e[r]);
            ISA_NAME(fast_sum_f32)(&h[r], &l[r], e[r]);
        }
    }
    if (i < n) {
        for (int r = 0; r < R; r++) {
            vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + r * stride + i, n - i, -INFINITY), m[r], nm[r], b, &hi, 1,
                                              SPLIT_ANY, scaled);
            vf_store_tail(y + r * stride + i, e, n - i);
            ISA_NAME(fast_sum_f32)(&h[r], &l[r], e);
        }
    }
    vf fh[4], fl[4];
    for (int r = 0; r < R; r++) {
        vd s0 = vd_set(0), s1 = vd_set(0);
        vf_add_wide(vf_sub(h[r], vf_set(FAST_SUM_BIAS)), &s0, &s1);
        vf_add_wide(l[r], &s0, &s1);
        double f = 1.0 / vd_hsum(vd_add(s0, s1));
        float f1 = (float)f;
        fh[r] = vf_set(f1);
        fl[r] = vf_set((float)(f - f1));
    }
    for (i = 0; i + VF_W <= n; i += VF_W)
        for (int r = 0; r < R; r++) {
            vf a = vf_load(y + r * stride + i);
            vf_store(y + r * stride + i, vf_fma(a, fh[r], vf_mul(a, fl[r])));
        }
    if (i < n)
        for (int r = 0; r < R; r++) {
            vf a = vf_load_tail(y + r * stride + i, n - i, 0);
            vf_store_tail(y + r * stride + i, vf_fma(a, fh[r], vf_mul(a, fl[r])), n - i);
        }
}

/// Softmax of rows of at most MULTI_ROWS_MAX elements, MULTI_ROWS at a time; returns the rows done (it
/// stops before a group with a declined row).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_multi_rows_f32)(const float *x, float *y,
                                                                                    size_t rows, size_t n,
                                                                                    size_t stride, float beta,
                                                                                    const int scaled) {
    size_t row = 0;
    vf b = vf_set(beta);
    for (; row + MULTI_ROWS <= rows; row += MULTI_ROWS) {
        float mx[4];
        int all = 1, ok = 1;
        for (int r = 0; r < MULTI_ROWS; r++) {
            float mn;
            ok &= ISA_NAME(row_range_f32)(x + (row + r) * stride, n, &mx[r], &mn);
            all &= (scaled ? beta * (mn - mx[r]) : mn - mx[r]) >= EXP_F32_UNCLAMPED_FLOOR;
        }
        if (!ok) break;
        if (all) ISA_NAME(softmax_multi_f32)(x + row * stride, y + row * stride, n, stride, mx, b, MULTI_ROWS, 0, scaled);
        else ISA_NAME(softmax_multi_f32)(x + row * stride, y + row * stride, n, stride, mx, b, MULTI_ROWS, 1, scaled);
    }
    return row;
}

/// The multi-row softmax out of line (inlined, it changes the code of the long-row loop), with a copy
/// for β = 1 and one for any other β.
static __attribute__((noinline)) size_t ISA_NAME(softmax_multi_f32_at)(const float *x, float *y, size_t rows, size_t n,
                                                                 size_t stride, float beta) {
    return beta == 1 ? ISA_NAME(softmax_multi_rows_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(softmax_multi_rows_f32)(x, y, rows, n, stride, beta, 1);
}

/// Softmax row by row (β as in exp_row_step_f32).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_rows_f32)(const float *x, float *y, size_t rows,
                                                                              size_t n, size_t stride, float beta,
                                                                              const int scaled) {
    size_t row = 0;
    if (n <= MULTI_ROWS_MAX) row = ISA_NAME(softmax_multi_f32_at)(x, y, rows, n, stride, scaled ? beta : 1);
    vf b = vf_set(beta);
    for (; row < rows; row++) {
        const float *xr = x + row * stride;
        float *yr = y + row * stride;
        float mx, mn;
        if (!ISA_NAME(row_range_f32)(xr, n, &mx, &mn)) return row;
        vf m = vf_set(mx), nm = vf_set(-mx);
        const float *next = row + 1 < rows ? xr + stride : xr;
        double sum;
        CSM_SPLIT_CASES(sum = ISA_NAME(exp_store_f32)(xr, yr, n, next, m, nm, b, CSM_CLAMP, CSM_SPLIT, scaled), mx, mn,
                        beta);
        ISA_NAME(scale_f32)(yr, n, 1.0 / sum);
    }
    return rows;
}

/// Softmax of rows of at most nv vectors, in groups of 4 rows (8 when nv = 1, so that at least eight
/// exps are in flight), phase by phase: a per-row loop on 16-element rows waits on each row's chain
/// (horizontal max, exp, horizontal sum, reciprocal), and the horizontal reductions of four rows share
/// their shuffles. Returns the rows done (it stops before a group with a declined row).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_short_f32)(const float *x, float *y, size_t rows,
                                                                               size_t n, size_t stride, vf b,
                                                                               const int nv, const int scaled) {
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
                e[j][k] = ISA_NAME(exp_row_step_f32)(v[j][k], m[j], nm, b, &hi, 1, SPLIT_ANY, scaled);
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

/// Softmax of the short rows (at most four vectors) at the start of a batch; returns the rows done.
/// Kept out of line as the multi-row softmax, in softmax_shorts_f32_at.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_shorts_f32)(const float *x, float *y, size_t rows,
                                                                                size_t n, size_t stride, float beta,
                                                                                const int scaled) {
    vf b = vf_set(beta);
    switch (n == 0 ? 0 : (n + VF_W - 1) / VF_W) {
    case 1: return ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, b, 1, scaled);
    case 2: return ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, b, 2, scaled);
    case 3: return ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, b, 3, scaled);
    case 4: return ISA_NAME(softmax_short_f32)(x, y, rows, n, stride, b, 4, scaled);
    default: return 0;
    }
}
static __attribute__((noinline)) size_t ISA_NAME(softmax_shorts_f32_at)(const float *x, float *y, size_t rows,
                                                                  size_t n, size_t stride, float beta) {
    return beta == 1 ? ISA_NAME(softmax_shorts_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(softmax_shorts_f32)(x, y, rows, n, stride, beta, 1);
}

/// Softmax of a batch: the differences are β·(x − max) when `scaled` (β > 0), x − max otherwise.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_batch_f32)(const float *x, float *y, size_t rows,
                                                                               size_t n, size_t stride, float beta,
                                                                               const int scaled) {
    size_t done = ISA_NAME(softmax_shorts_f32_at)(x, y, rows, n, stride, scaled ? beta : 1);
    return done + ISA_NAME(softmax_rows_f32)(x + done * stride, y + done * stride, rows - done, n, stride, beta, scaled);
}

/// Softmax at any finite β > 0 (0 rows done for another β).
static size_t ISA_NAME(softmax_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride, float beta) {
    if (!(beta > 0 && beta <= FLT_MAX)) return 0;
    return beta == 1 ? ISA_NAME(softmax_batch_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(softmax_batch_f32)(x, y, rows, n, stride, beta, 1);
}
