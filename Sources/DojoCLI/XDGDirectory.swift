import Foundation

/// The XDG base directories SalesDojo writes to, each under a `salesdojo` folder.
enum XDGDirectory {
    /// Transcripts: `$XDG_DATA_HOME`, default `~/.local/share`.
    case data
    /// Line-editing history: `$XDG_STATE_HOME`, default `~/.local/state`.
    case state
    /// Caches that can be rebuilt (the scenario index): `$XDG_CACHE_HOME`, default `~/.cache`.
    case cache

    /// `<base>/salesdojo/<name>`.
    func path(_ name: String) -> String {
        let (variable, fallback) = switch self {
        case .data: ("XDG_DATA_HOME", ".local/share")
        case .state: ("XDG_STATE_HOME", ".local/state")
        case .cache: ("XDG_CACHE_HOME", ".cache")
        }
        let base = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(fallback)
        return (base as NSString).appendingPathComponent("salesdojo/" + name)
    }
}
