import DojoKit
import DojoStore
import Foundation
import GRDB
import Testing

/// The SQLite store on real files: migrations, WAL, idempotence, concurrent writers, and a clear
/// error for a missing, locked, corrupted or newer database.
@Suite("SQLite progress store")
struct SQLiteProgressStoreTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "dojo-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func summary(_ n: Int, trainee: String = "wang", outcome: SessionSummary.Outcome = .won, turns: Int = 3) -> SessionSummary {
        SessionSummary(id: StableID.uuid(namespace: "test", "\(trainee)-\(n)"), trainee: trainee, kind: .play,
                       activity: "customer-a-lowest-quote", valueType: .intrinsic, contentHash: "fnv1a64:1", mode: "practice",
                       seed: "\(n)", startedAt: String(format: "2026-11-%02dT10:00:00Z", 1 + n % 28), endedAt: nil, outcome: outcome,
                       ending: "won", total: 10 * (n % 10), passMark: nil, passed: nil, hints: 1, rewinds: 0,
                       turns: (1...turns).map {
                           SessionSummary.Turn(number: $0, turn: "t\($0)", text: "reply \($0) <b>", score: 50 + $0, alignment: "match",
                                               expected: ["price-angle", "volume-offer"], credited: ["price-angle"], hinted: $0 == 1,
                                               rewound: false, flags: [])
                       }, transcript: "/tmp/\(n).jsonl")
    }

    static func sqlite(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("a store from the first version gains guide reads; they count per trainee, once per time, and survive removeAll")
    func guideReads() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/progress.sqlite"
        do {
            let store = try SQLiteProgressStore(path: path, create: true)
            _ = try store.record([Self.summary(1)])
        }
        // Back to what the first version wrote.
        _ = try Self.sqlite(path, "DROP TABLE guide_read; DELETE FROM grdb_migrations WHERE identifier = 'v2-guide-reads'")
        #expect(try Self.sqlite(path, "SELECT identifier FROM grdb_migrations") == "v1-sessions")
        let store = try SQLiteProgressStore(path: path, create: false)
        #expect(try store.sessions(SessionQuery()).count == 1)
        #expect(try store.guideReads(trainee: "wang") == 0)
        try store.recordGuideRead(trainee: "wang", at: "2026-11-30T08:00:00.000Z")
        try store.recordGuideRead(trainee: "wang", at: "2026-11-30T08:00:00.000Z")
        try store.recordGuideRead(trainee: "wang", at: "2026-11-30T09:00:00.000Z")
        #expect(try store.guideReads(trainee: "wang") == 2)
        #expect(try store.guideReads(trainee: "李雷") == 0)
        try store.removeAll()
        #expect(try store.sessions(SessionQuery()).isEmpty)
        #expect(try store.guideReads(trainee: "wang") == 2)
    }

    @Test("migrations from an empty file: tables, WAL, and what was written reads back the same")
    func migrateAndRoundTrip() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sub/progress.sqlite"
        let store = try SQLiteProgressStore(path: path, create: true)
        #expect(try Self.sqlite(path, "PRAGMA journal_mode") == "wal")
        #expect(try Self.sqlite(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier") == "v1-sessions\nv2-guide-reads")
        let sessions = [Self.summary(1), Self.summary(2, trainee: "李雷")]
        #expect(try store.record(sessions) == [.added, .added])
        let back = try store.sessions(SessionQuery())
        #expect(back.sorted { $0.id < $1.id } == sessions.sorted { $0.id < $1.id })
        #expect(try store.trainees() == ["wang", "李雷"])
        #expect(try store.sessions(SessionQuery(trainee: "李雷")).map(\.id) == [sessions[1].id])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/sub")
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        for file in [path, path + "-wal"] {
            #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
    }

    @Test("recording the same sessions twice changes nothing; an unfinished one is completed by a later record")
    func idempotent() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteProgressStore(path: folder + "/p.sqlite", create: true)
        let sessions = (1...5).map { Self.summary($0) }
        #expect(try store.record(sessions) == Array(repeating: .added, count: 5))
        #expect(try store.record(sessions) == Array(repeating: .unchanged, count: 5))
        let unfinished = Self.summary(9, outcome: .unfinished, turns: 1)
        #expect(try store.record([unfinished]) == [.added])
        #expect(try store.record([Self.summary(9, turns: 3)]) == [.updated])
        #expect(try store.sessions(SessionQuery()).count == 6)
        #expect(try store.sessions(SessionQuery()).first { $0.id == unfinished.id }?.turns.count == 3)
    }

    @Test("two writers at once (two connections, two threads) lose nothing")
    func concurrentWriters() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/p.sqlite"
        _ = try SQLiteProgressStore(path: path, create: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try SQLiteProgressStore(path: path, create: true)
                    for n in 0..<100 { _ = try store.record([Self.summary(n, trainee: "writer\(writer)")]) }
                }
            }
            try await group.waitForAll()
        }
        let store = try SQLiteProgressStore(path: path, create: false)
        #expect(try store.sessions(SessionQuery()).count == 200)
        #expect(try Self.sqlite(path, "PRAGMA integrity_check") == "ok")
    }

    @Test("a missing store is an error for readers and is never created by them")
    func missing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/none.sqlite"
        #expect(throws: StoreError.missing(path: path)) { try SQLiteProgressStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a corrupted or foreign file says so and how to rebuild")
    func corrupted() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/p.sqlite"
        try Data(String(repeating: "not a database at all. ", count: 400).utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteProgressStore(path: path, create: true)
            Issue.record("opened a corrupted file")
        } catch {
            guard case .corrupted = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("dojo import --rebuild"))
        }
    }

    @Test("a store written by a newer dojo is refused, not migrated or damaged")
    func newer() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/p.sqlite"
        _ = try SQLiteProgressStore(path: path, create: true)
        _ = try Self.sqlite(path, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')")
        #expect(throws: StoreError.newerVersion(path: path)) { try SQLiteProgressStore(path: path, create: true) }
    }

    @Test("a store locked by another writer past the timeout gives the 'locked' message")
    func locked() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/p.sqlite"
        let store = try SQLiteProgressStore(path: path, create: true)
        _ = store
        let holder = try DatabaseQueue(path: path)
        try holder.inTransaction(.exclusive) { _ in
            let other = try SQLiteProgressStore(path: path, create: false, busyTimeout: 0.2)
            #expect(throws: StoreError.locked(path: path)) { try other.record([Self.summary(1)]) }
            return .rollback
        }
    }
}
