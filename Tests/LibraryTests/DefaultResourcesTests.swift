import DocSift
import Foundation
import Testing

@Suite("Default model, IDF and profiles built into the library")
struct DefaultResourcesTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Models")

    @Test(arguments: DefaultModelLocation.allCases)
    func embeddedBytesAreTheFilesOfModels(_ location: DefaultModelLocation) throws {
        let file = try Data(contentsOf: DefaultResourcesTests.models.appendingPathComponent(location.fileName))
        #expect(location.embeddedBytes == Array(file), "rebuild after changing Models/\(location.fileName)")
    }

    @Test func theDefaultsLoadFromTheEmbeddedCopies() throws {
        for location in DefaultModelLocation.allCases {
            #expect(try location.source(environment: [:]) == .embedded)
            #expect(try location.source(environment: [location.environmentVariable: ""]) == .embedded)
        }
        let model = try TopicModel.loadDefault()
        #expect(model.labels == ["party_building", "rural_revitalization", "safety_production", "anti_fraud", "other"])
        let prediction = model.classify("派出所民警走进社区开展反诈宣传，提醒居民警惕电信网络诈骗，不要向陌生账户转账。")
        #expect(prediction.label == "anti_fraud")
        let idf = try BackgroundIDF.loadDefault()
        #expect(idf.documentCount > 1000)
        #expect(try TopicProfiles.loadDefault().labels.contains("anti_fraud"))
    }

    @Test func anOverrideNamingAMissingFileIsAnErrorNamingVariableAndPath() throws {
        for location in DefaultModelLocation.allCases {
            let environment = [location.environmentVariable: "/typo/x.dsmodel"]
            #expect(throws: DefaultResourceError.overrideMissing(variable: location.environmentVariable, path: "/typo/x.dsmodel")) {
                try location.source(environment: environment)
            }
        }
        let message = DefaultResourceError.overrideMissing(variable: "DOCSIFT_MODEL", path: "/typo/x.dsmodel").localizedDescription
        #expect(message.hasPrefix("DOCSIFT_MODEL=/typo/x.dsmodel: no such file"))
    }

    @Test func anOverrideNamingAnExistingFileWins() throws {
        let path = DefaultResourcesTests.models.appendingPathComponent(DefaultModelLocation.topicModelFileName).path
        #expect(try DefaultModelLocation.topicModel.source(environment: ["DOCSIFT_MODEL": path]) == .file(URL(fileURLWithPath: path)))
    }
}
