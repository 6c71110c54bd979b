import Foundation
import Testing

/// `docsift label --uncertain N` on real headlines: uncertain documents, not a redundant batch.
@Suite("docsift label --uncertain")
struct UncertainSelectionCLITests {
    static let headlines = CLIRunner.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/nlpcc2017_headlines/headlines.jsonl")

    /// Character bigrams of a headline's runs of letters and ideographs.
    static func bigrams(_ text: String) -> Set<String> {
        var result = Set<String>()
        let characters = Array(text)
        for i in characters.indices.dropLast() where characters[i].isLetter && characters[i + 1].isLetter {
            result.insert(String(characters[i...i + 1]))
        }
        return result
    }

    /// A model trained on 300 NLPCC headlines picks 40 of the next 2,000: all among the 200
    /// least certain (4N candidates, plus a band for scores rounded in JSON); together they
    /// hold more distinct bigrams than the 40 least certain (the picks are spread over what
    /// the model does not know, not 40 variants of one confusion); and they cover at least
    /// 1.6 times as many recurring new bigrams (in 5 or more of the 2,000, none of the 300)
    /// as the 40 least certain. The selection before (2N candidates, `log(df)` weights)
    /// covered 52 against 38 (1.37 times), this one 69. The same input gives the same picks.
    @Test func picksUncertainHeadlinesThatCoverMoreText() throws {
        guard let data = try? String(contentsOf: UncertainSelectionCLITests.headlines, encoding: .utf8) else {
            print("skipped: \(UncertainSelectionCLITests.headlines.path) not found (the public corpora live in ../shared/data)")
            return
        }
        let train = data.split(separator: "\n").filter { $0.contains("\"split\": \"train\"") }
        #expect(train.count == 28_800)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-uncertain-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let labeled = folder.appendingPathComponent("labeled.jsonl"), model = folder.appendingPathComponent("m.dsmodel")
        try (train.prefix(300).joined(separator: "\n") + "\n").write(to: labeled, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["train", labeled.path, "--out", model.path]).status == 0)
        let archive = train.dropFirst(300).prefix(2_000).joined(separator: "\n") + "\n"
        var text: [String: String] = [:]
        for line in train.dropFirst(300).prefix(2_000) {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            text[try #require(record["id"] as? String)] = try #require(record["text"] as? String)
        }

        let all = try CLIRunner.run(["label", "--model", model.path], stdin: archive)
        // The decision margin of a model without an abstain label: the gap between the two
        // most probable labels (scores are rounded in JSON, hence the wide band below).
        let byMargin = all.records.compactMap { record -> (id: String, margin: Double)? in
            guard let id = record["id"] as? String, let scores = record["scores"] as? [String: Double] else { return nil }
            let top = scores.values.sorted(by: >)
            return (id, top[0] - top[1])
        }.sorted { $0.margin < $1.margin }
        #expect(byMargin.count == 2_000)

        let picked = try CLIRunner.run(["label", "--model", model.path, "--uncertain", "40"], stdin: archive)
        let again = try CLIRunner.run(["label", "--model", model.path, "--uncertain", "40", "--threads", "1"], stdin: archive)
        #expect(picked.status == 0 && picked.stdout == again.stdout)
        let ids = picked.records.compactMap { $0["id"] as? String }
        #expect(ids.count == 40 && Set(ids).count == 40)
        let leastCertain = Set(byMargin.prefix(200).map(\.id))
        #expect(ids.allSatisfy { leastCertain.contains($0) })

        let union: ([String]) -> Set<String> = { ids in ids.reduce(into: Set<String>()) { $0.formUnion(UncertainSelectionCLITests.bigrams(text[$1] ?? "")) } }
        let plain = union(byMargin.prefix(40).map(\.id)).count
        #expect(union(ids).count > plain + plain / 20, "picked \(union(ids).count) distinct bigrams, the 40 least certain \(plain)")

        // Recurring new text: bigrams in at least 5 of the 2,000 archive headlines and in none
        // of the 300 the model was trained on.
        var known = Set<String>()
        for line in train.prefix(300) {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            known.formUnion(UncertainSelectionCLITests.bigrams(try #require(record["text"] as? String)))
        }
        var frequency: [String: Int] = [:]
        for headline in text.values { for bigram in UncertainSelectionCLITests.bigrams(headline) { frequency[bigram, default: 0] += 1 } }
        let recurringNew: ([String]) -> Int = { ids in union(ids).filter { !known.contains($0) && frequency[$0, default: 0] >= 5 }.count }
        let pickedRecurring = recurringNew(ids), plainRecurring = recurringNew(byMargin.prefix(40).map(\.id))
        #expect(pickedRecurring * 10 >= plainRecurring * 16,
                "picked \(pickedRecurring) recurring new bigrams, the 40 least certain \(plainRecurring)")
    }

    /// Labeling in rounds: `--exclude` names the picks of an earlier round, which are then
    /// never picked again, while the round still picks N. Without `--uncertain` it is a usage
    /// error, and a missing file is an error that names it.
    @Test func aSecondRoundExcludesTheFirstRoundsPicks() throws {
        guard let data = try? String(contentsOf: UncertainSelectionCLITests.headlines, encoding: .utf8) else {
            print("skipped: \(UncertainSelectionCLITests.headlines.path) not found (the public corpora live in ../shared/data)")
            return
        }
        let train = data.split(separator: "\n").filter { $0.contains("\"split\": \"train\"") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-rounds-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let labeled = folder.appendingPathComponent("labeled.jsonl"), model = folder.appendingPathComponent("m.dsmodel")
        let firstRound = folder.appendingPathComponent("round-1.jsonl")
        try (train.prefix(300).joined(separator: "\n") + "\n").write(to: labeled, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["train", labeled.path, "--out", model.path]).status == 0)
        let archive = train.dropFirst(300).prefix(2_000).joined(separator: "\n") + "\n"

        let first = try CLIRunner.run(["label", "--model", model.path, "--uncertain", "40"], stdin: archive)
        try first.stdout.write(to: firstRound, atomically: true, encoding: .utf8)
        let second = try CLIRunner.run(["label", "--model", model.path, "--uncertain", "40", "--exclude", firstRound.path], stdin: archive)
        #expect(second.status == 0, "\(second.stderr)")
        let firstIDs = Set(first.records.compactMap { $0["id"] as? String })
        let secondIDs = Set(second.records.compactMap { $0["id"] as? String })
        #expect(firstIDs.count == 40 && secondIDs.count == 40)
        #expect(firstIDs.isDisjoint(with: secondIDs))

        // These two stop before reading: the archive goes by path, not through a pipe.
        let archiveFile = folder.appendingPathComponent("archive.jsonl")
        try archive.write(to: archiveFile, atomically: true, encoding: .utf8)
        let alone = try CLIRunner.run(["label", archiveFile.path, "--model", model.path, "--exclude", firstRound.path])
        #expect(alone.status == 64 && alone.stderr.contains("--exclude only applies to --uncertain N"), "\(alone.stderr)")
        let missing = folder.appendingPathComponent("no-such-round.jsonl").path
        let absent = try CLIRunner.run(["label", archiveFile.path, "--model", model.path, "--uncertain", "5", "--exclude", missing])
        #expect(absent.status == 1 && absent.stderr.contains("\(missing): cannot read: no such file or directory (an --exclude file"), "\(absent.stderr)")
    }
}
