#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a path for reading only when it is a regular file. The open itself is non-blocking, so a
/// FIFO (which would block `open` until a writer appears), a device or a folder is refused at once
/// instead of hanging or being read as if it were a file.
public enum RegularFile {
    /// Why a path was not opened.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing at the path.
        case missing
        /// A folder.
        case directory
        /// A FIFO, socket, device and so on; `kind` names it.
        case special(kind: String)
        /// `open(2)` or `fstat(2)` failed; `reason` is `strerror`.
        case unreadable(reason: String)

        /// The refusal as a phrase: "is a folder", "is a FIFO (named pipe), not a regular file".
        public var description: String {
            switch self {
            case .missing: "does not exist"
            case .directory: "is a folder, not a file"
            case let .special(kind): "is \(kind), not a regular file"
            case let .unreadable(reason): "cannot be read: \(reason)"
            }
        }
    }

    /// A descriptor open for blocking reads on a regular file; the caller closes it.
    public static func openForReading(_ path: String) -> Result<Int32, Refusal> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return .failure(.missing) }
            return .failure(.unreadable(reason: String(cString: strerror(code))))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            return .failure(.unreadable(reason: reason))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            return .failure(type == S_IFDIR ? .directory : .special(kind: kindName(type)))
        }
        // Back to blocking reads: a regular file never blocks, but callers may assume full reads.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return .success(fd)
    }

    /// Reads a regular file whole, refusing it when it is larger than `limit` bytes
    /// (`.success(nil)`), so nothing unbounded is ever buffered.
    public static func contents(of path: String, limit: Int) -> Result<[UInt8]?, Refusal> {
        let fd: Int32
        switch openForReading(path) {
        case let .success(opened): fd = opened
        case let .failure(refusal): return .failure(refusal)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(reason: String(cString: strerror(errno))))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .success(nil) }
        }
    }

    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }
}
