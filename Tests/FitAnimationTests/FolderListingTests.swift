import FitOutput
import Foundation
import Testing

/// The output layer asks a folder listing instead of `lstat` when it checks many names; the
/// answers must be `lstat`'s for every kind of entry, or the ownership rules change.
@Suite struct FolderListingTests {
    /// Fills the empty folder `path` with one entry of every kind; returns their names among
    /// names that are missing.
    private static func fill(_ path: String) throws -> [String] {
        try Data("x".utf8).write(to: URL(fileURLWithPath: path + "/file.png"))
        try FileManager.default.createDirectory(
            atPath: path + "/folder.png", withIntermediateDirectories: false)
        #expect(symlink("/nonexistent/target", path + "/dangling.png") == 0)
        #expect(symlink(path + "/file.png", path + "/link.png") == 0)
        #expect(mkfifo(path + "/fifo.png", 0o600) == 0)
        try Data("é".utf8).write(to: URL(fileURLWithPath: path + "/\u{FFFD}.png"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: path + "/\u{FF}"))
        // A name that is not UTF-8 (byte 0xFF), which a listing shows with U+FFFD in its place:
        // it must not make "\u{1}\u{FFFD}" exist.
        let bad =
            path.utf8CString.dropLast() + Array("/\u{1}".utf8CString.dropLast()) + [
                CChar(bitPattern: 0xFF), 0,
            ]
        let fd = bad.withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o600) }
        #expect(fd >= 0)
        close(fd)
        let present = [
            "file.png", "folder.png", "dangling.png", "link.png", "fifo.png", "\u{FFFD}.png", "\u{FF}",
        ]
        let missing = (0..<40).map { "frame_\($0).png" } + ["\u{1}\u{FFFD}", ".", ".."]
        return present + missing
    }

    @Test("a listing answers what lstat answers, for few and for many names")
    func sameAsLstat() throws {
        let path = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let names = try Self.fill(path)
        for count in [1, FolderListing.minimumNames, names.count] {
            let listing = FolderListing(folder: path, nameCount: count)
            for name in names {
                #expect(
                    listing.kind(of: name) == FileKind(atPath: path + "/" + name), "\(name) (\(count) names)")
            }
        }
        let listing = FolderListing(folder: path, nameCount: names.count)
        #expect(listing.kind(of: "fifo.png") == .other)
        #expect(listing.kind(of: "dangling.png") == .symbolicLink)
        #expect(listing.kind(of: "frame_3.png") == .missing)
    }

    @Test("a folder that does not exist holds nothing; one that is a file is asked name by name")
    func missingFolder() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/listing"
        let names = (0..<40).map { "frame_\($0).png" }
        let listing = FolderListing(folder: path, nameCount: names.count)
        #expect(names.allSatisfy { listing.kind(of: $0) == .missing })
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        let inFile = FolderListing(folder: path, nameCount: names.count)
        #expect(names.allSatisfy { inFile.kind(of: $0) == FileKind(atPath: path + "/" + $0) })
    }

    @Test("a folder far larger than the names is asked name by name")
    func largeFoldersAreNotListed() {
        let few = FolderListing.minimumNames - 1
        #expect(!FolderListing.worthListing(folderBytes: 4096, nameCount: few))
        #expect(FolderListing.worthListing(folderBytes: 4096, nameCount: 101))
        // 10,000 frames in their own folder on ext4 (about 320 KB): listed.
        #expect(FolderListing.worthListing(folderBytes: 320 << 10, nameCount: 10_000))
        // 101 frames planned in a folder of a million files (about 32 MB): one lstat each.
        #expect(!FolderListing.worthListing(folderBytes: 32 << 20, nameCount: 101))
    }
}
