/// The affine maps that standardize a data set: u = (x − mean x)/sd x, v = (y − mean y)/sd y
/// (population standard deviations). Training on (u, v) puts every data set on the scale
/// where the default learning rate works; ``Model/reparameterized(_:input:output:)`` brings
/// the parameters back to the data's own units.
public struct Standardization: Sendable, Hashable, Codable {
    /// Mean of x.
    public var xMean: Double
    /// Standard deviation of x (> 0).
    public var xDeviation: Double
    /// Mean of y.
    public var yMean: Double
    /// Standard deviation of y (> 0; 1 when every y is equal, so that v = y − mean).
    public var yDeviation: Double

    /// The standardization of `data`; nil when every x is equal (no spread to divide by).
    public init?(of data: DataSet) {
        let n = Double(data.count)
        let xMean = data.x.reduce(0, +) / n
        let yMean = data.y.reduce(0, +) / n
        let xDeviation = (data.x.reduce(0) { $0 + ($1 - xMean) * ($1 - xMean) } / n).squareRoot()
        let yDeviation = (data.y.reduce(0) { $0 + ($1 - yMean) * ($1 - yMean) } / n).squareRoot()
        guard xDeviation > 0, xDeviation.isFinite, yDeviation.isFinite else { return nil }
        self.init(xMean: xMean, xDeviation: xDeviation, yMean: yMean, yDeviation: yDeviation > 0 ? yDeviation : 1)
    }

    /// A standardization with these moments.
    public init(xMean: Double, xDeviation: Double, yMean: Double, yDeviation: Double) {
        self.xMean = xMean
        self.xDeviation = xDeviation
        self.yMean = yMean
        self.yDeviation = yDeviation
    }

    /// The standardized data set.
    public func apply(to data: DataSet) throws(DataSetError) -> DataSet {
        try DataSet(
            x: data.x.map { ($0 - xMean) / xDeviation }, y: data.y.map { ($0 - yMean) / yDeviation })
    }

    /// θ in the data's own units from θ trained on standardized data.
    public func parametersInDataUnits(_ parameters: [Double], model: any Model) -> [Double] {
        model.reparameterized(
            parameters, input: (1 / xDeviation, -xMean / xDeviation), output: (yDeviation, yMean))
    }

    /// A loss on standardized data in the data's own units (the MSE scales with sd y²).
    public func lossInDataUnits(_ loss: Double) -> Double {
        loss * yDeviation * yDeviation
    }
}
