// The row kernels compiled for AVX-512 (F, DQ, VL with FMA); called only when the CPU has them.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))), apply_to = function)
#include "isa_kernels.h"
#include "ops_avx512.h"
#define ISA_NAME(name) name##_avx512_impl
#define ISA_ENTRY(name) csm_##name##_avx512 /* the exported copy, for the Float16 kernels */
#include "f32_rows.h"
#include "f32_softmax.h"
#include "f32_log_softmax.h"
#include "f32_vjp.h"
#include "f64_rows.h"
#include "f64_softmax.h"
#include "f64_log_softmax.h"
#include "f64_vjp.h"
#include "slices.h"
#include "ops_f16_avx512.h"
#include "f16_rows.h"
#include "f16_softmax.h"
#include "f16_log_softmax.h"
#include "f16_vjp.h"
CSM_DEFINE(avx512)
CSM_DEFINE_SLICES(avx512)
CSM_DEFINE_F16(avx512)
#pragma clang attribute pop
#endif
