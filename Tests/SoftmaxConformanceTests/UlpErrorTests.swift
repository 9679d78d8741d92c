import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// UlpError against hand counts: floats built from their bits, the exact values written as
/// rationals, and the ulp taken by hand from the binade of the larger magnitude.
@Suite struct UlpErrorTests {
    static func f32(_ bits: UInt32) -> FloatValue { FloatValue(format: .binary32, bits: UInt64(bits)) }
    static func exactly(_ d: Dyadic) -> Enclosure { .interval(DyadicInterval(exactly: d)) }
    static func exact(_ n: Int, over d: Int) -> Enclosure { .exact(Rational(BigInt(n), BigInt(d))) }

    @Test("steps above 1 in binary32 count in ulps of 2^-23")
    func aboveOne() {
        // 0x3F800000 is 1; each increment of the bits adds 2^-23 in the binade [1, 2).
        #expect(UlpError.of(Self.f32(0x3F80_0000), from: Self.exact(1, over: 1)) == 0)
        #expect(UlpError.of(Self.f32(0x3F80_0001), from: Self.exact(1, over: 1)) == 1)
        #expect(UlpError.of(Self.f32(0x3F80_0003), from: Self.exact(1, over: 1)) == 3)
        #expect(UlpError.of(Self.f32(0x3F7F_FFFD), from: Self.exact(1, over: 1)) == 1.5)
    }

    @Test("below a power of two the ulp is still that of the larger magnitude")
    func belowPowerOfTwo() {
        // 1 − 2^-24 (0x3F7FFFFF) is one step below 1, but measured in ulps of 1 (2^-23) it is half of one.
        #expect(UlpError.of(Self.f32(0x3F7F_FFFF), from: Self.exact(1, over: 1)) == 0.5)
        // Against an exact value in its own binade the same step is a whole ulp: 1 − 2^-23 = 0x3F7FFFFE.
        let below = Self.exactly(Dyadic(mantissa: 0xFF_FFFE, exponent: -24))
        #expect(UlpError.of(Self.f32(0x3F7F_FFFF), from: below) == 1)
    }

    @Test("subnormals count in the fixed quantum 2^-149")
    func subnormals() {
        #expect(UlpError.of(Self.f32(1), from: .exact(Rational(0))) == 1)
        #expect(UlpError.of(Self.f32(4), from: Self.exactly(Dyadic.powerOfTwo(-149))) == 3)
        #expect(UlpError.of(Self.f32(0x0080_0000), from: Self.exactly(Dyadic.powerOfTwo(-126) - Dyadic.powerOfTwo(-149))) == 1)
    }

    @Test("a rational that is no float: 1/3 rounded to binary32 is 1/3 ulp away")
    func thirds() {
        // 1/3 = 0x3EAAAAAB − (1/3)·2^-25, and 1/3 lies in [2^-2, 2^-1) where the ulp is 2^-25.
        let error = UlpError.of(Self.f32(0x3EAA_AAAB), from: Self.exact(1, over: 3))
        #expect(abs(error - 1.0 / 3) < 1e-12, "\(error)")
        // The float below, 0x3EAAAAAA, is 2/3 ulp away.
        let below = UlpError.of(Self.f32(0x3EAA_AAAA), from: Self.exact(1, over: 3))
        #expect(abs(below - 2.0 / 3) < 1e-12, "\(below)")
    }

    @Test("an interval counts its farther end")
    func interval() {
        let oneToNext = Enclosure.interval(DyadicInterval(lower: .one, upper: .one + Dyadic.powerOfTwo(-23), lowerIsOpen: false, upperIsOpen: true))
        #expect(UlpError.of(Self.f32(0x3F80_0000), from: oneToNext) == 1)
        #expect(UlpError.of(Self.f32(0x3F80_0002), from: oneToNext) == 2)
    }

    @Test("every format counts in its own precision")
    func formats() {
        #expect(UlpError.of(FloatValue(1.0.nextUp), from: Self.exact(1, over: 1)) == 1)
        #expect(UlpError.of(FloatValue(format: .binary16, bits: 0x3C01), from: Self.exact(1, over: 1)) == 1)
        #expect(UlpError.of(FloatValue(format: .bfloat16, bits: 0x3F81), from: Self.exact(1, over: 1)) == 1)
        // 2^-1074 in binary64 is one quantum from zero.
        #expect(UlpError.of(FloatValue(format: .binary64, bits: 1), from: .exact(Rational(0))) == 1)
    }

    @Test("ulp exponents: precision − 1 below the binade, clamped at the subnormal quantum")
    func ulpExponents() {
        #expect(UlpError.ulpExponent(of: .one, .binary64) == -52)
        #expect(UlpError.ulpExponent(of: .one, .binary32) == -23)
        #expect(UlpError.ulpExponent(of: Dyadic(3), .binary16) == -9)
        #expect(UlpError.ulpExponent(of: Dyadic(3), .bfloat16) == -6)
        #expect(UlpError.ulpExponent(of: .zero, .binary32) == -149)
        #expect(UlpError.ulpExponent(of: Dyadic.powerOfTwo(-130), .binary32) == -149)
        #expect(UlpError.ulpExponent(of: Dyadic.powerOfTwo(-126), .binary32) == -149)
        #expect(UlpError.ulpExponent(of: Dyadic.powerOfTwo(-125), .binary32) == -148)
    }

    @Test("special values: the same special is 0 ulps, any other mismatch infinite")
    func specials() {
        let f = FloatFormat.binary32
        #expect(UlpError.of(.nan(f), from: .nan) == 0)
        #expect(UlpError.of(Self.f32(0x3F80_0000), from: .nan) == .infinity)
        #expect(UlpError.of(.infinity(f), from: .infinity(negative: false)) == 0)
        #expect(UlpError.of(.infinity(f, negative: true), from: .infinity(negative: true)) == 0)
        #expect(UlpError.of(.infinity(f, negative: true), from: .infinity(negative: false)) == .infinity)
        #expect(UlpError.of(.greatestFinite(f), from: .infinity(negative: false)) == .infinity)
        #expect(UlpError.of(.nan(f), from: Self.exact(1, over: 1)) == .infinity)
        #expect(UlpError.of(.infinity(f), from: Self.exact(1, over: 1)) == .infinity)
        #expect(UlpError.of(.zero(f, negative: true), from: .exact(Rational(0))) == 0)
    }

    @Test("an infinity is half an ulp from an exact value that rounds to it")
    func overflow() {
        // 2^128 is past binary32's largest finite value and rounds to +inf; 2^127 does not.
        #expect(UlpError.of(.infinity(.binary32), from: Self.exactly(Dyadic.powerOfTwo(128))) == 0.5)
        #expect(UlpError.of(.infinity(.binary32, negative: true), from: Self.exactly(-Dyadic.powerOfTwo(128))) == 0.5)
        #expect(UlpError.of(.infinity(.binary32), from: Self.exactly(Dyadic.powerOfTwo(127))) == .infinity)
    }
}
