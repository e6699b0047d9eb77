import Foundation

/// Runs the built `dojo` binary as a user would and captures what it prints.
struct DojoBinary {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The binary next to the test bundle (the same build), or `DOJO_BINARY`.
    static var path: String {
        if let env = ProcessInfo.processInfo.environment["DOJO_BINARY"] { return env }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("dojo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/dojo"
    }

    /// Runs `dojo arguments…` in `directory` with stdin from `input`; NO_COLOR and COLUMNS are fixed
    /// so output is stable.
    static func run(_ arguments: [String], in directory: String = repositoryRoot, input: Data = Data(),
                    environment: [String: String] = [:], executable: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "DOJO_SCENARIOS")
        env.removeValue(forKey: "DOJO_SHARE")
        env.removeValue(forKey: "COLUMNS")
        env["XDG_DATA_HOME"] = NSTemporaryDirectory() + "dojo-e2e-data"
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "dojo-e2e-state"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Output(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: process.terminationStatus)
    }
}

/// A scratch folder for files the tests write.
struct ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "dojo-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
