/// The topics DocSift labels articles with.
public enum TopicLabel: String, CaseIterable, Codable, Sendable, Comparable {
    /// Party organization building, Party-led grassroots governance, study of Party theory.
    case partyBuilding = "party_building"
    /// Villages and rural development: rural industry, farmers' income, village life.
    case ruralRevitalization = "rural_revitalization"
    /// Workplace and industrial safety: mines, factories, construction, hazard checks.
    case safetyProduction = "safety_production"
    /// Telecom and online fraud: stopping scams, anti-fraud campaigns, warnings.
    case antiFraud = "anti_fraud"
    /// Everything else.
    case other = "other"

    /// Position in the canonical label order (the order of `allCases`).
    public var ordinal: Int {
        switch self {
        case .partyBuilding: return 0
        case .ruralRevitalization: return 1
        case .safetyProduction: return 2
        case .antiFraud: return 3
        case .other: return 4
        }
    }

    public static func < (lhs: TopicLabel, rhs: TopicLabel) -> Bool { lhs.ordinal < rhs.ordinal }
}
