/// Storage that loads and stores as `SIMD8<Float>`: `Float` itself, and `Float16` (converted on load,
/// rounded once on store).
protocol FloatLaneStorage: KernelStorage where Accumulator == Float {
    static func load8(_ p: UnsafePointer<Self>) -> SIMD8<Float>
    static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Self>)
    /// True when e^(t − max) may wait in the output between passes without rounding (`Float`).
    static var holdsExponentials: Bool { get }
}

extension Float: FloatLaneStorage {
    @inline(__always) static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }
    static var holdsExponentials: Bool { true }
}

extension Float16: FloatLaneStorage {
    @inline(__always) static func load8(_ p: UnsafePointer<Float16>) -> SIMD8<Float> {
        SIMD8<Float>(UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float16>.self))
    }
    @inline(__always) static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float16>) {
        UnsafeMutableRawPointer(p).storeBytes(of: SIMD8<Float16>(v), as: SIMD8<Float16>.self)
    }
    static var holdsExponentials: Bool { false }
}
