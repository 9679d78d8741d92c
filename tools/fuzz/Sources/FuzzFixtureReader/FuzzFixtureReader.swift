import SoftmaxConformance

/// A fixture document (`FixtureLoader.cases(in:file:)`, the reader of `fixtures check` and
/// `check`), and the reference request of every case it yields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let cases = try? FixtureLoader.cases(in: text, file: "fuzz.json") else { return 0 }
    for fixture in cases { _ = try? fixture.request() }
    return 0
}
