// The row kernels compiled for AVX2 with FMA; called only when the CPU has them.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "isa_kernels.h"
#include "ops_avx2.h"
#define ISA_NAME(name) name##_avx2_impl
#include "f32_rows.h"
#include "f32_softmax.h"
#include "f32_log_softmax.h"
#include "f32_vjp.h"
#include "f64_rows.h"
#include "f64_softmax.h"
#include "f64_log_softmax.h"
#include "f64_vjp.h"
CSM_DEFINE(avx2)
#pragma clang attribute pop
#endif
