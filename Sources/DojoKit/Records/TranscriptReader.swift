#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the typed records of a transcript, one line at a time, so a 100 MB transcript costs a
/// read buffer, not the whole file. Opens only regular files (a FIFO would block forever).
public final class TranscriptReader {
    /// Why a transcript cannot be opened.
    public enum OpenError: Error, Sendable, Hashable {
        /// Nothing at the path.
        case missing
        /// The path is a folder.
        case folder
        /// A FIFO, device or socket.
        case notRegularFile
        /// `open(2)` failed with this reason.
        case unreadable(String)
    }

    /// The longest line accepted (a reply is at most 4 KB; the rest is assessment).
    public static let maxLineBytes = 8 << 20

    private let fd: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// Line number of the last line read.
    public private(set) var line = 0
    /// Whether the last line was torn and ignored.
    public private(set) var tornLastLine = false
    /// Lines of kinds this version does not know, skipped: (line, kind).
    public private(set) var skipped: [(line: Int, kind: String)] = []

    /// Opens a transcript file.
    public init(path: String) throws(OpenError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing }
            throw .unreadable(String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .folder }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        var opened = stat()
        // Checked again on the open file: the path may have been swapped for a FIFO in between.
        guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .notRegularFile
        }
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// Reads records from bytes in memory.
    public init(bytes: [UInt8]) {
        fd = -1
        buffer = bytes
        end = bytes.count
        atEOF = true
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The next record; nil at the end. Blank lines are skipped; unknown kinds are returned as
    /// `.unknown` and listed in `skipped`.
    public func next() throws(Transcript.DamagedLine) -> TranscriptRecord? {
        while true {
            guard let (lineBytes, complete) = try nextLine() else { return nil }
            line += 1
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let value: JSONValue
            do {
                value = try JSONValue.parse(lineBytes)
            } catch {
                if !complete { tornLastLine = true; return nil }
                throw Transcript.DamagedLine(line: line, message: error.description)
            }
            let record = try TranscriptRecord.decode(value, line: line)
            if case let .unknown(kind) = record { skipped.append((line, kind)) }
            return record
        }
    }

    /// The next line without its newline, and whether it had one.
    private func nextLine() throws(Transcript.DamagedLine) -> (ArraySlice<UInt8>, Bool)? {
        var scanned = 0  // bytes after `start` already known to hold no newline
        while true {
            if let newline = buffer[(start + scanned)..<end].firstIndex(of: 0x0A) {
                let slice = buffer[start..<newline]
                start = newline + 1
                return (slice, true)
            }
            scanned = end - start
            if atEOF {
                guard start < end else { return nil }
                let slice = buffer[start..<end]
                start = end
                return (slice, false)
            }
            if scanned > Self.maxLineBytes {
                throw Transcript.DamagedLine(line: line + 1, message: "the line is longer than \(Self.maxLineBytes >> 20) MB")
            }
            try fill()
        }
    }

    /// Moves the unread bytes to the front and reads more.
    private func fill() throws(Transcript.DamagedLine) {
        let pending = end - start
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                guard let base = b.baseAddress else { return }
                memmove(base, base + start, pending)
            }
            end = pending
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress.map { $0 + end }, b.count - end) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Transcript.DamagedLine(line: line + 1, message: "cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { atEOF = true }
            end += count
            return
        }
    }
}
