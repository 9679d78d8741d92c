// The worst error of the Float kernel's exp (exp_pair_f32 of f32_rows.h), exhaustively: every float r
// of the reduced range |r| ≤ 0.3472 goes through the kernel's own polynomial (as hi = 0, lo = r, where
// k = 0 and the reduced argument is r itself) and is compared with e^r in long double. The rounding
// of the reduced argument (at most ulp(r)/2, and e^(r + d) = e^r·(1 + d)) is added to each r's error
// before the maximum. Built and run by tools/exp-bound; one process for each sign of r. With
// --extremes it lists instead the arguments in [1, 64) where the unshifted e^h errs most.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(EXP_BOUND_AVX512)
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))), apply_to = function)
#include "ops_avx512.h"
#else
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "ops_avx2.h"
#endif
#define ISA_NAME(name) name##_bound
#include "f32_rows.h"

/// The kernel's e^r for VF_W floats r (k = 0: the polynomial and its final rounding alone).
static void kernel_exp(const float *r, float *y) {
    vf v = vf_load(r);
    vf_store(y, exp_pair_f32_bound(vf_set(0), v, 0, 0));
}

/// The kernel's e^h for VF_W floats h, as an unshifted softmax row takes it (the exact h, k ≠ 0).
static void kernel_exp_unshifted(const float *h, float *y) {
    vf v = vf_load(h);
    vf_store(y, exp_pair_f32_bound(v, v, 0, 1));
}
#pragma clang attribute pop

#define EXTREMES 8

/// Keeps the EXTREMES largest errors seen (err, at h) in best, worst first.
static void keep(float *at, double *best, float h, double err) {
    if (err <= best[EXTREMES - 1]) return;
    int j = EXTREMES - 1;
    for (; j > 0 && best[j - 1] < err; j--) {
        best[j] = best[j - 1];
        at[j] = at[j - 1];
    }
    best[j] = err;
    at[j] = h;
}

/// The arguments h in [1, 64) where the kernel's unshifted e^h errs most above and below e^h: the
/// entries of the tests' row family `extremeExps`.
static void extremes(void) {
    float one = 1, top = 64, h[VF_W], y[VF_W], at_high[EXTREMES] = {0}, at_low[EXTREMES] = {0};
    double high[EXTREMES] = {0}, low[EXTREMES] = {0};
    uint32_t first, last;
    memcpy(&first, &one, sizeof first);
    memcpy(&last, &top, sizeof last);
    for (uint32_t bits = first; bits < last; bits += VF_W) {
        for (int j = 0; j < VF_W; j++) {
            uint32_t b = bits + j;
            memcpy(&h[j], &b, sizeof b);
        }
        kernel_exp_unshifted(h, y);
        for (int j = 0; j < VF_W; j++) {
            long double exact = expl((long double)h[j]);
            double err = (double)((y[j] - exact) / exact * 0x1p24L);
            keep(at_high, high, h[j], err);
            keep(at_low, low, h[j], -err);
        }
    }
    printf("e^h highest (units of 2^-24):");
    for (int j = 0; j < EXTREMES; j++) printf(" %a (%+.3f)", at_high[j], high[j]);
    printf("\ne^h lowest:");
    for (int j = 0; j < EXTREMES; j++) printf(" %a (%+.3f)", at_low[j], -low[j]);
    printf("\n");
}

#define R_MAX 0.3472f /* ln 2 / 2 = 0.34657…, widened for k = round(h·log2 e) computed in float */

/// The largest error of the evaluation, and of the evaluation plus ulp(r)/2, over the floats of one
/// sign in [0, R_MAX], in units of 2^-24 relative to e^r.
static void worst(int negative, double out[2]) {
    float r_max = R_MAX, r[VF_W], y[VF_W];
    uint32_t last;
    memcpy(&last, &r_max, sizeof last);
    out[0] = out[1] = 0;
    for (uint64_t bits = 0; bits <= last; bits += VF_W) {
        for (int j = 0; j < VF_W; j++) {
            uint32_t b = (uint32_t)(bits + j) | (negative ? 0x80000000u : 0);
            memcpy(&r[j], &b, sizeof b);
        }
        kernel_exp(r, y);
        for (int j = 0; j < VF_W && bits + j <= last; j++) {
            long double exact = expl((long double)r[j]);
            double eval = (double)(fabsl((y[j] - exact) / exact) * 0x1p24L);
            double half_ulp = (double)(nextafterf(fabsf(r[j]), 1.0f) - fabsf(r[j])) / 2 * 0x1p24;
            if (eval > out[0]) out[0] = eval;
            if (eval + half_ulp > out[1]) out[1] = eval + half_ulp;
        }
    }
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--extremes") == 0) {
        extremes();
        return 0;
    }
    int pipefd[2];
    if (pipe(pipefd) != 0) return 1;
    pid_t child = fork();
    double mine[2], theirs[2];
    if (child == 0) {
        worst(1, mine);
        return write(pipefd[1], mine, sizeof mine) == sizeof mine ? 0 : 1;
    }
    worst(0, mine);
    int status;
    if (read(pipefd[0], theirs, sizeof theirs) != sizeof theirs || waitpid(child, &status, 0) < 0) return 1;
    double eval = fmax(mine[0], theirs[0]), reduced = fmax(mine[1], theirs[1]);
    // The rest of the exp's error, outside the polynomial: the rounding of k·C2 + lo (|k·C2 + lo| <
    // 2^-4, so at most 2^-29) and k·(ln 2 − C1 − C2) for |k| ≤ 160 (C1 + C2 is within 1.7·10^-12 of
    // ln 2), in units of 2^-24.
    double e = reduced + 0x1p-29 * 0x1p24 + 160 * 1.7e-12 * 0x1p24;
    printf("exp evaluation, every float |r| <= %.4f: %.4f units of 2^-24 (relative to e^r)\n", R_MAX, eval);
    printf("with the rounding of r, ulp(r)/2:          %.4f\n", reduced);
    printf("E, the exp's bound (k*C2 + lo, C1 + C2):   %.4f\n", e);
    printf("softmax, rows of over 64 or of one vector (pairs of exps rounded once): 2E + 1 + 1/2 ulp = %.3f ulps\n",
           2 * e + 1.5);
    printf("softmax, rows of 17 to 64 (exact sums):                                2E + 1/2 ulp = %.3f ulps\n",
           2 * e + 0.5);
    printf("log-softmax at beta = 1 (three roundings, ln Sigma within E + 1):  %.3f ulps\n", 1.5 + e + 1);
    return 0;
}
