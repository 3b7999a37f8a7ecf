import Foundation

/// The arguments a shard records (``FramesJob/ShardPlan/arguments``): the command line
/// without what cannot change a byte of the output (`--shard`, `--out`, `--jobs`, `--quiet`,
/// `--force`), with `--data` made absolute so that a merge started elsewhere reads the same
/// file. `render-fit merge` parses them again and trains the run from them.
enum ShardArguments {
    /// Options left out, with whether each takes a value.
    static let dropped: [String: Bool] = [
        "--shard": true, "--out": true, "--jobs": true, "--quiet": false, "--force": false,
    ]
    /// Options whose value is a path read relative to the working directory.
    static let paths: Set<String> = ["--data"]

    static func recorded(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            let name = String(argument.prefix { $0 != "=" })
            let inline = argument.count > name.count ? String(argument.dropFirst(name.count + 1)) : nil
            if let takesValue = dropped[name] {
                if takesValue, inline == nil { index += 1 }
                continue
            }
            if paths.contains(name) {
                let value: String?
                if let inline {
                    value = inline
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    value = nil
                }
                out.append(name)
                if let value { out.append(absolute(value)) }
                continue
            }
            out.append(argument)
        }
        return out
    }

    private static func absolute(_ path: String) -> String {
        guard !path.isEmpty, !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
