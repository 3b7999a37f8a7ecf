/// An SVG document's bytes: the format of the `.svg` figure strategy, stored as
/// `.svg` and compared after rasterising.
public struct SVGDocument: Equatable, Sendable {
    /// The document, UTF-8 XML.
    public var bytes: [UInt8]

    /// A document from its bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }
}
