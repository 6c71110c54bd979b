/// An input record as it was read, possibly before its JSON is parsed.
///
/// Reading stays in input order on one thread; parsing a JSONL line is deferred to
/// ``resolve(fields:)``, so bulk verbs can parse on their worker threads.
public enum PendingRecord: Sendable {
    /// A record already read or already known to be unreadable (a `.txt` file, a failure).
    case ready(Result<InputRecord, InputRecordError>)
    /// One JSONL line not parsed yet; `source` and `line` name it when it has no `id`.
    case jsonLine([UInt8], source: String, line: Int)

    /// The bytes it holds (a JSONL line, or a read document's UTF-8 text): its weight in
    /// read-ahead limits.
    public var byteCount: Int {
        switch self {
        case .ready(.success(let record)): return record.text.utf8.count
        case .ready(.failure): return 0
        case .jsonLine(let bytes, _, _): return bytes.count
        }
    }

    /// The record, parsing it if needed, with `fields` naming its id, text, title and label.
    public func resolve(fields: RecordFieldNames = .standard) -> Result<InputRecord, InputRecordError> {
        switch self {
        case .ready(let result):
            return result
        case .jsonLine(let bytes, let source, let line):
            return JSONLRecordParser.parse(bytes, fallbackID: "\(source):\(line)", fields: fields)
        }
    }
}
