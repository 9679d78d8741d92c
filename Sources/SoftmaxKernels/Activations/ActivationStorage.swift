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
        SIMD4<Double>(Double(p[0]), Double(p[1]), Double(p[2]), Double(p[3]))
    }
    @inline(__always) static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Float>) {
        p[0] = Float(v[0]); p[1] = Float(v[1]); p[2] = Float(v[2]); p[3] = Float(v[3])
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
        let h = UnsafeRawPointer(p).loadUnaligned(as: SIMD4<UInt16>.self)
        return HalfBits.widen(SIMD4<UInt64>(UInt64(h[0]), UInt64(h[1]), UInt64(h[2]), UInt64(h[3])))
    }
    @inline(__always) static func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Float16>) {
        let h = HalfBits.narrow(v)
        let bits = SIMD4<UInt16>(UInt16(truncatingIfNeeded: h[0]), UInt16(truncatingIfNeeded: h[1]),
                                 UInt16(truncatingIfNeeded: h[2]), UInt16(truncatingIfNeeded: h[3]))
        UnsafeMutableRawPointer(p).storeBytes(of: bits, as: SIMD4<UInt16>.self)
    }
    @inline(__always) static func rounded(_ v: Double) -> Float16 { Float16(v) }
}
