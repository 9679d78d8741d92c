import Multiprecision

extension Reference {
    /// Enclosures of each input's activation at about `bits` bits, for measuring errors in ulps
    /// (the harness's exact values). `format` resolves the defaults that depend on it (leaky-relu's
    /// α = 0.01 rounded to it). NaN gives `.nan`; ±inf gives the limit; e^x for x > 2^20, which
    /// overflows every format, gives `.infinity`.
    public static func enclosures(_ request: ActivationRequest, format: FloatFormat, bits: Int) -> [Enclosure] {
        request.input.map { x -> Enclosure in
            if x.isNaN { return .nan }
            let point = request.point(x.dyadic ?? .zero, format: format)
            if x.isInfinite {
                switch ActivationLimit(request.function, parameters: point, negative: x.isSignMinus) {
                case .value(let r): return .exact(r)
                case .infinity(let negative): return .infinity(negative: negative)
                case .zero: return .zero
                }
            }
            if request.function == .exponential && point.x > Exp.largestArgument { return .infinity(negative: false) }
            return point.enclosure(bits: bits)
        }
    }
}
