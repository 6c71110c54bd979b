#if canImport(Glibc)
import Glibc
#endif

/// Which BLAS library this process runs on, for benchmark logs, and its thread count.
package enum BLASProvider {
    /// OpenBLAS's core name (e.g. "Zen", "Haswell"), or `"reference"` when the loaded
    /// BLAS is not OpenBLAS. Looked up with `dlsym` so that reference BLAS still links.
    package static var coreName: String {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "openblas_get_corename") else { return "reference" }
        typealias CoreNameFunction = @convention(c) () -> UnsafePointer<CChar>?
        let function = unsafeBitCast(symbol, to: CoreNameFunction.self)
        guard let name = function() else { return "openblas" }
        return "OpenBLAS " + String(cString: name)
        #else
        return "unknown"
        #endif
    }

    /// The number of threads OpenBLAS uses, or 1 for other providers.
    package static var threadCount: Int {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "openblas_get_num_threads") else { return 1 }
        typealias ThreadCountFunction = @convention(c) () -> Int32
        return Int(unsafeBitCast(symbol, to: ThreadCountFunction.self)())
        #else
        return 1
        #endif
    }

    /// Asks OpenBLAS to use `count` threads (no effect on other providers). Callers that
    /// run their own worker threads set 1 to avoid oversubscribing the cores.
    package static func setThreadCount(_ count: Int) {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "openblas_set_num_threads") else { return }
        typealias SetThreadsFunction = @convention(c) (Int32) -> Void
        unsafeBitCast(symbol, to: SetThreadsFunction.self)(Int32(max(1, count)))
        #endif
    }
}
