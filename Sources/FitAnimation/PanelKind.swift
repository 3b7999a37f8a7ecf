import FitMessages

/// The panels a frame can show side by side (`render-fit --panels`): each is a
/// ``FramePanel`` laid out in its own cell of the frame, in the order given.
public enum PanelKind: String, Codable, Sendable, CaseIterable {
    /// The point cloud and each run's current curve (today's frame).
    case fit
    /// The loss against the iteration: the whole curve, the part up to the current iteration
    /// emphasised, the current point marked.
    case loss
    /// The loss over two parameters (or the plane of the trajectory's principal directions),
    /// the path so far, the current point and the next step.
    case landscape

    /// The default: today's frame, the fit panel alone.
    public static let defaultList: [PanelKind] = [.fit]

    /// The panels named by a comma-separated `text` such as `fit,loss,landscape`, in order.
    /// - Throws: ``PanelListError`` for an empty list or name, an unknown name or a name given twice.
    public static func parseList(_ text: String) throws(PanelListError) -> [PanelKind] {
        guard !text.isEmpty else { throw .empty }
        var panels: [PanelKind] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard !name.isEmpty else { throw .emptyName(list: text) }
            guard let kind = PanelKind(rawValue: name) else { throw .unknown(name: name) }
            guard !panels.contains(kind) else { throw .duplicate(name: name) }
            panels.append(kind)
        }
        return panels
    }

    /// A list as `--panels` spells it: `fit,loss,landscape`.
    public static func listText(_ panels: [PanelKind]) -> String {
        panels.map(\.rawValue).joined(separator: ",")
    }
}

/// Why a `--panels` list was refused; each message names the value and what is allowed.
public enum PanelListError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--panels ''`.
    case empty
    /// `--panels fit,,loss`.
    case emptyName(list: String)
    /// `--panels fit,surface`.
    case unknown(name: String)
    /// `--panels fit,fit`.
    case duplicate(name: String)

    static let allowed =
        "a comma-separated list of fit, loss, landscape, each at most once (such as fit,loss,landscape)"

    /// One line naming the value and what is allowed.
    public var description: String {
        switch self {
        case .empty: "--panels '' is not allowed; use \(Self.allowed)"
        case .emptyName(let list):
            "--panels '\(MessageText.quoted(list))' has an empty name; use \(Self.allowed)"
        case .unknown(let name): "--panels: unknown panel '\(MessageText.quoted(name))'; use \(Self.allowed)"
        case .duplicate(let name):
            "--panels: '\(MessageText.quoted(name))' is given twice; use \(Self.allowed)"
        }
    }
}
