import ArgumentParser
import DojoKit
import DojoStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dojo report`: sessions from the store as HTML (people), CSV/JSON (spreadsheets) or xAPI (LMSs).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Export sessions: html (self-contained page with charts), csv, json, or xapi statements for an LMS.",
        discussion: """
        Columns and fields are documented in docs/reports.md. With --out, the report is written to a temporary
        file beside FILE and renamed into place, so a reader never sees half a report. Without --out it goes to
        standard output.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json, xapi }

    @Option(help: "Only this trainee (default: $USER unless --all).")
    var trainee: String?

    @Flag(help: "Every trainee in the store (a class report).")
    var all = false

    @Option(help: "html, csv, json or xapi.")
    var format: Format

    @Option(help: ArgumentHelp("Write here (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("home-page"), help: "xAPI: the actor account's homePage (your LMS or company site).")
    var homePage = "https://salesdojo.invalid"

    @Option(name: .customLong("base-iri"), help: "xAPI: base IRI for activity ids.")
    var baseIRI = "https://salesdojo.invalid/xapi"

    @OptionGroup var display: DisplayOptions

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        if all && trainee != nil { throw ValidationError("Give --trainee NAME or --all, not both.") }
    }

    func run() throws {
        let store = try storeOptions.open(create: false)
        let query = all ? SessionQuery() : SessionQuery(trainee: StoreOptions.trainee(trainee))
        let sessions = try store.sessions(query)
        // HTML needs only the playbooks (tactic names and coaching); xAPI also the scenarios' pass marks.
        let library = try scenarioOptions.library(quiet: true, need: format == .xapi ? .everything : .playbooks)
        let bytes: [UInt8]
        switch format {
        case .csv:
            bytes = Array(CSVReport.render(sessions).utf8)
        case .json:
            bytes = JSONReport.render(sessions)
        case .xapi:
            bytes = XAPIStatements(homePage: homePage, baseIRI: baseIRI).render(sessions) { s in
                s.passMark ?? library.scenario(s.activity)?.passMark ?? Scenario.defaultPassMark
            }
        case .html:
            let chinese = display.lang == .zh
            let title = all ? (chinese ? "SalesDojo 全班报告" : "SalesDojo class report")
                : (chinese ? "SalesDojo 报告：" : "SalesDojo report: ") + (query.trainee ?? "")
            bytes = Array(HTMLReport(catalog: library.catalog, chinese: chinese, title: title).render(sessions).utf8)
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try Self.writeAtomically(bytes, to: out)
        printError(TerminalSanitizer.clean("Wrote \(sessions.count) session(s) to \(out)."))
    }

    /// Writes to a temporary file in the same folder, fsyncs, then renames over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError.cannotExport(path: path, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw CLIError.cannotExport(path: path, reason: reason)
            }
            offset += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError.cannotExport(path: path, reason: reason)
        }
    }
}
