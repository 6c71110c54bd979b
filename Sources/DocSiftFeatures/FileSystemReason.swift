import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole model and IDF files read and written with the system's own reason on failure
/// ("no such file or directory", "it is a directory"), never Foundation's wording ("The
/// operation could not be completed", "NSCocoaErrorDomain error 256", "You don't have
/// permission" for a device).
package enum FileSystemReason {
    /// A file could not be read or written; `reason` is one lower-case clause.
    package struct Failure: Error, Equatable {
        package let reason: String
    }

    /// The bytes of the regular file at `url` ("it is a directory" or "it is not a regular
    /// file" for a folder or a device such as `/dev/zero`).
    package static func contents(of url: URL) -> Result<[UInt8], Failure> {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return .failure(Failure(reason: system(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            let what = (status.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            return .failure(Failure(reason: "it is \(what)"))
        }
        do { return .success([UInt8](try Data(contentsOf: url))) } catch { return .failure(Failure(reason: of(error))) }
    }

    /// The system's reason for a failed Foundation file operation.
    package static func of(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return system(Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return system(Int32(underlying.code))
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return system(ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return system(EACCES)
        case .fileWriteOutOfSpace: return system(ENOSPC)
        case .fileWriteVolumeReadOnly: return system(EROFS)
        default: return "the file system refused (code \(error.code))"
        }
    }

    /// `strerror(code)`, starting lower-case.
    package static func system(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "system error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
