import Multiprecision
import SoftmaxReference

/// The short names the command line and the JSON-lines protocol use for formats and roundings.
public enum ProtocolNames {
    /// f16, bf16, f32, f64.
    public static let formats: [(name: String, format: FloatFormat)] =
        [("f16", .binary16), ("bf16", .bfloat16), ("f32", .binary32), ("f64", .binary64)]

    /// nearest (ties to even), down, up, toward-zero.
    public static let roundings: [(name: String, rule: FloatingPointRoundingRule)] =
        [("nearest", .toNearestOrEven), ("down", .down), ("up", .up), ("toward-zero", .towardZero)]

    /// Every function `compute` answers: the softmax family, then the activations.
    public static let functions: [String] = ReferenceFunction.allCases.map(\.rawValue) + Activation.allCases.map(\.rawValue)

    public static func format(named name: String) -> FloatFormat? { formats.first { $0.name == name }?.format }
    public static func name(of format: FloatFormat) -> String { formats.first { $0.format == format }!.name }
    public static func rounding(named name: String) -> FloatingPointRoundingRule? { roundings.first { $0.name == name }?.rule }
    public static func name(of rule: FloatingPointRoundingRule) -> String { roundings.first { $0.rule == rule }?.name ?? "nearest" }

    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
