/// This release of DocSift.
public enum DocSiftRelease {
    /// The version, in Semantic Versioning form (`MAJOR.MINOR.PATCH`); `docsift --version` prints
    /// it and `CHANGELOG.md` has an entry for it. While the major version is 0, a minor version
    /// may change the public API; file formats carry their own version numbers.
    public static let version = "0.1.0"
}
