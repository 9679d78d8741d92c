import Multiprecision

extension Dyadic {
    /// An approximation for messages.
    var doubleApproximation: Double { FloatFormat.binary64.round(self, .toNearestOrEven).double }
}
