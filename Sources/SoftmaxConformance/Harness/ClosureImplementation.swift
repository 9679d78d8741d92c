/// An implementation given by a closure over one request: the usual way to wrap a kernel.
public struct ClosureImplementation: Implementation {
    public let name: String
    let body: @Sendable (ImplementationRequest) -> ImplementationAnswer

    public init(name: String, _ body: @escaping @Sendable (ImplementationRequest) -> ImplementationAnswer) {
        self.name = name
        self.body = body
    }

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] { requests.map(body) }
}
