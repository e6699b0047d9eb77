import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The line-editing history file, kept safe: its folder is created 0700, a path that is a symbolic
/// link, not a regular file, or owned by someone else is refused (history then stays in memory),
/// and saving writes a fresh 0600 file beside it and renames it into place — a rename replaces a
/// link itself and never writes through one.
struct HistoryFile {
    let path: String

    /// Why a history path is not used.
    enum Refusal: Error, CustomStringConvertible {
        case symlink, notRegular, notOwned, folder(String)

        var description: String {
            switch self {
            case .symlink: "it is a symbolic link"
            case .notRegular: "it is not a regular file"
            case .notOwned: "it belongs to another user"
            case let .folder(reason): "its folder \(reason)"
            }
        }
    }

    /// Checks (and creates the folder of) a history path.
    static func open(_ path: String) -> Result<HistoryFile, Refusal> {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                return .failure(.folder("cannot be created"))
            }
            var info = stat()
            guard lstat(folder, &info) == 0 else { return .failure(.folder("cannot be read")) }
            if info.st_mode & S_IFMT == S_IFLNK { return .failure(.folder("is a symbolic link")) }
            if info.st_uid != geteuid() { return .failure(.folder("belongs to another user")) }
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { return .failure(.symlink) }
            if type != S_IFREG { return .failure(.notRegular) }
            if info.st_uid != geteuid() { return .failure(.notOwned) }
        }
        return .success(HistoryFile(path: path))
    }

    /// Writes the history with `write` (given a temporary path) and moves it into place, 0600.
    func save(_ write: (String) -> Bool) {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        guard write(temporary) else { unlink(temporary); return }
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 { unlink(temporary) }
    }
}
