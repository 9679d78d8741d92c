#if canImport(Glibc)
import Glibc
#endif

// libm for the harness's own bookkeeping (shaping generated rows, finite differences of reported
// values); never used to decide a verdict about correct rounding, which is exact.

/// Natural logarithm.
func logarithm(_ x: Double) -> Double { log(x) }
/// Cosine.
func cosine(_ x: Double) -> Double { cos(x) }
/// Exponential.
func exponential(_ x: Double) -> Double { exp(x) }
