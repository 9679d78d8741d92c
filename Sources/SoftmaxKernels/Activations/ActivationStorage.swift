/// Storage the activation kernels read and write four at a time as `Double` lanes: `Float`, `Double`
/// and `Float16` (widened exactly, rounded once on store).
protocol ActivationStorage: SoftmaxScalar {
    static func load4(_ p: UnsafePointer<Self>) -> SIMD4<Double>
    static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Self>)
    /// The value rounded once to this type.
    static func rounded(_ v: Double) -> Self
}

extension Float: ActivationStorage {
    @inline(__always) static func load4(_ p: UnsafePointer<Float>) -> SIMD4<Double> {
        SIMD4<Double>(UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self))
    }
    @inline(__always) static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: SIMD4<Float>(v), as: SIMD4<Float>.self)
    }
    @inline(__always) static func rounded(_ v: Double) -> Float { Float(v) }
}

extension Double: ActivationStorage {
    @inline(__always) static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }
    @inline(__always) static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }
    @inline(__always) static func rounded(_ v: Double) -> Double { v }
}

extension Float16: ActivationStorage {
    @inline(__always) static func load4(_ p: UnsafePointer<Float16>) -> SIMD4<Double> {
        SIMD4<Double>(UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float16>.self))
    }
    @inline(__always) static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Float16>) {
        UnsafeMutableRawPointer(p).storeBytes(of: SIMD4<Float16>(v), as: SIMD4<Float16>.self)
    }
    @inline(__always) static func rounded(_ v: Double) -> Float16 { Float16(v) }
}
