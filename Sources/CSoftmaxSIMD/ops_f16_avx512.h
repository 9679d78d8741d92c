// Binary16 <-> float for the Float16 row kernels on AVX-512 (F): 16 halves a vector, rounded to
// nearest even on the way back (subnormals and overflow included). Included only by avx512.c.

/// Sixteen binary16 bit patterns as floats (exact).
static inline vf vf_load_half(const uint16_t *p) { return _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)p)); }
/// v rounded to binary16, to nearest even.
static inline void vf_store_half(uint16_t *p, vf v) {
    _mm256_storeu_si256((__m256i *)p, _mm512_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
}
