import SoftmaxConformance

/// One `compute --batch` line: `JSONParser`, `ComputeRequest(json:defaults:)` and
/// `ReferenceResponder.prepare`, and the full answer for rows of at most 4 entries (the reference
/// is exact, so longer rows would only slow the fuzzer down).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let json = try? JSONParser.parse(line) else { return 0 }
    _ = json.serialized
    _ = json.prettySerialized
    guard let request = try? ComputeRequest(json: json, defaults: ComputeRequest()) else { return 0 }
    guard (try? ReferenceResponder.prepare(request)) != nil else { return 0 }
    if request.input.count <= 4, (request.digits ?? 0) <= 40 { _ = try? ReferenceResponder.respond(to: request).serialized }
    return 0
}
