extension String {
    /// This text followed by spaces up to `width` characters, for aligned report columns.
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
