/// One image of a comparison run, as the reports (HTML, JUnit, GitHub annotations) show it.
public struct ReportItem: Codable, Equatable, Sendable {
    /// How one image fared.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Compared and within tolerance.
        case pass
        /// Compared and out of tolerance.
        case fail
        /// Expected but not produced (in the expected folder only).
        case missing
        /// Produced but not expected (in the actual folder only).
        case extra
        /// Could not be compared (not a PNG, different sizes…).
        case error

        /// Whether this status fails a run.
        public var fails: Bool { self != .pass }
    }

    /// The image's name (its file name in folder mode).
    public var name: String
    /// The verdict.
    public var status: Status
    /// The metrics, for compared images.
    public var comparison: ComparisonReport?
    /// Why the image could not be compared, or another explanation for people.
    public var message: String?
    /// Where the reference image is (as the user named it), when there is one.
    public var expectedPath: String?
    /// Where the image under test is, when there is one.
    public var actualPath: String?
    /// Where a diff image was written, when one was.
    public var diffPath: String?

    /// Creates an item.
    public init(
        name: String, status: Status, comparison: ComparisonReport? = nil, message: String? = nil,
        expectedPath: String? = nil, actualPath: String? = nil, diffPath: String? = nil
    ) {
        self.name = name
        self.status = status
        self.comparison = comparison
        self.message = message
        self.expectedPath = expectedPath
        self.actualPath = actualPath
        self.diffPath = diffPath
    }

    /// One line for people: the limits exceeded, or why there is no comparison.
    public func reason(tolerance: Tolerance) -> String {
        switch status {
        case .pass: return "within tolerance"
        case .fail:
            guard let comparison else { return message ?? "out of tolerance" }
            return tolerance.violations(of: comparison).joined(separator: "; ")
        case .missing: return message ?? "expected image has no actual counterpart"
        case .extra: return message ?? "actual image has no expected counterpart"
        case .error: return message ?? "could not be compared"
        }
    }

    /// Ordering for reports, worst first: errors, missing, failures (most mismatched pixels,
    /// then largest RMS, then lowest SSIM), extra, passes; ties by name.
    public static func worstFirst(_ a: ReportItem, _ b: ReportItem) -> Bool {
        func rank(_ s: Status) -> Int {
            switch s {
            case .error: 0
            case .missing: 1
            case .fail: 2
            case .extra: 3
            case .pass: 4
            }
        }
        if rank(a.status) != rank(b.status) { return rank(a.status) < rank(b.status) }
        if let x = a.comparison, let y = b.comparison {
            if x.mismatchedPixels != y.mismatchedPixels { return x.mismatchedPixels > y.mismatchedPixels }
            if x.rms != y.rms { return x.rms > y.rms }
            if let sx = x.ssim, let sy = y.ssim, sx != sy { return sx < sy }
        }
        return a.name < b.name
    }
}

/// Counts of a run, by status.
public struct ReportSummary: Equatable, Sendable {
    /// Images compared (passed or failed).
    public var compared = 0
    /// Images within tolerance.
    public var passed = 0
    /// Images out of tolerance.
    public var failed = 0
    /// Expected images with no actual one.
    public var missing = 0
    /// Actual images with no expected one.
    public var extra = 0
    /// Images that could not be compared.
    public var errors = 0

    /// Counts the items.
    public init(_ items: [ReportItem]) {
        for item in items {
            switch item.status {
            case .pass: passed += 1
            case .fail: failed += 1
            case .missing: missing += 1
            case .extra: extra += 1
            case .error: errors += 1
            }
        }
        compared = passed + failed
    }

    /// Whether the run passed.
    public var pass: Bool { failed == 0 && missing == 0 && extra == 0 && errors == 0 }
}
