import Foundation

/// A file's size, modification time and inode: when all three are unchanged the file is taken to
/// be unchanged (the scenario index is keyed by path and stamp).
public struct FileStamp: Sendable, Hashable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    /// The inode number (a file replaced by another with the same size and time differs here).
    public var inode: UInt64

    /// A stamp no file has (a placeholder until the real one is known).
    static let unknown = FileStamp(size: -1, modified: 0, inode: 0)

    init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of the file at `path` (symbolic links followed); nil when it cannot be read.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
