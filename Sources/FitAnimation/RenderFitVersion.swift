/// The version written into manifests and PNG metadata.
public enum RenderFitVersion {
    /// The package's version.
    public static let current = "0.1.0"
}
