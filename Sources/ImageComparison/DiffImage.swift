import FitPNG

/// The look of a diff image.
public enum DiffStyle: String, CaseIterable, Codable, Sendable {
    /// matplotlib's `save_diff_image`: |expected − actual| × 10 per channel, clipped to 255,
    /// alpha forced to 255. Black where equal; faint differences become visible.
    case matplotlib
    /// pixelmatch's output: mismatched pixels red, anti-aliased pixels yellow, everything else
    /// a faded grey copy of the expected image (pixelmatch's default `alpha` 0.1).
    case pixelmatch
    /// The SSIM map (see `StructuralSimilarity`): white where the images are structurally
    /// equal, darker where they differ.
    case ssim
}

extension DiffStyle {
    /// The diff image of two same-size images in this style; the pixels `mask` ignores are
    /// left out of the comparison and drawn hatched (grey and white diagonal stripes).
    ///
    /// - Throws: `ImageComparisonError.sizeMismatch`, `.maskSizeMismatch` (or
    ///   `.invalidThreshold` for pixelmatch).
    public func diffImage(
        expected: RGBAImage, actual: RGBAImage, options: PixelmatchOptions = PixelmatchOptions(),
        mask: ComparisonMask? = nil
    ) throws(ImageComparisonError) -> RGBAImage {
        try ImageComparisonError.checkSameSize(expected, actual)
        try ImageComparisonError.checkMask(mask, expected)
        let activeMask = mask.flatMap { $0.ignoredCount > 0 ? $0 : nil }
        let neutral = activeMask.map { $0.neutralize(actual, from: expected) } ?? actual
        var image: RGBAImage
        switch self {
        case .matplotlib: image = try DiffImages.matplotlib(expected: expected, actual: neutral)
        case .pixelmatch:
            image = try DiffImages.pixelmatch(expected: expected, actual: neutral, options: options)
        case .ssim: image = try StructuralSimilarity.mapImage(expected: expected, actual: neutral)
        }
        if let activeMask { DiffImages.hatch(&image, where: activeMask) }
        return image
    }
}

/// Builders of diff images.
public enum DiffImages {
    /// Colours of the pixelmatch-style diff.
    static let mismatchColor: (UInt8, UInt8, UInt8) = (255, 0, 0)
    static let antiAliasedColor: (UInt8, UInt8, UInt8) = (255, 255, 0)
    /// Opacity of the grey copy of the expected image (pixelmatch's `alpha`).
    static let backgroundOpacity = 0.1

    /// matplotlib-style diff: each channel |expected − actual| × 10 clipped to 0…255; alpha 255.
    public static func matplotlib(expected: RGBAImage, actual: RGBAImage) throws(ImageComparisonError)
        -> RGBAImage
    {
        try ImageComparisonError.checkSameSize(expected, actual)
        var out = [UInt8](repeating: 255, count: expected.pixels.count)
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                out.withUnsafeMutableBufferPointer { o in
                    var i = 0
                    while i < o.count {
                        for c in 0..<3 {
                            let d = abs(Int(e[i + c]) - Int(a[i + c])) * 10
                            o[i + c] = UInt8(min(d, 255))
                        }
                        i += 4
                    }
                }
            }
        }
        return try makeImage(width: expected.width, height: expected.height, pixels: out)
    }

    /// pixelmatch-style diff: red for mismatched pixels, yellow for anti-aliased ones, and a
    /// grey copy of the expected image blended with white at 10 % elsewhere.
    public static func pixelmatch(
        expected: RGBAImage, actual: RGBAImage, options: PixelmatchOptions = PixelmatchOptions()
    ) throws(ImageComparisonError) -> RGBAImage {
        try ImageComparisonError.checkSameSize(expected, actual)
        guard options.threshold >= 0, options.threshold <= 1 else {
            throw .invalidThreshold(options.threshold)
        }
        let count = expected.width * expected.height
        var classes = [UInt8](repeating: PixelClass.similar.rawValue, count: count)
        classes.withUnsafeMutableBufferPointer { c in
            _ = DifferenceScan.run(
                expected, actual, tileSize: ImageMetrics.defaultTileSize, options: options, classes: c)
        }
        return try pixelmatch(expected: expected, classes: classes)
    }

    /// Draws the pixelmatch diff from already computed pixel classes.
    static func pixelmatch(expected: RGBAImage, classes: [UInt8]) throws(ImageComparisonError) -> RGBAImage {
        var out = [UInt8](repeating: 255, count: expected.pixels.count)
        expected.pixels.withUnsafeBufferPointer { e in
            out.withUnsafeMutableBufferPointer { o in
                for index in 0..<classes.count {
                    let i = index * 4
                    let color: (UInt8, UInt8, UInt8)
                    switch PixelClass(rawValue: classes[index]) ?? .similar {
                    case .mismatched: color = mismatchColor
                    case .antiAliased: color = antiAliasedColor
                    case .similar:
                        // pixelmatch's drawGrayPixel: luma blended with white by alpha × a / 255,
                        // stored into a byte array (which truncates).
                        let luma =
                            Double(e[i]) * 0.29889531 + Double(e[i + 1]) * 0.58662247
                            + Double(e[i + 2]) * 0.11448223
                        let value = 255 + (luma - 255) * backgroundOpacity * Double(e[i + 3]) / 255
                        let grey = UInt8(min(255, max(0, value)))
                        color = (grey, grey, grey)
                    }
                    o[i] = color.0
                    o[i + 1] = color.1
                    o[i + 2] = color.2
                }
            }
        }
        return try makeImage(width: expected.width, height: expected.height, pixels: out)
    }

    /// Draws ignored pixels as diagonal stripes, 4 pixels wide, mid grey and white, so that a
    /// masked area is never mistaken for an equal one.
    public static func hatch(_ image: inout RGBAImage, where mask: ComparisonMask) {
        guard mask.width == image.width, mask.height == image.height else { return }
        let width = image.width
        image.pixels.withUnsafeMutableBufferPointer { p in
            for y in 0..<image.height {
                for x in 0..<width where mask.ignored[y * width + x] != 0 {
                    let value: UInt8 = ((x + y) / 4) % 2 == 0 ? 150 : 235
                    let i = (y * width + x) * 4
                    p[i] = value
                    p[i + 1] = value
                    p[i + 2] = value
                    p[i + 3] = 255
                }
            }
        }
    }

    /// An `RGBAImage` from a buffer whose size is right by construction.
    private static func makeImage(width: Int, height: Int, pixels: [UInt8]) throws(ImageComparisonError)
        -> RGBAImage
    {
        do {
            return try RGBAImage(width: width, height: height, pixels: pixels)
        } catch {
            throw .malformedImage(width: width, height: height, byteCount: pixels.count)
        }
    }
}
