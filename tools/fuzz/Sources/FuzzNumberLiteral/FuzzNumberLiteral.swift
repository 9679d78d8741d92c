import Multiprecision

/// `NumberLiteral(parsing:)` on arbitrary bytes, and a rounding of every literal it accepts to each
/// format: a syntax error is fine, a trap or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let literal = try? NumberLiteral(parsing: text) else { return 0 }
    for format in FloatFormat.all {
        let rounded = format.round(literal, .toNearestOrEven)
        _ = format.roundedToNearest(shortLiteral: text)
        _ = rounded.value.hexString
    }
    return 0
}
