/// A sparse feature vector: indices in ascending order and their values.
public struct SparseVector: Sendable, Equatable {
    /// Feature indices, strictly ascending.
    public var indices: [Int32]
    /// The value of each listed feature.
    public var values: [Float]

    /// A vector over the given entries (`indices` ascending, one value each).
    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// Number of non-zero entries.
    public var count: Int { indices.count }

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
    /// columns, i.e. `Σ value · dense[index * stride + offset]`.
    @inlinable
    public func dot(dense: UnsafeBufferPointer<Float>, stride: Int = 1, offset: Int = 0) -> Float {
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
