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

    mutating func write(_ values: [Float]) { writeLittleEndian(values) }

    mutating func write(_ values: [UInt64]) { writeLittleEndian(values) }

    /// Appends fixed-width numbers in one copy on little-endian machines.
    private mutating func writeLittleEndian<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    private mutating func writeLittleEndian(_ values: [Float]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { write(value) }
        #endif
    }

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
    /// Reads stop here (exclusive).
    let end: Int

    /// A reader of `bytes[position..<end]` (`end` defaults to the whole buffer).
    init(_ bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { end - position }

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
        try readUInt32s(count).map { Float(bitPattern: $0) }
    }

    mutating func readUInt32s(_ count: Int) throws -> [UInt32] { try readLittleEndian(count) }

    mutating func readUInt64s(_ count: Int) throws -> [UInt64] { try readLittleEndian(count) }

    /// Reads `count` fixed-width numbers in one copy on little-endian machines.
    private mutating func readLittleEndian<T: FixedWidthInteger>(_ count: Int) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count >= 0, count <= remaining / size else { throw EndOfData() }
        let start = position
        position += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + count * size)]))
            }
            #if !_endian(little)
            for k in 0..<count { buffer[k] = T(littleEndian: buffer[k]) }
            #endif
            initialized = count
        }
    }

    mutating func readString() throws -> String? {
        let length = Int(try readUInt32())
        guard remaining >= length else { throw EndOfData() }
        defer { position += length }
        return String(validating: bytes[position..<(position + length)], as: UTF8.self)
    }
}
