/// Splits a Markdown article into blocks: front matter, ATX and setext headings, paragraphs,
/// block quotes, list items, fenced and indented code, HTML comments, thematic breaks.
///
/// A line-based reading of the CommonMark block rules that news articles use; inline constructs are
/// left to `InlineScanner`.
struct MarkdownParser {
  let bytes: UnsafeBufferPointer<UInt8>
  private let lines: [SourceLine]
  private(set) var blocks: [RawBlock] = []
  private(set) var frontMatter: FrontMatter?

  /// A block before inline scanning: its kind, its whole range, and the pieces to scan for prose.
  struct RawBlock {
    var kind: BlockKind
    var range: Range<Int>
    var pieces: [Range<Int>]
    /// For headings: the title.
    var title: Range<Int>?
  }

  private enum Open {
    case none
    case paragraph(first: Int, lines: Int)
    case quote
    case listItem
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    self.lines = SourceLine.lines(of: bytes)
  }

  mutating func parse() {
    var index = 0
    if let (matter, next) = FrontMatterParser.parse(lines, bytes) {
      frontMatter = matter
      let pieces = matter.entries.filter { FrontMatterParser.proseKeys.contains($0.key.text.lowercased()) }.map(\.value.range)
      blocks.append(RawBlock(kind: .frontMatter, range: matter.range, pieces: pieces))
      index = next
    }
    var open = Open.none
    while index < lines.count {
      let line = lines[index]
      if line.isBlank {
        open = .none
        index += 1
        continue
      }
      let content = line.trimmedContent(bytes)
      let first = bytes[line.contentStart]
      let smallIndent = line.indent <= 3

      if smallIndent, let fence = fenceLength(line) {
        index = codeFence(from: index, marker: first, length: fence)
        open = .none
        continue
      }
      if smallIndent && starts(with: "<!--", at: line.contentStart, end: content.upperBound) {
        index = htmlComment(from: index)
        open = .none
        continue
      }
      if case .paragraph(let firstLine, let count) = open, count == 1, smallIndent, let level = setextLevel(line) {
        // `Title` underlined with `===` or `---`: the paragraph line becomes a heading.
        blocks.removeLast()
        let titleLine = lines[firstLine]
        let title = titleLine.trimmedContent(bytes)
        blocks.append(
          RawBlock(kind: .heading(level: level), range: titleLine.range.lowerBound..<line.range.upperBound, pieces: [title], title: title))
        open = .none
        index += 1
        continue
      }
      if smallIndent, let (level, title) = atxHeading(line) {
        blocks.append(RawBlock(kind: .heading(level: level), range: line.range, pieces: [title], title: title))
        open = .none
        index += 1
        continue
      }
      if smallIndent && isThematicBreak(content) {
        blocks.append(RawBlock(kind: .thematicBreak, range: line.range, pieces: []))
        open = .none
        index += 1
        continue
      }
      if smallIndent && first == UInt8(ascii: ">") {
        var markerEnd = line.contentStart + 1
        if markerEnd < content.upperBound && bytes[markerEnd] == 0x20 { markerEnd += 1 }
        let piece = markerEnd..<max(markerEnd, content.upperBound)
        if case .quote = open {
          extendLast(to: line, piece: piece)
        } else {
          blocks.append(RawBlock(kind: .quote, range: line.range, pieces: [piece]))
          open = .quote
        }
        index += 1
        continue
      }
      let interruptsParagraph: Bool
      if case .paragraph = open { interruptsParagraph = true } else { interruptsParagraph = false }
      if smallIndent, let markerEnd = listMarkerEnd(line, content: content, interruptingParagraph: interruptsParagraph) {
        blocks.append(RawBlock(kind: .listItem, range: line.range, pieces: [markerEnd..<content.upperBound]))
        open = .listItem
        index += 1
        continue
      }
      switch open {
      case .paragraph(let firstLine, let count):
        extendLast(to: line, piece: line.contentStart..<content.upperBound)
        open = .paragraph(first: firstLine, lines: count + 1)
      case .quote, .listItem:
        extendLast(to: line, piece: line.contentStart..<content.upperBound)  // lazy continuation
      case .none:
        if line.indent >= 4 {
          index = indentedCode(from: index)
          continue
        }
        blocks.append(RawBlock(kind: .paragraph, range: line.range, pieces: [line.contentStart..<content.upperBound]))
        open = .paragraph(first: index, lines: 1)
      }
      index += 1
    }
  }

  private mutating func extendLast(to line: SourceLine, piece: Range<Int>) {
    let last = blocks.count - 1
    blocks[last].range = blocks[last].range.lowerBound..<line.range.upperBound
    // Paragraph lines are scanned as one piece, so an annotation may wrap; quote lines one by one.
    if blocks[last].kind != .quote, let previous = blocks[last].pieces.last {
      blocks[last].pieces[blocks[last].pieces.count - 1] = previous.lowerBound..<piece.upperBound
    } else {
      blocks[last].pieces.append(piece)
    }
  }

  // MARK: Line shapes

  private func starts(with pattern: String, at index: Int, end: Int) -> Bool {
    var position = index
    for byte in pattern.utf8 {
      guard position < end, bytes[position] == byte else { return false }
      position += 1
    }
    return true
  }

  private func run(of byte: UInt8, from start: Int, end: Int) -> Int {
    var index = start
    while index < end && bytes[index] == byte { index += 1 }
    return index - start
  }

  private func fenceLength(_ line: SourceLine) -> Int? {
    let first = bytes[line.contentStart]
    guard first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
    let length = run(of: first, from: line.contentStart, end: line.range.upperBound)
    return length >= 3 ? length : nil
  }

  private func atxHeading(_ line: SourceLine) -> (level: Int, title: Range<Int>)? {
    let content = line.trimmedContent(bytes)
    let level = run(of: UInt8(ascii: "#"), from: line.contentStart, end: content.upperBound)
    guard (1...6).contains(level) else { return nil }
    let afterMarks = line.contentStart + level
    guard afterMarks == content.upperBound || bytes[afterMarks] == 0x20 || bytes[afterMarks] == 0x09 else { return nil }
    var titleEnd = content.upperBound
    // An optional closing sequence of `#`, preceded by a space.
    var closing = titleEnd
    while closing > afterMarks && bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
    if closing < titleEnd && (closing == afterMarks || bytes[closing - 1] == 0x20) { titleEnd = closing }
    let title = FrontMatterParser.trim(afterMarks..<max(afterMarks, titleEnd), bytes)
    return (level, title)
  }

  private func setextLevel(_ line: SourceLine) -> Int? {
    let content = line.trimmedContent(bytes)
    let first = bytes[line.contentStart]
    guard first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return nil }
    guard run(of: first, from: line.contentStart, end: content.upperBound) == content.count else { return nil }
    return first == UInt8(ascii: "=") ? 1 : 2
  }

  private func isThematicBreak(_ content: Range<Int>) -> Bool {
    let first = bytes[content.lowerBound]
    guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
    var count = 0
    for index in content {
      if bytes[index] == first { count += 1 } else if bytes[index] != 0x20 && bytes[index] != 0x09 { return false }
    }
    return count >= 3
  }

  /// Where the text of a list item starts, or nil when the line is not one.
  private func listMarkerEnd(_ line: SourceLine, content: Range<Int>, interruptingParagraph: Bool) -> Int? {
    let start = line.contentStart
    let first = bytes[start]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
      guard start + 1 < content.upperBound, bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09 else { return nil }
      return FrontMatterParser.trim((start + 1)..<content.upperBound, bytes).lowerBound
    }
    let digits = countDigits(from: start, end: content.upperBound)
    guard (1...9).contains(digits), start + digits + 1 < content.upperBound else { return nil }
    let delimiter = bytes[start + digits]
    guard delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")"),
      bytes[start + digits + 1] == 0x20 || bytes[start + digits + 1] == 0x09
    else { return nil }
    // Only a list starting at 1 may interrupt a paragraph (so a wrapped "1991. " stays text).
    if interruptingParagraph && !(digits == 1 && bytes[start] == UInt8(ascii: "1")) { return nil }
    return FrontMatterParser.trim((start + digits + 1)..<content.upperBound, bytes).lowerBound
  }

  private func countDigits(from start: Int, end: Int) -> Int {
    var index = start
    while index < end && (0x30...0x39).contains(bytes[index]) { index += 1 }
    return index - start
  }

  // MARK: Multi-line blocks

  private mutating func codeFence(from start: Int, marker: UInt8, length: Int) -> Int {
    var index = start + 1
    while index < lines.count {
      let line = lines[index]
      if !line.isBlank && line.indent <= 3 && bytes[line.contentStart] == marker,
        run(of: marker, from: line.contentStart, end: line.range.upperBound) >= length,
        line.trimmedContent(bytes).count == run(of: marker, from: line.contentStart, end: line.range.upperBound)
      {
        break
      }
      index += 1
    }
    let last = min(index, lines.count - 1)
    blocks.append(RawBlock(kind: .code, range: lines[start].range.lowerBound..<lines[last].range.upperBound, pieces: []))
    return last + 1
  }

  private mutating func htmlComment(from start: Int) -> Int {
    var index = start
    while index < lines.count {
      let line = lines[index]
      let range = (index == start ? line.contentStart + 4 : line.range.lowerBound)..<line.range.upperBound
      if range.lowerBound <= range.upperBound,
        range.contains(where: { starts(with: "-->", at: $0, end: line.range.upperBound) })
      {
        break
      }
      index += 1
    }
    let last = min(index, lines.count - 1)
    blocks.append(RawBlock(kind: .comment, range: lines[start].range.lowerBound..<lines[last].range.upperBound, pieces: []))
    return last + 1
  }

  private mutating func indentedCode(from start: Int) -> Int {
    var index = start
    var last = start
    while index < lines.count && (lines[index].isBlank || lines[index].indent >= 4) {
      if !lines[index].isBlank { last = index }
      index += 1
    }
    blocks.append(RawBlock(kind: .code, range: lines[start].range.lowerBound..<lines[last].range.upperBound, pieces: []))
    return last + 1
  }
}
