import Foundation

/// Reads labeled examples from JSON Lines files such as `{"text": …, "label": …, "fold": 2}`.
public enum LabeledTextReader {
    /// Every line of `url` as an example. Blank lines are skipped.
    /// - Parameters:
    ///   - textField: the field holding the text.
    ///   - labelField: the field holding the label (string or number).
    ///   - groupField: an optional field (string or number) giving the example's group.
    ///   - titleField: an optional field put before the text on its own line.
    /// - Throws: ``ClassifierError`` naming the file and line for unreadable files, bad
    ///   JSON, or missing fields.
    public static func jsonLines(
        _ url: URL, textField: String = "text", labelField: String = "label",
        groupField: String? = nil, titleField: String? = nil
    ) throws -> [LabeledText] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ClassifierError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        guard let content = String(data: data, encoding: .utf8) else {
            throw ClassifierError.unreadable(path: url.path, reason: "not UTF-8 text")
        }
        var examples: [LabeledText] = []
        for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                throw ClassifierError.malformed(path: url.path, reason: "line \(number + 1): not a JSON object")
            }
            guard let text = object[textField] as? String, let label = scalarString(object[labelField]) else {
                throw ClassifierError.malformed(
                    path: url.path, reason: "line \(number + 1): needs string \"\(textField)\" and \"\(labelField)\"")
            }
            var group: String?
            if let groupField {
                guard let value = scalarString(object[groupField]) else {
                    throw ClassifierError.malformed(path: url.path, reason: "line \(number + 1): missing \"\(groupField)\"")
                }
                group = value
            }
            let title = titleField.flatMap { object[$0] as? String }
            examples.append(LabeledText(text: TopicModel.documentText(text, title: title), label: label, group: group))
        }
        return examples
    }

    private static func scalarString(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }
}
