import Foundation

/// A fresh, empty directory under the system's temporary directory, removed by ``remove()``
/// (call it in a `defer`). Each test gets its own, so tests can run in parallel. Its name,
/// `cli-test-<label>-<UUID>`, starts with the prefix that Scripts/temp-leftovers.sh looks for.
struct TemporaryDirectory {
    let url: URL

    init(_ label: String = "folder") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cli-test-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory (nothing is created).
    func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// The names of everything below the directory, relative and sorted: what a run left.
    func contents() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
