/// Problems with the progress store, each a sentence that says what to do. A store problem never
/// costs a transcript: the transcript is written first and can be imported later.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No store at the path yet.
    case missing(path: String)
    /// Another process held the lock past the timeout.
    case locked(path: String)
    /// The file is not a SQLite database, or is damaged.
    case corrupted(path: String, detail: String)
    /// Written by a newer dojo (it has migrations this version does not know).
    case newerVersion(path: String)
    /// Cannot create or write the file.
    case unwritable(path: String, detail: String)
    /// Any other database error.
    case failed(path: String, detail: String)

    public var description: String {
        switch self {
        case let .missing(path):
            "There is no progress store at '\(path)' yet. Play a session, or run `dojo import TRANSCRIPT...` to fill it."
        case let .locked(path):
            "The progress store '\(path)' is locked by another program (another dojo, or a tool holding the database open) that did not let go within 5 seconds. Try again when it has finished."
        case let .corrupted(path, detail):
            "The progress store '\(path)' is damaged or is not a dojo store (\(detail)). Move it aside and run `dojo import --rebuild TRANSCRIPTS...` to recreate it from the transcripts."
        case let .newerVersion(path):
            "The progress store '\(path)' was written by a newer version of dojo. Update dojo, or use another file with --db FILE."
        case let .unwritable(path, detail):
            "Cannot create the progress store '\(path)' (\(detail)). Pass --db FILE to put it elsewhere."
        case let .failed(path, detail):
            "The progress store '\(path)' failed: \(detail)."
        }
    }
}
