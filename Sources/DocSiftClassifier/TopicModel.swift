import DocSiftFeatures
import DocSiftLinearAlgebra
import DocSiftText

/// A trained topic classifier: a TF-IDF vectorizer, one linear weight column per label, a
/// bias per label, and the decision rule (per-label calibration, abstain and secondary thresholds).
///
/// An immutable value: safe to share and to call from many threads at once.
public struct TopicModel: Sendable, Equatable {
    /// The label names, in score order.
    public let labels: [String]
    /// Turns text into feature vectors.
    public let vectorizer: TFIDFVectorizer
    /// Feature weights, `features × labels`, row-major.
    public let weights: DenseMatrix
    /// One bias per label.
    public let bias: [Float]
    /// Probabilities (calibrated per label), abstain and secondary thresholds.
    public internal(set) var rule: DecisionRule
    /// Whether the features were computed on text converted to simplified characters, so
    /// input is converted too (see ``featureText(_:title:)``; ``converting(_:)`` overrides).
    public private(set) var convertsTraditional: Bool

    /// Documents scored together by the batch path.
    package static let batchBlockSize = 64

    /// A model from its parts (the trainer's and the model file's constructor).
    /// - Throws: ``ClassifierError/invalidTraining(_:)`` when the shapes disagree, a label is
    ///   empty or repeated, or a weight, bias, IDF or threshold is NaN or infinite.
    public init(labels: [String], vectorizer: TFIDFVectorizer, weights: DenseMatrix, bias: [Float], rule: DecisionRule,
                convertsTraditional: Bool = false) throws {
        let c = labels.count
        guard c > 0, weights.columns == c, weights.rows == vectorizer.vocabulary.count, bias.count == c,
              weights.hasConsistentStorage, vectorizer.idf.count == vectorizer.vocabulary.count,
              rule.abstainThresholds.count == c, rule.secondaryThresholds.count == c,
              rule.calibrations.map({ $0.count == c }) ?? true,
              rule.abstainIndex.map({ $0 >= 0 && $0 < c }) ?? true else {
            throw ClassifierError.invalidTraining(
                "model shapes disagree: \(c) labels, weights \(weights.rows)×\(weights.columns), \(vectorizer.vocabulary.count) features")
        }
        guard Set(labels).count == c, !labels.contains("") else {
            throw ClassifierError.invalidTraining("labels must be non-empty and distinct, got \(labels)")
        }
        guard weights.values.allSatisfy(\.isFinite), bias.allSatisfy(\.isFinite), vectorizer.idf.allSatisfy(\.isFinite),
              rule.softmaxScale.isFinite, rule.abstainThresholds.allSatisfy(\.isFinite),
              rule.secondaryThresholds.allSatisfy(\.isFinite),
              rule.calibrations.map({ $0.allSatisfy(\.isFinite) }) ?? true,
              rule.answerConfidence?.isFinite ?? true else {
            throw ClassifierError.invalidTraining("a weight, bias, IDF or threshold is NaN or infinite")
        }
        self.labels = labels
        self.vectorizer = vectorizer
        self.weights = weights
        self.bias = bias
        self.rule = rule
        self.convertsTraditional = convertsTraditional
    }

    /// This model with input conversion turned on or off (`--no-convert`).
    public func converting(_ on: Bool) -> TopicModel {
        var copy = self
        copy.convertsTraditional = on
        return copy
    }

    /// The text features are computed from: ``documentText(_:title:)`` prepared by
    /// `FeatureText` (web-page furniture removed; traditional characters converted when
    /// ``convertsTraditional``).
    public func featureText(_ text: String, title: String?) -> String {
        FeatureText.prepare(TopicModel.documentText(text, title: title), converting: convertsTraditional)
    }

    /// The label answered when no topic is confident, if the model abstains.
    public var abstainLabel: String? { rule.abstainIndex.map { labels[$0] } }

    /// The text the model reads for a document with an optional title.
    public static func documentText(_ text: String, title: String?) -> String {
        guard let title, !title.isEmpty else { return text }
        return title + "\n" + text
    }

    /// Raw linear scores (one per label, bias included) of a feature vector, such as one made
    /// by ``vectorizer``.
    ///
    /// The vector's indices are checked once, before any weight is read.
    /// - Throws: ``ClassifierError/invalidVector(_:)`` when an index is negative or not below the
    ///   model's feature count (`vectorizer.vocabulary.count`), or the index and value counts differ.
    public func scores(of vector: SparseVector) throws -> [Float] {
        let features = weights.rows
        guard vector.indices.count == vector.values.count else {
            throw ClassifierError.invalidVector(
                "\(vector.indices.count) indices but \(vector.values.count) values; give one value per index")
        }
        if let bad = vector.indices.first(where: { $0 < 0 || Int($0) >= features }) {
            throw ClassifierError.invalidVector(
                "feature index \(bad) is outside this model's \(features) features; make vectors with the model's vectorizer")
        }
        return uncheckedScores(of: vector)
    }

    /// ``scores(of:)`` for a vector whose indices are known to be in range (made by ``vectorizer``).
    func uncheckedScores(of vector: SparseVector) -> [Float] {
        let c = labels.count
        var result = bias
        weights.values.withUnsafeBufferPointer { w in
            for column in 0..<c {
                result[column] += vector.dot(dense: w, stride: c, offset: column)
            }
        }
        return result
    }

    /// Classifies one document.
    public func classify(_ text: String, title: String? = nil) -> TopicPrediction {
        prediction(fromScores: uncheckedScores(of: vectorizer.transform(featureText(text, title: title))))
    }

    /// Classifies many documents; blocks of 64 documents are scored as one matrix
    /// product over the features the block uses.
    public func classify(_ texts: [String]) -> [TopicPrediction] {
        let counts = NGramCounts()
        let vectors = texts.map { vectorizer.transform(featureText($0, title: nil), using: counts) }
        return batchScores(vectors).map { prediction(fromScores: $0) }
    }

    /// Scores of many feature vectors made by ``vectorizer``: for each block, the block's
    /// vectors are densified over the union of their features (`b × u`), the matching weight
    /// rows are gathered (`u × labels`), and one sgemm gives the block's scores.
    package func batchScores(_ vectors: [SparseVector]) -> [[Float]] {
        let c = labels.count
        var all: [[Float]] = []
        all.reserveCapacity(vectors.count)
        var start = 0
        while start < vectors.count {
            let block = vectors[start..<min(vectors.count, start + TopicModel.batchBlockSize)]
            var columnOf: [Int32: Int] = [:]
            var used: [Int32] = []
            for vector in block {
                for index in vector.indices where columnOf[index] == nil {
                    columnOf[index] = used.count
                    used.append(index)
                }
            }
            var x = DenseMatrix(rows: block.count, columns: used.count)
            for (i, vector) in block.enumerated() {
                for k in 0..<vector.indices.count {
                    if let column = columnOf[vector.indices[k]] { x.values[i * used.count + column] = vector.values[k] }
                }
            }
            var w = DenseMatrix(rows: used.count, columns: c)
            for (row, index) in used.enumerated() {
                let source = Int(index) * c
                for column in 0..<c { w.values[row * c + column] = weights.values[source + column] }
            }
            var s = DenseMatrix(rows: block.count, columns: c)
            for i in 0..<block.count { for column in 0..<c { s.values[i * c + column] = bias[column] } }
            do {
                try MatrixProducts.gemm(x, w, alpha: 1, beta: 1, into: &s)
                for i in 0..<block.count { all.append(try s.row(i)) }
            } catch {
                // Shapes are built to fit; fall back to the sparse path if they ever do not.
                for vector in block { all.append(uncheckedScores(of: vector)) }
            }
            start += TopicModel.batchBlockSize
        }
        return all
    }

    /// The prediction for a row of raw scores, one per label (as ``scores(of:)`` returns).
    package func prediction(fromScores scores: [Float]) -> TopicPrediction {
        let probabilities = rule.probabilities(scores)
        let decision = rule.decide(probabilities, scores: rule.calibrations == nil ? nil : scores)
        var prediction = TopicPrediction(
            label: labels[decision.label],
            secondary: decision.secondary.map { labels[$0] },
            scores: labels.indices.map {
                TopicPrediction.LabelScore(label: labels[$0], probability: probabilities[$0], score: scores[$0])
            },
            abstained: decision.abstained)
        prediction.margin = rule.margin(probabilities)
        prediction.confidence = rule.confidence(probabilities, label: decision.label, abstained: decision.abstained)
        return prediction
    }

    /// The n-grams that push `text` toward `label` most: feature value × weight, largest
    /// first. Empty for an unknown label.
    public func explain(_ text: String, title: String? = nil, label: String, top count: Int = 10) -> [NGramContribution] {
        guard let column = labels.firstIndex(of: label), count > 0 else { return [] }
        let vector = vectorizer.transform(featureText(text, title: title))
        let c = labels.count
        var items: [NGramContribution] = []
        for k in 0..<vector.indices.count {
            let index = Int(vector.indices[k])
            let weight = weights.values[index * c + column]
            let key = vectorizer.vocabulary.keys[index]
            items.append(NGramContribution(
                ngram: NGramKey.text(of: key) ?? String(key, radix: 16), featureValue: vector.values[k],
                weight: weight, contribution: vector.values[k] * weight))
        }
        items.sort { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.ngram < $1.ngram }
        return Array(items.prefix(count))
    }
}
