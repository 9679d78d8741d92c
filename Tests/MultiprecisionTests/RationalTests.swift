import Multiprecision
import Testing

@Suite struct RationalTests {
    @Test("Arithmetic stays in lowest terms with a positive denominator")
    func lowestTerms() {
        #expect(Rational(BigInt(6), BigInt(-4)) == Rational(BigInt(-3), BigInt(2)))
        #expect((Rational(1, 6) + Rational(1, 3)).description == "1/2")
        #expect((Rational(2, 3) / Rational(-4, 9)).description == "-3/2")
    }

    @Test("Integer powers, negative ones included, by hand: (2/3)^3 = 8/27, (-2/3)^-3 = -27/8")
    func powers() {
        #expect(Rational(2, 3).power(3).description == "8/27")
        #expect(Rational(2, 3).power(-3).description == "27/8")
        #expect(Rational(-2, 3).power(-3).description == "-27/8")
        #expect(Rational(-2, 3).power(2).description == "4/9")
        #expect(Rational(5, 7).power(0) == Rational(1))
        #expect(Rational(0).power(4) == Rational(0))
    }
}
