import Foundation
import Testing

/// End-to-end tests of `softmax-ref compute --function <activation>`, on the command line and in
/// `--batch`: values, parameters, and the errors for parameters a function does not take.
@Suite struct ActivationCommandTests {
    @Test("gelu, tanh and mish print their correctly rounded binary64 values")
    func values() throws {
        // mpmath at 300 bits, rounded to binary64 and printed as Python's repr.
        let gelu = try CommandRunner.run(["compute", "--function", "gelu", "--", "-1", "1"])
        #expect(gelu.status == 0)
        #expect(gelu.stdout == "-0.15865525393145705\n0.8413447460685429\n")
        let tanh = try CommandRunner.run(["compute", "--function", "tanh", "0.5"])
        #expect(tanh.stdout == "0.46211715726000974\n")
        let mish = try CommandRunner.run(["compute", "--function", "mish", "--", "-2"])
        #expect(mish.stdout == "-0.2525014826957089\n")
    }

    @Test("relu takes Keras' slope, max_value and threshold; --json echoes them as hex floats")
    func reluParameters() throws {
        let r = try CommandRunner.run(["compute", "--function", "relu", "--alpha", "0.5", "--max-value", "5", "--threshold", "1",
                                       "--json", "--", "3", "7", "1", "-1"])
        #expect(r.status == 0)
        // By hand: 3 -> 3, 7 -> 5 (the maximum), 1 -> 0 (x > t is strict), -1 -> -0.5·(1 - (-1)) = -1.
        #expect(r.stdout.contains(#""decimal":["3","5","0","-1"]"#))
        #expect(r.stdout.contains(#""alpha":"0x1p-1""#) && r.stdout.contains(#""max_value":"0x1.4p+2""#))
    }

    @Test("A parameter the function does not take, or softplus with β = 0, is a usage error (exit 2)")
    func parameterErrors() throws {
        let alpha = try CommandRunner.run(["compute", "--function", "tanh", "--alpha", "1", "1"])
        #expect(alpha.status == 2)
        #expect(alpha.stderr.contains("tanh does not take alpha"))
        let beta = try CommandRunner.run(["compute", "--function", "gelu", "--beta", "2", "1"])
        #expect(beta.status == 2 && beta.stderr.contains("gelu does not take beta"))
        let base = try CommandRunner.run(["compute", "--function", "elu", "--base", "2", "1"])
        #expect(base.status == 2 && base.stderr.contains("elu does not take base"))
        let zero = try CommandRunner.run(["compute", "--function", "softplus", "--beta", "0", "1"])
        #expect(zero.status == 2 && zero.stderr.contains("beta != 0"))
        let familyAlpha = try CommandRunner.run(["compute", "--alpha", "1", "1"])
        #expect(familyAlpha.status == 2 && familyAlpha.stderr.contains("softmax does not take alpha"))
    }

    @Test("--batch answers activations with digits, and names an unknown function among all of them")
    func batch() throws {
        let lines = [#"{"id":1,"function":"selu","input":["-1","2"],"format":"f16","digits":10}"#,
                     #"{"id":2,"function":"swishy","input":["1"]}"#].joined(separator: "\n") + "\n"
        let r = try CommandRunner.run(["compute", "--batch"], stdin: lines)
        #expect(r.status == 0)
        let answers = r.stdout.split(separator: "\n")
        #expect(answers.count == 2)
        // selu(-1) = λα(e^-1 - 1) = -1.1113307378..., selu(2) = 2λ = 2.1014019747... (the paper's exact constants).
        #expect(answers.first?.contains(#""decimal":["-1.111330738","2.101401975"]"#) == true)
        #expect(answers.last?.contains("unknown function 'swishy'") == true && answers.last?.contains("gelu-tanh") == true)
    }
}
