import FitOutput
import Testing

/// Temporary names must be unguessable and recognisable: the clean-up after a killed run
/// removes exactly these names.
@Suite struct TemporaryNameTests {
    @Test("names have the scheme's shape, are told apart from a user's, and use every digit everywhere")
    func shapeAndSpread() {
        let names = (0..<10_000).map { _ in TemporaryName.make(for: "frame_0042.png") }
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { TemporaryName.destination(ofTemporary: $0) == "frame_0042.png" })
        #expect(TemporaryName.destination(ofTemporary: ".frame_0042.png.orig.tmp") == nil)
        // The random part, position by position: 10,000 draws miss one of the 36 characters at
        // one of the 12 positions with a chance below 10^-118 when the draw is uniform; a
        // draw that cannot reach the high digits (too few random bits) fails here.
        let alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyz")
        for position in 0..<TemporaryName.randomCount {
            let seen = Set(names.map { Array($0.suffix(TemporaryName.randomCount))[position] })
            #expect(seen == alphabet, "position \(position) shows \(seen.count) characters")
        }
    }
}
