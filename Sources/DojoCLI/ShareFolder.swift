import Foundation

/// Where dojo's shipped files are: `$DOJO_SHARE`; `<prefix>/share/salesdojo` next to an installed
/// `<prefix>/bin/dojo`; the source checkout a built `.build/…/dojo` lives in; or the current directory
/// when it holds `Scenarios/`. The shipped scenario folder is `<share>/Scenarios`.
enum ShareFolder {
    /// The shipped `Scenarios` folder, relative (`Scenarios`) when it is the one in the current directory so
    /// that paths in diagnostics stay short; nil when none is found.
    static func scenarios() -> String? {
        guard let root = root() else { return nil }
        let folder = (root as NSString).appendingPathComponent("Scenarios")
        let local = FileManager.default.currentDirectoryPath + "/Scenarios"
        if standardized(folder) == standardized(local) { return "Scenarios" }
        return folder
    }

    /// The share folder: the one holding `Scenarios/playbooks`.
    static func root() -> String? {
        if let env = ProcessInfo.processInfo.environment["DOJO_SHARE"], !env.isEmpty {
            return holdsScenarios(env) ? env : nil
        }
        return candidates().first(where: holdsScenarios)
    }

    /// Candidate share folders in order: beside the binary, the checkout above it, the current directory.
    static func candidates() -> [String] {
        var list: [String] = []
        if let executable = executablePath() {
            var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            list.append(directory.deletingLastPathComponent().appendingPathComponent("share/salesdojo").path)
            // A build tree: .build/debug/dojo or .build/<triple>/debug/dojo inside the checkout.
            for _ in 0..<5 {
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                    list.append(directory.path)
                    break
                }
            }
        }
        list.append(FileManager.default.currentDirectoryPath)
        return list
    }

    /// The running binary, symlinks resolved: /proc/self/exe on Linux (argv[0] may be a bare name found
    /// on PATH), else argv[0].
    static func executablePath() -> String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    }

    private static func holdsScenarios(_ root: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent("Scenarios/playbooks"), isDirectory: &flag)
            && flag.boolValue
    }

    private static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
