import ArgumentParser
import DocSift
import Foundation

/// How `docsift label` writes its records.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    /// One JSON object per line (the default; what other tools read).
    case jsonl
    /// Comma-separated values with a header row: one column per field and per topic score.
    case csv
    /// An aligned plain-text table for people.
    case table
}

/// A flat row of named cells, the shape CSV and table output share.
struct OutputRow {
    var cells: [(String, String)]
}

/// Writes rows as CSV or as an aligned table. A table is buffered to align its columns, so
/// it is meant for interactive runs; CSV and JSONL stream.
final class RowWriter {
    private let format: RecordFormat
    private let output: OutputWriter
    private var wroteHeader = false
    private var tableRows: [[String]] = []
    private var header: [String] = []

    /// - Parameter header: the column names; every row is matched to them by name.
    init(format: RecordFormat, output: OutputWriter, header: [String]) {
        self.format = format
        self.output = output
        self.header = header
    }

    func write(_ row: OutputRow) throws {
        if !wroteHeader {
            wroteHeader = true
            if format == .csv { try output.line(header.map(RowWriter.csvField).joined(separator: ",")) }
        }
        // Cells are matched to the header by name, so every row has the same columns.
        let values = header.map { name in row.cells.first { $0.0 == name }?.1 ?? "" }
        switch format {
        case .csv: try output.line(values.map(RowWriter.csvField).joined(separator: ","))
        case .table: tableRows.append(values.map(RowWriter.tableCell))
        case .jsonl: break
        }
    }

    /// Writes the buffered table. The `error` column is left out when no row has an error.
    func finish() throws {
        guard format == .table, wroteHeader else { return }
        var columns = Array(header.indices)
        if let errorColumn = header.firstIndex(of: LabeledDocument.Field.error.rawValue),
           tableRows.allSatisfy({ $0[errorColumn].isEmpty }) {
            columns.remove(at: errorColumn)
        }
        let rows = ([header.map(RowWriter.tableCell)] + tableRows).map { row in columns.map { row[$0] } }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in rows {
            for (k, cell) in row.enumerated() { widths[k] = max(widths[k], RowWriter.displayWidth(cell)) }
        }
        for row in rows {
            var line = ""
            for (k, cell) in row.enumerated() {
                line += cell
                if k < row.count - 1 {
                    line += String(repeating: " ", count: widths[k] - RowWriter.displayWidth(cell) + 2)
                }
            }
            try output.line(line)
        }
    }

    /// A table cell on one line: tab, line breaks, NUL and other control characters are
    /// written as visible escapes (`\t`, `\n`, `\r`, `\0`, `\u{1B}`), so a label or id
    /// holding them keeps its own cell and can be told from one with spaces.
    static func tableCell(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var cell = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\t": cell += "\\t"
            case "\n": cell += "\\n"
            case "\r": cell += "\\r"
            case "\0": cell += "\\0"
            case _ where isControl(scalar): cell += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: cell.unicodeScalars.append(scalar)
            }
        }
        return cell
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote, tab, line break or other
    /// control character, quotes doubled. NUL, which CSV readers refuse or cut at, becomes
    /// U+FFFD (the replacement character).
    static func csvField(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || isControl($0) }) else { return value }
        let text = String(String.UnicodeScalarView(value.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }

    /// Terminal columns: CJK and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}
