/// The vectorised row kernels of the `simd` algorithm for one storage type
/// (``FloatLanes`` for `Float` and `Float16`, ``DoubleLanes`` for `Double`).
///
/// Each works on one row of n elements; rows whose entries or sums are not finite are handed to
/// ``DoubleFallbackRow``, which applies the "limit" policy. In-place calls (x == y) are allowed.
protocol SIMDKernels {
    associatedtype Element: KernelStorage
    typealias R = Element.Accumulator
    static func softmax(_ x: UnsafePointer<Element>, _ y: UnsafeMutablePointer<Element>, _ n: Int,
                        beta: R, masked: FullyMaskedRow)
    static func logSoftmax(_ x: UnsafePointer<Element>, _ y: UnsafeMutablePointer<Element>, _ n: Int,
                           beta: R, masked: FullyMaskedRow)
    static func logSumExp(_ x: UnsafePointer<Element>, _ n: Int, beta: R) -> Element
    static func sigmoid(_ x: UnsafePointer<Element>, _ y: UnsafeMutablePointer<Element>, _ n: Int, beta: R)
    static func softmaxVJP(_ s: UnsafePointer<Element>, _ g: UnsafePointer<Element>,
                           _ dx: UnsafeMutablePointer<Element>, _ n: Int, beta: R)
    static func logSoftmaxVJP(_ ls: UnsafePointer<Element>, _ g: UnsafePointer<Element>,
                              _ dx: UnsafeMutablePointer<Element>, _ n: Int, beta: R)
}

/// x − pivot (times β) for a vector of logits as an unevaluated pair hi + lo, hi ≤ 0.
protocol LaneDifference<Vector> {
    associatedtype Vector: SIMD where Vector.Scalar: FloatingPoint
    func callAsFunction(_ v: Vector) -> (hi: Vector, lo: Vector)
}
