import Multiprecision
import SoftmaxConformance
import Testing

/// Shrinker on predicates whose smallest failing case can be worked out by hand from its rules:
/// halves of the row first, then single removals, then 0, ±1, the integer part and the half of
/// each value and ±2^⌊log2|x|/2⌋ (each only when simpler: by ⌈|x|⌉, integers first, then |x|), then β = 1, each
/// step kept only while the predicate still fails.
@Suite struct ShrinkerTests {
    static func f32(_ values: [Float]) -> [FloatValue] { values.map { FloatValue($0) } }
    static func failing(_ row: [Float], beta: Float = 1) -> CheckCase {
        CheckCase(row: f32(row), beta: FloatValue(beta), format: .binary32, family: "hand")
    }

    @Test("'some logit exceeds 10' shrinks to one logit, 12, with β = 1")
    func largeLogit() {
        // [3, 25.75, -7, 100] → first half [3, 25.75] → its second half [25.75] → integer part 25
        // → half 12.5 → integer part 12; 6 (its half), 1 and 0 pass, so 12 stays; then β → 1.
        let shrunk = Shrinker.shrink(Self.failing([3, 25.75, -7, 100], beta: 2.5)) { c in
            c.row.contains { ($0.dyadic ?? .zero) > Dyadic(10) }
        }
        #expect(shrunk.row == Self.f32([12]))
        #expect(shrunk.beta == FloatValue(Float(1)))
        #expect(shrunk.format == .binary32 && shrunk.family == "hand")
    }

    @Test("'at least three logits' shrinks to three zeros")
    func length() {
        let row: [Float] = [0.3, -1.5, 7, 2.25, -0.125, 9, 4, -3, 0.5, 6]
        let shrunk = Shrinker.shrink(Self.failing(row, beta: -0.5)) { $0.row.count >= 3 }
        #expect(shrunk.row == Self.f32([0, 0, 0]))
        #expect(shrunk.beta == FloatValue(Float(1)))
    }

    @Test("'x0 < x1 with x1 ≥ 1' keeps two logits, shrunk to 0 and 1")
    func order() {
        // Halves and single removals: [-2] and [5.5, 1.75] pass, removing 5.5 leaves [-2, 1.75],
        // which fails. Then -2 → 0, and 1.75 → 0 passes, 1.75 → 1 fails; 1's half passes.
        let shrunk = Shrinker.shrink(Self.failing([-2, 5.5, 1.75])) { c in
            c.row.count >= 2 && c.row[0].dyadic! < c.row[1].dyadic! && c.row[1].dyadic! >= .one
        }
        #expect(shrunk.row == Self.f32([0, 1]))
    }

    @Test("shrinking never cycles: '|x| is 1 or 0.5' stops at 1 after a handful of questions")
    func noCycle() {
        // 0.5 → 1 is simpler (an integer); 1 → 0.5 is not, so the walk 1 → 0.5 → 1 → ... is cut.
        for start: Float in [1, 0.5, -0.5] {
            var calls = 0
            let shrunk = Shrinker.shrink(Self.failing([start])) { c in
                calls += 1
                return c.row.count == 1 && [0.5, 1].contains(abs(c.row[0].double))
            }
            #expect(shrunk.row.map { abs($0.double) } == [1], "from \(start)")
            #expect(calls <= 6, "from \(start): \(calls) questions")
        }
    }

    @Test("'x overflows e^x in binary32' shrinks from 2^127 to 128 in a few questions")
    func scaleJump() {
        // 2^127 → 2^63 → 2^31 → 2^15 → 2^7 = 128 (each a jump to 2^⌊e/2⌋); then 2^3 = 8 and 64 pass.
        var calls = 0
        let shrunk = Shrinker.shrink(Self.failing([0x1p127])) { c in
            calls += 1
            return c.row.count == 1 && c.row[0].double > 88.72
        }
        #expect(shrunk.row == Self.f32([128]))
        #expect(calls <= 25, "\(calls) questions")
    }

    @Test("a case nothing simpler fails is returned as it is")
    func alreadyMinimal() {
        let c = Self.failing([0])
        #expect(Shrinker.shrink(c) { $0.row == Self.f32([0]) }.row == Self.f32([0]))
        let special = CheckCase(row: [.nan(.binary32), .infinity(.binary32, negative: true)], beta: FloatValue(Float(1)),
                                format: .binary32, family: "hand")
        let shrunk = Shrinker.shrink(special) { $0.row.contains(where: \.isNaN) && $0.row.contains(where: \.isInfinite) }
        #expect(shrunk.row.count == 2 && shrunk.row[0].isNaN && shrunk.row[1] == .infinity(.binary32, negative: true))
    }

    @Test("the predicate is asked at most `budget` times, and the result still fails")
    func budget() {
        var calls = 0
        let c = Self.failing([1, 2, 3, 4, 5, 6, 7, 8])
        let unchanged = Shrinker.shrink(c, budget: 5) { _ in calls += 1; return false }
        #expect(calls == 5)
        #expect(unchanged.row == c.row)
        calls = 0
        #expect(Shrinker.shrink(c, budget: 0) { _ in calls += 1; return true }.row == c.row)
        #expect(calls == 0)
        // With a generous budget every accepted step fails the predicate, so the result does.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let row = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Float.random(in: 0...50, using: &generator) }
            let exceeds: (CheckCase) -> Bool = { $0.row.compactMap(\.dyadic).reduce(.zero, +) > Dyadic(20) }
            let original = Self.failing(row + [40])
            let shrunk = Shrinker.shrink(original, stillFails: exceeds)
            #expect(exceeds(shrunk), "\(original) shrank to \(shrunk), which passes")
            #expect(shrunk.row.count <= original.row.count)
        }
    }
}
