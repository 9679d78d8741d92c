/// The rows of a packed request, each the ``PackedValues`` text of values of the request's format.
public struct PackedRows: Sendable, Equatable {
    public var input: String
    public var target: String?
    public var vector: String?

    public init(input: String, target: String? = nil, vector: String? = nil) {
        self.input = input
        self.target = target
        self.vector = vector
    }
}
