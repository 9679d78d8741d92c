// Float softmax: row by row, several medium rows at a time, and groups of short rows (see f32_rows.h).

#define MULTI_ROWS_MAX 256 /* rows up to this length go MULTI_ROWS at a time */
#define MULTI_ROWS 4       /* at most 4: the arrays of softmax_multi_f32 */
#define STREAM_MAX_N 1024  /* rows up to this length may stream their outputs (two scratch rows, 8 KB) */

/// e^(β·(x − m)) of a row into y (b and `scaled` as in exp_row_step_f32), returning Σ in double; four
/// vectors an iteration so that their exps overlap. It also streams the whole vectors of the previous
/// row (`pending`, unless NULL; rows of the same n), as the pass is compute-bound. Pairs of exps are
/// added before the float pair sums (fewer additions, which are the busier units on shifted rows).
static inline __attribute__((always_inline)) double ISA_NAME(exp_store_f32)(const float *x, float *y, size_t n,
                                                                           vf m, vf nm, vf b,
                                                                           const pending_f32 *pending,
                                                                           const int clamp, const int split,
                                                                           const int scaled) {
    const float start = csm_sum_start_f32(split);
    vd s0 = vd_set(0), s1 = vd_set(0);
    vf hi, h[2] = {vf_set(start), vf_set(start)}, l[2] = {vf_set(0), vf_set(0)};
    size_t i = 0, block = 0;
    for (; i + 4 * VF_W <= n; i += 4 * VF_W) {
        vf e[4];
        for (int k = 0; k < 4; k++)
            e[k] = ISA_NAME(exp_row_step_f32)(vf_load(x + i + k * VF_W), m, nm, b, &hi, clamp, split, scaled);
        for (int k = 0; k < 4; k++) vf_store(y + i + k * VF_W, e[k]);
        if (pending)
            for (size_t v = i / VF_W; v < i / VF_W + 4 && v < pending->vectors; v++) ISA_NAME(stream_vector_f32)(pending, v);
        for (int k = 0; k < 2; k++) ISA_NAME(row_sum_f32)(&h[k], &l[k], vf_add(e[2 * k], e[2 * k + 1]), split);
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
        vf e = ISA_NAME(exp_row_step_f32)(vf_load(x + i), m, nm, b, &hi, clamp, split, scaled);
        vf_store(y + i, e);
        if (pending && i / VF_W < pending->vectors) ISA_NAME(stream_vector_f32)(pending, i / VF_W);
        ISA_NAME(row_sum_f32)(&h[0], &l[0], e, split);
    }
    if (i < n) {  // the tail's padding is −inf, which needs the clamp
        vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + i, n - i, -INFINITY), m, nm, b, &hi, 1, split, scaled);
        vf_store_tail(y + i, e, n - i);
        ISA_NAME(row_sum_f32)(&h[0], &l[0], e, split);
    }
    for (int k = 0; k < 2; k++) {
        vf_add_wide(vf_sub(h[k], vf_set(start)), &s0, &s1);
        vf_add_wide(l[k], &s0, &s1);
    }
    return vd_hsum(vd_add(s0, s1));
}

/// The exps of R rows at once, vector by vector, and the float pairs of their 1/Σ into out: on rows
/// of a few vectors the chain of one row (exps, sum, reciprocal, scale) is too short for the
/// out-of-order window to overlap the next row's. The scale by 1/Σ waits: the same loop scales the R
/// rows at `prev` (unless NULL) by their pairs inv, where the multipliers have room, and the
/// reciprocals of a group are long known when their scale comes (see softmax_multi_rows_f32). Returns
/// 0 when the rows are unshifted (SPLIT_NONE, maxima mx not used) and a 1/Σ fails
/// csm_unshifted_inverse_f32, 1 otherwise.
static inline __attribute__((always_inline)) int ISA_NAME(softmax_multi_f32)(const float *x, float *y, size_t n,
                                                                            size_t stride, const float *mx, vf b,
                                                                            float *prev, float inv[2][4],
                                                                            float out[2][4], const int R,
                                                                            const int clamp, const int split,
                                                                            const int scaled) {
    const vf start = vf_set(csm_sum_start_f32(split));
    vf m[4], nm[4], h[4], l[4], hi;
    for (int r = 0; r < R; r++) {
        m[r] = vf_set(split == SPLIT_NONE ? 0 : mx[r]);
        nm[r] = vf_sub(vf_set(0), m[r]);
        h[r] = start;
        l[r] = vf_set(0);
    }
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {  // pairs of vectors: their exps added before the sum
        vf e[4], f[4];
        for (int r = 0; r < R; r++) {
            e[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, clamp, split, scaled);
            f[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i + VF_W), m[r], nm[r], b, &hi, clamp, split,
                                              scaled);
        }
        for (int r = 0; r < R; r++) {
            vf_store(y + r * stride + i, e[r]);
            vf_store(y + r * stride + i + VF_W, f[r]);
            ISA_NAME(row_sum_f32)(&h[r], &l[r], vf_add(e[r], f[r]), split);
        }
        if (prev)
            for (int r = 0; r < R; r++) {
                vf ih = vf_set(inv[0][r]), il = vf_set(inv[1][r]);
                ISA_NAME(scale_at_f32)(prev + r * stride + i, ih, il);
                ISA_NAME(scale_at_f32)(prev + r * stride + i + VF_W, ih, il);
            }
    }
    for (; i + VF_W <= n; i += VF_W) {
        vf e[4];
        for (int r = 0; r < R; r++)
            e[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, clamp, split, scaled);
        for (int r = 0; r < R; r++) {
            vf_store(y + r * stride + i, e[r]);
            ISA_NAME(row_sum_f32)(&h[r], &l[r], e[r], split);
        }
        if (prev)
            for (int r = 0; r < R; r++) ISA_NAME(scale_at_f32)(prev + r * stride + i, vf_set(inv[0][r]), vf_set(inv[1][r]));
    }
    if (i < n) {
        for (int r = 0; r < R; r++) {
            vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + r * stride + i, n - i, -INFINITY), m[r], nm[r], b, &hi, 1,
                                              split, scaled);
            vf_store_tail(y + r * stride + i, e, n - i);
            ISA_NAME(row_sum_f32)(&h[r], &l[r], e, split);
            if (prev) ISA_NAME(scale_tail_f32)(prev + r * stride + i, n - i, vf_set(inv[0][r]), vf_set(inv[1][r]));
        }
    }
    vd sums[4];
    vf gh, gl;
    for (int r = 0; r < R; r++) {
        vd s0 = vd_set(0), s1 = vd_set(0);
        vf_add_wide(vf_sub(h[r], start), &s0, &s1);
        vf_add_wide(l[r], &s0, &s1);
        sums[r] = vd_add(s0, s1);
    }
    vd_group_inverse(sums, &gh, &gl);  // the four reciprocals 1/Σ as float pairs, in one division
    int kept = 1;
    for (int r = 0; r < R; r++) {
        out[0][r] = vf_first(vf_group_inverse_lane(gh, r));
        out[1][r] = vf_first(vf_group_inverse_lane(gl, r));
        kept &= csm_unshifted_inverse_f32(out[0][r]);
    }
    return split != SPLIT_NONE || kept;
}

/// Scales the R rows of y by the float pairs inv[0][r] + inv[1][r].
static inline void ISA_NAME(scale_group_f32)(float *y, size_t n, size_t stride, float inv[2][4], int R) {
    for (int r = 0; r < R; r++) ISA_NAME(scale_by_f32)(y + r * stride, n, vf_set(inv[0][r]), vf_set(inv[1][r]));
}

/// Softmax of rows of at most MULTI_ROWS_MAX elements, MULTI_ROWS at a time; returns the rows done (it
/// stops before a group with a declined row). Each group is scaled in the pass of the group two
/// after it, and the last two after the loop. Into another buffer a group is first taken unshifted
/// with no look at its maxima, and kept if its sums pass (softmax_multi_f32); otherwise, and in place
/// (where its exps overwrite x), its maxima and minima are read first. After a group that fails,
/// groups are tried as csm_unshifted_try_f32 says of the failed group's rows (the least of the four).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_multi_rows_f32)(const float *x, float *y,
                                                                                    size_t rows, size_t n,
                                                                                    size_t stride, float beta,
                                                                                    const int scaled) {
    size_t row = 0, unscaled = 0;  // unscaled: the first group whose exps wait for their scale
    vf b = vf_set(beta);
    float mx[4], inv[3][2][4];  // the reciprocals of this group and of the two before it, by group % 3
    int first = x != y ? UNSHIFTED_FIRST_TRY : UNSHIFTED_NO;  // as in softmax_rows_f32, for a whole group
    for (; row + MULTI_ROWS <= rows; row += MULTI_ROWS) {
        const float *xg = x + row * stride;
        float *yg = y + row * stride;
        size_t g = row / MULTI_ROWS;
        float (*mine)[4] = inv[g % 3], (*theirs)[4] = inv[(g + 1) % 3];
        float *late = g >= 2 ? yg - 2 * MULTI_ROWS * stride : NULL;  // group g − 2, scaled in this pass
        if (late) unscaled = g - 1;
        if (first != UNSHIFTED_NO) {  // the usual case
            if (first == UNSHIFTED_BARE
                    ? ISA_NAME(softmax_multi_f32)(xg, yg, n, stride, NULL, b, late, theirs, mine, MULTI_ROWS, 0,
                                                  SPLIT_NONE, scaled)
                    : ISA_NAME(softmax_multi_f32)(xg, yg, n, stride, NULL, b, late, theirs, mine, MULTI_ROWS, 1,
                                                  SPLIT_NONE, scaled))
                continue;
            late = NULL;  // scaled by the pass that failed
        }
        int all = 1, ok = 1, unshifted = UNSHIFTED_BARE;
        for (int r = 0; r < MULTI_ROWS; r++) {
            float mn;
            ok &= ISA_NAME(row_range_f32)(xg + r * stride, n, &mx[r], &mn);
            all &= (scaled ? beta * (mn - mx[r]) : mn - mx[r]) >= EXP_F32_UNCLAMPED_FLOOR;
            int try_ = csm_unshifted_try_f32(scaled ? beta * mx[r] : mx[r], scaled ? beta * mn : mn);
            unshifted = try_ < unshifted ? try_ : unshifted;  // the group's: its rows' least
        }
        if (!ok) {
            if (late) unscaled = g - 2;  // no pass ran
            break;
        }
        first = x != y ? unshifted : UNSHIFTED_NO;
        if (unshifted != UNSHIFTED_NO)  // a β·max in [0, 64] needs no test of Σ
            ISA_NAME(softmax_multi_f32)(xg, yg, n, stride, mx, b, late, theirs, mine, MULTI_ROWS, 1, SPLIT_NONE, scaled);
        else if (all)
            ISA_NAME(softmax_multi_f32)(xg, yg, n, stride, mx, b, late, theirs, mine, MULTI_ROWS, 0, SPLIT_ANY, scaled);
        else
            ISA_NAME(softmax_multi_f32)(xg, yg, n, stride, mx, b, late, theirs, mine, MULTI_ROWS, 1, SPLIT_ANY, scaled);
    }
    for (size_t g = unscaled; g < row / MULTI_ROWS; g++)
        ISA_NAME(scale_group_f32)(y + g * MULTI_ROWS * stride, n, stride, inv[g % 3], MULTI_ROWS);
    return row;
}

/// The multi-row softmax out of line (inlined, it changes the code of the long-row loop), with a copy
/// for β = 1 and one for any other β.
static __attribute__((noinline)) size_t ISA_NAME(softmax_multi_f32_at)(const float *x, float *y, size_t rows, size_t n,
                                                                 size_t stride, float beta) {
    return beta == 1 ? ISA_NAME(softmax_multi_rows_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(softmax_multi_rows_f32)(x, y, rows, n, stride, beta, 1);
}

/// Softmax row by row (β as in exp_row_step_f32). A row whose exps do not overwrite x is first taken
/// unshifted with no look at its max, and kept if its 1/Σ passes csm_unshifted_inverse_f32; otherwise,
/// and for rows in place, its max and min are read first. After a row that fails, rows are tried as
/// csm_unshifted_try_f32 says of the failed row's max and min. With `stream` (outputs that will not
/// stay in cache) rows of at most STREAM_MAX_N elements take their exps into a scratch row, and the exp
/// pass of the next row scales them into y past the caches (pending_f32).
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_rows_f32)(const float *x, float *y, size_t rows,
                                                                              size_t n, size_t stride, float beta,
                                                                              int stream, const int scaled) {
    size_t row = 0;
    if (n <= MULTI_ROWS_MAX) row = ISA_NAME(softmax_multi_f32_at)(x, y, rows, n, stride, scaled ? beta : 1);
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
            sum = first == UNSHIFTED_BARE ? ISA_NAME(exp_store_f32)(xr, exps, n, b, b, b, pending, 0, SPLIT_NONE, scaled)
                                          : ISA_NAME(exp_store_f32)(xr, exps, n, b, b, b, pending, 1, SPLIT_NONE, scaled);
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
                sum = ISA_NAME(exp_store_f32)(xr, exps, n, m, nm, b, pending, 1, SPLIT_NONE, scaled);
            else
                CSM_SPLIT_CASES(sum = ISA_NAME(exp_store_f32)(xr, exps, n, m, nm, b, pending, CSM_CLAMP, CSM_SPLIT, scaled),
                                mx, mn, beta);
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

/// 1 when every one of g short rows, maxima m (broadcast), may take its exps unshifted
/// (csm_unshifted_f32 of β·max).
static inline int ISA_NAME(group_unshifted_f32)(const vf *m, int g, vf b, const int scaled) {
    mf out = mf_none();
    for (int j = 0; j < g; j++) {
        vf bm = scaled ? vf_mul(b, m[j]) : m[j];
        out = mf_or(out, mf_or(vf_lt(bm, vf_set(0)), vf_lt(vf_set(UNSHIFTED_MAX_F32), bm)));
    }
    return !mf_any(out);
}

/// The exps of g short rows of nv vectors (v, maxima m) into e, and each row's sum in double into s.
static inline __attribute__((always_inline)) void ISA_NAME(short_exps_f32)(vf v[8][4], const vf *m, vf b, vf e[8][4],
                                                                          vd *s, const int g, const int nv,
                                                                          const int split, const int scaled) {
    vf hi;
    for (int j = 0; j < g; j++) {
        vf nm = vf_sub(vf_set(0), m[j]);
        vd s1 = vd_set(0);
        s[j] = vd_set(0);
        for (int k = 0; k < nv; k++) {
            e[j][k] = ISA_NAME(exp_row_step_f32)(v[j][k], m[j], nm, b, &hi, 1, split, scaled);
            vf_add_wide(e[j][k], &s[j], &s1);
        }
        s[j] = vd_add(s[j], s1);
    }
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
        vf v[8][4], m[8], e[8][4], fh[2], fl[2];
        vd s[8];
        int ok = 1;
        for (int q = 0; q < quads; q++) ok &= ISA_NAME(load_group_f32)(x + (row + 4 * q) * stride, n, stride, nv, v + 4 * q, m + 4 * q);
        if (!ok) break;
        if (ISA_NAME(group_unshifted_f32)(m, g, b, scaled)) ISA_NAME(short_exps_f32)(v, m, b, e, s, g, nv, SPLIT_NONE, scaled);
        else ISA_NAME(short_exps_f32)(v, m, b, e, s, g, nv, SPLIT_ANY, scaled);
        for (int q = 0; q < quads; q++) vd_group_inverse(s + 4 * q, &fh[q], &fl[q]);
        for (int j = 0; j < g; j++) {
            vf h = vf_group_inverse_lane(fh[j / 4], j % 4), l = vf_group_inverse_lane(fl[j / 4], j % 4);
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f32)(y + (row + j) * stride, n, k, ISA_NAME(times_pair_f32)(e[j][k], h, l));
        }
    }
    return row;
}

/// The exps of VF_W rows of at most one vector (β·x, unshifted, held by vf_exp_ceiling; clamped as
/// `clamp` says, see csm_unshifted_try_f32) into e. Whether the rows may be unshifted is told by their
/// sums (vf_rows_inverse).
static inline __attribute__((always_inline)) void ISA_NAME(one_vector_exps_f32)(const float *x, size_t n,
                                                                               size_t stride, vf b, vf e[VF_W],
                                                                               const int scaled, const int clamp) {
    vf lo[VF_W];
    _Pragma("clang loop unroll(full)") for (int j = 0; j < VF_W; j++) {
        vf v = n == VF_W ? vf_load(x + j * stride) : vf_load_tail(x + j * stride, n, -INFINITY);
        vf p = scaled ? vf_mul(b, v) : v;
        lo[j] = scaled ? vf_fms(b, v, p) : p;
        e[j] = vf_exp_ceiling(p);
    }
    _Pragma("clang loop unroll(full)") for (int j = 0; j < VF_W; j++) e[j] = ISA_NAME(exp_pair_f32)(e[j], lo[j], clamp, !scaled);
}

/// One step of softmax_one_vector_f32: the sums of the group e (rows y), then the exps of the next
/// group (rows xn, into f) when `more`, which overlap the reductions' latency, then the scale and
/// stores of e. Returns 0 when a row of e fails the test of vf_rows_inverse (nothing stored), 2 when f
/// holds the next group's exps, 1 otherwise.
static inline __attribute__((always_inline)) int ISA_NAME(one_vector_step_f32)(const float *xn, float *y, size_t n,
                                                                              size_t stride, vf b, vf e[VF_W],
                                                                              vf f[VF_W], int more,
                                                                              const int scaled, const int clamp) {
    vf h, l;
    if (!vf_rows_inverse(e, &h, &l)) return 0;
    if (more) ISA_NAME(one_vector_exps_f32)(xn, n, stride, b, f, scaled, clamp);
    float hs[VF_W], ls[VF_W];
    vf_store(hs, h);
    vf_store(ls, l);
    _Pragma("clang loop unroll(full)") for (int j = 0; j < VF_W; j++) {
        int lane = vf_rows_lane_index(j);
        vf out = ISA_NAME(times_pair_f32)(e[j], vf_set(hs[lane]), vf_set(ls[lane]));
        if (n == VF_W) vf_store(y + j * stride, out); else vf_store_tail(y + j * stride, out, n);
    }
    return 1 + more;
}

/// Softmax of rows of at most one vector, VF_W rows at a time, unshifted (no max is taken) where the
/// sums of the VF_W rows pass the test of csm_unshifted_inverse_f32, reduced together
/// (vf_rows_inverse); each group's exps are taken while the previous group's sums are reduced; clamped
/// as `clamp` says. Returns the rows done: it stops before a group whose sums fail.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_one_vector_f32)(const float *x, float *y,
                                                                                    size_t rows, size_t n,
                                                                                    size_t stride, vf b,
                                                                                    const int scaled,
                                                                                    const int clamp) {
    vf e[VF_W], f[VF_W];
    if (rows < VF_W) return 0;
    ISA_NAME(one_vector_exps_f32)(x, n, stride, b, e, scaled, clamp);
    for (size_t row = 0;;) {
        int s = ISA_NAME(one_vector_step_f32)(x + (row + VF_W) * stride, y + row * stride, n, stride, b, e, f,
                                              row + 2 * VF_W <= rows, scaled, clamp);
        if (s == 0) return row;
        row += VF_W;
        if (s == 1) return row;
        s = ISA_NAME(one_vector_step_f32)(x + (row + VF_W) * stride, y + row * stride, n, stride, b, f, e,
                                          row + 2 * VF_W <= rows, scaled, clamp);
        if (s == 0) return row;
        row += VF_W;
        if (s == 1) return row;
    }
}

/// Softmax of the short rows (at most four vectors) at the start of a batch; returns the rows done.
/// Kept out of line as the multi-row softmax, in softmax_shorts_f32_at.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_shorts_f32)(const float *x, float *y, size_t rows,
                                                                                size_t n, size_t stride, float beta,
                                                                                const int scaled) {
    vf b = vf_set(beta);
    switch (n == 0 ? 0 : (n + VF_W - 1) / VF_W) {
    case 1: {
        size_t done = 0;
        // groups of VF_W rows unshifted (bare while none has failed, where the ISA allows it and the rows
        // have no tail, which is padded with −inf), the other groups of 8 as any short rows
        int bare = EXP_F32_UNSHIFTED_UNCLAMPED && n == VF_W;
        while (done < rows) {
            const float *xd = x + done * stride;
            float *yd = y + done * stride;
            done += bare ? ISA_NAME(softmax_one_vector_f32)(xd, yd, rows - done, n, stride, b, scaled, 0)
                         : ISA_NAME(softmax_one_vector_f32)(xd, yd, rows - done, n, stride, b, scaled, 1);
            bare = 0;
            size_t g = rows - done < VF_W ? rows - done : VF_W;
            size_t k = ISA_NAME(softmax_short_f32)(x + done * stride, y + done * stride, g, n, stride, b, 1, scaled);
            done += k;
            if (k < g) break;
        }
        return done;
    }
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
                                                                               int stream, const int scaled) {
    size_t done = ISA_NAME(softmax_shorts_f32_at)(x, y, rows, n, stride, scaled ? beta : 1);
    return done + ISA_NAME(softmax_rows_f32)(x + done * stride, y + done * stride, rows - done, n, stride, beta, stream,
                                             scaled);
}

/// Softmax at any finite β > 0 (0 rows done for another β); `stream` as in softmax_rows_f32.
static size_t ISA_NAME(softmax_any_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride, float beta,
                                        int stream) {
    if (!(beta > 0 && beta <= FLT_MAX)) return 0;
    return beta == 1 ? ISA_NAME(softmax_batch_f32)(x, y, rows, n, stride, 1, stream, 0)
                     : ISA_NAME(softmax_batch_f32)(x, y, rows, n, stride, beta, stream, 1);
}

/// Softmax whose outputs stay in cache.
static size_t ISA_NAME(softmax_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride, float beta) {
    return ISA_NAME(softmax_any_f32)(x, y, rows, n, stride, beta, 0);
}

/// Softmax whose outputs are written past the caches where the rows allow it (softmax_rows_f32).
static size_t ISA_NAME(softmax_stream_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride,
                                           float beta) {
    return ISA_NAME(softmax_any_f32)(x, y, rows, n, stride, beta, 1);
}
