import ArgumentParser

/// `--seed`: a non-negative integer below 2^64, read even when it looks like an option (`-1`).
enum SeedArgument {
    static func parse(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else { throw ValidationError("must be a non-negative integer below 2^64") }
        return value
    }
}
