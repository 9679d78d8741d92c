// The building blocks of the Float16 row kernels: binary16 rows to and from float (vf_load_half and
// vf_store_half of ops_f16_*.h), blocks of rows in a stack scratch, and the maximum of a binary16 row.
// Every kernel computes in float with the f32 code (or its passes, for rows longer than the scratch)
// and rounds each output once to binary16: the f32 results are within ~1.5 float ulps, so the result
// stays within the Float16 bound of 1 ulp. Blocks call the exported f32 entry (ISA_ENTRY), not the static kernel
// (ISA_NAME): a second caller would keep the static one out of line and change the Float code.
// A template: include it after one ops_f16_*.h, f32_log_softmax.h and a definition of ISA_ENTRY(name).
#include <string.h>

#define F16_BLOCK 4096 /* floats in the scratch a block of rows is computed in (16 KiB of stack) */

/// Rows of n elements per block of the scratch; 0 when one row does not fit (or n = 0).
static inline size_t ISA_NAME(block_rows_f16)(size_t n) { return n == 0 || n > F16_BLOCK ? 0 : F16_BLOCK / n; }

/// The k < VF_W halves at p as floats, the other lanes `fill`; reads only those k halves.
static inline vf ISA_NAME(load_half_tail)(const uint16_t *p, size_t k, float fill) {
    uint16_t b[VF_W] = {0};
    float f[VF_W];
    memcpy(b, p, k * sizeof *b);
    vf_store(f, vf_load_half(b));
    return vf_load_tail(f, k, fill);
}

/// The first k < VF_W lanes of v rounded to binary16 at p; writes only those k halves.
static inline void ISA_NAME(store_half_tail)(uint16_t *p, vf v, size_t k) {
    uint16_t b[VF_W];
    vf_store_half(b, v);
    memcpy(p, b, k * sizeof *b);
}

/// n halves to floats.
static inline void ISA_NAME(half_to_float)(const uint16_t *x, float *f, size_t n) {
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) vf_store(f + i, vf_load_half(x + i));
    if (i < n) vf_store_tail(f + i, ISA_NAME(load_half_tail)(x + i, n - i, 0), n - i);
}

/// n floats rounded to halves.
static inline void ISA_NAME(float_to_half)(const float *f, uint16_t *y, size_t n) {
    size_t i = 0;
    for (; i + VF_W <= n; i += VF_W) vf_store_half(y + i, vf_load(f + i));
    if (i < n) ISA_NAME(store_half_tail)(y + i, vf_load_tail(f + i, n - i, 0), n - i);
}

/// Rows of a strided binary16 batch into the packed scratch (row r at r·n); one run when packed too.
static inline void ISA_NAME(block_in_f16)(const uint16_t *x, float *f, size_t rows, size_t n, size_t stride) {
    if (stride == n) ISA_NAME(half_to_float)(x, f, rows * n);
    else for (size_t r = 0; r < rows; r++) ISA_NAME(half_to_float)(x + r * stride, f + r * n, n);
}

/// The packed scratch back into the strided batch, each value rounded once.
static inline void ISA_NAME(block_out_f16)(const float *f, uint16_t *y, size_t rows, size_t n, size_t stride) {
    if (stride == n) ISA_NAME(float_to_half)(f, y, rows * n);
    else for (size_t r = 0; r < rows; r++) ISA_NAME(float_to_half)(f + r * n, y + r * stride, n);
}

/// A Float kernel's exported entry point (x, y, rows, n, stride, β).
typedef size_t (*csm_f32_rows)(const float *, float *, size_t, size_t, size_t, float);

/// Rows of at most F16_BLOCK elements, a block at a time: converted to float in a stack scratch, run
/// through the Float kernel `f32` at β, and rounded back once; returns the rows done (it stops where
/// `f32` stops, and at once for a β `f32` does not take).
static size_t ISA_NAME(blocks_f16)(const uint16_t *x, uint16_t *y, size_t rows, size_t n, size_t stride, float beta,
                                    csm_f32_rows f32) {
    size_t per = ISA_NAME(block_rows_f16)(n);
    float scratch[F16_BLOCK];
    for (size_t row = 0; row < rows;) {
        size_t k = rows - row < per ? rows - row : per;
        ISA_NAME(block_in_f16)(x + row * stride, scratch, k, n, stride);
        size_t done = f32(scratch, scratch, k, n, n, beta);
        ISA_NAME(block_out_f16)(scratch, y + row * stride, done, n, stride);
        row += done;
        if (done < k) return row;
    }
    return rows;
}

/// The maximum of a binary16 row, and whether the exp may skip its clamp (as for Float rows); returns 0
/// when the row holds a NaN or +inf or no finite entry.
static inline int ISA_NAME(row_max_f16)(const uint16_t *x, size_t n, float *out, int *unclamped) {
    vf a = vf_set(-INFINITY), b = vf_set(-INFINITY), lo = vf_set(INFINITY);
    mf bad = mf_none();
    size_t i = 0;
    for (; i + 2 * VF_W <= n; i += 2 * VF_W) {
        vf u = vf_load_half(x + i), v = vf_load_half(x + i + VF_W);
        a = vf_max(a, u);
        b = vf_max(b, v);
        lo = vf_min(lo, vf_min(u, v));
        bad = mf_or(bad, mf_or(vf_unord(u), vf_unord(v)));
    }
    for (; i < n; i += VF_W) {
        int full = i + VF_W <= n;
        vf v = full ? vf_load_half(x + i) : ISA_NAME(load_half_tail)(x + i, n - i, -INFINITY);
        a = vf_max(a, v);
        lo = vf_min(lo, full ? v : ISA_NAME(load_half_tail)(x + i, n - i, INFINITY));
        bad = mf_or(bad, vf_unord(v));
    }
    float m = vf_hmax(vf_max(a, b));
    *out = m;
    *unclamped = vf_hmin(lo) - m >= EXP_F32_UNCLAMPED_FLOOR;
    return !mf_any(bad) && isfinite(m);
}
