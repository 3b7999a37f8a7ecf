import FitCairo
import FitPlot
import Foundation

/// Helpers shared by the Cairo tests.
enum CanvasTestSupport {
    /// All pixels as native-endian premultiplied ARGB32 words, row-major without padding.
    static func words(_ canvas: CairoImageCanvas) -> [UInt32] {
        canvas.withPixelData { buffer, width, height, stride in
            var out: [UInt32] = []
            out.reserveCapacity(width * height)
            for y in 0..<height {
                for x in 0..<width {
                    out.append(buffer.load(fromByteOffset: y * stride + x * 4, as: UInt32.self))
                }
            }
            return out
        }
    }

    /// The raw bytes of the surface rows (width × 4 bytes each), for byte-identity checks.
    static func bytes(_ canvas: CairoImageCanvas) -> [UInt8] {
        canvas.withPixelData { buffer, width, height, stride in
            var out: [UInt8] = []
            for y in 0..<height { out += buffer[(y * stride)..<(y * stride + width * 4)] }
            return out
        }
    }

    /// Largest difference of any channel between two equal-size word arrays.
    static func maxChannelDifference(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var worst = 0
        for (p, q) in zip(a, b) {
            for shift in stride(from: 0, through: 24, by: 8) {
                worst = max(worst, abs(Int((p >> UInt32(shift)) & 0xff) - Int((q >> UInt32(shift)) & 0xff)))
            }
        }
        return worst
    }
}
