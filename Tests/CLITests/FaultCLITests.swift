import Foundation
import Testing

/// Issue #17: nothing lost, nothing corrupted — output faults, bounded input, and input that
/// used to be read silently wrong. Each case reproduces a failure of the earlier build.
@Suite("Faults and hostile input", .serialized)
struct FaultCLITests {
    /// Three records, the second one bad, so a diagnostic is printed.
    static let mixed = FaultCLITests.file("mixed.jsonl", """
        {"id":"a","text":"镇党委组织党员志愿者走进村里宣讲党的二十大精神。"}
        {"id":"b"}
        {"id":"c","text":"矿山企业开展安全生产隐患排查整治。"}

        """)

    static func file(_ name: String, _ text: String) -> String {
        file(name, bytes: Array(text.utf8))
    }

    static func file(_ name: String, bytes: [UInt8]) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-faults-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try? Data(bytes).write(to: url)
        return url.path
    }

    /// Every line of `text` is a whole JSON object.
    static func allWholeRecords(_ text: String) -> Bool {
        text.hasSuffix("\n") && text.split(separator: "\n").allSatisfy {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any]
        }
    }

    @Test("a full, closed or dead standard error loses no result", arguments: ["2>/dev/full", "2>&-", "2>$PIPE"])
    func deadStandardError(redirection: String) throws {
        let target = FaultCLITests.mixed + ".\(redirection.utf8.count).out"
        // $PIPE: a FIFO whose only reader has gone by the time anything is written.
        let prelude = redirection.contains("$PIPE") ? "PIPE=\(target).fifo; rm -f $PIPE; mkfifo $PIPE; (exec 5<$PIPE) &" : ""
        let out = try CLIRunner.shell("""
            \(prelude)
            "$DOCSIFT" label \(FaultCLITests.mixed) --threads 2 > \(target) \(redirection); echo "rc=$?"; wait
            """)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 3, "\(out.stdout) \(out.stderr)")
        #expect(FaultCLITests.allWholeRecords(written))
        #expect(out.stdout.contains("rc=0"))
    }

    @Test func fullStandardOutputIsAWriteErrorWithExitOne() throws {
        let out = try CLIRunner.shell(#""$DOCSIFT" label "# + FaultCLITests.mixed + " > /dev/full")
        #expect(out.status == 1)
        #expect(out.stderr == "Error: write error: No space left on device\n")
    }

    @Test func closedStandardOutputIsAWriteErrorWithExitOne() throws {
        let out = try CLIRunner.shell(#""$DOCSIFT" label "# + FaultCLITests.mixed + " >&-")
        #expect(out.status == 1)
        #expect(out.stderr.contains("write error: standard output is closed"))
    }

    @Test func standardInputThatIsADirectoryOrClosedIsAnError() throws {
        let directory = try CLIRunner.shell(#""$DOCSIFT" label < /tmp"#)
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("standard input: cannot read: it is a directory"))
        let closed = try CLIRunner.shell(#""$DOCSIFT" label <&-"#)
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("standard input: cannot read: it is closed"))
    }

    @Test func runtimeFailuresExitOneWithoutUsage() throws {
        let out = try CLIRunner.run(["label", "--model", "/nonexistent/x.dsmodel", FaultCLITests.mixed])
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("Error: /nonexistent/x.dsmodel"))
        #expect(!out.stderr.contains("USAGE"))
        let usage = try CLIRunner.run(["label", "--threads", "0"])
        #expect(usage.status == 64)
    }

    /// The issue's case made deterministic: docsift is blocked in a write into a full pipe
    /// (the pipe holds 64 KiB and the output buffer is larger, so the cut would be inside a
    /// record) when SIGTERM arrives, and the reader only drains the pipe after the signal has
    /// had time to end the process. A process that dies on the signal leaves exactly the
    /// pipe's 64 KiB, cut mid-record (the first id is padded so that the cut also falls inside
    /// a UTF-8 character); docsift must finish the record under way and exit 143.
    @Test func sigtermWhileBlockedOnAFullPipeFinishesTheRecord() throws {
        let text = "镇党委组织党员志愿者走进村里宣讲党的二十大精神。矿山企业开展安全生产隐患排查整治，民警提醒群众提高防范电信网络诈骗意识。"
        func input(padding: Int) -> String {
            let lines = (0..<400).map { #"{"id":"r\#($0)\#($0 == 0 ? String(repeating: "x", count: padding) : "")","text":"\#(text)"}"# }
            return FaultCLITests.file("sigterm-pipe.jsonl", lines.joined(separator: "\n") + "\n")
        }
        let arguments = ["label", "--summary", "--explain", "--threads", "2"]
        let capacity = 1 << 16
        // Pad the first id so that byte 65,536 of the output is inside a multi-byte character.
        let plain = try CLIRunner.run(arguments + [input(padding: 0)])
        let full = Array(plain.stdout.utf8)
        try #require(full.count > capacity + 4096, "output too short to fill a pipe")
        var padding = 0
        while padding < 2000 && full[capacity - padding] & 0xC0 != 0x80 { padding += 1 }
        let path = input(padding: padding)

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments + [path]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading.fileDescriptor
        // Wait (a generous deadline, not a timing claim) until a thread sleeps in pipe_write
        // with the pipe full.
        var queued: CInt = 0
        var waited = 0
        while waited < 60_000 {
            _ = ioctl(reader, UInt(FIONREAD), &queued)
            if queued >= capacity && FaultCLITests.isBlockedWritingAPipe(process.processIdentifier) { break }
            usleep(10_000)
            waited += 10
        }
        try #require(queued >= capacity, "docsift never filled the pipe")
        kill(process.processIdentifier, SIGTERM)
        // Give a process that dies on the signal the time to die before the pipe is drained.
        waited = 0
        while process.isRunning && waited < 1_000 { usleep(10_000); waited += 10 }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(reader, &chunk, chunk.count)
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        process.waitUntilExit()
        let written = String(validating: received, as: UTF8.self)
        #expect(written != nil, "the output ends inside a UTF-8 character: \(received.suffix(12))")
        #expect(FaultCLITests.allWholeRecords(written ?? ""), "last: \(String(decoding: received.suffix(80), as: UTF8.self))")
        #expect(received.count > capacity)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + SIGTERM,
                "status \(process.terminationStatus), \(received.count) bytes of \(full.count)")
    }

    /// Whether a thread of process `pid` sleeps in the kernel's pipe write (Linux `wchan`);
    /// `true` where the kernel does not tell (the pipe being full is then the only sign).
    static func isBlockedWritingAPipe(_ pid: Int32) -> Bool {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        let channels = tasks.compactMap { try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/wchan", encoding: .utf8) }
        return channels.contains { $0.contains("pipe_write") } || channels.allSatisfy { $0 == "0" || $0.isEmpty }
    }

    /// `--out` naming a device: written into (a full device is a write error), never replaced
    /// by a regular file. Before, the temporary file was renamed over it: as root,
    /// `build-idf --out /dev/full` succeeded and turned /dev/full into a regular file. The test
    /// makes its own device nodes (root only), so a failure cannot damage /dev.
    @Test func outputToADeviceIsWrittenIntoNeverReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-devices-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full").path, null = folder.appendingPathComponent("null").path
        // Linux device numbers 1:7 (/dev/full) and 1:3 (/dev/null): (major << 8) | minor.
        guard mknod(full, S_IFCHR | 0o666, dev_t(0x107)) == 0, mknod(null, S_IFCHR | 0o666, dev_t(0x103)) == 0 else {
            print("skipped: making device nodes needs root")
            return
        }
        func isDevice(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR
        }
        let texts = FaultCLITests.file("idf-texts.jsonl", "{\"text\":\"矿山企业开展安全生产隐患排查整治。\"}\n")
        let onFull = try CLIRunner.run(["build-idf", texts, "--min-document-frequency", "1", "--out", full])
        #expect(onFull.status == 1)
        #expect(onFull.stderr.contains("No space left on device"), "\(onFull.stderr)")
        #expect(isDevice(full))
        let onNull = try CLIRunner.run(["build-idf", texts, "--min-document-frequency", "1", "--out", null])
        #expect(onNull.status == 0, "\(onNull.stderr)")
        #expect(isDevice(null))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }) == [])
    }

    /// A FIFO inside a directory used to block the walk for ever (no writer), so the regular
    /// files after it were never read; now it is one error record and the others are read.
    @Test func aFIFOInsideADirectoryIsAnErrorRecordNotAHang() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-fifo-dir-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(mkfifo(folder.appendingPathComponent("a.txt").path, 0o600) == 0)
        try Data("矿山企业开展安全生产隐患排查整治。".utf8).write(to: folder.appendingPathComponent("b.txt"))
        let out = try CLIRunner.shell(#"timeout 60 "$DOCSIFT" label "# + folder.path)
        #expect(out.status == 0, "\(out.stderr)")  // like any other unreadable file in a folder
        #expect(out.records.count == 2)
        #expect((out.records.first?["error"] as? String)?.contains("not a regular file") == true)
        #expect(out.records.last?["label"] as? String == "safety_production")
    }

    /// A UTF-8 byte-order mark before the first JSONL record used to make it "a key is repeated".
    @Test func aByteOrderMarkBeforeTheFirstRecordIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\",\"text\":\"矿山安全检查。\"}\r\n{\"id\":\"b\",\"text\":\"电信诈骗。\"}\r\n".utf8)
        let file = FaultCLITests.file("bom.jsonl", bytes: bytes)
        for out in [try CLIRunner.run(["label", file]), try CLIRunner.run(["label"], stdinBytes: bytes)] {
            #expect(out.status == 0, "\(out.stdout)")
            #expect(out.records.map { $0["id"] as? String } == ["a", "b"])
        }
    }

    @Test func anEndlessLineIsOneErrorRecordAndReadingResynchronises() throws {
        var bytes = Array(#"{"id":"a","text":"矿山安全检查。"}"#.utf8) + [0x0A]
        bytes += [UInt8](repeating: 0x78, count: 300_000) + [0x0A]
        bytes += Array(#"{"id":"b","text":"矿山安全检查。"}"#.utf8) + [0x0A]
        let out = try CLIRunner.run(["label", "--max-record-bytes", "100K"], stdinBytes: bytes)
        let records = out.records
        #expect(records.map { $0["id"] as? String } == ["a", "stdin:2", "b"])
        #expect((records[1]["error"] as? String)?.contains("larger than the maximum record size of 102400 bytes") == true)
        let file = FaultCLITests.file("big.txt", String(repeating: "矿山安全检查。", count: 10_000))
        let tooBig = try CLIRunner.run(["label", "--max-record-bytes", "64K", file])
        #expect((tooBig.records.first?["error"] as? String)?.contains("maximum record size") == true)
    }

    @Test func largeNumericIdsAndLabelsAreKeptAsWritten() throws {
        let out = try CLIRunner.run(["label"], stdin: """
            {"id":1234567890123456789,"text":"矿山安全检查。"}
            {"id":true,"text":"矿山安全检查。"}
            {"id":12.50,"text":"矿山安全检查。","extra":{"deep":[1,{"x":null}]}}

            """)
        #expect(out.records.map { $0["id"] as? String } == ["1234567890123456789", "stdin:2", "12.50"])
        #expect(out.records[1]["error"] as? String == "id is not a string or number")
    }

    @Test func oneMissingPathDoesNotStopTheOthers() throws {
        let out = try CLIRunner.run(["label", "/nonexistent/a.txt", FaultCLITests.mixed])
        #expect(out.status == 1)
        #expect(out.records.map { $0["id"] as? String } == ["/nonexistent/a.txt", "a", "b", "c"])
        #expect(out.stderr.contains("cannot read /nonexistent/a.txt: no such file or directory"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docsift-loop-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("self").path,
                                                    withDestinationPath: folder.path)
        try? FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop.txt").path,
                                                    withDestinationPath: folder.appendingPathComponent("loop.txt").path)
        try Data("矿山安全检查。".utf8).write(to: folder.appendingPathComponent("ok.txt"))
        let walked = try CLIRunner.run(["label", folder.path])
        #expect(walked.records.count == 2)
        #expect((walked.records.first { ($0["id"] as? String)?.hasSuffix("loop.txt") == true }?["error"] as? String)?
            .contains("symbolic links") == true)
    }

    @Test func devStdinAndFIFOsAreStreams() throws {
        let out = try CLIRunner.shell(#""$DOCSIFT" label /dev/stdin < "# + FaultCLITests.mixed)
        #expect(out.records.map { $0["id"] as? String } == ["a", "b", "c"])
        let fifo = FaultCLITests.mixed + ".fifo"
        unlink(fifo)
        mkfifo(fifo, 0o600)
        let viaFIFO = try CLIRunner.shell("cat \(FaultCLITests.mixed) > \(fifo) & \"$DOCSIFT\" label \(fifo); wait")
        #expect(viaFIFO.records.map { $0["id"] as? String } == ["a", "b", "c"])
    }

    @Test func aPageOfOnlyInvisibleCharactersIsReported() throws {
        let page = FaultCLITests.file("invisible.txt", "\u{200B}\u{FEFF}\u{0007}\n\u{200B}\n")
        let out = try CLIRunner.run(["split", page])
        #expect(out.records.count == 1)
        #expect(out.records.first?["error"] as? String == "empty document")
    }

    @Test func blankLineFloodsStillGetASummary() throws {
        let text = String(repeating: "\n", count: 200_000) + "镇党委组织党员志愿者走进村里宣讲党的二十大精神。村民们纷纷表示收获很大。"
        let line = String(data: try JSONSerialization.data(withJSONObject: ["id": "flood", "text": text]), encoding: .utf8) ?? ""
        let out = try CLIRunner.run(["summarize"], stdin: line + "\n")
        #expect((out.records.first?["summary"] as? String)?.isEmpty == false)
    }

    @Test func minHumanScoreDropsUnscoredRecordsAndSaysHowMany() throws {
        let data = FaultCLITests.file("scored.jsonl", """
            {"id":"1","text":"镇党委组织党员志愿者走进村里宣讲党的二十大精神。","summary":"宣讲精神","human_score":4}
            {"id":"2","text":"矿山企业开展安全生产隐患排查整治。","summary":"隐患排查","human_score":1}
            {"id":"3","text":"民警提醒群众提高防范电信网络诈骗意识。","summary":"防范诈骗"}

            """)
        let out = try CLIRunner.run(["eval-summary", data, "--max-chars", "30", "--min-human-score", "3", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.records.first?["documents"] as? Int == 1)
        #expect(out.stderr.contains("dropped 1 record(s) scored lower and 1 without a human_score"))
    }

    @Test func trainingOnEmptyTextsIsAnError() throws {
        let data = FaultCLITests.file("empty-train.jsonl", """
            {"text":"","label":"a"}
            {"text":"  ","label":"b"}

            """)
        let out = try CLIRunner.run(["train", data, "--out", data + ".dsmodel"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("every example's text is empty"))
        #expect(!FileManager.default.fileExists(atPath: data + ".dsmodel"))
    }

    @Test func aCoProcessGetsEachAnswerWithoutClosingItsInput() throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["label", "-", "--threads", "2"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { try? input.fileHandleForWriting.close(); process.waitUntilExit() }
        let reader = output.fileHandleForReading.fileDescriptor
        for k in 0..<3 {
            input.fileHandleForWriting.write(Data(#"{"id":"q\#(k)","text":"矿山企业开展安全生产隐患排查整治。"}"#.utf8 + [0x0A]))
            // Wait (at most a generous deadline, not a timing claim) for the answer line.
            var line: [UInt8] = []
            while line.last != 0x0A {
                var request = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 10_000) > 0 else { break }
                var byte: UInt8 = 0
                guard read(reader, &byte, 1) == 1 else { break }
                line.append(byte)
            }
            #expect(String(decoding: line, as: UTF8.self).hasPrefix(#"{"id":"q\#(k)","label":"safety_production""#))
        }
    }
}
