import Foundation

/// Turns one JSONL line into an ``InputRecord``.
public enum JSONLRecordParser {
    /// Parses `line`; `fallbackID` names the record when it has no `id`.
    /// Accepted fields: `id` (string or number), `text` (required), `title`, `label`,
    /// `max_chars`, `summary` (or `reference`), and any other string or number fields.
    public static func parse(_ line: [UInt8], fallbackID: String) -> Result<InputRecord, InputRecordError> {
        if let members = FlatJSONObject.parse(line) { return record(from: members, fallbackID: fallbackID) }
        return parse(Data(line), fallbackID: fallbackID)
    }

    /// The record of a flat object (string and integer values), with the same fields and
    /// errors as the general path.
    static func record(from members: [(key: String, value: FlatJSONObject.Value)],
                       fallbackID: String) -> Result<InputRecord, InputRecordError> {
        // Records have a handful of members: a scan beats hashing each name.
        func value(_ name: String) -> FlatJSONObject.Value? { members.first { $0.key == name }?.value }
        func string(_ name: String) -> String? {
            if case .string(let text)? = value(name) { return text }
            return nil
        }
        func stringOrNumber(_ value: FlatJSONObject.Value?) -> String? {
            switch value {
            case .string(let text)?: return text
            case .integer(let number)?: return String(number)
            case nil: return nil
            }
        }
        let id = stringOrNumber(value("id")) ?? fallbackID
        guard let textValue = value("text") else { return .failure(InputRecordError(id: id, reason: "missing text")) }
        guard case .string(let text) = textValue else { return .failure(InputRecordError(id: id, reason: "text is not a string")) }
        var maxCharacters: Int?
        if let raw = value("max_chars") {
            guard case .integer(let number) = raw else {
                return .failure(InputRecordError(id: id, reason: "max_chars is not a whole number"))
            }
            maxCharacters = number
        }
        var fields: [String: String] = [:]
        fields.reserveCapacity(members.count)
        for (key, member) in members { fields[key] = stringOrNumber(member) }
        return .success(InputRecord(
            id: id, text: text, title: string("title"), label: stringOrNumber(value("label")),
            maxCharacters: maxCharacters, summary: string("summary") ?? string("reference"), fields: fields))
    }

    /// Parses one JSON object given as a string.
    public static func parse(_ line: String, fallbackID: String) -> Result<InputRecord, InputRecordError> {
        parse(Data(line.utf8), fallbackID: fallbackID)
    }

    /// Parses one line's bytes. The JSON parser validates UTF-8 itself, so valid lines are
    /// read once; only a failed line is checked again to name the reason.
    static func parse(_ line: Data, fallbackID: String) -> Result<InputRecord, InputRecordError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])
        } catch {
            let reason = TextDecoding.decodeUTF8(line) == nil ? "invalid UTF-8" : "malformed JSON"
            return .failure(InputRecordError(id: fallbackID, reason: reason))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(InputRecordError(id: fallbackID, reason: "not a JSON object"))
        }
        let id = stringValue(dictionary["id"]) ?? fallbackID
        guard let textValue = dictionary["text"] else {
            return .failure(InputRecordError(id: id, reason: "missing text"))
        }
        guard let text = textValue as? String else {
            return .failure(InputRecordError(id: id, reason: "text is not a string"))
        }
        var fields: [String: String] = [:]
        for (key, value) in dictionary {
            if let s = stringValue(value) { fields[key] = s }
        }
        var maxCharacters: Int?
        if let raw = dictionary["max_chars"] {
            guard let number = raw as? NSNumber, let exact = Int(exactly: number.doubleValue) else {
                return .failure(InputRecordError(id: id, reason: "max_chars is not a whole number"))
            }
            maxCharacters = exact
        }
        return .success(InputRecord(
            id: id, text: text, title: dictionary["title"] as? String,
            label: stringValue(dictionary["label"]), maxCharacters: maxCharacters,
            summary: (dictionary["summary"] as? String) ?? (dictionary["reference"] as? String),
            fields: fields))
    }

    private static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            if let i = Int(exactly: n.doubleValue) { return String(i) }
            return n.stringValue
        default: return nil
        }
    }
}
