// The vector operations the kernel templates use, for AVX-512 (F, DQ, VL): 16 floats or 8 doubles a
// vector, k-register masks, masked loads and stores for row tails, and VSCALEF for 2^k (it rounds a
// subnormal result once). Included only by avx512.c, whose functions all carry the target attribute.
#include <immintrin.h>
#include <math.h>
#include <stdint.h>

typedef __m512 vf;
typedef __mmask16 mf;
typedef __m512d vd;
typedef __mmask8 md;
#define VF_W 16
#define VD_W 8
/// The least x − max for which the exp may skip its clamp: VSCALEF rounds e^(x − max) to 0 below
/// −104 by itself, and k = round((x − max)/ln 2) stays exact far beyond.
#define EXP_F32_UNCLAMPED_FLOOR (-1.0e5f)
/// 1: an unshifted exp (SPLIT_NONE) may skip its clamp before its row's minimum is known. Without it an
/// entry −inf or NaN gives a NaN exp, and one below −2.9·10^6 (where k is no longer exact) gives +0 or
/// a non-finite exp: the polynomial is positive wherever it is finite, and VSCALEF by so negative a k
/// gives 0. A NaN or non-finite exp makes Σ fail csm_unshifted_inverse_f32, and the row is redone.
#define EXP_F32_UNSHIFTED_UNCLAMPED 1

static inline vf vf_set(float a) { return _mm512_set1_ps(a); }
static inline vf vf_load(const float *p) { return _mm512_loadu_ps(p); }
static inline vf vf_load_tail(const float *p, size_t k, float fill) {
    return _mm512_mask_loadu_ps(_mm512_set1_ps(fill), (mf)((1u << k) - 1), p);
}
static inline void vf_store(float *p, vf v) { _mm512_storeu_ps(p, v); }
/// A store past the caches (non-temporal; p 64-byte aligned), ordered by vf_stream_fence.
static inline void vf_stream(float *p, vf v) { _mm512_stream_ps(p, v); }
static inline void vf_stream_fence(void) { _mm_sfence(); }
static inline void vf_store_tail(float *p, vf v, size_t k) { _mm512_mask_storeu_ps(p, (mf)((1u << k) - 1), v); }
static inline vf vf_add(vf a, vf b) { return _mm512_add_ps(a, b); }
static inline vf vf_sub(vf a, vf b) { return _mm512_sub_ps(a, b); }
static inline vf vf_mul(vf a, vf b) { return _mm512_mul_ps(a, b); }
/// a·b + c, one rounding.
static inline vf vf_fma(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }
/// a·b − c, one rounding.
static inline vf vf_fms(vf a, vf b, vf c) { return _mm512_fmsub_ps(a, b, c); }
static inline vf vf_min(vf a, vf b) { return _mm512_min_ps(a, b); }
static inline vf vf_max(vf a, vf b) { return _mm512_max_ps(a, b); }
static inline mf vf_lt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
static inline mf vf_eq(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
static inline mf vf_unord(vf a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
static inline mf mf_none(void) { return 0; }
static inline mf mf_or(mf a, mf b) { return a | b; }
static inline int mf_any(mf a) { return a != 0; }
static inline int mf_count(mf a) { return __builtin_popcount(a); }
static inline vf vf_zero_where(mf m, vf v) { return _mm512_maskz_mov_ps((mf)~m, v); }
/// The argument of an unshifted exp as it is: VSCALEF scales by any 2^k, to +inf past the range.
static inline vf vf_exp_ceiling(vf h) { return h; }
/// er·2^k for an integral k (t = k + 1.5·2^23 is unused here).
static inline vf vf_ldexp(vf er, vf k, vf t) { (void)t; return _mm512_scalef_ps(er, k); }
/// Lane 0.
static inline float vf_first(vf v) { return _mm512_cvtss_f32(v); }
static inline float vf_hmax(vf v) { return _mm512_reduce_max_ps(v); }
static inline float vf_hmin(vf v) { return _mm512_reduce_min_ps(v); }
/// The lanes of v widened to two double vectors, added to *lo and *hi.
static inline void vf_add_wide(vf v, vd *lo, vd *hi) {
    *lo = _mm512_add_pd(*lo, _mm512_cvtps_pd(_mm512_castps512_ps256(v)));
    *hi = _mm512_add_pd(*hi, _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1))));
}
/// *lo += a_lo·b_lo and *hi += a_hi·b_hi over the lanes widened to double (exact products).
static inline void vf_dot_wide(vf a, vf b, vd *lo, vd *hi) {
    __m256 ah = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(a), 1));
    __m256 bh = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(b), 1));
    *lo = _mm512_fmadd_pd(_mm512_cvtps_pd(_mm512_castps512_ps256(a)), _mm512_cvtps_pd(_mm512_castps512_ps256(b)), *lo);
    *hi = _mm512_fmadd_pd(_mm512_cvtps_pd(ah), _mm512_cvtps_pd(bh), *hi);
}

static inline vd vd_set(double a) { return _mm512_set1_pd(a); }
static inline vd vd_load(const double *p) { return _mm512_loadu_pd(p); }
static inline vd vd_load_tail(const double *p, size_t k, double fill) {
    return _mm512_mask_loadu_pd(_mm512_set1_pd(fill), (md)((1u << k) - 1), p);
}
static inline void vd_store(double *p, vd v) { _mm512_storeu_pd(p, v); }
static inline void vd_store_tail(double *p, vd v, size_t k) { _mm512_mask_storeu_pd(p, (md)((1u << k) - 1), v); }
static inline vd vd_add(vd a, vd b) { return _mm512_add_pd(a, b); }
static inline vd vd_sub(vd a, vd b) { return _mm512_sub_pd(a, b); }
static inline vd vd_mul(vd a, vd b) { return _mm512_mul_pd(a, b); }
static inline vd vd_div(vd a, vd b) { return _mm512_div_pd(a, b); }
static inline vd vd_fma(vd a, vd b, vd c) { return _mm512_fmadd_pd(a, b, c); }
static inline vd vd_fms(vd a, vd b, vd c) { return _mm512_fmsub_pd(a, b, c); }
static inline vd vd_min(vd a, vd b) { return _mm512_min_pd(a, b); }
static inline vd vd_max(vd a, vd b) { return _mm512_max_pd(a, b); }
static inline md vd_lt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
static inline md vd_eq(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
static inline md vd_unord(vd a) { return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q); }
static inline md md_none(void) { return 0; }
static inline md md_or(md a, md b) { return a | b; }
static inline int md_any(md a) { return a != 0; }
static inline int md_count(md a) { return __builtin_popcount(a); }
static inline vd vd_zero_where(md m, vd v) { return _mm512_maskz_mov_pd((md)~m, v); }
static inline vd vd_ldexp(vd er, vd k, vd t) { (void)t; return _mm512_scalef_pd(er, k); }
static inline double vd_hmax(vd v) { return _mm512_reduce_max_pd(v); }
static inline double vd_hsum(vd v) { return _mm512_reduce_add_pd(v); }


// Groups of four short rows: horizontal reductions of four rows at once. A group vector holds row j's
// result in the lanes that the matching *_lane(g, j) broadcasts.

/// Lanes 4j..4j+3: the max of v[j].
static inline vf vf_group_max(const vf v[4]) {
    vf a = _mm512_max_ps(_mm512_shuffle_f32x4(v[0], v[1], 0x44), _mm512_shuffle_f32x4(v[0], v[1], 0xEE));
    vf b = _mm512_max_ps(_mm512_shuffle_f32x4(v[2], v[3], 0x44), _mm512_shuffle_f32x4(v[2], v[3], 0xEE));
    vf c = _mm512_max_ps(_mm512_shuffle_f32x4(a, b, 0x88), _mm512_shuffle_f32x4(a, b, 0xDD));
    c = _mm512_max_ps(c, _mm512_permute_ps(c, 0xB1));
    return _mm512_max_ps(c, _mm512_permute_ps(c, 0x4E));
}
static inline vf vf_group_max_lane(vf g, int j) { return _mm512_permutexvar_ps(_mm512_set1_epi32(4 * j), g); }
/// 1 when no lane of a group max is ±inf.
static inline int vf_group_finite(vf g) {
    return _mm512_cmp_ps_mask(_mm512_abs_ps(g), _mm512_set1_ps(INFINITY), _CMP_LT_OQ) == 0xFFFF;
}
/// 1/Σ(lanes of s[j]) for the four rows as float pairs: lanes 2j, 2j+1 of *h and *l.
static inline void vd_group_inverse(const vd s[4], vf *h, vf *l) {
    vd a = _mm512_add_pd(_mm512_shuffle_f64x2(s[0], s[1], 0x44), _mm512_shuffle_f64x2(s[0], s[1], 0xEE));
    vd b = _mm512_add_pd(_mm512_shuffle_f64x2(s[2], s[3], 0x44), _mm512_shuffle_f64x2(s[2], s[3], 0xEE));
    vd c = _mm512_add_pd(_mm512_shuffle_f64x2(a, b, 0x88), _mm512_shuffle_f64x2(a, b, 0xDD));
    vd f = _mm512_div_pd(_mm512_set1_pd(1), _mm512_add_pd(c, _mm512_permute_pd(c, 0x55)));
    __m256 fh = _mm512_cvtpd_ps(f);
    *h = _mm512_castps256_ps512(fh);
    *l = _mm512_castps256_ps512(_mm512_cvtpd_ps(_mm512_sub_pd(f, _mm512_cvtps_pd(fh))));
}
static inline vf vf_group_inverse_lane(vf g, int j) { return _mm512_permutexvar_ps(_mm512_set1_epi32(2 * j), g); }

/// Lanes 2j, 2j+1: the max of v[j].
static inline vd vd_group_max(const vd v[4]) {
    vd a = _mm512_max_pd(_mm512_shuffle_f64x2(v[0], v[1], 0x44), _mm512_shuffle_f64x2(v[0], v[1], 0xEE));
    vd b = _mm512_max_pd(_mm512_shuffle_f64x2(v[2], v[3], 0x44), _mm512_shuffle_f64x2(v[2], v[3], 0xEE));
    vd c = _mm512_max_pd(_mm512_shuffle_f64x2(a, b, 0x88), _mm512_shuffle_f64x2(a, b, 0xDD));
    return _mm512_max_pd(c, _mm512_permute_pd(c, 0x55));
}
static inline vd vd_group_lane(vd g, int j) { return _mm512_permutexvar_pd(_mm512_set1_epi64(2 * j), g); }
static inline int vd_group_finite(vd g) {
    return _mm512_cmp_pd_mask(_mm512_abs_pd(g), _mm512_set1_pd(INFINITY), _CMP_LT_OQ) == 0xFF;
}
/// One TwoSum level of a group sum: (hi, lo) := (p + q, its error + lp + lq).
#define CSM_TWO_SUM_LEVEL(hi, lo, p, q, lp, lq)                                                               \
    do {                                                                                                       \
        vd t_ = _mm512_add_pd(p, q), b_ = _mm512_sub_pd(t_, p);                                                \
        lo = _mm512_add_pd(_mm512_add_pd(lp, lq), _mm512_add_pd(_mm512_sub_pd(p, _mm512_sub_pd(t_, b_)), _mm512_sub_pd(q, b_))); \
        hi = t_;                                                                                               \
    } while (0)
/// Lanes 2j, 2j+1: Σ over the lanes of h[j] + l[j] as *sh + *sl, by a tree of TwoSums.
static inline void vd_group_sum_pair(const vd h[4], const vd l[4], vd *sh, vd *sl) {
    vd a, la, b, lb, c, lc, d, ld;
    CSM_TWO_SUM_LEVEL(a, la, _mm512_shuffle_f64x2(h[0], h[1], 0x44), _mm512_shuffle_f64x2(h[0], h[1], 0xEE),
                      _mm512_shuffle_f64x2(l[0], l[1], 0x44), _mm512_shuffle_f64x2(l[0], l[1], 0xEE));
    CSM_TWO_SUM_LEVEL(b, lb, _mm512_shuffle_f64x2(h[2], h[3], 0x44), _mm512_shuffle_f64x2(h[2], h[3], 0xEE),
                      _mm512_shuffle_f64x2(l[2], l[3], 0x44), _mm512_shuffle_f64x2(l[2], l[3], 0xEE));
    CSM_TWO_SUM_LEVEL(c, lc, _mm512_shuffle_f64x2(a, b, 0x88), _mm512_shuffle_f64x2(a, b, 0xDD),
                      _mm512_shuffle_f64x2(la, lb, 0x88), _mm512_shuffle_f64x2(la, lb, 0xDD));
    CSM_TWO_SUM_LEVEL(d, ld, c, _mm512_permute_pd(c, 0x55), lc, _mm512_permute_pd(lc, 0x55));
    *sh = d;
    *sl = ld;
}
/// vd_group_sum_pair rounded once.
static inline vd vd_group_sum(const vd h[4], const vd l[4]) {
    vd sh, sl;
    vd_group_sum_pair(h, l, &sh, &sl);
    return _mm512_add_pd(sh, sl);
}
#undef CSM_TWO_SUM_LEVEL

// Groups of 16 rows of one vector each (rows of at most 16 elements): reductions of all 16 at once.

/// 1/Σ(lanes of e[j]) for the 16 rows e[j], as float pairs in lane vf_rows_lane_index(j) of *h and *l;
/// 0 when some Σ is outside [1, 2^92] (or NaN), the test of csm_unshifted_inverse_f32, and then *h, *l
/// are not set. A row's lanes are added in pairs in float (one rounding, as on long rows), then in
/// double, by a tree that takes the rows two, four and eight at a time.
static inline int vf_rows_inverse(const vf e[16], vf *h, vf *l) {
    vd d[16], a[8], b[4], c[2];
    for (int j = 0; j < 16; j += 2) {  // rows j and j + 1: lanes i and i + 8 added, in the halves
        vf s = _mm512_add_ps(_mm512_shuffle_f32x4(e[j], e[j + 1], 0x44), _mm512_shuffle_f32x4(e[j], e[j + 1], 0xEE));
        d[j] = _mm512_cvtps_pd(_mm512_castps512_ps256(s));
        d[j + 1] = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(s), 1)));
    }
    for (int j = 0; j < 8; j++)  // rows 2j, 2j + 1 in the halves
        a[j] = _mm512_add_pd(_mm512_shuffle_f64x2(d[2 * j], d[2 * j + 1], 0x44),
                             _mm512_shuffle_f64x2(d[2 * j], d[2 * j + 1], 0xEE));
    for (int j = 0; j < 4; j++)  // rows 4j to 4j + 3 in the 128-bit quarters
        b[j] = _mm512_add_pd(_mm512_shuffle_f64x2(a[2 * j], a[2 * j + 1], 0x88),
                             _mm512_shuffle_f64x2(a[2 * j], a[2 * j + 1], 0xDD));
    for (int j = 0; j < 2; j++)  // rows 8j + (0, 4, 1, 5, 2, 6, 3, 7)
        c[j] = _mm512_add_pd(_mm512_unpacklo_pd(b[2 * j], b[2 * j + 1]), _mm512_unpackhi_pd(b[2 * j], b[2 * j + 1]));
    __m512d one = _mm512_set1_pd(1);
    __m512d top = _mm512_set1_pd(0x1p92);
    __mmask8 in = _mm512_cmp_pd_mask(c[0], one, _CMP_GE_OQ) & _mm512_cmp_pd_mask(c[1], one, _CMP_GE_OQ) &
                  _mm512_cmp_pd_mask(c[0], top, _CMP_LE_OQ) & _mm512_cmp_pd_mask(c[1], top, _CMP_LE_OQ);
    if (in != 0xFF) return 0;
    __m256 fh[2], fl[2];
    for (int j = 0; j < 2; j++) {
        __m512d f = _mm512_div_pd(one, c[j]);
        fh[j] = _mm512_cvtpd_ps(f);
        fl[j] = _mm512_cvtpd_ps(_mm512_sub_pd(f, _mm512_cvtps_pd(fh[j])));
    }
    *h = _mm512_insertf32x8(_mm512_castps256_ps512(fh[0]), fh[1], 1);
    *l = _mm512_insertf32x8(_mm512_castps256_ps512(fl[0]), fl[1], 1);
    return 1;
}
/// The lane of row j in the vectors of vf_rows_inverse.
static inline int vf_rows_lane_index(int j) { return 8 * (j / 8) + 2 * (j % 4) + (j % 8) / 4; }
