extension TopicModel {
    /// The topics an explanation of `prediction` covers: its label and secondary topics,
    /// leaving out the abstain label when the model abstained (nothing pushed it).
    public func topicsToExplain(_ prediction: TopicPrediction) -> [String] {
        ([prediction.label] + prediction.secondary).filter { $0 != abstainLabel || prediction.abstained == false }
    }
}
