import Foundation
import XCTest

/// Every file of the committed fuzz corpus (seeds and the fuzzers' findings) fed to the entry
/// function its fuzzer ran: none may crash, and each must give a typed error or a valid result
/// (FuzzEntryPoints checks which). A crash here fails the whole test process, as it should.
final class FuzzCorpusTests: XCTestCase {
    func testCSVCorpus() throws {
        try replay(.csv)
    }

    func testPNGCorpus() throws {
        try replay(.png)
    }

    func testCompareImagesCorpus() throws {
        try replay(.compareImages)
    }

    /// The two PNG targets share their inputs: a file found by one must not break the other.
    func testPNGCorporaCrossed() throws {
        try replay(.png, folder: .compareImages)
        try replay(.compareImages, folder: .png)
    }

    /// Findings are kept with what they give since their fix, so that a change in behaviour is
    /// seen: `finding-*.expected` holds one line per outcome, the start of "accepted …" or
    /// "rejected MESSAGE" (only the start, so that a reworded message does not break it).
    func testFindingsGiveTheirRecordedOutcome() throws {
        var checked = 0
        for target in FuzzEntryPoints.Target.allCases {
            for file in try corpusFiles(target) where file.lastPathComponent.hasPrefix("finding-") {
                let expectedFile = file.appendingPathExtension("expected")
                let expected = try String(contentsOf: expectedFile, encoding: .utf8)
                    .split(separator: "\n").map(String.init)
                let outcomes = try FuzzEntryPoints.run(target, [UInt8](Data(contentsOf: file))).map(Self.line)
                let name = "\(target.rawValue)/\(file.lastPathComponent)"
                XCTAssertEqual(outcomes.count, expected.count, "\(name): \(outcomes)")
                for (outcome, start) in zip(outcomes, expected) {
                    XCTAssertTrue(
                        outcome.hasPrefix(start), "\(name): \(outcome) does not start with \(start)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 0, "no finding-* file in the corpus")
    }

    private func replay(_ target: FuzzEntryPoints.Target, folder: FuzzEntryPoints.Target? = nil) throws {
        let files = try corpusFiles(folder ?? target)
        XCTAssertGreaterThanOrEqual(files.count, 5, "the \((folder ?? target).rawValue) corpus is missing")
        for file in files {
            do {
                _ = try FuzzEntryPoints.run(target, [UInt8](Data(contentsOf: file)))
            } catch {
                XCTFail("\(target.rawValue) on \(file.lastPathComponent): \(error)")
            }
        }
    }

    /// The inputs of `target`'s corpus folder (not the `.expected` notes), sorted.
    private func corpusFiles(_ target: FuzzEntryPoints.Target) throws -> [URL] {
        let folder = try XCTUnwrap(Bundle.module.resourceURL)
            .appendingPathComponent("Corpus").appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension != "expected" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func line(_ outcome: FuzzOutcome) -> String {
        switch outcome {
        case .accepted(let summary): return "accepted \(summary)"
        case .rejected(let message): return "rejected \(message)"
        }
    }
}
