/// Splitting the raw bytes of an `.aff` or `.dic` file into lines and fields, as Hunspell reads
/// them: lines end at `\n` (a `\r` before it is dropped), fields are separated by spaces and tabs.
enum TextLines {
  /// The byte ranges of the lines of `bytes`, without their line ends. A UTF-8 byte-order mark at
  /// the start is skipped.
  static func ranges(_ bytes: [UInt8]) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    lines.reserveCapacity(bytes.count / 24 + 1)
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      while index < buffer.count {
        if buffer[index] == 0x0A {
          lines.append(start..<trimmedEnd(buffer, start, index))
          start = index + 1
        }
        index += 1
      }
      if start < buffer.count { lines.append(start..<trimmedEnd(buffer, start, buffer.count)) }
    }
    return lines
  }

  /// `end` moved back over one `\r`, as Hunspell's `mychomp` does.
  @inline(__always)
  private static func trimmedEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    end > start && buffer[end - 1] == 0x0D ? end - 1 : end
  }

  /// Whether `byte` separates fields.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The fields of the line `bytes[range]`, split on spaces and tabs.
  static func fields(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = range.lowerBound
    while index < range.upperBound {
      while index < range.upperBound && isBlank(bytes[index]) { index += 1 }
      guard index < range.upperBound else { break }
      let start = index
      while index < range.upperBound && !isBlank(bytes[index]) { index += 1 }
      result.append(start..<index)
    }
    return result
  }
}
