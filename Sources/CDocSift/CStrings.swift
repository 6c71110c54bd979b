#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checked conversions between C strings and Swift strings at the C boundary.
enum CStrings {
    /// The UTF-8 text at `pointer` (`length` bytes, NUL allowed); `nil` pointer and
    /// `length == 0` is the empty text.
    /// - Throws: ``CInterfaceError/nullArgument(_:)`` for a NULL pointer with a length,
    ///   ``CInterfaceError/invalidUTF8(_:)`` when the bytes are not UTF-8.
    static func text(_ pointer: UnsafePointer<CChar>?, length: Int, argument: String) throws -> String {
        guard length > 0 else { return "" }
        guard let pointer else { throw CInterfaceError.nullArgument(argument) }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CInterfaceError.invalidUTF8(argument) }
        return text
    }

    /// The NUL-terminated UTF-8 string at `pointer`, or `nil` for a NULL pointer.
    /// - Throws: ``CInterfaceError/invalidUTF8(_:)`` when the bytes are not UTF-8.
    static func optionalPath(_ pointer: UnsafePointer<CChar>?, argument: String) throws -> String? {
        guard let pointer else { return nil }
        return try text(pointer, length: strlen(pointer), argument: argument)
    }

    /// A copy of `string` in memory from `malloc`, NUL-terminated, for the caller to release
    /// with `docsift_free`; `nil` only when memory is exhausted.
    static func copy(_ string: String) -> UnsafeMutablePointer<CChar>? {
        var string = string
        return string.withUTF8 { bytes in
            guard let memory = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
            if let base = bytes.baseAddress {
                memcpy(memory, base, bytes.count)
            }
            memory[bytes.count] = 0
            return memory
        }
    }
}
