import ArgumentParser
import DocSift

/// Which JSONL fields hold the id, text, title and label of labeled data (train, eval).
struct LabeledFieldOptions: ParsableArguments {
    @OptionGroup var record: RecordFieldOptions

    @Option(help: "The JSONL field holding each record's label.")
    var labelField = "label"

    /// The field names for the readers.
    var names: RecordFieldNames {
        var names = record.names
        names.label = labelField
        return names
    }
}
