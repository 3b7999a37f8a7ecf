import CPNGBridge

/// The PNG row filter applied before compression.
public enum PNGRowFilter: String, CaseIterable, Sendable {
    case none, sub, up, average, paeth
    /// libpng tries every filter on each row and keeps the one that looks smallest (slow).
    case adaptive

    var bridgeMask: Int32 {
        switch self {
        case .none: Int32(PNG_BRIDGE_FILTER_NONE)
        case .sub: Int32(PNG_BRIDGE_FILTER_SUB)
        case .up: Int32(PNG_BRIDGE_FILTER_UP)
        case .average: Int32(PNG_BRIDGE_FILTER_AVG)
        case .paeth: Int32(PNG_BRIDGE_FILTER_PAETH)
        case .adaptive: Int32(PNG_BRIDGE_FILTER_ALL)
        }
    }
}

/// zlib's compression strategy.
public enum PNGCompressionStrategy: String, CaseIterable, Sendable {
    case `default`, filtered, huffmanOnly, rle, fixed

    var bridgeValue: Int32 {
        switch self {
        case .default: Int32(PNG_BRIDGE_STRATEGY_DEFAULT)
        case .filtered: Int32(PNG_BRIDGE_STRATEGY_FILTERED)
        case .huffmanOnly: Int32(PNG_BRIDGE_STRATEGY_HUFFMAN_ONLY)
        case .rle: Int32(PNG_BRIDGE_STRATEGY_RLE)
        case .fixed: Int32(PNG_BRIDGE_STRATEGY_FIXED)
        }
    }
}

/// Which colour type the encoder writes (always 8 bits a channel).
public enum PNGColorMode: String, Sendable {
    /// RGB when every pixel is opaque, RGBA otherwise.
    case automatic
    /// Always RGB: alpha is dropped.
    case rgb
    /// Always RGBA.
    case rgba

    var bridgeValue: Int32 {
        switch self {
        case .automatic: Int32(PNG_BRIDGE_COLOR_AUTOMATIC)
        case .rgb: Int32(PNG_BRIDGE_COLOR_RGB)
        case .rgba: Int32(PNG_BRIDGE_COLOR_RGBA)
        }
    }
}

/// A text metadata chunk. Written as tEXt when the value is printable ASCII (plus newlines),
/// as uncompressed UTF-8 iTXt otherwise.
public struct PNGTextChunk: Equatable, Sendable {
    /// Standard keys are "Title", "Author", "Description", "Software", "Comment", …; any other
    /// 1–79 printable ASCII characters work, without leading, trailing or doubled spaces.
    public var keyword: String
    public var value: String

    public init(keyword: String, value: String) {
        self.keyword = keyword
        self.value = value
    }

    public static func software(_ value: String) -> PNGTextChunk { .init(keyword: "Software", value: value) }
    public static func title(_ value: String) -> PNGTextChunk { .init(keyword: "Title", value: value) }
    public static func description(_ value: String) -> PNGTextChunk {
        .init(keyword: "Description", value: value)
    }

    /// Throws when the keyword breaks the PNG rules or the value holds a NUL.
    func validate() throws {
        let bytes = Array(keyword.utf8)
        guard (1...79).contains(bytes.count), bytes.allSatisfy({ (32...126).contains($0) }),
            bytes.first != 32, bytes.last != 32, !keyword.contains("  ")
        else {
            throw PNGError.invalidArgument(
                "text keyword '\(keyword)' must be 1–79 printable ASCII characters without leading, trailing or double spaces"
            )
        }
        guard !value.utf8.contains(0) else {
            throw PNGError.invalidArgument(
                "text value for '\(keyword)' contains a NUL byte, which PNG text cannot hold")
        }
    }

    /// True when the value needs iTXt (anything but printable ASCII, tab-free newlines allowed).
    var needsInternational: Bool {
        !value.utf8.allSatisfy { (32...126).contains($0) || $0 == 10 }
    }
}

extension PNGEncoder {
    /// Encoder settings. The defaults are the fastest measured on a 640×480 plot frame that still
    /// stays as small as matplotlib's output (zlib level 3, no row filter, default strategy:
    /// about 1.5 ms and 25 KB a frame, against 6 ms for libpng's level 6 adaptive defaults).
    public struct Options: Equatable, Sendable {
        /// zlib level 0 (store) ... 9 (smallest, slowest).
        public var compressionLevel: Int = 3
        public var filter: PNGRowFilter = .none
        public var strategy: PNGCompressionStrategy = .default
        /// Text chunks, written in order before the image data.
        public var text: [PNGTextChunk] = []
        /// Pixel density for a pHYs chunk (pixels per metre = dpi / 0.0254, rounded); nil writes none.
        public var dpi: Double? = nil
        public var colorMode: PNGColorMode = .automatic

        public init(
            compressionLevel: Int = 3, filter: PNGRowFilter = .none,
            strategy: PNGCompressionStrategy = .default,
            text: [PNGTextChunk] = [], dpi: Double? = nil, colorMode: PNGColorMode = .automatic
        ) {
            self.compressionLevel = compressionLevel
            self.filter = filter
            self.strategy = strategy
            self.text = text
            self.dpi = dpi
            self.colorMode = colorMode
        }

        /// The pHYs value in pixels per metre, validated.
        func pixelsPerMeter() throws -> UInt32 {
            guard let dpi else { return 0 }
            guard dpi.isFinite, dpi > 0 else {
                throw PNGError.invalidArgument("dpi \(dpi) must be a positive finite number")
            }
            let ppm = (dpi / 0.0254).rounded()
            guard ppm >= 1, ppm <= 0x7FFF_FFFF else {
                throw PNGError.invalidArgument(
                    "dpi \(dpi) gives \(ppm) pixels per metre; allowed is 1...2147483647")
            }
            return UInt32(ppm)
        }

        func validate() throws {
            guard (0...9).contains(compressionLevel) else {
                throw PNGError.invalidArgument("compression level \(compressionLevel) is outside 0...9")
            }
            for chunk in text { try chunk.validate() }
            _ = try pixelsPerMeter()
        }
    }
}
