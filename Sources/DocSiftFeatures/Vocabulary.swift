/// The n-grams a model knows, each with a dense feature index.
public struct Vocabulary: Sendable, Equatable {
    /// The n-gram keys; a key's position is its feature index.
    public let keys: [UInt64]
    private let indexByKey: [UInt64: Int32]

    /// A vocabulary over `keys` (feature index = position; duplicates keep the first).
    public init(keys: [UInt64]) {
        var unique: [UInt64] = []
        var map: [UInt64: Int32] = [:]
        map.reserveCapacity(keys.count)
        for key in keys where map[key] == nil {
            map[key] = Int32(unique.count)
            unique.append(key)
        }
        self.keys = unique
        self.indexByKey = map
    }

    /// Number of features.
    public var count: Int { keys.count }

    /// The feature index of `key`, or `nil` when the n-gram is unknown.
    @inlinable
    public func index(of key: UInt64) -> Int? {
        lookup(key).map(Int.init)
    }

    /// The feature index of `key` as stored, or `nil` when unknown.
    public func lookup(_ key: UInt64) -> Int32? { indexByKey[key] }

    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool { lhs.keys == rhs.keys }
}
