import Foundation

/// A small pool of reusable, non-thread-safe objects (e.g. vectorizer workspaces) shared by
/// worker threads: each call borrows one object, or makes a new one when none is free.
public final class ResourcePool<Resource>: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Resource] = []
    private let make: @Sendable () -> Resource

    /// A pool that creates resources with `make` on demand.
    public init(make: @escaping @Sendable () -> Resource) {
        self.make = make
    }

    /// Runs `body` with a resource no other thread is using, then returns it to the pool.
    public func withResource<T>(_ body: (Resource) throws -> T) rethrows -> T {
        lock.lock()
        let resource = free.popLast() ?? make()
        lock.unlock()
        defer {
            lock.lock()
            free.append(resource)
            lock.unlock()
        }
        return try body(resource)
    }
}
