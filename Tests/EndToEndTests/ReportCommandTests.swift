import DojoKit
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `dojo report` through the binary: the HTML page in a real headless Chromium, the xAPI statements
/// accepted by a real Learning Record Store (ralph-malph, installed by `make deps`) on loopback.
@Suite("dojo report, end to end", .serialized)
struct ReportCommandTests {
    static let hostile = "<script>document.title='pwned';document.body.innerHTML='PWNED'</script><img src=x onerror=\"document.title='img'\">"

    /// A store with two trainees' sessions, one reply hostile HTML.
    static func store(_ scratch: ScratchFolder) throws -> String {
        let db = scratch.path + "/p.sqlite"
        for (name, replies) in [("wang", "每年为您节约20万元，报价直接发您邮箱。\n" + hostile + "\n"), ("li", "我们的团队很专业。\n")] {
            let out = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--trainee", name, "--db", db,
                                          "--transcript", scratch.path + "/\(name).jsonl"], input: Data((replies + "/quit\n").utf8))
            #expect(out.status == 0, "\(out.stderr)")
        }
        return db
    }

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        Issue.record("Chromium is not installed: run `make deps` (it installs the chromium package).")
        throw CancellationError()
    }

    @Test("html: one self-contained file; in headless Chromium no script runs and the screenshot is not blank")
    func html() throws {
        let browser = try Self.chromium()
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = try Self.store(scratch)
        let page = scratch.path + "/class.html"
        let out = try DojoBinary.run(["report", "--all", "--format", "html", "--out", page, "--db", db, "--lang", "en"])
        #expect(out.status == 0, "\(out.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("&lt;script&gt;document.title="), "the reply is shown as text")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<svg") && html.contains("Class"))
        let profile = scratch.path + "/chrome"
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
                     "--virtual-time-budget=2000"]
        // The DOM after load: the hostile reply is text, the title untouched, the body not replaced.
        let dom = try Self.run(browser, flags + ["--dump-dom", "file://" + page])
        #expect(dom.status == 0)
        #expect(dom.output.contains("<title>SalesDojo class report</title>"), "a script changed the title")
        #expect(!dom.output.contains("PWNED") || dom.output.contains("innerHTML='PWNED'"), "a script replaced the body")
        #expect(dom.output.contains("&lt;script&gt;document.title="))
        // A screenshot of the report against one of an empty page: the report's is far larger (not blank).
        let shot = scratch.path + "/report.png", blankShot = scratch.path + "/blank.png"
        let blank = try scratch.write("blank.html", "<!DOCTYPE html><html><body></body></html>")
        _ = try Self.run(browser, flags + ["--window-size=1200,1600", "--screenshot=" + shot, "file://" + page])
        _ = try Self.run(browser, flags + ["--window-size=1200,1600", "--screenshot=" + blankShot, "file://" + blank])
        let size = (try FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        let blankSize = (try FileManager.default.attributesOfItem(atPath: blankShot)[.size] as? Int) ?? 0
        #expect(blankSize > 0)
        #expect(size > 5 * blankSize && size > 20_000, "screenshot \(size) bytes vs blank \(blankSize)")
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("csv and json go to stdout or atomically to --out; a missing store is a clear error")
    func csvJSON() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = try Self.store(scratch)
        let csv = try DojoBinary.run(["report", "--trainee", "wang", "--format", "csv", "--db", db])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix(CSVReport.columns.joined(separator: ",")))
        #expect(csv.stdout.components(separatedBy: "\r\nsession,").count == 2, "one session row for wang")
        #expect(csv.stdout.components(separatedBy: "\r\nturn,").count == 3, "two turn rows")
        let out = scratch.path + "/r.json"
        let json = try DojoBinary.run(["report", "--all", "--format", "json", "--out", out, "--db", db])
        #expect(json.status == 0, "\(json.stderr)")
        let value = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: out))).dropLast())
        guard case let .array(sessions)? = value["sessions"] else { Issue.record("no sessions"); return }
        #expect(sessions.map { $0["trainee"]?.stringValue ?? "" } == ["li", "wang"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        let missing = try DojoBinary.run(["report", "--all", "--format", "csv", "--db", scratch.path + "/none.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("There is no progress store"))
    }

    /// A free TCP port on loopback.
    static func freePort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }

    static func request(_ url: String, method: String = "GET", body: Data? = nil) throws -> (status: Int, body: Data) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = body
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Basic " + Data("dojo:secret".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data) = (0, Data())
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            semaphore.signal()
        }.resume()
        semaphore.wait()
        return result
    }

    @Test("xapi: a real LRS (ralph-malph) on loopback accepts the statements, returns them, and a re-export adds nothing")
    func xapiToLRS() throws {
        let ralph = DojoBinary.repositoryRoot + "/.build/lrs-venv/bin/ralph"
        guard FileManager.default.isExecutableFile(atPath: ralph) else {
            Issue.record("The ralph-malph LRS is not installed at \(ralph): run `make deps`.")
            return
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = try Self.store(scratch)
        let export = scratch.path + "/statements.json"
        let out = try DojoBinary.run(["report", "--all", "--format", "xapi", "--out", export, "--db", db,
                                      "--home-page", "https://lms.example.com", "--base-iri", "https://example.com/salesdojo"])
        #expect(out.status == 0, "\(out.stderr)")
        let statements = try Data(contentsOf: URL(fileURLWithPath: export))
        guard case let .array(sent) = try JSONValue.parse(Array(statements).dropLast()) else { Issue.record("not an array"); return }
        // Credentials and the server, started by the test.
        var env = ProcessInfo.processInfo.environment
        env["RALPH_APP_DIR"] = scratch.path + "/ralph"
        env["RALPH_AUTH_FILE"] = scratch.path + "/auth.json"
        env["RALPH_RUNSERVER_BACKEND"] = "fs"
        let auth = Process()
        auth.executableURL = URL(fileURLWithPath: ralph)
        auth.arguments = ["auth", "-u", "dojo", "-p", "secret", "-s", "all", "-M", "mailto:dojo@example.com", "-w"]
        auth.environment = env
        auth.standardOutput = FileHandle.nullDevice
        auth.standardError = FileHandle.nullDevice
        try auth.run()
        auth.waitUntilExit()
        #expect(auth.terminationStatus == 0)
        let port = Self.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: ralph)
        server.arguments = ["runserver", "-b", "fs", "-h", "127.0.0.1", "-p", String(port), "--fs-default-directory-path", scratch.path + "/lrs"]
        server.environment = env
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)/xAPI/statements"
        let deadline = Date().addingTimeInterval(60)
        var ready = false
        while Date() < deadline, server.isRunning {
            if (try? Self.request(base))?.status == 200 { ready = true; break }
            usleep(200_000)
        }
        try #require(ready, "the LRS did not start")
        let first = try Self.request(base, method: "POST", body: statements)
        #expect(first.status == 200, "\(String(decoding: first.body, as: UTF8.self))")
        guard case let .array(ids) = try JSONValue.parse(first.body) else { Issue.record("no ids back"); return }
        #expect(ids.count == sent.count)
        // Read them back.
        let back = try Self.request(base + "?limit=500")
        #expect(back.status == 200)
        guard case let .array(stored)? = try JSONValue.parse(back.body)["statements"] else { Issue.record("no statements"); return }
        #expect(stored.count == sent.count)
        let verbs = Set(stored.compactMap { $0["verb"]?["id"]?.stringValue })
        #expect(verbs.isSuperset(of: ["http://adlnet.gov/expapi/verbs/attempted", "http://adlnet.gov/expapi/verbs/answered",
                                      "http://adlnet.gov/expapi/verbs/completed"]))
        #expect(stored.contains { $0["result"]?["response"]?.stringValue == Self.hostile }, "the reply round-trips as data")
        // Export again (same ids) and send: nothing is duplicated.
        let again = try DojoBinary.run(["report", "--all", "--format", "xapi", "--db", db,
                                        "--home-page", "https://lms.example.com", "--base-iri", "https://example.com/salesdojo"])
        #expect(Data(again.stdout.utf8) == statements, "a re-export is byte-identical")
        let second = try Self.request(base, method: "POST", body: Data(again.stdout.utf8))
        #expect(second.status == 200 || second.status == 204, "\(second.status) \(String(decoding: second.body, as: UTF8.self))")
        let after = try Self.request(base + "?limit=500")
        guard case let .array(storedAfter)? = try JSONValue.parse(after.body)["statements"] else { Issue.record("no statements"); return }
        #expect(storedAfter.count == sent.count)
    }
}
