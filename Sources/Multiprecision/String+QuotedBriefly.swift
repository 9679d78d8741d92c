extension String {
    /// The text in quotes for a message; past 40 characters, its first 40, "…" and its length, so
    /// a megabyte literal does not come back whole in every message about it.
    public var quotedBriefly: String {
        count <= 40 ? "'\(self)'" : "'\(prefix(40))…' (\(count) characters)"
    }
}
