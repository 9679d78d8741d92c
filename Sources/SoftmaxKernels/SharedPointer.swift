/// A pointer the workers of one batch or row share: each writes only its own slot or slice, or goes
/// through atomic C operations.
struct SharedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
