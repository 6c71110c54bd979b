// The `DocSift` library product: one import gives services every stage.
@_exported import DocSiftCorpus
@_exported import DocSiftText
@_exported import DocSiftFeatures
@_exported import DocSiftClassifier
@_exported import DocSiftSummarizer
@_exported import DocSiftLinearAlgebra
