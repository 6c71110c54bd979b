import ArgumentParser
import DocSift

/// `--threshold TOPIC=P` and `--secondary-min P`: the user's thresholds in place of the
/// ones tuned when the model was trained (`label` and `serve`).
struct ThresholdOptions: ParsableArguments {
    @Option(name: .customLong("threshold"),
            help: "TOPIC=P: answer TOPIC only when its probability is at least P, else abstain (repeatable; default: the model's tuned value).")
    var thresholds: [String] = []

    @Option(help: "List a topic as secondary when its probability is at least P (default: the model's per-topic thresholds, tuned for precision 0.8).")
    var secondaryMin: Float?

    /// The parsed `--threshold` values.
    func primary() throws -> [String: Float] {
        var result: [String: Float] = [:]
        for item in thresholds {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let value = Float(parts[1]) else {
                throw ValidationError("--threshold \(item): give TOPIC=P, e.g. --threshold anti_fraud=0.4")
            }
            result[parts[0]] = value
        }
        return result
    }

    func validate() throws { _ = try primary() }

    /// `model` with these thresholds applied.
    /// - Throws: `ValidationError` for an unknown topic or a value outside [0, 1].
    func apply(to model: TopicModel) throws -> TopicModel {
        let primary = try primary()
        guard !primary.isEmpty || secondaryMin != nil else { return model }
        do { return try model.withThresholds(primary: primary, secondaryMinimum: secondaryMin) } catch {
            throw ValidationError("\(error)")
        }
    }
}
