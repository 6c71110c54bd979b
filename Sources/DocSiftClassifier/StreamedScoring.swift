import DocSiftFeatures

extension TopicModel {
    /// Classifies one document through a reusable workspace: the TF-IDF features stream
    /// straight into the label scores (`Σ value · weight row`, then one division by the
    /// vector's norm), with no sorted vector and no per-document allocation beyond the
    /// prediction. The same result as ``classify(_:title:)`` up to float rounding; the
    /// fast path of bulk labeling. A workspace serves one thread at a time.
    public func classify(_ text: String, title: String? = nil, using workspace: TFIDFVectorizer.Workspace) -> TopicPrediction {
        prediction(fromScores: streamedScores(TopicModel.documentText(text, title: title), using: workspace))
    }

    /// Raw linear scores of `text` computed by streaming its weighted features.
    public func streamedScores(_ text: String, using workspace: TFIDFVectorizer.Workspace) -> [Float] {
        let c = labels.count
        var sums = [Float](repeating: 0, count: c)
        let norm = weights.values.withUnsafeBufferPointer { w in
            sums.withUnsafeMutableBufferPointer { s in
                vectorizer.forEachWeightedFeature(in: text, using: workspace) { feature, value in
                    let row = feature * c
                    for j in 0..<c { s[j] += value * w[row + j] }
                }
            }
        }
        let inverse: Float = norm > 0 ? 1 / norm : 0
        for j in 0..<c { sums[j] = sums[j] * inverse + bias[j] }
        return sums
    }
}
