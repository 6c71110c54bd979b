import DocSift
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error for long runs: documents done, MB/s and,
/// when the input size is known, time left. It is drawn only when standard error is a
/// terminal, so pipes and CI logs stay clean. Safe to call from any thread (a training
/// fit reports its phases from where it runs).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let verb: String
    private let totalBytes: Int?
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var documents = 0
    private var bytes = 0
    private let unit: String

    /// - Parameters:
    ///   - totalBytes: the size of all input, when known (files), for a time-left estimate.
    ///   - enabled: override for tests; by default, whether standard error is a terminal.
    init(verb: String, totalBytes: Int?, unit: String = "documents", enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.verb = verb
        self.totalBytes = totalBytes
        self.unit = unit
        self.enabled = enabled
    }

    /// Reports a step count for runs measured in steps rather than bytes (train, eval folds).
    func set(done: Int, note: String = "") {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        let line = "\r\u{1B}[K\(verb): \(done) \(unit) done" + (note.isEmpty ? "" : ", \(note)")
            + String(format: " (%.1f s)", elapsed)
        StandardStreams.writeDiagnostic(line)
    }

    /// Reports what a run with no countable steps is doing (train: its phase, the epoch of the fit).
    func set(note: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        StandardStreams.writeDiagnostic("\r\u{1B}[K\(verb): \(note)" + String(format: " (%.1f s)", elapsed))
    }

    /// Counts one finished document of `size` bytes and redraws at most twice a second.
    func advance(bytes size: Int) {
        lock.lock()
        defer { lock.unlock() }
        documents += 1
        bytes += size
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.5 else { return }
        lastDraw = now
        draw(now: now)
    }

    /// Clears the line at the end of the run.
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        StandardStreams.writeDiagnostic("\r\u{1B}[K")
    }

    private func draw(now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let rate = Double(bytes) / 1e6 / elapsed
        var line = "\r\u{1B}[K\(verb): \(documents) \(unit), \(String(format: "%.1f", rate)) MB/s"
        // Time left only once the rate means something: the first half second of a run
        // (start-up, the first file opening) once extrapolated to "3302 s left".
        if let totalBytes, totalBytes > 0, bytes > 0, elapsed >= Self.settleSeconds,
           Double(bytes) >= Self.settleShare * Double(totalBytes) {
            let left = elapsed * Double(max(0, totalBytes - bytes)) / Double(bytes)
            line += String(format: ", %.0f%%, %.0f s left", 100 * Double(bytes) / Double(totalBytes), left)
        }
        StandardStreams.writeDiagnostic(line)
    }

    /// Seconds and share of the input done before a time-left estimate is shown.
    static let settleSeconds = 3.0
    static let settleShare = 0.02

    /// The total size of the files behind `paths`, or `nil` when input comes from standard input.
    static func inputSize(of paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            if path == "-" { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? ((try? InputSource.files(under: path)) ?? []) : [path]
            for file in files {
                total += ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
            }
        }
        return total
    }
}
