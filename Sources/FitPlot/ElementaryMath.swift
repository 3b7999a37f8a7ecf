// The Swift standard library has no log10/pow; the C library's are the ones matplotlib
// (through CPython) uses, so tick positions computed here match its results bit for bit.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small numeric helpers shared by ticks, formatting and layout.
enum ElementaryMath {
    static func log10(_ x: Double) -> Double { cLog10(x) }

    static func pow(_ x: Double, _ y: Double) -> Double {
        cPow(x, y)
    }

    static func fmod(_ x: Double, _ y: Double) -> Double {
        x.truncatingRemainder(dividingBy: y)
    }

    /// Python's `divmod(x, y)` for floats (CPython `float_divmod`), used by MaxNLocator.
    static func pythonDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        } else {
            mod = Double(signOf: y, magnitudeOf: 0)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = div.rounded(.down)
            if div - floorDiv > 0.5 { floorDiv += 1 }
        } else {
            floorDiv = Double(signOf: x / y, magnitudeOf: 0)
        }
        return (floorDiv, mod)
    }

    /// Python's `x // y` for floats.
    static func pythonFloorDivide(_ x: Double, _ y: Double) -> Double {
        pythonDivmod(x, y).quotient
    }
}

// File-scope wrappers: here `log10`/`pow` resolve to the C functions, not to the enum's.
@inline(__always) private func cLog10(_ x: Double) -> Double { log10(x) }
@inline(__always) private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
