import Foundation

/// ffprobe, as the animation tests of every test target read videos and GIFs back (ffmpeg is
/// installed by `Scripts/setup.sh --with-ffmpeg`). A target of its own so that CLITests and
/// FitAnimationTests share one copy.
public enum FFprobe {
    /// One ffprobe value of the first video stream, or of the format.
    public static func value(_ entry: String, _ path: String, count: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["ffprobe", "-v", "error"] + (count ? ["-count_frames"] : [])
            + ["-select_streams", "v:0", "-show_entries", entry, "-of", "csv=p=0", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Frame count of a video or GIF, decoded frame by frame.
    public static func frameCount(_ path: String) throws -> Int? {
        Int(try value("stream=nb_read_frames", path, count: true))
    }

    /// Duration of a video or GIF in seconds, as its container records it.
    public static func duration(_ path: String) throws -> Double? {
        Double(try value("format=duration", path))
    }
}
