/// Text made safe for HTML and XML: control characters that XML 1.0 forbids (and C1 controls,
/// which HTML calls parse errors) become U+FFFD, and the five markup characters are escaped.
/// Every piece of text a report writes (file names, paths, messages) goes through here.
public enum MarkupText {
    /// Whether XML 1.0 allows `scalar` in a document (tab, newline and carriage return are the
    /// only controls it allows); C1 controls and noncharacters U+FFFE/U+FFFF are refused too.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// `text` with forbidden characters replaced by U+FFFD (no escaping).
    public static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(out)
    }

    /// `text` cleaned and escaped for element content or a quoted attribute value.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
