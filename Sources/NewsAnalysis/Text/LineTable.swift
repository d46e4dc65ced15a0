/// The unit a column is counted in: LSP's position encodings, and plain characters for terminals.
public enum TextUnit: Sendable, CaseIterable {
  case utf8
  case utf16
  case utf32
}

/// A line and a column counted in some `TextUnit`, both zero-based.
public struct LineColumn: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// Where each line of a text starts, as UTF-8 offsets, for converting offsets to lines and columns
/// and back. `\r\n`, `\r` and `\n` each end a line, as LSP says.
///
/// Lookups are a binary search plus a walk along one line; an edit rescans only the lines it touches
/// and shifts the starts after it.
public struct LineTable: Hashable, Sendable {
  /// UTF-8 offset of the first byte of every line; the first is always 0.
  public private(set) var lineStarts: [Int]
  /// The length of the text in UTF-8 bytes.
  public private(set) var byteCount: Int

  public init(_ text: String) {
    lineStarts = [0]
    byteCount = text.utf8.count
    text.withUTF8Bytes { buffer in
      Self.scanLineStarts(buffer, from: 0, upTo: buffer.count, into: &lineStarts)
    }
  }

  public init(utf8 bytes: [UInt8]) {
    lineStarts = [0]
    byteCount = bytes.count
    bytes.withUnsafeBufferPointer { buffer in
      Self.scanLineStarts(buffer, from: 0, upTo: buffer.count, into: &lineStarts)
    }
  }

  public var lineCount: Int { lineStarts.count }

  /// Appends the starts of lines that begin after a break found in `from..<upTo` (a start may equal `upTo`).
  private static func scanLineStarts(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, upTo: Int, into starts: inout [Int]
  ) {
    var index = from
    while index < upTo {
      let byte = bytes[index]
      if byte == 0x0A {
        starts.append(index + 1)
      } else if byte == 0x0D {
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
          index += 1
        }
        starts.append(index + 1)
      }
      index += 1
    }
  }

  /// The zero-based line holding the byte at `offset` (offsets past the end belong to the last line).
  public func line(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The UTF-8 range of a line's content, without its line break.
  public func contentRange(ofLine line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let start = lineStarts[line]
    var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : byteCount
    if end > start && bytes[end - 1] == 0x0A { end -= 1 }
    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  // MARK: Conversions

  /// The line and column of a UTF-8 offset. An offset inside a multi-byte character counts from
  /// that character's start; offsets past the end are clamped to the end.
  public func lineColumn(ofOffset offset: Int, in text: String, unit: TextUnit) -> LineColumn {
    text.withUTF8Bytes { lineColumn(ofOffset: offset, in: $0, unit: unit) }
  }

  public func lineColumn(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, unit: TextUnit) -> LineColumn {
    var offset = max(0, min(offset, byteCount))
    while offset > 0 && offset < byteCount && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }  // a continuation byte
    let line = line(containing: offset)
    let content = contentRange(ofLine: line, in: bytes)
    let end = min(offset, content.upperBound)
    return LineColumn(line: line, column: Self.count(unit, in: bytes, from: content.lowerBound, to: end))
  }

  /// The UTF-8 offset of a line and column, clamped as LSP says: a line past the end means the end
  /// of the text, a column past the end of its line means the end of that line (before its break),
  /// and a column inside a character (a surrogate pair's second half, a byte of a UTF-8 sequence)
  /// rounds down to that character's start.
  public func offset(of position: LineColumn, in text: String, unit: TextUnit) -> Int {
    text.withUTF8Bytes { offset(of: position, in: $0, unit: unit) }
  }

  public func offset(of position: LineColumn, in bytes: UnsafeBufferPointer<UInt8>, unit: TextUnit) -> Int {
    if position.line < 0 { return 0 }
    if position.line >= lineStarts.count { return byteCount }
    let content = contentRange(ofLine: position.line, in: bytes)
    return Self.advance(unit, in: bytes, from: content.lowerBound, limit: content.upperBound, by: max(0, position.column))
  }

  /// How many `unit`s the well-formed UTF-8 in `from..<to` holds.
  static func count(_ unit: TextUnit, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    if unit == .utf8 { return to - from }
    var count = 0
    var index = from
    while index < to {
      let byte = bytes[index]
      let length = Self.sequenceLength(byte)
      count += (unit == .utf16 && length == 4) ? 2 : 1
      index += length
    }
    return count
  }

  /// The offset reached by moving `units` forward from `from`, stopping at `limit` and never
  /// stopping inside a character.
  static func advance(_ unit: TextUnit, in bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, by units: Int)
    -> Int
  {
    var index = from
    var remaining = units
    while index < limit && remaining > 0 {
      let length = Self.sequenceLength(bytes[index])
      let width: Int
      switch unit {
      case .utf8: width = length
      case .utf16: width = length == 4 ? 2 : 1
      case .utf32: width = 1
      }
      if width > remaining { break }  // inside this character: round down
      remaining -= width
      index += length
    }
    return min(index, limit)
  }

  /// The length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
  @inline(__always)
  static func sequenceLength(_ lead: UInt8) -> Int {
    if lead < 0xC0 { return 1 }
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
  }

  // MARK: Editing

  /// Updates the table after `replaced` (old UTF-8 offsets) became `insertedCount` bytes; `bytes`
  /// is the whole new text.
  public mutating func update(replacing replaced: Range<Int>, insertedCount: Int, newText bytes: UnsafeBufferPointer<UInt8>) {
    let delta = insertedCount - replaced.count
    // Breaks next to the edit may merge or split (a `\r` before an inserted `\n`), so rescan from
    // the line before the one holding the edit, up to the first old start safely past it.
    let firstLine = max(0, line(containing: max(0, replaced.lowerBound - 1)) - 1)
    let rescanFrom = lineStarts[firstLine]
    var firstKept = lineStarts.count
    for index in stride(from: lineStarts.count - 1, through: firstLine + 1, by: -1) {
      if lineStarts[index] >= replaced.upperBound + 2 { firstKept = index } else { break }
    }
    let keptNewStart = firstKept < lineStarts.count ? lineStarts[firstKept] + delta : bytes.count + 1
    var starts = Array(lineStarts[0...firstLine])
    var rescanned: [Int] = []
    Self.scanLineStarts(bytes, from: rescanFrom, upTo: min(keptNewStart, bytes.count), into: &rescanned)
    starts.append(contentsOf: rescanned.filter { $0 < keptNewStart })
    if firstKept < lineStarts.count {
      starts.reserveCapacity(starts.count + lineStarts.count - firstKept)
      for index in firstKept..<lineStarts.count { starts.append(lineStarts[index] + delta) }
    }
    lineStarts = starts
    byteCount = bytes.count
  }
}
