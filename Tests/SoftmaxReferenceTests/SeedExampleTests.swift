import Multiprecision
import SoftmaxReference
import Testing

/// The examples printed in the seed articles (../shared/seeds), reproduced by the reference.
/// Where a seed's printed digits differ from the correctly rounded value, the test says by how much.
@Suite struct SeedExampleTests {
    static func doubles(_ xs: [Double]) -> [FloatValue] { xs.map(FloatValue.init) }
    static func ulps(_ a: FloatValue, _ b: FloatValue) -> Int { abs(Int(a.bits) - Int(b.bits)) }

    @Test("Seed 002 (Wikipedia): softmax([1,2,3,4,1,2,3]) ≈ [0.024, 0.064, 0.175, 0.475, 0.024, 0.064, 0.175]")
    func wikipediaExample() throws {
        let s = try Reference.softmax(Self.doubles([1, 2, 3, 4, 1, 2, 3]), format: .binary64)
        // The three-decimal values printed in the article's text.
        let printed = [0.024, 0.064, 0.175, 0.475, 0.024, 0.064, 0.175]
        for (v, p) in zip(s, printed) { #expect(abs(v.double - p) <= 0.0005) }
        // The Raku output in the article prints a naive exp/sum computation to 17 digits: two of its
        // four distinct values are 1 ulp below the correctly rounded ones (checked with mpmath).
        let raku = [0.023640543021591385, 0.06426165851049616, 0.17468129859572226, 0.4748329997443803]
        #expect(zip(s, raku).map { Self.ulps($0, FloatValue($1)) } == [1, 0, 0, 1])
        #expect(s[0].bits == FloatValue(raku[0]).bits + 1 && s[3].bits == FloatValue(raku[3]).bits + 1)
        #expect(s[3].shortestDecimal == "0.47483299974438037")
        #expect(s.map(\.shortestDecimal).prefix(2) == ["0.02364054302159139", "0.06426165851049616"])
        // NumPy's 8-digit print: array([0.02364054, 0.06426166, 0.1746813, 0.474833, ...]).
        let numpy = [0.02364054, 0.06426166, 0.1746813, 0.474833]
        for (v, p) in zip(s, numpy) { #expect(abs(v.double - p) <= 5e-9) }
    }

    @Test("Seed 002: scaling the input changes the result: softmax([0.1,...,0.3]) ≈ [0.125, 0.138, 0.153, 0.169, ...]")
    func scaleNonInvariance() throws {
        let x = Self.doubles([0.1, 0.2, 0.3, 0.4, 0.1, 0.2, 0.3])
        let request = try ReferenceRequest(.softmax, input: x)
        let digits = try Reference.evaluate(request, significantDigits: 3).values
        #expect(digits == ["0.125", "0.138", "0.153", "0.169", "0.125", "0.138", "0.153"])
        // "0.169 is smaller than 0.475 and even than 0.4/1.6 = 0.25".
        let s = try Reference.softmax(x, format: .binary64)
        #expect(s[3].double < 0.25)
    }

    @Test("Seed 002 (Elixir Nx): the whole-tensor softmax of [[1,2],[3,4]]")
    func wholeTensor() throws {
        let s = try Reference.softmax(Self.doubles([1, 2, 3, 4]), format: .binary64)
        let nx = [0.03205860328008499, 0.08714431874203257, 0.23688281808991013, 0.6439142598879722]
        // Nx's naive exp/sum matches the correctly rounded values except the last, 1 ulp low
        // (mpmath: 0.6439142598879724).
        #expect(zip(s, nx).map { Self.ulps($0, FloatValue($1)) } == [0, 0, 0, 1])
        #expect(s.map(\.shortestDecimal) == ["0.03205860328008499", "0.08714431874203257", "0.23688281808991013", "0.6439142598879724"])
    }

    @Test("Seed 003: softmax([1, 2, 5]) printed as [0.02, 0.05, 0.93]; the last is truncated, not rounded")
    func seed003SmallExample() throws {
        let s = try Reference.softmax(Self.doubles([1, 2, 5]), format: .binary64).map(\.double)
        #expect(abs(s[0] - 0.02) < 0.005 && abs(s[1] - 0.05) < 0.005)
        // 0.9362... rounds to 0.94 at two decimals; the article's 0.93 is 0.0062 away.
        #expect(abs(s[2] - 0.93) > 0.005 && abs(s[2] - 0.94) < 0.005)
        #expect(s[2] > 0.936 && s[2] < 0.937)
    }

    @Test("Seeds 003 and 004: [123, 456, 789] does not overflow the reference: [5.75e-290, 2.40e-145, 1.00]")
    func overflowExample() throws {
        let x = Self.doubles([123, 456, 789])
        let request = try ReferenceRequest(.softmax, input: x)
        let digits = try Reference.evaluate(request, significantDigits: 3).values
        #expect(digits == ["5.75e-290", "2.40e-145", "1.00"])
        let s = try Reference.softmax(x, format: .binary64)
        #expect(s.allSatisfy { $0.isFinite })
        #expect(s[2] == FloatValue(1.0))
        // In binary32 the two small outputs are below the least subnormal and round to 0.
        let f = try Reference.softmax(x, format: .binary32)
        #expect(f == [.zero(.binary32), .zero(.binary32), FloatValue(Float(1))])
    }

    @Test("Seed 004: TensorFlow's float32 softmax([2, 3, 5]) = [0.04201007, 0.11419519, 0.8437947]")
    func tensorflowExample() throws {
        let s = try Reference.softmax([2, 3, 5].map { FloatValue(Float($0)) }, format: .binary32)
        let tf: [Float] = [0.04201007, 0.11419519, 0.8437947]
        // Each printed value reads back 1 ulp from the correctly rounded float32 (mpmath agrees:
        // 0.042010065, 0.1141952, 0.84379476): TensorFlow's float32 kernel is not correctly rounded.
        #expect(zip(s, tf).map { Self.ulps($0, FloatValue($1)) } == [1, 1, 1])
        #expect(s.map(\.shortestDecimal) == ["0.042010065", "0.1141952", "0.84379476"])
    }
}
