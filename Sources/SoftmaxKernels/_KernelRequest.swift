/// One call of a kernel over a batch of rows: the function, the algorithm, the buffers and the layout.
/// Not API: built by the public methods of ``KernelAlgorithm``.
///
/// `@unchecked Sendable`: worker threads only read the inputs and write disjoint rows of the outputs.
public struct _KernelRequest<T: SoftmaxScalar>: @unchecked Sendable {
    let function: KernelFunction
    let algorithm: KernelAlgorithm
    let shape: BatchShape
    let beta: T.Accumulator
    let maskedRows: FullyMaskedRow
    let threads: Int
    /// Logits, or the forward output (softmax or log-softmax) for the VJPs.
    let x: UnsafePointer<T>
    /// The output rows (for the Jacobian, n×n); nil only for LogSumExp and a loss without gradient.
    let y: UnsafeMutablePointer<T>?
    /// The upstream gradient of the VJPs, or the target distributions of cross-entropy.
    let g: UnsafePointer<T>?
    /// Class labels of cross-entropy, one per row.
    let labels: UnsafePointer<Int>?
    /// One value per row: LogSumExp, or the cross-entropy loss.
    let perRow: UnsafeMutablePointer<T>?
    /// The instruction set of the C row loops (``NativeRows``): this CPU's best; tests lower it.
    var isa: Int32 = NativeRows.isa
}
