import Foundation

/// One document to process, as read from a file, a JSONL line or standard input.
public struct InputRecord: Sendable, Equatable {
    /// The record's id: the `id` field of a JSONL line, else `path:line`, or the path of a .txt file.
    public var id: String
    /// The document text.
    public var text: String
    /// The document title, when the record has one.
    public var title: String?
    /// The `label` field of a labeled JSONL record.
    public var label: String?
    /// A per-record summary budget in characters (`max_chars`), overriding the command's.
    public var maxCharacters: Int?
    /// The reference `summary` of an evaluation record.
    public var summary: String?
    /// Any other string fields of the JSONL record (e.g. `page`, `fold`), for grouping.
    public var fields: [String: String]

    /// The budgets `max_chars` may give (and `--max-chars`, and a server request's
    /// `max_chars`): at least one character, at most a million. The summarizer reads at
    /// most the first 100,000 characters of a document, so a larger budget is a mistake.
    package static let maxCharactersRange: ClosedRange<Int> = 1...1_000_000

    /// Why a `max_chars` of `given` (as written, or its JSON type) is refused: the field
    /// (`field`, e.g. `documents[2].max_chars`) and the valid range, one line.
    package static func invalidMaxCharacters(_ given: String, field: String = "max_chars") -> String {
        "\(field) is \(given): give a whole number of characters from \(maxCharactersRange.lowerBound) to \(maxCharactersRange.upperBound)"
    }

    /// Creates a record.
    public init(id: String, text: String, title: String? = nil, label: String? = nil,
                maxCharacters: Int? = nil, summary: String? = nil, fields: [String: String] = [:]) {
        self.id = id
        self.text = text
        self.title = title
        self.label = label
        self.maxCharacters = maxCharacters
        self.summary = summary
        self.fields = fields
    }
}

/// An input record that could not be read, with the id it would have had.
public struct InputRecordError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The id of the failed record (the JSONL `id` if readable, else `path:line` or the path).
    public var id: String
    /// A short reason, e.g. "malformed JSON", "missing text".
    public var reason: String

    /// The whole input named by `id` (a path given to the reader) could not be read, not
    /// just one record of it.
    public var isWholeInput: Bool

    /// Creates a record error.
    public init(id: String, reason: String, isWholeInput: Bool = false) {
        self.id = id
        self.reason = reason
        self.isWholeInput = isWholeInput
    }

    /// `id: reason`, one line.
    public var description: String { "\(id): \(reason)" }

    /// The same one-line message, for `localizedDescription`.
    public var errorDescription: String? { description }
}
