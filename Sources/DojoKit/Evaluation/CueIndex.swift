/// All cue phrases of all playbooks compiled into one Aho–Corasick automaton, together with the
/// negation triggers, pseudo-negations, contrast words and style markers the evaluator needs.
/// A class, built once and only read: each reply's analysis holds a reference, not a copy of every table.
public final class CueIndex: Sendable {
    /// What a literal piece in the automaton is for.
    enum PieceRole: Int, Sendable, Hashable, CaseIterable {
        case cue, negation, postNegation, pseudoNegation, contrast, jointFraming, executiveFraming
    }

    /// One element of a compiled cue segment.
    enum Element: Sendable, Hashable {
        case piece(Int)
        case slot(SignalScanner.Kind)
    }

    /// A compiled cue: segments of adjacent elements, in order within one sentence.
    struct CompiledCue: Sendable {
        var text: String
        var tactic: Int
        var segments: [[Element]]
        /// Long or structured cues are stronger evidence than a short word.
        var strong: Bool
        /// The cue itself asks a question, so matching inside a question is its point.
        var hasQuestionSlot: Bool
    }

    let automaton: AhoCorasick
    /// For each automaton pattern: the piece it belongs to (inflected variants share a piece).
    let patternPiece: [Int]
    /// Role of each piece.
    let pieceRoles: [PieceRole]
    /// Whether each piece must sit on Latin word boundaries.
    let pieceNeedsBoundary: [Bool]
    let cues: [CompiledCue]
    /// The tactic of each cue, flat, for the hot loops.
    let cueTactics: [Int]
    /// For cues that are one plain phrase (most of them): the piece, so matching is a lookup.
    let cueSinglePiece: [Int32]
    /// Cue indices by the piece that anchors them (their first piece), flat: piece `p` anchors
    /// `anchoredCues[anchoredStart[p] ..< anchoredStart[p + 1]]`.
    let anchoredStart: [Int32]
    let anchoredCues: [Int32]
    /// Per cue, flat for the hot loops: strong evidence, asks a question itself, one segment only.
    let cueStrong: [Bool]
    let cueHasQuestionSlot: [Bool]
    let cueContiguous: [Bool]
    /// Every piece a structured cue needs, flat (`requiredPieces[requiredStart[c] ..< requiredStart[c + 1]]`),
    /// and the slot kinds it needs as a bit mask: a cue missing any of them cannot match, so the
    /// matcher skips it without looking for an arrangement.
    let requiredStart: [Int32]
    let requiredPieces: [Int32]
    let requiredSlots: [UInt8]
    /// Each cue's text ranked in `String` order (equal texts share a rank), so a finding's cue list
    /// is sorted by comparing integers.
    let cueTextRank: [Int32]
    /// Cues made of slots only (e.g. `{money}`), checked against every reply.
    let slotOnlyCues: [Int]
    /// The tactics, in catalogue order.
    let tactics: [Tactic]
    /// Their ids, value types and whether asking is the tactic, as flat arrays for the hot loops.
    let tacticIDs: [String]
    let tacticTypes: [ValueType?]
    let tacticIsInquiry: [Bool]

    static let negationTriggers = ["不", "没", "没有", "无需", "无须", "不用", "不会", "别", "并非", "不是", "不要", "不必", "无法",
                                   "从不", "绝不", "决不", "未", "不能", "不可能", "不打算", "拒绝",
                                   "not", "no", "never", "won't", "won’t", "don't", "don’t", "doesn't", "doesn’t", "didn't",
                                   "can't", "can’t", "cannot", "without", "isn't", "aren't", "wouldn't", "shouldn't",
                                   "will not", "do not", "does not", "unable to", "refuse to"]
    /// Refusals that follow what they refuse, in the same clause: "最低价我们给不了", "a further discount is off the table".
    static let postNegationTriggers = ["给不了", "给不出", "做不到", "办不到", "达不到", "降不了", "谈不了", "不可能", "不行", "免谈",
                                       "没办法", "没有办法", "不考虑", "不接受",
                                       "is not possible", "isn't possible", "not possible", "is impossible", "off the table",
                                       "out of the question", "can't do", "cannot do", "is not an option", "isn't an option",
                                       "not on offer", "won't happen"]
    static let pseudoNegations = ["不错", "不断", "不仅", "不只", "不但", "没问题", "不少", "不久", "不过", "不管", "不论", "不同",
                                  "不好意思", "差不多", "要不要", "是不是", "能不能", "会不会", "有没有", "好不好", "可不可以",
                                  "需不需要", "不光", "不止", "无论", "不妨", "未来", "不一定", "不得不", "没关系", "不客气", "毫不",
                                  // 别 as a negation is "don't"; inside these words it is not one.
                                  "分别", "特别", "区别", "别人", "别的", "差别", "个别", "告别", "类别", "级别", "识别", "别家",
                                  // Adjectives made with 不 describe, they do not refuse: "您不了解的地方".
                                  "不了解", "不清楚", "不明白", "不确定", "不满意", "不稳定", "不足",
                                  // Reassurance and suggestion, not refusal: "不用担心安装", "不如看看新品".
                                  "不用担心", "别担心", "不必担心", "无需担心", "不要担心", "不用操心", "别着急", "不如",
                                  "don't worry", "don’t worry", "do not worry", "never mind", "why not",
                                  "not only", "not just", "no problem", "no doubt", "no matter", "no later than", "not least",
                                  "no worries", "nothing but", "no-brainer", "not to mention", "no less than", "no surprise"]
    static let contrastWords = ["但是", "但", "不过", "可是", "然而", "而是", "只是", "反而", "but", "however", "though", "although",
                                "instead", "rather", "yet"]
    static let jointFraming = ["共同", "一起", "双方", "携手", "共赢", "双赢", "互补", "彼此", "共创", "合作伙伴", "together", "jointly",
                               "both of us", "both sides", "mutual", "partners", "partnership", "win-win", "each other"]
    static let executiveFraming = ["高层", "总裁", "总经理", "董事", "领导", "老总", "ceo", "executive", "executives", "leadership",
                                   "senior management", "board", "c-level", "vp"]
    /// Tactics whose point is to ask (a question is how they are used, not a sign that nothing is offered).
    static let inquiryTactics: Set<String> = ["needs-diagnosis", "influencer-mapping", "inside-coach"]

    /// Compiles the catalogue's cues (tactics and anti-patterns).
    public init(catalog: TacticCatalog) {
        tactics = catalog.allTactics
        tacticIDs = tactics.map(\.id)
        tacticTypes = tactics.map(\.valueType)
        tacticIsInquiry = tactics.map { Self.inquiryTactics.contains($0.id) }
        var patterns: [[UInt32]] = []
        var patternPiece: [Int] = []
        var pieceRoles: [PieceRole] = []
        var pieceBoundary: [Bool] = []
        var pieceIDs: [String: Int] = [:]

        func piece(_ text: String, role: PieceRole) -> Int {
            let folded = NormalizedText(text).folded
            let key = "\(role)|\(folded)"
            if let id = pieceIDs[key] { return id }
            let id = pieceRoles.count
            pieceIDs[key] = id
            pieceRoles.append(role)
            let latin = folded.unicodeScalars.contains { SignalScanner.isLatinLetter($0.value) }
            pieceBoundary.append(latin)
            // English words match in any inflection: cue and reply are stemmed alike.
            let scalars = folded.unicodeScalars.map(\.value)
            patterns.append(latin ? EnglishStemmer.stem(phrase: scalars) : scalars)
            patternPiece.append(id)
            return id
        }

        var cues: [CompiledCue] = []
        for (tacticIndex, tactic) in tactics.enumerated() {
            for cue in tactic.cues.all {
                guard let pattern = try? CuePattern.parse(cue) else { continue }  // the loader reports bad cues
                var segments: [[Element]] = []
                var literalLength = 0
                var hasSlot = false, hasQuestion = false
                for segment in pattern.segments {
                    var elements: [Element] = []
                    for element in segment {
                        switch element {
                        case let .text(text):
                            let trimmed = text.trimmingWhitespace(newlines: false)
                            guard !trimmed.isEmpty else { continue }
                            elements.append(.piece(piece(trimmed, role: .cue)))
                            literalLength += trimmed.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
                        case let .slot(slot):
                            hasSlot = true
                            if slot == .question { hasQuestion = true }
                            elements.append(.slot(Self.kind(of: slot)))
                        }
                    }
                    if !elements.isEmpty { segments.append(elements) }
                }
                guard !segments.isEmpty else { continue }
                let strong = hasSlot || segments.count > 1 || literalLength >= 8
                cues.append(CompiledCue(text: cue, tactic: tacticIndex, segments: segments, strong: strong,
                                        hasQuestionSlot: hasQuestion))
            }
        }
        for word in Self.negationTriggers { _ = piece(word, role: .negation) }
        for word in Self.postNegationTriggers { _ = piece(word, role: .postNegation) }
        for word in Self.pseudoNegations { _ = piece(word, role: .pseudoNegation) }
        for word in Self.contrastWords { _ = piece(word, role: .contrast) }
        for word in Self.jointFraming { _ = piece(word, role: .jointFraming) }
        for word in Self.executiveFraming { _ = piece(word, role: .executiveFraming) }

        var byPiece: [Int: [Int]] = [:]
        var slotOnly: [Int] = []
        for (index, cue) in cues.enumerated() {
            let first = cue.segments[0].first { if case .piece = $0 { return true } else { return false } }
            if case let .piece(id)? = first { byPiece[id, default: []].append(index) } else { slotOnly.append(index) }
        }
        self.automaton = AhoCorasick(patterns: patterns)
        self.patternPiece = patternPiece
        self.pieceRoles = pieceRoles
        self.pieceNeedsBoundary = pieceBoundary
        self.cues = cues
        self.cueTactics = cues.map(\.tactic)
        self.cueSinglePiece = cues.map { cue in
            if cue.segments.count == 1, cue.segments[0].count == 1, case let .piece(id) = cue.segments[0][0] { return Int32(id) }
            return -1
        }
        var anchoredStart: [Int32] = [], anchoredCues: [Int32] = []
        for piece in 0..<pieceRoles.count {
            anchoredStart.append(Int32(anchoredCues.count))
            anchoredCues += (byPiece[piece] ?? []).map { Int32($0) }
        }
        anchoredStart.append(Int32(anchoredCues.count))
        self.anchoredStart = anchoredStart
        self.anchoredCues = anchoredCues
        self.cueStrong = cues.map(\.strong)
        self.cueHasQuestionSlot = cues.map(\.hasQuestionSlot)
        self.cueContiguous = cues.map { $0.segments.count == 1 }
        var requiredStart: [Int32] = [], requiredPieces: [Int32] = [], requiredSlots: [UInt8] = []
        for cue in cues {
            requiredStart.append(Int32(requiredPieces.count))
            var pieces: [Int32] = [], slots: UInt8 = 0
            for element in cue.segments.joined() {
                switch element {
                case let .piece(id): if !pieces.contains(Int32(id)) { pieces.append(Int32(id)) }
                case let .slot(kind): slots |= 1 << UInt8(kind.rawValue)
                }
            }
            requiredPieces += pieces
            requiredSlots.append(slots)
        }
        requiredStart.append(Int32(requiredPieces.count))
        self.requiredStart = requiredStart
        self.requiredPieces = requiredPieces
        self.requiredSlots = requiredSlots
        let texts = Array(Set(cues.map(\.text))).sorted()
        let rank = Dictionary(uniqueKeysWithValues: texts.enumerated().map { ($0.element, Int32($0.offset)) })
        self.cueTextRank = cues.map { rank[$0.text] ?? 0 }
        self.slotOnlyCues = slotOnly
    }

    /// Whether cue `cue` needs a figure (money, percent, number, duration): concrete evidence. Read off the slot
    /// kinds it requires.
    @inline(__always)
    func needsFigure(_ cue: Int) -> Bool { requiredSlots[cue] & ~(1 << UInt8(SignalScanner.Kind.question.rawValue)) != 0 }

    static func kind(of slot: CuePattern.Slot) -> SignalScanner.Kind {
        switch slot {
        case .money: .money
        case .percent: .percent
        case .number: .number
        case .duration: .duration
        case .question: .question
        }
    }
}
