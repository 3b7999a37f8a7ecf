/// Frame file names: `frame_0000.png` … zero-padded to at least 4 digits, more when the
/// last index needs them (so names sort in frame order).
public struct FrameNaming: Sendable, Equatable {
    /// Zero-padded width of the frame number (at least 4).
    public let digits: Int

    /// Naming for frames 0…lastIndex.
    public init(lastIndex: Int) {
        digits = max(4, String(max(0, lastIndex)).count)
    }

    /// The file name of frame `index`, e.g. `frame_0042.png`.
    public func name(_ index: Int) -> String {
        let s = String(index)
        return "frame_" + String(repeating: "0", count: max(0, digits - s.count)) + s + ".png"
    }

    /// True for names this naming scheme produces with any number of digits (≥ 4).
    public static func isFrameName(_ name: String) -> Bool {
        guard name.hasPrefix("frame_"), name.hasSuffix(".png") else { return false }
        let digits = name.dropFirst(6).dropLast(4)
        return digits.count >= 4 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
