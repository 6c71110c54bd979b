import Foundation

/// Why a user's threshold could not be applied to a model.
public enum ThresholdOverrideError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    /// The topic is not one of the model's labels.
    case unknownTopic(String, known: [String])
    /// The probability is not a number in [0, 1].
    case outOfRange(name: String, value: Float)

    /// A one-line message naming what was wrong and what to do.
    public var description: String {
        switch self {
        case .unknownTopic(let topic, let known):
            return "threshold for '\(topic)': the model has no such topic; use one of \(known.joined(separator: ", "))"
        case .outOfRange(let name, let value):
            return "threshold for \(name): \(value) is not a probability; give a number from 0 to 1"
        }
    }

    /// The same line as ``description``.
    public var errorDescription: String? { description }
}
