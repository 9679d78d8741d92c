// The row kernels compiled for AVX-512 (F, DQ, VL with FMA); called only when the CPU has them.
// The templates are included in the order of their dependencies (each says what it needs).
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))), apply_to = function)
#include "isa_entry_points.h"
#include "ops_avx512.h"
#define ISA_NAME(name) name##_avx512_impl
#define ISA_ENTRY(name) csm_##name##_avx512 /* the exported copy, for the Float16 kernels */
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
#include "ops_f16_avx512.h"
#include "f16_common.h"
#include "f16_softmax.h"
#include "f16_log_softmax.h"
#include "f16_softmax_vjp.h"
CSM_ENTRY_POINTS(CSM_DEFINE_CORE)
CSM_ENTRY_POINTS(CSM_DEFINE_F16C)
#pragma clang attribute pop
#endif
