/// The storage types the kernels accept; `Float16` is stored in half precision and computed in `Float`.
public enum KernelScalarType: String, CaseIterable, Sendable, Codable {
    case float16 = "Float16"
    case float = "Float"
    case double = "Double"

    /// The number of significand bits of the type, counting the implicit bit (11, 24, 53).
    public var significandBits: Int {
        switch self {
        case .float16: 11
        case .float: 24
        case .double: 53
        }
    }
}
