// Double softmax: short rows (at most four vectors) in groups of four, longer rows one by one (see
// f64_common.h). A template: include it after f64_common.h.

/// e^(β·(x − m)) of a row into y (b and `scaled` as in exp_row_step_f64), returning Σ; the next row
/// (`next`) is prefetched meanwhile. Fast2Sum is exact here: the running sum starts at 1 and every
/// term is in [0, 1].
static inline __attribute__((always_inline)) double ISA_NAME(exp_store_f64)(const double *x, double *y, size_t n,
                                                                           const double *next, vd m, vd nm, vd b,
                                                                           const int scaled) {
    vd hi, one = vd_set(1), sh = one, sl = vd_set(0);
    for (size_t i = 0; i < n; i += VD_W) {
        __builtin_prefetch(next + i, 0, 3);
        int full = i + VD_W <= n;
        vd e = ISA_NAME(exp_row_step_f64)(full ? vd_load(x + i) : vd_load_tail(x + i, n - i, -INFINITY), m, nm, b, &hi,
                                          scaled);
        if (full) vd_store(y + i, e); else vd_store_tail(y + i, e, n - i);
        vd s = vd_add(sh, e);
        sl = vd_add(sl, vd_sub(e, vd_sub(s, sh)));
        sh = s;
    }
    return ISA_NAME(sum_lanes_f64)(vd_sub(sh, one), sl);
}

/// y /= sum, as a product by the pair 1/sum (one rounding, no division per vector).
static inline void ISA_NAME(scale_f64)(double *y, size_t n, double sum) {
    vd fh, fl;
    ISA_NAME(inverse_pair_f64)(vd_set(sum), &fh, &fl);
    size_t i = 0;
    for (; i + VD_W <= n; i += VD_W) vd_store(y + i, ISA_NAME(times_pair_f64)(vd_load(y + i), fh, fl));
    if (i < n) vd_store_tail(y + i, ISA_NAME(times_pair_f64)(vd_load_tail(y + i, n - i, 0), fh, fl), n - i);
}

/// Softmax row by row; the differences are β·(x − max) when `scaled` (b = β), x − max otherwise.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_long_rows_f64)(const double *x, double *y, size_t rows,
                                                                              size_t n, size_t stride, vd b,
                                                                              const int scaled) {
    for (size_t row = 0; row < rows; row++) {
        const double *xr = x + row * stride;
        double *yr = y + row * stride;
        double mx;
        if (!ISA_NAME(row_max_f64)(xr, n, &mx)) return row;
        const double *next = row + 1 < rows ? xr + stride : xr;  // prefetched while this row computes
        ISA_NAME(scale_f64)(yr, n, ISA_NAME(exp_store_f64)(xr, yr, n, next, vd_set(mx), vd_set(-mx), b, scaled));
    }
    return rows;
}

/// Softmax of rows of at most nv vectors, four rows at a time, phase by phase, the horizontal
/// reductions of the four rows sharing their shuffles (as the Float short rows).
static inline __attribute__((always_inline)) size_t ISA_NAME(short_row_groups_f64)(const double *x, double *y,
                                                                               size_t rows, size_t n, size_t stride,
                                                                               vd b, const int nv, const int scaled) {
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
                e[j][k] = ISA_NAME(exp_row_step_f64)(v[j][k], m[j], nm, b, &hi, scaled);
                vd s = vd_add(sh[j], e[j][k]);
                sl[j] = vd_add(sl[j], vd_sub(e[j][k], vd_sub(s, sh[j])));
                sh[j] = s;
            }
            sh[j] = vd_sub(sh[j], one);
        }
        vd total = vd_group_sum(sh, sl);
        for (int j = 0; j < 4; j++) {
            vd t = vd_group_lane(total, j);  // at most four vectors: a division each costs less than a pair
            for (int k = 0; k < nv; k++) ISA_NAME(store_part_f64)(y + (row + j) * stride, n, k, vd_div(e[j][k], t));
        }
    }
    return row;
}

/// Softmax of a batch, β as in softmax_long_rows_f64.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_batch_f64)(const double *x, double *y,
                                                                               size_t rows, size_t n, size_t stride,
                                                                               double beta, const int scaled) {
    vd b = vd_set(beta);
    size_t done = 0;
    switch (n == 0 ? 0 : (n + VD_W - 1) / VD_W) {
    case 1: done = ISA_NAME(short_row_groups_f64)(x, y, rows, n, stride, b, 1, scaled); break;
    case 2: done = ISA_NAME(short_row_groups_f64)(x, y, rows, n, stride, b, 2, scaled); break;
    case 3: done = ISA_NAME(short_row_groups_f64)(x, y, rows, n, stride, b, 3, scaled); break;
    case 4: done = ISA_NAME(short_row_groups_f64)(x, y, rows, n, stride, b, 4, scaled); break;
    default: break;
    }
    return done + ISA_NAME(softmax_long_rows_f64)(x + done * stride, y + done * stride, rows - done, n, stride, b, scaled);
}

/// Softmax at any finite β > 0 (0 rows done for another β).
static size_t ISA_NAME(softmax_f64)(const double *x, double *y, size_t rows, size_t n, size_t stride, double beta) {
    if (!(beta > 0 && beta <= DBL_MAX)) return 0;
    return beta == 1 ? ISA_NAME(softmax_batch_f64)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(softmax_batch_f64)(x, y, rows, n, stride, beta, 1);
}
