// Binary16 <-> float for the Float16 row kernels on AVX2, by F16C: 8 halves a vector, rounded to
// nearest even on the way back (subnormals and overflow included). Included only by avx2.c, under a
// target attribute that adds f16c.

/// Eight binary16 bit patterns as floats (exact).
static inline vf vf_load_half(const uint16_t *p) { return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p)); }
/// v rounded to binary16, to nearest even.
static inline void vf_store_half(uint16_t *p, vf v) {
    _mm_storeu_si128((__m128i *)p, _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
}
