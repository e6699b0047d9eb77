import Foundation

/// Writes a whole file through a temporary file in the same folder, renamed into place, so a reader
/// never sees half a file and a failed write leaves the old one.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw CLIError.cannotCreate(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
