/// A storage type the kernels accept: `Float`, `Double`, or `Float16` (stored in half precision,
/// computed in `Float`). Do not conform other types.
public protocol SoftmaxScalar: BinaryFloatingPoint, Sendable {
    /// The type the kernels compute in: `Float` for `Float16` and `Float`, `Double` for `Double`.
    associatedtype Accumulator: BinaryFloatingPoint & Sendable
    /// This type's entry in the bound table.
    static var kernelScalarType: KernelScalarType { get }
    /// Runs one kernel request; the entry point behind every public function. Not API.
    static func _run(_ request: _KernelRequest<Self>)
}

extension Float: SoftmaxScalar, KernelStorage {
    public typealias Accumulator = Float
    typealias Lanes = FloatLanes<Float>
    public static var kernelScalarType: KernelScalarType { .float }
    public static func _run(_ request: _KernelRequest<Float>) { KernelDriver.run(request) }
}

extension Float16: SoftmaxScalar, KernelStorage {
    public typealias Accumulator = Float
    typealias Lanes = FloatLanes<Float16>
    public static var kernelScalarType: KernelScalarType { .float16 }
    public static func _run(_ request: _KernelRequest<Float16>) { KernelDriver.run(request) }
}

extension Double: SoftmaxScalar, KernelStorage {
    public typealias Accumulator = Double
    typealias Lanes = DoubleLanes
    public static var kernelScalarType: KernelScalarType { .double }
    public static func _run(_ request: _KernelRequest<Double>) { KernelDriver.run(request) }
}
