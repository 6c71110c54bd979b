/// The one rule for a document with nothing to analyse: every verb and every reader applies it.
public enum BlankDocumentRule {
    /// The reason given for such a document.
    public static let reason = "empty document"

    /// Whether `text` has no visible character: only white space, control characters and
    /// invisible format characters (U+200B zero-width space, U+FEFF byte-order mark, …).
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar.properties.isWhitespace { return true }
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return scalar.properties.isDefaultIgnorableCodePoint
            }
        }
    }

    /// A read record with the rule applied: a blank document becomes a failure.
    public static func checked(_ result: Result<InputRecord, InputRecordError>) -> Result<InputRecord, InputRecordError> {
        guard case .success(let record) = result, isBlank(record.text) else { return result }
        return .failure(InputRecordError(id: record.id, reason: reason))
    }
}
