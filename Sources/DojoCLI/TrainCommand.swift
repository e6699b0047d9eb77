import ArgumentParser
import DojoKit
import Foundation

/// `dojo train`: fit the trained detector from the labelled corpus and the playbooks.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the evaluator's model from the labelled corpus (Scenarios/corpus/*.jsonl) and the playbooks.",
        discussion: """
        Writes Scenarios/models/tactics.dojomodel (the same bytes for the same inputs). With --cv K, runs \
        K-fold cross-validation instead and prints each fold's figures; no model is written.
        """
    )

    @Option(help: ArgumentHelp("Cross-validate with this many folds instead of writing a model.", valueName: "folds"))
    var cv: Int?

    @Option(help: ArgumentHelp("Corpus folder (default: the scenario folder's corpus/).", valueName: "dir"))
    var corpus: String?

    @Option(help: ArgumentHelp("Where to write the model (default: the scenario folder's models/tactics.dojomodel).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Training passes.", valueName: "n"))
    var epochs: Int = ModelTrainer.Settings().epochs

    @Option(help: ArgumentHelp("L2 regularisation.", valueName: "x"))
    var l2: Float = ModelTrainer.Settings().l2

    @Option(help: ArgumentHelp("Probability at which the model credits a tactic.", valueName: "p"))
    var credit: Double = ModelTrainer.Settings().credit

    @Option(help: ArgumentHelp("Probability below which the model withdraws cue evidence short of clear (0: never).", valueName: "p"))
    var veto: Double = ModelTrainer.Settings().veto

    @Option(help: ArgumentHelp("How much surer the model must be to credit a tactic no cue speaks to.", valueName: "p"))
    var modelOnlyMargin: Double = ModelTrainer.Settings().modelOnlyMargin

    @Option(help: ArgumentHelp("A label whose replies in the corpus negate something this many times as often as all replies do is read as written (its negation is how it is said: \"no visits\", \"we won't go lower\"); 0: none.", valueName: "x"))
    var negationShare: Double = ModelTrainer.Settings().negationShareFactor

    @Option(help: ArgumentHelp("Inner folds that calibrate each label's decision point (0: none).", valueName: "n"))
    var calibrationFolds: Int = ModelTrainer.Settings().calibrationFolds

    @Option(help: ArgumentHelp("Largest extra weight of a positive example.", valueName: "w"))
    var positiveWeight: Float = ModelTrainer.Settings().maxPositiveWeight

    @Option(help: ArgumentHelp("How the playbooks' examples join the training data: none, own (their tactic only) or exclusive (their tactic and no other).",
                               valueName: "use"))
    var playbookExamples: ModelTrainer.PlaybookUse = ModelTrainer.Settings().playbookExamples

    @Option(help: ArgumentHelp("Features seen in fewer training replies than this get no weight.", valueName: "n"))
    var minCount: Int = ModelTrainer.Settings().minimumCount

    @Option(help: ArgumentHelp("Largest model file to write, in bytes (0: no limit); past it the rows that move the network least are left out.", valueName: "bytes"))
    var maxSize: Int = ModelTrainer.Settings().maxFileBytes ?? 0

    @Option(help: ArgumentHelp("log2 of the number of hash buckets (the model file holds a bit per bucket, and hidden ÷ 2 bytes per bucket that training gives a value).", valueName: "bits"))
    var bucketBits: Int = ModelTrainer.Settings().bucketBits

    @Option(help: ArgumentHelp("Hidden units of each member network (a multiple of 32, up to 256).", valueName: "n"))
    var hidden: Int = ModelTrainer.Settings().hidden

    @Option(help: ArgumentHelp("Networks fitted apart (each from its own seed) and joined into one of members × hidden units that averages them.", valueName: "n"))
    var members: Int = ModelTrainer.Settings().members

    @Option(help: ArgumentHelp("Learning rate (AdaGrad).", valueName: "x"))
    var learningRate: Float = ModelTrainer.Settings().learningRate

    @Option(help: ArgumentHelp("Share of a reply's features left out of each training step (0 to 0.9).", valueName: "x"))
    var dropout: Float = ModelTrainer.Settings().featureDropout

    @Option(help: ArgumentHelp("The network's share when its logits are averaged with the linear n-gram table's (0 to 1; 1: no table).", valueName: "w"))
    var networkWeight: Double = ModelTrainer.Settings().networkWeight

    @Flag(help: "With --cv: also print the folds' pooled report (confusion matrix, each label's precision, recall and F1).")
    var details = false

    @OptionGroup var display: DisplayOptions
    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        if details && cv == nil { throw ValidationError("--details goes with --cv.") }
        if let cv, cv < 2 || cv > 20 { throw ValidationError("--cv takes 2 to 20 folds (got \(cv)).") }
        if calibrationFolds != 0 && !(2...10).contains(calibrationFolds) { throw ValidationError("--calibration-folds takes 0 or 2 to 10 (got \(calibrationFolds)).") }
        if !(1...100).contains(minCount) { throw ValidationError("--min-count takes 1 to 100 (got \(minCount)).") }
        if !(32...256).contains(hidden) || hidden % 32 != 0 { throw ValidationError("--hidden takes a multiple of 32 from 32 to 256 (got \(hidden)).") }
        if !(1...4).contains(members) || hidden * members > 512 { throw ValidationError("--members takes 1 to 4, with --hidden × --members at most 512 (got \(members) × \(hidden)).") }
        if !(learningRate > 0 && learningRate <= 10) { throw ValidationError("--learning-rate takes a number above 0, up to 10 (got \(learningRate)).") }
        if !(dropout >= 0 && dropout <= 0.9) { throw ValidationError("--dropout takes 0 to 0.9 (got \(dropout)).") }
        if maxSize != 0 && !(100_000...(16 << 20)).contains(maxSize) { throw ValidationError("--max-size takes 0 (no limit) or 100000 to \(16 << 20) bytes (got \(maxSize)).") }
        if !(12...18).contains(bucketBits) { throw ValidationError("--bucket-bits takes 12 to 18 (got \(bucketBits)).") }
        if epochs < 1 || epochs > 200 { throw ValidationError("--epochs takes 1 to 200 (got \(epochs)).") }
        if !(credit > 0 && credit < 1) { throw ValidationError("--credit takes a probability between 0 and 1 (got \(credit)).") }
        if !(modelOnlyMargin >= 0 && credit + modelOnlyMargin < 1) { throw ValidationError("--model-only-margin takes 0 up to 1 - credit (got \(modelOnlyMargin)).") }
        if !(negationShare >= 0 && negationShare <= 10) { throw ValidationError("--negation-share takes 0 (none) up to 10 (got \(negationShare)).") }
        if !(networkWeight >= 0 && networkWeight <= 1) { throw ValidationError("--network-weight takes 0 to 1 (got \(networkWeight)).") }
        if !(veto >= 0 && veto < credit) { throw ValidationError("--veto takes 0 up to the credit threshold (got \(veto)).") }
        if !(l2 >= 0 && l2 < 1) || !(positiveWeight >= 1 && positiveWeight <= 20) {
            throw ValidationError("--l2 takes 0 up to 1 and --positive-weight 1 to 20.")
        }
    }

    func run() throws {
        let directory = try scenarioOptions.directory()
        let library = try scenarioOptions.library()
        guard !library.catalog.playbooks.isEmpty else { throw CLIError.noPlaybooks }
        var inputs = TrainingInputs(scenarioDirectory: directory)
        if let corpus { inputs = TrainingInputs(corpusFiles: TrainingInputs(scenarioDirectory: corpus, corpusSubfolder: false).corpusFiles,
                                                playbookFiles: inputs.playbookFiles) }
        guard !inputs.corpusFiles.isEmpty else { throw CLIError.noCorpus(path: corpus ?? directory + "/corpus") }
        let replies = try LabelledCorpus.read(inputs.corpusFiles, catalog: library.catalog, terminal: Terminal.current(fileDescriptor: 2))
        var settings = ModelTrainer.Settings()
        settings.epochs = epochs
        settings.bucketBits = bucketBits
        settings.hidden = hidden
        settings.members = members
        settings.learningRate = learningRate
        settings.featureDropout = dropout
        settings.minimumCount = minCount
        settings.maxFileBytes = maxSize == 0 ? nil : maxSize
        settings.l2 = l2
        settings.credit = credit
        settings.veto = veto
        settings.modelOnlyMargin = modelOnlyMargin
        settings.calibrationFolds = calibrationFolds
        settings.negationShareFactor = negationShare
        settings.maxPositiveWeight = positiveWeight
        settings.playbookExamples = playbookExamples
        settings.networkWeight = networkWeight
        let trainer = ModelTrainer(catalog: library.catalog, settings: settings)
        if let cv {
            let reports = trainer.crossValidate(replies, folds: cv, catalog: library.catalog)
            print("\(cv)-fold cross-validation on \(replies.count) labelled replies (playbook examples in every training fold):")
            var table = TextTable(headers: ["fold", "replies", "orientation", "precision", "recall", "micro-F1"],
                                  alignments: [.right, .right, .right, .right, .right, .right])
            for (i, report) in reports.enumerated() {
                let micro = report.micro
                table.rows.append([String(i + 1), String(report.count), Self.figure(report.accuracy), Self.figure(micro.precision),
                                   Self.figure(micro.recall), Self.figure(micro.f1)])
            }
            let n = Double(reports.count)
            table.rows.append(["mean", String(reports.map(\.count).reduce(0, +)), Self.figure(reports.map(\.accuracy).reduce(0, +) / n),
                               Self.figure(reports.map(\.micro.precision).reduce(0, +) / n), Self.figure(reports.map(\.micro.recall).reduce(0, +) / n),
                               Self.figure(reports.map(\.micro.f1).reduce(0, +) / n)])
            let terminal = Terminal.current(noColor: display.noColor)
            for line in table.render(width: nil, terminal: terminal) { print(line) }
            if details {
                print("")
                for line in EvaluationReportText(report: EvaluationReport(merging: reports), terminal: terminal, misses: 0, model: true).lines() { print(line) }
            }
            return
        }
        guard let fingerprint = inputs.fingerprint() else { throw CLIError.cannotOpen(path: directory, reason: "a corpus or playbook file could not be read") }
        let model = trainer.train(replies, trainedOn: fingerprint)
        let path = output ?? TrainingInputs.modelPath(scenarioDirectory: directory)
        let bytes = model.encoded()
        try AtomicFile.write(bytes, to: path)
        print("Trained on \(replies.count) labelled replies from \(inputs.corpusFiles.count) file(s) and the playbooks' examples "
              + "(\(model.metadata.examples) examples, \(model.metadata.labels.count) labels, \(model.metadata.epochs) passes).")
        if let share = model.ngramNetworkWeight {
            print("With a linear n-gram table for the tactics, its logits averaged with the network's (network's share \(Self.figure(share))).")
        }
        if !model.metadata.saidWithNegation.isEmpty {
            print("Read as written (said with a negation): \(TerminalSanitizer.clean(model.metadata.saidWithNegation.joined(separator: ", "))).")
        }
        print("Wrote \(TerminalSanitizer.clean(path)) (\(bytes.count / 1024) KiB, inputs \(fingerprint)).")
    }

    static func figure(_ value: Double) -> String { String(format: "%.3f", value) }
}

extension ModelTrainer.PlaybookUse: ExpressibleByArgument {}
