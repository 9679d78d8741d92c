import Multiprecision

/// Reduces a failing case to a small one that still fails: fewer elements, then simpler values
/// (0, ±1, integers, jumps in scale, halves), then β = 1, keeping each step only if the property
/// still fails.
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

    /// Values simpler than `x`: 0, ±1, its integer part, ±2^⌊e/2⌋, and half of it, each only when it comes
    /// first in the order of ``simplicity(_:)``, so that shrinking never cycles (1 → 0.5 → 1).
    static func simplifications(_ x: FloatValue, _ f: FloatFormat) -> [FloatValue] {
        guard let d = x.dyadic, !d.isZero else { return x.isZero ? [] : [.zero(f)] }
        var out: [FloatValue] = [.zero(f)]
        out.append(f.round(Dyadic(d.signum), .toNearestOrEven))
        if d.exponent < 0, let integer = Optional(d.mantissa.shiftedRight(by: -d.exponent, rounding: .floor)), integer.compare(to: 0) != 0 {
            out.append(f.round(Dyadic(mantissa: integer, exponent: 0), .toNearestOrEven))
        }
        // A jump in scale, ±2^⌊e/2⌋ for |x| ≥ 4 (e = ⌊log2|x|⌋): a value that keeps failing as it
        // is halved (an overflow from 2^127 down to 2^7) gets there in a few steps, not a hundred.
        let e = d.magnitude.floorLog2
        if e >= 2 { out.append(f.round(Dyadic(d.signum) * Dyadic.powerOfTwo(e / 2), .toNearestOrEven)) }
        out.append(f.round(d.timesPowerOfTwo(-1), .toNearestOrEven))
        let key = simplicity(d)
        return out.filter { candidate in candidate.dyadic.map { $0.isZero || simplicity($0) < key } ?? false }
    }

    /// The order simplifications must descend: by ⌈|x|⌉, then integers before fractions, then
    /// by |x|. It is well founded on a format's finite values, so shrinking ends; 25.75 → 25 →
    /// 12.5 → 12 and 0.5 → 1 descend, 1 → 0.5 does not.
    static func simplicity(_ d: Dyadic) -> (ceiling: Dyadic, fraction: Int, magnitude: Dyadic) {
        let m = d.magnitude
        guard m.lowestBitExponent < 0 else { return (m, 0, m) }
        return (Dyadic(mantissa: m.mantissa.shiftedRight(by: -m.exponent, rounding: .ceiling), exponent: 0), 1, m)
    }
}
