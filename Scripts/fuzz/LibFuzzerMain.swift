// libFuzzer's entry point for one render-fit fuzz target; Scripts/fuzz.sh compiles it with
// Tests/FuzzCorpusTests/FuzzEntryPoints.swift and `-D FUZZ_TARGET_<NAME>` to choose the target.
// It only hands the bytes over: every check lives in FuzzEntryPoints, which the corpus tests
// run too.

#if FUZZ_TARGET_CSV
    private let target = FuzzEntryPoints.Target.csv
#elseif FUZZ_TARGET_PNG
    private let target = FuzzEntryPoints.Target.png
#elseif FUZZ_TARGET_COMPARE_IMAGES
    private let target = FuzzEntryPoints.Target.compareImages
#else
    #error("compile with -D FUZZ_TARGET_CSV, FUZZ_TARGET_PNG or FUZZ_TARGET_COMPARE_IMAGES")
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        _ = try FuzzEntryPoints.run(target, bytes)
    } catch {
        // A broken invariant is a finding: crash so that libFuzzer saves the input.
        fatalError("\(target.rawValue): \(error)")
    }
    return 0
}
