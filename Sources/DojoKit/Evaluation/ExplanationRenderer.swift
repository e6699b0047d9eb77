/// Turns explanation items into sentences in Chinese or English, naming tactics from the playbooks.
public struct ExplanationRenderer: Sendable {
    /// The catalogue, for tactic names and examples.
    public var catalog: TacticCatalog
    /// Chinese (true) or English (false).
    public var chinese: Bool

    /// Creates a renderer.
    public init(catalog: TacticCatalog, chinese: Bool) {
        self.catalog = catalog
        self.chinese = chinese
    }

    /// The display name of a tactic, with its id.
    public func name(_ id: String) -> String {
        guard let tactic = catalog.tactic(id) else { return id }
        return chinese ? "\(tactic.name.zh)（\(id)）" : "\(tactic.name.en) (\(id))"
    }

    private func typeName(_ type: ValueType) -> String { chinese ? type.chineseName : type.englishName.lowercased() }

    private func mode(_ type: ValueType) -> String {
        switch type {
        case .intrinsic: chinese ? "交易型" : "transactional"
        case .extrinsic: chinese ? "顾问型" : "consultative"
        case .strategic: chinese ? "企业型（战略合作）" : "enterprise (partnership)"
        }
    }

    private func lead(_ type: ValueType) -> String {
        switch type {
        case .intrinsic: chinese ? "先谈成本和价格，用数字说话" : "lead with cost and price, in numbers"
        case .extrinsic: chinese ? "先谈团队和服务能为他创造的价值" : "lead with the value your team and service create"
        case .strategic: chinese ? "先谈双方共同的价值提升和资源互补" : "lead with mutual value and complementary resources"
        }
    }

    private func quote(_ text: String) -> String { chinese ? "“\(text)”" : "\"\(text)\"" }

    /// One sentence per item.
    public func render(_ item: ExplanationItem) -> String {
        switch item {
        case let .credited(tactic, quotes, _):
            let q = quotes.map(quote).joined(separator: chinese ? "、" : ", ")
            return chinese ? "✓ \(name(tactic))：\(q)" : "✓ \(name(tactic)): \(q)"
        case let .resembles(tactic, similarity):
            let pct = Int((similarity * 100).rounded())
            return chinese ? "≈ 接近\(name(tactic))的示范回答（相似度 \(pct)%），但缺少明确的说法"
                : "≈ close to a model answer for \(name(tactic)) (\(pct)% similar), but not explicit enough"
        case let .missing(tactic, example):
            let base = chinese ? "✗ 缺少\(name(tactic))" : "✗ missing \(name(tactic))"
            guard let example else { return base }
            return base + (chinese ? "。例如：\(quote(example))" : ". For example: \(quote(example))")
        case let .mismatch(orientation, buyer):
            return chinese
                ? "⚠ 类型错配：这个回答是\(mode(orientation))思路（\(typeName(orientation))），而这位客户是\(typeName(buyer))客户：\(lead(buyer))。"
                : "⚠ Type mismatch: this reads as \(mode(orientation)) (\(typeName(orientation))), but this is an \(typeName(buyer)) buyer: \(lead(buyer))."
        case let .offType(tactic):
            return chinese ? "− \(name(tactic))不适合这类客户" : "− \(name(tactic)) does not fit this buyer type"
        case let .avoided(tactic, quote: q):
            return chinese ? "− 这一轮应避免\(name(tactic))：\(quote(q))" : "− to avoid here, \(name(tactic)): \(quote(q))"
        case let .antiPattern(tactic, quote: q):
            return chinese ? "− \(name(tactic))：\(quote(q))" : "− \(name(tactic)): \(quote(q))"
        case let .negated(tactic, quote: q, trigger):
            return chinese ? "· \(quote(q))被“\(trigger)”否定了，不算\(name(tactic))"
                : "· \(quote(q)) is negated by \"\(trigger)\", so it does not count as \(name(tactic))"
        case let .questionOnly(tactic, quote: q):
            return chinese ? "· \(quote(q))只出现在问句里，不算真正提出\(name(tactic))"
                : "· \(quote(q)) only appears in a question, so it is not an actual \(name(tactic))"
        case .cueStuffing:
            return chinese ? "⚠ 关键词堆砌不是回答：请对客户完整地说出来。" : "⚠ A list of keywords is not a reply: say it to the buyer in full sentences."
        case .tooShort:
            return chinese ? "⚠ 回答太短，客户得不到任何信息。" : "⚠ Too short to tell the buyer anything."
        case let .style(note, met):
            let mark = met ? "✓" : "·"
            switch note {
            case .quantify:
                return mark + (chinese ? (met ? " 用了具体数字（金额/比例）" : " 内在价值型客户看数字：量化能省多少钱")
                                       : (met ? " quantified in money or percent" : " intrinsic buyers want numbers: quantify the saving"))
            case .brevity:
                return mark + (chinese ? (met ? " 简洁" : " 太长了：这类客户希望减少销售环节，说重点")
                                       : (met ? " brief" : " too long: this buyer wants fewer sales steps; get to the point"))
            case .askQuestion:
                return mark + (chinese ? (met ? " 提了问题，了解客户" : " 问一个问题，了解他的选型、安装和使用需求")
                                       : (met ? " asked a question" : " ask about their selection, installation and use"))
            case .substance:
                return mark + (chinese ? (met ? " 内容充实，体现专业" : " 多说一点：展示专业和服务")
                                       : (met ? " enough substance to show expertise" : " say more: show expertise and service"))
            case .jointFraming:
                return mark + (chinese ? (met ? " 强调了双方共同的价值" : " 把话说成“我们双方一起”：共同创造价值")
                                       : (met ? " framed as joint value" : " frame it as both sides creating value together"))
            case .executiveFraming:
                return mark + (chinese ? (met ? " 提到了高层协同" : " 战略合作需要双方高层协调")
                                       : (met ? " brought in executives" : " strategic deals need both sides' executives"))
            }
        }
    }

    /// All items as sentences.
    public func render(_ items: [ExplanationItem]) -> [String] { items.map(render) }
}
