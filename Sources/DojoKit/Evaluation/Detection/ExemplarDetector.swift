/// Resemblance to the playbooks' model answers (TF-IDF cosine), as secondary evidence.
struct ExemplarDetector: TacticDetector {
    /// Below this similarity a model answer is not considered close.
    static let floor = 0.2

    let exemplars: ExemplarIndex
    let tacticTypes: [ValueType?]

    func detect(_ context: DetectionContext, into findings: inout [DetectorFinding], buffers: inout ReplyBuffers) {
        let analysis = context.analysis
        // In a reply that negates something ("不是 A，而是 B") resemblance cannot tell the negated part from
        // the rest, so it is not used at all. It only matters for the buyer's type and for types the reply
        // already has cue evidence for; model answers of the other types are not compared at all.
        guard !analysis.hasNegation else { return }
        var wanted: UInt8 = 0
        if let buyer = context.buyer { wanted |= 1 << buyer.ordinal }
        for unit in analysis.units { if let type = tacticTypes[unit.tactic] { wanted |= 1 << type.ordinal } }
        guard wanted != 0 else { return }
        // Most replies resemble no model answer closely: then there is nothing to list.
        guard exemplars.similarities(analysis.text.scalars, typeMask: wanted, into: &buffers.similarities, terms: &buffers.terms)
            >= Self.floor else { return }
        for (position, similarity) in buffers.similarities.enumerated() where similarity >= Self.floor && tacticTypes[position] != nil {
            findings.append(DetectorFinding(tactic: position, source: .exemplars, strength: similarity))
        }
    }
}
