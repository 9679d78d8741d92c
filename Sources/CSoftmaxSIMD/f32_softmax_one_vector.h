// Float softmax, rows of one vector (at most VF_W elements): VF_W rows at a time, unshifted, their sums
// reduced together (vf_rows_inverse), each group's exps taken while the previous group's sums are
// reduced. A template: include it after f32_common.h.

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
