import DocSiftFeatures
import DocSiftLinearAlgebra
import Foundation

/// The binary file a ``TopicModel`` is saved to.
///
/// A `BinaryContainer` (magic `DSTOPIC\0`, version, payload size, payload, FNV-1a 64
/// checksum of everything before it); version 1 files, whose checksum covered the payload
/// only, are still read.
///
/// Payload: n-gram options (u32 min, u32 max, u8 flags: bit 0 folds digits, bit 1 n-grams span punctuation,
/// bit 2 features computed on text converted to simplified characters); label count u32 and
/// labels (u32 length + UTF-8 each); abstain index u32 (`0xFFFFFFFF` = none); softmax scale
/// f32; feature count u32; vocabulary keys u64 × features; IDF f32 × features; weights
/// f32 × features × labels (row-major); bias, abstain thresholds and secondary thresholds
/// f32 × labels each; since version 3 then the calibration: u8 (0 = none: softmax, 1 = per
/// label), and per label u8 method (1 Platt, 2 isotonic), f32 slope, f32 margin slope, f32
/// intercept, u32 knot
/// count k, f32 knots × k, f32 values × k; since version 4 then the answer confidence: u8
/// (0 = none, 1 = present) and f32 slope, f32 abstained shift, f32 intercept. Versions 1 and
/// 2 load with the softmax rule, version 3 without an answer confidence.
/// The same model always encodes to the same bytes.
public enum ModelFile {
    /// The first eight bytes of every model file.
    public static let magic: [UInt8] = Array("DSTOPIC".utf8) + [0]
    /// The format version this code writes (it reads 1, 2 and 3 too).
    public static let formatVersion: UInt32 = 4
    static let noAbstain: UInt32 = 0xFFFF_FFFF

    /// The file's bytes for `model`.
    public static func encode(_ model: TopicModel) -> [UInt8] {
        // The payload is written straight after the container's header: one buffer, not two.
        BinaryContainer.build(magic: magic, version: formatVersion,
                              payloadCapacity: model.weights.rows * (12 + 4 * model.labels.count) + 4096) { bytes in
            var payload = BinaryWriter()
            swap(&payload.bytes, &bytes)
            let options = model.vectorizer.options
            payload.write(UInt32(options.minLength))
            payload.write(UInt32(options.maxLength))
            // Option flags: bit 0 folds digits, bit 1 includes punctuation, bit 2 converted text.
            payload.write(UInt8((options.foldsDigits ? 1 : 0) | (options.includesPunctuation ? 2 : 0) | (model.convertsTraditional ? 4 : 0)))
            payload.write(UInt32(model.labels.count))
            for label in model.labels { payload.write(label) }
            payload.write(model.rule.abstainIndex.map { UInt32($0) } ?? noAbstain)
            payload.write(model.rule.softmaxScale)
            let keys = model.vectorizer.vocabulary.keys
            payload.write(UInt32(keys.count))
            payload.write(keys)
            payload.write(model.vectorizer.idf)
            payload.write(model.weights.values)
            payload.write(model.bias)
            payload.write(model.rule.abstainThresholds)
            payload.write(model.rule.secondaryThresholds)
            if let calibrations = model.rule.calibrations {
                payload.write(UInt8(1))
                for calibration in calibrations {
                    payload.write(calibration.method.rawValue)
                    payload.write(calibration.slope)
                    payload.write(calibration.marginSlope)
                    payload.write(calibration.intercept)
                    payload.write(UInt32(calibration.knots.count))
                    payload.write(calibration.knots)
                    payload.write(calibration.values)
                }
            } else {
                payload.write(UInt8(0))
            }
            if let confidence = model.rule.answerConfidence {
                payload.write(UInt8(1))
                payload.write(confidence.slope)
                payload.write(confidence.abstainedShift)
                payload.write(confidence.intercept)
            } else {
                payload.write(UInt8(0))
            }
            swap(&payload.bytes, &bytes)
        }
    }

    /// The model in `bytes`; `path` names the source in errors.
    /// - Throws: ``ModelFileError`` for wrong magic, version, sizes or checksum.
    public static func decode(_ bytes: [UInt8], path: String = "<memory>") throws -> TopicModel {
        let payload: Range<Int>
        let version: UInt32
        do {
            (version, payload) = try BinaryContainer.open(bytes, magic: magic, versions: [1, 2, 3, formatVersion], payloadOnlyChecksum: [1])
        } catch {
            switch error {
            case .wrongMagic: throw ModelFileError.notAModel(path: path)
            case .truncated: throw ModelFileError.truncated(path: path)
            case .unsupportedVersion(let found):
                throw ModelFileError.unsupportedVersion(path: path, found: found, supported: formatVersion)
            case .checksumMismatch: throw ModelFileError.checksumMismatch(path: path)
            case .trailingBytes(let count):
                throw ModelFileError.malformed(path: path, reason: "\(count) unexpected bytes after the checksum")
            }
        }
        let end = payload.upperBound
        do {
            return try decodePayload(BinaryReader(bytes, position: payload.lowerBound, end: end), version: version, path: path)
        } catch let error as ModelFileError {
            throw error
        } catch is BinaryReader.EndOfData {
            throw ModelFileError.malformed(path: path, reason: "payload shorter than its declared sizes")
        } catch {
            throw ModelFileError.malformed(path: path, reason: "\(error)")
        }
    }

    private static func decodePayload(_ payload: BinaryReader, version: UInt32, path: String) throws -> TopicModel {
        var reader = payload
        let minLength = Int(try reader.readUInt32())
        let maxLength = Int(try reader.readUInt32())
        let folds = try reader.readByte()
        guard maxLength <= 16, folds <= 7, let options = try? NGramOptions(
            minLength: minLength, maxLength: maxLength, foldsDigits: folds & 1 == 1, includesPunctuation: folds & 2 == 2)
        else {
            throw ModelFileError.malformed(path: path, reason: "bad n-gram options \(minLength)–\(maxLength)")
        }
        let labelCount = Int(try reader.readUInt32())
        guard labelCount >= 1, labelCount <= 100_000, labelCount * 4 <= reader.remaining else {
            throw ModelFileError.malformed(path: path, reason: "bad label count \(labelCount)")
        }
        var labels: [String] = []
        for _ in 0..<labelCount {
            guard let label = try reader.readString() else {
                throw ModelFileError.malformed(path: path, reason: "label is not UTF-8")
            }
            labels.append(label)
        }
        guard Set(labels).count == labels.count else {
            throw ModelFileError.malformed(path: path, reason: "repeated labels")
        }
        let abstainRaw = try reader.readUInt32()
        guard abstainRaw == noAbstain || Int(abstainRaw) < labelCount else {
            throw ModelFileError.malformed(path: path, reason: "abstain index \(abstainRaw) out of range")
        }
        let softmaxScale = try reader.readFloat()
        let featureCount = Int(try reader.readUInt32())
        // keys (8) + idf (4) + weights (4 × labels) per feature, then 3 label-sized float arrays.
        let needed = featureCount * (12 + 4 * labelCount) + 12 * labelCount
        guard version >= 3 ? needed < reader.remaining : needed == reader.remaining else {
            throw ModelFileError.malformed(
                path: path, reason: "\(featureCount) features × \(labelCount) labels need \(needed) bytes, payload has \(reader.remaining)")
        }
        let keys = try reader.readUInt64s(featureCount)
        let vocabulary = Vocabulary(keys: keys)
        guard vocabulary.count == featureCount else {
            throw ModelFileError.malformed(path: path, reason: "repeated or invalid vocabulary keys")
        }
        let idf = try reader.readFloats(featureCount)
        let weightValues = try reader.readFloats(featureCount * labelCount)
        let bias = try reader.readFloats(labelCount)
        let abstainThresholds = try reader.readFloats(labelCount)
        let secondaryThresholds = try reader.readFloats(labelCount)
        let numbers = [softmaxScale] + idf + bias + abstainThresholds + secondaryThresholds
        guard numbers.allSatisfy(\.isFinite), weightValues.allSatisfy(\.isFinite) else {
            throw ModelFileError.malformed(path: path, reason: "non-finite numbers")
        }
        let calibrations = version >= 3 ? try decodeCalibrations(&reader, labelCount: labelCount, path: path) : nil
        let answerConfidence = version >= 4 ? try decodeAnswerConfidence(&reader, path: path) : nil
        guard reader.remaining == 0 else {
            throw ModelFileError.malformed(path: path, reason: "\(reader.remaining) bytes after the calibration")
        }
        let vectorizer = TFIDFVectorizer(options: options, vocabulary: vocabulary, idf: idf)
        let rule = DecisionRule(
            softmaxScale: softmaxScale, abstainIndex: abstainRaw == noAbstain ? nil : Int(abstainRaw),
            abstainThresholds: abstainThresholds, secondaryThresholds: secondaryThresholds, calibrations: calibrations,
            answerConfidence: answerConfidence)
        do {
            return try TopicModel(
                labels: labels, vectorizer: vectorizer,
                weights: DenseMatrix(rows: featureCount, columns: labelCount, values: weightValues),
                bias: bias, rule: rule, convertsTraditional: folds & 4 == 4)
        } catch {
            throw ModelFileError.malformed(path: path, reason: "\(error)")
        }
    }

    /// The calibration section of a version-3 payload (`nil` when the model has none).
    private static func decodeCalibrations(_ reader: inout BinaryReader, labelCount: Int, path: String) throws -> [ScoreCalibration]? {
        let present = try reader.readByte()
        guard present <= 1 else { throw ModelFileError.malformed(path: path, reason: "bad calibration flag \(present)") }
        guard present == 1 else { return nil }
        var calibrations: [ScoreCalibration] = []
        for label in 0..<labelCount {
            let raw = try reader.readByte()
            let slope = try reader.readFloat(), marginSlope = try reader.readFloat(), intercept = try reader.readFloat()
            let knotCount = Int(try reader.readUInt32())
            guard knotCount <= reader.remaining / 8 else { throw BinaryReader.EndOfData() }
            let knots = try reader.readFloats(knotCount), values = try reader.readFloats(knotCount)
            let method = CalibrationMethod(rawValue: raw)
            if method == .platt, knotCount == 0, slope.isFinite, marginSlope.isFinite, intercept.isFinite {
                calibrations.append(ScoreCalibration(slope: slope, marginSlope: marginSlope, intercept: intercept))
            } else if method == .isotonic, let calibration = try? ScoreCalibration(knots: knots, values: values) {
                calibrations.append(calibration)
            } else {
                throw ModelFileError.malformed(path: path, reason: "bad calibration of label \(label) (method \(raw))")
            }
        }
        return calibrations
    }

    /// The answer-confidence section of a version-4 payload (`nil` when the model has none).
    private static func decodeAnswerConfidence(_ reader: inout BinaryReader, path: String) throws -> AnswerConfidence? {
        let present = try reader.readByte()
        guard present <= 1 else { throw ModelFileError.malformed(path: path, reason: "bad answer-confidence flag \(present)") }
        guard present == 1 else { return nil }
        let slope = try reader.readFloat(), shift = try reader.readFloat(), intercept = try reader.readFloat()
        let confidence = AnswerConfidence(slope: slope, abstainedShift: shift, intercept: intercept)
        guard confidence.isFinite else { throw ModelFileError.malformed(path: path, reason: "non-finite answer confidence") }
        return confidence
    }

    /// Reads and verifies the model file at `url`.
    /// - Throws: ``ModelFileError`` naming the file.
    public static func load(from url: URL) throws -> TopicModel {
        switch FileSystemReason.contents(of: url) {
        case .success(let bytes): return try decode(bytes, path: url.path)
        case .failure(let failure): throw ModelFileError.unreadable(path: url.path, reason: failure.reason)
        }
    }

    /// Writes `model` to `url` atomically: a temporary file beside it, then a rename.
    /// - Throws: ``ModelFileError/writeFailed(path:reason:)``.
    public static func save(_ model: TopicModel, to url: URL) throws {
        // `.NAME.PID.partial` beside `url`, renamed when complete; a device is written into.
        if let failure = OutputFile.write(encode(model), to: url.path) {
            throw ModelFileError.writeFailed(path: url.path, reason: failure)
        }
    }
}

extension TopicModel {
    /// Saves the model to `url` atomically (see ``ModelFile``).
    public func save(to url: URL) throws { try ModelFile.save(self, to: url) }

    /// Loads and verifies a model file (see ``ModelFile``).
    public static func load(from url: URL) throws -> TopicModel { try ModelFile.load(from: url) }
}
