#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar elementary functions from the C library, for the two compute types (`Float`, `Double`).
///
/// This is the only file that imports the C library (the activations' erfc comes from here too);
/// the vectorised exp is ``VectorExp``.
@usableFromInline
protocol LibmReal: BinaryFloatingPoint, Sendable {
    static func cExp(_ x: Self) -> Self
    static func cLog(_ x: Self) -> Self
    static func cLogOnePlus(_ x: Self) -> Self
    static func cErfc(_ x: Self) -> Self
}

extension Float: LibmReal {
    @usableFromInline static func cExp(_ x: Float) -> Float { expf(x) }
    @usableFromInline static func cLog(_ x: Float) -> Float { logf(x) }
    @usableFromInline static func cLogOnePlus(_ x: Float) -> Float { log1pf(x) }
    @usableFromInline static func cErfc(_ x: Float) -> Float { erfcf(x) }
}

extension Double: LibmReal {
    @usableFromInline static func cExp(_ x: Double) -> Double { exp(x) }
    @usableFromInline static func cLog(_ x: Double) -> Double { log(x) }
    @usableFromInline static func cLogOnePlus(_ x: Double) -> Double { log1p(x) }
    @usableFromInline static func cErfc(_ x: Double) -> Double { erfc(x) }
}
