import DojoKit
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The progress store on SQLite, through GRDB: WAL (a `DatabasePool`) so two terminals can record at
/// once, a busy timeout instead of an immediate "locked", and the migrator from the first version on.
public final class SQLiteProgressStore: ProgressStore {
    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// Opens the store. `create` makes the file (and its folder, 0700) when it is missing; without
    /// it, a missing store is an error, so reading commands never leave an empty file behind.
    public init(path: String, create: Bool, busyTimeout: Double = 5) throws(StoreError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            guard create else { throw .missing(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                            attributes: [.posixPermissions: 0o700])
                } catch {
                    throw .unwritable(path: path, detail: "cannot create the folder '\(folder)'")
                }
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            if !exists {
                // Create the file 0600 first: it holds what trainees wrote (SQLite gives -wal/-shm the same mode).
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                if fd >= 0 { close(fd) }
            }
            pool = try Self.openPool(path: path, configuration: configuration, patience: busyTimeout)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Opens the pool and brings the schema up to date. Two processes that create the same store at once can
    /// meet where SQLite does not wait on its own: switching a new file to WAL answers "busy" at once, and the
    /// slower one's migration fails because the winner's table now exists. Both are retried (the migrator skips
    /// what is there) until `patience` seconds have passed, the same as any other wait for the store.
    private static func openPool(path: String, configuration: Configuration, patience: Double) throws -> DatabasePool {
        let migrator = StoreSchema.migrator
        let deadline = Date().addingTimeInterval(patience)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerVersion(path: path) }
                try migrator.migrate(pool)
                return pool
            } catch let error as DatabaseError {
                let busy = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                let lostMigrationRace = error.resultCode == .SQLITE_ERROR && attempt < 4
                guard (busy || lostMigrationRace) && Date() < deadline else { throw error }
                usleep(UInt32(min(20_000 * attempt, 200_000)))
            }
        }
    }

    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let db = error as? DatabaseError else { return .failed(path: path, detail: "\(error)") }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupted(path: path, detail: db.message ?? "not a database")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_FULL:
            return .unwritable(path: path, detail: db.message ?? "\(db.resultCode)")
        default:
            // A table this version expects but cannot find: another program's database.
            if db.message?.contains("no such table") == true { return .corrupted(path: path, detail: db.message ?? "") }
            return .failed(path: path, detail: db.message ?? "\(db.resultCode)")
        }
    }

    public func record(_ sessions: [SessionSummary]) throws -> [RecordOutcome] {
        do {
            return try pool.write { db in
                var traineeIDs: [String: Int64] = [:]
                var outcomes: [RecordOutcome] = []
                outcomes.reserveCapacity(sessions.count)
                for summary in sessions {
                    outcomes.append(try Self.record(summary, in: db, traineeIDs: &traineeIDs))
                }
                return outcomes
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private static func record(_ s: SessionSummary, in db: Database, traineeIDs: inout [String: Int64]) throws -> RecordOutcome {
        var outcome = RecordOutcome.added
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT turn_count, outcome FROM session WHERE id = ?"), arguments: [s.id]) {
            let count: Int = row["turn_count"]
            let recorded: String = row["outcome"]
            let unfinished = recorded == SessionSummary.Outcome.unfinished.rawValue
            guard (unfinished && s.outcome != .unfinished) || s.turns.count > count else { return .unchanged }
            try db.cachedStatement(sql: "DELETE FROM session WHERE id = ?").execute(arguments: [s.id])
            outcome = .updated
        }
        let traineeID: Int64
        if let known = traineeIDs[s.trainee] {
            traineeID = known
        } else {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO trainee(name) VALUES (?)").execute(arguments: [s.trainee])
            traineeID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM trainee WHERE name = ?"), arguments: [s.trainee]) ?? 0
            traineeIDs[s.trainee] = traineeID
        }
        try db.cachedStatement(sql: """
            INSERT INTO session(id, trainee_id, kind, activity, value_type, content_hash, mode, seed, started_at, ended_at, outcome,
                                ending, total, pass_mark, passed, hints, rewinds, turn_count, transcript)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [s.id, traineeID, s.kind.rawValue, s.activity, s.valueType?.rawValue, s.contentHash, s.mode, s.seed,
                                     s.startedAt, s.endedAt, s.outcome.rawValue, s.ending, s.total, s.passMark, s.passed, s.hints,
                                     s.rewinds, s.turns.count, s.transcript])
        let insertTurn = try db.cachedStatement(sql: """
            INSERT INTO turn(session_id, number, turn, text, score, alignment, expected, credited, missed, hinted, rewound, flags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for t in s.turns {
            // A transcript can repeat a reply number only if damaged by hand; keep the first.
            try db.execute(sql: "SAVEPOINT turn")
            do {
                try insertTurn.execute(arguments: [s.id, t.number, t.turn, t.text, t.score, t.alignment, t.expected.joined(separator: " "),
                                                   t.credited.joined(separator: " "), t.missed.joined(separator: " "), t.hinted, t.rewound,
                                                   t.flags.joined(separator: " ")])
                try db.execute(sql: "RELEASE turn")
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                try db.execute(sql: "ROLLBACK TO turn")
                try db.execute(sql: "RELEASE turn")
            }
        }
        return outcome
    }

    public func sessions(_ query: SessionQuery) throws -> [SessionSummary] {
        do {
            return try pool.read { db in
                var conditions: [String] = []
                var arguments: StatementArguments = []
                if let trainee = query.trainee { conditions.append("t.name = ?"); arguments += [trainee] }
                if let activity = query.activity { conditions.append("s.activity = ?"); arguments += [activity] }
                let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                var turnsBySession: [String: [SessionSummary.Turn]] = [:]
                var lastSession: String?
                var pending: [SessionSummary.Turn] = []
                let turnRows = try Row.fetchCursor(db, sql: """
                    SELECT u.session_id, u.number, u.turn, u.text, u.score, u.alignment, u.expected, u.credited, u.hinted, u.rewound, u.flags
                    FROM turn u JOIN session s ON s.id = u.session_id JOIN trainee t ON t.id = s.trainee_id
                    \(filter) ORDER BY u.session_id, u.number
                    """, arguments: arguments)
                while let row = try turnRows.next() {
                    // Columns by index (the SELECT below fixes the order): name lookups dominate large reads.
                    let turn = SessionSummary.Turn(number: row[1], turn: row[2], text: row[3], score: row[4], alignment: row[5],
                                                   expected: Self.words(row[6]), credited: Self.words(row[7]), hinted: row[8],
                                                   rewound: row[9], flags: Self.words(row[10]))
                    let session: String = row[0]
                    if session == lastSession {
                        pending.append(turn)
                    } else {
                        if let lastSession { turnsBySession[lastSession] = pending }
                        lastSession = session
                        pending = [turn]
                    }
                }
                if let lastSession { turnsBySession[lastSession] = pending }
                var out: [SessionSummary] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT s.*, t.name AS trainee FROM session s JOIN trainee t ON t.id = s.trainee_id
                    \(filter) ORDER BY s.started_at, s.id
                    """, arguments: arguments)
                while let row = try rows.next() {
                    let id: String = row["id"]
                    let kind: String = row["kind"]
                    let outcome: String = row["outcome"]
                    let valueType: String? = row["value_type"]
                    out.append(SessionSummary(id: id, trainee: row["trainee"], kind: SessionSummary.Kind(rawValue: kind) ?? .play,
                                              activity: row["activity"], valueType: valueType.flatMap(ValueType.init(rawValue:)),
                                              contentHash: row["content_hash"], mode: row["mode"], seed: row["seed"],
                                              startedAt: row["started_at"], endedAt: row["ended_at"],
                                              outcome: SessionSummary.Outcome(rawValue: outcome) ?? .unfinished, ending: row["ending"],
                                              total: row["total"], passMark: row["pass_mark"], passed: row["passed"], hints: row["hints"],
                                              rewinds: row["rewinds"], turns: turnsBySession[id] ?? [], transcript: row["transcript"]))
                }
                return out
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// A space-separated id list.
    static func words(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var out: [String] = []
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                if index != start { out.append(String(text[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { out.append(String(text[start...])) }
        return out
    }

    public func trainees() throws -> [String] {
        do {
            return try pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM trainee ORDER BY name") }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    public func recordGuideRead(trainee: String, at time: String) throws {
        do {
            try pool.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO guide_read(trainee, read_at) VALUES (?, ?)", arguments: [trainee, time])
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    public func guideReads(trainee: String) throws -> Int {
        do {
            return try pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM guide_read WHERE trainee = ?", arguments: [trainee]) ?? 0
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Every session goes; guide reads stay (no transcript holds them, so a rebuild could not bring them back).
    public func removeAll() throws {
        do {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM turn; DELETE FROM session; DELETE FROM trainee;")
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
