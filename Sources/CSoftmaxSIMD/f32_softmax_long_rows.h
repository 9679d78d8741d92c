// Float softmax, long rows: row by row, each row's exps stored with their sum, then scaled by 1/Σ (or,
// streamed, scaled into the output by the next row's pass: f32_softmax_streamed_rows.h). A template:
// include it after f32_softmax_streamed_rows.h and f32_softmax_medium_rows.h.

/// e^(β·(x − m)) of a row into y (b and `mode` as in exp_row_step_f32), returning Σ in double; four
/// vectors an iteration so that their exps overlap. It also streams the whole vectors of the previous
/// row (`pending`, unless NULL; rows of the same n), as the pass is compute-bound. Pairs of exps are
/// added before the float pair sums (fewer additions, which are the busier units on shifted rows).
static inline __attribute__((always_inline)) double ISA_NAME(exp_store_f32)(const float *x, float *y, size_t n,
                                                                           vf m, vf nm, vf b,
                                                                           const pending_f32 *pending,
                                                                           const exp_mode_f32 mode) {
    const float start = csm_sum_start_f32(mode.split);
    vd s0 = vd_set(0), s1 = vd_set(0);
    vf hi, h[2] = {vf_set(start), vf_set(start)}, l[2] = {vf_set(0), vf_set(0)};
    size_t i = 0, block = 0;
    for (; i + 4 * VF_W <= n; i += 4 * VF_W) {
        vf e[4];
        for (int k = 0; k < 4; k++) e[k] = ISA_NAME(exp_row_step_f32)(vf_load(x + i + k * VF_W), m, nm, b, &hi, mode);
        for (int k = 0; k < 4; k++) vf_store(y + i + k * VF_W, e[k]);
        if (pending)
            for (size_t v = i / VF_W; v < i / VF_W + 4 && v < pending->vectors; v++) ISA_NAME(stream_vector_f32)(pending, v);
        for (int k = 0; k < 2; k++) ISA_NAME(row_sum_f32)(&h[k], &l[k], vf_add(e[2 * k], e[2 * k + 1]), mode.split);
        if (++block == FAST_SUM_FLUSH / 4) {
            for (int k = 0; k < 2; k++) {
                vf_add_wide(vf_sub(h[k], vf_set(start)), &s0, &s1);  // exact: h ≥ start, 0 or a power of two
                vf_add_wide(l[k], &s0, &s1);
                h[k] = vf_set(start);
                l[k] = vf_set(0);
            }
            block = 0;
        }
    }
    for (; i + VF_W <= n; i += VF_W) {
        vf e = ISA_NAME(exp_row_step_f32)(vf_load(x + i), m, nm, b, &hi, mode);
        vf_store(y + i, e);
        if (pending && i / VF_W < pending->vectors) ISA_NAME(stream_vector_f32)(pending, i / VF_W);
        ISA_NAME(row_sum_f32)(&h[0], &l[0], e, mode.split);
    }
    if (i < n) {  // the tail's padding is −inf, which needs the clamp
        vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + i, n - i, -INFINITY), m, nm, b, &hi, clamped_f32(mode));
        vf_store_tail(y + i, e, n - i);
        ISA_NAME(row_sum_f32)(&h[0], &l[0], e, mode.split);
    }
    for (int k = 0; k < 2; k++) {
        vf_add_wide(vf_sub(h[k], vf_set(start)), &s0, &s1);
        vf_add_wide(l[k], &s0, &s1);
    }
    return vd_hsum(vd_add(s0, s1));
}

/// Softmax row by row (β as in exp_row_step_f32), after the rows of at most MEDIUM_ROWS_MAX elements
/// go through softmax_medium_rows_f32. A row whose exps do not overwrite x is first taken unshifted
/// with no look at its max, and kept if its 1/Σ passes csm_unshifted_inverse_f32; otherwise, and for
/// rows in place, its max and min are read first. After a row that fails, rows are tried as
/// csm_unshifted_try_f32 says of the failed row's max and min. With `stream` (outputs that will not
/// stay in cache) rows of at most STREAM_MAX_N elements take their exps into a scratch row, and the exp
/// pass of the next row scales them into y past the caches (pending_f32).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_long_rows_f32)(const float *x, float *y,
                                                                                   size_t rows, size_t n,
                                                                                   size_t stride, float beta,
                                                                                   int stream, const int scaled) {
    size_t row = 0;
    if (n <= MEDIUM_ROWS_MAX) row = ISA_NAME(softmax_medium_rows_f32)(x, y, rows, n, stride, scaled ? beta : 1);
    vf b = vf_set(beta);
    float scratch[2][STREAM_MAX_N] __attribute__((aligned(64)));
    pending_f32 pend;
    const pending_f32 *pending = NULL;
    stream = stream && n <= STREAM_MAX_N;
    int first = UNSHIFTED_FIRST_TRY;  // how the next row is tried first (csm_unshifted_try_f32)
    for (; row < rows; row++) {
        const float *xr = x + row * stride;
        float *yr = y + row * stride, *exps = stream ? scratch[row % 2] : yr;
        const pending_f32 *streamed = pending;  // the previous row, streamed by this row's exp pass
        double sum = 0;
        int kept = 0;
        if (first != UNSHIFTED_NO && exps != xr) {  // the usual case
            sum = first == UNSHIFTED_BARE
                      ? ISA_NAME(exp_store_f32)(xr, exps, n, b, b, b, pending, unshifted_f32(0, scaled))
                      : ISA_NAME(exp_store_f32)(xr, exps, n, b, b, b, pending, unshifted_f32(1, scaled));
            kept = csm_unshifted_inverse_f32((float)(1.0 / sum));
            pending = NULL;
        }
        if (!kept) {
            float mx, mn;
            if (!ISA_NAME(row_range_f32)(xr, n, &mx, &mn)) {
                pending = streamed;  // finished below (its vectors again if they went already: the same bits)
                break;
            }
            vf m = vf_set(mx), nm = vf_set(-mx);
            first = csm_unshifted_try_f32(scaled ? beta * mx : mx, scaled ? beta * mn : mn);
            if (first != UNSHIFTED_NO)  // a β·max in [0, 64] needs no test of Σ
                sum = ISA_NAME(exp_store_f32)(xr, exps, n, m, nm, b, pending, unshifted_f32(1, scaled));
            else
                CSM_SHIFTED_MODES(sum = ISA_NAME(exp_store_f32)(xr, exps, n, m, nm, b, pending, CSM_MODE), mx, mn, beta,
                                  scaled);
            pending = NULL;
        }
        if (!stream) {
            ISA_NAME(scale_f32)(yr, n, 1.0 / sum);
            continue;
        }
        if (streamed) ISA_NAME(stream_ends_f32)(streamed);
        ISA_NAME(pending_row_f32)(&pend, exps, yr, n, 1.0 / sum);
        pending = &pend;
    }
    if (pending) {  // the last row done, and the fence that orders the streamed stores before the return
        for (size_t v = 0; v < pending->vectors; v++) ISA_NAME(stream_vector_f32)(pending, v);
        ISA_NAME(stream_ends_f32)(pending);
        vf_stream_fence();
    }
    return row;
}
