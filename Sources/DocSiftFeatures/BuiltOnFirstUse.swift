import Synchronization

/// A value made by `make` the first time it is asked for, once, whichever thread asks first
/// (the others wait for it), and kept.
///
/// For a large structure a value type may never need: ``BackgroundIDF``'s lookup table
/// (8 MiB for the shipped statistics) is built on the first lookup, so a run that loads
/// the statistics and never summarizes (input that never completes a record, a server
/// that only labels) does not hold it.
package final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let built = Mutex<Value?>(nil)

    /// A box that calls `make` on the first read of ``value``.
    package init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, made now if this is the first read.
    package var value: Value {
        built.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
