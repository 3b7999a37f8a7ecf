import Foundation

/// A font's design line metrics, as fractions of the em: the ascent and descent that
/// matplotlib (3.11) gives every line of text at least, whatever its glyphs.
///
/// matplotlib reads them from the OpenType `OS/2` table (`sTypoAscender`, `sTypoDescender`),
/// or from `hhea` when a font has no `OS/2`; so do we. For DejaVu Sans that is 1556 and 492
/// of 2048 units, so a 10 pt line at 100 dpi is 13.889 px high: exactly the font size. (Cairo's
/// own font extents use `hhea`, 1901 + 483, which made our text boxes 16% taller.)
struct FontLineMetrics: Hashable, Sendable {
    /// Height above the baseline, in ems (positive).
    var ascent: Double
    /// Depth below the baseline, in ems (positive).
    var descent: Double

    /// The metrics of face `index` in the TrueType/OpenType (or collection) file at `path`;
    /// nil when the file cannot be read or lacks the tables (the caller then measures glyphs).
    static func read(fileAt path: String, index: Int) -> FontLineMetrics? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return parse([UInt8](data), index: index)
    }

    /// The metrics from the bytes of a font file; nil when they are malformed.
    static func parse(_ bytes: [UInt8], index: Int) -> FontLineMetrics? {
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }
        func i16(_ at: Int) -> Int? { u16(at).map { $0 >= 0x8000 ? $0 - 0x10000 : $0 } }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(at), let low = u16(at + 2) else { return nil }
            return high << 16 | low
        }
        // A collection ("ttcf") lists the offset of each face's table directory.
        var directory = 0
        if bytes.count >= 4, bytes[0..<4].elementsEqual("ttcf".utf8) {
            guard index >= 0, let count = u32(8), index < count, let offset = u32(12 + 4 * index) else {
                return nil
            }
            directory = offset
        }
        guard let tableCount = u16(directory + 4) else { return nil }
        var tables: [String: Int] = [:]
        for table in 0..<tableCount {
            let record = directory + 12 + 16 * table
            guard record + 16 <= bytes.count, let offset = u32(record + 8) else { return nil }
            let tag = String(decoding: bytes[record..<(record + 4)], as: UTF8.self)
            tables[tag] = offset
        }
        guard let head = tables["head"], let unitsPerEm = u16(head + 18), unitsPerEm > 0 else { return nil }
        let em = Double(unitsPerEm)
        if let os2 = tables["OS/2"], let ascent = i16(os2 + 68), let descent = i16(os2 + 70) {
            return FontLineMetrics(ascent: Double(ascent) / em, descent: Double(-descent) / em)
        }
        if let hhea = tables["hhea"], let ascent = i16(hhea + 4), let descent = i16(hhea + 6) {
            return FontLineMetrics(ascent: Double(ascent) / em, descent: Double(-descent) / em)
        }
        return nil
    }
}
