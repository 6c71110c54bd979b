import ArgumentParser
import DocSift

/// `--id-field`, `--text-field`, `--title-field`: which JSONL fields hold a record's id, text
/// and title, for every verb that reads records (a data set may call its text `content`).
struct RecordFieldOptions: ParsableArguments {
    @Option(help: "The JSONL field holding each record's id.")
    var idField = "id"

    @Option(help: "The JSONL field holding each record's text.")
    var textField = "text"

    @Option(help: "The JSONL field holding each record's title (put before the text).")
    var titleField = "title"

    /// The field names for the readers.
    var names: RecordFieldNames { RecordFieldNames(id: idField, text: textField, title: titleField) }
}
