// Float softmax, medium rows (at most MEDIUM_ROWS_MAX elements): MEDIUM_GROUP rows at a time, vector
// by vector, each group scaled by 1/Σ in the exp pass of the group two after it. A template: include
// it after f32_common.h.

#define MEDIUM_ROWS_MAX 256 /* rows up to this length go MEDIUM_GROUP at a time */
#define MEDIUM_GROUP 4      /* the rows of a group: the arrays of medium_group_f32 hold 4 */

/// A batch's layout and β (b, broadcast) as the groups of medium rows see it.
typedef struct {
    size_t n, stride;
    vf b;
} medium_rows_f32;

/// A group whose exps wait for their scale by 1/Σ: its first row (NULL: none) and the float pairs
/// inv[0][r] + inv[1][r] of its rows' 1/Σ.
typedef struct {
    float *y;
    float (*inv)[4];
} unscaled_group_f32;

/// The exps of a group of rows at x (maxima mx, not read unshifted) into y, vector by vector, and the
/// float pairs of their 1/Σ into out: on rows of a few vectors the chain of one row (exps, sum,
/// reciprocal, scale) is too short for the out-of-order window to overlap the next row's. The scale by
/// 1/Σ waits: the same loop scales the group `late` (unless late.y is NULL), where the multipliers have
/// room, and the reciprocals of a group are long known when their scale comes (see
/// softmax_medium_rows_f32). Returns 0 when the rows are unshifted (SPLIT_NONE) and a 1/Σ fails
/// csm_unshifted_inverse_f32, 1 otherwise.
static inline __attribute__((always_inline)) int ISA_NAME(medium_group_f32)(const medium_rows_f32 rows,
                                                                           const float *x, float *y,
                                                                           const float *mx, unscaled_group_f32 late,
                                                                           float out[2][4], const exp_mode_f32 mode) {
    const int R = MEDIUM_GROUP;
    const size_t n = rows.n, stride = rows.stride;
    const vf b = rows.b, start = vf_set(csm_sum_start_f32(mode.split));
    float *prev = late.y;
    float (*inv)[4] = late.inv;
    vf m[4], nm[4], h[4], l[4], hi;
    for (int r = 0; r < R; r++) {
        m[r] = vf_set(mode.split == SPLIT_NONE ? 0 : mx[r]);
        nm[r] = vf_sub(vf_set(0), m[r]);
        h[r] = start;
        l[r] = vf_set(0);
    }
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {  // pairs of vectors: their exps added before the sum
        vf e[4], f[4];
        for (int r = 0; r < R; r++) {
            e[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, mode);
            f[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i + VF_W), m[r], nm[r], b, &hi, mode);
        }
        for (int r = 0; r < R; r++) {
            vf_store(y + r * stride + i, e[r]);
            vf_store(y + r * stride + i + VF_W, f[r]);
            ISA_NAME(row_sum_f32)(&h[r], &l[r], vf_add(e[r], f[r]), mode.split);
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
        for (int r = 0; r < R; r++) e[r] = ISA_NAME(exp_row_step_f32)(vf_load(x + r * stride + i), m[r], nm[r], b, &hi, mode);
        for (int r = 0; r < R; r++) {
            vf_store(y + r * stride + i, e[r]);
            ISA_NAME(row_sum_f32)(&h[r], &l[r], e[r], mode.split);
        }
        if (prev)
            for (int r = 0; r < R; r++) ISA_NAME(scale_at_f32)(prev + r * stride + i, vf_set(inv[0][r]), vf_set(inv[1][r]));
    }
    if (i < n) {
        for (int r = 0; r < R; r++) {
            vf e = ISA_NAME(exp_row_step_f32)(vf_load_tail(x + r * stride + i, n - i, -INFINITY), m[r], nm[r], b, &hi,
                                              clamped_f32(mode));
            vf_store_tail(y + r * stride + i, e, n - i);
            ISA_NAME(row_sum_f32)(&h[r], &l[r], e, mode.split);
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
    return mode.split != SPLIT_NONE || kept;
}

/// Scales the R rows of y by the float pairs inv[0][r] + inv[1][r].
static inline void ISA_NAME(scale_group_f32)(float *y, size_t n, size_t stride, float inv[2][4], int R) {
    for (int r = 0; r < R; r++) ISA_NAME(scale_by_f32)(y + r * stride, n, vf_set(inv[0][r]), vf_set(inv[1][r]));
}

/// Softmax of rows of at most MEDIUM_ROWS_MAX elements, MEDIUM_GROUP at a time; returns the rows done
/// (it stops before a group with a declined row). Each group is scaled in the pass of the group two
/// after it, and the last two after the loop. Into another buffer a group is first taken unshifted
/// with no look at its maxima, and kept if its sums pass (medium_group_f32); otherwise, and in place
/// (where its exps overwrite x), its maxima and minima are read first. After a group that fails,
/// groups are tried as csm_unshifted_try_f32 says of the failed group's rows (the least of the four).
static inline __attribute__((always_inline)) size_t ISA_NAME(medium_rows_f32)(const float *x, float *y, size_t rows,
                                                                             size_t n, size_t stride, float beta,
                                                                             const int scaled) {
    size_t row = 0, unscaled = 0;  // unscaled: the first group whose exps wait for their scale
    const medium_rows_f32 shape = {n, stride, vf_set(beta)};
    float mx[4], inv[3][2][4];  // the reciprocals of this group and of the two before it, by group % 3
    int first = x != y ? UNSHIFTED_FIRST_TRY : UNSHIFTED_NO;  // as in softmax_long_rows_f32, for a whole group
    for (; row + MEDIUM_GROUP <= rows; row += MEDIUM_GROUP) {
        const float *xg = x + row * stride;
        float *yg = y + row * stride;
        size_t g = row / MEDIUM_GROUP;
        float (*mine)[4] = inv[g % 3];
        unscaled_group_f32 late = {g >= 2 ? yg - 2 * MEDIUM_GROUP * stride : NULL, inv[(g + 1) % 3]};  // group g − 2
        if (late.y) unscaled = g - 1;
        if (first != UNSHIFTED_NO) {  // the usual case
            if (first == UNSHIFTED_BARE
                    ? ISA_NAME(medium_group_f32)(shape, xg, yg, NULL, late, mine, unshifted_f32(0, scaled))
                    : ISA_NAME(medium_group_f32)(shape, xg, yg, NULL, late, mine, unshifted_f32(1, scaled)))
                continue;
            late.y = NULL;  // scaled by the pass that failed
        }
        int all = 1, ok = 1, unshifted = UNSHIFTED_BARE;
        for (int r = 0; r < MEDIUM_GROUP; r++) {
            float mn;
            ok &= ISA_NAME(row_range_f32)(xg + r * stride, n, &mx[r], &mn);
            all &= (scaled ? beta * (mn - mx[r]) : mn - mx[r]) >= EXP_F32_UNCLAMPED_FLOOR;
            int try_ = csm_unshifted_try_f32(scaled ? beta * mx[r] : mx[r], scaled ? beta * mn : mn);
            unshifted = try_ < unshifted ? try_ : unshifted;  // the group's: its rows' least
        }
        if (!ok) {
            if (late.y) unscaled = g - 2;  // no pass ran
            break;
        }
        first = x != y ? unshifted : UNSHIFTED_NO;
        if (unshifted != UNSHIFTED_NO)  // a β·max in [0, 64] needs no test of Σ
            ISA_NAME(medium_group_f32)(shape, xg, yg, mx, late, mine, unshifted_f32(1, scaled));
        else if (all)
            ISA_NAME(medium_group_f32)(shape, xg, yg, mx, late, mine, shifted_f32(SPLIT_ANY, 0, scaled));
        else
            ISA_NAME(medium_group_f32)(shape, xg, yg, mx, late, mine, shifted_f32(SPLIT_ANY, 1, scaled));
    }
    for (size_t g = unscaled; g < row / MEDIUM_GROUP; g++)
        ISA_NAME(scale_group_f32)(y + g * MEDIUM_GROUP * stride, n, stride, inv[g % 3], MEDIUM_GROUP);
    return row;
}

/// The medium rows out of line (inlined, they change the code of the long-row loop), with a copy for
/// β = 1 and one for any other β.
static __attribute__((noinline)) size_t ISA_NAME(softmax_medium_rows_f32)(const float *x, float *y, size_t rows,
                                                                         size_t n, size_t stride, float beta) {
    return beta == 1 ? ISA_NAME(medium_rows_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(medium_rows_f32)(x, y, rows, n, stride, beta, 1);
}
