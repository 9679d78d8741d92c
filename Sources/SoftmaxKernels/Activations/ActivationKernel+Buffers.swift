import Dispatch

extension ActivationKernel {
    /// Applies the activation to every element of `x`, into `y` (which may be `x`).
    ///
    /// With `threads > 1`, buffers of at least 2¹⁵ elements are split into that many slices.
    /// Preconditions: `y` holds at least `x.count` elements, `threads ≥ 1`, and `parameters` suit the
    /// function (``ActivationKernelParameters/problem(for:)`` is nil).
    public func apply<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
                                        parameters: ActivationKernelParameters = ActivationKernelParameters(),
                                        threads: Int = 1) {
        precondition(y.count >= x.count, "output holds \(y.count) elements; the input has \(x.count)")
        precondition(threads >= 1, "threads must be >= 1; got \(threads)")
        if let problem = parameters.problem(for: self) { preconditionFailure(problem) }
        guard let xb = x.baseAddress, let yb = y.baseAddress else { return }
        // T is the type kernelScalarType names: the raw pointers only change the static type, so that
        // each storage type runs code specialised for it.
        let (xr, yr) = (UnsafeRawPointer(xb), UnsafeMutableRawPointer(yb))
        switch T.kernelScalarType {
        case .float: run(xr.assumingMemoryBound(to: Float.self), yr.assumingMemoryBound(to: Float.self), x.count, parameters, threads)
        case .double: run(xr.assumingMemoryBound(to: Double.self), yr.assumingMemoryBound(to: Double.self), x.count, parameters, threads)
        case .float16: run(xr.assumingMemoryBound(to: Float16.self), yr.assumingMemoryBound(to: Float16.self), x.count, parameters, threads)
        }
    }

    /// The activation of every element, as a new array.
    public func apply<T: SoftmaxScalar>(_ x: [T], parameters: ActivationKernelParameters = ActivationKernelParameters(),
                                        threads: Int = 1) -> [T] {
        [T](unsafeUninitializedCapacity: x.count) { out, initialized in
            out.initialize(repeating: 0)
            x.withUnsafeBufferPointer { apply($0, into: out, parameters: parameters, threads: threads) }
            initialized = x.count
        }
    }

    /// Batches below this many elements run on the calling thread whatever the thread count.
    static var parallelThreshold: Int { 1 << 15 }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    @_specialize(where S == Float16)
    private func run<S: ActivationStorage>(_ xs: UnsafePointer<S>, _ ys: UnsafeMutablePointer<S>, _ n: Int,
                                           _ parameters: ActivationKernelParameters, _ threads: Int) {
        let resolved = ResolvedActivation(self, parameters, S.self)
        guard threads > 1, n >= Self.parallelThreshold else {
            ActivationLanes.run(resolved, xs, ys, n)
            return
        }
        let input = SharedPointer(UnsafeMutablePointer(mutating: xs)), output = SharedPointer(ys)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            // Slices start on multiples of 4 so that every lane group but the last is whole.
            let lower = (n * t / threads) & ~3, upper = t == threads - 1 ? n : (n * (t + 1) / threads) & ~3
            ActivationLanes.run(resolved, input.pointer + lower, output.pointer + lower, upper - lower)
        }
    }
}
