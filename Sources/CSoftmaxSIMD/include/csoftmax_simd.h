// Hot row loops of the `simd` softmax kernels, compiled for AVX2+FMA and for AVX-512 through
// per-function target attributes and chosen at run time (the package itself builds with default
// flags). SoftmaxKernels calls these for softmax and log-softmax at any finite β > 0 and for the
// softmax VJP, and keeps its portable Swift SIMD code for everything else.
// Float16 (binary16 bit patterns, uint16_t) is computed in float by the same code and each output
// rounded once to binary16 (nearest even), within 1 ulp; at the AVX2 level it also needs F16C.
//
// Every batch function walks `rows` rows of `n` elements, row r starting at element r·`stride`, and
// returns how many rows it finished: it stops at the first row it declines (a +inf entry, no finite
// entry, a NaN (in Float only one that reached the row's maximum), or, for log-softmax in Float or
// Float16, a mass off the maximum below 2^-100), which the caller computes on its own path before
// calling again for the rest. Float rows with a NaN elsewhere are finished, NaN everywhere, as the
// "limit" policy wants. With `isa` 0 (or on a CPU or architecture without the instructions) nothing is
// done and 0 is returned. In-place (x == y) is allowed.
#ifndef CSOFTMAX_SIMD_H
#define CSOFTMAX_SIMD_H

#include <stddef.h>
#include <stdint.h>

/// The instruction sets of the native kernels.
enum {
    CSM_ISA_PORTABLE = 0,
    CSM_ISA_AVX2_FMA = 1,
    CSM_ISA_AVX512 = 2,
};

/// The best instruction set this CPU runs (AVX-512 F/DQ/VL, else AVX2+FMA, else portable), lowered
/// by the environment variable SOFTMAX_KERNELS_ISA=portable|avx2|avx512 if set. Cached after the
/// first call.
int csm_best_isa(void);

/// Softmax, s_i = e^(β·(x_i − max)) / Σ e^(β·(x_j − max)) within 4 ulps, at any finite β > 0
/// (β·(x − max) kept as an exact pair too). Other β: 0 rows done.
size_t csm_softmax_f32(int isa, const float *x, float *y, size_t rows, size_t n, size_t stride, float beta);
size_t csm_softmax_f64(int isa, const double *x, double *y, size_t rows, size_t n, size_t stride, double beta);

/// Float softmax as csm_softmax_f32, for outputs too large to stay in cache: rows of 257 to 1024
/// elements write their outputs past the caches (non-temporal stores), which saves reading the output
/// lines before writing them; the results are the same. Worth it from about csm_stream_output_bytes()
/// of output.
size_t csm_softmax_stream_f32(int isa, const float *x, float *y, size_t rows, size_t n, size_t stride, float beta);

/// The output size from which csm_softmax_stream_f32 pays whatever the caches hold: the L3, as
/// /sys/devices/system/cpu/cpu0/cache reports it (32 MiB where it does not). Below it, an output that
/// is partly in cache (say just written by the caller) is written faster through the caches.
size_t csm_stream_output_bytes(void);

/// Log-softmax, β·(x_i − max) − ln Σ e^(β·(x_j − max)), ln Σ as log1p of the mass off the maxima; β
/// as for softmax.
size_t csm_log_softmax_f32(int isa, const float *x, float *y, size_t rows, size_t n, size_t stride, float beta);
size_t csm_log_softmax_f64(int isa, const double *x, double *y, size_t rows, size_t n, size_t stride,
                           double beta);

/// Softmax VJP β·s ⊙ (g − ⟨g, s⟩) from the softmax output s; never declines a row.
size_t csm_softmax_vjp_f32(int isa, const float *s, const float *g, float *dx, size_t rows, size_t n,
                           size_t stride, float beta);
size_t csm_softmax_vjp_f64(int isa, const double *s, const double *g, double *dx, size_t rows, size_t n,
                           size_t stride, double beta);

/// The same three for Float16 storage: binary16 bit patterns in and out, computed in float; softmax
/// and log-softmax take β ≠ 1 on rows of at most 4096 elements only (0 rows done on longer ones).
size_t csm_softmax_f16(int isa, const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride, float beta);
size_t csm_log_softmax_f16(int isa, const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride,
                           float beta);
size_t csm_softmax_vjp_f16(int isa, const uint16_t *s, const uint16_t *g, uint16_t *dx, size_t rows, size_t n,
                           size_t stride, float beta);

/// 1 when a Float softmax row whose exps were taken unshifted, with no look at its max, may keep them,
/// from the reciprocal of their sum rounded to float, f: f ≤ 1 (Σ ≥ 1, to a rounding) makes every
/// output no larger than its own exp, so an exp that underflows belongs to an output that underflows
/// as far; f ≥ 2^-92 (Σ ≤ 2^92 < e^64) shows that no exp reached e^64 or overflowed, and keeps 1/Σ a
/// normal float pair; a NaN fails. A row that fails is redone after the shift by its max.
static inline int csm_unshifted_inverse_f32(float f) { return f <= 1 && f >= 0x1p-92f; }

/// One softmax row split over threads, a slice at a time, in three phases: the slice's maximum (and
/// Float minimum; combine all slices' before the next phase), its exps e^(β·(x − max)) stored with
/// their sum from the whole row's max (and min), and the scaling by 1/Σ of all slices' sums. The caller
/// checks that the max is finite and β > 0 finite. With `isa` 0 they do nothing and return 0. A Float
/// row into another buffer first tries two: the slices' exps taken unshifted, with no max
/// (csm_slice_unshifted_f32), kept if csm_unshifted_inverse_f32 of 1/Σ over all slices says so, then
/// the scaling.
double csm_slice_unshifted_f32(int isa, const float *x, float *y, size_t n, float beta);
int csm_slice_range_f32(int isa, const float *x, size_t n, float *max, float *min);
double csm_slice_exp_f32(int isa, const float *x, float *y, size_t n, float max, float min, float beta);
int csm_slice_scale_f32(int isa, float *y, size_t n, double sum);
int csm_slice_max_f64(int isa, const double *x, size_t n, double *max);
double csm_slice_exp_f64(int isa, const double *x, double *y, size_t n, double max, double beta);
int csm_slice_scale_f64(int isa, double *y, size_t n, double sum);

/// Atomically adds `v` to *p and returns the previous value (the row chunks of a parallel batch).
static inline intptr_t csm_fetch_add(intptr_t *p, intptr_t v) { return __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }

#endif
