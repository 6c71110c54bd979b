import Foundation

/// Which character n-grams a document is cut into.
///
/// The lengths are checked once, when the options are made or decoded: `1 ≤ minLength ≤
/// maxLength ≤ 255` (``maximumLength``). Code that cuts text relies on this, so the lengths
/// cannot be changed afterwards.
public struct NGramOptions: Sendable, Codable, Equatable, Hashable {
    /// The longest n-gram any options may ask for (lengths are stored in one byte).
    public static let maximumLength = 255

    /// Shortest n-gram, in characters (≥ 1).
    public let minLength: Int
    /// Longest n-gram, in characters (`minLength`…``maximumLength``).
    public let maxLength: Int
    /// Fold every ASCII digit to `0`, so that "2023年" and "2024年" share n-grams.
    public var foldsDigits: Bool
    /// Treat punctuation and symbols as characters too (a run of white space counts as one
    /// space), so that n-grams span them; by default they end a run of characters.
    public var includesPunctuation: Bool

    /// Character n-grams of `minLength`…`maxLength` characters.
    /// - Throws: ``NGramOptionsError`` unless `1 ≤ minLength ≤ maxLength ≤ 255`.
    public init(minLength: Int, maxLength: Int, foldsDigits: Bool = true, includesPunctuation: Bool = false)
        throws(NGramOptionsError) {
        guard minLength >= 1 else { throw .minimumLengthBelowOne(minLength) }
        guard maxLength >= minLength else { throw .maximumBelowMinimum(minLength: minLength, maxLength: maxLength) }
        guard maxLength <= NGramOptions.maximumLength else { throw .maximumLengthTooLarge(maxLength) }
        self.minLength = minLength
        self.maxLength = maxLength
        self.foldsDigits = foldsDigits
        self.includesPunctuation = includesPunctuation
    }

    /// Character 1–3-grams (digits folded by default): the default for Chinese news.
    public init(foldsDigits: Bool = true, includesPunctuation: Bool = false) {
        minLength = 1
        maxLength = 3
        self.foldsDigits = foldsDigits
        self.includesPunctuation = includesPunctuation
    }

    /// Character 1–2-grams with digits folded: the summarizer's default.
    public static let unigramsAndBigrams = NGramOptions(checked: 1...2, foldsDigits: true)

    /// Character bigrams alone.
    package static func bigrams(foldingDigits: Bool) -> NGramOptions {
        NGramOptions(checked: 2...2, foldsDigits: foldingDigits)
    }

    /// Lengths from a literal range within 1…3 (clamped there, so never invalid).
    private init(checked lengths: ClosedRange<Int>, foldsDigits: Bool) {
        minLength = min(3, max(1, lengths.lowerBound))
        maxLength = min(3, max(minLength, lengths.upperBound))
        self.foldsDigits = foldsDigits
        includesPunctuation = false
    }

    private enum CodingKeys: String, CodingKey {
        case minLength, maxLength, foldsDigits, includesPunctuation
    }

    /// Decodes and checks the options.
    /// - Throws: ``NGramOptionsError`` for lengths out of range; `DecodingError` for a missing field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(minLength: container.decode(Int.self, forKey: .minLength),
                      maxLength: container.decode(Int.self, forKey: .maxLength),
                      foldsDigits: container.decodeIfPresent(Bool.self, forKey: .foldsDigits) ?? true,
                      includesPunctuation: container.decodeIfPresent(Bool.self, forKey: .includesPunctuation) ?? false)
    }
}

/// Why n-gram lengths were refused.
public enum NGramOptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `minLength` was below 1.
    case minimumLengthBelowOne(Int)
    /// `maxLength` was below `minLength`.
    case maximumBelowMinimum(minLength: Int, maxLength: Int)
    /// `maxLength` was above ``NGramOptions/maximumLength``.
    case maximumLengthTooLarge(Int)

    /// One line naming the bad value and the allowed range.
    public var description: String {
        switch self {
        case let .minimumLengthBelowOne(n):
            "n-gram minLength \(n) is below 1: use a minimum length of at least 1"
        case let .maximumBelowMinimum(minLength, maxLength):
            "n-gram maxLength \(maxLength) is below minLength \(minLength): use maxLength ≥ minLength"
        case let .maximumLengthTooLarge(n):
            "n-gram maxLength \(n) is above \(NGramOptions.maximumLength): use a shorter maximum length"
        }
    }
}

extension NGramOptionsError: LocalizedError {
    /// The ``description``.
    public var errorDescription: String? { description }
}
