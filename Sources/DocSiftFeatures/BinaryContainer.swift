/// The envelope of DocSift's binary files (the topic model and the background IDF):
///
/// ```
/// magic        8 bytes  names the kind of file
/// version      u32      little-endian, the payload's format version
/// payloadSize  u64      little-endian
/// payload      payloadSize bytes
/// checksum     u64      FNV-1a 64 of every byte before it (magic, version, size, payload)
/// ```
///
/// The checksum covers the header too, so one flipped bit anywhere is caught. Version-1
/// model files summed the payload alone; ``open(_:magic:versions:payloadOnlyChecksum:)``
/// still reads them.
package enum BinaryContainer {
    /// Bytes before the payload.
    package static let headerSize = 8 + 4 + 8
    /// Bytes after the payload (the checksum).
    package static let trailerSize = 8

    /// Why bytes are not a valid container.
    package enum Problem: Error, Equatable, Sendable {
        /// The bytes do not start with the expected magic.
        case wrongMagic
        /// The bytes end before the declared content.
        case truncated
        /// The version is not one this build reads.
        case unsupportedVersion(UInt32)
        /// The checksum does not match: the file is corrupt.
        case checksumMismatch
        /// Bytes follow the checksum.
        case trailingBytes(Int)
    }

    /// `payload` in an envelope of the given magic and version.
    package static func wrap(_ payload: [UInt8], magic: [UInt8], version: UInt32) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(headerSize + payload.count + trailerSize)
        appendLittleEndian(UInt64(version), byteCount: 4, to: &bytes)
        appendLittleEndian(UInt64(payload.count), byteCount: 8, to: &bytes)
        bytes += payload
        appendLittleEndian(FNV1a64.hash(bytes), byteCount: 8, to: &bytes)
        return bytes
    }

    /// The same envelope as ``wrap(_:magic:version:)``, built in one buffer: `appendPayload`
    /// appends the payload after the header (a large model is never held twice).
    package static func build(magic: [UInt8], version: UInt32, payloadCapacity: Int,
                              _ appendPayload: (inout [UInt8]) -> Void) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(headerSize + payloadCapacity + trailerSize)
        appendLittleEndian(UInt64(version), byteCount: 4, to: &bytes)
        appendLittleEndian(0, byteCount: 8, to: &bytes)
        let start = bytes.count
        appendPayload(&bytes)
        let size = UInt64(bytes.count - start)
        for k in 0..<8 { bytes[start - 8 + k] = UInt8(truncatingIfNeeded: size >> (8 * UInt64(k))) }
        appendLittleEndian(FNV1a64.hash(bytes), byteCount: 8, to: &bytes)
        return bytes
    }

    /// The version and payload range of a container, after checking magic, version,
    /// sizes and checksum. Versions in `payloadOnlyChecksum` are checked the old way (the
    /// checksum over the payload alone).
    package static func open(_ bytes: [UInt8], magic: [UInt8], versions: [UInt32],
                             payloadOnlyChecksum: [UInt32] = []) throws(Problem) -> (version: UInt32, payload: Range<Int>) {
        guard bytes.count >= magic.count else {
            throw !bytes.isEmpty && magic.starts(with: bytes) ? .truncated : .wrongMagic
        }
        guard bytes[0..<magic.count].elementsEqual(magic) else { throw .wrongMagic }
        guard bytes.count >= headerSize else { throw .truncated }
        let version = UInt32(truncatingIfNeeded: littleEndian(bytes, at: 8, byteCount: 4))
        guard versions.contains(version) else { throw .unsupportedVersion(version) }
        let size = littleEndian(bytes, at: 12, byteCount: 8)
        guard size <= UInt64(bytes.count - headerSize) else { throw .truncated }
        let end = headerSize + Int(size)
        guard bytes.count - end >= trailerSize else { throw .truncated }
        guard bytes.count - end == trailerSize else { throw .trailingBytes(bytes.count - end - trailerSize) }
        let summed = payloadOnlyChecksum.contains(version) ? bytes[headerSize..<end] : bytes[0..<end]
        guard littleEndian(bytes, at: end, byteCount: 8) == FNV1a64.hash(summed) else { throw .checksumMismatch }
        return (version, headerSize..<end)
    }

    /// Appends the low `byteCount` bytes of `value`, least significant first.
    package static func appendLittleEndian(_ value: UInt64, byteCount: Int, to bytes: inout [UInt8]) {
        for k in 0..<byteCount { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * k))) }
    }

    /// The little-endian number in `bytes[offset..<offset + byteCount]` (the caller checked the length).
    package static func littleEndian(_ bytes: [UInt8], at offset: Int, byteCount: Int) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<byteCount { value |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        return value
    }

    /// Appends `value` as a LEB128 varint (7 bits a byte, least significant first).
    package static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
