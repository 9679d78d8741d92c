// Hot row loops of the `simd` softmax kernels, compiled for AVX2+FMA and for AVX-512 through
// per-function target attributes and chosen at run time (the package itself builds with default
// flags). SoftmaxKernels calls these for softmax and log-softmax at any finite β > 0 and for the
// softmax VJP, and keeps its portable Swift SIMD code for everything else. The map of row strategies
// to files is Sources/CSoftmaxSIMD/README.md.
// Float16 (binary16 bit patterns, uint16_t) is computed in float by the same code and each output
// rounded once to binary16 (nearest even), within 1 ulp; at the AVX2 level it also needs F16C.
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

/// The output size from which csm_softmax_stream_f32 pays whatever the caches hold: the L3, as
/// /sys/devices/system/cpu/cpu0/cache reports it (32 MiB where it does not). Below it, an output that
/// is partly in cache (say just written by the caller) is written faster through the caches.
size_t csm_stream_output_bytes(void);

// Every entry point, spelled once: X(needs, type, name, (parameters), (arguments)). This list makes
// the prototypes below (each csm_<name> with `int isa` first), the per-instruction-set copies
// (isa_entry_points.h) and the forwarders of dispatch.c. `needs` is CORE, or F16C for the Float16
// kernels, which at the AVX2 level also need F16C. With `isa` 0 (or on a CPU or architecture without
// the instructions) an entry point does nothing and returns 0.
//
// Batches (softmax_*, log_softmax_*, softmax_vjp_*) walk `rows` rows of `n` elements, row r starting
// at element r·`stride`, and return how many rows they finished: they stop at the first row they
// decline (a +inf entry, no finite entry, a NaN (in Float only one that reached the row's maximum),
// or, for log-softmax in Float or Float16, a mass off the maximum below 2^-100), which the caller
// computes on its own path before calling again for the rest. Float rows with a NaN elsewhere are
// finished, NaN everywhere, as the "limit" policy wants. In-place (x == y) is allowed.
// - softmax: s_i = e^(β·(x_i − max)) / Σ e^(β·(x_j − max)) within 4 ulps, at any finite β > 0
//   (β·(x − max) kept as an exact pair too); other β: 0 rows done.
// - softmax_stream_f32: as softmax_f32, for outputs too large to stay in cache: rows of 257 to 1024
//   elements write their outputs past the caches (non-temporal stores), which saves reading the
//   output lines before writing them; the results are the same. Worth it from about
//   csm_stream_output_bytes() of output.
// - log_softmax: β·(x_i − max) − ln Σ e^(β·(x_j − max)), ln Σ as log1p of the mass off the maxima; β
//   as for softmax.
// - softmax_vjp: β·s ⊙ (g − ⟨g, s⟩) from the softmax output s; never declines a row.
// - The Float16 three take binary16 bit patterns and compute in float; softmax and log-softmax take
//   β ≠ 1 on rows of at most 4096 elements only (0 rows done on longer ones).
//
// Slices (slice_*): one softmax row split over threads, a slice at a time, in three phases: the
// slice's maximum (slice_range_f32 also its minimum; the caller combines all slices' before the next
// phase), its exps e^(β·(x − max)) stored with their sum from the whole row's max (and min), and the
// scaling by 1/Σ of all slices' sums. The caller checks that the max is finite and β > 0 finite;
// slice_max_f64 returns 0 when the slice holds a NaN. A Float row into another buffer first tries two
// phases: the slices' exps taken unshifted, with no max (slice_unshifted_f32), kept if
// csm_unshifted_inverse_f32 of 1/Σ over all slices says so, then the scaling.
#define CSM_ENTRY_POINTS(X)                                                                                    \
    X(CORE, size_t, softmax_f32, (const float *x, float *y, size_t rows, size_t n, size_t stride, float beta),   \
      (x, y, rows, n, stride, beta))                                                                           \
    X(CORE, size_t, softmax_stream_f32,                                                                        \
      (const float *x, float *y, size_t rows, size_t n, size_t stride, float beta), (x, y, rows, n, stride, beta)) \
    X(CORE, size_t, log_softmax_f32, (const float *x, float *y, size_t rows, size_t n, size_t stride, float beta), \
      (x, y, rows, n, stride, beta))                                                                           \
    X(CORE, size_t, softmax_vjp_f32,                                                                           \
      (const float *s, const float *g, float *dx, size_t rows, size_t n, size_t stride, float beta),           \
      (s, g, dx, rows, n, stride, beta))                                                                       \
    X(CORE, size_t, softmax_f64,                                                                               \
      (const double *x, double *y, size_t rows, size_t n, size_t stride, double beta), (x, y, rows, n, stride, beta)) \
    X(CORE, size_t, log_softmax_f64,                                                                           \
      (const double *x, double *y, size_t rows, size_t n, size_t stride, double beta), (x, y, rows, n, stride, beta)) \
    X(CORE, size_t, softmax_vjp_f64,                                                                           \
      (const double *s, const double *g, double *dx, size_t rows, size_t n, size_t stride, double beta),       \
      (s, g, dx, rows, n, stride, beta))                                                                       \
    X(F16C, size_t, softmax_f16,                                                                               \
      (const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride, float beta), (x, y, rows, n, stride, beta)) \
    X(F16C, size_t, log_softmax_f16,                                                                           \
      (const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride, float beta), (x, y, rows, n, stride, beta)) \
    X(F16C, size_t, softmax_vjp_f16,                                                                           \
      (const uint16_t *s, const uint16_t *g, uint16_t *dx, size_t rows, size_t n, size_t stride, float beta),  \
      (s, g, dx, rows, n, stride, beta))                                                                       \
    X(CORE, double, slice_unshifted_f32, (const float *x, float *y, size_t n, float beta), (x, y, n, beta))    \
    X(CORE, int, slice_range_f32, (const float *x, size_t n, float *max, float *min), (x, n, max, min))        \
    X(CORE, double, slice_exp_f32, (const float *x, float *y, size_t n, float max, float min, float beta),     \
      (x, y, n, max, min, beta))                                                                               \
    X(CORE, int, slice_scale_f32, (float *y, size_t n, double sum), (y, n, sum))                               \
    X(CORE, int, slice_max_f64, (const double *x, size_t n, double *max), (x, n, max))                         \
    X(CORE, double, slice_exp_f64, (const double *x, double *y, size_t n, double max, double beta),            \
      (x, y, n, max, beta))                                                                                    \
    X(CORE, int, slice_scale_f64, (double *y, size_t n, double sum), (y, n, sum))

/// (parameters) with `int isa` in front.
#define CSM_WITH_ISA(...) (int isa, __VA_ARGS__)
#define CSM_PROTOTYPE(needs, type, name, params, args) type csm_##name CSM_WITH_ISA params;
CSM_ENTRY_POINTS(CSM_PROTOTYPE)
#undef CSM_PROTOTYPE

/// 1 when a Float softmax row whose exps were taken unshifted, with no look at its max, may keep them,
/// from the reciprocal of their sum rounded to float, f: f ≤ 1 (Σ ≥ 1, to a rounding) makes every
/// output no larger than its own exp, so an exp that underflows belongs to an output that underflows
/// as far; f ≥ 2^-92 (Σ ≤ 2^92 < e^64) shows that no exp reached e^64 or overflowed, and keeps 1/Σ a
/// normal float pair; a NaN fails. A row that fails is redone after the shift by its max.
static inline int csm_unshifted_inverse_f32(float f) { return f <= 1 && f >= 0x1p-92f; }

/// Atomically adds `v` to *p and returns the previous value (the row chunks of a parallel batch).
static inline intptr_t csm_fetch_add(intptr_t *p, intptr_t v) { return __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }

#endif
