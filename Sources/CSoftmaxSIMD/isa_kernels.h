// The per-instruction-set copies of the row kernels (avx2.c, avx512.c), for dispatch.c only.
#ifndef CSOFTMAX_ISA_KERNELS_H
#define CSOFTMAX_ISA_KERNELS_H
#include <stddef.h>
#include <stdint.h>

#define CSM_DECLARE(SUFFIX)                                                                                   \
    size_t csm_softmax_f32_##SUFFIX(const float *, float *, size_t, size_t, size_t, float);                    \
    size_t csm_softmax_stream_f32_##SUFFIX(const float *, float *, size_t, size_t, size_t, float);             \
    size_t csm_log_softmax_f32_##SUFFIX(const float *, float *, size_t, size_t, size_t, float);                \
    size_t csm_softmax_vjp_f32_##SUFFIX(const float *, const float *, float *, size_t, size_t, size_t, float);  \
    size_t csm_softmax_f64_##SUFFIX(const double *, double *, size_t, size_t, size_t, double);                 \
    size_t csm_log_softmax_f64_##SUFFIX(const double *, double *, size_t, size_t, size_t, double);             \
    size_t csm_softmax_vjp_f64_##SUFFIX(const double *, const double *, double *, size_t, size_t, size_t, double); \
    size_t csm_softmax_f16_##SUFFIX(const uint16_t *, uint16_t *, size_t, size_t, size_t, float);              \
    size_t csm_log_softmax_f16_##SUFFIX(const uint16_t *, uint16_t *, size_t, size_t, size_t, float);          \
    size_t csm_softmax_vjp_f16_##SUFFIX(const uint16_t *, const uint16_t *, uint16_t *, size_t, size_t, size_t, \
                                        float);

/// The slice entry points of one instruction set (see slices.h).
#define CSM_DECLARE_SLICES(SUFFIX)                                                                            \
    double csm_slice_unshifted_f32_##SUFFIX(const float *, float *, size_t, float);                            \
    int csm_slice_range_f32_##SUFFIX(const float *, size_t, float *, float *);                                 \
    double csm_slice_exp_f32_##SUFFIX(const float *, float *, size_t, float, float, float);                    \
    int csm_slice_scale_f32_##SUFFIX(float *, size_t, double);                                                 \
    int csm_slice_max_f64_##SUFFIX(const double *, size_t, double *);                                          \
    double csm_slice_exp_f64_##SUFFIX(const double *, double *, size_t, double, double);                       \
    int csm_slice_scale_f64_##SUFFIX(double *, size_t, double);

CSM_DECLARE_SLICES(avx2)
CSM_DECLARE_SLICES(avx512)
CSM_DECLARE(avx2)
CSM_DECLARE(avx512)

/// Defines the exported entry points of one instruction set from the static kernels of the templates.
#define CSM_DEFINE(SUFFIX)                                                                                     \
    size_t csm_softmax_f32_##SUFFIX(const float *x, float *y, size_t r, size_t n, size_t s, float b) {         \
        return ISA_NAME(softmax_f32)(x, y, r, n, s, b);                                                        \
    }                                                                                                          \
    size_t csm_softmax_stream_f32_##SUFFIX(const float *x, float *y, size_t r, size_t n, size_t s, float b) {  \
        return ISA_NAME(softmax_stream_f32)(x, y, r, n, s, b);                                                 \
    }                                                                                                          \
    size_t csm_log_softmax_f32_##SUFFIX(const float *x, float *y, size_t r, size_t n, size_t s, float b) {     \
        return ISA_NAME(log_softmax_f32)(x, y, r, n, s, b);                                                    \
    }                                                                                                          \
    size_t csm_softmax_vjp_f32_##SUFFIX(const float *a, const float *g, float *d, size_t r, size_t n, size_t s, \
                                        float b) {                                                             \
        return ISA_NAME(softmax_vjp_f32)(a, g, d, r, n, s, b);                                                 \
    }                                                                                                          \
    size_t csm_softmax_f64_##SUFFIX(const double *x, double *y, size_t r, size_t n, size_t s, double b) {      \
        return ISA_NAME(softmax_f64)(x, y, r, n, s, b);                                                        \
    }                                                                                                          \
    size_t csm_log_softmax_f64_##SUFFIX(const double *x, double *y, size_t r, size_t n, size_t s, double b) {  \
        return ISA_NAME(log_softmax_f64)(x, y, r, n, s, b);                                                    \
    }                                                                                                          \
    size_t csm_softmax_vjp_f64_##SUFFIX(const double *a, const double *g, double *d, size_t r, size_t n,       \
                                        size_t s, double b) {                                                  \
        return ISA_NAME(softmax_vjp_f64)(a, g, d, r, n, s, b);                                                 \
    }

/// The Float16 entry points of one instruction set (a separate macro: on AVX2 they need F16C as well).
#define CSM_DEFINE_F16(SUFFIX)                                                                                 \
    size_t csm_softmax_f16_##SUFFIX(const uint16_t *x, uint16_t *y, size_t r, size_t n, size_t s, float b) {   \
        return ISA_NAME(softmax_f16)(x, y, r, n, s, b);                                                        \
    }                                                                                                          \
    size_t csm_log_softmax_f16_##SUFFIX(const uint16_t *x, uint16_t *y, size_t r, size_t n, size_t s,          \
                                        float b) {                                                             \
        return ISA_NAME(log_softmax_f16)(x, y, r, n, s, b);                                                    \
    }                                                                                                          \
    size_t csm_softmax_vjp_f16_##SUFFIX(const uint16_t *a, const uint16_t *g, uint16_t *d, size_t r, size_t n, \
                                        size_t s, float b) {                                                   \
        return ISA_NAME(softmax_vjp_f16)(a, g, d, r, n, s, b);                                                 \
    }

/// Defines the slice entry points of one instruction set from the static functions of slices.h.
#define CSM_DEFINE_SLICES(SUFFIX)                                                                             \
    double csm_slice_unshifted_f32_##SUFFIX(const float *x, float *y, size_t n, float b) {                     \
        return ISA_NAME(slice_unshifted_f32)(x, y, n, b);                                                      \
    }                                                                                                          \
    int csm_slice_range_f32_##SUFFIX(const float *x, size_t n, float *mx, float *mn) {                         \
        return ISA_NAME(slice_range_f32)(x, n, mx, mn);                                                        \
    }                                                                                                          \
    double csm_slice_exp_f32_##SUFFIX(const float *x, float *y, size_t n, float mx, float mn, float b) {       \
        return ISA_NAME(slice_exp_f32)(x, y, n, mx, mn, b);                                                    \
    }                                                                                                          \
    int csm_slice_scale_f32_##SUFFIX(float *y, size_t n, double sum) { return ISA_NAME(slice_scale_f32)(y, n, sum); } \
    int csm_slice_max_f64_##SUFFIX(const double *x, size_t n, double *mx) { return ISA_NAME(slice_max_f64)(x, n, mx); } \
    double csm_slice_exp_f64_##SUFFIX(const double *x, double *y, size_t n, double mx, double b) {             \
        return ISA_NAME(slice_exp_f64)(x, y, n, mx, b);                                                        \
    }                                                                                                          \
    int csm_slice_scale_f64_##SUFFIX(double *y, size_t n, double sum) { return ISA_NAME(slice_scale_f64)(y, n, sum); }

#endif
