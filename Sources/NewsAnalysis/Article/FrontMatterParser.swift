/// Reads the front matter of a Markdown article: `key: value` lines between a `---` line at the
/// very top, not followed by a blank line, and the next `---` (or `...`) line.
enum FrontMatterParser {
  /// Keys whose values are article text, checked like prose; other values are data.
  static let proseKeys: Set<String> = ["title", "subtitle", "headline", "standfirst", "summary", "description"]

  /// The front matter and the index of the first line after it, or nil when the text has none.
  static func parse(_ lines: [SourceLine], _ bytes: UnsafeBufferPointer<UInt8>) -> (FrontMatter, nextLine: Int)? {
    guard let first = lines.first, isDelimiter(first, bytes, allowDots: false) else { return nil }
    // As in Pandoc, a blank line after the opening `---` makes it a thematic break: text between two
    // rules at the top is the article, not metadata.
    guard lines.count > 1, !lines[1].isBlank else { return nil }
    guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], bytes, allowDots: true) })
    else { return nil }
    var entries: [FrontMatter.Entry] = []
    for line in lines[1..<closing] where !line.isBlank {
      let content = line.trimmedContent(bytes)
      guard let colon = content.first(where: { bytes[$0] == UInt8(ascii: ":") }) else { continue }
      let key = trim(content.lowerBound..<colon, bytes)
      var value = trim((colon + 1)..<content.upperBound, bytes)
      if value.count >= 2, let quote = [UInt8(ascii: "\""), UInt8(ascii: "'")].first(where: { $0 == bytes[value.lowerBound] }),
        bytes[value.upperBound - 1] == quote
      {
        value = (value.lowerBound + 1)..<(value.upperBound - 1)
      }
      guard !key.isEmpty else { continue }
      entries.append(FrontMatter.Entry(key: span(key, bytes), value: span(value, bytes)))
    }
    let range = first.range.lowerBound..<lines[closing].range.upperBound
    return (FrontMatter(range: range, entries: entries), closing + 1)
  }

  private static func isDelimiter(_ line: SourceLine, _ bytes: UnsafeBufferPointer<UInt8>, allowDots: Bool) -> Bool {
    var content = line.trimmedContent(bytes)
    if content.count >= 3 && bytes[content.lowerBound] == 0xEF && content.lowerBound == 0 {
      content = (content.lowerBound + 3)..<content.upperBound  // byte order mark
    }
    guard line.indent == 0, content.count == 3 else { return false }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self)
    return text == "---" || (allowDots && text == "...")
  }

  static func trim(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
    while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
    return lower..<upper
  }

  static func span(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> TextSpan {
    TextSpan(range: range, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
  }
}
