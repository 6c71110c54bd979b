import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What `SIGTERM`, `SIGINT` and `SIGPIPE` do to a run.
///
/// - `SIGPIPE` is ignored: a dead standard error must not end the run before its results
///   are written; a dead standard output is seen as `EPIPE` by ``OutputWriter``, which then
///   ends the run as the signal would have.
/// - `SIGTERM`/`SIGINT` end the run at once, unless a record is being written: then the
///   writer completes that record and ends the run, so output never stops mid-record (or
///   mid-character). A second signal ends the run at once. A file registered with
///   ``removeOnTermination(_:)`` (a half-written model) is removed first.
enum TerminationSignals {
    /// The signal received, 0 while none.
    private static let received = Atomic<Int32>(0)
    /// Whether the writer is inside a write of records.
    private static let writing = Atomic<Bool>(false)
    /// The bit pattern of a C string: a path to remove when a signal ends the run.
    private static let cleanupPath = Atomic<Int>(0)

    /// Installs the handlers; call once, first thing in `main` (before any thread starts).
    /// The two signals are also unblocked: a blocked signal mask is inherited through `exec`,
    /// and parents that block nearly everything in their threads (a Swift program's
    /// `Process`, some JVM launchers) would otherwise hide SIGTERM until the run ends.
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in [SIGTERM, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in TerminationSignals.handle(number) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked write returns, and the writer looks
            sigaction(number, &action, nil)
            sigaddset(&handled, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Whether a termination signal has arrived.
    static var isRequested: Bool { received.load(ordering: .acquiring) != 0 }

    /// Runs `body` (one write of whole records) with the signal deferred to its end.
    static func whileWriting<T>(_ body: () -> T) -> T {
        writing.store(true, ordering: .sequentiallyConsistent)
        defer { writing.store(false, ordering: .sequentiallyConsistent) }
        if isRequested { endNow() }
        return body()
    }

    /// Ends the process for the signal received (exit status 128 + signal).
    static func endNow() -> Never {
        removeCleanupFile()
        let number = received.load(ordering: .acquiring)
        _exit(128 + (number == 0 ? SIGTERM : number))
    }

    /// Ends the process as an unhandled `SIGPIPE` would (the reader of the output is gone).
    static func endAsBrokenPipe() -> Never {
        removeCleanupFile()
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }

    /// Removes `path` if a signal ends the run before ``keep()``; one path at a time.
    static func removeOnTermination(_ path: String) {
        let copy = strdup(path)
        let old = cleanupPath.exchange(Int(bitPattern: copy), ordering: .sequentiallyConsistent)
        free(UnsafeMutableRawPointer(bitPattern: old))
    }

    /// Forgets the path given to ``removeOnTermination(_:)``.
    static func keep() {
        let old = cleanupPath.exchange(0, ordering: .sequentiallyConsistent)
        free(UnsafeMutableRawPointer(bitPattern: old))
    }

    private static func removeCleanupFile() {
        let pattern = cleanupPath.load(ordering: .sequentiallyConsistent)
        if let path = UnsafePointer<CChar>(bitPattern: pattern) { unlink(path) }
    }

    /// The handler: only async-signal-safe work (atomics, unlink, _exit).
    private static func handle(_ number: Int32) {
        let earlier = received.exchange(number, ordering: .sequentiallyConsistent)
        if earlier != 0 || !writing.load(ordering: .sequentiallyConsistent) {
            removeCleanupFile()
            _exit(128 + number)
        }
    }
}
