// How far the Float softmax kernel is from the work it cannot avoid, on the shapes: for each
// shape it times, in one interleaved loop, the copy of the shape's bytes (the memory floor of the
// targets), the kernel on the shape, the kernel on a batch of the same rows that stays in cache (L1 or
// L2: no memory cost), and the exps alone on that batch (load, e^x as the kernel takes it, store:
// no sum, no reciprocal, no scale). Built and run by tools/kernel-floor over the kernel's own headers.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(KERNEL_FLOOR_AVX512)
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))), apply_to = function)
#include "ops_avx512.h"
#else
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "ops_avx2.h"
#endif
#define ISA_NAME(name) name##_floor
#include "f32_common.h"
#include "f32_softmax_streamed_rows.h"
#include "f32_softmax_medium_rows.h"
#include "f32_softmax_long_rows.h"
#include "f32_softmax_one_vector.h"
#include "f32_softmax_short_rows.h"
#include "f32_softmax.h"

/// The exps of n floats, one vector at a time, exactly as the kernel's first unshifted try takes them
/// (exp_row_step_f32 unshifted, β = 1, clamped unless the ISA lets it skip the clamp): the part of
/// every softmax that no rearrangement removes.
static inline vf exp_of(vf x) {
    vf hi;
    return exp_row_step_f32_floor(x, x, x, x, &hi, unshifted_f32(!EXP_F32_UNSHIFTED_UNCLAMPED, 0));
}
static __attribute__((noinline)) void exps_only(const float *x, float *y, size_t n) {
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) vf_store(y + i, exp_of(vf_load(x + i)));
    if (i < n) vf_store_tail(y + i, exp_of(vf_load_tail(x + i, n - i, 0)), n - i);
}
#pragma clang attribute pop

/// The C loops' softmax; returns the rows they took (all of them for these logits).
static __attribute__((noinline)) size_t kernel(const float *x, float *y, size_t rows, size_t n) {
    return softmax_f32_floor(x, y, rows, n, n, 1.0f);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

/// The clock rate, from a chain of dependent integer additions (one a cycle).
static double ghz(void) {
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
        uint64_t v = 1;
        double t0 = now();
        for (long i = 0; i < 20000000; i++) __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(v));
        double t = now() - t0;
        if (t < best) best = t;
    }
    return 80e6 / best / 1e9;
}

/// Logits as bench --kernels draws them: a sum of four uniforms, scaled (about N(0, 3²)).
static void fill(float *x, size_t count) {
    uint64_t s = 0x5EED;
    for (size_t i = 0; i < count; i++) {
        double u = 0;
        for (int k = 0; k < 4; k++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            u += (double)(s >> 11) * 0x1p-53;
        }
        x[i] = (float)((u - 2) * 5.2);
    }
}

int main(void) {
    const struct { size_t rows, n; double target; } shapes[] = {{4096, 1024, 1.5}, {65536, 16, 4.1}, {8192, 128, 3.4}};
    double clock = ghz();
    printf("clock %.2f GHz; ns per element, and cycles per 16 floats in brackets; budget: the target's multiple of the copy\n",
           clock);
    printf("%-15s %15s %15s %15s %15s %15s %12s\n", "shape (target)", "copy", "budget", "kernel", "kernel cached",
           "exps cached", "exps/budget");
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        size_t rows = shapes[s].rows, n = shapes[s].n, count = rows * n;
        size_t small_rows = 4096 / n < 16 ? 16 : 4096 / n, small = small_rows * n;  // 16 KB (or 16 rows) of x
        float *x = aligned_alloc(64, count * 4), *y = aligned_alloc(64, count * 4);
        fill(x, count);
        if (kernel(x, y, rows, n) != rows) {  // a declined row would leave the timing without its work
            fprintf(stderr, "kernel-floor: the C loops declined rows of %zux%zu\n", rows, n);
            return 1;
        }
        double best[4] = {1e9, 1e9, 1e9, 1e9};
        for (int rep = 0; rep < 40; rep++) {
            for (int k = 0; k < 4; k++) {
                int reps = k < 2 ? 1 : (int)(count / small);  // the runs in cache cover as many elements
                memcpy(y, x, count * 4);                       // y just written, as bench --kernels has it
                double t0 = now();
                for (int r = 0; r < reps; r++) {
                    if (k == 0) memcpy(y, x, count * 4);
                    else if (k == 1) kernel(x, y, rows, n);
                    else if (k == 2) kernel(x, y, small_rows, n);
                    else exps_only(x, y, small);
                }
                double t = (now() - t0) / ((double)reps * (k < 2 ? count : small)) * 1e9;  // ns per element
                if (t < best[k]) best[k] = t;
            }
        }
        double cyc = clock * 16, budget = shapes[s].target * best[0];
        char name[32];
        snprintf(name, sizeof name, "%zux%zu (%.1fx)", rows, n, shapes[s].target);
        printf("%-15s %6.3f [%5.1f] %6.3f [%5.1f] %6.3f [%5.1f] %6.3f [%5.1f] %6.3f [%5.1f] %11.0f%%\n", name, best[0],
               best[0] * cyc, budget, budget * cyc, best[1], best[1] * cyc, best[2], best[2] * cyc, best[3],
               best[3] * cyc, 100 * best[3] / budget);
        free(x);
        free(y);
    }
    return 0;
}
