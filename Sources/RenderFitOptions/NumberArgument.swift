import ArgumentParser
import Foundation

/// Parsers for numeric options whose failure message says what is allowed
/// (argument-parser's own only says that the value is invalid).
public enum NumberArgument {
    public static func integer(_ text: String, allowed: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("use \(allowed)")
        }
        return value
    }

    public static func double(_ text: String, allowed: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("use \(allowed)")
        }
        return value
    }

    public static func seed(_ text: String, allowed: String) throws -> UInt64 {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("use \(allowed)")
        }
        return value
    }
}
