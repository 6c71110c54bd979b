import Foundation
import Testing

@Suite("Help text")
struct HelpTextCLITests {
    /// The lines from the one starting `OPENBLAS_CORETYPE=Prescott docsift train` through the
    /// one holding `--out Models/default-topics.dsmodel`, trimmed.
    static func rebuildCommand(in text: String) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(where: { $0.hasPrefix("OPENBLAS_CORETYPE=Prescott docsift train") }),
              let last = lines[first...].firstIndex(where: { $0.contains("--out Models/default-topics.dsmodel") })
        else { return nil }
        return Array(lines[first...last])
    }

    /// One shell command from continuation lines: each ` \` ending joins the next line.
    static func joined(_ lines: [String]) -> String {
        lines.map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : $0 }.joined(separator: " ")
    }

    /// `docsift help train` at 80 columns shows the model's rebuild command as lines a shell
    /// takes when pasted (none re-wrapped: every line but the last ends in ` \`), and it is the
    /// README's rebuild command.
    @Test func trainHelpShowsThePasteableRebuildCommand() throws {
        let output = try CLIRunner.shell("COLUMNS=80 \"$DOCSIFT\" help train")
        #expect(output.status == 0, "\(output.stderr)")
        let help = try #require(Self.rebuildCommand(in: output.stdout), "no rebuild command in:\n\(output.stdout)")
        #expect(help.count > 1)
        for line in help.dropLast() {
            #expect(line.hasSuffix(" \\"), "re-wrapped line in `docsift help train`: \(line)")
        }
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let documented = try #require(Self.rebuildCommand(in: readme), "no rebuild command in README.md")
        #expect(Self.joined(help) == Self.joined(documented))
    }
}
