import Foundation

/// The `docsift_status` codes of `docsift.h`, as a typed error thrown by the façade.
enum CInterfaceError: Error, LocalizedError, CustomStringConvertible, Equatable {
    /// A required pointer argument was NULL (`argument` names it).
    case nullArgument(String)
    /// A text, title or path was not valid UTF-8.
    case invalidUTF8(String)
    /// The text has no visible character (``BlankDocumentRule``).
    case emptyDocument
    /// An argument is out of range.
    case invalidArgument(String)
    /// The model or IDF file could not be opened (the library's message).
    case model(String)
    /// Memory ran out or the result could not be encoded.
    case `internal`(String)

    /// The `docsift_status` value of this error.
    var status: Int32 {
        switch self {
        case .nullArgument: 1
        case .invalidUTF8: 2
        case .emptyDocument: 3
        case .invalidArgument: 4
        case .model: 5
        case .internal: 6
        }
    }

    /// The one-line message (``errorDescription``).
    var description: String { errorDescription ?? "docsift error \(status)" }

    /// One line: what was wrong and what to do.
    var errorDescription: String? {
        switch self {
        case .nullArgument(let argument): "\(argument) is NULL: pass a valid pointer"
        case .invalidUTF8(let argument): "\(argument) is not valid UTF-8: decode the document to UTF-8 first"
        case .emptyDocument: "empty document: the text has no visible character; pass the article body"
        case .invalidArgument(let reason): reason
        case .model(let reason): reason
        case .internal(let reason): "internal error: \(reason)"
        }
    }
}
