import DocSift
import Foundation

/// One document of a request: `{"id", "text", "title", "max_chars"}`; only `text` is required.
struct RequestDocument: Decodable, Sendable {
    /// The caller's id (a string or a number), or the document's 1-based position when absent.
    var id: String?
    var text: String
    var title: String?
    /// A per-document summary budget in characters, as in the CLI's input records.
    var maxCharacters: Int?

    private enum Key: String, CodingKey { case id, text, title, max_chars }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let string = try? container.decodeIfPresent(String.self, forKey: .id) {
            id = string
        } else if let number = try? container.decodeIfPresent(Int64.self, forKey: .id) {
            id = String(number)
        } else if container.contains(.id), try container.decodeNil(forKey: .id) == false {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: container.codingPath + [Key.id],
                                                                debugDescription: "id must be a string or an integer"))
        }
        text = try container.decode(String.self, forKey: .text)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        maxCharacters = try RequestDocument.maxCharacters(in: container)
    }

    /// The document's `max_chars`, checked against the CLI's range
    /// (`InputRecord.maxCharactersRange`); a number may be written `120`, `120.0` or `1.2e2`.
    /// - Throws: ``InvalidMaxCharacters`` (a 422 naming the field) for anything else: a
    ///   fraction, a number out of range (`1e300` included), or not a number.
    private static func maxCharacters(in container: KeyedDecodingContainer<Key>) throws -> Int? {
        guard container.contains(.max_chars), try container.decodeNil(forKey: .max_chars) == false else { return nil }
        let whole = (try? container.decode(Int.self, forKey: .max_chars))
            ?? (try? container.decode(Double.self, forKey: .max_chars)).flatMap { Int(exactly: $0) }
        if let whole, InputRecord.maxCharactersRange.contains(whole) { return whole }
        let given: String
        if let whole {
            given = String(whole)
        } else if let number = try? container.decode(Double.self, forKey: .max_chars) {
            given = number.isFinite ? "\(number)" : "out of range"
        } else {
            given = (try? container.decode(String.self, forKey: .max_chars)) != nil ? "a string" : "not a number"
        }
        throw InvalidMaxCharacters(path: container.codingPath + [Key.max_chars], given: given)
    }
}

/// A `max_chars` that is not a budget (thrown while decoding, turned into
/// ``RequestError/invalidField(_:)``).
struct InvalidMaxCharacters: Error {
    /// Where the field is in the body.
    var path: [any CodingKey]
    /// The value as the message shows it (`-5`, `1e+300`, `a string`).
    var given: String
}

/// A request body: one document, or a batch `{"documents": [...]}`.
struct DocumentRequest: Decodable, Sendable {
    var documents: [RequestDocument]
    /// Whether the body was a batch (the reply is then `{"results": [...]}`).
    var isBatch: Bool

    private enum Key: String, CodingKey { case documents }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if container.contains(.documents) {
            documents = try container.decode([RequestDocument].self, forKey: .documents)
            isBatch = true
        } else {
            documents = [try RequestDocument(from: decoder)]
            isBatch = false
        }
    }

    /// Parses a request body.
    /// - Throws: ``RequestError`` saying what was wrong: not UTF-8, not JSON, a missing or
    ///   mistyped field (with its path, e.g. `documents[2].text`), or too many documents.
    static func parse(_ body: [UInt8], maxDocuments: Int) throws(RequestError) -> DocumentRequest {
        guard String(validating: body, as: UTF8.self) != nil else {
            let offset = RequestError.firstInvalidUTF8Offset(body)
            throw .invalidUTF8(offset: offset)
        }
        let request: DocumentRequest
        do {
            request = try JSONDecoder().decode(DocumentRequest.self, from: Data(body))
        } catch let invalid as InvalidMaxCharacters {
            throw .invalidField(InputRecord.invalidMaxCharacters(invalid.given, field: RequestError.path(invalid.path)))
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalidDocument("\(RequestError.path(context.codingPath + [key])): missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw .invalidDocument("\(RequestError.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) where !context.codingPath.isEmpty {
            throw .invalidDocument("\(RequestError.path(context.codingPath)): null where a value is required")
        } catch {
            throw .invalidJSON(RequestError.jsonProblem(error))
        }
        guard request.documents.count <= maxDocuments else {
            throw .tooManyDocuments(count: request.documents.count, limit: maxDocuments)
        }
        return request
    }
}
