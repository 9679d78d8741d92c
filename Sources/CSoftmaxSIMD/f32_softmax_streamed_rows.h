// Float softmax, streamed rows: outputs too large to stay in cache (csm_softmax_stream_f32) written past
// the caches. The long-row loop (f32_softmax_long_rows.h) takes a row's exps into a scratch row, and
// the exp pass of the next row scales them into the output with non-temporal stores. A template:
// include it after f32_common.h.

#define STREAM_MAX_N 1024 /* rows up to this length may stream their outputs (two scratch rows, 8 KB) */

/// A row whose exps wait in a scratch row (src) for their scale by 1/Σ (h + l) and their store to dst
/// past the caches: the whole vectors from dst + head (64-byte aligned) go in the exp pass of the next
/// row, one by one (stream_vector_f32), the head and tail after it (stream_ends_f32). For outputs that
/// will not stay in cache anyway, this saves reading their lines before writing them (a third of the
/// memory traffic), and spreads the writes over the compute of the next row.
typedef struct {
    const float *src;
    float *dst;
    vf h, l;
    size_t n, head, vectors;
} pending_f32;

static inline void ISA_NAME(pending_row_f32)(pending_f32 *p, const float *src, float *dst, size_t n, double f) {
    size_t head = ((64 - (uintptr_t)dst % 64) % 64) / sizeof(float);
    p->src = src;
    p->dst = dst;
    p->n = n;
    p->head = head < n ? head : n;
    p->vectors = (n - p->head) / VF_W;
    ISA_NAME(scale_factor_f32)(f, &p->h, &p->l);
}

/// Scales and streams whole vector v of a pending row (v < p->vectors).
static inline __attribute__((always_inline)) void ISA_NAME(stream_vector_f32)(const pending_f32 *p, size_t v) {
    size_t i = p->head + v * VF_W;
    vf a = vf_load(p->src + i);
    vf_stream(p->dst + i, ISA_NAME(times_pair_f32)(a, p->h, p->l));
}

/// The lanes of a pending row outside its whole vectors (before dst + head and after the last one),
/// by scalar stores: a masked vector store to a line out of the caches costs far more on Zen 4.
static inline void ISA_NAME(stream_ends_f32)(const pending_f32 *p) {
    float h = vf_first(p->h), l = vf_first(p->l);
    for (size_t i = 0; i < p->head; i++) p->dst[i] = fmaf(p->src[i], h, p->src[i] * l);
    for (size_t i = p->head + p->vectors * VF_W; i < p->n; i++) p->dst[i] = fmaf(p->src[i], h, p->src[i] * l);
}

