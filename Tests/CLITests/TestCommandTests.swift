import Foundation
import Testing

/// Issue #19 item 5: `swift test` printed "Executed 0 tests" before the real run. SwiftPM runs
/// the XCTest runner and then Swift Testing; these tests are all Swift Testing, so the XCTest
/// pass is empty. The test command turns it off.
@Suite("The test command")
struct TestCommandTests {
    @Test func noTestTargetUsesXCTestAndTheTestCommandSkipsItsEmptyRun() throws {
        let root = CLIRunner.packageRoot
        let tests = try #require(FileManager.default.enumerator(at: root.appendingPathComponent("Tests"), includingPropertiesForKeys: nil))
        for case let file as URL in tests where file.pathExtension == "swift" {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("import " + "XCTest"), "\(file.lastPathComponent)")
        }
        let script = try String(contentsOf: root.appendingPathComponent("scripts/test.sh"), encoding: .utf8)
        let commands = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") }
        let runs = commands.filter { $0.hasPrefix("swift test") || $0.contains(" swift test ") }
        #expect(runs.count >= 2)
        #expect(runs.allSatisfy { $0.contains("--disable-xctest") }, "\(runs)")
    }
}
