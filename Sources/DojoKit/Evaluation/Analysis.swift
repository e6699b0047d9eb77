/// The per-reply work of the evaluator: fold the text, scan signals, run the automaton once, find
/// negation scopes and question clauses, and match every cue whose anchor occurred.
///
/// Everything per reply lives in a handful of flat arrays (tagged with their tactic or role) rather
/// than one array per tactic: a reply touches two or three tactics, and each small array would be an
/// allocation.
struct Analysis {
    /// One piece of evidence for a tactic: overlapping cue matches merged.
    struct EvidenceUnit {
        var tactic: Int
        var start: Int
        var end: Int
        var strong: Bool
        /// Some cue of it needs a figure (money, percent, duration, number).
        var figure: Bool
        var questioned: Bool
        /// A further match of the same tactic that only continues the previous one across a number ("ISO 13485
        /// certified" is one mention, not two): it adds nothing to the cue's strength.
        var continuesPrevious = false
        var weight: Double { (strong ? 0.6 : 0.5) * (questioned ? 0.4 : 1) }
    }

    struct Occurrence { var start: Int; var end: Int }

    struct PieceHit {
        var piece: Int
        var occurrence: Occurrence
    }

    struct RoleHit {
        var role: CueIndex.PieceRole
        var occurrence: Occurrence
        /// A negation word, before or after what it negates.
        var isNegationWord: Bool { role == .negation || role == .postNegation }
    }

    /// What a negation word cancels: cue matches starting in `scopeStart..<scopeEnd` — after the
    /// trigger for a negation ("不会降价"), before it for a refusal that follows ("最低价给不了").
    struct NegationScope {
        var triggerStart: Int
        var triggerEnd: Int
        var scopeStart: Int
        var scopeEnd: Int
        /// The trigger follows what it negates: a match must also end before the trigger.
        var follows: Bool
    }

    struct CueMatch {
        var cue: Int
        var start: Int
        var end: Int
        var contiguous: Bool
        /// The matched segments, `segmentStore[segments]`; the gaps between them are not cue text.
        var segments: Range<Int>
    }

    /// A cue match cancelled by a negation.
    struct NegatedMatch {
        var tactic: Int
        var negated: Assessment.Negated
    }

    private(set) var text: NormalizedText
    let index: CueIndex
    private(set) var spans: [SignalScanner.Span]
    /// Cue pieces found, in order of end position (few per reply: linear scans beat hashing).
    private var pieceHits: [PieceHit] = []
    /// Other pieces found (negations, contrasts, framing words), in order of end position.
    private var roleHits: [RoleHit] = []
    private(set) var scopes: [NegationScope] = []
    /// The reply with English words stemmed, when any word changed (the automaton's input; features use it too).
    var stemmed: EnglishStemmer.Folded? { isStemmed ? stemmedText : nil }
    /// `stemmed` when `isStemmed`; kept even when empty, its storage reused from reply to reply.
    private var stemmedText: EnglishStemmer.Folded
    private var isStemmed = false
    /// Whether the reply (all of it) has a CJK ideograph: `String.containsCJK`, without another pass over it. (Next to
    /// `isStemmed`, in its padding: the analysis is 128 bytes, and any larger it is copied by `memcpy`, which cost more
    /// than this saves.)
    let containsCJK: Bool
    /// The folded text's length in units (`lengthUnits(text.scalars)`), counted while folding. (In the same padding: an
    /// analysed reply has at most `Evaluator.maxAnalysedScalars` scalars, and NFKC makes at most 18 of one.)
    private let length: Int32
    /// Evidence, in order of creation; a tactic's units are those with its position.
    private(set) var units: [EvidenceUnit] = []
    /// Negated cue matches, in order, without repeated quotes per tactic.
    private(set) var negated: [NegatedMatch] = []
    /// Credited cue matches (not negated), in order of position.
    private(set) var credited: [CueMatch] = []
    /// The segments of every cue match.
    private var segmentStore: [Occurrence] = []

    init(reply: String, index: CueIndex) {
        var buffers = ReplyBuffers()
        self.init(reply: reply, index: index, buffers: &buffers)
    }

    /// Analyses `reply` in the storage of `buffers`, which it takes; `recycle(into:)` gives it back. With `readingWords`,
    /// the reply's words are read into `buffers.words` too, in the pass that stems it (for the trained model's tokens).
    init(reply: String, index: CueIndex, buffers: inout ReplyBuffers, readingWords: Bool = false) {
        let analysed = Evaluator.analysedPart(of: reply)
        var notes = NormalizedText.Notes()
        text = NormalizedText(analysed, reusing: &buffers, notes: &notes)
        // The whole reply's, also where only its start was analysed.
        self.containsCJK = notes.containsCJK || (analysed.utf8.count != reply.utf8.count && reply.containsCJK)
        length = Int32(notes.lengthUnits)
        self.index = index
        var spans: [SignalScanner.Span] = []
        swap(&spans, &buffers.spans)
        SignalScanner.scan(text.scalars, into: &spans)
        self.spans = spans
        stemmedText = EnglishStemmer.Folded()
        swap(&stemmedText, &buffers.stemmed)
        swap(&pieceHits, &buffers.pieceHits)
        swap(&roleHits, &buffers.roleHits)
        swap(&credited, &buffers.credited)
        swap(&units, &buffers.units)
        swap(&segmentStore, &buffers.segments)
        pieceHits.emptyKeepingCapacity()
        roleHits.emptyKeepingCapacity()
        credited.emptyKeepingCapacity()
        units.emptyKeepingCapacity()
        segmentStore.emptyKeepingCapacity()
        // Words are read where the text is stemmed: where it has a letter a–z.
        let readsWords = readingWords && notes.hasLowercaseLetter
        findPieces(matches: &buffers.matches, hasLowercaseLetter: notes.hasLowercaseLetter, readingWords: readsWords, words: &buffers.words.list)
        buffers.words.isRead = readsWords
        findNegationScopes()
        findPostNegationScopes()
        matchCues(candidates: &buffers.candidates, scratch: &buffers.occurrences)
    }

    /// Moves the analysis's storage back to `buffers` for the next reply; the analysis is empty after it.
    mutating func recycle(into buffers: inout ReplyBuffers) {
        text.recycle(into: &buffers)
        swap(&spans, &buffers.spans)
        swap(&stemmedText, &buffers.stemmed)
        isStemmed = false
        swap(&pieceHits, &buffers.pieceHits)
        swap(&roleHits, &buffers.roleHits)
        swap(&credited, &buffers.credited)
        swap(&units, &buffers.units)
        swap(&segmentStore, &buffers.segments)
    }

    // MARK: pieces

    /// `matches` is working space (emptied first). `hasLowercaseLetter`: whether the folded text has a letter a–z. With
    /// `readingWords`, `words` gets the reply's words (`ReplyWords.read`).
    private mutating func findPieces(matches: inout [AhoCorasick.Match], hasLowercaseLetter: Bool, readingWords: Bool,
                                     words: inout [ReplyWords.Word]) {
        let scalars = text.scalars
        pieceHits.reserveCapacity(32)
        let patternPiece = index.patternPiece, needsBoundary = index.pieceNeedsBoundary, roles = index.pieceRoles
        // English words are stemmed for the automaton; matches map back to the folded text.
        // Only words of a–z are stemmed: a text without one (most Chinese replies) is not scanned for them. `stemmedText`
        // then keeps what it held; it is read only while `isStemmed`.
        if readingWords {
            isStemmed = ReplyWords.read(scalars, stemmingInto: &stemmedText, words: &words)
        } else {
            isStemmed = hasLowercaseLetter && EnglishStemmer.fold(scalars, into: &stemmedText)
        }
        let isStemmed = self.isStemmed
        // All matches first, then each handled: see `AhoCorasick.appendMatches(in:to:)`. The stemmed text is read in place
        // (`stemmed`, an optional copy of it, retained and released both its arrays).
        matches.emptyKeepingCapacity()
        index.automaton.appendMatches(in: isStemmed ? stemmedText.scalars : scalars, to: &matches)
        for match in matches {
            let piece = patternPiece[match.pattern]
            let start = isStemmed ? stemmedText.start(match.start) : match.start
            let end = isStemmed ? stemmedText.end(match.end - 1) : match.end
            if needsBoundary[piece] {
                if start > 0, SignalScanner.isWordScalar(scalars[start - 1]), SignalScanner.isLatinLetter(scalars[start]) { continue }
                if end < scalars.count, SignalScanner.isLatinLetter(scalars[end]), SignalScanner.isLatinLetter(scalars[end - 1]) { continue }
            }
            let occurrence = Occurrence(start: start, end: end)
            let role = roles[piece]
            if role == .cue {
                pieceHits.append(PieceHit(piece: piece, occurrence: occurrence))
            } else {
                if roleHits.isEmpty { roleHits.reserveCapacity(16) }
                roleHits.append(RoleHit(role: role, occurrence: occurrence))
            }
        }
    }

    private func hasRole(_ role: CueIndex.PieceRole) -> Bool { roleHits.contains { $0.role == role } }

    /// Every negation word found, in order, also those inside a pseudo-negation ("不错", "not only") that negate nothing.
    /// A lazy view, not a list: the list, built for the model's reading of every reply, cost about 220 instructions.
    var negationWords: LazyMapSequence<LazyFilterSequence<[RoleHit]>, Range<Int>> {
        roleHits.lazy.filter { $0.isNegationWord }.map { $0.occurrence.start..<$0.occurrence.end }
    }

    /// Whether a clause ends after scalar `i`: , ; : . ! ? 、 and the like — but not the point in
    /// "8.5" or the comma in "200,000".
    func endsClause(_ i: Int) -> Bool {
        let scalars = text.scalars, c = scalars[i]
        guard SignalScanner.isClauseBoundary(c) else { return false }
        if c == 0x2E && !SignalScanner.isSentenceBoundary(scalars, i) { return false }
        if c == 0x2C && i > 0 && i + 1 < scalars.count && SignalScanner.isDigit(scalars[i - 1]) && SignalScanner.isDigit(scalars[i + 1]) {
            return false
        }
        return true
    }

    /// Whether scalars `a` and `b` sit in the same clause (or, with `sentence`, the same sentence):
    /// no boundary ends one between them. Evaluated on demand: few replies ask it more than a few times.
    private func together(_ a: Int, _ b: Int, sentence: Bool = false) -> Bool {
        let between = min(a, b)..<max(a, b)
        if sentence {
            for i in between where SignalScanner.isSentenceBoundary(text.scalars, i) { return false }
            return true
        }
        // The scalars walked through a pointer, each tested against a bit set of the scalars that may end a clause first
        // (below 0x40 exactly; above, a filter on `c & 63` that lets the four of them through): about 17 instructions a
        // scalar walked became about 7, over some 40 scalars a question-clause test.
        let low = Self.clauseEndsBelow40, other = Self.clauseEndsAbove40
        return text.scalars.withUnsafeBufferPointer { scalars in
            precondition(between.lowerBound >= 0 && between.upperBound <= scalars.count)
            for i in between {
                let c = scalars[i]
                if (c < 0x40 ? low : other) >> UInt64(c & 63) & 1 != 0 && endsClause(i) { return false }
            }
            return true
        }
    }

    /// Whether the reply has a negation word (`negationWords` is not empty), without looking further.
    var hasNegationWord: Bool { roleHits.contains(where: \.isNegationWord) }

    /// Whether the clause holding scalar `position` has a question in it.
    func inQuestionClause(_ position: Int) -> Bool {
        spans.contains { $0.kind == .question && together($0.start, position) }
    }

    /// The scalars below 0x40 that `SignalScanner.isClauseBoundary` accepts, as bits (all it accepts in ASCII are).
    private static let clauseEndsBelow40: UInt64 = (UInt32(0)..<0x40).filter(SignalScanner.isClauseBoundary).reduce(0) { $0 | 1 << UInt64($1) }
    /// Bit `c & 63` of each scalar above ASCII that it accepts: a filter.
    private static let clauseEndsAbove40: UInt64 = SignalScanner.nonASCIIClauseBoundaries.reduce(0) { $0 | 1 << UInt64($1 & 63) }

    private mutating func findNegationScopes() {
        var triggers: [Occurrence] = []
        for hit in roleHits where hit.role == .negation { triggers.append(hit.occurrence) }
        guard !triggers.isEmpty else { return }
        triggers.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        var lastEnd = -1
        for trigger in triggers {
            // Longest trigger wins at a position (没有 over 没); pseudo-negations (不错, not only) cancel it.
            if trigger.start < lastEnd { continue }
            if isInsidePseudoNegation(trigger) { continue }
            lastEnd = trigger.end
            let isLatin = SignalScanner.isLatinLetter(text.scalars[trigger.start])
            var end = min(text.scalars.count, trigger.end + (isLatin ? 48 : 20))
            // The scope stops at the end of the trigger's clause (at once, if the trigger holds a clause end).
            var boundary = trigger.start
            while boundary < end - 1 && !endsClause(boundary) { boundary += 1 }
            if boundary < end - 1 || (boundary < text.scalars.count && endsClause(boundary)) {
                end = min(end, max(boundary + 1, trigger.end))
            }
            for hit in roleHits where hit.role == .contrast && hit.occurrence.start >= trigger.end && hit.occurrence.start < end {
                end = hit.occurrence.start
            }
            scopes.append(NegationScope(triggerStart: trigger.start, triggerEnd: trigger.end, scopeStart: trigger.end, scopeEnd: end,
                                        follows: false))
        }
    }

    /// Whether a longer pseudo-negation (不错, not only, 不用担心) contains the trigger, which is then no negation.
    private func isInsidePseudoNegation(_ trigger: Occurrence) -> Bool {
        roleHits.contains { $0.role == .pseudoNegation && $0.occurrence.start <= trigger.start && $0.occurrence.end >= trigger.end
            && $0.occurrence.end - $0.occurrence.start > trigger.end - trigger.start }
    }

    /// Refusals after the fact ("最低价我们给不了"): the scope runs back from the trigger to the start
    /// of its clause (at most 20 CJK / 48 Latin scalars), or to a contrast word ("降价可以，但最低价给不了").
    private mutating func findPostNegationScopes() {
        for hit in roleHits where hit.role == .postNegation {
            let trigger = hit.occurrence
            if isInsidePseudoNegation(trigger) { continue }
            let isLatin = SignalScanner.isLatinLetter(text.scalars[trigger.start])
            var start = max(0, trigger.start - (isLatin ? 48 : 20))
            var i = trigger.start - 1
            while i >= start {
                if endsClause(i) { start = i + 1; break }
                i -= 1
            }
            for contrast in roleHits where contrast.role == .contrast && contrast.occurrence.end <= trigger.start
                && contrast.occurrence.end > start {
                start = contrast.occurrence.end
            }
            if start < trigger.start {
                scopes.append(NegationScope(triggerStart: trigger.start, triggerEnd: trigger.end, scopeStart: start,
                                            scopeEnd: trigger.start, follows: true))
            }
        }
    }

    /// Whether the reply negates anything; resemblance to model answers is then not trusted.
    var hasNegation: Bool { !scopes.isEmpty }

    /// The negation, if any, that cancels a cue match.
    private func negation(of match: CueMatch) -> NegationScope? {
        scopes.first { $0.scopeStart <= match.start && match.start < $0.scopeEnd && (!$0.follows || match.end <= $0.triggerStart) }
    }

    // MARK: cues

    private func spanEnd(_ kind: SignalScanner.Kind, startingAt position: Int) -> Int? {
        var best: Int?
        for span in spans where span.kind == kind && span.start == position { best = max(best ?? 0, span.end) }
        return best
    }

    private func spanStart(_ kind: SignalScanner.Kind, endingAt position: Int) -> Int? {
        var best: Int?
        for span in spans where span.kind == kind && span.end == position { best = min(best ?? Int.max, span.start) }
        return best
    }

    private func pieceEnd(_ piece: Int, startingAt position: Int) -> Int? {
        var best: Int?
        for hit in pieceHits where hit.piece == piece && hit.occurrence.start == position { best = max(best ?? 0, hit.occurrence.end) }
        return best
    }

    private func pieceStart(_ piece: Int, endingAt position: Int) -> Int? {
        var best: Int?
        for hit in pieceHits where hit.piece == piece && hit.occurrence.end == position {
            best = min(best ?? Int.max, hit.occurrence.start)
        }
        return best
    }

    /// Elements may be separated by one space.
    private func forward(_ element: CueIndex.Element, from position: Int) -> Int? {
        let spaced = position < text.scalars.count && text.scalars[position] == 0x20
        for p in position...(position + 1) where p == position || spaced {
            switch element {
            case let .piece(id): if let end = pieceEnd(id, startingAt: p) { return end }
            case let .slot(kind): if let end = spanEnd(kind, startingAt: p) { return end }
            }
        }
        return nil
    }

    private func backward(_ element: CueIndex.Element, from position: Int) -> Int? {
        let spaced = position > 0 && text.scalars[position - 1] == 0x20
        for step in 0...1 where step == 0 || spaced {
            let p = position - step
            switch element {
            case let .piece(id): if let start = pieceStart(id, endingAt: p) { return start }
            case let .slot(kind): if let start = spanStart(kind, endingAt: p) { return start }
            }
        }
        return nil
    }

    /// Every place a segment matches, anchored on its first piece (or first slot), appended in order
    /// to `result`; returns their range there.
    private func matches(of segment: [CueIndex.Element], into result: inout [Occurrence]) -> Range<Int> {
        let anchorIndex = segment.firstIndex { if case .piece = $0 { return true } else { return false } } ?? 0
        let from = result.count
        func extend(_ anchor: Occurrence) {
            var end = anchor.end
            for element in segment[(anchorIndex + 1)...] {
                guard let next = forward(element, from: end) else { return }
                end = next
            }
            var start = anchor.start
            for element in segment[..<anchorIndex].reversed() {
                guard let previous = backward(element, from: start) else { return }
                start = previous
            }
            result.append(Occurrence(start: start, end: end))
        }
        switch segment[anchorIndex] {
        case let .piece(id): for hit in pieceHits where hit.piece == id { extend(hit.occurrence) }
        case let .slot(kind): for span in spans where span.kind == kind { extend(Occurrence(start: span.start, end: span.end)) }
        }
        if result.count - from > 1 { result[from...].sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        return from..<result.count
    }

    /// The leftmost complete match of a cue: its segments in order, all in one sentence, appended to
    /// `segmentStore`; returns their range there. `scratch` is working space.
    private mutating func match(cue: CueIndex.CompiledCue, scratch: inout [Occurrence]) -> Range<Int>? {
        scratch.emptyKeepingCapacity()
        let first = matches(of: cue.segments[0], into: &scratch)
        guard !first.isEmpty else { return nil }
        let from = segmentStore.count
        if cue.segments.count == 1 {
            segmentStore.append(scratch[first.lowerBound])
            return from..<from + 1
        }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: cue.segments.count - 1) { rest in
            for k in 1..<cue.segments.count { rest[k - 1] = matches(of: cue.segments[k], into: &scratch) }
            candidate: for start in scratch[first] {
                segmentStore.removeSubrange(from...)
                segmentStore.append(start)
                for options in rest {
                    let end = segmentStore[segmentStore.count - 1].end
                    guard let next = scratch[options].first(where: { $0.start >= end && together(start.start, $0.end - 1, sentence: true) })
                    else { continue candidate }
                    segmentStore.append(next)
                }
                return from..<segmentStore.count
            }
            segmentStore.removeSubrange(from...)
            return nil
        }
    }

    /// Whether every piece and slot kind cue `cue` needs occurred in the reply.
    private func hasEverything(for cue: Int, slots: UInt8) -> Bool {
        let needed = index.requiredSlots[cue]
        guard needed & slots == needed else { return false }
        for k in Int(index.requiredStart[cue])..<Int(index.requiredStart[cue + 1]) {
            let piece = Int(index.requiredPieces[k])
            if !pieceHits.contains(where: { $0.piece == piece }) { return false }
        }
        return true
    }

    /// `candidates` and `scratch` are working space (emptied first).
    private mutating func matchCues(candidates: inout [CueMatch], scratch: inout [Occurrence]) {
        guard !pieceHits.isEmpty || !index.slotOnlyCues.isEmpty else { return }
        candidates.emptyKeepingCapacity()
        candidates.reserveCapacity(16)
        // The cues to try: every slot-only cue and every cue anchored on a piece found, each once, in order.
        var slotKinds: UInt8 = 0
        for span in spans { slotKinds |= 1 << UInt8(span.kind.rawValue) }
        var capacity = index.slotOnlyCues.count
        for hit in pieceHits { capacity += Int(index.anchoredStart[hit.piece + 1] - index.anchoredStart[hit.piece]) }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { buffer in
            var count = 0
            func add(_ cue: Int32) {
                buffer[count] = cue
                count += 1
            }
            for cue in index.slotOnlyCues { add(Int32(cue)) }
            index.anchoredStart.withUnsafeBufferPointer { starts in
                index.anchoredCues.withUnsafeBufferPointer { anchored in
                    for hit in pieceHits {
                        for k in Int(starts[hit.piece])..<Int(starts[hit.piece + 1]) { add(anchored[k]) }
                    }
                }
            }
            var cueIDs = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            // A reply tries a handful of cues: an insertion sort is cheaper than the standard sort's set-up for them.
            if count <= Self.insertionSortLimit { cueIDs.stableInsertionSort(count: count, by: <) } else { cueIDs.sort() }
            var previous = -1
            let singlePiece = index.cueSinglePiece
            for cue in cueIDs where Int(cue) != previous {
                let cueID = Int(cue)
                previous = cueID
                let piece = Int(singlePiece[cueID])
                if piece >= 0 {
                    // A plain phrase: its leftmost occurrence is the match.
                    var leftmost: Occurrence?
                    for hit in pieceHits where hit.piece == piece {
                        if leftmost.map({ (hit.occurrence.start, hit.occurrence.end) < ($0.start, $0.end) }) ?? true { leftmost = hit.occurrence }
                    }
                    if let leftmost {
                        candidates.append(CueMatch(cue: cueID, start: leftmost.start, end: leftmost.end, contiguous: true,
                                                   segments: 0..<0))
                    }
                    continue
                }
                guard hasEverything(for: cueID, slots: slotKinds),
                      let segments = match(cue: index.cues[cueID], scratch: &scratch) else { continue }
                candidates.append(CueMatch(cue: cueID, start: segmentStore[segments.lowerBound].start,
                                           end: segmentStore[segments.upperBound - 1].end, contiguous: index.cueContiguous[cueID],
                                           segments: segments))
            }
        }
        let cueTactics = index.cueTactics
        // Leftmost-longest between tactics: a plain phrase inside a longer contiguous phrase of another
        // tactic is part of that phrase ("降低销售成本" is not also "降低成本" of another tactic).
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: candidates.count) { keep in
            for (i, m) in candidates.enumerated() {
                keep[i] = !m.contiguous || !candidates.contains { o in
                    o.contiguous && cueTactics[o.cue] != cueTactics[m.cue] && o.start <= m.start && o.end >= m.end
                        && o.end - o.start > m.end - m.start
                }
            }
            var kept = 0
            for i in candidates.indices where keep[i] {
                candidates[kept] = candidates[i]
                kept += 1
            }
            candidates.removeLast(candidates.count - kept)
        }
        credited.reserveCapacity(candidates.count)
        units.reserveCapacity(candidates.count)
        candidates.sort { ($0.start, $0.end, $0.cue) < ($1.start, $1.end, $1.cue) }
        for m in candidates {
            let tactic = cueTactics[m.cue], strong = index.cueStrong[m.cue], figure = index.needsFigure(m.cue)
            if let scope = negation(of: m) {
                let trigger = text.quote(scope.triggerStart..<scope.triggerEnd)
                let quote = text.quote(min(scope.triggerStart, m.start)..<max(m.end, scope.triggerEnd))
                if !negated.contains(where: { $0.tactic == tactic && $0.negated.quote == quote }) {
                    negated.append(NegatedMatch(tactic: tactic, negated: Assessment.Negated(quote: quote, trigger: trigger)))
                }
                continue
            }
            if modifiesRoleNoun(after: m.end) { continue }
            let questioned = !index.cueHasQuestionSlot[m.cue] && !index.tacticIsInquiry[tactic] && inQuestionClause(m.start)
            credited.append(m)
            if let i = units.firstIndex(where: { $0.tactic == tactic && $0.start < m.end && m.start < $0.end }) {
                units[i].start = min(units[i].start, m.start)
                units[i].end = max(units[i].end, m.end)
                units[i].strong = units[i].strong || strong
                units[i].figure = units[i].figure || figure
                units[i].questioned = units[i].questioned && questioned
            } else {
                var unit = EvidenceUnit(tactic: tactic, start: m.start, end: m.end, strong: strong, figure: figure, questioned: questioned)
                if let previous = units.last(where: { $0.tactic == tactic && $0.end <= m.start }) {
                    unit.continuesPrevious = joinedByFigureOnly(from: previous.end, to: m.start)
                }
                units.append(unit)
            }
        }
    }

    /// Whether the text between two matches is only a figure and its separators (" 13485 " in "ISO 13485 certified";
    /// not " and " or " 9001 and "): at most 16 scalars of digits, spaces and `- . / :`, at least one digit.
    private func joinedByFigureOnly(from start: Int, to end: Int) -> Bool {
        guard end >= start, end - start <= 16 else { return false }
        var digit = false
        let scalars = text.scalars
        for i in start..<end {
            let scalar = scalars[i]
            if SignalScanner.isDigit(scalar) {
                digit = true
            } else if scalar != 0x20 && scalar != 0x2D && scalar != 0x2E && scalar != 0x2F && scalar != 0x3A {
                return false
            }
        }
        return digit
    }

    /// Whether an English cue ending at `end` is only the first part of a compound noun naming a person
    /// ("our warehouse planning engineer", "the lab test manager"): up to two more words, then a role noun.
    /// Such a match speaks of the person, not of what the cue names.
    private func modifiesRoleNoun(after end: Int) -> Bool {
        let scalars = text.scalars
        guard end > 0, end < scalars.count, SignalScanner.isLatinLetter(scalars[end - 1]), scalars[end] == 0x20 else { return false }
        var i = end
        for _ in 0..<3 {
            guard i < scalars.count, scalars[i] == 0x20 else { return false }
            i += 1
            let start = i
            while i < scalars.count && (SignalScanner.isLatinLetter(scalars[i]) || scalars[i] == 0x2D) { i += 1 }
            guard i > start else { return false }
            // Words compared by hash, without building them: a role noun, singular or plural ("engineers").
            let hash = Self.wordHash(scalars, start..<i)
            if Self.isListed(hash, in: Self.roleNounHashes) { return true }
            if i - start > 1, scalars[i - 1] == 0x73, Self.isListed(Self.wordHash(scalars, start..<(i - 1)), in: Self.roleNounHashes) {
                return true
            }
            if Self.isListed(hash, in: Self.functionWordHashes) { return false }
        }
        return false
    }

    /// FNV-1a over a run of scalars: a word's identity for the small word lists above.
    @inline(__always)
    private static func wordHash(_ scalars: [UInt32], _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { hash = (hash ^ UInt64(scalars[i])) &* 0x100_0000_01b3 }
        return hash
    }

    /// The word lists' hashes, sorted for `isListed`: a `Set` hashed every word again (SipHash), which cost more than
    /// the rest of the compound-noun check.
    private static let roleNounHashes: [UInt64] = roleNouns.map { wordHash($0, 0..<$0.count) }.sorted()
    private static let functionWordHashes: [UInt64] = functionWords.map { wordHash($0, 0..<$0.count) }.sorted()

    /// Whether `hash` is in `sorted` (a binary search).
    private static func isListed(_ hash: UInt64, in sorted: [UInt64]) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < hash { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == hash
    }

    /// Nouns that head a compound naming a person or role.
    private static let roleNouns: [[UInt32]] = [
        "engineer", "manager", "planner", "specialist", "technician", "consultant", "director", "supervisor", "coordinator",
        "officer", "analyst", "expert", "inspector", "operator", "lead", "head", "rep", "representative", "advisor", "adviser",
    ].map { $0.unicodeScalars.map(\.value) }

    // MARK: signals

    /// Up to this many cues tried, the cue matcher sorts them by insertion.
    private static let insertionSortLimit = 24

    /// Length in units: one per CJK character, one per Latin word or number.
    static func lengthUnits(_ scalars: some Sequence<UInt32>) -> Int {
        var length = 0
        var inWord = false
        for c in scalars { length += unit(c, inWord: &inWord) }
        return length
    }

    /// 1 when scalar `c` starts a length unit (a CJK character, or a letter or digit after none), else 0; `inWord` says
    /// whether the scalar before was a letter or digit and is updated.
    @inline(__always)
    static func unit(_ c: UInt32, inWord: inout Bool) -> Int {
        if c >= 0x3400 && c <= 0x9FFF { inWord = false; return 1 }
        guard SignalScanner.isLatinLetter(c) || SignalScanner.isDigit(c) else { inWord = false; return 0 }
        defer { inWord = true }
        return inWord ? 0 : 1
    }

    /// The same over a buffer, four scalars at a time: a unit is a CJK character or the first of a run of Latin letters
    /// and digits, so the length is the count of CJK characters plus that of letters or digits not preceded by one,
    /// both counted in vector lanes (the scalar loop took about 16 instructions a scalar). Tested against the loop.
    static func lengthUnits(_ scalars: UnsafeBufferPointer<UInt32>) -> Int {
        guard let base = scalars.baseAddress else { return 0 }
        let n = scalars.count
        var units = SIMD4<UInt32>()
        // 1 in a lane whose scalar is a letter or digit; lane 3 is the last scalar of the chunk before.
        var previous = SIMD4<UInt32>()
        var i = 0
        while i + 4 <= n {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD4<UInt32>.self)
            // Range tests as 0 or 1 by arithmetic (vector compares gave masks that were taken apart lane by lane): for
            // values below 2^31, as scalars are, the top bit of v - k says whether v < k.
            @inline(__always) func within(_ v: SIMD4<UInt32>, _ low: UInt32, _ high: UInt32) -> SIMD4<UInt32> {
                ((v &- high) &>> 31) & ~((v &- low) &>> 31)
            }
            let lower = v | 0x20
            let word = within(v, 0x30, 0x3A) | within(lower, 0x61, 0x7B)
            let before = SIMD4(previous[3], word[0], word[1], word[2])
            units &+= within(v, 0x3400, 0xA000) &+ (word & ~before)
            previous = word
            i += 4
        }
        var length = Int(units.wrappedSum())
        var inWord = previous[3] != 0
        while i < n {
            length += unit(scalars[i], inWord: &inWord)
            i += 1
        }
        return length
    }

    func signals() -> Assessment.Signals {
        let length = Int(self.length)
        var asksQuestion = false, quantifiesValue = false, hasNumber = false, hasFigure = false
        for span in spans {
            switch span.kind {
            case .question: asksQuestion = true
            case .money, .percent: quantifiesValue = true; hasFigure = true
            case .duration: hasFigure = true
            case .number: hasNumber = true
            }
        }
        // The figure spans in order of position, on the stack (a stable insertion sort, as the sort it replaces was
        // stable): filtered and sorted arrays cost two allocations a reply with figures.
        var figures: [String] = [], figureKinds: [SignalScanner.Kind] = []
        if hasFigure {
            withUnsafeTemporaryAllocation(of: SignalScanner.Span.self, capacity: spans.count) { ordered in
                var count = 0
                for span in spans where span.kind == .money || span.kind == .percent || span.kind == .duration {
                    ordered[count] = span
                    count += 1
                }
                ordered.stableInsertionSort(count: count) { ($0.start, $0.end) < ($1.start, $1.end) }
                figures.reserveCapacity(count)
                figureKinds.reserveCapacity(count)
                for span in ordered[0..<count] {
                    figures.append(text.quote(span.start..<span.end))
                    figureKinds.append(span.kind)
                }
            }
        }
        return Assessment.Signals(
            asksQuestion: asksQuestion,
            quantifiesValue: quantifiesValue,
            hasNumber: hasNumber,
            length: length,
            jointFraming: hasRole(.jointFraming),
            executiveFraming: hasRole(.executiveFraming),
            figures: figures,
            figureKinds: figureKinds)
    }

    /// A reply that is mostly cue phrases strung together, or a bare list of short keywords, is not
    /// something said to a buyer.
    func looksLikeCueStuffing(usedTactics: Int) -> Bool {
        guard usedTactics >= 2 else { return false }
        let scalars = text.scalars
        // Which scalars the credited cues cover, on the stack (an array would be an allocation).
        let (content, inCue) = withUnsafeTemporaryAllocation(of: Bool.self, capacity: scalars.count) { covered in
            covered.initialize(repeating: false)
            for m in credited {
                if m.segments.isEmpty {
                    for i in m.start..<min(m.end, covered.count) { covered[i] = true }
                }
                for segment in segmentStore[m.segments] { for i in segment.start..<segment.end where i < covered.count { covered[i] = true } }
            }
            var content = 0, inCue = 0
            for (i, c) in scalars.enumerated() where c != 0x20 && !SignalScanner.isClauseBoundary(c) && c != 0x2F && c != 0x7C {
                content += 1
                if covered[i] { inCue += 1 }
            }
            return (content, inCue)
        }
        guard content > 0 else { return false }
        let ratio = Double(inCue) / Double(content)
        // Text that is almost all cue phrases is only a list when nothing holds it together as sentences:
        // a concise answer to a buyer ("报价今天发您邮箱，不用见面；五万支走批量价，…") is mostly cues too.
        // Asked at most once: it walks every item of the reply (long replies asked it twice).
        lazy var keywordList = looksLikeKeywordList(minimumItems: 4)
        let sentenced = scalars.contains { $0 == 0x3002 || $0 == 0x3B || $0 == 0x21 || $0 == 0x3F }
            || (scalars.contains(0x2E) && !keywordList)
        if usedTactics >= 3 && !sentenced && (ratio >= 0.6 || (usedTactics >= 5 && content / usedTactics < 8)) { return true }
        return keywordList
    }

    /// Short items separated by spaces, commas or 、 with no sentence in between ("节约 批量 壁垒 渠道"),
    /// or English words with almost no function words ("savings lowest price bulk order").
    private func looksLikeKeywordList(minimumItems: Int) -> Bool {
        let scalars = text.scalars
        if scalars.contains(where: { $0 == 0x3002 || $0 == 0x21 || $0 == 0x3F }) { return false }
        var items: [Range<Int>] = []
        var start = 0
        for (i, c) in scalars.enumerated() where c == 0x20 || c == 0x2C || c == 0x3001 || c == 0x3B || c == 0x2F || c == 0x7C {
            // "420,000" is one item.
            if c == 0x2C, i > 0, i + 1 < scalars.count, SignalScanner.isDigit(scalars[i - 1]), SignalScanner.isDigit(scalars[i + 1]) { continue }
            if i > start { items.append(start..<i) }
            start = i + 1
        }
        if scalars.count > start { items.append(start..<scalars.count) }
        guard items.count >= minimumItems else { return false }
        var cjkItems = 0, shortCJKItems = 0, spokenCJKItems = 0
        for item in items where scalars[item].contains(where: { $0 >= 0x3400 && $0 <= 0x9FFF }) {
            cjkItems += 1
            if item.count <= 6 { shortCJKItems += 1 }
            if scalars[item].contains(where: Self.cjkFunctionCharacters.contains) { spokenCJKItems += 1 }
        }
        if cjkItems * 2 >= items.count {
            // Chat often runs clauses together with spaces or commas ("可以 我这边直接给您出厂价 跳过代理商 每公斤少3块"):
            // when half the pieces carry a pronoun or particle, it is talk, not a list of keywords.
            return Double(shortCJKItems) / Double(cjkItems) >= 0.75 && spokenCJKItems * 2 < cjkItems
        }
        // A word is compared without the punctuation around it ("this." is "this"): by hash first, and with the list
        // only when the hash is a function word's (comparing every item with every function word was a sixth of
        // the time a long reply took).
        var function = 0
        for item in items {
            var lower = item.lowerBound, upper = item.upperBound
            while upper > lower && !SignalScanner.isLatinLetter(scalars[upper - 1]) { upper -= 1 }
            while lower < upper && !SignalScanner.isLatinLetter(scalars[lower]) { lower += 1 }
            let word = scalars[lower..<upper]
            let isFunctionWord = Self.isListed(Self.wordHash(scalars, lower..<upper), in: Self.functionWordHashes)
                && Self.functionWords.contains { $0.elementsEqual(word) }
            // Figures ("6%", "420,000") hold a sentence together as function words do: keyword lists have none.
            if isFunctionWord || scalars[item].contains(where: SignalScanner.isDigit) { function += 1 }
        }
        return items.count >= 6 && Double(function) / Double(items.count) < 0.15
    }

    /// Pronouns, particles and auxiliaries (Simplified, as the text is folded, and Cantonese) that keyword lists lack.
    private static let cjkFunctionCharacters: Set<UInt32> = Set("我你您他她们的了吗呢吧啊呀哦喔嘛就也都还很会要给跟让把被在是不没可能再先这那哋嘅咗係唔佢咁喺啲冇嚟俾畀咩啦".unicodeScalars.map(\.value))

    /// English words that make a sentence out of a list of keywords.
    private static let functionWords: [[UInt32]] = [
        "the", "a", "an", "we", "you", "i", "our", "your", "to", "will", "can", "is", "are", "and", "of", "for", "it", "that",
        "this", "with", "on", "in", "be", "would", "could", "us", "they", "so", "if", "as", "at", "by", "let", "me", "my",
        "do", "have", "from", "no", "not", "plus", "per", "than", "or", "but", "all", "about", "each", "every", "there",
        "their", "them", "was", "were", "has", "had", "been", "get", "just", "only", "also", "up", "off", "into", "after",
    ].map { $0.unicodeScalars.map(\.value) }
}
