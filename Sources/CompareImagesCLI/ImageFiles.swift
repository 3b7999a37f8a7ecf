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

    /// Decodes the PNG at `path`.
    static func read(_ path: String) throws(CompareImagesError) -> RGBAImage {
        do {
            return try PNGDecoder().decodeFile(atPath: path)
        } catch {
            throw .unreadableImage(path: path, reason: "\(error)")
        }
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
        do {
            let bytes = try PNGEncoder().encode(image)
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
