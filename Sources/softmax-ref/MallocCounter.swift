#if canImport(Glibc)
import Glibc
#endif

/// The calls to malloc and friends so far, read from a counting interposer when one is preloaded: it
/// exports `softmaxref_malloc_calls` (`tools/bench-compare` builds one and sets LD_PRELOAD). Swift
/// reserves the name `malloc`, so the executable cannot interpose it itself.
struct MallocCounter {
    private let read: (@convention(c) () -> Int)?

    init() {
        let symbol = dlsym(dlopen(nil, RTLD_NOW), "softmaxref_malloc_calls")
        read = symbol.map { unsafeBitCast($0, to: (@convention(c) () -> Int).self) }
    }

    var available: Bool { read != nil }
    var calls: Int? { read?() }
}
