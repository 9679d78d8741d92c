// The Float softmax VJP β·s ⊙ (g − ⟨g, s⟩), ⟨g, s⟩ in double (see f32_common.h).
// A template: include it after f32_common.h.

static size_t ISA_NAME(softmax_vjp_f32)(const float *s, const float *g, float *dx, size_t rows, size_t n,
                                         size_t stride, float beta) {
    vf b = vf_set(beta);
    for (size_t row = 0; row < rows; row++) {
        const float *sr = s + row * stride, *gr = g + row * stride;
        float *dr = dx + row * stride;
        // ⟨g, s⟩ in double: the products of floats are exact there.
        vd d0 = vd_set(0), d1 = vd_set(0);
        size_t i = 0;
        for (; i + VF_W <= n; i += VF_W) vf_dot_wide(vf_load(sr + i), vf_load(gr + i), &d0, &d1);
        if (i < n) vf_dot_wide(vf_load_tail(sr + i, n - i, 0), vf_load_tail(gr + i, n - i, 0), &d0, &d1);
        double d = vd_hsum(vd_add(d0, d1));
        float dh = (float)d;
        vf vdh = vf_set(dh), vdl = vf_set((float)(d - dh));
        for (i = 0; i + VF_W <= n; i += VF_W) {
            vf u = vf_sub(vf_sub(vf_load(gr + i), vdh), vdl);
            vf_store(dr + i, vf_mul(b, vf_mul(vf_load(sr + i), u)));
        }
        if (i < n) {
            vf u = vf_sub(vf_sub(vf_load_tail(gr + i, n - i, 0), vdh), vdl);
            vf_store_tail(dr + i, vf_mul(b, vf_mul(vf_load_tail(sr + i, n - i, 0), u)), n - i);
        }
    }
    return rows;
}
