/// Bad input to `compare-images`: every case exits with status 2.
enum CompareImagesError: Error, CustomStringConvertible {
    case noSuchPath(String)
    case mixedKinds(expected: String, actual: String)
    case unreadableImage(path: String, reason: String)
    case badComparison(path: String, reason: String)
    case diffWouldOverwriteInput(String)
    case diffTargetIsFolder(String)
    case diffTargetIsFile(String)
    case cannotWrite(path: String, reason: String)
    case cannotList(path: String, reason: String)
    case noPNGFiles(expected: String, actual: String)
    case conflictingOutputs(String)
    case outputIsInput(String, String)
    case outputIsFolder(String, String)

    var description: String {
        switch self {
        case .noSuchPath(let path):
            return "no such file or folder: \(path)"
        case .mixedKinds(let expected, let actual):
            return
                "cannot compare a file with a folder (\(expected), \(actual)): give two PNG files or two folders"
        case .unreadableImage(let path, let reason):
            return "cannot read \(path) as a PNG image: \(reason)"
        case .badComparison(let path, let reason):
            return "cannot compare \(path): \(reason)"
        case .diffWouldOverwriteInput(let path):
            return "--diff \(path) is one of the inputs; choose another path so no input is overwritten"
        case .diffTargetIsFolder(let path):
            return "--diff \(path) is a folder; when comparing two files give a file name ending in .png"
        case .diffTargetIsFile(let path):
            return "--diff \(path) is a file; when comparing two folders give a folder for the diff images"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .cannotList(let path, let reason):
            return "cannot list the folder \(path): \(reason)"
        case .noPNGFiles(let expected, let actual):
            return "no .png files in either folder (\(expected), \(actual)); check the paths"
        case .conflictingOutputs(let message):
            return message
        case .outputIsInput(let option, let path):
            return
                "\(option) \(path) is or contains one of the inputs; choose another path so no input is overwritten"
        case .outputIsFolder(let option, let path):
            return "\(option) \(path) is a folder; give a file name"
        }
    }
}
