/// One line of an article: its content range (without the line break) and a few facts the block
/// parsers ask about.
struct SourceLine {
  var range: Range<Int>
  /// Whether the line holds only spaces (no-break spaces included).
  var isBlank: Bool
  /// Columns of leading spaces (a tab counts 4).
  var indent: Int
  /// Where the content starts after the indent.
  var contentStart: Int

  /// The lines of `bytes`, split at `\r\n`, `\r` and `\n`.
  static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
    var lines: [SourceLine] = []
    var start = 0
    var index = 0
    func finish(_ end: Int) {
      var indent = 0
      var content = start
      while content < end && (bytes[content] == 0x20 || bytes[content] == 0x09) {
        indent += bytes[content] == 0x09 ? 4 : 1
        content += 1
      }
      var blank = true
      var position = content
      while position < end {
        let (scalar, length) = UTF8Scalar.decode(bytes, at: position)
        if !UTF8Scalar.isSpace(scalar) && scalar != "\u{FEFF}" {
          blank = false
          break
        }
        position += length
      }
      lines.append(SourceLine(range: start..<end, isBlank: blank, indent: indent, contentStart: content))
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        finish(index)
        if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    finish(bytes.count)
    return lines
  }

  /// The content without trailing spaces.
  func trimmedContent(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var end = range.upperBound
    while end > contentStart {
      let start = UTF8Scalar.previousStart(bytes, before: end)
      let (scalar, _) = UTF8Scalar.decode(bytes, at: start)
      guard UTF8Scalar.isSpace(scalar) else { break }
      end = start
    }
    return contentStart..<end
  }
}
