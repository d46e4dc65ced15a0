extension String {
  /// Runs `body` over the string's UTF-8 bytes without copying when the string is native (it
  /// almost always is: decoded JSON and file contents are).
  @inlinable
  public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return try copy.withUTF8(body)
  }
}

extension String {
  /// The text of a range of UTF-8 offsets.
  public func utf8Slice(_ range: Range<Int>) -> String {
    withUTF8Bytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }
}
