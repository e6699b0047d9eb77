import Foundation

/// The model file: `DOJOMODL`, a format version, a JSON header (labels, hidden units, feature scheme,
/// what it was trained on), the hidden units' scales and biases, the output layer's weights and biases,
/// the bitmap of buckets that have a row, the 4-bit rows in bucket order, then (version 3, when the header has
/// `ngram`) the n-gram table's scales, biases, IDF bytes and 8-bit weights, and an FNV-1a 64 checksum of
/// everything before it. All integers and floats little-endian. One encoder, one decoder.
extension TacticModel {
    /// The format this build writes. It reads this one and version 2 (the same without an n-gram table).
    /// Version 3: an optional n-gram table (`NgramTable`) after the rows. Version 2: a hidden layer and stored rows
    /// (version 1 was one logistic regression per label).
    public static let formatVersion: UInt32 = 3
    static let readableVersions: ClosedRange<UInt32> = 2...3
    static let magic = Array("DOJOMODL".utf8)
    /// Largest model file read (the shipped one is under 5 MB).
    static let maxFileSize = 16 << 20

    /// Why a model file cannot be used.
    public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
        case notAModel
        case unsupportedVersion(UInt32)
        case damaged(String)
        case unknownScheme(String)
        case tooLarge(Int)

        public var description: String {
            switch self {
            case .notAModel: "not a SalesDojo model file (no DOJOMODL header)"
            case let .unsupportedVersion(v): "model format version \(v) is not supported (this build reads version \(TacticModel.formatVersion)); run `dojo train` to rebuild it"
            case let .damaged(what): "the model file is damaged (\(what)); run `dojo train` to rebuild it"
            case let .unknownScheme(s): "the model was trained with feature scheme '\(s)', this build uses '\(FeatureExtractor.scheme)'; run `dojo train`"
            case let .tooLarge(size): "the model file is \(size) bytes, over the \(TacticModel.maxFileSize)-byte limit"
            }
        }
    }

    /// The most rows a model of this shape can store in a file of `bytes` (its fixed parts - the header, the scales,
    /// biases and output layer, the bucket bitmap, the checksum - taken away first; 1 KiB is left for the header). It counts
    /// the parts `encoded()` writes, in its order: keep the two together.
    static func rowCapacity(fileBytes bytes: Int, metadata: Metadata, ngram: NgramTable? = nil) -> Int {
        let hidden = metadata.hidden, labels = metadata.labels.count
        let fixed = 8 + 4 + 4 + 1024 + 4 * (2 * hidden + labels * hidden + labels) + ((1 << metadata.bucketBits) + 63) / 64 * 8 + 8
            + (ngram.map(Self.ngramBytes) ?? 0)
        return max(0, (bytes - fixed) / (hidden / 2))
    }

    /// The n-gram table's bytes after the rows (its header entry apart; `rowCapacity` leaves 1 KiB for the header).
    static func ngramBytes(_ table: NgramTable) -> Int {
        8 * table.labels.count + table.bucketCount * (1 + table.labels.count)
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var out = Self.magic
        append(Self.formatVersion, to: &out)
        var header = JSONWriter()
        header.beginObject()
        header.key("labels"); header.beginArray(); for label in metadata.labels { header.string(label) }; header.endArray()
        header.key("bucket_bits"); header.int(metadata.bucketBits)
        header.key("hidden"); header.int(metadata.hidden)
        header.key("members"); header.int(metadata.members)
        header.key("rows"); header.int(storedRows)
        header.key("scheme"); header.string(metadata.scheme)
        header.key("trained_on"); header.string(metadata.trainedOn)
        header.key("examples"); header.int(metadata.examples)
        header.key("epochs"); header.int(metadata.epochs)
        header.key("seed"); header.string(String(metadata.seed))
        header.key("credit"); header.number(metadata.credit)
        header.key("veto"); header.number(metadata.veto)
        header.key("model_only_margin"); header.number(metadata.modelOnlyMargin)
        header.key("said_with_negation"); header.beginArray(); for label in metadata.saidWithNegation { header.string(label) }; header.endArray()
        if let ngram {
            header.key("ngram")
            header.beginObject()
            header.key("labels"); header.beginArray(); for label in ngram.labels { header.string(label) }; header.endArray()
            header.key("char_bits"); header.int(ngram.charBits)
            header.key("word_bits"); header.int(ngram.wordBits)
            header.key("network_weight"); header.number(ngram.networkWeight)
            header.endObject()
        }
        header.endObject()
        append(UInt32(header.bytes.count), to: &out)
        out += header.bytes
        out.reserveCapacity(out.count + present.count * 8 + rows.count + 8)
        for value in scales + hiddenBiases + output + outputBiases { append(value.bitPattern, to: &out) }
        for word in present {
            append(UInt32(truncatingIfNeeded: word), to: &out)
            append(UInt32(truncatingIfNeeded: word >> 32), to: &out)
        }
        out += rows.dropFirst(hidden / 2)
        if let ngram {
            for value in ngram.scales + ngram.biases { append(value.bitPattern, to: &out) }
            out += ngram.idf
            out += ngram.weights.map { UInt8(bitPattern: $0) }
        }
        var checksum = FNV1a.hash(out)
        withUnsafeBytes(of: &checksum) { out.append(contentsOf: $0) }
        return out
    }

    /// Reads a model file's bytes.
    public init(decoding bytes: [UInt8]) throws(FileError) {
        guard bytes.count >= 24, Array(bytes[0..<8]) == Self.magic else { throw .notAModel }
        var reader = ByteReader(bytes: bytes, offset: 8)
        let version = try reader.uint32()
        guard Self.readableVersions.contains(version) else { throw .unsupportedVersion(version) }
        let stored = bytes.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard FNV1a.hash(bytes.dropLast(8)) == stored else { throw .damaged("checksum mismatch") }
        let headerLength = Int(try reader.uint32())
        let headerBytes = try reader.take(headerLength)
        guard let header = try? JSONValue.parse(headerBytes) else { throw .damaged("unreadable header") }
        guard case let .array(labelValues)? = header["labels"] else { throw .damaged("no labels") }
        let labels = labelValues.compactMap(\.stringValue)
        guard labels.count == labelValues.count, !labels.isEmpty, labels.count <= 256,
              case let .number(bits)? = header["bucket_bits"], bits >= 8, bits <= 22, bits == bits.rounded(),
              case let .number(hiddenUnits)? = header["hidden"], hiddenUnits >= 32, hiddenUnits <= 512, hiddenUnits == hiddenUnits.rounded(),
              Int(hiddenUnits) % 32 == 0,
              case let .number(rowCount)? = header["rows"], rowCount >= 0, rowCount <= Double(1 << Int(bits)), rowCount == rowCount.rounded(),
              let scheme = header["scheme"]?.stringValue, let trainedOn = header["trained_on"]?.stringValue,
              case let .number(examples)? = header["examples"], case let .number(epochs)? = header["epochs"],
              let seedText = header["seed"]?.stringValue, let seed = UInt64(seedText),
              examples >= 0, examples < 1e9, epochs >= 0, epochs < 1e6
        else { throw .damaged("incomplete header") }
        guard scheme == FeatureExtractor.scheme else { throw .unknownScheme(scheme) }
        guard case let .number(credit)? = header["credit"], case let .number(veto)? = header["veto"],
              case let .number(margin)? = header["model_only_margin"],
              credit > 0, credit < 1, veto >= 0, veto < credit, margin >= 0, margin < 1 else { throw .damaged("no decision thresholds") }
        let hidden = Int(hiddenUnits), rowTotal = Int(rowCount)
        // Member networks (written since session 19; a file without the key is one network).
        var members = 1
        if let value = header["members"] {
            guard case let .number(count) = value, count >= 1, count <= 16, count == count.rounded(), hidden % Int(count) == 0
            else { throw .damaged("the member count does not divide the hidden units") }
            members = Int(count)
        }
        // Labels read as written (since session 20; a file without the key has none).
        var saidWithNegation: [String] = []
        if let value = header["said_with_negation"] {
            guard case let .array(items) = value else { throw .damaged("said_with_negation is not a list of labels") }
            saidWithNegation = items.compactMap(\.stringValue)
            guard saidWithNegation.count == items.count, saidWithNegation.allSatisfy(labels.contains)
            else { throw .damaged("said_with_negation names a label the model does not have") }
        }
        var metadata = Metadata(labels: labels, bucketBits: Int(bits), hidden: hidden, members: members, scheme: scheme, trainedOn: trainedOn,
                                examples: Int(examples), epochs: Int(epochs), seed: seed, credit: credit, veto: veto, modelOnlyMargin: margin)
        metadata.saidWithNegation = saidWithNegation
        func floats(_ count: Int) throws(FileError) -> [Float] {
            var values: [Float] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(Float(bitPattern: try reader.uint32())) }
            guard values.allSatisfy(\.isFinite) else { throw .damaged("a weight is not a finite number") }
            return values
        }
        let scales = try floats(hidden), hiddenBiases = try floats(hidden)
        let output = try floats(labels.count * hidden), outputBiases = try floats(labels.count)
        guard scales.allSatisfy({ $0 > 0 }) else { throw .damaged("bad scales") }
        var present = [UInt64](repeating: 0, count: ((1 << metadata.bucketBits) + 63) / 64)
        var count = 0
        for w in present.indices {
            let low = try reader.uint32(), high = try reader.uint32()
            present[w] = UInt64(low) | UInt64(high) << 32
            count += present[w].nonzeroBitCount
        }
        guard count == rowTotal else { throw .damaged("the bucket map names \(count) rows, the header \(rowTotal)") }
        let raw = try reader.take(rowTotal * hidden / 2)
        var ngram: NgramTable?
        if let value = header["ngram"] {
            guard version >= 3, case let .array(labelValues)? = value["labels"],
                  case let .number(charBits)? = value["char_bits"], case let .number(wordBits)? = value["word_bits"],
                  case let .number(weight)? = value["network_weight"],
                  charBits >= 8, charBits <= 20, charBits == charBits.rounded(), wordBits >= 8, wordBits <= 20, wordBits == wordBits.rounded(),
                  weight >= 0, weight <= 1
            else { throw .damaged("incomplete n-gram table header") }
            let ngramLabels = labelValues.compactMap(\.stringValue)
            guard ngramLabels.count == labelValues.count, !ngramLabels.isEmpty, ngramLabels.count <= NgramTable.lanes, ngramLabels.allSatisfy(labels.contains)
            else { throw .damaged("the n-gram table names a label the model does not have") }
            let count = ngramLabels.count, buckets = 1 << Int(charBits) + 1 << Int(wordBits)
            let scales = try floats(count), biases = try floats(count)
            guard scales.allSatisfy({ $0 > 0 }) else { throw .damaged("bad n-gram scales") }
            let idf = Array(try reader.take(buckets))
            let weights = try reader.take(buckets * count).map { Int8(bitPattern: $0) }
            ngram = NgramTable(labels: ngramLabels, charBits: Int(charBits), wordBits: Int(wordBits), networkWeight: weight,
                               idf: idf, weights: weights, scales: scales, biases: biases)
        }
        guard reader.offset == bytes.count - 8 else { throw .damaged("unexpected length") }
        let rows = [UInt8](repeating: 0x88, count: hidden / 2) + raw
        self.init(metadata: metadata, scales: scales, hiddenBiases: hiddenBiases, output: output, outputBiases: outputBiases,
                  present: present, rows: rows, ngram: ngram)
    }

    /// Reads a model file.
    public static func load(path: String) throws(FileError) -> TacticModel {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maxFileSize { throw .tooLarge(size) }
        guard attributes?[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: path) else { throw .damaged("cannot read \(path)") }
        return try TacticModel(decoding: [UInt8](data))
    }

    private func append(_ value: UInt32, to out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) }
    }
}

/// Little-endian reads with bounds checks.
private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    mutating func take(_ count: Int) throws(TacticModel.FileError) -> ArraySlice<UInt8> {
        guard count >= 0, offset <= bytes.count - 8, count <= bytes.count - 8 - offset else { throw .damaged("truncated") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint32() throws(TacticModel.FileError) -> UInt32 {
        let slice = try take(4)
        return slice.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }
}
