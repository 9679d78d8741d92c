@testable import SoftmaxConformance
import Multiprecision

/// An implementation's answer line as `validate` reads it (`ProtocolAnswer.parse`, internal, hence
/// `-enable-testing`), in each format, and the same bytes as a recorded-results file
/// (`RecordedResults.parse`, the reader of `validate --results`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for format in FloatFormat.all {
        _ = ProtocolAnswer.parse(line, expectedID: 1, format: format)
    }
    _ = try? RecordedResults.parse(line)
    return 0
}
