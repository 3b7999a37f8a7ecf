extension RGBAImage {
    /// Draws `image` with its top-left corner at (x, y), which the caller keeps inside.
    /// `blendOver` false replaces the pixels (APNG blend op SOURCE); true composites with
    /// straight-alpha "over" (blend op OVER), rounding to nearest.
    mutating func draw(_ image: RGBAImage, atX x: Int, y: Int, blendOver: Bool) {
        for row in 0..<image.height {
            for column in 0..<image.width {
                let source = (row * image.width + column) * 4
                let target = ((y + row) * width + x + column) * 4
                let sa = Int(image.pixels[source + 3])
                if !blendOver || sa == 255 {
                    for c in 0..<4 { pixels[target + c] = image.pixels[source + c] }
                    continue
                }
                if sa == 0 { continue }
                // Straight alpha: outA = sa + da(1 − sa); outC = (sc·sa + dc·da(1 − sa)) / outA, on 0…255.
                let da = Int(pixels[target + 3])
                let dWeight = da * (255 - sa)  // da·(1 − sa), scaled by 255²
                let outA255 = sa * 255 + dWeight  // outA scaled by 255²
                for c in 0..<3 {
                    let value = Int(image.pixels[source + c]) * sa * 255 + Int(pixels[target + c]) * dWeight
                    pixels[target + c] = UInt8((value + outA255 / 2) / outA255)
                }
                pixels[target + 3] = UInt8((outA255 + 127) / 255)
            }
        }
    }

    /// Sets a rectangle, which the caller keeps inside, to transparent black.
    mutating func clear(x: Int, y: Int, width clearWidth: Int, height clearHeight: Int) {
        for row in y..<(y + clearHeight) {
            let start = (row * width + x) * 4
            pixels.replaceSubrange(
                start..<(start + clearWidth * 4), with: repeatElement(0, count: clearWidth * 4))
        }
    }
}
