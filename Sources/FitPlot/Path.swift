/// A vector path in layout units, built from move/line/curve/arc elements.
public struct Path: Hashable, Sendable {
    /// One drawing instruction of a path.
    public enum Element: Hashable, Sendable {
        /// Starts a new sub-path at a point.
        case move(to: Point)
        /// A straight line from the current point.
        case line(to: Point)
        /// A cubic Bézier curve from the current point, with two control points.
        case curve(to: Point, control1: Point, control2: Point)
        /// A circular arc, angles in radians, clockwise on screen (y down) from `start` to `end`.
        case arc(center: Point, radius: Double, start: Double, end: Double)
        /// Closes the current sub-path with a line back to its start.
        case close
    }

    /// The path's elements, in drawing order.
    public private(set) var elements: [Element] = []

    /// Creates an empty path.
    public init() {}
    /// Creates a path from a list of elements.
    public init(_ elements: [Element]) { self.elements = elements }

    /// Appends ``Element/move(to:)``: starts a new sub-path at `p`.
    public mutating func move(to p: Point) { elements.append(.move(to: p)) }
    /// Appends ``Element/line(to:)``: a straight line from the current point to `p`.
    public mutating func line(to p: Point) { elements.append(.line(to: p)) }
    /// Appends a cubic Bézier curve from the current point to `p`.
    public mutating func curve(to p: Point, control1: Point, control2: Point) {
        elements.append(.curve(to: p, control1: control1, control2: control2))
    }
    /// Appends a circular arc (angles in radians, clockwise on screen from `start` to `end`).
    public mutating func arc(center: Point, radius: Double, start: Double, end: Double) {
        elements.append(.arc(center: center, radius: radius, start: start, end: end))
    }
    /// Closes the current sub-path.
    public mutating func close() { elements.append(.close) }

    /// Whether the path has no elements (and so draws nothing).
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
