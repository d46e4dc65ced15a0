/// Splitting the raw bytes of an `.aff` or `.dic` file into lines and fields, as Hunspell reads
/// them: lines end at `\n` (a `\r` before it is dropped), fields are separated by spaces and tabs.
enum DictionaryLines {
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

  /// The position of the next `\n` at or after `from`, or the end of the buffer; eight bytes at a
  /// time.
  @inline(__always)
  static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    var index = from
    let count = buffer.count
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        // A zero byte in `word` is a newline.
        let found = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < count && buffer[index] != 0x0A { index += 1 }
    return index
  }

  /// The position of the first `byte` in `buffer[range]`, or its end; eight bytes at a time.
  @inline(__always)
  static func firstIndex(of byte: UInt8, _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var index = range.lowerBound
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
      while index + 8 <= range.upperBound {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
        let found = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < range.upperBound && buffer[index] != byte { index += 1 }
    return index
  }

  /// The position of the first `:` or tab in `buffer[range]`, or its end; eight bytes at a time.
  @inline(__always)
  static func firstColonOrTab(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var index = range.lowerBound
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= range.upperBound {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let colons = word ^ 0x3A3A_3A3A_3A3A_3A3A
        let tabs = word ^ 0x0909_0909_0909_0909
        let found = ((colons &- 0x0101_0101_0101_0101) & ~colons | (tabs &- 0x0101_0101_0101_0101) & ~tabs)
          & 0x8080_8080_8080_8080
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < range.upperBound && buffer[index] != 0x3A && buffer[index] != 0x09 { index += 1 }
    return index
  }

  /// `end` moved back over one `\r`, as Hunspell's `mychomp` does.
  @inline(__always)
  static func trimmedEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    end > start && buffer[end - 1] == 0x0D ? end - 1 : end
  }

  /// Whether `byte` separates fields.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The fields of the line `bytes[range]`, split on spaces and tabs.
  static func fields(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    fields(bytes, range, into: &result)
    return result
  }

  /// The fields of the line `bytes[range]` into `result` (emptied first).
  static func fields(_ bytes: [UInt8], _ range: Range<Int>, into result: inout [Range<Int>]) {
    result.removeAll(keepingCapacity: true)
    var index = range.lowerBound
    while index < range.upperBound {
      while index < range.upperBound && isBlank(bytes[index]) { index += 1 }
      guard index < range.upperBound else { break }
      let start = index
      while index < range.upperBound && !isBlank(bytes[index]) { index += 1 }
      result.append(start..<index)
    }
  }
}
