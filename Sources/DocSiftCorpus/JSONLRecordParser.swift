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
        var strings: [String: String] = [:]
        var texts: [String: String] = [:]  // string-valued members only
        var integers: [String: Int] = [:]
        for (key, value) in members {
            switch value {
            case .string(let text):
                strings[key] = text
                texts[key] = text
            case .integer(let number):
                strings[key] = String(number)
                integers[key] = number
            }
        }
        let id = strings["id"] ?? fallbackID
        guard strings["text"] != nil else { return .failure(InputRecordError(id: id, reason: "missing text")) }
        guard let text = texts["text"] else { return .failure(InputRecordError(id: id, reason: "text is not a string")) }
        var maxCharacters: Int?
        if strings["max_chars"] != nil {
            guard let number = integers["max_chars"] else {
                return .failure(InputRecordError(id: id, reason: "max_chars is not a whole number"))
            }
            maxCharacters = number
        }
        return .success(InputRecord(
            id: id, text: text, title: texts["title"], label: strings["label"], maxCharacters: maxCharacters,
            summary: texts["summary"] ?? texts["reference"], fields: strings))
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
