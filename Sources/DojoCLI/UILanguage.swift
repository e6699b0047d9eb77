import ArgumentParser
import DojoKit

/// The language of the interface text: follows the scenario, `--lang` overrides.
enum UILanguage: String, ExpressibleByArgument, CaseIterable, Sendable {
    case zh, en

    /// The UI language for a scenario, unless the user chose one.
    static func resolve(_ override: UILanguage?, for language: ScenarioLanguage) -> UILanguage {
        override ?? (language.isChinese ? .zh : .en)
    }

    /// Picks the text for this language.
    func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    /// A label before its value: "结果：" in Chinese (full-width colon, no space), "Outcome: " in English.
    func label(_ zh: String, _ en: String) -> String { self == .zh ? zh + "：" : en + ": " }

    /// A label ending its line: "每轮得分：" / "Per turn:".
    func heading(_ zh: String, _ en: String) -> String { self == .zh ? zh + "：" : en + ":" }

    /// The display name of a value type.
    func name(of type: ValueType) -> String { pick(type.chineseName, type.englishName) }

    /// The display name of an ending kind.
    func name(of kind: Ending.Kind) -> String {
        switch kind {
        case .won: pick("成交", "won")
        case .lost: pick("丢单", "lost")
        case .left: pick("客户离开", "buyer left")
        }
    }
}
