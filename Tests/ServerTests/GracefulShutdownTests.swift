import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("docsift serve as a process: SIGTERM lets the request in flight finish")
struct GracefulShutdownTests {
    @Test func sigtermFinishesTheRequestInFlightThenExitsZero() async throws {
        let process = Process()
        process.executableURL = TestSupport.docsiftBinary
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = TestSupport.packageRoot
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line of standard output names the chosen port.
        var firstLine = [UInt8]()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { firstLine.append(byte) }
        let line = String(decoding: firstLine, as: UTF8.self)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0) }, "first line: \(line)")
        #expect(line.hasPrefix("listening on 127.0.0.1:"))

        // Send the head and half of the body, then SIGTERM, then the rest: the request is in
        // flight when the signal arrives, and must still be answered.
        let body = Array(try TestSupport.json(["documents": (0..<50).map { ["id": "d\($0)", "text": "警方提醒：近期电信诈骗高发，请勿向陌生账户转账。第\($0)篇。"] }]))
        let head = "POST /v1/label HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let socket = try LoopbackSocket(port: port)
        try socket.write(Array(head.utf8) + body[..<(body.count / 2)])
        try await Task.sleep(for: .seconds(1))
        kill(process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(300))
        try socket.write(Array(body[(body.count / 2)...]))
        let reply = String(decoding: socket.readToEnd(), as: UTF8.self)
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply.prefix(300))")
        let json = try #require(reply.range(of: "\r\n\r\n").map { reply[$0.upperBound...] })
        let results = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["results"] as? [[String: Any]]
        #expect(results?.count == 50)
        #expect(results?.allSatisfy { $0["label"] as? String == "anti_fraud" } == true)

        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let log = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("stopped"), "\(log)")
    }
}

/// A blocking TCP connection to 127.0.0.1, for sending a request in pieces.
final class LoopbackSocket {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw SocketError(call: "connect") }
    }

    deinit { close(descriptor) }

    func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { throw SocketError(call: "write") }
            sent += n
        }
    }

    func readToEnd() -> [UInt8] {
        var result = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n <= 0 { return result }
            result += buffer[..<n]
        }
    }

    struct SocketError: Error { var call: String }
}
