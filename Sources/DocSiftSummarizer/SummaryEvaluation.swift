/// How long the evaluated summaries may be.
public enum EvaluationBudget: Sendable, Equatable {
    /// Every summary gets this many characters.
    case fixed(Int)
    /// Each summary gets as many characters as its reference (the LCSTS/CLTS protocol);
    /// a record's own `max_chars`, when present, wins.
    case referenceLength
}

/// Mean ROUGE F1 (and precision/recall) over a set of records.
public struct EvaluationResult: Sendable, Equatable, Codable {
    /// Number of records scored.
    public var count: Int
    /// Mean ROUGE-1 precision, recall and F1.
    public var rouge1: RougeValue
    /// Mean ROUGE-2 precision, recall and F1.
    public var rouge2: RougeValue
    /// Mean ROUGE-L precision, recall and F1.
    public var rougeL: RougeValue
    /// Mean summary length in characters.
    public var averageSummaryCharacters: Double
}

/// Runs a summarizer (or any summary function) over records and averages ROUGE.
public enum SummaryEvaluation {
    /// The budget in characters for `record` under `budget`.
    public static func characters(for record: SummaryRecord, budget: EvaluationBudget) -> Int {
        switch budget {
        case let .fixed(n): return n
        case .referenceLength: return record.maxCharacters ?? record.summary.unicodeScalars.count
        }
    }

    /// Mean ROUGE of `summarizer` over `records`.
    public static func evaluate(_ summarizer: Summarizer, on records: [SummaryRecord],
                                budget: EvaluationBudget = .referenceLength,
                                scorer: RougeScorer = RougeScorer()) -> EvaluationResult {
        evaluate(records: records, budget: budget, scorer: scorer) { record, chars in
            summarizer.summarize(record.text, budget: .characters(chars)).text
        }
    }

    /// Mean ROUGE of the LEAD baseline over `records`.
    public static func evaluateLead(on records: [SummaryRecord], budget: EvaluationBudget = .referenceLength,
                                    scorer: RougeScorer = RougeScorer()) -> EvaluationResult {
        evaluate(records: records, budget: budget, scorer: scorer) { record, chars in
            LeadBaseline.summary(of: record.text, maxCharacters: chars)
        }
    }

    /// Mean ROUGE of the LEAD-chars baseline (the first budget characters, cut mid-sentence) over `records`.
    public static func evaluateLeadCharacters(on records: [SummaryRecord], budget: EvaluationBudget = .referenceLength,
                                              scorer: RougeScorer = RougeScorer()) -> EvaluationResult {
        evaluate(records: records, budget: budget, scorer: scorer) { record, chars in
            LeadBaseline.characterSummary(of: record.text, maxCharacters: chars)
        }
    }

    /// Mean ROUGE of summaries made by `summarize(record, budgetInCharacters)`.
    public static func evaluate(records: [SummaryRecord], budget: EvaluationBudget, scorer: RougeScorer = RougeScorer(),
                                summarize: (SummaryRecord, Int) -> String) -> EvaluationResult {
        var sums = [Double](repeating: 0, count: 9)
        var totalCharacters = 0.0
        for record in records {
            let hypothesis = summarize(record, Self.characters(for: record, budget: budget))
            totalCharacters += Double(hypothesis.unicodeScalars.count)
            let s = scorer.score(hypothesis: hypothesis, reference: record.summary)
            let values = [s.rouge1, s.rouge2, s.rougeL]
            for (k, v) in values.enumerated() {
                sums[3 * k] += v.precision
                sums[3 * k + 1] += v.recall
                sums[3 * k + 2] += v.f1
            }
        }
        let n = Double(max(records.count, 1))
        func mean(_ k: Int) -> RougeValue {
            var v = RougeValue(precision: sums[3 * k] / n, recall: sums[3 * k + 1] / n)
            v.f1 = sums[3 * k + 2] / n
            return v
        }
        return EvaluationResult(count: records.count, rouge1: mean(0), rouge2: mean(1), rougeL: mean(2),
                                averageSummaryCharacters: totalCharacters / n)
    }
}
