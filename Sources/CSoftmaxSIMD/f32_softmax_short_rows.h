// Float softmax, short rows (at most four vectors): groups of 4 rows (8 for rows of one vector) phase
// by phase, the horizontal reductions of the rows sharing their shuffles; rows of one vector first go
// VF_W at a time unshifted (f32_softmax_one_vector.h). A template: include it after
// f32_softmax_one_vector.h.

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

/// The exps of g short rows of nv vectors (v, maxima m) into e, and each row's sum in double into s;
/// always clamped, as their tails are padded with −inf.
static inline __attribute__((always_inline)) void ISA_NAME(short_exps_f32)(vf v[8][4], const vf *m, vf b, vf e[8][4],
                                                                          vd *s, const int g, const int nv,
                                                                          const exp_mode_f32 mode) {
    vf hi;
    for (int j = 0; j < g; j++) {
        vf nm = vf_sub(vf_set(0), m[j]);
        vd s1 = vd_set(0);
        s[j] = vd_set(0);
        for (int k = 0; k < nv; k++) {
            e[j][k] = ISA_NAME(exp_row_step_f32)(v[j][k], m[j], nm, b, &hi, clamped_f32(mode));
            vf_add_wide(e[j][k], &s[j], &s1);
        }
        s[j] = vd_add(s[j], s1);
    }
}

/// Softmax of rows of at most nv vectors, in groups of 4 rows (8 when nv = 1, so that at least eight
/// exps are in flight), phase by phase: a per-row loop on 16-element rows waits on each row's chain
/// (horizontal max, exp, horizontal sum, reciprocal), and the horizontal reductions of four rows share
/// their shuffles. Returns the rows done (it stops before a group with a declined row).
static inline __attribute__((always_inline)) size_t ISA_NAME(short_row_groups_f32)(const float *x, float *y,
                                                                                  size_t rows, size_t n,
                                                                                  size_t stride, vf b, const int nv,
                                                                                  const int scaled) {
    const int quads = nv == 1 ? 2 : 1, g = 4 * quads;
    size_t row = 0;
    for (; row + g <= rows; row += g) {
        vf v[8][4], m[8], e[8][4], fh[2], fl[2];
        vd s[8];
        int ok = 1;
        for (int q = 0; q < quads; q++) ok &= ISA_NAME(load_group_f32)(x + (row + 4 * q) * stride, n, stride, nv, v + 4 * q, m + 4 * q);
        if (!ok) break;
        if (ISA_NAME(group_unshifted_f32)(m, g, b, scaled)) ISA_NAME(short_exps_f32)(v, m, b, e, s, g, nv, unshifted_f32(1, scaled));
        else ISA_NAME(short_exps_f32)(v, m, b, e, s, g, nv, shifted_f32(SPLIT_ANY, 1, scaled));
        for (int q = 0; q < quads; q++) vd_group_inverse(s + 4 * q, &fh[q], &fl[q]);
        for (int j = 0; j < g; j++) {
            vf h = vf_group_inverse_lane(fh[j / 4], j % 4), l = vf_group_inverse_lane(fl[j / 4], j % 4);
            for (int k = 0; k < nv; k++)
                ISA_NAME(store_part_f32)(y + (row + j) * stride, n, k, ISA_NAME(times_pair_f32)(e[j][k], h, l));
        }
    }
    return row;
}

/// Softmax of the short rows at the start of a batch, by their count of vectors; returns the rows done.
static inline __attribute__((always_inline)) size_t ISA_NAME(short_rows_f32)(const float *x, float *y, size_t rows,
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
            size_t k = ISA_NAME(short_row_groups_f32)(x + done * stride, y + done * stride, g, n, stride, b, 1, scaled);
            done += k;
            if (k < g) break;
        }
        return done;
    }
    case 2: return ISA_NAME(short_row_groups_f32)(x, y, rows, n, stride, b, 2, scaled);
    case 3: return ISA_NAME(short_row_groups_f32)(x, y, rows, n, stride, b, 3, scaled);
    case 4: return ISA_NAME(short_row_groups_f32)(x, y, rows, n, stride, b, 4, scaled);
    default: return 0;
    }
}

/// The short rows out of line (as the medium rows), with a copy for β = 1 and one for any other β.
static __attribute__((noinline)) size_t ISA_NAME(softmax_short_rows_f32)(const float *x, float *y, size_t rows,
                                                                        size_t n, size_t stride, float beta) {
    return beta == 1 ? ISA_NAME(short_rows_f32)(x, y, rows, n, stride, 1, 0)
                     : ISA_NAME(short_rows_f32)(x, y, rows, n, stride, beta, 1);
}
