import DocSift
import DocSiftFeatures
import Foundation
import Testing

@Suite("Model file")
struct ModelFileTests {
    @Test func roundTripIsByteIdenticalAndPredictsTheSame() throws {
        let model = try #require(Fixtures.seedModel)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("topics.dstm")
        let second = directory.appendingPathComponent("again.dstm")
        try model.save(to: first)
        let loaded = try TopicModel.load(from: first)
        #expect(loaded == model)
        try loaded.save(to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        for example in Fixtures.seedExamples {
            #expect(loaded.classify(example.text) == model.classify(example.text))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    /// The same model as a version-3 file: the payload without the answer-confidence section
    /// (its last 13 bytes: a flag and three floats).
    static func versionThree(_ bytes: [UInt8]) throws -> [UInt8] {
        let opened = try BinaryContainer.open(bytes, magic: ModelFile.magic, versions: [4])
        return BinaryContainer.wrap(Array(bytes[opened.payload].dropLast(13)), magic: ModelFile.magic, version: 3)
    }

    @Test func versionThreeFilesLoadWithTheLabelsProbabilityAsConfidence() throws {
        let model = try #require(Fixtures.seedModel)
        #expect(model.rule.answerConfidence != nil)
        let old = try ModelFile.decode(try Self.versionThree(ModelFile.encode(model)), path: "v3.dstm")
        #expect(old.rule.answerConfidence == nil)
        for example in Fixtures.seedExamples.prefix(10) {
            let new = model.classify(example.text), before = old.classify(example.text)
            #expect(before.label == new.label && before.scores == new.scores && before.secondary == new.secondary)
            #expect(before.confidence == before.probability(of: before.label))
        }
    }

    @Test func aBadAnswerConfidenceFlagIsMalformed() throws {
        var bytes = ModelFile.encode(try #require(Fixtures.seedModel))
        let flag = bytes.count - 8 - 13
        #expect(bytes[flag] == 1)
        bytes[flag] = 7
        let checksum = FNV1a64.hash(bytes[0..<(bytes.count - 8)])
        for k in 0..<8 { bytes[bytes.count - 8 + k] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(k))) }
        #expect(throws: ModelFileError.malformed(path: "flag.dstm", reason: "bad answer-confidence flag 7")) {
            try ModelFile.decode(bytes, path: "flag.dstm")
        }
    }

    @Test func seedModelIsSmall() throws {
        let model = try #require(Fixtures.seedModel)
        #expect(ModelFile.encode(model).count < 5_000_000)
    }

    @Test func truncatedFilesAreTypedErrors() throws {
        let bytes = ModelFile.encode(try #require(Fixtures.seedModel))
        for length in [0, 3, 8, 12, 19, 20, 100, bytes.count / 2, bytes.count - 1] {
            #expect(throws: ModelFileError.self) { try ModelFile.decode(Array(bytes.prefix(length)), path: "cut.dstm") }
        }
        #expect(throws: ModelFileError.truncated(path: "cut.dstm")) {
            try ModelFile.decode(Array(bytes.prefix(bytes.count - 1)), path: "cut.dstm")
        }
    }

    @Test func corruptPayloadFailsTheChecksum() throws {
        var bytes = ModelFile.encode(try #require(Fixtures.seedModel))
        bytes[bytes.count / 2] ^= 0x40
        #expect(throws: ModelFileError.checksumMismatch(path: "bad.dstm")) { try ModelFile.decode(bytes, path: "bad.dstm") }
    }

    @Test func wrongVersionAndMagicAreNamed() throws {
        var bytes = ModelFile.encode(try #require(Fixtures.seedModel))
        bytes[8] = 99
        #expect(throws: ModelFileError.unsupportedVersion(path: "v.dstm", found: 99, supported: ModelFile.formatVersion)) {
            try ModelFile.decode(bytes, path: "v.dstm")
        }
        #expect(throws: ModelFileError.notAModel(path: "x.json")) { try ModelFile.decode(Array("{\"labels\": []}".utf8), path: "x.json") }
    }

    @Test func consistentChecksumButBadSizesIsMalformed() throws {
        // A payload whose checksum is right but whose declared feature count is wrong.
        var bytes = ModelFile.encode(try #require(Fixtures.seedModel))
        let header = 20
        let payloadEnd = bytes.count - 8
        // Feature count sits after: 4+4+1 options, label count and labels, abstain, softmax.
        var offset = header + 9
        let labelCount = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        offset += 4
        for _ in 0..<labelCount {
            let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            offset += 4 + length
        }
        offset += 8
        bytes[offset] ^= 1
        let checksum = FNV1a64.hash(bytes[0..<payloadEnd])  // version 2: the whole file
        for k in 0..<8 { bytes[payloadEnd + k] = UInt8((checksum >> (8 * UInt64(k))) & 0xFF) }
        #expect(throws: ModelFileError.self) { try ModelFile.decode(bytes, path: "sizes.dstm") }
        do {
            _ = try ModelFile.decode(bytes, path: "sizes.dstm")
        } catch let error as ModelFileError {
            guard case .malformed(let path, _) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(path == "sizes.dstm")
        }
    }

    @Test func missingFileNamesThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/docsift/model.dstm")
        #expect(throws: ModelFileError.self) { try TopicModel.load(from: url) }
        do { _ = try TopicModel.load(from: url) } catch {
            #expect("\(error)".contains("/nonexistent/docsift/model.dstm"))
        }
    }
}

@Suite("Shipped default model")
struct DefaultModelTests {
    static let url = TopicProfiles.bundledURL.deletingLastPathComponent().appendingPathComponent("default-topics.dsmodel")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: url.path), "skipped: Models/default-topics.dsmodel is absent"))
    func shippedModelLoadsAndLabelsClearTexts() throws {
        let model = try TopicModel.load(from: Self.url)
        #expect(model.labels == TopicLabel.allCases.map(\.rawValue))
        #expect(model.classify("派出所民警走进社区开展反诈宣传，提醒居民谨防刷单返利等电信网络诈骗。").label == "anti_fraud")
        #expect(model.classify("施工现场开展安全生产大检查，督促企业落实隐患排查治理。").label == "safety_production")
    }

    @Test("every model file error is one line that names the file and what to do")
    func errorsAreOneActionableLine() {
        let errors: [ModelFileError] = [
            .unreadable(path: "m.dsmodel", reason: "No such file or directory"), .notAModel(path: "m.dsmodel"),
            .unsupportedVersion(path: "m.dsmodel", found: 9, supported: 1), .truncated(path: "m.dsmodel"),
            .checksumMismatch(path: "m.dsmodel"), .malformed(path: "m.dsmodel", reason: "bad label count 0"),
            .writeFailed(path: "m.dsmodel", reason: "No space left on device"),
        ]
        for error in errors {
            let message = error.localizedDescription
            #expect(message == error.description)
            #expect(message.hasPrefix("m.dsmodel: ") && !message.contains("\n"))
            #expect(message.contains("; "), "says what to do: \(message)")
        }
        let classifierErrors: [ClassifierError] = [
            .unreadable(path: "p.json", reason: "denied"), .invalidTraining("no examples"),
            .numerical("sposv failed"), .invalidVector("feature index 9 is outside this model's 9 features"),
        ]
        for error in classifierErrors {
            #expect(error.localizedDescription == error.description && !error.description.contains("\n"))
        }
    }
}
