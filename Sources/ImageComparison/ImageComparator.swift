import FitPNG

/// Compares two images with every metric and judges them against a tolerance.
public struct ImageComparator: Sendable {
    /// The limits a comparison must stay within to pass.
    public var tolerance: Tolerance
    /// Edge of the tiles for the worst-tile metric.
    public var tileSize: Int

    /// Creates a comparator; exact by default. A `tileSize` below 1 is raised to 1.
    public init(tolerance: Tolerance = .exact, tileSize: Int = ImageMetrics.defaultTileSize) {
        self.tolerance = tolerance
        self.tileSize = max(1, tileSize)
    }

    /// The report for `actual` against `expected`.
    ///
    /// - Throws: `ImageComparisonError` for different sizes or an invalid tolerance.
    public func compare(expected: RGBAImage, actual: RGBAImage) throws(ImageComparisonError)
        -> ComparisonReport
    {
        try tolerance.validate()
        try ImageComparisonError.checkSameSize(expected, actual)
        let channels = ComparedChannels(expected, actual)
        let rms = ImageMetrics.rootMeanSquare(expected, actual, channels: channels)
        let counts = Pixelmatch.run(expected, actual, options: tolerance.pixelmatchOptions, classes: nil)
        let tile = ImageMetrics.worstTile(expected, actual, channels: channels, tileSize: tileSize)
        var report = ComparisonReport(
            width: expected.width, height: expected.height, rms: rms,
            mismatchedPixels: counts.mismatchedPixels, antiAliasedPixels: counts.antiAliasedPixels,
            worstTile: tile, pass: false)
        report.pass = tolerance.violations(of: report).isEmpty
        return report
    }

    /// The diff image in `style`, with this comparator's pixelmatch threshold.
    public func diffImage(expected: RGBAImage, actual: RGBAImage, style: DiffStyle)
        throws(ImageComparisonError) -> RGBAImage
    {
        try style.diffImage(expected: expected, actual: actual, options: tolerance.pixelmatchOptions)
    }
}
