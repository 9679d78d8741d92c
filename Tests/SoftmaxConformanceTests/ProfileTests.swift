import SoftmaxConformance
import SoftmaxReference
import Testing

/// The webnn profile's bounds are WPT's tolerances (web-platform-tests `webnn/resources/utils.js`).
@Suite struct ProfileTests {
    @Test("webnn: WPT's ULP tolerances for the activations it tests, the framework bound otherwise")
    func webnnActivationBudgets() {
        // WPT operatorToleranceDict: tanh 16, softplus/elu/gelu 18, softsign 3, hardSigmoid 2,
        // hardSwish 4, leakyRelu 1 (float16 2), linear 2, relu 0, sigmoid 34 (float16 10).
        let f32: [(Activation, Double)] = [(.tanh, 16), (.softplus, 18), (.elu, 18), (.gelu, 18), (.softsign, 3),
                                           (.hardSigmoid, 2), (.hardSwish, 4), (.leakyRelu, 1), (.linear, 2)]
        for (a, bound) in f32 {
            #expect(Profile.webnn(halfPrecision: false).ulps(for: .activation(a)) == bound, "\(a)")
        }
        #expect(Profile.webnn(halfPrecision: true).ulps(for: .activation(.leakyRelu)) == 2)
        #expect(Profile.webnn(halfPrecision: true).ulps(for: .family(.sigmoid)) == 10)
        // relu's 0 is raised to the half ulp a correctly rounded result may err by.
        #expect(Profile.webnn(halfPrecision: false).ulps(for: .activation(.relu)) == 0.5)
        // No WPT tolerance: mish and log-sigmoid take the framework bound.
        #expect(Profile.webnn(halfPrecision: false).ulps(for: .activation(.mish)) == Profile.frameworkBound(for: .activation(.mish)))
        #expect(Profile.webnnBound(for: .family(.softmax), count: 10, halfPrecision: false) == 33)
    }
}
