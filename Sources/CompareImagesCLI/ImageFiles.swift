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

    /// Decodes the PNG at `path`, streaming: reading stops after the last row, so data after
    /// it (more image data, junk after IEND) is never read, and at most
    /// `PNGDecoder.maximumFileBytes` are. zlib's Adler-32 is skipped (chunk CRCs are checked).
    static func read(_ path: String) throws(CompareImagesError) -> RGBAImage {
        do {
            return try PNGDecoder(checksAdler32: false).decodeFile(atPath: path)
        } catch {
            throw .unreadableImage(path: path, reason: "\(error)")
        }
    }

    /// Whether the two files hold the same bytes, compared 1 MiB at a time (bounded memory
    /// whatever their size); files of different sizes are told apart without reading them.
    static func sameContents(_ a: String, _ b: String) throws(CompareImagesError) -> Bool {
        let first: FileHandle
        let second: FileHandle
        do {
            first = try FileHandle(forReadingFrom: URL(fileURLWithPath: a))
        } catch {
            throw .unreadableImage(path: a, reason: (error as NSError).localizedDescription)
        }
        do {
            second = try FileHandle(forReadingFrom: URL(fileURLWithPath: b))
        } catch {
            throw .unreadableImage(path: b, reason: (error as NSError).localizedDescription)
        }
        defer {
            try? first.close()
            try? second.close()
        }
        var infoA = stat()
        var infoB = stat()
        guard fstat(first.fileDescriptor, &infoA) == 0, fstat(second.fileDescriptor, &infoB) == 0,
            infoA.st_mode & S_IFMT == S_IFREG, infoB.st_mode & S_IFMT == S_IFREG
        else { return false }
        guard infoA.st_size == infoB.st_size else { return false }
        if infoA.st_dev == infoB.st_dev && infoA.st_ino == infoB.st_ino { return true }
        while true {
            let chunkA = (try? first.read(upToCount: 1 << 20)) ?? nil
            let chunkB = (try? second.read(upToCount: 1 << 20)) ?? nil
            if chunkA != chunkB { return false }
            if chunkA?.isEmpty ?? true { return true }
        }
    }

    /// The first `count` bytes of a file (fewer when it is shorter): its PNG header and the
    /// chunks before the image data.
    static func prefix(_ path: String, count: Int = 1 << 16) throws(CompareImagesError) -> [UInt8] {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw .unreadableImage(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The bytes of the file at `path`, refused above `maxFileBytes` or when not a regular file.
    static func readBytes(_ path: String) throws(CompareImagesError) -> [UInt8] {
        do {
            return try BoundedFileReader.read(path, limit: maxFileBytes)
        } catch {
            throw .unreadableImage(path: path, reason: error.description)
        }
    }

    /// Decodes PNG bytes read from `path`.
    static func decode(_ bytes: [UInt8], path: String) throws(CompareImagesError) -> RGBAImage {
        do {
            return try PNGDecoder(checksAdler32: false).decode(bytes)
        } catch {
            throw .unreadableImage(path: path, reason: "\(error)")
        }
    }

    /// Whether a PNG (already decoded successfully) can only give opaque pixels: colour type
    /// grey (0) or RGB (2), and no tRNS chunk before the first IDAT.
    static func isOpaqueByHeader(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 33, bytes[25] == 0 || bytes[25] == 2 else { return false }
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = bytes[(offset + 4)..<(offset + 8)]
            if type.elementsEqual("tRNS".utf8) { return false }
            if type.elementsEqual("IDAT".utf8) { return true }
            offset += 12 + length
        }
        return false
    }

    /// Width and height from a PNG's header, for byte-identical files that are not decoded.
    /// The signature, the IHDR chunk and its CRC are checked, and the size against the
    /// decoder's limit, so that two copies of the same broken file are still refused.
    static func headerSize(_ bytes: [UInt8], path: String) throws(CompareImagesError) -> (Int, Int) {
        guard bytes.count >= 33, bytes.starts(with: PNGChunk.signature),
            bytes[12..<16].elementsEqual("IHDR".utf8), bytes[8..<12].elementsEqual([0, 0, 0, 13])
        else {
            // Let the decoder say exactly what is wrong.
            _ = try read(path)
            throw .unreadableImage(path: path, reason: "no PNG header")
        }
        let crc = bytes[29..<33].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard CRC32.checksum(bytes[12..<29]) == crc else {
            _ = try read(path)
            throw .unreadableImage(path: path, reason: "the IHDR chunk's CRC does not match")
        }
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        let limit = PNGDecoder().maxPixels
        if width == 0 || height == 0 {
            _ = try read(path)  // libpng names the invalid size
            throw .unreadableImage(path: path, reason: "invalid size \(width)×\(height)")
        }
        guard width <= 1 << 31, height <= 1 << 31, width * height <= limit else {
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

    /// Writes bytes to `path` through a temporary file in the same folder and a rename.
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
