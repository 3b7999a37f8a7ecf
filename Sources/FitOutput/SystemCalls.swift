#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's `write(2)`, named apart so that types with a `write` method can call it.
@inline(__always)
package func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}

/// The C library's `read(2)`.
@inline(__always)
package func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
    #else
        return Darwin.read(fd, buffer, count)
    #endif
}

/// Reads from `fd` into `buffer` until it is full or the file ends, retrying partial reads and
/// `EINTR`: a file that shrank meanwhile gives fewer bytes, one that grew never more. Returns
/// the number of bytes read, or the `errno` of the read that failed.
package func readUpTo(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Result<Int, ReadFailure> {
    guard let base = buffer.baseAddress else { return .success(0) }
    var filled = 0
    while filled < buffer.count {
        let n = systemRead(fd, base + filled, buffer.count - filled)
        if n < 0 {
            if errno == EINTR { continue }
            return .failure(ReadFailure(code: errno))
        }
        if n == 0 { break }
        filled += n
    }
    return .success(filled)
}

/// The `errno` of a failed `read(2)`, as an error.
package struct ReadFailure: Error {
    /// The C library's error number.
    package let code: Int32
    /// What the C library says of it.
    package var reason: String { String(cString: strerror(code)) }
}

/// Writes all of `bytes` to `fd`, retrying partial writes and `EINTR`. Returns nil on
/// success, or the `errno` of the write that failed.
package func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
        let n = systemWrite(fd, base + offset, bytes.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if n == 0 { return EIO }
        offset += n
    }
    return nil
}
