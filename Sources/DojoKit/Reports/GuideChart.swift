/// The seed's closing diagram: the three value types side by side — who they are, what they
/// value, how they buy, the selling mode, the tactics, example lines and what to avoid — built
/// from the playbooks so the chart and the scoring never disagree.
public struct GuideChart: Sendable, Hashable {
    /// A block of one column.
    public struct Section: Sendable, Hashable {
        /// Heading.
        public var heading: String
        /// Paragraphs or list items.
        public var lines: [String]
        /// Whether the lines are a numbered list.
        public var numbered: Bool
    }

    /// One value type.
    public struct Column: Sendable, Hashable {
        /// The type.
        public var type: ValueType
        /// Its name.
        public var title: String
        /// Its selling mode.
        public var mode: String
        /// Blocks, in order.
        public var sections: [Section]
    }

    /// The chart's title.
    public var title: String
    /// Columns in the seed's order.
    public var columns: [Column]
    /// Whether the text is Chinese.
    public var chinese: Bool

    /// Builds the chart (all three types) or one type in depth.
    public init(catalog: TacticCatalog, chinese: Bool, only: ValueType? = nil) {
        self.chinese = chinese
        func pick(_ zh: String, _ en: String) -> String { chinese ? zh : en }
        let lang: ScenarioLanguage = chinese ? .simplifiedChinese : .english
        title = only == nil ? pick("三类大客户：价值取向与应对策略", "Three kinds of key account: what they value and how to sell")
            : pick("大客户类型详解", "Key-account type in depth")
        let antiPatterns = catalog.antiPatterns.map { $0.name.text(for: lang) }
        columns = ValueType.allCases.filter { only == nil || $0 == only }.compactMap { type in
            guard let playbook = catalog.playbook(for: type) else { return nil }
            var sections: [Section] = []
            sections.append(Section(heading: pick("是谁", "Who they are"), lines: [playbook.summary.text(for: lang)], numbered: false))
            if let profile = playbook.profile {
                sections.append(Section(heading: pick("看重什么", "What they value"), lines: [profile.values.text(for: lang)], numbered: false))
                sections.append(Section(heading: pick("怎么采购", "How they buy"), lines: [profile.buying.text(for: lang)], numbered: false))
            }
            if only == nil {
                sections.append(Section(heading: pick("应对秘笈", "Tactics"), lines: playbook.tactics.map { $0.name.text(for: lang) },
                                        numbered: true))
            } else {
                sections.append(Section(heading: pick("应对秘笈", "Tactics"),
                                        lines: playbook.tactics.map { "\($0.name.text(for: lang)) (\($0.id)): \($0.description.text(for: lang))" },
                                        numbered: true))
                sections.append(Section(heading: pick("示范说法", "Model lines"),
                                        lines: playbook.tactics.compactMap { t in
                                            (chinese ? t.modelAnswers.zh : t.modelAnswers.en).first.map { "\(t.name.text(for: lang)): \($0)" }
                                        }, numbered: false))
            }
            if let profile = playbook.profile, !profile.dialogue.isEmpty {
                let lines = profile.dialogue.flatMap { exchange in
                    [pick("客户：", "Buyer: ") + exchange.buyer.text(for: lang), pick("销售：", "Rep: ") + exchange.rep.text(for: lang)]
                }
                sections.append(Section(heading: pick("对话示例", "Example lines"), lines: only == nil ? Array(lines.prefix(2)) : lines,
                                        numbered: false))
            }
            if let profile = playbook.profile {
                var avoid = [profile.avoid.text(for: lang)]
                if only != nil && !antiPatterns.isEmpty { avoid.append(pick("任何客户都反感：", "Hurts with any buyer: ") + antiPatterns.joined(separator: pick("、", ", "))) }
                sections.append(Section(heading: pick("要避免", "Avoid"), lines: avoid, numbered: false))
            }
            return Column(type: type, title: playbook.name.text(for: lang), mode: playbook.mode.text(for: lang), sections: sections)
        }
    }
}
