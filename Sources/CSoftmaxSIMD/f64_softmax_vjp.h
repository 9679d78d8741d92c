// The Double softmax VJP β·s ⊙ (g − ⟨g, s⟩), ⟨g, s⟩ by compensated sums (see f64_common.h).
// A template: include it after f64_common.h.

static size_t ISA_NAME(softmax_vjp_f64)(const double *s, const double *g, double *dx, size_t rows, size_t n,
                                         size_t stride, double beta) {
    vd b = vd_set(beta), zero = vd_set(0);
    for (size_t row = 0; row < rows; row++) {
        const double *sr = s + row * stride, *gr = g + row * stride;
        double *dr = dx + row * stride;
        vd dh = zero, dl = zero;
        size_t i = 0;
        for (; i + VD_W <= n; i += VD_W) ISA_NAME(two_sum_f64)(&dh, &dl, vd_mul(vd_load(sr + i), vd_load(gr + i)));
        if (i < n) ISA_NAME(two_sum_f64)(&dh, &dl, vd_mul(vd_load_tail(sr + i, n - i, 0), vd_load_tail(gr + i, n - i, 0)));
        vd d = vd_set(ISA_NAME(sum_lanes_f64)(dh, dl));
        for (i = 0; i + VD_W <= n; i += VD_W)
            vd_store(dr + i, vd_mul(b, vd_mul(vd_load(sr + i), vd_sub(vd_load(gr + i), d))));
        if (i < n)
            vd_store_tail(dr + i, vd_mul(b, vd_mul(vd_load_tail(sr + i, n - i, 0), vd_sub(vd_load_tail(gr + i, n - i, 0), d))), n - i);
    }
    return rows;
}
