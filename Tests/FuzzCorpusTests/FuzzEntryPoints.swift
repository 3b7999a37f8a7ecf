import FitPNG
import FitTrainer
import Foundation
import ImageComparison

@testable import CompareImagesCLI

/// The one entry function per fuzz target. `Scripts/fuzz.sh` compiles this file into the
/// libFuzzer binaries, and `FuzzCorpusTests` feeds every committed corpus file to the same
/// functions, so a finding that became a corpus file is replayed exactly as the fuzzer ran it.
///
/// Each entry either returns what happened (a valid result or a typed error, both checked) or
/// throws ``FuzzInvariantViolation``: the fuzzer turns that into a crash, the tests into a failure.
/// A Swift trap (overflow, index out of range) or a sanitizer report is a finding too.
enum FuzzEntryPoints {
    /// The fuzz targets, by the name `Scripts/fuzz.sh` and the corpus folders use.
    enum Target: String, CaseIterable {
        case csv
        case png
        case compareImages = "compare-images"
    }

    /// Runs `target`'s entry on `bytes`.
    static func run(_ target: Target, _ bytes: [UInt8]) throws(FuzzInvariantViolation) -> [FuzzOutcome] {
        switch target {
        case .csv: return [try csv(bytes)]
        case .png: return try png(bytes)
        case .compareImages: return try compareImages(bytes)
        }
    }

    // MARK: CSV reader

    /// `CSVDataLoader.parse`, which `render-fit --data` and the your-data example use, and the
    /// header reader that names the axes.
    static func csv(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        let data = Data(bytes)
        // The axis names come from the same file; they must never trap, whatever the bytes.
        _ = CSVDataLoader.columnNames(in: data)
        let result = Result { () throws(CSVDataError) in try CSVDataLoader.parse(data) }
        // A NUL is as far from a number as a letter: with every NUL made a "z" (which no number
        // syntax uses, unlike x, e, p, inf), the file must be accepted or refused alike, with the
        // same values (Swift's Double(String) stops at a NUL: "3\0abc" once read as 3).
        if bytes.contains(0) {
            let lettered = Result { () throws(CSVDataError) in
                try CSVDataLoader.parse(Data(bytes.map { $0 == 0 ? UInt8(ascii: "z") : $0 }))
            }
            switch (result, lettered) {
            case (.success(let a), .success(let b)):
                try require(a.x == b.x && a.y == b.y, "a NUL changed the values read")
            case (.failure, .failure): break
            default:
                throw FuzzInvariantViolation(
                    "a NUL in place of a letter changes whether the file is accepted")
            }
        }
        let dataSet: DataSet
        switch result {
        case .success(let value): dataSet = value
        case .failure(let error):
            try requireOneLine(error.description, "CSVDataError")
            return .rejected(error.description)
        }
        let count = dataSet.x.count
        try require(dataSet.y.count == count, "x has \(count) values, y \(dataSet.y.count)")
        try require(
            (CSVDataLoader.minimumPointCount...CSVDataLoader.maximumPointCount).contains(count),
            "accepted \(count) points, outside the documented limits")
        try require(
            dataSet.x.allSatisfy(\.isFinite) && dataSet.y.allSatisfy(\.isFinite),
            "accepted a non-finite value")
        return .accepted("\(count) points")
    }

    // MARK: PNG decoder

    /// `PNGDecoder.decode` (libpng through the C bridge), `PNGChunk.parse` and `APNGReader`, on
    /// the input as it is and, when its CRCs are wrong, on the input with every CRC recomputed:
    /// nearly every random mutation breaks a CRC, and the decoder would stop there, so without
    /// the second pass the fuzzer would never get past the chunk checks into the pixel code.
    static func png(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> [FuzzOutcome] {
        var outcomes: [FuzzOutcome] = []
        for variant in variants(of: bytes) {
            outcomes.append(try decode(variant))
            _ = try? PNGChunk.parse(variant)
            outcomes.append(try readAnimation(variant))
        }
        return outcomes
    }

    private static func decode(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        let decoder = PNGDecoder()
        let image: RGBAImage
        do {
            image = try decoder.decode(bytes)
        } catch {
            return try rejected(error, "PNGDecoder.decode")
        }
        try checkImage(image, limit: decoder.maxPixels)
        // Round trip: what the decoder returns, the encoder writes and the decoder reads back
        // unchanged (small images only, so that the fuzzer keeps its speed).
        if image.width * image.height <= 4096 {
            do {
                let again = try decoder.decode(try PNGEncoder().encode(image))
                try require(
                    again == image, "a decoded \(image.width)×\(image.height) image does not round-trip")
            } catch let violation as FuzzInvariantViolation {
                throw violation
            } catch {
                throw FuzzInvariantViolation("re-encoding a decoded image failed: \(error)")
            }
        }
        return .accepted("\(image.width)×\(image.height)")
    }

    private static func readAnimation(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        let decoder = PNGDecoder()
        let animation: APNGAnimation
        do {
            animation = try APNGReader.animation(of: bytes, decoder: decoder)
        } catch {
            return try rejected(error, "APNGReader.animation")
        }
        try require(!animation.frames.isEmpty, "an animation without frames was accepted")
        let first = animation.frames[0].image
        for frame in animation.frames {
            try checkImage(frame.image, limit: decoder.maxPixels)
            try require(
                frame.image.width == first.width && frame.image.height == first.height,
                "APNG frames of different canvas sizes")
        }
        return .accepted("\(animation.frames.count) frames of \(first.width)×\(first.height)")
    }

    // MARK: compare-images

    /// What `compare-images` does with a file it is given: `ImageFiles.read` (the same path for
    /// single files and folders), then every metric and both diff styles, against the image
    /// itself (which must pass exactly) and against a changed copy (which must not).
    static func compareImages(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> [FuzzOutcome] {
        var outcomes: [FuzzOutcome] = []
        for variant in variants(of: bytes) {
            outcomes.append(try compareFile(variant))
        }
        return outcomes
    }

    private static func compareFile(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        let path = scratchFile.path
        // Removed once the input is checked, passed or not, so that neither the corpus replay of
        // `swift test` nor the fuzzer leaves it in the temporary directory (a crash may: that is
        // a finding).
        defer { try? FileManager.default.removeItem(at: scratchFile) }
        do {
            try Data(bytes).write(to: scratchFile)
        } catch {
            throw FuzzInvariantViolation("cannot write the scratch file \(path): \(error)")
        }
        let image: RGBAImage
        do {
            image = try ImageFiles.read(path)
        } catch {
            guard case .unreadableImage(path, _) = error else {
                throw FuzzInvariantViolation("ImageFiles.read gave \(error) for a readable file")
            }
            try requireOneLine(error.description, "CompareImagesError")
            return .rejected(error.description)
        }
        try checkImage(image, limit: PNGDecoder().maxPixels)
        let comparator = ImageComparator()
        let changed = changedCopy(of: image)
        do {
            let same = try comparator.compare(expected: image, actual: image)
            try require(
                same.pass && same.rms == 0 && same.mismatchedPixels == 0
                    && same.worstTile.meanAbsoluteDifference == 0,
                "an image compared with itself does not pass exactly: \(same)")
            let other = try comparator.compare(expected: image, actual: changed)
            try require(!other.pass && other.rms > 0, "a changed image passes the exact comparison: \(other)")
            try require(
                (0...(image.width * image.height)).contains(other.mismatchedPixels)
                    && other.rms.isFinite && other.rms <= 255,
                "a report out of range: \(other)")
            for style in DiffStyle.allCases {
                let diff = try comparator.diffImage(expected: image, actual: changed, style: style)
                try require(
                    diff.width == image.width && diff.height == image.height,
                    "a \(style) diff of the wrong size")
            }
        } catch let error as ImageComparisonError {
            throw FuzzInvariantViolation("comparing two images of one size failed: \(error)")
        } catch let violation as FuzzInvariantViolation {
            throw violation
        } catch {
            throw FuzzInvariantViolation("unexpected error \(error)")
        }
        return .accepted("\(image.width)×\(image.height)")
    }

    /// `image` with every channel of every third pixel inverted (and alpha forced opaque so that
    /// the change cannot hide behind transparency).
    private static func changedCopy(of image: RGBAImage) -> RGBAImage {
        var changed = image
        for pixel in stride(from: 0, to: image.width * image.height, by: 3) {
            for channel in 0..<3 { changed.pixels[pixel * 4 + channel] ^= 0xFF }
            changed.pixels[pixel * 4 + 3] = 255
        }
        return changed
    }

    /// One file per process: the fuzzer runs one input at a time, and parallel test processes
    /// do not share it. `compareFile` removes it after each input.
    private static let scratchFile = FileManager.default.temporaryDirectory
        .appendingPathComponent("render-fit-fuzz-\(getpid()).png")

    // MARK: Shared checks

    private static func checkImage(_ image: RGBAImage, limit: Int) throws(FuzzInvariantViolation) {
        try require(image.width > 0 && image.height > 0, "an empty \(image.width)×\(image.height) image")
        try require(image.width * image.height <= limit, "\(image.width)×\(image.height) is over the limit")
        try require(image.pixels.count == image.width * image.height * 4, "pixel buffer of the wrong size")
    }

    /// A thrown error must be a `PNGError` with a message (ImageError cannot happen: the decoder
    /// checks the size before it builds the image).
    private static func rejected(_ error: any Error, _ function: String) throws(FuzzInvariantViolation)
        -> FuzzOutcome
    {
        guard let error = error as? PNGError else {
            throw FuzzInvariantViolation("\(function) threw \(type(of: error)) \(error), not a PNGError")
        }
        try requireOneLine(error.description, "\(function): PNGError")
        return .rejected(error.description)
    }

    /// The input, then (when it differs) the input with the CRC of every complete chunk
    /// recomputed.
    static func variants(of bytes: [UInt8]) -> [[UInt8]] {
        var repaired = bytes
        var offset = PNGChunk.signature.count
        while offset + 12 <= repaired.count {
            let length = Int(repaired.readUInt32(at: offset))
            guard length <= repaired.count - offset - 12 else { break }
            let crc = CRC32.update(
                CRC32.checksum(Array(repaired[(offset + 4)..<(offset + 8)])),
                with: Array(repaired[(offset + 8)..<(offset + 8 + length)]))
            for index in 0..<4 {
                repaired[offset + 8 + length + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index))
            }
            offset += 12 + length
        }
        return repaired == bytes ? [bytes] : [bytes, repaired]
    }

    /// An error message is what a user reads on a terminal: one non-empty line, with no control
    /// character, line separator or format character (bidirectional overrides, zero-width
    /// characters) that input bytes could smuggle into it: what `MessageText` promises.
    private static func requireOneLine(_ message: String, _ kind: String) throws(FuzzInvariantViolation) {
        try require(!message.isEmpty, "\(kind) has an empty message")
        let bad = message.unicodeScalars.first {
            switch $0.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
        try require(
            bad == nil,
            "\(kind) message holds U+\(String(bad?.value ?? 0, radix: 16, uppercase: true)): \(message.debugDescription)"
        )
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String)
        throws(FuzzInvariantViolation)
    {
        if !condition { throw FuzzInvariantViolation(message()) }
    }
}

/// What one entry call gave.
enum FuzzOutcome: Equatable {
    /// A valid result, summarised.
    case accepted(String)
    /// A typed error, by its message.
    case rejected(String)
}

/// A broken promise found by a fuzz entry: a result that is not valid, or an error of the wrong
/// kind.
struct FuzzInvariantViolation: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension [UInt8] {
    fileprivate func readUInt32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16 | UInt32(self[offset + 2]) << 8
            | UInt32(self[offset + 3])
    }
}
