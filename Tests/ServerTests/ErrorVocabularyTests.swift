@testable import CDocSift
import DocSift
@testable import DocSiftServer
import Foundation
import Testing

/// Issue #14 item 3 / #19 item 2: one error vocabulary. Every error type a caller can meet,
/// in every module, is `LocalizedError` and `CustomStringConvertible`, and its
/// `localizedDescription` is its own one-line message: never Foundation's "The operation
/// could not be completed" or an "error 0" code.
@Suite("One error vocabulary")
struct ErrorVocabularyTests {
    /// One value of every case of every error type.
    static let samples: [String: [any Error & CustomStringConvertible]] = [
        "BackgroundIDFError": [
            BackgroundIDFError.unreadable(path: "/m/idf.bin", reason: "no such file or directory"),
            BackgroundIDFError.writeFailed(path: "/m/idf.bin", reason: "no space left on device"),
            BackgroundIDFError.notAnIDFFile, BackgroundIDFError.unsupportedVersion(9), BackgroundIDFError.truncated,
            BackgroundIDFError.checksumMismatch, BackgroundIDFError.malformed("counts out of range"),
            BackgroundIDFError.invalidStatistics("negative document count -3"),
            BackgroundIDFError.invalidFile(path: "/m/idf.bin", problem: "IDF file is truncated: rebuild it with docsift build-idf"),
        ],
        "SparseVectorError": [SparseVectorError.countMismatch(indices: 2, values: 1),
                              SparseVectorError.notAscending(position: 1, index: -3)],
        "NGramOptionsError": [NGramOptionsError.minimumLengthBelowOne(0),
                              NGramOptionsError.maximumBelowMinimum(minLength: 3, maxLength: 2),
                              NGramOptionsError.maximumLengthTooLarge(99)],
        "SummarizerDataError": [SummarizerDataError.io(path: "/d/lcsts.jsonl", reason: "no such file or directory"),
                                SummarizerDataError.badRecord(id: "lcsts.jsonl:3", reason: "no \"summary\" field")],
        "CorpusError": [CorpusError.unreadable(path: "/d/a.jsonl", reason: "no such file or directory"),
                        CorpusError.malformed(path: "/d/a.jsonl", reason: "line 2: no \"label\" field")],
        "InputRecordError": [InputRecordError(id: "stdin:3", reason: "malformed JSON")],
        "DefaultResourceError": [DefaultResourceError.overrideMissing(variable: "DOCSIFT_IDF", path: "/typo/idf.bin")],
        "LinearAlgebraError": [LinearAlgebraError.dimensionMismatch("3×2 times 3×2"),
                               LinearAlgebraError.invalidShape(rows: -1, columns: 2),
                               LinearAlgebraError.indexOutOfRange(row: 5, column: 0, rows: 2, columns: 2),
                               LinearAlgebraError.nonFinite(index: 4), LinearAlgebraError.lapackFailure(routine: "spotrf", info: 2)],
        "ModelFileError": [ModelFileError.unreadable(path: "/m/x.dsmodel", reason: "it is a directory"),
                           ModelFileError.notAModel(path: "/m/x.dsmodel"),
                           ModelFileError.unsupportedVersion(path: "/m/x.dsmodel", found: 9, supported: 2),
                           ModelFileError.truncated(path: "/m/x.dsmodel"), ModelFileError.checksumMismatch(path: "/m/x.dsmodel"),
                           ModelFileError.malformed(path: "/m/x.dsmodel", reason: "no labels"),
                           ModelFileError.writeFailed(path: "/m/x.dsmodel", reason: "permission denied")],
        "ClassifierError": [ClassifierError.unreadable(path: "/m/p.json", reason: "no such file or directory"),
                            ClassifierError.malformed(path: "/m/p.json", reason: "not a topic profile file"),
                            ClassifierError.invalidTraining("no examples"), ClassifierError.numerical("NaN weights"),
                            ClassifierError.invalidVector("index 9 is beyond the 4 features")],
        "ThresholdOverrideError": [ThresholdOverrideError.unknownTopic("antifraud", known: ["anti_fraud", "other"]),
                                   ThresholdOverrideError.outOfRange(name: "anti_fraud", value: 1.5)],
        "RequestError": [RequestError.bodyTooLarge(limit: 10), RequestError.tooManyDocuments(count: 5, limit: 3),
                         RequestError.unreadableBody("connection reset"), RequestError.invalidUTF8(offset: 9),
                         RequestError.invalidJSON("unexpected end of data"), RequestError.invalidDocument("documents[1]: missing \"text\""),
                         RequestError.invalidField("documents[1].max_chars is 0: give a whole number of characters from 1 to 1000000")],
        "CInterfaceError": [CInterfaceError.nullArgument("text"), CInterfaceError.invalidUTF8("title"), CInterfaceError.emptyDocument,
                            CInterfaceError.invalidArgument("max_chars is -5: give a positive budget"),
                            CInterfaceError.model("/m/x.dsmodel: not a DocSift topic model file"),
                            CInterfaceError.internal("out of memory for the result")],
    ]

    /// Error types that never reach a caller, and why.
    static let internalOnly: [String: String] = [
        "StopReading": "control flow inside BulkOptions",
        "InvalidMaxCharacters": "thrown while a request is decoded, turned into RequestError.invalidField",
        "EndOfData": "BinaryReader's end of data, turned into ModelFileError.truncated",
        "Problem": "BinaryContainer's problem, turned into ModelFileError or BackgroundIDFError",
        "Failure": "FileSystemReason's reason, carried by ModelFileError/BackgroundIDFError/ClassifierError",
        "OutputError": "the docsift executable's write error; FaultCLITests check its message (full, closed output)",
    ]

    @Test func everyErrorTypeIsLocalizedAndOneLine() {
        for (type, errors) in Self.samples {
            for error in errors {
                let message = error.localizedDescription
                #expect((error as? any LocalizedError)?.errorDescription == message, "\(type)")
                #expect(message == error.description, "\(type): \(message)")
                #expect(!message.isEmpty && !message.contains("\n"), "\(type): \(message)")
                #expect(!message.contains("The operation could not be completed"), "\(type): \(message)")
                #expect(!message.contains("error 0") && !message.contains("NSCocoaErrorDomain"), "\(type): \(message)")
            }
        }
    }

    /// Every error type declared in `Sources/` has samples above (or is listed as internal),
    /// so a new error type cannot skip the vocabulary.
    @Test func theSamplesCoverEveryErrorTypeInTheSources() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let declaration = try Regex(#"(?m)^\s*(?:public |package |private |fileprivate )?(?:enum|struct|class) (\w+)(?:<[^>]*>)?\s*:[^{]*\bError\b"#)
        var declared = Set<String>()
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) {
                if let name = match.output[1].substring { declared.insert(String(name)) }
            }
        }
        #expect(declared.count >= 13)
        let covered = Set(Self.samples.keys).union(Self.internalOnly.keys)
        #expect(declared.subtracting(covered).isEmpty, "error types without samples: \(declared.subtracting(covered).sorted())")
    }

    @Test func readingAFolderDeviceOrMissingFileGivesTheSystemsReason() {
        for (path, reason) in [("/tmp", "it is a directory"), ("/dev/zero", "it is not a regular file"),
                               ("/nonexistent/x.bin", "no such file or directory")] {
            let url = URL(fileURLWithPath: path)
            let failures: [(any Error)?] = [ErrorVocabularyTests.failure { _ = try BackgroundIDF(contentsOf: url) },
                                            ErrorVocabularyTests.failure { _ = try TopicModel.load(from: url) },
                                            ErrorVocabularyTests.failure { _ = try TopicProfiles.load(from: url) }]
            for failure in failures {
                guard let error = failure else {
                    Issue.record("\(path) loaded")
                    continue
                }
                let message = error.localizedDescription
                #expect(message.contains(path) && message.contains(reason), "\(message)")
                #expect(message.components(separatedBy: path).count == 2, "path named once: \(message)")
                #expect(!message.contains("The operation could not be completed") && !message.contains("have permission"), "\(message)")
            }
        }
    }

    /// The error `body` throws, or `nil`.
    static func failure(_ body: () throws -> Void) -> (any Error)? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }
}
