import Multiprecision
import Testing

@Suite struct BigIntTests {
    @Test("Products of large integers match Python's exact arithmetic")
    func largeProduct() throws {
        let a = try #require(BigInt("123456789012345678901234567890"))
        let b = try #require(BigInt("987654321098765432109876543210"))
        /// Python: 123456789012345678901234567890 * 987654321098765432109876543210
        #expect((a * b).description == "121932631137021795226185032733622923332237463801111263526900")
        #expect((a - b).description == "-864197532086419753208641975320")
        #expect((-a).magnitude == a)
    }

    @Test("Right shifts round toward -inf or +inf as asked, also for negative numbers")
    func directedShifts() {
        #expect(BigInt(7).shiftedRight(by: 1, rounding: .floor) == 3)
        #expect(BigInt(7).shiftedRight(by: 1, rounding: .ceiling) == 4)
        #expect(BigInt(-7).shiftedRight(by: 1, rounding: .floor) == -4)
        #expect(BigInt(-7).shiftedRight(by: 1, rounding: .ceiling) == -3)
        #expect(BigInt(-8).shiftedRight(by: 2, rounding: .ceiling) == -2)
    }

    @Test("Division rounds as asked and the remainder completes it")
    func division() {
        #expect(BigInt(-7).divided(by: 2, rounding: .floor) == -4)
        #expect(BigInt(-7).divided(by: 2, rounding: .ceiling) == -3)
        let (q, r) = BigInt(-7).quotientAndRemainder(dividingBy: 2)
        #expect(q == -4 && r == 1)
    }

    @Test("In-place operations never change a copy (copy-on-write)")
    func copyOnWrite() {
        var a = BigInt(10)
        let b = a
        a.formProduct(with: 3)
        a.increase(by: 1)
        #expect(a == 31)
        #expect(b == 10)
    }

    @Test("Parsing rejects anything but an optionally signed run of digits")
    func parsing() {
        #expect(BigInt("-42") == -42)
        #expect(BigInt("+42") == 42)
        #expect(BigInt("ff", radix: 16) == 255)
        for bad in ["", "-", "1.5", "12a", " 1", "0x10"] { #expect(BigInt(bad) == nil, "accepted '\(bad)'") }
    }

    @Test("Bit width and trailing zeros describe the magnitude")
    func bits() {
        #expect(BigInt(0).bitWidth == 0)
        #expect(BigInt(8).bitWidth == 4)
        #expect(BigInt(-8).bitWidth == 4)
        #expect(BigInt(40).trailingZeroBitCount == 3)
        #expect(BigInt(1).shiftedLeft(by: 200).bitWidth == 201)
    }
}
