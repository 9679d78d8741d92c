import Multiprecision
import SoftmaxReference

/// The correctly rounded values of a sweep's outputs: from the fast path where it decides, else
/// from the reference (Ziv's loop on GMP) in the directions nearest, down and up.
struct SweepOracle: Sendable {
    let function: SweepFunction
    let format: FloatFormat

    /// Bits of the enclosures the errors are measured against: far below an ulp of any format.
    static let enclosureBits = 160

    /// One ``CorrectRoundings`` per output of `points` (flattened), and how many the fast path
    /// declined.
    func expected(_ points: [FloatValue]) throws(SweepError) -> (values: [CorrectRoundings], declined: Int) {
        guard function.arity == 1 else { return (try fromReference(points), points.count / 2) }
        var values: [CorrectRoundings?] = []
        values.reserveCapacity(points.count)
        var declined: [Int] = []
        let fast = function.fastPathName
        for (i, x) in points.enumerated() {
            if x.isNaN {
                let nan = FloatValue.nan(format)
                values.append(CorrectRoundings(nearest: nan, down: nan, up: nan, approximate: .nan))
            } else if let fast, let r = FastPath.roundings(fast, x) {
                values.append(r)
            } else {
                values.append(nil)
                declined.append(i)
            }
        }
        if !declined.isEmpty {
            let slow = try fromReference(declined.map { points[$0] })
            for (i, r) in zip(declined, slow) { values[i] = r }
        }
        return (values.map { $0! }, fast == nil ? 0 : declined.count)
    }

    /// The reference's roundings of every output of `points`, with approximations from its enclosures.
    func fromReference(_ points: [FloatValue]) throws(SweepError) -> [CorrectRoundings] {
        let nearest = try function.reference(points, format: format, rule: .toNearestOrEven)
        let down = try function.reference(points, format: format, rule: .down)
        let up = try function.reference(points, format: format, rule: .up)
        let enclosures = try function.enclosures(points, format: format, bits: 64)
        return nearest.indices.map { i in
            CorrectRoundings(nearest: nearest[i], down: down[i], up: up[i], approximate: Self.approximate(enclosures[i]))
        }
    }

    /// A binary64 near an enclosure's value (its lower end: the enclosures are narrow).
    static func approximate(_ e: Enclosure) -> Double {
        switch e {
        case .nan: .nan
        case .infinity(let negative): negative ? -.infinity : .infinity
        case .exact(let r): FloatFormat.binary64.round(r, .toNearestOrEven).double
        case .interval(let i): FloatFormat.binary64.round(i.lower, .toNearestOrEven).double
        }
    }

    /// The exact error in ulps of `output` for output `position` of the point `inputs` (``UlpError``
    /// against a 160-bit enclosure).
    func exactError(_ output: FloatValue, inputs: [FloatValue], position: Int) throws(SweepError) -> Double {
        let enclosure = try function.enclosures(inputs, format: format, bits: Self.enclosureBits)[position]
        return UlpError.of(output, from: enclosure)
    }
}
