import Multiprecision
import Testing

@Suite struct DyadicIntervalTests {
    @Test("Sums far below the rounding position keep their side through a sticky bit")
    func stickySum() {
        let one = Dyadic.one
        let tiny = Dyadic.powerOfTwo(-100_000)
        let down = Dyadic.sum(one, tiny, bits: 53, .floor)
        let up = Dyadic.sum(one, tiny, bits: 53, .ceiling)
        #expect(down.value == one && !down.isExact)
        #expect(up.value == one + Dyadic.powerOfTwo(-52))
        let below = Dyadic.sum(one, -tiny, bits: 53, .floor)
        #expect(below.value == one - Dyadic.powerOfTwo(-53))
    }

    @Test("An open end decides a rounding that a closed one cannot")
    func openEnds() {
        // (1 - 2^-60, 1): everything in it rounds down to 1 - 2^-24 in binary32.
        let i = DyadicInterval(lower: .one - .powerOfTwo(-60), upper: .one, lowerIsOpen: true, upperIsOpen: true)
        #expect(FloatFormat.binary32.round(i, .down) == FloatValue(Float(1).nextDown))
        let closed = DyadicInterval(lower: .one - .powerOfTwo(-60), upper: .one, lowerIsOpen: true, upperIsOpen: false)
        #expect(FloatFormat.binary32.round(closed, .down) == nil)
    }

    @Test("Exact products and quotients stay closed; inexact ones open")
    func exactness() {
        let three = DyadicInterval(exactly: Dyadic(3))
        let half = DyadicInterval(exactly: .one).dividingNonNegative(by: DyadicInterval(exactly: Dyadic(2)), bits: 10)
        #expect(half.isExact && half.lower == Dyadic.powerOfTwo(-1))
        let third = DyadicInterval(exactly: .one).dividingNonNegative(by: three, bits: 10)
        #expect(!third.isExact && third.lowerIsOpen && third.upperIsOpen)
        #expect(third.lower < third.upper)
        let product = three.multiplyingNonNegative(three, bits: 2)
        #expect(product.lower == Dyadic(8) && product.upper == Dyadic(12))
    }
}
