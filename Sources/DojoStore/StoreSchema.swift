import GRDB

/// The store's migrations, from the first version on. Never edit a shipped migration: add one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE trainee (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE
                );
                CREATE TABLE session (
                    id TEXT PRIMARY KEY,
                    trainee_id INTEGER NOT NULL REFERENCES trainee(id),
                    kind TEXT NOT NULL,
                    activity TEXT NOT NULL,
                    value_type TEXT,
                    content_hash TEXT,
                    mode TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    ended_at TEXT,
                    outcome TEXT NOT NULL,
                    ending TEXT,
                    total INTEGER NOT NULL,
                    pass_mark INTEGER,
                    passed INTEGER,
                    hints INTEGER NOT NULL,
                    rewinds INTEGER NOT NULL,
                    turn_count INTEGER NOT NULL,
                    transcript TEXT NOT NULL
                );
                CREATE INDEX session_by_trainee ON session(trainee_id, started_at);
                CREATE INDEX session_by_activity ON session(activity, started_at);
                CREATE TABLE turn (
                    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    turn TEXT NOT NULL,
                    text TEXT NOT NULL,
                    score INTEGER NOT NULL,
                    alignment TEXT NOT NULL,
                    expected TEXT NOT NULL,
                    credited TEXT NOT NULL,
                    missed TEXT NOT NULL,
                    hinted INTEGER NOT NULL,
                    rewound INTEGER NOT NULL,
                    flags TEXT NOT NULL,
                    PRIMARY KEY (session_id, number)
                );
                """)
        }
        // Reading the guide (`dojo guide`, the first step of a track) has no transcript: it is kept here only.
        migrator.registerMigration("v2-guide-reads") { db in
            try db.execute(sql: """
                CREATE TABLE guide_read (
                    trainee TEXT NOT NULL,
                    read_at TEXT NOT NULL,
                    PRIMARY KEY (trainee, read_at)
                );
                """)
        }
        return migrator
    }
}
