import DocSiftText
/// One training or evaluation example: a text, its label, and an optional group
/// (a page, a fold number) that grouped cross-validation keeps together.
public struct LabeledText: Sendable, Codable, Equatable {
    /// The document text (title and body joined, as the caller sees fit).
    public var text: String
    /// The label name; any string, not only the five seed topics.
    public var label: String
    /// The group the example belongs to, e.g. its seed page or its `fold`.
    public var group: String?
    /// Other labels the document substantially covers, when the data says (seed manifests);
    /// `nil` when unknown.
    public var secondary: [String]?

    /// An example with the given text, label, group and secondary labels.
    public init(text: String, label: String, group: String? = nil, secondary: [String]? = nil) {
        self.text = text
        self.label = label
        self.group = group
        self.secondary = secondary
    }
}

extension LabeledText {
    /// This example with its text prepared for features (`FeatureText`).
    func prepared(converting: Bool) -> LabeledText {
        LabeledText(text: FeatureText.prepare(text, converting: converting), label: label, group: group, secondary: secondary)
    }
}
