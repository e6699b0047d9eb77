/// The JSON form of an evaluation report (`dojo eval --format json`): keys in a fixed order, labels sorted.
extension EvaluationReport {
    public func json(model: TacticModel.Metadata?) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("replies"); w.int(count)
        w.key("model"); w.string(model.map { "\($0.scheme) trained_on=\($0.trainedOn)" })
        w.key("orientation_accuracy"); w.number(accuracy)
        w.key("confusion")
        w.beginObject()
        w.key("classes"); w.beginArray(); for name in Self.classes { w.string(name) }; w.endArray()
        w.key("rows_labelled_columns_found"); w.beginArray()
        for row in confusion { w.beginArray(); for cell in row { w.int(cell) }; w.endArray() }
        w.endArray()
        w.endObject()
        w.key("languages"); w.beginObject()
        for entry in languageAccuracy {
            w.key(entry.language.isEmpty ? "none" : entry.language)
            w.beginObject(); w.key("replies"); w.int(entry.count); w.key("orientation_accuracy"); w.number(entry.accuracy); w.endObject()
        }
        w.endObject()
        func counts(_ c: LabelCounts) {
            w.beginObject()
            w.key("support"); w.int(c.support)
            w.key("precision"); w.number(c.precision)
            w.key("recall"); w.number(c.recall)
            w.key("f1"); w.number(c.f1)
            w.key("tp"); w.int(c.truePositives); w.key("fp"); w.int(c.falsePositives); w.key("fn"); w.int(c.falseNegatives)
            w.endObject()
        }
        w.key("tactics_micro"); counts(micro)
        w.key("anti_patterns_micro"); counts(antiPatternMicro)
        w.key("labels"); w.beginObject()
        for (id, c) in tactics.sorted(by: { $0.key < $1.key }) + antiPatterns.sorted(by: { $0.key < $1.key }) { w.key(id); counts(c) }
        w.endObject()
        w.key("misses"); w.beginArray()
        for miss in misses {
            w.beginObject()
            w.key("id"); w.string(miss.item.id)
            w.key("location"); w.string(miss.item.location.description)
            w.key("reply"); w.string(miss.item.reply)
            w.key("expected"); w.beginObject()
            w.key("orientation"); w.string(miss.item.orientation?.rawValue ?? "none")
            w.key("tactics"); w.beginArray(); for t in miss.item.tactics { w.string(t) }; w.endArray()
            w.key("anti_patterns"); w.beginArray(); for t in miss.item.antiPatterns { w.string(t) }; w.endArray()
            w.endObject()
            w.key("found"); w.beginObject()
            w.key("orientation"); w.string(miss.foundOrientation?.rawValue ?? "none")
            w.key("tactics"); w.beginArray(); for t in miss.foundTactics { w.string(t) }; w.endArray()
            w.key("anti_patterns"); w.beginArray(); for t in miss.foundAntiPatterns { w.string(t) }; w.endArray()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }
}
