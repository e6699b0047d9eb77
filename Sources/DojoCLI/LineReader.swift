import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor in large blocks, without Foundation's per-line overhead.
/// Lines longer than `maxLength` are reported as such and skipped without being buffered whole.
struct LineReader {
    enum Line {
        case text(ArraySlice<UInt8>)
        case tooLong(length: Int)
    }

    let fd: Int32
    let maxLength: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    private var start = 0
    private var end = 0
    private var eof = false
    /// Set when a read was interrupted by a signal (the caller decides what that means).
    private(set) var interrupted = false

    init(fd: Int32, maxLength: Int) {
        self.fd = fd
        self.maxLength = maxLength
    }

    /// The next line without its terminator (`\n` or `\r\n`), or nil at the end.
    mutating func next() -> Line? {
        interrupted = false
        var skipping = 0
        pending.removeAll(keepingCapacity: true)
        while true {
            if start < end {
                if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                    let piece = buffer[start..<newline]
                    start = newline + 1
                    if skipping > 0 { return .tooLong(length: skipping + piece.count) }
                    // The limit holds for every line, also one that lies wholly inside the buffer.
                    if pending.count + Self.trimCR(piece).count > maxLength {
                        return .tooLong(length: pending.count + Self.trimCR(piece).count)
                    }
                    if pending.isEmpty { return .text(Self.trimCR(piece)) }
                    pending.append(contentsOf: piece)
                    if pending.count > maxLength { return .tooLong(length: pending.count) }
                    return .text(Self.trimCR(pending[...]))
                }
                let piece = buffer[start..<end]
                start = end
                if skipping > 0 {
                    skipping += piece.count
                } else {
                    pending.append(contentsOf: piece)
                    if pending.count > maxLength {
                        skipping = pending.count
                        pending.removeAll(keepingCapacity: true)
                    }
                }
            }
            if eof {
                if skipping > 0 { pending.removeAll(); return .tooLong(length: skipping) }
                if pending.isEmpty { return nil }
                if Self.trimCR(pending[...]).count > maxLength {
                    let length = Self.trimCR(pending[...]).count
                    pending.removeAll()
                    return .tooLong(length: length)
                }
                let line = pending
                pending.removeAll()
                return .text(Self.trimCR(line[...]))
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR {
                interrupted = true
                return nil
            }
            if count <= 0 { eof = true } else { start = 0; end = count }
        }
    }

    private static func trimCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 0x0D ? line.dropLast() : line
    }
}

/// Buffered writes to a file descriptor.
struct OutputBuffer {
    let fd: Int32
    private(set) var bytes: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        bytes.reserveCapacity(1 << 16)
    }

    mutating func write(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func write(_ text: String) { write(Array(text.utf8)) }

    mutating func flush() {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
