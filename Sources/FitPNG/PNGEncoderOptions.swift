import CPNGBridge

/// The PNG row filter applied before compression.
public enum PNGRowFilter: String, CaseIterable, Sendable {
    /// One fixed filter for every row: none, or the difference to the left, upper, average or
    /// Paeth-predicted byte.
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
    /// zlib's `Z_DEFAULT_STRATEGY`, `Z_FILTERED`, `Z_HUFFMAN_ONLY`, `Z_RLE` and `Z_FIXED`.
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
    /// The text; any Unicode without NUL (non-ASCII is written as iTXt).
    public var value: String

    /// Creates a text chunk; keyword and value are checked when an image is encoded.
    public init(keyword: String, value: String) {
        self.keyword = keyword
        self.value = value
    }

    /// A "Software" chunk: the program that made the image.
    public static func software(_ value: String) -> PNGTextChunk { .init(keyword: "Software", value: value) }
    /// A "Title" chunk.
    public static func title(_ value: String) -> PNGTextChunk { .init(keyword: "Title", value: value) }
    /// A "Description" chunk.
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
        /// Row filter; `.none` by default, the fastest (see ``PNGEncoder/Options`` for the measurements).
        public var filter: PNGRowFilter = .none
        /// zlib strategy.
        public var strategy: PNGCompressionStrategy = .default
        /// Text chunks, written in order before the image data.
        public var text: [PNGTextChunk] = []
        /// Pixel density for a pHYs chunk (pixels per metre = dpi / 0.0254, rounded); nil writes none.
        public var dpi: Double? = nil
        /// RGB, RGBA, or RGB only when every pixel is opaque.
        public var colorMode: PNGColorMode = .automatic
        /// zlib's match search beyond what `compressionLevel` sets (nil: the level's own). Used
        /// by `encode(premultipliedARGB32:…)` with filter `.none`, which then compresses the
        /// rows itself in one zlib stream (libpng cannot tune zlib); ignored by other inputs.
        public var deflateTuning: DeflateTuning? = nil

        /// Creates options; the defaults are the ones described on ``PNGEncoder/Options``. Values are
        /// checked when an image is encoded (a `PNGError.invalidArgument` names the bad one).
        public init(
            compressionLevel: Int = 3, filter: PNGRowFilter = .none,
            strategy: PNGCompressionStrategy = .default,
            text: [PNGTextChunk] = [], dpi: Double? = nil, colorMode: PNGColorMode = .automatic,
            deflateTuning: DeflateTuning? = nil
        ) {
            self.compressionLevel = compressionLevel
            self.filter = filter
            self.strategy = strategy
            self.text = text
            self.dpi = dpi
            self.colorMode = colorMode
            self.deflateTuning = deflateTuning
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
            if let deflateTuning {
                guard filter == .none else {
                    throw PNGError.invalidArgument(
                        "deflate tuning works with filter none only, not \(filter.rawValue)")
                }
                try deflateTuning.validate()
            }
            for chunk in text { try chunk.validate() }
            _ = try pixelsPerMeter()
        }
    }
}

/// zlib's `deflateTune` parameters: how hard the compressor looks for repeated bytes. At
/// level 1–3 (zlib's fast matcher) `maxLazy` caps the match length that is fully indexed.
public struct DeflateTuning: Equatable, Sendable {
    /// Match length above which the lazy search is reduced (0…258).
    public var goodLength: Int
    /// Longest match searched lazily; at levels 1–3, the longest match fully indexed (0…258).
    public var maxLazy: Int
    /// Match length that stops the search (0…258).
    public var niceLength: Int
    /// Most hash-chain entries tried per match (1…4096).
    public var maxChain: Int

    /// Creates tuning parameters; they are checked when an image is encoded.
    public init(goodLength: Int, maxLazy: Int, niceLength: Int, maxChain: Int) {
        self.goodLength = goodLength
        self.maxLazy = maxLazy
        self.niceLength = niceLength
        self.maxChain = maxChain
    }

    /// Level 3's fast matcher (zlib's level 3 is 4, 6, 32, 32) with longer matches indexed
    /// (32) and searched for (258) on shorter hash chains (8). On the tutorial's frames
    /// (640×480, filter none) it is 6 % smaller and 10 % faster than plain level 3, and
    /// smaller than matplotlib's level-6 frames. The previous tuning (8, 16, 96, 96) searched
    /// chains 12 times as long for 1 % larger files, 10 % slower (25 % on a dense point
    /// cloud). Found by a grid search over the four values on frames with 100 and 100,000
    /// points; `render-fit-bench encode` measures them side by side.
    public static let plotFrames = DeflateTuning(goodLength: 8, maxLazy: 32, niceLength: 258, maxChain: 8)

    /// A deep search for what is compressed once and reused many times: a
    /// ``PNGFrameBackground``. Every match is indexed (maxLazy 258), chains of 48: on the
    /// tutorial's background, 2 ms for 1 % smaller frames than `plotFrames` would give.
    public static let frameBackground = DeflateTuning(
        goodLength: 8, maxLazy: 258, niceLength: 258, maxChain: 48)

    func validate() throws {
        for (name, value) in [("goodLength", goodLength), ("maxLazy", maxLazy), ("niceLength", niceLength)]
        where !(0...258).contains(value) {
            throw PNGError.invalidArgument("deflate tuning \(name) \(value) is outside 0...258")
        }
        guard (1...4096).contains(maxChain) else {
            throw PNGError.invalidArgument("deflate tuning maxChain \(maxChain) is outside 1...4096")
        }
    }
}
