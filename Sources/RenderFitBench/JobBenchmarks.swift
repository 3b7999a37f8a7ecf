import FitAnimation
import FitOutput
import Foundation

/// The whole frames job in process (what `render-fit --out` does after training): manifest,
/// history, every frame written through a temporary name, optionally an APNG.
enum JobBenchmarks {
    static func run(frameCounts: [Int], jobCounts: [Int], withAnimation: Bool, runs: Int, output: BenchOutput)
        throws
    {
        for frames in frameCounts {
            let scene = try BenchScenes.scene(iterations: frames - 1)
            for jobs in jobCounts {
                let result = try measure(scene: scene, jobs: jobs, animation: false, runs: runs)
                output.add(result)
                if withAnimation {
                    output.add(try measure(scene: scene, jobs: jobs, animation: true, runs: runs))
                }
            }
        }
    }

    static func measure(scene: TrainingScene, jobs: Int, animation: Bool, runs: Int) throws -> BenchResult {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = OutputDirectory(path: folder.path + "/frames")
        let target = animation ? try AnimationTarget(path: folder.path + "/frames/animation.png") : nil
        let job = FramesJob(scene: scene, output: out, animation: target, jobs: jobs, quiet: true)
        let timing = try Timing.measure(runs: runs) { _ = try job.run() }
        let frameBytes = try FileManager.default.contentsOfDirectory(atPath: out.path)
            .filter { $0.hasPrefix("frame_") }
            .reduce(0) {
                $0
                    + ((try? FileManager.default.attributesOfItem(atPath: out.filePath($1))[.size] as? Int)
                        ?? 0)
            }
        let name = "\(scene.frameCount) frames jobs \(jobs)" + (animation ? " +apng" : "")
        return BenchResult(
            group: "job", name: name, timing: timing, frames: scene.frameCount,
            bytesPerFrame: frameBytes / scene.frameCount)
    }
}
