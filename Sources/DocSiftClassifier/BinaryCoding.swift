/// Appends little-endian numbers and length-prefixed strings to a byte buffer.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Float) { write(value.bitPattern) }

    mutating func write(_ values: [Float]) { for value in values { write(value) } }

    mutating func write(_ string: String) {
        let utf8 = Array(string.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``BinaryWriter`` wrote; every read checks the remaining length.
struct BinaryReader {
    /// Thrown when a read runs past the end.
    struct EndOfData: Error {}

    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    mutating func readByte() throws -> UInt8 {
        guard remaining >= 1 else { throw EndOfData() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt32() throws -> UInt32 {
        guard remaining >= 4 else { throw EndOfData() }
        var value: UInt32 = 0
        for k in 0..<4 { value |= UInt32(bytes[position + k]) << (8 * UInt32(k)) }
        position += 4
        return value
    }

    mutating func readUInt64() throws -> UInt64 {
        guard remaining >= 8 else { throw EndOfData() }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
        position += 8
        return value
    }

    mutating func readFloat() throws -> Float { Float(bitPattern: try readUInt32()) }

    mutating func readFloats(_ count: Int) throws -> [Float] {
        guard count >= 0, remaining >= count * 4 else { throw EndOfData() }
        var values = [Float](repeating: 0, count: count)
        for k in 0..<count { values[k] = try readFloat() }
        return values
    }

    mutating func readString() throws -> String? {
        let length = Int(try readUInt32())
        guard remaining >= length else { throw EndOfData() }
        defer { position += length }
        return String(validating: bytes[position..<(position + length)], as: UTF8.self)
    }
}
