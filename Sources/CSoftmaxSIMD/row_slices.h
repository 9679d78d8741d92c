// The three phases of a softmax row split over threads, each on one slice of the row: the slice's
// maximum (and, in Float, minimum), its exps e^(β·(x − m)) stored with their sum, and the scaling by
// 1/Σ. The caller combines the slices' maxima and minima first, so every slice takes the mode of the
// whole row. A template: include it after f32_softmax_long_rows.h and f64_softmax.h.

static int ISA_NAME(slice_range_f32)(const float *x, size_t n, float *max, float *min) {
    vf a, lo;
    ISA_NAME(range_lanes_f32)(x, n, &a, &lo);
    *max = vf_hmax(a);
    *min = vf_hmin(lo);
    return 1;
}

/// Σ of the slice's exps taken unshifted with no look at the max, the first try of a row into another
/// buffer (csm_slice_unshifted_f32).
static double ISA_NAME(slice_unshifted_f32)(const float *x, float *y, size_t n, float beta) {
    vf b = vf_set(beta);
    return beta == 1 ? ISA_NAME(exp_store_f32)(x, y, n, b, b, b, NULL, unshifted_f32(1, 0))
                     : ISA_NAME(exp_store_f32)(x, y, n, b, b, b, NULL, unshifted_f32(1, 1));
}

/// Σ of the slice's exps, unshifted (SPLIT_NONE) where the whole row allows it, as in softmax_long_rows_f32.
static double ISA_NAME(slice_exp_f32)(const float *x, float *y, size_t n, float mx, float mn, float beta) {
    vf m = vf_set(mx), nm = vf_set(-mx), b = vf_set(beta);
    float bm = beta * mx;
    double sum;
    if (csm_unshifted_f32(bm)) return ISA_NAME(slice_unshifted_f32)(x, y, n, beta);
    if (beta == 1)
        CSM_SHIFTED_MODES(sum = ISA_NAME(exp_store_f32)(x, y, n, m, nm, b, NULL, CSM_MODE), mx, mn, beta, 0);
    else
        CSM_SHIFTED_MODES(sum = ISA_NAME(exp_store_f32)(x, y, n, m, nm, b, NULL, CSM_MODE), mx, mn, beta, 1);
    return sum;
}

static int ISA_NAME(slice_scale_f32)(float *y, size_t n, double sum) {
    ISA_NAME(scale_f32)(y, n, 1.0 / sum);
    return 1;
}

/// 0 when the slice holds a NaN (the Double exp clamps NaN away, so the caller must see it here).
static int ISA_NAME(slice_max_f64)(const double *x, size_t n, double *max) {
    vd a = vd_set(-INFINITY);
    md bad = md_none();
    size_t i = 0;
    for (; i + VD_W <= n; i += VD_W) {
        vd v = vd_load(x + i);
        a = vd_max(a, v);
        bad = md_or(bad, vd_unord(v));
    }
    if (i < n) {
        vd v = vd_load_tail(x + i, n - i, -INFINITY);
        a = vd_max(a, v);
        bad = md_or(bad, vd_unord(v));
    }
    *max = vd_hmax(a);
    return !md_any(bad);
}

static double ISA_NAME(slice_exp_f64)(const double *x, double *y, size_t n, double mx, double beta) {
    vd m = vd_set(mx), nm = vd_set(-mx), b = vd_set(beta);
    return beta == 1 ? ISA_NAME(exp_store_f64)(x, y, n, x, m, nm, b, 0) : ISA_NAME(exp_store_f64)(x, y, n, x, m, nm, b, 1);
}

static int ISA_NAME(slice_scale_f64)(double *y, size_t n, double sum) {
    ISA_NAME(scale_f64)(y, n, sum);
    return 1;
}
