/// A reflowed block with what page splitting needs to know about it.
struct ReflowBlock: Sendable {
    /// Finer role than ``BlockKind``.
    enum Role: Sendable, Equatable {
        case title, subtitle, section, byline, credit, marker, paragraph, caption
    }

    var kind: BlockKind
    var role: Role
    /// Reflowed text as scalars (appending lines stays linear).
    var scalars: [Unicode.Scalar]
    /// Reflowed text.
    var text: String {
        get { ScalarText.string(scalars) }
        set { scalars = Array(newValue.unicodeScalars) }
    }
    /// First and last input line (1-based).
    var firstLine: Int
    var lastLine: Int
    /// The input lines (1-based) the block holds.
    var lineNumbers: [Int]
    /// Markdown heading level (0 when none).
    var markdownLevel: Int = 0
    /// A heading made of several lines with no blank line between them.
    var isMultiLineHeading = false
    /// A heading line ending with a colon.
    var endsWithColon = false
    /// A paragraph whose text does not end a sentence.
    var isOpen = false
    /// A paragraph that continues the sentence of the previous paragraph across headings.
    var continuesAcrossHeading = false
    /// A paragraph opening with a dateline (`本报讯`).
    var isDateline = false
}
