// The row kernels compiled for AVX2 with FMA (Float16: and F16C); called only when the CPU has them.
#if defined(__x86_64__)
#include "isa_kernels.h" /* before the attributes: the Float16 entry points get a wider target */
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "ops_avx2.h"
#define ISA_NAME(name) name##_avx2_impl
#define ISA_ENTRY(name) csm_##name##_avx2 /* the exported copy, for the Float16 kernels */
#include "f32_rows.h"
#include "f32_softmax.h"
#include "f32_log_softmax.h"
#include "f32_vjp.h"
#include "f64_rows.h"
#include "f64_softmax.h"
#include "f64_log_softmax.h"
#include "f64_vjp.h"
#include "slices.h"
CSM_DEFINE(avx2)
CSM_DEFINE_SLICES(avx2)
#pragma clang attribute pop
// The Float16 kernels also need F16C (the dispatcher checks it); the code above keeps avx2,fma only.
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c"))), apply_to = function)
#include "ops_f16_avx2.h"
#include "f16_rows.h"
#include "f16_softmax.h"
#include "f16_log_softmax.h"
#include "f16_vjp.h"
CSM_DEFINE_F16(avx2)
#pragma clang attribute pop
#endif
