// The vector operations the kernel templates use, for AVX2 + FMA: 8 floats or 4 doubles a vector,
// masks as all-ones lanes, masked loads and stores for row tails, and 2^k built in the exponent bits
// in two steps (2^(k+B)·2^-B) so a subnormal result is rounded once. Included only by avx2.c, whose
// functions all carry the target attribute.
#include <immintrin.h>
#include <math.h>
#include <stdint.h>

typedef __m256 vf;
typedef __m256 mf;
typedef __m256d vd;
typedef __m256d md;
#define VF_W 8
#define VD_W 4
/// The least x − max for which the exp may skip its clamp: 2^(k+35) must stay a normal float.
#define EXP_F32_UNCLAMPED_FLOOR (-111.0f)
/// 0: an unshifted exp keeps its clamp until its row's minimum is known, as vf_ldexp needs k ≥ −159.
#define EXP_F32_UNSHIFTED_UNCLAMPED 0

/// Lane masks for tails: the 8 (or 4) words starting at 8 − k (4 − k) have k leading all-ones words.
static const int32_t tail_words[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
static const int64_t tail_quads[8] = {-1, -1, -1, -1, 0, 0, 0, 0};

static inline vf vf_set(float a) { return _mm256_set1_ps(a); }
static inline vf vf_load(const float *p) { return _mm256_loadu_ps(p); }
static inline vf vf_load_tail(const float *p, size_t k, float fill) {
    __m256i m = _mm256_loadu_si256((const __m256i *)(tail_words + 8 - k));
    return _mm256_blendv_ps(_mm256_set1_ps(fill), _mm256_maskload_ps(p, m), _mm256_castsi256_ps(m));
}
static inline void vf_store(float *p, vf v) { _mm256_storeu_ps(p, v); }
/// A store past the caches (non-temporal; p 32-byte aligned), ordered by vf_stream_fence.
static inline void vf_stream(float *p, vf v) { _mm256_stream_ps(p, v); }
static inline void vf_stream_fence(void) { _mm_sfence(); }
static inline void vf_store_tail(float *p, vf v, size_t k) {
    _mm256_maskstore_ps(p, _mm256_loadu_si256((const __m256i *)(tail_words + 8 - k)), v);
}
static inline vf vf_add(vf a, vf b) { return _mm256_add_ps(a, b); }
static inline vf vf_sub(vf a, vf b) { return _mm256_sub_ps(a, b); }
static inline vf vf_mul(vf a, vf b) { return _mm256_mul_ps(a, b); }
/// a·b + c, one rounding.
static inline vf vf_fma(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }
/// a·b − c, one rounding.
static inline vf vf_fms(vf a, vf b, vf c) { return _mm256_fmsub_ps(a, b, c); }
static inline vf vf_min(vf a, vf b) { return _mm256_min_ps(a, b); }
static inline vf vf_max(vf a, vf b) { return _mm256_max_ps(a, b); }
static inline mf vf_lt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
static inline mf vf_eq(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
static inline mf vf_unord(vf a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
static inline mf mf_none(void) { return _mm256_setzero_ps(); }
static inline mf mf_or(mf a, mf b) { return _mm256_or_ps(a, b); }
static inline int mf_any(mf a) { return _mm256_movemask_ps(a) != 0; }
static inline int mf_count(mf a) { return __builtin_popcount((unsigned)_mm256_movemask_ps(a)); }
static inline vf vf_zero_where(mf m, vf v) { return _mm256_andnot_ps(m, v); }
/// The argument of an unshifted exp held to at most 64 (NaN stays NaN), where vf_ldexp's k ≤ 92 holds:
/// a row that reaches it has Σ above 2^92 and fails csm_unshifted_inverse_f32.
static inline vf vf_exp_ceiling(vf h) { return _mm256_min_ps(_mm256_set1_ps(64.0f), h); }
/// er·2^k, k integral in [-159, 92] (e^-110 to e^64), from t = k + 1.5·2^23: 2^(k+35) in the exponent
/// bits, then 2^-35.
static inline vf vf_ldexp(vf er, vf k, vf t) {
    (void)k;
    __m256i bits = _mm256_add_epi32(_mm256_castps_si256(t), _mm256_set1_epi32(127 + 35 - 0x4B400000));
    return _mm256_mul_ps(_mm256_mul_ps(er, _mm256_castsi256_ps(_mm256_slli_epi32(bits, 23))), _mm256_set1_ps(0x1p-35f));
}
static inline float vf_hmin(vf v) {
    __m128 m = _mm_min_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_min_ps(m, _mm_movehl_ps(m, m));
    m = _mm_min_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}
/// Lane 0.
static inline float vf_first(vf v) { return _mm256_cvtss_f32(v); }
static inline float vf_hmax(vf v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}
/// The lanes of v widened to two double vectors, added to *lo and *hi.
static inline void vf_add_wide(vf v, vd *lo, vd *hi) {
    *lo = _mm256_add_pd(*lo, _mm256_cvtps_pd(_mm256_castps256_ps128(v)));
    *hi = _mm256_add_pd(*hi, _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)));
}
/// *lo += a_lo·b_lo and *hi += a_hi·b_hi over the lanes widened to double (exact products).
static inline void vf_dot_wide(vf a, vf b, vd *lo, vd *hi) {
    *lo = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm256_castps256_ps128(a)), _mm256_cvtps_pd(_mm256_castps256_ps128(b)), *lo);
    *hi = _mm256_fmadd_pd(_mm256_cvtps_pd(_mm256_extractf128_ps(a, 1)), _mm256_cvtps_pd(_mm256_extractf128_ps(b, 1)), *hi);
}

static inline vd vd_set(double a) { return _mm256_set1_pd(a); }
static inline vd vd_load(const double *p) { return _mm256_loadu_pd(p); }
static inline vd vd_load_tail(const double *p, size_t k, double fill) {
    __m256i m = _mm256_loadu_si256((const __m256i *)(tail_quads + 4 - k));
    return _mm256_blendv_pd(_mm256_set1_pd(fill), _mm256_maskload_pd(p, m), _mm256_castsi256_pd(m));
}
static inline void vd_store(double *p, vd v) { _mm256_storeu_pd(p, v); }
static inline void vd_store_tail(double *p, vd v, size_t k) {
    _mm256_maskstore_pd(p, _mm256_loadu_si256((const __m256i *)(tail_quads + 4 - k)), v);
}
static inline vd vd_add(vd a, vd b) { return _mm256_add_pd(a, b); }
static inline vd vd_sub(vd a, vd b) { return _mm256_sub_pd(a, b); }
static inline vd vd_mul(vd a, vd b) { return _mm256_mul_pd(a, b); }
static inline vd vd_div(vd a, vd b) { return _mm256_div_pd(a, b); }
static inline vd vd_fma(vd a, vd b, vd c) { return _mm256_fmadd_pd(a, b, c); }
/// a·b − c, one rounding.
static inline vd vd_fms(vd a, vd b, vd c) { return _mm256_fmsub_pd(a, b, c); }
static inline vd vd_min(vd a, vd b) { return _mm256_min_pd(a, b); }
static inline vd vd_max(vd a, vd b) { return _mm256_max_pd(a, b); }
static inline md vd_lt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
static inline md vd_eq(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
static inline md vd_unord(vd a) { return _mm256_cmp_pd(a, a, _CMP_UNORD_Q); }
static inline md md_none(void) { return _mm256_setzero_pd(); }
static inline md md_or(md a, md b) { return _mm256_or_pd(a, b); }
static inline int md_any(md a) { return _mm256_movemask_pd(a) != 0; }
static inline int md_count(md a) { return __builtin_popcount((unsigned)_mm256_movemask_pd(a)); }
static inline vd vd_zero_where(md m, vd v) { return _mm256_andnot_pd(m, v); }
/// er·2^k, k integral in [-1097, 505], from t = k + 1.5·2^52: 2^(k+512) in the exponent bits, then 2^-512.
static inline vd vd_ldexp(vd er, vd k, vd t) {
    (void)k;
    __m256i bits = _mm256_add_epi64(_mm256_castpd_si256(t), _mm256_set1_epi64x(1023 + 512 - 0x4338000000000000LL));
    return _mm256_mul_pd(_mm256_mul_pd(er, _mm256_castsi256_pd(_mm256_slli_epi64(bits, 52))), _mm256_set1_pd(0x1p-512));
}
static inline double vd_hmax(vd v) {
    __m128d m = _mm_max_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_max_sd(m, _mm_unpackhi_pd(m, m)));
}
static inline double vd_hsum(vd v) {
    __m128d m = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(m, _mm_unpackhi_pd(m, m)));
}

// Groups of four short rows: horizontal reductions of four rows at once. A group vector holds row j's
// result in the lanes that the matching *_lane(g, j) broadcasts.

/// Lanes 0–1, 4–5, 2–3, 6–7: the max of v[0], v[1], v[2], v[3].
static inline vf vf_group_max(const vf v[4]) {
    vf a = _mm256_max_ps(_mm256_permute2f128_ps(v[0], v[1], 0x20), _mm256_permute2f128_ps(v[0], v[1], 0x31));
    vf b = _mm256_max_ps(_mm256_permute2f128_ps(v[2], v[3], 0x20), _mm256_permute2f128_ps(v[2], v[3], 0x31));
    vf c = _mm256_max_ps(_mm256_shuffle_ps(a, b, 0x88), _mm256_shuffle_ps(a, b, 0xDD));
    return _mm256_max_ps(c, _mm256_permute_ps(c, 0xB1));
}
static inline vf vf_group_max_lane(vf g, int j) {
    static const int32_t lane[4] = {0, 4, 2, 6};
    return _mm256_permutevar8x32_ps(g, _mm256_set1_epi32(lane[j]));
}
/// 1 when no lane of a group max is ±inf.
static inline int vf_group_finite(vf g) {
    vf a = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), g);
    return _mm256_movemask_ps(_mm256_cmp_ps(a, _mm256_set1_ps(INFINITY), _CMP_LT_OQ)) == 0xFF;
}
/// 1/Σ(lanes of s[j]) for the four rows as float pairs: lanes 0, 2, 1, 3 of *h and *l.
static inline void vd_group_inverse(const vd s[4], vf *h, vf *l) {
    vd a = _mm256_add_pd(_mm256_permute2f128_pd(s[0], s[1], 0x20), _mm256_permute2f128_pd(s[0], s[1], 0x31));
    vd b = _mm256_add_pd(_mm256_permute2f128_pd(s[2], s[3], 0x20), _mm256_permute2f128_pd(s[2], s[3], 0x31));
    vd f = _mm256_div_pd(_mm256_set1_pd(1), _mm256_add_pd(_mm256_unpacklo_pd(a, b), _mm256_unpackhi_pd(a, b)));
    __m128 fh = _mm256_cvtpd_ps(f);
    *h = _mm256_castps128_ps256(fh);
    *l = _mm256_castps128_ps256(_mm256_cvtpd_ps(_mm256_sub_pd(f, _mm256_cvtps_pd(fh))));
}
static inline vf vf_group_inverse_lane(vf g, int j) {
    static const int32_t lane[4] = {0, 2, 1, 3};
    return _mm256_permutevar8x32_ps(g, _mm256_set1_epi32(lane[j]));
}

/// Lanes 0, 2, 1, 3: the max of v[0], v[1], v[2], v[3].
static inline vd vd_group_max(const vd v[4]) {
    vd a = _mm256_max_pd(_mm256_permute2f128_pd(v[0], v[1], 0x20), _mm256_permute2f128_pd(v[0], v[1], 0x31));
    vd b = _mm256_max_pd(_mm256_permute2f128_pd(v[2], v[3], 0x20), _mm256_permute2f128_pd(v[2], v[3], 0x31));
    return _mm256_max_pd(_mm256_unpacklo_pd(a, b), _mm256_unpackhi_pd(a, b));
}
static inline vd vd_group_lane(vd g, int j) {
    static const int32_t lane[4] = {0, 2, 1, 3};
    int32_t w = 2 * lane[j];
    return _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(g), _mm256_setr_epi32(w, w + 1, w, w + 1, w, w + 1, w, w + 1)));
}
static inline int vd_group_finite(vd g) {
    vd a = _mm256_andnot_pd(_mm256_set1_pd(-0.0), g);
    return _mm256_movemask_pd(_mm256_cmp_pd(a, _mm256_set1_pd(INFINITY), _CMP_LT_OQ)) == 0xF;
}
/// One TwoSum level of a group sum: (hi, lo) := (p + q, its error + lp + lq).
#define CSM_TWO_SUM_LEVEL(hi, lo, p, q, lp, lq)                                                               \
    do {                                                                                                       \
        vd t_ = _mm256_add_pd(p, q), b_ = _mm256_sub_pd(t_, p);                                                \
        lo = _mm256_add_pd(_mm256_add_pd(lp, lq), _mm256_add_pd(_mm256_sub_pd(p, _mm256_sub_pd(t_, b_)), _mm256_sub_pd(q, b_))); \
        hi = t_;                                                                                               \
    } while (0)
/// Lanes 0, 2, 1, 3: Σ over the lanes of h[j] + l[j] as *sh + *sl, by a tree of TwoSums.
static inline void vd_group_sum_pair(const vd h[4], const vd l[4], vd *sh, vd *sl) {
    vd a, la, b, lb, c, lc;
    CSM_TWO_SUM_LEVEL(a, la, _mm256_permute2f128_pd(h[0], h[1], 0x20), _mm256_permute2f128_pd(h[0], h[1], 0x31),
                      _mm256_permute2f128_pd(l[0], l[1], 0x20), _mm256_permute2f128_pd(l[0], l[1], 0x31));
    CSM_TWO_SUM_LEVEL(b, lb, _mm256_permute2f128_pd(h[2], h[3], 0x20), _mm256_permute2f128_pd(h[2], h[3], 0x31),
                      _mm256_permute2f128_pd(l[2], l[3], 0x20), _mm256_permute2f128_pd(l[2], l[3], 0x31));
    CSM_TWO_SUM_LEVEL(c, lc, _mm256_unpacklo_pd(a, b), _mm256_unpackhi_pd(a, b), _mm256_unpacklo_pd(la, lb),
                      _mm256_unpackhi_pd(la, lb));
    *sh = c;
    *sl = lc;
}
/// vd_group_sum_pair rounded once.
static inline vd vd_group_sum(const vd h[4], const vd l[4]) {
    vd sh, sl;
    vd_group_sum_pair(h, l, &sh, &sl);
    return _mm256_add_pd(sh, sl);
}
#undef CSM_TWO_SUM_LEVEL

// Groups of 8 rows of one vector each (rows of at most 8 elements): reductions of all 8 at once.

/// 1/Σ(lanes of e[j]) for the 8 rows e[j], as float pairs in lane vf_rows_lane_index(j) of *h and *l;
/// 0 when some Σ is outside [1, 2^92] (or NaN), the test of csm_unshifted_inverse_f32, and then *h, *l
/// are not set. A row's lanes are added in pairs in float (one rounding, as on long rows), then in
/// double, by a tree that takes the rows two and four at a time.
static inline int vf_rows_inverse(const vf e[8], vf *h, vf *l) {
    vd d[8], a[4], c[2];
    for (int j = 0; j < 8; j += 2) {  // rows j and j + 1: lanes i and i + 4 added, in the halves
        vf s = _mm256_add_ps(_mm256_permute2f128_ps(e[j], e[j + 1], 0x20), _mm256_permute2f128_ps(e[j], e[j + 1], 0x31));
        d[j] = _mm256_cvtps_pd(_mm256_castps256_ps128(s));
        d[j + 1] = _mm256_cvtps_pd(_mm256_extractf128_ps(s, 1));
    }
    for (int j = 0; j < 4; j++)  // rows 2j, 2j + 1 in the halves
        a[j] = _mm256_add_pd(_mm256_permute2f128_pd(d[2 * j], d[2 * j + 1], 0x20),
                             _mm256_permute2f128_pd(d[2 * j], d[2 * j + 1], 0x31));
    for (int j = 0; j < 2; j++)  // rows 4j + (0, 2, 1, 3)
        c[j] = _mm256_add_pd(_mm256_unpacklo_pd(a[2 * j], a[2 * j + 1]), _mm256_unpackhi_pd(a[2 * j], a[2 * j + 1]));
    __m256d one = _mm256_set1_pd(1);
    __m256d top = _mm256_set1_pd(0x1p92);
    __m256d out = _mm256_or_pd(_mm256_or_pd(_mm256_cmp_pd(c[0], one, _CMP_NGE_UQ), _mm256_cmp_pd(c[1], one, _CMP_NGE_UQ)),
                               _mm256_or_pd(_mm256_cmp_pd(c[0], top, _CMP_GT_OQ), _mm256_cmp_pd(c[1], top, _CMP_GT_OQ)));
    if (_mm256_movemask_pd(out) != 0) return 0;
    __m128 fh[2], fl[2];
    for (int j = 0; j < 2; j++) {
        __m256d f = _mm256_div_pd(one, c[j]);
        fh[j] = _mm256_cvtpd_ps(f);
        fl[j] = _mm256_cvtpd_ps(_mm256_sub_pd(f, _mm256_cvtps_pd(fh[j])));
    }
    *h = _mm256_set_m128(fh[1], fh[0]);
    *l = _mm256_set_m128(fl[1], fl[0]);
    return 1;
}
/// The lane of row j in the vectors of vf_rows_inverse.
static inline int vf_rows_lane_index(int j) { return 4 * (j / 4) + 2 * (j % 2) + (j % 4) / 2; }
