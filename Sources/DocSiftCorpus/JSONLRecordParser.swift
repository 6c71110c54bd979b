import Foundation

/// Turns one JSONL line into an ``InputRecord``.
public enum JSONLRecordParser {
    /// Parses `line`; `fallbackID` names the record when it has no `id`.
    /// Accepted fields: `id` (string or number, kept as written), `text` (required),
    /// `title`, `label` (string or number), `max_chars`, `summary` (or `reference`), and any
    /// other string or number fields (numbers as written).
    /// `fields` names the id, text, title and label fields when a data set calls them otherwise.
    public static func parse(_ line: [UInt8], fallbackID: String,
                             fields names: RecordFieldNames = .standard) -> Result<InputRecord, InputRecordError> {
        if let members = FlatJSONObject.parse(line) { return record(from: members, fallbackID: fallbackID, names: names) }
        return .failure(InputRecordError(id: fallbackID, reason: failureReason(line)))
    }

    /// Parses one JSON object given as a string.
    public static func parse(_ line: String, fallbackID: String) -> Result<InputRecord, InputRecordError> {
        parse(Array(line.utf8), fallbackID: fallbackID)
    }

    /// Parses one line's bytes (as the `[UInt8]` overload does).
    public static func parse(_ line: Data, fallbackID: String) -> Result<InputRecord, InputRecordError> {
        parse([UInt8](line), fallbackID: fallbackID)
    }

    /// The record of a parsed object.
    static func record(from members: [(key: String, value: FlatJSONObject.Value)],
                       fallbackID: String, names: RecordFieldNames = .standard) -> Result<InputRecord, InputRecordError> {
        // Records have a handful of members: a scan beats hashing each name.
        func value(_ name: String) -> FlatJSONObject.Value? { members.first { $0.key == name }?.value }
        func string(_ name: String) -> String? {
            if case .string(let text)? = value(name) { return text }
            return nil
        }
        func stringOrNumber(_ value: FlatJSONObject.Value?) -> String? {
            switch value {
            case .string(let text)?, .number(let text)?: return text
            default: return nil
            }
        }
        let idValue = value(names.id)
        let id = stringOrNumber(idValue) ?? fallbackID
        if idValue != nil && stringOrNumber(idValue) == nil {
            return .failure(InputRecordError(id: fallbackID, reason: "\(quoted(names.id, "id")) is not a string or number"))
        }
        guard let textValue = value(names.text) else {
            return .failure(InputRecordError(id: id, reason: names.text == "text" ? "missing text" : "missing text (no \"\(names.text)\" field)"))
        }
        guard case .string(let text) = textValue else {
            return .failure(InputRecordError(id: id, reason: "\(quoted(names.text, "text")) is not a string"))
        }
        let labelValue = value(names.label)
        if labelValue != nil && labelValue != .null && stringOrNumber(labelValue) == nil {
            return .failure(InputRecordError(id: id, reason: "\(quoted(names.label, "label")) is not a string or number"))
        }
        var maxCharacters: Int?
        if let raw = value("max_chars"), raw != .null {
            guard case .number(let literal) = raw, let number = wholeNumber(literal),
                  InputRecord.maxCharactersRange.contains(number) else {
                return .failure(InputRecordError(id: id, reason: InputRecord.invalidMaxCharacters(shown(raw))))
            }
            maxCharacters = number
        }
        var fields: [String: String] = [:]
        fields.reserveCapacity(members.count)
        for (key, member) in members { fields[key] = stringOrNumber(member) }
        return .success(InputRecord(
            id: id, text: text, title: string(names.title), label: stringOrNumber(labelValue),
            maxCharacters: maxCharacters, summary: string("summary") ?? string("reference"), fields: fields))
    }

    /// `name` as messages write it: bare when it is the standard name, else quoted.
    static func quoted(_ name: String, _ standard: String) -> String {
        name == standard ? standard : "\"\(name)\""
    }

    /// A member's value as a message quotes it: a number as written (its first 24
    /// characters), else its JSON type.
    static func shown(_ value: FlatJSONObject.Value) -> String {
        switch value {
        case .number(let literal): literal.count > 24 ? String(literal.prefix(24)) + "…" : literal
        case .string: "a string"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .composite: "an object or array"
        }
    }

    /// The integer a number literal denotes exactly (`12`, `12.0`, `1.2e1`), or `nil`.
    static func wholeNumber(_ literal: String) -> Int? {
        if let exact = Int(literal) { return exact }
        guard let double = Double(literal) else { return nil }
        return Int(exactly: double)
    }

    /// Why a line is not a record: invalid UTF-8, not an object, a repeated key, or malformed JSON.
    static func failureReason(_ line: [UInt8]) -> String {
        if String(validating: line, as: UTF8.self) == nil { return "invalid UTF-8" }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) else {
            return "malformed JSON"
        }
        return object is [String: Any] ? "a key is repeated" : "not a JSON object"
    }
}
