import FitPNG
import Foundation

/// Where an image shown in an HTML report comes from.
public enum ReportImageSource: Sendable {
    /// A PNG file on disk, copied into the report byte for byte.
    case file(String)
    /// PNG bytes.
    case png([UInt8])
    /// Pixels, encoded as PNG into the report.
    case image(RGBAImage)
}

/// The images of one report item; any of them may be absent (a missing file has no actual).
public struct ReportImages: Sendable {
    /// The reference image.
    public var expected: ReportImageSource?
    /// The image under test.
    public var actual: ReportImageSource?
    /// A diff image (any style).
    public var diff: ReportImageSource?
    /// A transparent overlay that hatches the ignored pixels (see
    /// `DiffImages.ignoredOverlay(for:)`), drawn over the expected and actual images.
    public var ignored: ReportImageSource?

    /// Creates the set of images.
    public init(
        expected: ReportImageSource? = nil, actual: ReportImageSource? = nil, diff: ReportImageSource? = nil,
        ignored: ReportImageSource? = nil
    ) {
        self.expected = expected
        self.actual = actual
        self.diff = diff
        self.ignored = ignored
    }
}

/// Writes a self-contained HTML report of a comparison run into a folder: `index.html` (inline
/// CSS and JavaScript, no network, works from `file://`) and the images it shows under
/// `images/`. The page starts with a summary (compared, passed, failed, missing, extra,
/// worst first), then shows each image: expected, actual and diff side by side, a slider that
/// wipes from expected to actual, a blink toggle, the worst tile zoomed, and the metrics with
/// their tolerances. Images load lazily and passing images start collapsed, so a report of
/// hundreds of images opens at once.
///
/// Add items from any thread (`add` is thread-safe; each item's images are written when it is
/// added, so memory does not grow with the number of images), then call `finish()`.
/// `HTMLReportWriter.write(_:to:title:tolerance:)` does all of it for a list of items.
///
/// The folder must be new, empty, or an earlier report of this writer; anything else is
/// refused before a byte is written.
public final class HTMLReportWriter: @unchecked Sendable {
    /// The folder written into.
    public let folderPath: String
    let title: String
    let tolerance: Tolerance
    let labels: (expected: String, actual: String)
    let maxFileBytes: Int
    private let folder: ReportFolder
    private let lock = NSLock()
    private var entries: [Int: HTMLReportPage.Entry] = [:]

    /// Prepares `folder` (creating it when absent).
    ///
    /// - Parameters:
    ///   - title: The page title (for example the two folders compared).
    ///   - tolerance: The limits the run used, shown beside each metric.
    ///   - expectedLabel, actualLabel: What the two sides are called on the page.
    ///   - maxFileBytes: The largest image file copied into the report.
    public init(
        folder: String, title: String, tolerance: Tolerance, expectedLabel: String = "expected",
        actualLabel: String = "actual", maxFileBytes: Int = 512 << 20
    ) throws(ReportWriteError) {
        self.folder = try ReportFolder(path: folder)
        folderPath = folder
        self.title = title
        self.tolerance = tolerance
        labels = (expectedLabel, actualLabel)
        self.maxFileBytes = maxFileBytes
    }

    /// Adds item number `index` (its images are named after the index, never after user text)
    /// and writes its images now. Adding an index again replaces it.
    public func add(_ item: ReportItem, images: ReportImages, at index: Int) throws(ReportWriteError) {
        var entry = HTMLReportPage.Entry(index: index, item: item)
        let sources: [(String, ReportImageSource?)] = [
            ("expected", images.expected), ("actual", images.actual), ("diff", images.diff),
            ("ignored", images.ignored),
        ]
        for (role, source) in sources {
            guard let source else { continue }
            let name = "images/\(index)-\(role).png"
            switch source {
            case .file(let path): try folder.copy(from: path, to: name, limit: maxFileBytes)
            case .png(let bytes): try folder.write(bytes, to: name)
            case .image(let image):
                do {
                    try folder.write(try PNGEncoder().encode(image), to: name)
                } catch let error as ReportWriteError {
                    throw error
                } catch {
                    throw .image(name: item.name, reason: "\(error)")
                }
            }
            entry.images[role] = name
        }
        lock.lock()
        entries[index] = entry
        lock.unlock()
    }

    /// Writes `index.html` for every item added and returns its path.
    @discardableResult
    public func finish() throws(ReportWriteError) -> String {
        lock.lock()
        let all = entries.values.sorted { $0.index < $1.index }
        lock.unlock()
        let page = HTMLReportPage(
            title: title, tolerance: tolerance, expectedLabel: labels.expected, actualLabel: labels.actual,
            entries: all)
        try folder.write(Array(page.html().utf8), to: "index.html")
        return folderPath + "/index.html"
    }

    /// Writes the report of `items` (in any order; the page sorts them worst first) into
    /// `folder` and returns the path of its `index.html`.
    @discardableResult
    public static func write(
        _ items: [(item: ReportItem, images: ReportImages)], to folder: String, title: String,
        tolerance: Tolerance
    ) throws(ReportWriteError) -> String {
        let writer = try HTMLReportWriter(folder: folder, title: title, tolerance: tolerance)
        for (index, entry) in items.enumerated() {
            try writer.add(entry.item, images: entry.images, at: index)
        }
        return try writer.finish()
    }
}

extension DiffImages {
    /// A transparent image of the mask's size with the ignored pixels hatched (the stripes of
    /// the diff images), to lay over an image.
    public static func ignoredOverlay(for mask: ComparisonMask) -> RGBAImage? {
        guard mask.width > 0, mask.height > 0 else { return nil }
        guard var image = try? RGBAImage(width: mask.width, height: mask.height, fill: (0, 0, 0, 0)) else {
            return nil
        }
        hatch(&image, where: mask)
        for index in 0..<(mask.width * mask.height) where mask.ignored[index] != 0 {
            image.pixels[index * 4 + 3] = 200
        }
        return image
    }
}
