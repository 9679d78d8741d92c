import Multiprecision

/// Reduces a failing case to a small one that still fails: fewer elements, then simpler values
/// (0, ±1, integers, halves), then β = 1, keeping each step only if the property still fails.
public enum Shrinker {
    /// The smallest failing case found within `budget` property evaluations.
    public static func shrink(_ failing: CheckCase, budget: Int = 300, stillFails: (CheckCase) -> Bool) -> CheckCase {
        var current = failing
        var spent = 0
        var improved = true
        while improved && spent < budget {
            improved = false
            for candidate in candidates(current) {
                spent += 1
                if spent > budget { break }
                if stillFails(candidate) {
                    current = candidate
                    improved = true
                    break
                }
            }
        }
        return current
    }

    /// Simpler neighbours of a case, most aggressive first.
    static func candidates(_ c: CheckCase) -> [CheckCase] {
        var result: [CheckCase] = []
        let n = c.row.count
        func with(_ row: [FloatValue], beta: FloatValue? = nil) -> CheckCase {
            CheckCase(row: row, beta: beta ?? c.beta, format: c.format, family: c.family)
        }
        if n > 1 {
            result.append(with(Array(c.row.prefix(n / 2))))
            result.append(with(Array(c.row.suffix(n - n / 2))))
            for i in 0..<n { var r = c.row; r.remove(at: i); result.append(with(r)) }
        }
        let one = c.format.round(Dyadic.one, .toNearestOrEven)
        for i in 0..<n {
            for simpler in simplifications(c.row[i], c.format) {
                var r = c.row
                r[i] = simpler
                result.append(with(r))
            }
        }
        if c.beta != one { result.append(with(c.row, beta: one)) }
        return result
    }

    /// Values simpler than `x`: 0, ±1, its integer part, and half of it.
    static func simplifications(_ x: FloatValue, _ f: FloatFormat) -> [FloatValue] {
        guard let d = x.dyadic, !d.isZero else { return x.isZero ? [] : [.zero(f)] }
        var out: [FloatValue] = [.zero(f)]
        let sign = d.signum
        let unit = f.round(Dyadic(sign), .toNearestOrEven)
        if x != unit { out.append(unit) }
        if d.exponent < 0, let integer = Optional(d.mantissa.shiftedRight(by: -d.exponent, rounding: .floor)), integer.compare(to: 0) != 0 {
            let rounded = f.round(Dyadic(mantissa: integer, exponent: 0), .toNearestOrEven)
            if rounded != x { out.append(rounded) }
        }
        let half = f.round(d.timesPowerOfTwo(-1), .toNearestOrEven)
        if half != x && half.dyadic?.isZero == false { out.append(half) }
        return out
    }
}
