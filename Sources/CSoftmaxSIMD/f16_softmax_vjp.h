// The Float16 softmax VJP β·s ⊙ (g − ⟨g, s⟩): the loop of f32_softmax_vjp.h on binary16 loads, ⟨g, s⟩ in
// double, each value rounded once to binary16. No scratch: it is two passes with no reduction to keep.
// A template: include it after f16_common.h.

static size_t ISA_NAME(softmax_vjp_f16)(const uint16_t *s, const uint16_t *g, uint16_t *dx, size_t rows, size_t n,
                                         size_t stride, float beta) {
    vf b = vf_set(beta);
    for (size_t row = 0; row < rows; row++) {
        const uint16_t *sr = s + row * stride, *gr = g + row * stride;
        uint16_t *dr = dx + row * stride;
        vd d0 = vd_set(0), d1 = vd_set(0);
        size_t i = 0;
        for (; i + VF_W <= n; i += VF_W) vf_dot_wide(vf_load_half(sr + i), vf_load_half(gr + i), &d0, &d1);
        if (i < n)
            vf_dot_wide(ISA_NAME(load_half_tail)(sr + i, n - i, 0), ISA_NAME(load_half_tail)(gr + i, n - i, 0), &d0, &d1);
        double d = vd_hsum(vd_add(d0, d1));
        float dh = (float)d;
        vf vdh = vf_set(dh), vdl = vf_set((float)(d - dh));
        for (i = 0; i + VF_W <= n; i += VF_W) {
            vf u = vf_sub(vf_sub(vf_load_half(gr + i), vdh), vdl);
            vf_store_half(dr + i, vf_mul(b, vf_mul(vf_load_half(sr + i), u)));
        }
        if (i < n) {
            vf u = vf_sub(vf_sub(ISA_NAME(load_half_tail)(gr + i, n - i, 0), vdh), vdl);
            ISA_NAME(store_half_tail)(dr + i, vf_mul(b, vf_mul(ISA_NAME(load_half_tail)(sr + i, n - i, 0), u)), n - i);
        }
    }
    return rows;
}
