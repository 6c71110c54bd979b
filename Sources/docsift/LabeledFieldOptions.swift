import ArgumentParser
import DocSift

/// Which JSONL fields hold the id, text, title and label of labeled data (train, eval).
struct LabeledFieldOptions: ParsableArguments {
    @Option(help: "The JSONL field holding each record's id.")
    var idField = "id"

    @Option(help: "The JSONL field holding each record's text.")
    var textField = "text"

    @Option(help: "The JSONL field holding each record's title (put before the text).")
    var titleField = "title"

    @Option(help: "The JSONL field holding each record's label.")
    var labelField = "label"

    /// The field names for the readers.
    var names: RecordFieldNames {
        RecordFieldNames(id: idField, text: textField, title: titleField, label: labelField)
    }
}
