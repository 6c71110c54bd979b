import Foundation
import Hummingbird

/// Why a request was refused; each case maps to a 4xx status and a one-line JSON error.
enum RequestError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The body is larger than the configured limit.
    case bodyTooLarge(limit: Int)
    /// The batch holds more documents than the configured limit.
    case tooManyDocuments(count: Int, limit: Int)
    /// The body could not be read (the connection failed mid-body).
    case unreadableBody(String)
    /// The body is not UTF-8; `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// The body is not JSON.
    case invalidJSON(String)
    /// The JSON is not a document or a batch of documents (the message names the field).
    case invalidDocument(String)
    /// A field has a value of its type that is not valid (the message names the field and
    /// the valid values, e.g. `documents[1].max_chars is 0: …`).
    case invalidField(String)

    /// The HTTP status of the reply.
    var status: HTTPResponse.Status {
        switch self {
        case .bodyTooLarge, .tooManyDocuments: .contentTooLarge
        case .unreadableBody, .invalidUTF8, .invalidJSON: .badRequest
        case .invalidDocument, .invalidField: .unprocessableContent
        }
    }

    /// One line: what was wrong and what to do.
    var description: String {
        switch self {
        case .bodyTooLarge(let limit):
            "request body is larger than \(limit) bytes; split the batch or start the server with a larger --max-body-bytes"
        case .tooManyDocuments(let count, let limit):
            "batch of \(count) documents is larger than \(limit); split it or start the server with a larger --max-documents"
        case .unreadableBody(let problem):
            "request body could not be read (\(problem)); send it again"
        case .invalidUTF8(let offset):
            "request body is not valid UTF-8 (first bad byte at offset \(offset)); send the JSON encoded as UTF-8"
        case .invalidJSON(let problem):
            "request body is not valid JSON (\(problem)); send {\"id\",\"text\",\"title\"} or {\"documents\":[...]}"
        case .invalidDocument(let problem):
            "\(problem); each document is {\"id\",\"text\",\"title\"} with \"text\" a string"
        case .invalidField(let problem):
            problem
        }
    }

    /// The same line as ``description``.
    var errorDescription: String? { description }

    /// `documents[2].text` for a decoding path.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }.nonEmpty ?? "body"
    }

    /// A short reason from the JSON decoder's error, without Foundation's error codes.
    static func jsonProblem(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }

    /// The offset of the first byte that breaks UTF-8 decoding.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return bytes.count
            case .error: return offset
            }
        }
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
