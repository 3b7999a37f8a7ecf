/// The one naming scheme of render-fit's temporary files: `.<name>~render-fit-tmp-<12 random
/// characters>`, beside the file `<name>` they become.
///
/// Hidden (a leading dot), unpredictable (60 random bits: a name planted in advance is hit
/// with negligible chance, and the file is created exclusively anyway), and marked with
/// `~render-fit-tmp-`, which no person writes, so that the clean-up after a killed run can
/// remove exactly these names and nothing a user wrote (`.frame_0003.png.orig.tmp` stays).
public enum TemporaryName {
    /// The marker between the destination's name and the random part.
    public static let marker = "~render-fit-tmp-"
    /// The number of random characters (lowercase letters and digits).
    public static let randomCount = 12
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// 36^12, the number of random parts.
    private static let namesCount: UInt64 = (0..<randomCount).reduce(1) { product, _ in product * 36 }
    /// The largest multiple of ``namesCount`` that fits in 64 bits: draws at or above it are
    /// drawn again (about 23 % of them), so that no name is likelier than another.
    private static let acceptedBelow: UInt64 = (UInt64.max / namesCount) * namesCount

    /// How many bytes a temporary name adds to the destination's name.
    public static var addedLength: Int { 1 + marker.utf8.count + randomCount }

    /// A fresh temporary name for the file `name` (a plain name, no folder).
    public static func make(for name: String) -> String {
        // The system generator: these names must not be guessable (the data generator must
        // be seeded and reproducible; a temporary name must be neither). One 64-bit draw holds
        // all 12 base-36 digits (36^12 < 2^64): drawn below the largest multiple of 36^12, it
        // gives every name with the same chance, with one system call instead of twelve.
        var generator = SystemRandomNumberGenerator()
        var value = generator.next()
        while value >= Self.acceptedBelow { value = generator.next() }
        var random = [UInt8](repeating: 0, count: randomCount)
        for i in random.indices.reversed() {
            random[i] = alphabet[Int(value % UInt64(alphabet.count))]
            value /= UInt64(alphabet.count)
        }
        return "." + name + marker + String(decoding: random, as: UTF8.self)
    }

    /// The destination name that `entry` is a temporary of, when `entry` has exactly the
    /// scheme's shape; nil for anything else.
    public static func destination(ofTemporary entry: String) -> String? {
        let bytes = Array(entry.utf8)
        let markerBytes = Array(marker.utf8)
        let tail = markerBytes.count + randomCount
        guard bytes.count > 1 + tail, bytes[0] == UInt8(ascii: ".") else { return nil }
        let markerStart = bytes.count - tail
        guard Array(bytes[markerStart..<markerStart + markerBytes.count]) == markerBytes else { return nil }
        guard bytes[(markerStart + markerBytes.count)...].allSatisfy({ alphabet.contains($0) }) else {
            return nil
        }
        return String(decoding: bytes[1..<markerStart], as: UTF8.self)
    }

    /// True when `entry` is a temporary name of the file `name`.
    public static func isTemporary(_ entry: String, of name: String) -> Bool {
        destination(ofTemporary: entry) == name
    }
}
