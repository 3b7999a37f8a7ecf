/// Where an axes' legend goes.
public enum LegendLocation: Hashable, Sendable, CaseIterable {
    /// The corner whose legend box covers the fewest static data points (ties go to the
    /// earlier of upper right, upper left, lower left, lower right: matplotlib's order).
    case best
    /// A fixed corner of the plot area.
    case upperRight, upperLeft, lowerLeft, lowerRight

    /// The four corners in matplotlib's order of preference.
    public static let corners: [LegendLocation] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight]
}

/// A legend laid out: its box and one row per labelled mark. Sizes follow matplotlib's
/// defaults in font-size units (border pad 0.4, label spacing 0.5, handle length 2, handle
/// text pad 0.8, inset from the spines 0.5).
public struct LegendLayout: Hashable, Sendable {
    /// One legend row: a key and its label.
    public struct Entry: Hashable, Sendable {
        /// The label text.
        public var label: String
        /// The key drawn left of the label.
        public var handle: LegendHandle
        /// Where the label's left end on its baseline is.
        public var textOrigin: Point
        /// The rectangle the handle is drawn in.
        public var handleRect: Rect
    }

    /// The frame, in layout units.
    public var box: Rect
    /// The corner chosen (never `.best`).
    public var location: LegendLocation
    /// One row per labelled mark, in the order the marks were added.
    public var entries: [Entry]
    /// The font of the labels (the theme's font size).
    public var font: Font

    /// Lays out the labelled `marks` in `plotArea`; nil when no mark has a label.
    static func make(
        marks: [any Mark], location: LegendLocation, transform: AxesTransform, theme: Theme,
        points: PointScale, measure: (String, Font) -> TextExtent
    ) -> LegendLayout? {
        let labelled = marks.compactMap { mark -> (String, LegendHandle)? in
            guard let label = mark.label, !label.isEmpty, let handle = mark.legendHandle(points: points)
            else { return nil }
            return (label, handle)
        }
        guard !labelled.isEmpty else { return nil }
        let area = transform.plotArea
        let themeSize = points.layout(theme.fontSizePoints)
        // Sizes in font-size units, measured with `font`.
        func measureRows(_ font: Font) -> (extents: [TextExtent], width: Double) {
            let extents = labelled.map { measure($0.0, font) }
            let fs = font.size
            let width =
                (2 * theme.legendBorderPad + theme.legendHandleLength + theme.legendHandleTextPad) * fs
                + (extents.map(\.width).max() ?? 0)
            return (extents, width)
        }
        var font = Font(family: theme.fontFamily, size: themeSize)
        var (extents, width) = measureRows(font)
        // A legend wider than the plot area (long labels in a small figure) would cover the
        // y axis and its labels: its text shrinks to fit, down to 60 % of the theme's size
        // (matplotlib leaves it overflowing).
        let room = area.width - 2 * theme.legendBorderAxesPad * themeSize
        if width > room, room > 0 {
            for _ in 0..<3 where width > room {
                let size = max(0.6 * themeSize, font.size * room / width)
                guard size < font.size else { break }
                font = Font(family: theme.fontFamily, size: size)
                (extents, width) = measureRows(font)
            }
        }
        let fs = font.size
        // matplotlib packs each row's handle box (0.7 fs high) and label on a common
        // baseline: the handle's bottom sits on the label's baseline, and the row is as high
        // as the taller of the two above it plus the label's descent.
        let handleHeight = 0.7 * fs
        let rowHeights = extents.map { max($0.ascent, handleHeight) + $0.descent }
        let pad = theme.legendBorderPad * fs
        let handleLength = theme.legendHandleLength * fs
        let textPad = theme.legendHandleTextPad * fs
        let spacing = theme.legendLabelSpacing * fs
        let count = Double(labelled.count)
        let height = 2 * pad + rowHeights.reduce(0, +) + (count - 1) * spacing

        let inset = theme.legendBorderAxesPad * themeSize
        func box(_ corner: LegendLocation) -> Rect {
            let left = corner == .upperLeft || corner == .lowerLeft
            let upper = corner == .upperLeft || corner == .upperRight
            // Still too wide: it overflows the right spine rather than the y axis's labels.
            return Rect(
                x: left ? area.minX + inset : max(area.minX + inset, area.maxX - inset - width),
                y: upper ? area.minY + inset : area.maxY - inset - height,
                width: width, height: height)
        }
        var chosen = location
        if location == .best {
            // Layout never depends on dynamic marks: only static points are avoided.
            let avoid = marks.filter { !$0.isDynamic }.flatMap(\.legendAvoidancePoints).map(transform.point)
            var bestCount = Int.max
            for corner in LegendLocation.corners {
                let r = box(corner)
                let count = avoid.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
                if count < bestCount {
                    bestCount = count
                    chosen = corner
                }
            }
        }
        let frame = box(chosen)
        var entries: [Entry] = []
        var top = frame.minY + pad
        for (index, (label, handle)) in labelled.enumerated() {
            let baseline = top + max(extents[index].ascent, handleHeight)
            let handleRect = Rect(
                x: frame.minX + pad, y: baseline - handleHeight, width: handleLength, height: handleHeight)
            entries.append(
                Entry(
                    label: label, handle: handle,
                    textOrigin: Point(x: handleRect.maxX + textPad, y: baseline),
                    handleRect: handleRect))
            top += rowHeights[index] + spacing
        }
        return LegendLayout(box: frame, location: chosen, entries: entries, font: font)
    }

    /// Draws the frame, the keys and the labels.
    func draw(on renderer: any Renderer, theme: Theme, points: PointScale) {
        let frame = Self.roundedRectangle(box, radius: theme.legendCornerRadius * font.size)
        renderer.fill(frame, color: theme.legendBackground)
        renderer.stroke(
            frame, style: StrokeStyle(width: points.layout(1), color: theme.legendFrameColor, join: .round))
        for entry in entries {
            let r = entry.handleRect
            switch entry.handle {
            case .marker(let style):
                // matplotlib's scatter key sits 3/8 of the handle height above the baseline
                // (its default `scatteryoffsets` for one point).
                renderer.drawMarkers(at: [Point(x: r.center.x, y: r.maxY - 0.375 * r.height)], style: style)
            case .line(let style):
                // matplotlib snaps rectilinear paths, so its horizontal key is crisp too.
                var crisp = style
                crisp.snapToPixels = true
                renderer.stroke(
                    .segment(from: Point(x: r.minX, y: r.center.y), to: Point(x: r.maxX, y: r.center.y)),
                    style: crisp)
            case .patch(let fill, let edge):
                let key = Rect(
                    x: r.minX, y: r.center.y - 0.35 * font.size, width: r.width, height: 0.7 * font.size)
                renderer.fill(.rectangle(key), color: fill)
                if let edge { renderer.stroke(.rectangle(key), style: edge) }
            }
            renderer.drawText(
                entry.label, at: entry.textOrigin, font: font, color: theme.textColor,
                anchor: TextAnchor(.left, .baseline), rotation: 0)
        }
    }

    /// A rectangle with circular corners, clockwise on screen.
    static func roundedRectangle(_ r: Rect, radius: Double) -> Path {
        let k = max(0, min(radius, r.width / 2, r.height / 2))
        var p = Path()
        p.move(to: Point(x: r.minX + k, y: r.minY))
        p.line(to: Point(x: r.maxX - k, y: r.minY))
        p.arc(center: Point(x: r.maxX - k, y: r.minY + k), radius: k, start: -Double.pi / 2, end: 0)
        p.line(to: Point(x: r.maxX, y: r.maxY - k))
        p.arc(center: Point(x: r.maxX - k, y: r.maxY - k), radius: k, start: 0, end: Double.pi / 2)
        p.line(to: Point(x: r.minX + k, y: r.maxY))
        p.arc(center: Point(x: r.minX + k, y: r.maxY - k), radius: k, start: Double.pi / 2, end: Double.pi)
        p.line(to: Point(x: r.minX, y: r.minY + k))
        p.arc(center: Point(x: r.minX + k, y: r.minY + k), radius: k, start: Double.pi, end: 1.5 * Double.pi)
        p.close()
        return p
    }
}
