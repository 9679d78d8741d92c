// The part of gmp.h that Swift cannot import directly.
// gmp.h spells its API as macros over `__gmpz_*` symbols and defines `mpz_sgn`
// and friends as expression macros; the Clang importer drops both kinds. These
// static inline wrappers are the only GMP entry points Multiprecision calls.
#ifndef SOFTMAXREF_CGMP_SHIM_H
#define SOFTMAXREF_CGMP_SHIM_H

#include <gmp.h>

static inline void cgmp_init(mpz_ptr z) { mpz_init(z); }
static inline void cgmp_clear(mpz_ptr z) { mpz_clear(z); }
static inline void cgmp_set(mpz_ptr r, mpz_srcptr a) { mpz_set(r, a); }
static inline void cgmp_set_si(mpz_ptr r, long v) { mpz_set_si(r, v); }
static inline void cgmp_set_ui(mpz_ptr r, unsigned long v) { mpz_set_ui(r, v); }
static inline int cgmp_set_str(mpz_ptr r, const char *s, int base) { return mpz_set_str(r, s, base); }
static inline char *cgmp_get_str(char *buf, int base, mpz_srcptr a) { return mpz_get_str(buf, base, a); }
static inline size_t cgmp_sizeinbase(mpz_srcptr a, int base) { return mpz_sizeinbase(a, base); }
static inline long cgmp_get_si(mpz_srcptr a) { return mpz_get_si(a); }
static inline unsigned long cgmp_get_ui(mpz_srcptr a) { return mpz_get_ui(a); }
static inline int cgmp_fits_slong(mpz_srcptr a) { return mpz_fits_slong_p(a); }
static inline int cgmp_sgn(mpz_srcptr a) { return mpz_sgn(a); }
static inline int cgmp_cmp(mpz_srcptr a, mpz_srcptr b) { return mpz_cmp(a, b); }
static inline int cgmp_cmp_si(mpz_srcptr a, long b) { return mpz_cmp_si(a, b); }
static inline void cgmp_neg(mpz_ptr r, mpz_srcptr a) { mpz_neg(r, a); }
static inline void cgmp_abs(mpz_ptr r, mpz_srcptr a) { mpz_abs(r, a); }
static inline void cgmp_add(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_add(r, a, b); }
static inline void cgmp_sub(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_sub(r, a, b); }
static inline void cgmp_add_ui(mpz_ptr r, mpz_srcptr a, unsigned long b) { mpz_add_ui(r, a, b); }
static inline void cgmp_mul(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_mul(r, a, b); }
static inline void cgmp_mul_si(mpz_ptr r, mpz_srcptr a, long b) { mpz_mul_si(r, a, b); }
static inline void cgmp_mul_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t n) { mpz_mul_2exp(r, a, n); }
static inline void cgmp_fdiv_q_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t n) { mpz_fdiv_q_2exp(r, a, n); }
static inline void cgmp_cdiv_q_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t n) { mpz_cdiv_q_2exp(r, a, n); }
static inline void cgmp_fdiv_q(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_q(q, n, d); }
static inline void cgmp_cdiv_q(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_cdiv_q(q, n, d); }
static inline void cgmp_fdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_qr(q, r, n, d); }
static inline void cgmp_fdiv_q_ui(mpz_ptr q, mpz_srcptr n, unsigned long d) { mpz_fdiv_q_ui(q, n, d); }
static inline void cgmp_cdiv_q_ui(mpz_ptr q, mpz_srcptr n, unsigned long d) { mpz_cdiv_q_ui(q, n, d); }
static inline void cgmp_divexact(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_divexact(q, n, d); }
static inline void cgmp_gcd(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_gcd(r, a, b); }
static inline void cgmp_pow_ui(mpz_ptr r, mpz_srcptr a, unsigned long e) { mpz_pow_ui(r, a, e); }
static inline void cgmp_ui_pow_ui(mpz_ptr r, unsigned long b, unsigned long e) { mpz_ui_pow_ui(r, b, e); }
static inline int cgmp_root(mpz_ptr r, mpz_srcptr a, unsigned long n) { return mpz_root(r, a, n); }
static inline mp_bitcnt_t cgmp_scan1(mpz_srcptr a, mp_bitcnt_t start) { return mpz_scan1(a, start); }
static inline int cgmp_tstbit(mpz_srcptr a, mp_bitcnt_t bit) { return mpz_tstbit(a, bit); }
static inline int cgmp_divisible_2exp(mpz_srcptr a, mp_bitcnt_t bits) { return mpz_divisible_2exp_p(a, bits); }

#endif
