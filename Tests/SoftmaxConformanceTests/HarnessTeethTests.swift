import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing
import _SoftmaxTestSupport

/// A harness without teeth is worthless: every property catches a deliberately broken kernel,
/// and the shrunk counterexample is small where the bug allows.
@Suite struct HarnessTeethTests {
    struct Mutant: CustomTestStringConvertible, Sendable {
        let kernel: DoubleKernel
        let property: String
        var format: FloatFormat = .binary32
        /// The most logits a shrunk counterexample may keep (nil where the bug needs long rows).
        var maximumShrunkLength: Int? = 3
        /// The longest generated row (long enough for accumulation bugs to show).
        var maximumLength = 600
        /// Words the failure's reason must contain, where the mutant's defect has a name.
        var reason: String?
        var testDescription: String { "\(kernel.name) is caught by \(property)" }

        /// Runs the named property on the kernel and expects a failure with a small counterexample,
        /// a replay command naming the property and, where the defect has a name, that name.
        func expectCaught() throws {
            let property = try #require(PropertyCatalog.named(self.property))
            let configuration = CheckConfiguration(cases: 60, seed: 7, format: format, profile: .framework, maximumLength: maximumLength)
            let report = PropertyRunner.run(kernel, properties: [property], configuration: configuration)
            let failure = try #require(report.results[0].failure, "\(kernel.name) passed \(self.property)")
            if let limit = maximumShrunkLength {
                #expect(failure.counterexample.row.count <= limit, "counterexample \(failure.counterexample)")
            }
            #expect(failure.replay.contains("--property \(self.property)"))
            if let words = reason { #expect(failure.reason.contains(words), "reason: \(failure.reason)") }
        }
    }

    static let mutants: [Mutant] = {
        var naive = DoubleKernel(name: "naive-overflow")
        // exp then divide without the max shift, in binary32: overflows at [123, 456, 789].
        naive.softmax = { x, beta in
            let e = x.map { Float(Foundation.exp(Double(Float($0 * beta)))) }
            let sum = e.reduce(Float(0), +)
            return e.map { Double($0 / sum) }
        }
        var forgetsShift = DoubleKernel(name: "max-shift-forgotten-for-one-element")
        forgetsShift.softmax = { x, beta in
            let m = x.map { $0 * beta }.max() ?? 0
            let e = x.enumerated().map { i, v in Foundation.exp(v * beta - (i == 0 ? 0 : m)) }
            let sum = e.reduce(0, +)
            return e.map { $0 / sum }
        }
        var wrongSign = DoubleKernel(name: "jacobian-wrong-sign")
        wrongSign.jacobian = { x, beta in
            let s = DoubleKernel.maxShiftedSoftmax(x, beta)
            return s.indices.flatMap { i in s.indices.map { j in i == j ? beta * s[i] * (1 - s[i]) : beta * s[i] * s[j] } }
        }
        var transposedTerm = DoubleKernel(name: "jacobian-transposed-term")
        transposedTerm.jacobian = { x, beta in
            let s = DoubleKernel.maxShiftedSoftmax(x, beta)
            return s.indices.flatMap { i in s.indices.map { j in beta * s[j] * ((i == j ? 1 : 0) - s[j]) } }
        }
        var asymmetricProduct = DoubleKernel(name: "vjp-transposed-outer-product")
        // β·v ⊙ (s − ⟨v, s⟩): v where s belongs, so the product is no longer a symmetric matrix's.
        asymmetricProduct.softmaxVJP = { x, beta, v in
            let s = DoubleKernel.maxShiftedSoftmax(x, beta)
            let dot = zip(v, s).map { $0 * $1 }.reduce(0, +)
            return s.indices.map { beta * v[$0] * (s[$0] - dot) }
        }
        var lseGradient = DoubleKernel(name: "logsumexp-gradient-off")
        lseGradient.logSumExp = { x, beta in [DoubleKernel.lse(x, beta) + 0.25 * (x.first ?? 0)] }
        var lowPrecisionSum = DoubleKernel(name: "bfloat16-accumulator")
        // The running sum is kept in the storage format (bfloat16 here): it stalls at 256.
        lowPrecisionSum.softmax = { x, beta in
            let t = x.map { $0 * beta }, m = t.max() ?? 0
            let e = t.map { Foundation.exp($0 - m) }
            var sum = 0.0
            for v in e { sum = DoubleKernel.round(sum + v, .bfloat16).double }
            return e.map { $0 / sum }
        }
        var halfSum = DoubleKernel(name: "float16-accumulator")
        // The running sum kept in binary16: it stops growing at 2048 on long rows of similar logits.
        halfSum.softmax = { x, beta in
            let t = x.map { $0 * beta }, m = t.max() ?? 0
            let e = t.map { Foundation.exp($0 - m) }
            var sum = Float16(0)
            for v in e { sum += Float16(v) }
            return e.map { $0 / Double(sum) }
        }
        var sigmoidNaN = DoubleKernel(name: "sigmoid-nan-for-large-negative-x")
        sigmoidNaN.sigmoid = { x, beta in x.map { v in v * beta < -20 ? .nan : 1 / (1 + Foundation.exp(-v * beta)) } }
        var infMinusInf = DoubleKernel(name: "plus-inf-gives-nan")
        // x - max with max = +inf gives inf - inf = NaN instead of sharing 1 among the +inf entries.
        infMinusInf.softmax = { x, beta in
            let t = x.map { $0 * beta }, m = t.max() ?? 0
            let e = t.map { Foundation.exp($0 - m) }
            let sum = e.reduce(0, +)
            return e.map { $0 / sum }
        }
        var parity = DoubleKernel(name: "depends-on-absolute-position")
        parity.softmax = { x, beta in
            let m = (x.map { $0 * beta }.max() ?? 0).rounded(.down)
            let odd = m.truncatingRemainder(dividingBy: 2) != 0
            return DoubleKernel.maxShiftedSoftmax(x, beta * (odd ? 1.01 : 1))
        }
        var ignoresBeta = DoubleKernel(name: "ignores-beta")
        ignoresBeta.softmax = { x, _ in DoubleKernel.maxShiftedSoftmax(x, 1) }
        var negative = DoubleKernel(name: "negative-output")
        negative.softmax = { x, beta in
            var s = DoubleKernel.maxShiftedSoftmax(x, beta)
            if !s.isEmpty { s[0] = -s[0] }
            return s
        }
        var reversed = DoubleKernel(name: "reversed-outputs")
        reversed.softmax = { x, beta in DoubleKernel.maxShiftedSoftmax(x, beta).reversed() }
        var positional = DoubleKernel(name: "index-dependent-bias")
        positional.softmax = { x, beta in
            let s = DoubleKernel.maxShiftedSoftmax(x, beta).enumerated().map { i, v in v * (1 + 0.01 * Double(i)) }
            let total = s.reduce(0, +)
            return s.map { $0 / total }
        }
        var epsilon = DoubleKernel(name: "epsilon-in-denominator")
        epsilon.softmax = { x, beta in
            let t = x.map { $0 * beta }, m = t.max() ?? 0
            let e = t.map { Foundation.exp($0 - m) }
            let sum = e.reduce(0, +) + 1e-6
            return e.map { $0 / sum }
        }
        var scaledLog = DoubleKernel(name: "log-softmax-scaled-log")
        scaledLog.logSoftmax = { x, beta in
            let t = x.map { $0 * beta }, m = t.max() ?? 0
            let s = t.map { Foundation.exp($0 - m) }.reduce(0, +)
            return t.map { $0 - m - 1.01 * Foundation.log(s) }
        }
        var lowLSE = DoubleKernel(name: "logsumexp-below-max")
        lowLSE.logSumExp = { x, beta in [(x.map { $0 * beta }.max() ?? 0) - 0.5] }
        var gradientSign = DoubleKernel(name: "cross-entropy-gradient-sign")
        gradientSign.crossEntropy = { x, beta, label in
            let s = DoubleKernel.maxShiftedSoftmax(x, beta)
            return [-DoubleKernel.maxShiftedLogSoftmax(x, beta)[label]] + s.indices.map { beta * (($0 == label ? 1 : 0) - s[$0]) }
        }
        // Non-finite defects of every function, as frameworks ship them: a NaN dropped instead of
        // propagated, a mask that leaks, a NaN lost only past the first vector of 8 lanes.
        func ignoringNaN(_ row: @escaping DoubleKernel.Row) -> DoubleKernel.Row {
            { x, beta in
                let kept = x.indices.filter { !x[$0].isNaN }
                var out = row(kept.map { x[$0] }, beta)
                if out.count == kept.count { out = x.indices.map { i in kept.firstIndex(of: i).map { out[$0] } ?? .nan } }
                return out
            }
        }
        var logSoftmaxNaN = DoubleKernel(name: "log-softmax-ignores-nan")
        logSoftmaxNaN.logSoftmax = ignoringNaN(DoubleKernel.maxShiftedLogSoftmax)
        var lseNaN = DoubleKernel(name: "logsumexp-ignores-nan")
        lseNaN.logSumExp = ignoringNaN { x, beta in [DoubleKernel.lse(x, beta)] }
        var sigmoidNaNHalf = DoubleKernel(name: "sigmoid-of-nan-is-one-half")
        sigmoidNaNHalf.sigmoid = { x, beta in x.map { $0.isNaN ? 0.5 : DoubleKernel.maxShiftedSoftmax([$0, 0], beta)[0] } }
        var jacobianNaN = DoubleKernel(name: "jacobian-ignores-nan")
        jacobianNaN.jacobian = { x, beta in
            let s = DoubleKernel.maxShiftedSoftmax(x.map { $0.isNaN ? -.infinity : $0 }, beta)
            return s.indices.flatMap { i in s.indices.map { j in beta * s[i] * ((i == j ? 1 : 0) - s[j]) } }
        }
        var crossEntropyNaN = DoubleKernel(name: "cross-entropy-ignores-nan")
        crossEntropyNaN.crossEntropy = { x, beta, label in
            let y = x.map { $0.isNaN ? -.infinity : $0 }
            let s = DoubleKernel.maxShiftedSoftmax(y, beta)
            return [-DoubleKernel.maxShiftedLogSoftmax(y, beta)[label]] + s.indices.map { beta * (s[$0] - ($0 == label ? 1 : 0)) }
        }
        var vjpNaN = DoubleKernel(name: "softmax-vjp-ignores-nan")
        vjpNaN.softmaxVJP = { x, beta, v in
            let s = DoubleKernel.maxShiftedSoftmax(x.map { $0.isNaN ? -.infinity : $0 }, beta)
            let dot = zip(v, s).map { $0 * $1 }.reduce(0, +)
            return s.indices.map { beta * s[$0] * (v[$0] - dot) }
        }
        var leakyMask = DoubleKernel(name: "mask-leaks-e^-30")
        // −inf replaced by a finite "large negative" 30 below the row's smallest finite logit.
        leakyMask.softmax = { x, beta in
            guard x.contains(where: \.isFinite) else { return DoubleKernel.maxShiftedSoftmax(x, beta) }
            let floor = (x.filter(\.isFinite).min() ?? 0) - 30
            return DoubleKernel.maxShiftedSoftmax(x.map { $0 == -.infinity ? floor : $0 }, beta)
        }
        var secondVector = DoubleKernel(name: "nan-lost-past-lane-8")
        // A vector loop whose NaN test covers only the first 8 lanes: later NaNs act as masks.
        secondVector.softmax = { x, beta in
            DoubleKernel.maxShiftedSoftmax(x.indices.map { $0 >= 8 && x[$0].isNaN ? -.infinity : x[$0] }, beta)
        }
        return [
            Mutant(kernel: logSoftmaxNaN, property: "non-finite-policy", reason: "log-softmax of NaN"),
            Mutant(kernel: lseNaN, property: "non-finite-policy", reason: "logsumexp of NaN"),
            Mutant(kernel: sigmoidNaNHalf, property: "non-finite-policy", reason: "sigmoid of NaN"),
            Mutant(kernel: jacobianNaN, property: "non-finite-policy", reason: "jacobian of NaN"),
            Mutant(kernel: crossEntropyNaN, property: "non-finite-policy", reason: "NaN logit not propagated"),
            Mutant(kernel: vjpNaN, property: "non-finite-policy", reason: "softmax-vjp of NaN"),
            Mutant(kernel: leakyMask, property: "non-finite-policy", reason: "masked"),
            Mutant(kernel: secondVector, property: "non-finite-policy", maximumShrunkLength: nil, reason: "NaN at 8 of"),
            Mutant(kernel: naive, property: "close-to-reference/softmax", maximumShrunkLength: nil),
            Mutant(kernel: forgetsShift, property: "sum-to-one"),
            Mutant(kernel: wrongSign, property: "jacobian-symmetry"),
            Mutant(kernel: transposedTerm, property: "jacobian-symmetry"),
            Mutant(kernel: asymmetricProduct, property: "jacobian-product-symmetry"),
            Mutant(kernel: lseGradient, property: "logsumexp-gradient"),
            Mutant(kernel: lowPrecisionSum, property: "sum-to-one", format: .bfloat16, maximumShrunkLength: nil),
            Mutant(kernel: halfSum, property: "sum-to-one", format: .binary16, maximumShrunkLength: nil, maximumLength: 4096),
            Mutant(kernel: sigmoidNaN, property: "sigmoid-equivalence"),
            Mutant(kernel: infMinusInf, property: "non-finite-policy"),
            Mutant(kernel: parity, property: "translation-invariance"),
            Mutant(kernel: ignoresBeta, property: "scale-non-invariance"),
            Mutant(kernel: negative, property: "range"),
            Mutant(kernel: reversed, property: "order-preservation"),
            Mutant(kernel: positional, property: "permutation-equivariance"),
            Mutant(kernel: epsilon, property: "singleton"),
            Mutant(kernel: scaledLog, property: "log-softmax-consistency"),
            Mutant(kernel: lowLSE, property: "logsumexp-bounds"),
            Mutant(kernel: gradientSign, property: "cross-entropy-gradient"),
            Mutant(kernel: sigmoidNaN, property: "close-to-reference/sigmoid"),
            Mutant(kernel: naive, property: "sum-to-one", maximumShrunkLength: nil),
        ]
    }()

    @Test("Each mutant is caught by its named property, with a small counterexample", arguments: mutants)
    func mutantIsCaught(_ mutant: Mutant) throws {
        try mutant.expectCaught()
    }

    @Test("Every property has a mutant that it catches")
    func everyPropertyHasTeeth() {
        let covered = Set((Self.mutants + ActivationTeethTests.mutants).map(\.property))
        for property in PropertyCatalog.all where !property.name.hasPrefix("close-to-reference/log") {
            #expect(covered.contains(property.name), "no mutant for \(property.name)")
        }
    }

    @Test("The binary64 kernel passes every property under the framework profile in binary32")
    func goodKernelPasses() {
        let report = PropertyRunner.run(DoubleKernel(name: "binary64"), configuration: CheckConfiguration(cases: 40, seed: 3, format: .binary32, profile: .framework, maximumLength: 600))
        #expect(report.succeeded, "\(report.text)")
    }

    /// Outputs within the bound may wobble: a max probability a few ulps high at β and exact at 2β is
    /// no failure of "max ŝ grows with β" (the slack is in ulps of the checked format, not of binary64).
    @Test("scale-non-invariance allows the max probability to fall within the bound when β doubles")
    func maxProbabilityWobbleWithinBound() throws {
        var wobbly = DoubleKernel(name: "max-two-ulps-high-at-even-exponents-of-beta")
        wobbly.softmax = { x, beta in
            var s = DoubleKernel.maxShiftedSoftmax(x, beta)
            if beta > 0, beta.exponent % 2 == 0, let top = s.indices.max(by: { s[$0] < s[$1] }) {
                s[top] *= 1 + 0x1p-22  // two to four ulps in binary32
            }
            return s
        }
        let property = try #require(PropertyCatalog.named("scale-non-invariance"))
        let configuration = CheckConfiguration(cases: 400, seed: 11, format: .binary32, profile: .framework, maximumLength: 40)
        let report = PropertyRunner.run(wobbly, properties: [property], configuration: configuration)
        #expect(report.succeeded, "\(report.text)")
    }

    @Test("The reference itself passes every property under the strict profile")
    func referencePassesStrict() {
        for format in [FloatFormat.binary16, .binary32] {
            let report = PropertyRunner.run(ReferenceImplementation(), configuration: CheckConfiguration(cases: 12, seed: 5, format: format, profile: .strict, maximumLength: 200))
            #expect(report.succeeded, "\(report.text)")
        }
    }

    @Test("The same seed gives the same report, byte for byte; another seed other cases")
    func reproducible() {
        let configuration = CheckConfiguration(cases: 15, seed: 42, format: .binary32, profile: .framework, maximumLength: 100)
        let properties: [any ConformanceProperty] = [SumToOne(), LogSumExpGradient(), CloseToReference(.softmax)]
        var naive = DoubleKernel(name: "naive")
        naive.softmax = { x, _ in let e = x.map { Foundation.exp($0) }; let s = e.reduce(0, +); return e.map { $0 / s } }
        let a = PropertyRunner.run(naive, properties: properties, configuration: configuration)
        let b = PropertyRunner.run(naive, properties: properties, configuration: configuration)
        #expect(a.text == b.text)
        #expect(a.json.serialized == b.json.serialized)
        #expect(a.junit == b.junit)
        let generator = RowGenerator(format: .binary32)
        #expect(generator.generate(seed: 1, stream: "p", index: 3).description == generator.generate(seed: 1, stream: "p", index: 3).description)
        #expect(generator.generate(seed: 1, stream: "p", index: 3).description != generator.generate(seed: 2, stream: "p", index: 3).description)
    }

    @Test("An inexact shift would make a correct kernel 'fail' translation invariance, so it is never used")
    func inexactShiftsAreAvoided() throws {
        // In binary32, 0.3 + 2^20 is not exact (its ulp is 1/8): the shifted row is another input.
        let row = [Float(0.3), Float(0)].map(FloatValue.init)
        let shift = Dyadic.powerOfTwo(20)
        #expect(!TranslationInvariance.isExactShift(row, by: shift, format: .binary32))
        let shifted = row.map { FloatFormat.binary32.round($0.dyadic! + shift, .toNearestOrEven) }
        let before = try Reference.softmax(row, format: .binary32)
        let after = try Reference.softmax(shifted, format: .binary32)
        #expect(before != after)  // the correctly rounded reference itself differs
        // The property picks an exact shift instead, or none.
        if let c = TranslationInvariance.exactShift(for: row, format: .binary32) {
            #expect(TranslationInvariance.isExactShift(row, by: c, format: .binary32))
        }
    }
}

/// The frameworks' own tolerances as profiles.
@Suite struct ProfilePresetTests {
    @Test("pytorch and onnx presets are the documented rtol/atol pairs")
    func presets() {
        #expect(Profile.preset("pytorch", format: .binary32) == .relative(name: "pytorch", rtol: 1.3e-6, atol: 1e-5))
        #expect(Profile.preset("pytorch", format: .binary16) == .relative(name: "pytorch", rtol: 1e-3, atol: 1e-5))
        #expect(Profile.preset("onnx", format: .binary64) == .relative(name: "onnx", rtol: 1e-3, atol: 1e-7))
        #expect(Profile.preset("webgpu", format: .binary32) == nil)
    }

    @Test("A relative profile passes a 1-ulp error that strict rejects, and rejects a 1% error")
    func relativeJudging() {
        let request = ImplementationRequest(.softmax, format: .binary32, input: [0.0, 1.0].map { FloatValue(Float($0)) })
        guard case .values(let exact) = ReferenceImplementation().evaluate(request) else { Issue.record("no reference"); return }
        let nudged = [exact[0].nextUp, exact[1]]
        let pytorch = Profile.preset("pytorch", format: .binary32)!
        #expect(RequestJudge.judge(request, nudged, profile: .strict).failure != nil)
        #expect(RequestJudge.judge(request, nudged, profile: pytorch).failure == nil)
        let off = [FloatValue(Float(exact[0].double * 1.01)), exact[1]]
        #expect(RequestJudge.judge(request, off, profile: pytorch).failure != nil)
    }

    /// The correctly rounded output with entry 0 moved `steps` ulps up.
    static func moved(_ request: ImplementationRequest, steps: Int) -> [FloatValue] {
        guard case .values(var v) = ReferenceImplementation().evaluate(request) else { return [] }
        for _ in 0..<steps { v[0] = v[0].nextUp }
        return v
    }

    @Test("webnn: softmax within 3N+3 ulps, sigmoid within 34 (float32) or 10 (float16)")
    func webnn() {
        // A correctly rounded value is within 1/2 ulp of the exact one, so k steps from it are
        // between k - 1/2 and k + 1/2 ulps away: k = bound - 1 passes and k = bound + 1 fails.
        let cases: [(ImplementationRequest, bound: Int)] = [
            (ImplementationRequest(.softmax, format: .binary32, input: [0.0, 1.0].map { FloatValue(Float($0)) }), 3 * 2 + 3),
            (ImplementationRequest(.softmax, format: .binary32, input: [0.0, 1.0, 2.0, 0.5, -1.0].map { FloatValue(Float($0)) }), 3 * 5 + 3),
            (ImplementationRequest(.sigmoid, format: .binary32, input: [FloatValue(Float(0.75))]), 34),
            (ImplementationRequest(.sigmoid, format: .binary16, input: [FloatValue(Float16(0.75))]), 10),
        ]
        for (request, bound) in cases {
            let profile = Profile.preset("webnn", format: request.format)!
            #expect(RequestJudge.judge(request, Self.moved(request, steps: bound - 1), profile: profile).failure == nil, "\(request.function) n=\(request.input.count)")
            #expect(RequestJudge.judge(request, Self.moved(request, steps: bound + 1), profile: profile).failure != nil, "\(request.function) n=\(request.input.count)")
        }
    }
}
