/// User-controlled text (a CSV cell, a header name, a `--panels` or `--compare` value, a
/// command-line argument, a file name) as one-line messages show it: every library and tool
/// quotes it through here, so that a hostile value cannot break the line, rewrite the terminal
/// or reorder what the reader sees.
///
/// Escaped as `\u{…}` (upper-case hex, the scalar's code point): control characters (C0, DEL,
/// C1: line breaks, tabs, the ESC that starts terminal sequences), format characters (among
/// them every bidirectional control such as U+202E RIGHT-TO-LEFT OVERRIDE, U+FEFF and the
/// invisible zero-width characters, so that a value never looks like another) and the line and
/// paragraph separators U+2028 and U+2029 (a line break in many terminals and editors).
/// Every other character, accented letters and emoji included, is shown as it is.
///
/// This module imports nothing: the trainer (Foundation only) and the output layer (Foundation
/// and libc) sit side by side at the bottom of the layering and both quote user text.
public enum MessageText {
    /// The most Unicode scalars of one value a message shows, unless a caller gives another.
    public static let defaultLimit = 60

    /// The most Unicode scalars of a file path a message shows: PATH_MAX on Linux, since a path
    /// cut short cannot be found again (the system refuses longer paths anyway).
    public static let pathLimit = 4096

    /// `text` to put between quotes in a message: at most `limit` Unicode scalars of it, then
    /// `…` when some were left out, with every scalar that ``needsEscape(_:)`` names written as
    /// `\u{…}`.
    ///
    /// The limit counts the scalars of the original text (not the characters written): it bounds
    /// the message whatever the text holds, where one user-perceived character can hold
    /// thousands of combining marks. The cut falls between characters (grapheme clusters), so an
    /// accent is never separated from its letter: a character that would cross the limit is left
    /// out whole. Only a first character longer than the limit on its own is cut inside.
    /// A combining mark at the very start is escaped too, since it would otherwise sit on the
    /// message's opening quote.
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        var result = ""
        var taken = 0
        for character in text {
            let scalars = character.unicodeScalars
            if taken + scalars.count > limit {
                if taken == 0 {
                    for scalar in scalars.prefix(max(0, limit)) { append(scalar, to: &result) }
                }
                return result + "…"
            }
            for scalar in scalars {
                if taken == 0 && isCombiningMark(scalar) {
                    result += escape(scalar)
                } else {
                    append(scalar, to: &result)
                }
                taken += 1
            }
        }
        return result
    }

    /// `text` with every scalar that ``needsEscape(_:)`` names written as `\u{…}`, however long:
    /// for a whole message (or a table cell) about to be printed, whose parts were built by the
    /// tool. Applying it again changes nothing.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// Whether `scalar` is written as `\u{…}`: a control character (general category Cc), a
    /// format character (Cf: bidirectional controls, U+FEFF, zero-width characters, soft
    /// hyphen, tags) or the line or paragraph separator (Zl, Zp).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        if needsEscape(scalar) {
            result += escape(scalar)
        } else {
            result.unicodeScalars.append(scalar)
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
