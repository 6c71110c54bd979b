import Foundation
import Testing

@Suite("Release version")
struct VersionCLITests {
    /// `docsift --version` prints one line, the version of the newest CHANGELOG entry.
    @Test func versionMatchesTheChangelog() throws {
        let output = try CLIRunner.run(["--version"])
        #expect(output.status == 0)
        let version = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil },
                "not MAJOR.MINOR.PATCH: \(version)")
        let changelog = try String(
            contentsOf: CLIRunner.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let newest = changelog.split(separator: "\n").first { $0.hasPrefix("## [") }
        #expect(newest?.hasPrefix("## [\(version)]") == true, "newest CHANGELOG entry: \(newest ?? "none")")
    }
}
