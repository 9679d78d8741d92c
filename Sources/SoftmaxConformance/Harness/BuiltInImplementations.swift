import SoftmaxKernels

/// The implementations `softmax-ref check --kernel NAME` can select: the reference and every kernel.
public enum BuiltInImplementations {
    /// Every built-in implementation by name, the known-bad `naive` kernel included.
    public static var all: [any Implementation] {
        [ReferenceImplementation()] + KernelAlgorithm.allCases.map(KernelImplementation.init)
    }

    /// Those that declare an accuracy and are expected to pass (what `--kernel all` checks): the
    /// reference and `simd`. `naive` overflows by design; `two-pass` and `online` round x − max and
    /// sum in the working type, so their error grows with n and the row's spread and they declare no
    /// bound (check them by name to see where they break).
    public static var good: [any Implementation] { all.filter { ["reference", KernelAlgorithm.simd.rawValue].contains($0.name) } }

    /// The implementation named `name`, or nil.
    public static func named(_ name: String) -> (any Implementation)? { all.first { $0.name == name } }
}
