import Testing

@testable import FitTrainer

@Suite struct TutorialDataSetTests {
    // Golden computed independently with this Python (run here, python 3), printed with repr():
    //   M = (1 << 64) - 1
    //   def splitmix(s):
    //       while True:
    //           s = (s + 0x9E3779B97F4A7C15) & M; z = s
    //           z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    //           z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    //           yield z ^ (z >> 31)
    //   def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
    //   def xoshiro(seed):
    //       g = splitmix(seed); s = [next(g) for _ in range(4)]
    //       while True:
    //           r = (rotl((s[1] * 5) & M, 7) * 9) & M; t = (s[1] << 17) & M
    //           s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
    //           s[3] = rotl(s[3], 45); yield r
    //   g = xoshiro(42)
    //   x = [-1.0 + 2.0 * ((next(g) >> 11) * 2.0**-53) for _ in range(100)]
    //   u = [(next(g) >> 11) * 2.0**-53 for _ in range(100)]
    //   y = [3.0 * xi + 2.0 + ui for xi, ui in zip(x, u)]
    @Test func defaultDataIsTheGoldenSequence() throws {
        let data = try TutorialDataSet().generate()
        #expect(data.count == 100)
        #expect(
            Array(data.x.prefix(5)) == [
                -0.8322740578802357, -0.2420394986746628, 0.36008682205627873,
                0.8493858906507752, 0.9836078285642056,
            ])
        #expect(
            Array(data.y.prefix(5)) == [
                -0.4294034542224381, 2.219446114822048, 4.000181662418116,
                4.623900460289459, 5.111720356301127,
            ])
    }

    @Test func defaultsAreTheArticles() {
        let tutorial = TutorialDataSet()
        #expect(tutorial.count == 100)
        #expect(tutorial.slope == 3)
        #expect(tutorial.intercept == 2)
        #expect(tutorial.seed == 42)
    }

    @Test(arguments: [0, 1, 42, 2024, UInt64.max])
    func valuesStayWithinTheirBounds(seed: UInt64) throws {
        let data = try TutorialDataSet(count: 5_000, seed: seed).generate()
        for index in 0..<data.count {
            let (x, y) = data[index]
            #expect(x >= -1 && x < 1)
            let noise = y - (3 * x + 2)
            // y − (3x + 2) recovers the noise up to one rounding of y.
            #expect(noise >= -1e-15 && noise < 1 + 1e-15)
        }
    }

    @Test func sameSeedGivesIdenticalDataAndOtherSeedsDiffer() throws {
        let first = try TutorialDataSet(count: 1_000, seed: 9).generate()
        let second = try TutorialDataSet(count: 1_000, seed: 9).generate()
        let other = try TutorialDataSet(count: 1_000, seed: 10).generate()
        #expect(first == second)
        #expect(first.x != other.x)
    }

    @Test func limitsAreTheMinimaAndMaxima() throws {
        let data = try TutorialDataSet().generate()
        #expect(data.limits.xMin == data.x.min())
        #expect(data.limits.xMax == data.x.max())
        #expect(data.limits.yMin == data.y.min())
        #expect(data.limits.yMax == data.y.max())
        #expect(data.limits.xSpan == data.limits.xMax - data.limits.xMin)
    }

    @Test func invalidCountsAndValuesAreRejected() {
        #expect(throws: DataSetError.empty) { try TutorialDataSet(count: 0).generate() }
        #expect(throws: DataSetError.lengthMismatch(xCount: 2, yCount: 1)) {
            try DataSet(x: [1, 2], y: [1])
        }
        #expect(throws: DataSetError.self) { try DataSet(x: [1, .nan], y: [1, 2]) }
        #expect(throws: DataSetError.self) {
            try TutorialDataSet(slope: .greatestFiniteMagnitude, intercept: .greatestFiniteMagnitude)
                .generate()
        }
    }
}
