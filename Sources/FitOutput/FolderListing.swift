#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kinds of many names in one folder, found with one read of the folder (`readdir`)
/// instead of one `lstat` per name: a 10,000-frame run checks its planned names several times
/// (before and under the lock, then what stays owned), and a missing name costs a whole path
/// walk each time.
///
/// A name that the listing does not hold is ``FileKind/missing``, exactly what `lstat` says
/// of it; a name it holds is asked with `lstat` only when the file system gives no type.
/// A few names are cheaper to ask one by one, and a folder that cannot be listed (no
/// permission, a file) is asked name by name, so the answers are always `lstat`'s.
package struct FolderListing {
    /// Below this many names, one `lstat` each costs less than listing a folder of unknown size.
    package static let minimumNames = 32

    private let folder: String
    /// The folder's entries and their kinds, or nil to ask `lstat` for each name.
    private let entries: [String: FileKind]?

    /// Reads `folder` once when `nameCount` names will be asked, unless the folder is so much
    /// larger than the names that asking them one by one costs less (see ``worthListing``).
    package init(folder: String, nameCount: Int) {
        self.folder = folder
        var info = stat()
        let size = stat(folder, &info) == 0 ? Int(info.st_size) : 0
        entries = Self.worthListing(folderBytes: size, nameCount: nameCount) ? Self.read(folder) : nil
    }

    /// Whether a folder whose `stat` size is `folderBytes` is worth listing for `nameCount`
    /// names: at least ``minimumNames`` of them, and a folder of at most 64 KiB plus 512 bytes
    /// a name. A folder's size grows with its entries (ext4: about 32 bytes an entry of a
    /// short name; tmpfs: 20), so a user's folder of a million files, where a run writes 101
    /// frames, is not read whole (nor held in memory) to answer 101 questions.
    package static func worthListing(folderBytes: Int, nameCount: Int) -> Bool {
        nameCount >= minimumNames && folderBytes <= (64 << 10) + nameCount * 512
    }

    /// What `name` (a plain file name) is in the folder, without following a final link.
    package func kind(of name: String) -> FileKind {
        // A name that is not UTF-8 is listed with U+FFFD in its place, so a name holding U+FFFD
        // could match the wrong entry: ask lstat.
        guard let entries, !name.unicodeScalars.contains("\u{FFFD}") else {
            return FileKind(atPath: folder + "/" + name)
        }
        return entries[name] ?? .missing
    }

    /// Every entry of `folder` with its kind; empty when the folder does not exist, nil when it
    /// cannot be listed.
    private static func read(_ folder: String) -> [String: FileKind]? {
        guard let stream = opendir(folder) else {
            return errno == ENOENT ? [:] : nil
        }
        defer { closedir(stream) }
        var entries: [String: FileKind] = [:]
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                // A read error mid-listing: the names it would have held are unknown.
                return errno == 0 ? entries : nil
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): entries[name] = .regular
            case Int32(DT_LNK): entries[name] = .symbolicLink
            case Int32(DT_DIR): entries[name] = .directory
            case Int32(DT_UNKNOWN): entries[name] = FileKind(atPath: folder + "/" + name)
            default: entries[name] = .other
            }
        }
    }
}
