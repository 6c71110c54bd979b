// The entry points of `include/docsift.h`. Each converts its C arguments with the checked
// helpers of `CStrings`, calls `ModelHandle`, and reports the outcome as a `docsift_status`
// with a message; none holds logic of its own. These are the only declarations of the
// module that take pointers, because they are the C interface.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interface version `docsift.h` declares as `DOCSIFT_ABI_VERSION`.
let abiVersion: Int32 = 1

/// `docsift_version`: a static, NUL-terminated description of the library and interface;
/// the version is `DocSiftRelease.version` (a C string must be static, so it is spelled out
/// here; the Python tests check that the two agree).
private let versionText: StaticString = "docsift-c 0.1.0 (abi 1)"

/// Returns `"docsift-c <version> (abi <N>)"`, a static string the caller never frees.
@_cdecl("docsift_version")
public func docsift_version() -> UnsafePointer<CChar> {
    UnsafeRawPointer(versionText.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// Returns the interface version the library implements (`DOCSIFT_ABI_VERSION`).
@_cdecl("docsift_abi_version")
public func docsift_abi_version() -> Int32 {
    abiVersion
}

/// Opens a model and IDF (NULL paths: the shipped defaults) into `*outModel`.
@_cdecl("docsift_open")
public func docsift_open(
    _ modelPath: UnsafePointer<CChar>?, _ idfPath: UnsafePointer<CChar>?,
    _ outModel: UnsafeMutablePointer<OpaquePointer?>?, _ outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    outModel?.pointee = nil
    return reporting(to: outError) {
        guard let outModel else { throw CInterfaceError.nullArgument("out_model") }
        let handle = try ModelHandle(modelPath: CStrings.optionalPath(modelPath, argument: "model_path"),
                                     idfPath: CStrings.optionalPath(idfPath, argument: "idf_path"))
        outModel.pointee = OpaquePointer(Unmanaged.passRetained(handle).toOpaque())
    }
}

/// Releases a model opened by `docsift_open` (NULL is ignored).
@_cdecl("docsift_close")
public func docsift_close(_ model: OpaquePointer?) {
    guard let model else { return }
    Unmanaged<ModelHandle>.fromOpaque(UnsafeRawPointer(model)).release()
}

/// Labels one document into `*outJSON` (see `docsift.h`).
@_cdecl("docsift_label")
public func docsift_label(
    _ model: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ textLength: Int,
    _ title: UnsafePointer<CChar>?, _ titleLength: Int, _ withSummary: Int32,
    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    producing(into: outJSON, errorTo: outError) {
        let (handle, text, title) = try arguments(model, text, textLength, title, titleLength)
        return try handle.label(text, title: title, withSummary: withSummary != 0)
    }
}

/// Summarizes one document into `*outJSON` (see `docsift.h`).
@_cdecl("docsift_summarize")
public func docsift_summarize(
    _ model: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ textLength: Int,
    _ title: UnsafePointer<CChar>?, _ titleLength: Int, _ maxChars: Int32,
    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    producing(into: outJSON, errorTo: outError) {
        let (handle, text, title) = try arguments(model, text, textLength, title, titleLength)
        return try handle.summarize(text, title: title, maxCharacters: Int(maxChars))
    }
}

/// Releases a string returned by the library (NULL is ignored).
@_cdecl("docsift_free")
public func docsift_free(_ string: UnsafeMutablePointer<CChar>?) {
    free(string)
}

// MARK: - Argument and outcome plumbing shared by the entry points

/// The model, text and title of a per-document call, checked.
private func arguments(
    _ model: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ textLength: Int,
    _ title: UnsafePointer<CChar>?, _ titleLength: Int
) throws -> (ModelHandle, String, String?) {
    guard let model else { throw CInterfaceError.nullArgument("model") }
    guard text != nil || textLength == 0 else { throw CInterfaceError.nullArgument("text") }
    guard textLength >= 0, titleLength >= 0 else { throw CInterfaceError.invalidArgument("a length is larger than the address space") }
    let handle = Unmanaged<ModelHandle>.fromOpaque(UnsafeRawPointer(model)).takeUnretainedValue()
    let title = try title.map { try CStrings.text($0, length: titleLength, argument: "title") }
    return (handle, try CStrings.text(text, length: textLength, argument: "text"), title)
}

/// Runs `body`, storing its string result in `*outJSON`.
private func producing(
    into outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    errorTo outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: () throws -> String
) -> Int32 {
    outJSON?.pointee = nil
    return reporting(to: outError) {
        guard let outJSON else { throw CInterfaceError.nullArgument("out_json") }
        let result = try body()
        guard let copy = CStrings.copy(result) else { throw CInterfaceError.internal("out of memory for the result") }
        outJSON.pointee = copy
    }
}

/// Runs `body`; returns `DOCSIFT_OK`, or the error's status with its message in `*outError`.
private func reporting(to outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: () throws -> Void) -> Int32 {
    outError?.pointee = nil
    do {
        try body()
        return 0
    } catch let error as CInterfaceError {
        outError?.pointee = CStrings.copy(error.errorDescription ?? "docsift error \(error.status)")
        return error.status
    } catch {
        let wrapped = CInterfaceError.internal("\(error)")
        outError?.pointee = CStrings.copy(wrapped.errorDescription ?? "internal error")
        return wrapped.status
    }
}
