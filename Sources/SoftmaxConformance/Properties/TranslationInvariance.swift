import Multiprecision

/// softmax(x + c) = softmax(x) for shifts c that keep every x_i + c exact in the format.
public struct TranslationInvariance: ConformanceProperty {
    public init() {}
    public let name = "translation-invariance"
    public let statement = "softmax(x + c) agrees with softmax(x) within 2u ulps, for exact shifts c"
    public let rationale = "Both rows have the same exact softmax, so two outputs each within u ulps of it differ by at most 2u ulps. An inexact shift changes the input itself, so a correct kernel would 'fail': such shifts are never used (see exactShift)."

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty, c.row.allSatisfy(\.isFinite) else { return .skip("needs a finite row") }
        // Logits on a coarse grid (multiples of 1/64) admit exact shifts in every format.
        let row = Self.exactShift(for: c.row, format: c.format) == nil ? Self.coarsened(c.row, c.format) : c.row
        guard let shift = Self.exactShift(for: row, format: c.format) else { return .skip("no exact shift") }
        let shifted = row.map { c.format.round($0.dyadic! + shift, .toNearestOrEven) }
        let a = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: row, beta: c.beta))
        let b = try context.outputs(ImplementationRequest(.softmax, format: c.format, input: shifted, beta: c.beta))
        for i in a.indices where a[i].isFinite && b[i].isFinite {
            let difference = (a[i].dyadic! - b[i].dyadic!).magnitude
            let allowed = context.tolerance(.softmax, around: a[i], b[i]) * Dyadic(2)
            if difference > allowed {
                return .fail(reason: "output \(i): \(a[i].hexString) before, \(b[i].hexString) after shifting by \(FloatValue(shift.doubleApproximation).shortestDecimal)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }

    /// A shift c (a power of two between 1/4 and 64) with every x_i + c exact in the format, if any.
    public static func exactShift(for row: [FloatValue], format: FloatFormat) -> Dyadic? {
        for k in [0, 2, -2, 4, 6, -1] {
            let c = Dyadic.powerOfTwo(k)
            if isExactShift(row, by: c, format: format) { return c }
        }
        return nil
    }

    /// The row rounded to multiples of 1/64 (a valid row of its own).
    static func coarsened(_ row: [FloatValue], _ format: FloatFormat) -> [FloatValue] {
        row.map { x in
            let scaled = x.dyadic!.timesPowerOfTwo(6)
            let integer = scaled.exponent >= 0 ? scaled.mantissa.shiftedLeft(by: scaled.exponent) : scaled.mantissa.shiftedRight(by: -scaled.exponent, rounding: .floor)
            return format.round(Dyadic(mantissa: integer, exponent: -6), .toNearestOrEven)
        }
    }

    /// Whether x_i + c is exactly representable for every entry.
    public static func isExactShift(_ row: [FloatValue], by c: Dyadic, format: FloatFormat) -> Bool {
        row.allSatisfy { x in
            guard let d = x.dyadic else { return false }
            let sum = d + c
            return format.round(sum, .toNearestOrEven).dyadic == sum
        }
    }
}
