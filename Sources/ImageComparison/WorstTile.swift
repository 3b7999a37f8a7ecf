import FitPNG

/// The tile of an image where two images differ most: a local regression (a moved label, a
/// missing marker) can hide in a global average such as the RMS, but not here.
public struct TileDifference: Codable, Equatable, Sendable {
    /// Left edge of the tile, in pixels.
    public var x: Int
    /// Top edge of the tile, in pixels.
    public var y: Int
    /// Tile width: the tile size, or less for a tile at the right edge.
    public var width: Int
    /// Tile height: the tile size, or less for a tile at the bottom edge.
    public var height: Int
    /// Mean absolute difference over the tile's compared channel values, on the 0–255 scale.
    public var meanAbsoluteDifference: Double

    /// Creates a tile difference from its position, size and mean difference.
    public init(x: Int, y: Int, width: Int, height: Int, meanAbsoluteDifference: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.meanAbsoluteDifference = meanAbsoluteDifference
    }
}

extension ImageMetrics {
    /// The default tile edge, in pixels.
    public static let defaultTileSize = 32

    /// The tile with the largest mean absolute difference among `tileSize × tileSize` tiles laid
    /// from the top-left corner (tiles at the right and bottom edges are smaller). Channels as for
    /// the RMS: R, G, B for two opaque images, R, G, B, A otherwise. Ties go to the first tile in
    /// reading order, so identical images report the top-left tile with 0.
    ///
    /// - Throws: `ImageComparisonError.sizeMismatch` when the sizes differ.
    public static func worstTile(
        expected: RGBAImage, actual: RGBAImage, tileSize: Int = defaultTileSize
    ) throws(ImageComparisonError) -> TileDifference {
        try ImageComparisonError.checkSameSize(expected, actual)
        return worstTile(
            expected, actual, channels: ComparedChannels(expected, actual), tileSize: max(1, tileSize))
    }

    static func worstTile(
        _ expected: RGBAImage, _ actual: RGBAImage, channels: ComparedChannels, tileSize: Int
    ) -> TileDifference {
        let width = expected.width
        let height = expected.height
        let columns = (width + tileSize - 1) / tileSize
        let rows = (height + tileSize - 1) / tileSize
        // One pass over the pixels, summing |Δ| into the tile each pixel belongs to.
        var sums = [Int](repeating: 0, count: columns * rows)
        let countAlpha = channels == .rgba
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                sums.withUnsafeMutableBufferPointer { tileSums in
                    for y in 0..<height {
                        let tileRow = (y / tileSize) * columns
                        var i = y * width * 4
                        for x in 0..<width {
                            var d =
                                abs(Int(e[i]) - Int(a[i])) + abs(Int(e[i + 1]) - Int(a[i + 1]))
                                + abs(Int(e[i + 2]) - Int(a[i + 2]))
                            if countAlpha { d += abs(Int(e[i + 3]) - Int(a[i + 3])) }
                            tileSums[tileRow + x / tileSize] &+= d
                            i += 4
                        }
                    }
                }
            }
        }
        var worst = TileDifference(
            x: 0, y: 0, width: min(tileSize, width), height: min(tileSize, height),
            meanAbsoluteDifference: -1)
        for row in 0..<rows {
            for column in 0..<columns {
                let x = column * tileSize
                let y = row * tileSize
                let w = min(tileSize, width - x)
                let h = min(tileSize, height - y)
                let mean = Double(sums[row * columns + column]) / Double(w * h * channels.count)
                if mean > worst.meanAbsoluteDifference {
                    worst = TileDifference(x: x, y: y, width: w, height: h, meanAbsoluteDifference: mean)
                }
            }
        }
        return worst
    }
}
