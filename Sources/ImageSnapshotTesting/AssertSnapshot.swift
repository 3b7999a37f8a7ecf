import Foundation
import Testing
import XCTest

/// Asserts that `value`, snapshotted with `strategy`, matches the reference stored beside the
/// test; works in Swift Testing `@Test` functions and in XCTest `XCTestCase` methods alike.
///
/// ```swift
/// assertSnapshot(of: image, as: .image)                       // an RGBAImage, as PNG
/// assertSnapshot(of: figure, as: .png(scale: 2))              // FigureSnapshotTesting
/// assertSnapshot(of: figure, as: .displayList, named: "layout")
/// ```
///
/// - References live in `__Snapshots__/<TestFile>/<name>.<ext>` next to the test file (the
///   test target must `exclude: ["__Snapshots__"]`); `name` defaults to the test function's.
///   Give every snapshot of a test its own `name` when there are several.
/// - A missing reference is recorded and the test fails saying so; re-run to compare.
///   `RENDER_FIT_RECORD_SNAPSHOTS` selects another ``SnapshotRecordMode``.
/// - On a mismatch the expected, actual and diff files are written to
///   `<package root>/.build/snapshot-artifacts/<TestFile>/` (or under
///   `$RENDER_FIT_SNAPSHOT_ARTIFACTS`), the failure is added to the run's HTML report
///   (`snapshot-report/index.html` in that folder), and the failure message gives the metrics or the
///   line diff, the paths and the report's path.
///
/// - Parameters:
///   - value: What is asserted; an error it throws fails the test.
///   - strategy: How it becomes a snapshot and how snapshots compare.
///   - name: File-name stem of the reference; the test function's name when `nil`.
///   - record: Overrides `RENDER_FIT_RECORD_SNAPSHOTS`.
///   - snapshotDirectory: Replaces `__Snapshots__/<TestFile>` as the references' folder.
///   - artifactsDirectory: Overrides `RENDER_FIT_SNAPSHOT_ARTIFACTS` and the default folder.
///   - fileID: The calling test's file ID, for the failure's location; leave the default.
///   - filePath: The calling test's file, which locates `__Snapshots__`; leave the default.
///   - function: The calling test's name, the default `name`; leave the default.
///   - line: The line the failure is reported at; leave the default.
///   - column: The column the failure is reported at; leave the default.
/// - Returns: Whether the snapshot matched.
@discardableResult
public func assertSnapshot<Value, Format>(
    of value: @autoclosure () throws -> Value,
    as strategy: SnapshotStrategy<Value, Format>,
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
    let failure = SnapshotFailureSink(fileID: fileID, filePath: filePath, line: line, column: column)
    let evaluated: Value
    do {
        evaluated = try value()
    } catch {
        failure("Snapshot check failed: the value to snapshot threw \(error)")
        return false
    }
    let context = SnapshotAssertionContext(
        name: name, function: function, filePath: "\(filePath)", pathExtension: strategy.pathExtension,
        record: record, snapshotDirectory: snapshotDirectory, artifactsDirectory: artifactsDirectory,
        callSite: "\(fileID):\(line):\(column)")
    return context.run(failure: failure) { verifier, location in
        verifier.verify(evaluated, as: strategy, at: location)
    }
}

/// The shared steps of every assertion: the record mode, the location, the check that two
/// snapshots of one test do not share a reference, and reporting.
struct SnapshotAssertionContext {
    let name: String?
    let function: String
    let filePath: String
    let pathExtension: String
    let record: SnapshotRecordMode?
    let snapshotDirectory: String?
    let artifactsDirectory: String?
    /// Where the assertion is written, to tell a second assertion on the same reference from
    /// the same assertion run again (a loop, a repeated test).
    let callSite: String

    func run(failure: SnapshotFailureSink, verify: (SnapshotVerifier, SnapshotLocation) -> SnapshotOutcome)
        -> Bool
    {
        let mode: SnapshotRecordMode
        if let record {
            mode = record
        } else {
            switch SnapshotRecordMode.fromEnvironment() {
            case .success(let fromEnvironment): mode = fromEnvironment
            case .failure(let error):
                failure(error.description)
                return false
            }
        }
        let location = SnapshotLocation(
            testFilePath: filePath, name: name ?? function, pathExtension: pathExtension,
            artifactsRoot: artifactsDirectory, snapshotDirectory: snapshotDirectory)
        // Two unnamed assertions in one test would silently share (and fight over) one reference.
        if name == nil, let other = SnapshotClaims.shared.claim(location.referencePath, by: callSite) {
            failure(
                "Two unnamed snapshot assertions use the reference \(location.referencePath) "
                    + "(here and at \(other)): give each its own `named:`")
            return false
        }
        let outcome = verify(SnapshotVerifier(recordMode: mode), location)
        if let message = outcome.failureMessage { failure(message) }
        return outcome.passed
    }
}

/// Which unnamed assertion (source location) uses which reference in this process.
final class SnapshotClaims: @unchecked Sendable {
    static let shared = SnapshotClaims()
    private let lock = NSLock()
    private var owners: [String: String] = [:]

    /// `nil` when `path` is free or already `callSite`'s; otherwise the other call site.
    func claim(_ path: String, by callSite: String) -> String? {
        lock.withLock {
            if let owner = owners[path], owner != callSite { return owner }
            owners[path] = callSite
            return nil
        }
    }
}

/// Reports a failure to the test framework that runs the caller: a Swift Testing issue inside
/// a `@Test`, an XCTest failure otherwise.
struct SnapshotFailureSink {
    let record: (String) -> Void

    init(fileID: StaticString, filePath: StaticString, line: UInt, column: UInt) {
        record = { message in
            if Test.current != nil {
                Issue.record(
                    Comment(rawValue: message),
                    sourceLocation: SourceLocation(
                        fileID: "\(fileID)", filePath: "\(filePath)", line: Int(line), column: Int(column)))
            } else {
                XCTFail(message, file: filePath, line: line)
            }
        }
    }

    /// Swift Testing only, at `sourceLocation` (``assertImageSnapshot(of:named:rmsTolerance:maxMismatchedPixels:threshold:maxTileDifference:record:artifactsDirectory:filePath:function:sourceLocation:)``).
    init(sourceLocation: SourceLocation) {
        record = { Issue.record(Comment(rawValue: $0), sourceLocation: sourceLocation) }
    }

    func callAsFunction(_ message: String) { record(message) }
}
