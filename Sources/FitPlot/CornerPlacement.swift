/// Where a box of a given size goes inside a plot area so that it covers the fewest points:
/// the rule of matplotlib's `loc="best"` restricted to the four corners (the same rule
/// ``LegendLocation/best`` applies to legends), usable for any box — a formula, a note.
public enum CornerPlacement {
    /// The box of `size` in `corner` of `area`, `inset` from the spines (horizontally by
    /// `inset.width`, vertically by `inset.height`).
    public static func box(_ corner: LegendLocation, size: Size, in area: Rect, inset: Size) -> Rect {
        let left = corner == .upperLeft || corner == .lowerLeft
        let upper = corner == .upperLeft || corner == .upperRight || corner == .best
        return Rect(
            x: left ? area.minX + inset.width : area.maxX - inset.width - size.width,
            y: upper ? area.minY + inset.height : area.maxY - inset.height - size.height,
            width: size.width, height: size.height)
    }

    /// The corner (of `candidates`, tried in order) whose box covers the fewest of `avoid`
    /// (layout coordinates); ties go to the earlier candidate. By default the order is
    /// matplotlib's: upper right, upper left, lower left, lower right.
    public static func best(
        size: Size, in area: Rect, inset: Size, avoiding avoid: [Point],
        candidates: [LegendLocation] = LegendLocation.corners
    ) -> LegendLocation {
        var chosen = candidates.first ?? .upperRight
        var fewest = Int.max
        for corner in candidates {
            let r = box(corner, size: size, in: area, inset: inset)
            let count = avoid.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
            if count < fewest {
                fewest = count
                chosen = corner
            }
        }
        return chosen
    }
}
