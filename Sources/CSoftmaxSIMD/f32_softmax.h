// Float softmax of a batch: the short rows (at most four vectors, f32_softmax_short_rows.h) at its
// start, then the rest row by row (f32_softmax_long_rows.h), which hands the rows of at most
// MEDIUM_ROWS_MAX elements to f32_softmax_medium_rows.h. A template: include it after the four.

/// Softmax of a batch: the differences are β·(x − max) when `scaled` (β > 0), x − max otherwise.
static inline __attribute__((always_inline)) size_t ISA_NAME(softmax_batch_f32)(const float *x, float *y, size_t rows,
                                                                               size_t n, size_t stride, float beta,
                                                                               int stream, const int scaled) {
    size_t done = ISA_NAME(softmax_short_rows_f32)(x, y, rows, n, stride, scaled ? beta : 1);
    return done + ISA_NAME(softmax_long_rows_f32)(x + done * stride, y + done * stride, rows - done, n, stride, beta,
                                                  stream, scaled);
}

/// Softmax at any finite β > 0 (0 rows done for another β), with a copy for β = 1 and one for any
/// other β; `stream` as in softmax_long_rows_f32.
static size_t ISA_NAME(softmax_by_beta_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride,
                                            float beta, int stream) {
    if (!(beta > 0 && beta <= FLT_MAX)) return 0;
    return beta == 1 ? ISA_NAME(softmax_batch_f32)(x, y, rows, n, stride, 1, stream, 0)
                     : ISA_NAME(softmax_batch_f32)(x, y, rows, n, stride, beta, stream, 1);
}

/// Softmax whose outputs stay in cache.
static size_t ISA_NAME(softmax_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride, float beta) {
    return ISA_NAME(softmax_by_beta_f32)(x, y, rows, n, stride, beta, 0);
}

/// Softmax whose outputs are written past the caches where the rows allow it (softmax_long_rows_f32).
static size_t ISA_NAME(softmax_stream_f32)(const float *x, float *y, size_t rows, size_t n, size_t stride,
                                           float beta) {
    return ISA_NAME(softmax_by_beta_f32)(x, y, rows, n, stride, beta, 1);
}
