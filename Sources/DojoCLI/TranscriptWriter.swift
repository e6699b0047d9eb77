import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends transcript events to a JSON Lines file so that a crash loses nothing already said:
/// the file is created 0600 with O_EXCL, its folder is fsynced once, and every event is one
/// write(2) followed by fsync(2).
final class TranscriptWriter {
    let path: String
    private let fd: Int32

    /// `$XDG_DATA_HOME/salesdojo/transcripts` (default `~/.local/share/salesdojo/transcripts`).
    static func defaultDirectory() -> String { XDGDirectory.data.path("transcripts") }

    /// A new file name: time, scenario and process id, so two sessions never collide.
    static func defaultPath(scenario: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = (defaultDirectory() as NSString).appendingPathComponent("\(formatter.string(from: date))-\(scenario)-\(getpid())")
        // A /restart within the same second must not collide with the session before it.
        var path = stem + ".jsonl"
        var counter = 2
        while FileManager.default.fileExists(atPath: path) {
            path = stem + "-\(counter).jsonl"
            counter += 1
        }
        return path
    }

    /// `r-1.jsonl`, `r-2.jsonl`, … for `r.jsonl`: the first that does not exist yet.
    static func freeSibling(of path: String) -> String {
        let stem = (path as NSString).deletingPathExtension
        var number = 1
        while FileManager.default.fileExists(atPath: "\(stem)-\(number).jsonl") { number += 1 }
        return "\(stem)-\(number).jsonl"
    }

    init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        try Self.makeFolder(directory, for: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        // Make the new directory entry durable too.
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Creates the folder and any missing parents (0700), with a plain reason on failure
    /// ("Permission denied", "Not a directory") instead of a Foundation error dump.
    static func makeFolder(_ directory: String, for path: String) throws {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 || errno == EEXIST {
                var info = stat()
                if stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                throw CLIError.cannotWrite(path: path, reason: "'\(prefix)' is not a folder")
            }
            throw CLIError.cannotWrite(path: path, reason: "cannot create the folder '\(prefix)': \(String(cString: strerror(errno)))")
        }
    }

    /// Whether any byte has been written.
    private(set) var wroteAnything = false

    /// Removes the file when nothing could be written to it, so a failure never leaves an empty transcript.
    func discardIfEmpty() {
        if !wroteAnything { unlink(path) }
    }

    /// Appends one event line with a single write, then fsyncs.
    func append(_ line: [UInt8]) throws {
        var bytes = line
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
            wroteAnything = true
        }
        if fsync(fd) != 0 && errno != EINVAL {
            throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit { close(fd) }
}
