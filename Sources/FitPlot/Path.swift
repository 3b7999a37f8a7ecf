/// A vector path in layout units, built from move/line/curve/arc elements.
public struct Path: Hashable, Sendable {
    public enum Element: Hashable, Sendable {
        case move(to: Point)
        case line(to: Point)
        case curve(to: Point, control1: Point, control2: Point)
        /// A circular arc, angles in radians, clockwise on screen (y down) from `start` to `end`.
        case arc(center: Point, radius: Double, start: Double, end: Double)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}
    public init(_ elements: [Element]) { self.elements = elements }

    public mutating func move(to p: Point) { elements.append(.move(to: p)) }
    public mutating func line(to p: Point) { elements.append(.line(to: p)) }
    public mutating func curve(to p: Point, control1: Point, control2: Point) {
        elements.append(.curve(to: p, control1: control1, control2: control2))
    }
    public mutating func arc(center: Point, radius: Double, start: Double, end: Double) {
        elements.append(.arc(center: center, radius: radius, start: start, end: end))
    }
    public mutating func close() { elements.append(.close) }

    public var isEmpty: Bool { elements.isEmpty }

    /// A closed rectangle.
    public static func rectangle(_ r: Rect) -> Path {
        Path([
            .move(to: Point(x: r.minX, y: r.minY)), .line(to: Point(x: r.maxX, y: r.minY)),
            .line(to: Point(x: r.maxX, y: r.maxY)), .line(to: Point(x: r.minX, y: r.maxY)), .close,
        ])
    }

    /// An open two-point segment.
    public static func segment(from a: Point, to b: Point) -> Path {
        Path([.move(to: a), .line(to: b)])
    }

    /// A full circle.
    public static func circle(center: Point, radius: Double) -> Path {
        Path([.arc(center: center, radius: radius, start: 0, end: 2 * Double.pi), .close])
    }
}
