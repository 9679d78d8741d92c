import Testing
import SoftmaxKernels

/// The examples of the seed articles, through every kernel.
@Suite struct SeedExampleTests {
    @Test("softmax([1,2,3,4,1,2,3]) matches the Wikipedia values of seed 002 for every kernel")
    func wikipedia() {
        // Seed 002 (Wikipedia) prints [0.024, 0.064, 0.175, 0.475, 0.024, 0.064, 0.175]; the full digits are
        // Python's math.exp(v)/sum (a brief quoted 0.17468129498967668 for the third: off by 3.6e-9).
        let expected = [0.02364054302159139, 0.06426165851049616, 0.17468129859572226, 0.4748329997443803,
                        0.02364054302159139, 0.06426165851049616, 0.17468129859572226]
        for a in KernelAlgorithm.allCases {
            let s = a.softmax([1, 2, 3, 4, 1, 2, 3] as [Double])
            for (o, e) in zip(s, expected) { #expect(abs(o - e) <= 4 * e.ulp, "\(a): \(s)") }
            let f = a.softmax([1, 2, 3, 4, 1, 2, 3] as [Float])
            for (o, e) in zip(f, expected) { #expect(abs(Double(o) - e) <= 8 * Double(Float(e).ulp), "\(a): \(f)") }
        }
    }

    @Test("softmax([1,2,5]) ≈ [0.02, 0.05, 0.93] (seed 003)")
    func oneTwoFive() {
        for a in KernelAlgorithm.allCases {
            // The seed prints two digits, [0.02, 0.05, 0.93]; the values are 0.0171, 0.0466, 0.9362.
            let s = a.softmax([1, 2, 5] as [Double])
            #expect(zip(s, [0.02, 0.05, 0.93]).allSatisfy { abs($0 - $1) <= 0.01 }, "\(a): \(s)")
        }
    }

    @Test("softmax([2,3,5]) in Float is TensorFlow's [0.04201007, 0.11419519, 0.8437947] (seed 004)")
    func twoThreeFive() {
        let expected: [Float] = [0.04201007, 0.11419519, 0.8437947]
        for a in KernelAlgorithm.allCases {
            let s = a.softmax([2, 3, 5] as [Float])
            for (o, e) in zip(s, expected) { #expect(abs(o - e) <= e.ulp, "\(a): \(s)") }
        }
    }

    @Test("naive overflows on [123, 456, 789]: NumPy printed [0. 0. nan] (seeds 003, 004)")
    func naiveOverflows() {
        let d = KernelAlgorithm.naive.softmax([123, 456, 789] as [Double])
        #expect(d[0] == 0 && d[1] == 0 && d[2].isNaN, "\(d)")
        let f = KernelAlgorithm.naive.softmax([123, 456, 789] as [Float])
        #expect(f.allSatisfy { $0.isNaN }, "\(f)")
        // The max-shifted kernels give [e^-666, e^-333, 1] = [5.8e-290, 2.4e-145, 1].
        let exact = Reference([123, 456, 789]).softmax
        for a in [KernelAlgorithm.twoPass, .online, .simd] {
            let s = a.softmax([123, 456, 789] as [Double])
            #expect(zip(s, exact).allSatisfy { ulpError($0, $1, bits: 53) <= 300 }, "\(a): \(s)")
        }
        #expect(zip(KernelAlgorithm.simd.softmax([123, 456, 789] as [Double]), exact).allSatisfy { ulpError($0, $1, bits: 53) <= 4 })
    }

    @Test("log_softmax([123,456,789])[2] = −2.4e-145 in simd; the textbook kernels return 0")
    func dominantLogSoftmax() {
        let x: [Double] = [123, 456, 789]
        let exact = Reference(x).logSoftmax[2]
        #expect(exact.hi < -2.3e-145 && exact.hi > -2.5e-145)
        let s = KernelAlgorithm.simd.logSoftmax(x)
        #expect(ulpError(s[2], exact, bits: 53) <= 4, "\(s[2]) vs \(exact.hi)")
        #expect(KernelAlgorithm.twoPass.logSoftmax(x)[2] == 0)
        let f = KernelAlgorithm.simd.logSoftmax([123, 456, 789] as [Float])
        #expect(f[2] == 0, "−2.4e-145 is below Float's range: it rounds to (−)0; got \(f[2])")
        let near: [Float] = [0, 10, 20]
        let e = Reference(near.map(Double.init)).logSoftmax[2]
        #expect(ulpError(Double(KernelAlgorithm.simd.logSoftmax(near)[2]), e, bits: 24) <= 4)
    }
}
