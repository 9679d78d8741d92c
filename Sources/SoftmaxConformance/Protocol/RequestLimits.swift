import SoftmaxReference

/// The largest requests `compute` and `compute --batch` accept, chosen so that one request stays
/// within a memory budget of about 1 GB (peak RSS at each limit is measured in the README).
///
/// The reference keeps every value as an exact number and the answer carries each output twice (hex
/// and decimal), so a request costs about 0.9 KB of memory per output: a row of 10^7 logits needs
/// 9 GB. Beyond a limit the request is refused with a message naming the limit (exit 2, or an
/// `{"error": ...}` answer in a batch) before any work is done.
public enum RequestLimits {
    /// The most entries in `input`, `target` or `vector`: 2^18, about 240 MB at peak for softmax.
    public static let maxRowLength = 1 << 18

    /// The most outputs of a Jacobian (n² for n logits): 2^20, so n ≤ 1024, about 450 MB at peak.
    /// Each entry is a reference value of its own, so this also bounds the time (about 4 s).
    public static let maxJacobianEntries = 1 << 20

    /// The most decimal digits `digits` may ask for in one answer (outputs × digits): 2^24. The
    /// exact decimals are strings of `digits` characters each, kept alongside the rounded outputs.
    public static let maxDecimalDigits = 1 << 24

    /// The longest `--batch` request line, in bytes: 16 MiB. The largest row spelled at its
    /// longest (24-byte hex floats, quoted) takes 7 MB, so a row with its target fits; the parsed
    /// line stays under 300 MB. A longer line is skipped to its newline and never held whole.
    public static let maxLineBytes = 1 << 24

    /// Checks the sizes of a request's rows (`function` nil for an activation: one output per
    /// input); the error names the limit that was passed.
    static func check(input: Int, target: Int, vector: Int, digits: Int?, function: ReferenceFunction?) throws(ComputeError) {
        for (name, count) in [("input", input), ("target", target), ("vector", vector)] where count > maxRowLength {
            throw .badRequest("\(name) has \(count) entries; the limit is \(maxRowLength) (a row's memory grows with its length)")
        }
        let outputs = function == .jacobian ? input * input : input
        if function == .jacobian, outputs > maxJacobianEntries {
            throw .badRequest("a Jacobian of \(input) logits has \(outputs) entries; the limit is \(maxJacobianEntries) (n ≤ 1024)")
        }
        if let digits, outputs * digits > maxDecimalDigits {
            throw .badRequest("digits \(digits) for \(outputs) outputs asks for \(outputs * digits) digits; the limit is \(maxDecimalDigits) per request")
        }
    }
}
