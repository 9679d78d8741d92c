// Run-time choice of the instruction set, and the exported entry points that forward to it.
#include "csoftmax_simd.h"
#include "isa_entry_points.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

/// The CPU's best set, lowered by SOFTMAX_KERNELS_ISA; computed once (a benign race: every thread
/// computes the same value).
int csm_best_isa(void) {
    static int cached = -1;
    int isa = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (isa >= 0) return isa;
    isa = CSM_ISA_PORTABLE;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) isa = CSM_ISA_AVX2_FMA;
    if (isa == CSM_ISA_AVX2_FMA && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl"))
        isa = CSM_ISA_AVX512;
#endif
    const char *want = getenv("SOFTMAX_KERNELS_ISA");
    if (want && strcmp(want, "portable") == 0) isa = CSM_ISA_PORTABLE;
    if (want && strcmp(want, "avx2") == 0 && isa > CSM_ISA_AVX2_FMA) isa = CSM_ISA_AVX2_FMA;
    __atomic_store_n(&cached, isa, __ATOMIC_RELAXED);
    return isa;
}

/// The L3 size in bytes as Linux's cache topology reports it (sysconf's figure can be far off in a
/// VM: 320 MB for a 32 MB L3 here), 0 where it does not.
static long csm_l3_bytes(void) {
    FILE *f = fopen("/sys/devices/system/cpu/cpu0/cache/index3/size", "r");
    if (!f) return 0;
    long kb = 0;
    char unit = 0;
    int got = fscanf(f, "%ld%c", &kb, &unit);
    fclose(f);
    if (got < 1 || kb <= 0) return 0;
    return unit == 'M' ? kb << 20 : unit == 'K' ? kb << 10 : kb;
}

/// The L3 size (an output that large cannot stay in cache beside its input), 32 MiB where it is not
/// known; computed once.
size_t csm_stream_output_bytes(void) {
    static long cached = 0;
    long bytes = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (bytes > 0) return (size_t)bytes;
    bytes = csm_l3_bytes();
    if (bytes <= 0) bytes = 32L << 20;
    __atomic_store_n(&cached, bytes, __ATOMIC_RELAXED);
    return (size_t)bytes;
}

#if defined(__x86_64__)
/// Whether the CPU converts binary16 (F16C): the AVX2 copy of the Float16 kernels needs it (AVX-512F has it).
static int csm_has_f16c(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("f16c");
}
/// The body of a forwarder: the copy of `isa`, 0 for the portable set (and, for the Float16 kernels,
/// at the AVX2 level without F16C).
#define CSM_FORWARD_CORE(name, args)                                                                          \
    switch (isa) {                                                                                             \
    case CSM_ISA_AVX512: return name##_avx512 args;                                                            \
    case CSM_ISA_AVX2_FMA: return name##_avx2 args;                                                            \
    default: return 0;                                                                                         \
    }
#define CSM_FORWARD_F16C(name, args)                                                                          \
    switch (isa) {                                                                                             \
    case CSM_ISA_AVX512: return name##_avx512 args;                                                            \
    case CSM_ISA_AVX2_FMA: return csm_has_f16c() ? name##_avx2 args : 0;                                       \
    default: return 0;                                                                                         \
    }
#else
#define CSM_FORWARD_CORE(name, args) return 0;
#define CSM_FORWARD_F16C(name, args) return 0;
#endif

/// The exported entry points, one per line of CSM_ENTRY_POINTS.
#define CSM_FORWARDER(needs, type, name, params, args)                                                        \
    type csm_##name CSM_WITH_ISA params { CSM_FORWARD_##needs(csm_##name, args) }
CSM_ENTRY_POINTS(CSM_FORWARDER)
