/// The implementations `softmax-ref check --kernel NAME` can select.
public enum BuiltInImplementations {
    /// Every built-in implementation by name, the known-bad ones included.
    public static var all: [any Implementation] { [ReferenceImplementation()] }

    /// Those expected to pass their declared profile (what `--kernel all` checks).
    public static var good: [any Implementation] { all }

    /// The implementation named `name`, or nil.
    public static func named(_ name: String) -> (any Implementation)? { all.first { $0.name == name } }
}
