import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing
import _SoftmaxTestSupport

/// The committed fixtures: reproducible, valid against the schema, and right.
@Suite struct FixtureTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test("The committed fixtures are byte for byte what the generator writes")
    func committedFixturesAreCurrent() throws {
        let differences = try FixtureFiles.check(in: Self.directory)
        #expect(differences.isEmpty, "\(differences.map(\.description))")
    }

    @Test("Every fixture file validates against Fixtures/schema.json")
    func schemaValidation() throws {
        let schema = JSONSchemaSubset(try JSONParser.parse(try Self.text("schema.json")))
        for function in FixtureFiles.functions {
            let name = FixtureGenerator.fileName(function)
            let violations = schema.violations(of: try JSONParser.parse(try Self.text(name)))
            #expect(violations.isEmpty, "\(name): \(violations.prefix(5))")
        }
    }

    @Test("The schema subset validator has teeth: a bad hex string and a stray key are reported")
    func validatorTeeth() throws {
        let schema = JSONSchemaSubset(try JSONParser.parse(try Self.text("schema.json")))
        var text = try Self.text("sigmoid.json")
        text = text.replacingOccurrences(of: "\"nearest\": [\"0x", with: "\"nearest\": [\"1x")
        text = text.replacingOccurrences(of: "\"source\":", with: "\"colour\": \"red\", \"source\":")
        let violations = schema.violations(of: try JSONParser.parse(text))
        #expect(violations.contains { $0.contains("does not match") })
        #expect(violations.contains { $0.contains("unexpected key colour") })
    }

    @Test("Every fixture case, read back by the loader, is what the reference computes in every mode")
    func fixturesAgreeWithTheReference() throws {
        var count = 0
        for function in FixtureFiles.functions {
            let name = FixtureGenerator.fileName(function)
            for fixture in try FixtureLoader.cases(in: try Self.text(name), file: name) where fixture.input.count <= 100 {
                for (rule, expected) in fixture.outputs {
                    let result = try ReferenceImplementation.rounded(fixture.request, rounding: rule)
                    #expect(fixture.stored(result) == expected, "\(fixture) \(rule)")
                }
                count += 1
            }
        }
        #expect(count > 250)
    }

    @Test("Changing one digit of a committed fixture makes the check fail, naming the file and the case")
    func checkHasTeeth() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // seed000-link's f32 σ(-1) = 0x1.136562p-2 becomes 0x1.136563p-2.
        let file = scratch.appendingPathComponent("sigmoid.json")
        let original = try Self.text("sigmoid.json")
        // Only its first occurrence: the same float is in the rows of later (non-finite) cases.
        let digit = try #require(original.range(of: "0x1.136562p-2"))
        let edited = original.replacingCharacters(in: digit, with: "0x1.136563p-2")
        try Data(edited.utf8).write(to: file)
        let differences = try FixtureFiles.check(in: scratch, families: [.sigmoid])
        #expect(differences.map(\.file) == ["sigmoid.json"])
        #expect(differences.first?.cases == ["seed000-link"])
        // Regenerating repairs it.
        try FixtureFiles.generate(in: scratch, families: [.sigmoid])
        #expect(try FixtureFiles.check(in: scratch, families: [.sigmoid]).isEmpty)
    }

    @Test("Fixtures/README.md shows check_numpy.py verbatim (CI runs that script)")
    func readmeExampleIsTheScript() throws {
        let script = try Self.text("check_numpy.py")
        #expect(try Self.text("README.md").contains(script))
    }

    @Test("Every seed example is a fixture by name")
    func seedExamplesArePresent() {
        let ids = Set(FixtureCatalog.all.map { "\($0.function.rawValue)/\($0.id)" })
        for id in ["softmax/seed002-wikipedia", "softmax/seed002-scale-not-invariant", "softmax/seed002-whole-tensor",
                   "softmax/seed003-order-preserved", "softmax/seed003-overflow", "softmax/seed004-tensorflow",
                   "sigmoid/seed000-link", "jacobian/seed003-small", "cross-entropy/seed004-fused-label", "log-softmax/seed003-dominant",
                   "swish/seed001-mafonction", "swish/seed001-mafonction-beta-2", "relu/seed001-relu", "relu/seed001-max-value",
                   "relu/seed001-threshold", "softplus/seed001-softplus", "softsign/seed001-softsign", "tanh/seed001-tanh",
                   "elu/seed001-elu", "selu/seed001-selu", "exponential/seed001-exponential"] {
            #expect(ids.contains(id), "\(id)")
        }
    }
}

/// The fixtures through the built-in `simd` kernel: within its declared bounds (plus the half ulp
/// of the correctly rounded value the fixture stores), with the same non-finite conventions.
@Suite struct FixtureKernelTests {
    @Test("simd softmax, log-softmax and sigmoid agree with every fixture within their declared bounds",
          arguments: [ReferenceFunction.softmax, .logSoftmax, .sigmoid])
    func simdWithinDeclaredBounds(_ function: ReferenceFunction) throws {
        let kernel = KernelImplementation(.simd)
        let name = FixtureGenerator.fileName(.family(function))
        var checked = 0
        for fixture in try FixtureLoader.cases(in: try FixtureTests.text(name), file: name)
        where fixture.base == nil && fixture.format != .bfloat16 {
            let request = ImplementationRequest(function, format: fixture.format, input: fixture.input, beta: fixture.beta)
            guard case .values(let outputs) = kernel.evaluate(request) else { Issue.record("no answer for \(fixture)"); continue }
            let got = Array(outputs.prefix(fixture.input.count / fixture.repeatCount))
            let expected = fixture.outputs[.toNearestOrEven]!
            let bound = fixture.format == .binary16 ? 1.0 : 4.0
            for (a, b) in zip(got, expected) {
                if a.isNaN || b.isNaN { #expect(a.isNaN && b.isNaN, "\(fixture): \(a.hexString) vs \(b.hexString)"); continue }
                let distance: Double = FloatValue.ulpDistance(a, b).map { Double($0) } ?? (a == b ? 0 : .infinity)
                #expect(distance <= bound + 0.5, "\(fixture): \(a.hexString) vs correctly rounded \(b.hexString)")
            }
            checked += 1
        }
        #expect(checked > 10)
    }
}

/// LogSumExp, the Jacobian and cross-entropy through `simd`: their declared bounds are in ulps of
/// their terms (see `KernelAlgorithm.ulpBound(for:type:)`), because these quantities can cancel.
@Suite struct FixtureKernelTermBoundTests {
    /// u·ulp(scale) as a Double, for a magnitude `scale` in `format`.
    static func allowance(_ ulps: Double, _ scale: Double, _ format: FloatFormat) -> Double {
        let exponent = UlpError.ulpExponent(of: FloatValue(scale).dyadic!.magnitude, format)
        return ulps * Double(sign: .plus, exponent: exponent, significand: 1)
    }

    @Test("simd LogSumExp, Jacobian and cross-entropy agree with the fixtures within their term bounds",
          arguments: [ReferenceFunction.logSumExp, .jacobian, .crossEntropy])
    func simdWithinTermBounds(_ function: ReferenceFunction) throws {
        let kernel = KernelImplementation(.simd)
        let name = FixtureGenerator.fileName(.family(function))
        var checked = 0
        for fixture in try FixtureLoader.cases(in: try FixtureTests.text(name), file: name)
        where fixture.base == nil && fixture.format != .bfloat16 && fixture.input.allSatisfy(\.isFinite) && !fixture.input.isEmpty {
            let request = ImplementationRequest(function, format: fixture.format, input: fixture.input, beta: fixture.beta,
                                                label: fixture.label, target: fixture.target)
            guard case .values(let got) = kernel.evaluate(request) else { Issue.record("no answer for \(fixture)"); continue }
            let expected = fixture.outputs[.toNearestOrEven]!
            let u = (fixture.format == .binary16 ? 1.0 : (function == .logSumExp && fixture.format == .binary64 ? 6.0 : 4.0)) + 0.5
            let s = try Reference.softmax(fixture.input, beta: fixture.beta, format: .binary64).map(\.double)
            let beta = abs(fixture.beta.double)
            let n = fixture.input.count
            for (k, (a, b)) in zip(got, expected).enumerated() {
                guard a.isFinite && b.isFinite else { #expect(a == b || (a.isNaN && b.isNaN), "\(fixture) #\(k)"); continue }
                let scale: Double
                switch function {
                case .logSumExp: scale = max(abs(b.double), fixture.input.map { abs($0.double * fixture.beta.double) }.max()!)
                case .jacobian: let (i, j) = (k / n, k % n); scale = beta * s[i] * ((i == j ? 1 : 0) + s[j])
                default:
                    if k == 0 { scale = abs(b.double) } else {
                        let q = fixture.target?.map(\.double) ?? (0..<n).map { $0 == fixture.label! ? 1.0 : 0.0 }
                        scale = beta * (s[k - 1] * q.reduce(0, +) + abs(q[k - 1]))
                    }
                }
                let difference = abs(a.double - b.double)
                #expect(difference <= Self.allowance(u, scale, fixture.format) + Self.allowance(0.5, abs(b.double), fixture.format),
                        "\(fixture) #\(k): \(a.hexString) vs correctly rounded \(b.hexString)")
            }
            checked += 1
        }
        #expect(checked >= 4)
    }
}
