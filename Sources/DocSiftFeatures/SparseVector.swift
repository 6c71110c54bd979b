import Foundation

/// A sparse feature vector: indices in strictly ascending order, each with its value.
///
/// The order is checked when a vector is made (``init(indices:values:)``), so code that
/// reads a vector can rely on it; a reader of a fixed number of features still checks
/// ``indexBound`` once per vector.
public struct SparseVector: Sendable, Equatable {
    /// Feature indices, non-negative and strictly ascending.
    public private(set) var indices: [Int32]
    /// The value of each listed feature.
    public private(set) var values: [Float]

    /// The empty vector.
    public init() {
        indices = []
        values = []
    }

    /// A vector over the given entries.
    /// - Throws: ``SparseVectorError`` unless `indices` are non-negative and strictly
    ///   ascending with one value each.
    public init(indices: [Int32], values: [Float]) throws(SparseVectorError) {
        guard indices.count == values.count else {
            throw .countMismatch(indices: indices.count, values: values.count)
        }
        var previous: Int32 = -1
        for (position, index) in indices.enumerated() {
            guard index > previous else { throw .notAscending(position: position, index: index) }
            previous = index
        }
        self.indices = indices
        self.values = values
    }

    /// A vector whose entries the caller built valid (sorted distinct vocabulary indices).
    package init(ascendingIndices indices: [Int32], values: [Float]) {
        self.indices = indices
        self.values = values
    }

    /// Number of non-zero entries.
    public var count: Int { indices.count }

    /// One past the largest index (0 for the empty vector): the vector fits a space of at
    /// least this many features.
    public var indexBound: Int { indices.last.map { Int($0) + 1 } ?? 0 }

    /// The dot product with another sparse vector (merge of the two index lists).
    public func dot(_ other: SparseVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        while i < indices.count && j < other.indices.count {
            let a = indices[i], b = other.indices[j]
            if a == b {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The dot product with row `row` of a row-major dense matrix whose rows are features'
    /// columns, i.e. `Σ value · dense[index * stride + offset]`. Unchecked: the caller has
    /// checked ``indexBound`` against the matrix once.
    @inlinable
    package func dot(dense: UnsafeBufferPointer<Float>, stride: Int = 1, offset: Int = 0) -> Float {
        var sum: Float = 0
        for k in 0..<indices.count {
            sum += values[k] * dense[Int(indices[k]) * stride + offset]
        }
        return sum
    }

    /// The Euclidean norm.
    public var norm: Float {
        var s: Float = 0
        for v in values { s += v * v }
        return s.squareRoot()
    }
}

/// Why entries do not make a ``SparseVector``.
public enum SparseVectorError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// `indices` and `values` differ in length.
    case countMismatch(indices: Int, values: Int)
    /// The index at `position` is negative or not above the one before it.
    case notAscending(position: Int, index: Int32)

    /// One line saying what was wrong.
    public var description: String {
        switch self {
        case let .countMismatch(indices, values):
            "sparse vector has \(indices) indices but \(values) values: give one value per index"
        case let .notAscending(position, index):
            "sparse vector index \(index) at position \(position) is negative or not ascending: sort the indices, without repeats"
        }
    }

    /// The ``description``.
    public var errorDescription: String? { description }
}
