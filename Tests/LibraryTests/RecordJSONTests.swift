import Foundation
import Testing
@testable import DocSift

/// The one JSON writer of output records: its escapes and number format are what every front
/// end writes.
@Suite("Record JSON writer")
struct RecordJSONTests {
    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() throws {
        let text = "引号\"、反斜杠\\、tab\t、换行\n、回车\r、NUL\u{0}、ESC\u{1B}。"
        let written = RecordJSON.string(text).text
        #expect(written == #""引号\"、反斜杠\\、tab\t、换行\n、回车\r、NUL\u0000、ESC\u001b。""#)
        // Any JSON reader gets the text back.
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + written + "]").utf8), options: []) as? [String]
        #expect(decoded == [text])
    }

    @Test func numbersHaveSixDecimalsInPlainNotation() {
        let cases: [(Double, String)] = [(0.000001, "0.000001"), (0.0000004, "0"), (-0.5, "-0.5"), (3, "3"),
                                         (0.4787295001, "0.47873"), (.nan, "null"), (.infinity, "null")]
        for (value, expected) in cases { #expect(RecordJSON.number(value).text == expected, "\(value)") }
    }

    @Test func objectsKeepTheirMemberOrder() {
        let value = RecordJSON.object([("z", .integer(1)), ("a", .array([.bool(true), .null])), ("m", .string("x"))])
        #expect(value.text == #"{"z":1,"a":[true,null],"m":"x"}"#)
    }
}
