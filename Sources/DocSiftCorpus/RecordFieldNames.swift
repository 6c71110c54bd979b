/// Which JSONL fields hold a record's id, text, title and label (`id`, `text`, `title` and
/// `label` unless a data set names them otherwise, e.g. `content` for the text).
public struct RecordFieldNames: Sendable, Equatable {
    /// The id field (string or number).
    public var id: String
    /// The text field (a string; required).
    public var text: String
    /// The title field.
    public var title: String
    /// The label field (string or number).
    public var label: String

    /// Field names; each defaults to its own name.
    public init(id: String = "id", text: String = "text", title: String = "title", label: String = "label") {
        self.id = id
        self.text = text
        self.title = title
        self.label = label
    }

    /// `id`, `text`, `title`, `label`.
    public static let standard = RecordFieldNames()
}
