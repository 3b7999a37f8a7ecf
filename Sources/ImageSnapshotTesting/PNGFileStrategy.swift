import FitPNG
import ImageComparison

extension SnapshotStrategy where Value == String, Format == RGBAImage {
    /// A PNG file on disk, named by its path, decoded and compared as an image (for images
    /// another tool wrote: a command-line run's frames, a figure exported to a file).
    public static var pngFile: SnapshotStrategy { .pngFile() }

    /// A PNG file on disk compared as an image with `tolerance`.
    public static func pngFile(tolerance: Tolerance = SnapshotDefaults.tolerance) -> SnapshotStrategy {
        SnapshotStrategy<RGBAImage, RGBAImage>.image(tolerance: tolerance).pullback { path in
            try PNGDecoder().decodeFile(atPath: path)
        }
    }
}

/// Asserts that the PNG file at `path` matches its reference; see
/// ``assertSnapshot(of:as:named:record:snapshotDirectory:artifactsDirectory:fileID:file:function:line:column:)``.
@discardableResult
public func assertSnapshot(
    ofFile path: String,
    tolerance: Tolerance = SnapshotDefaults.tolerance,
    named name: String? = nil,
    record: SnapshotRecordMode? = nil,
    snapshotDirectory: String? = nil,
    artifactsDirectory: String? = nil,
    fileID: StaticString = #fileID,
    file filePath: StaticString = #filePath,
    function: String = #function,
    line: UInt = #line,
    column: UInt = #column
) -> Bool {
    assertSnapshot(
        of: path, as: .pngFile(tolerance: tolerance), named: name, record: record,
        snapshotDirectory: snapshotDirectory, artifactsDirectory: artifactsDirectory, fileID: fileID,
        file: filePath, function: function, line: line, column: column)
}
