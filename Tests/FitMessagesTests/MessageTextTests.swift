import FitMessages
import Testing

/// How user-controlled text is shown in one-line messages: what is escaped, how the limit
/// counts and where it cuts.
@Suite struct MessageTextTests {
    /// Each C0 control, DEL and each C1 control, alone between letters.
    @Test func everyControlCharacterIsEscapedInUpperCaseHex() {
        let controls = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        for value in controls {
            let scalar = Unicode.Scalar(UInt32(value))!
            let expected = "a\\u{" + String(value, radix: 16, uppercase: true) + "}b"
            #expect(MessageText.quoted("a" + String(scalar) + "b") == expected, "U+\(value)")
            #expect(MessageText.escaped("a" + String(scalar) + "b") == expected, "U+\(value)")
        }
        #expect(MessageText.quoted("\u{1B}[31mred\n") == "\\u{1B}[31mred\\u{A}")
        #expect(MessageText.quoted("\r\n") == "\\u{D}\\u{A}")
    }

    /// Every Bidi_Control scalar of Unicode, U+FEFF and the zero-width characters: a value can
    /// neither reorder the rest of the line nor look like another value.
    @Test func bidirectionalAndInvisibleFormatCharactersAreEscaped() {
        let bidi: [UInt32] =
            [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E]
            + [0x2066, 0x2067, 0x2068, 0x2069]
        for value in bidi + [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD] {
            let scalar = Unicode.Scalar(value)!
            #expect(MessageText.needsEscape(scalar), "U+\(String(value, radix: 16))")
            let shown = MessageText.quoted("fit" + String(scalar))
            #expect(shown == "fit\\u{" + String(value, radix: 16, uppercase: true) + "}")
        }
        #expect(MessageText.quoted("fit,\u{202E}live") == "fit,\\u{202E}live")
    }

    @Test func lineAndParagraphSeparatorsAreEscaped() {
        #expect(MessageText.quoted("a\u{2028}b\u{2029}c") == "a\\u{2028}b\\u{2029}c")
        #expect(MessageText.escaped("a\u{2028}b\u{2029}c") == "a\\u{2028}b\\u{2029}c")
        #expect(MessageText.quoted("a\u{85}b") == "a\\u{85}b")  // NEL, a C1 control
    }

    /// Letters of any script, accents, symbols and emoji are shown as they are.
    @Test func printableTextIsShownAsItIs() {
        for text in ["année", "ΔL ≈ 0.1", "数据", "naïve café", "🙂", "x,y;z\"'\\", "é"] {
            #expect(MessageText.quoted(text) == text)
            #expect(MessageText.escaped(text) == text)
        }
        #expect(MessageText.quoted("") == "")
        #expect(MessageText.escaped("") == "")
    }

    /// The limit counts Unicode scalars of the original text; `…` marks a cut, and text of
    /// exactly the limit has none.
    @Test func theLimitCountsScalarsAndMarksTheCut() {
        let sixty = String(repeating: "A", count: 60)
        #expect(MessageText.quoted(sixty) == sixty)
        #expect(MessageText.quoted(sixty + "B") == sixty + "…")
        #expect(
            MessageText.quoted(String(repeating: "é", count: 61)) == String(repeating: "é", count: 60) + "…")
        #expect(MessageText.quoted("abcdef", limit: 3) == "abc…")
        #expect(MessageText.quoted("abc", limit: 3) == "abc")
        // Escapes lengthen what is written, not what is counted.
        let controls = String(repeating: "\u{1B}", count: 61)
        #expect(MessageText.quoted(controls) == String(repeating: "\\u{1B}", count: 60) + "…")
        // A million scalars give a message of bounded length.
        #expect(MessageText.quoted(String(repeating: "x", count: 1_000_000)).count == 61)
        #expect(MessageText.defaultLimit == 60)
    }

    /// "e" + U+0301 is one character of two scalars: the cut never leaves the letter without
    /// its accent, it leaves the whole character out.
    @Test func theCutNeverSplitsACharacter() {
        let accented = "e\u{301}"  // é, decomposed
        // 1 + 2 × 30 = 61 scalars: the 30th é would cross the limit of 60, so it is left out.
        let text = "a" + String(repeating: accented, count: 30)
        #expect(MessageText.quoted(text) == "a" + String(repeating: accented, count: 29) + "…")
        // 2 × 30 = 60 scalars fit exactly.
        #expect(
            MessageText.quoted(String(repeating: accented, count: 30))
                == String(repeating: accented, count: 30))
        #expect(MessageText.quoted("ab" + accented, limit: 3) == "ab…")
        // Only a first character longer than the limit on its own is cut inside.
        let zalgo = "a" + String(repeating: "\u{300}", count: 10_000)
        #expect(MessageText.quoted(zalgo).unicodeScalars.count == 61)
        #expect(MessageText.quoted(zalgo).hasSuffix("…"))
    }

    /// A combining mark that opens the text would sit on the message's opening quote.
    @Test func aCombiningMarkAtTheStartIsEscaped() {
        #expect(MessageText.quoted("\u{301}fit") == "\\u{301}fit")
        #expect(MessageText.quoted("\u{20DD}") == "\\u{20DD}")  // enclosing circle
        #expect(MessageText.quoted("fe\u{301}") == "fe\u{301}")  // inside a word, it stays
    }

    /// A message built from quoted parts goes through `escaped` again before it is printed:
    /// that second pass must not change it.
    @Test func escapingTwiceChangesNothing() {
        let hostile = "\u{1B}[2J\u{202E}a\u{2028}b\u{0}"
        let once = MessageText.quoted(hostile)
        #expect(MessageText.escaped(once) == once)
        #expect(MessageText.escaped(MessageText.escaped(hostile)) == MessageText.escaped(hostile))
        #expect(!once.unicodeScalars.contains(where: MessageText.needsEscape))
    }
}
