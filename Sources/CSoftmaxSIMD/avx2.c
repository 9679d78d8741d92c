// The row kernels compiled for AVX2 with FMA (Float16: and F16C); called only when the CPU has them.
// The templates are included in the order of their dependencies (each says what it needs).
#if defined(__x86_64__)
#include "isa_entry_points.h" /* before the attributes: the Float16 entry points get a wider target */
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "ops_avx2.h"
#define ISA_NAME(name) name##_avx2_impl
#define ISA_ENTRY(name) csm_##name##_avx2 /* the exported copy, for the Float16 kernels */
#include "f32_common.h"
#include "f32_softmax_streamed_rows.h"
#include "f32_softmax_medium_rows.h"
#include "f32_softmax_long_rows.h"
#include "f32_softmax_one_vector.h"
#include "f32_softmax_short_rows.h"
#include "f32_softmax.h"
#include "f32_log_softmax.h"
#include "f32_softmax_vjp.h"
#include "f64_common.h"
#include "f64_softmax.h"
#include "f64_log_softmax.h"
#include "f64_softmax_vjp.h"
#include "row_slices.h"
CSM_ENTRY_POINTS(CSM_DEFINE_CORE)
#pragma clang attribute pop
// The Float16 kernels also need F16C (the dispatcher checks it); the code above keeps avx2,fma only.
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c"))), apply_to = function)
#include "ops_f16_avx2.h"
#include "f16_common.h"
#include "f16_softmax.h"
#include "f16_log_softmax.h"
#include "f16_softmax_vjp.h"
CSM_ENTRY_POINTS(CSM_DEFINE_F16C)
#pragma clang attribute pop
#endif
