/// `text` as a terminal may show it: control characters (which could start escape sequences)
/// become U+FFFD. File names and messages go through here before they are printed.
func terminalSafe(_ text: String) -> String {
    String(
        String.UnicodeScalarView(
            text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0 })
    )
}
