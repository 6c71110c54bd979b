import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small pool of reusable, non-thread-safe objects (e.g. vectorizer workspaces) shared by
/// worker threads: each call borrows one object, or makes a new one when none is free.
///
/// A thread gets back the object it used last when that one is free. Workspaces are
/// written on every use; handed from thread to thread, their cache lines would have to
/// move between cores each time (with two workers, about a third more CPU time).
public final class ResourcePool<Resource>: @unchecked Sendable {
    private let lock = NSLock()
    /// Free resources with the thread that last used each.
    private var free: [(owner: pthread_t, resource: Resource)] = []
    private let make: @Sendable () -> Resource

    /// A pool that creates resources with `make` on demand.
    public init(make: @escaping @Sendable () -> Resource) {
        self.make = make
    }

    /// Runs `body` with a resource no other thread is using, then returns it to the pool.
    public func withResource<T>(_ body: (Resource) throws -> T) rethrows -> T {
        let thread = pthread_self()
        lock.lock()
        let borrowed: Resource?
        if let own = free.lastIndex(where: { pthread_equal($0.owner, thread) != 0 }) {
            borrowed = free.remove(at: own).resource
        } else {
            borrowed = free.popLast()?.resource
        }
        lock.unlock()
        let resource = borrowed ?? make()
        defer {
            lock.lock()
            free.append((thread, resource))
            lock.unlock()
        }
        return try body(resource)
    }
}
