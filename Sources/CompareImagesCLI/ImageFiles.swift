import FitOutput
import FitPNG
import Foundation
import ImageComparison

/// File-system helpers of `compare-images`: reading PNGs, writing diff images safely.
enum ImageFiles {
    enum Kind { case file, folder }

    /// Whether `path` is a file or a folder; throws when it does not exist.
    static func kind(of path: String) throws(CompareImagesError) -> Kind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .noSuchPath(path)
        }
        return isFolder.boolValue ? .folder : .file
    }

    /// The largest input file read (a PNG of the decoder's 100-megapixel limit fits easily).
    static let maxFileBytes = 512 << 20

    /// Decodes the PNG at `path`, streaming: the decoder stops after the last row, so image
    /// data or junk after it is never read (the file may be of any size, memory stays bounded).
    static func read(_ path: String) throws(CompareImagesError) -> RGBAImage {
        do {
            return try PNGDecoder().decodeFile(atPath: path)
        } catch {
            throw .unreadableImage(path: path, reason: "\(error)")
        }
    }

    /// The bytes of the file at `path` for the byte-identical fast path, or `nil` when the
    /// file is larger than `maxFileBytes` (it is then decoded by streaming, see `read`); throws
    /// when it cannot be read or is not a regular file.
    static func readBytes(_ path: String) throws(CompareImagesError) -> [UInt8]? {
        do {
            return try BoundedFileReader.read(path, limit: maxFileBytes)
        } catch .tooLarge {
            return nil
        } catch {
            throw .unreadableImage(path: path, reason: error.description)
        }
    }

    /// Decodes PNG bytes read from `path` (in memory, without Adler-32: the fast path). An
    /// in-memory decode reads to IEND, so a file with data after its last row (which `read`
    /// accepts) fails there: such a file is decoded again by streaming before it is refused.
    static func decode(_ bytes: [UInt8]?, path: String) throws(CompareImagesError) -> RGBAImage {
        guard let bytes else { return try read(path) }
        do {
            return try PNGDecoder(checksAdler32: false).decode(bytes)
        } catch {
            if let image = try? PNGDecoder().decodeFile(atPath: path) { return image }
            throw .unreadableImage(path: path, reason: "\(error)")
        }
    }

    /// Width and height from a PNG's header, for byte-identical files that are not decoded.
    /// The signature, the IHDR chunk and its CRC are checked, and the size against the
    /// decoder's limit, so that two copies of the same broken file are still refused.
    static func headerSize(_ bytes: [UInt8], path: String) throws(CompareImagesError) -> (Int, Int) {
        guard bytes.count >= 33, bytes.starts(with: PNGChunk.signature),
            bytes[12..<16].elementsEqual("IHDR".utf8), bytes[8..<12].elementsEqual([0, 0, 0, 13])
        else {
            // Let the decoder say exactly what is wrong.
            _ = try decode(bytes, path: path)
            throw .unreadableImage(path: path, reason: "no PNG header")
        }
        let crc = bytes[29..<33].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard CRC32.checksum(bytes[12..<29]) == crc else {
            _ = try decode(bytes, path: path)
            throw .unreadableImage(path: path, reason: "the IHDR chunk's CRC does not match")
        }
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        let limit = PNGDecoder().maxPixels
        guard width > 0, height > 0, width <= 1 << 31, height <= 1 << 31, width * height <= limit else {
            throw .unreadableImage(
                path: path, reason: "\(PNGError.tooLarge(width: width, height: height, limit: limit))")
        }
        return (width, height)
    }

    /// The names of the visible `*.png` files in `folder` (case-insensitive extension), sorted.
    static func pngNames(in folder: String) throws(CompareImagesError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".png") }
                .sorted()
        } catch {
            throw .cannotList(path: folder, reason: error.localizedDescription)
        }
    }

    /// `path` made absolute, with symbolic links and `..` resolved, for comparing paths.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Writes `image` as a PNG to `path` through render-fit's output layer (an exclusive
    /// temporary in the same folder, renamed into place), so an interrupted run leaves no
    /// half-written file and a planted link is never written through.
    static func writeAtomically(_ image: RGBAImage, to path: String) throws(CompareImagesError) {
        let bytes: [UInt8]
        do {
            bytes = try PNGEncoder().encode(image)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
        try writeAtomically(bytes, to: path)
    }

    /// Writes bytes to `path` through render-fit's output layer (an exclusive temporary in the
    /// same folder, renamed into place).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(CompareImagesError) {
        do {
            try OutputFile.write(bytes, toPath: path)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Creates `folder` (and its parents) unless it exists.
    static func makeFolder(_ folder: String) throws(CompareImagesError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder, reason: error.localizedDescription)
        }
    }
}
