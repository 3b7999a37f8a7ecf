import CCairo
import FitPlot
import Foundation

/// One loaded Cairo font face, destroyed in `deinit`.
///
/// `@unchecked Sendable`: a `cairo_font_face_t` is reference counted atomically and Cairo
/// guards its font caches with its own mutexes, so one face may be used by contexts on
/// different threads; this class never mutates after init.
final class CairoFontFace: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The font file fontconfig matched, for messages and tests.
    let file: String
    /// The design ascent and descent every text line gets at least (nil: the file has no
    /// `OS/2` or `hhea` table, so text measurement falls back to glyph ink).
    let lineMetrics: FontLineMetrics?

    init(pointer: OpaquePointer, file: String, lineMetrics: FontLineMetrics?) {
        self.pointer = pointer
        self.file = file
        self.lineMetrics = lineMetrics
    }

    deinit { cairo_font_face_destroy(pointer) }
}

/// Finds fonts through fontconfig and caches the Cairo font faces process-wide (text is drawn
/// on every frame; a fontconfig match costs far more than drawing the text).
///
/// There is no fallback: a family that fontconfig cannot match exactly is an error, because a
/// silent substitute would change every image.
public enum CairoFontLibrary {
    /// The font options every context uses: grey antialiasing, no hinting, unhinted metrics,
    /// so glyph shapes and advances scale linearly and do not depend on the machine's
    /// fontconfig settings (subpixel order, LCD filter, hint style).
    static func makeFontOptions() throws(CairoError) -> OpaquePointer {
        guard let options = cairo_font_options_create() else {
            throw .cairoFailure(operation: "cairo_font_options_create", status: "no options returned")
        }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        let status = cairo_font_options_status(options)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_options_destroy(options)
            throw .cairoFailure(operation: "cairo_font_options", status: CairoStatus.describe(status))
        }
        return options
    }

    private struct Key: Hashable {
        var family: String
        var weight: Font.Weight
    }

    /// `@unchecked Sendable`: every access to `faces` happens while holding `lock`.
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var faces: [Key: CairoFontFace] = [:]
    }

    private static let cache = Cache()

    /// The path of the font file used for `family` and `weight`, e.g. to check the set-up.
    public static func fontFile(family: String, weight: Font.Weight) throws(CairoError) -> String {
        try face(family: family, weight: weight).file
    }

    /// The cached face for `family` and `weight`, matched through fontconfig on first use.
    static func face(family: String, weight: Font.Weight) throws(CairoError) -> CairoFontFace {
        let key = Key(family: family, weight: weight)
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let face = cache.faces[key] { return face }
        let face = try loadFace(family: family, weight: weight)
        cache.faces[key] = face
        return face
    }

    private static func loadFace(family: String, weight: Font.Weight) throws(CairoError) -> CairoFontFace {
        let weightName = weight == .bold ? "bold" : "regular"
        guard FcInit() != 0 else { throw .fontconfigFailure("FcInit failed: no usable configuration") }
        guard let request = FcPatternCreate() else { throw .fontconfigFailure("out of memory") }
        defer { FcPatternDestroy(request) }
        addString(request, FC_FAMILY, family)
        FcPatternAddInteger(request, FC_WEIGHT, weight == .bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR)
        FcPatternAddInteger(request, FC_SLANT, FC_SLANT_ROMAN)
        FcPatternAddInteger(request, FC_WIDTH, FC_WIDTH_NORMAL)
        guard FcConfigSubstitute(nil, request, FcMatchPattern) != 0 else {
            throw .fontconfigFailure("FcConfigSubstitute failed for \"\(family)\"")
        }
        FcDefaultSubstitute(request)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, request, &result), result == FcResultMatch else {
            throw .fontNotFound(family: family, weight: weightName, matched: nil)
        }
        defer { FcPatternDestroy(match) }
        // fontconfig always returns *some* font; accept it only if it really is the family
        // asked for (a face may list several family names, e.g. "DejaVu Sans" and a
        // localised one) and has the weight asked for.
        let families = strings(match, FC_FAMILY)
        guard families.contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }) else {
            throw .fontNotFound(family: family, weight: weightName, matched: families.first)
        }
        var matchedWeight: Int32 = 0
        if FcPatternGetInteger(match, FC_WEIGHT, 0, &matchedWeight) == FcResultMatch {
            let wantBold = weight == .bold
            let isBold = matchedWeight >= FC_WEIGHT_DEMIBOLD
            guard wantBold == isBold else {
                throw .fontNotFound(
                    family: family, weight: weightName,
                    matched: "\(families.first ?? family) weight \(matchedWeight)")
            }
        }
        guard let file = strings(match, FC_FILE).first else {
            throw .fontNotFound(family: family, weight: weightName, matched: families.first)
        }
        var index: Int32 = 0
        _ = FcPatternGetInteger(match, FC_INDEX, 0, &index)

        // Hand Cairo a pattern with only the file and index: the matched pattern also carries
        // this machine's hinting and antialiasing preferences, which would override ours.
        guard let minimal = FcPatternCreate() else { throw .fontconfigFailure("out of memory") }
        defer { FcPatternDestroy(minimal) }
        addString(minimal, FC_FILE, file)
        FcPatternAddInteger(minimal, FC_INDEX, index)
        guard let face = cairo_ft_font_face_create_for_pattern(minimal) else {
            throw .cairoFailure(
                operation: "cairo_ft_font_face_create_for_pattern(\(file))", status: "no face returned")
        }
        let status = cairo_font_face_status(face)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(face)
            throw .cairoFailure(
                operation: "cairo_ft_font_face_create_for_pattern(\(file))",
                status: CairoStatus.describe(status))
        }
        return CairoFontFace(
            pointer: face, file: file,
            lineMetrics: FontLineMetrics.read(fileAt: file, index: Int(index & 0xFFFF)))
    }

    private static func addString(_ pattern: OpaquePointer, _ object: String, _ value: String) {
        let bytes = Array(value.utf8) + [0]
        bytes.withUnsafeBufferPointer { buffer in
            _ = FcPatternAddString(pattern, object, buffer.baseAddress)
        }
    }

    private static func strings(_ pattern: OpaquePointer, _ object: String) -> [String] {
        var values: [String] = []
        var n: Int32 = 0
        while true {
            var value: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(pattern, object, n, &value) == FcResultMatch, let value else { break }
            values.append(String(cString: value))
            n += 1
        }
        return values
    }
}
