/// What the storage types provide to the shared, generic kernel code.
protocol KernelStorage: SoftmaxScalar where Accumulator: LibmReal {
    /// The vectorised kernels of the `simd` algorithm for this storage type.
    associatedtype Lanes: SIMDKernels where Lanes.Element == Self
}
