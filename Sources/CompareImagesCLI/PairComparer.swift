import FitPNG
import Foundation
import ImageComparison

/// Compares one pair of PNG files with the command's tolerance and mask.
///
/// Byte-identical files pass without being decoded (their size comes from the PNG header);
/// otherwise the two files are decoded at once, on two cores when `parallelDecode` is set.
struct PairComparer: Sendable {
    let comparator: ImageComparator
    let rectangles: [ComparisonMask.Rectangle]
    /// The `--mask` image, decoded once.
    let maskImage: RGBAImage?

    /// What one comparison found.
    struct Outcome: Sendable {
        var report: ComparisonReport
        /// Decoded images; nil when the files were byte-identical.
        var expected: RGBAImage?
        var actual: RGBAImage?
        var mask: ComparisonMask?
        var identicalBytes: Bool { expected == nil }
    }

    var hasMask: Bool { !rectangles.isEmpty || maskImage != nil }

    /// The mask for images of this size, or nil without `--ignore`/`--mask`.
    func mask(width: Int, height: Int) throws(ImageComparisonError) -> ComparisonMask? {
        guard hasMask else { return nil }
        var mask = ComparisonMask(width: width, height: height)
        for rectangle in rectangles { mask.ignore(rectangle) }
        if let maskImage { try mask.ignore(whereOpaque: maskImage) }
        return mask
    }

    func compare(expectedPath: String, actualPath: String, parallelDecode: Bool) throws(CompareImagesError)
        -> Outcome
    {
        let expectedHeader = try ImageFiles.prefix(expectedPath)
        if try ImageFiles.sameContents(expectedPath, actualPath) {
            let (width, height) = try ImageFiles.headerSize(expectedHeader, path: expectedPath)
            do {
                let mask = try mask(width: width, height: height)
                let tile = comparator.tileSize
                var report = ComparisonReport(
                    width: width, height: height, rms: 0, mismatchedPixels: 0, antiAliasedPixels: 0,
                    worstTile: TileDifference(
                        x: 0, y: 0, width: min(tile, width), height: min(tile, height),
                        meanAbsoluteDifference: 0),
                    pass: false, ssim: comparator.computesSSIM ? 1 : nil, ignoredPixels: mask?.ignoredCount)
                report.pass = comparator.tolerance.violations(of: report).isEmpty
                return Outcome(report: report, mask: mask)
            } catch {
                throw .badComparison(path: actualPath, reason: error.description)
            }
        }
        let actualHeader = try ImageFiles.prefix(actualPath)
        let (expected, actual) = try decodePair(expectedPath, actualPath, parallel: parallelDecode)
        do {
            let mask = try mask(width: expected.width, height: expected.height)
            let opaque =
                ImageFiles.isOpaqueByHeader(expectedHeader) && ImageFiles.isOpaqueByHeader(actualHeader)
            let report = try comparator.compare(
                expected: expected, actual: actual, mask: mask, knownOpaque: opaque)
            return Outcome(report: report, expected: expected, actual: actual, mask: mask)
        } catch {
            throw .badComparison(path: actualPath, reason: error.description)
        }
    }

    /// Decodes both files, at the same time on two threads when asked.
    private func decodePair(_ expectedPath: String, _ actualPath: String, parallel: Bool)
        throws(CompareImagesError) -> (RGBAImage, RGBAImage)
    {
        let inputs = [expectedPath, actualPath]
        let slots = DecodeSlots()
        let decodeOne: @Sendable (Int) -> Void = { index in
            slots.set(
                index,
                Result { () throws(CompareImagesError) -> RGBAImage in
                    try ImageFiles.read(inputs[index])
                })
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: 2, execute: decodeOne)
        } else {
            decodeOne(0)
            decodeOne(1)
        }
        return (try slots.get(0), try slots.get(1))
    }
}

/// The two decode results of a pair, written by two threads (one slot each).
private final class DecodeSlots: @unchecked Sendable {
    private var results: [Result<RGBAImage, CompareImagesError>?] = [nil, nil]
    private let lock = NSLock()

    func set(_ index: Int, _ result: Result<RGBAImage, CompareImagesError>) {
        lock.withLock { results[index] = result }
    }

    func get(_ index: Int) throws(CompareImagesError) -> RGBAImage {
        let result = lock.withLock { results[index] }
        switch result {
        case .success(let image): return image
        case .failure(let error): throw error
        case nil: throw .unreadableImage(path: "?", reason: "not decoded")
        }
    }
}
