import NewsAnalysis
import TestSupport
import Testing

/// Where lines start: `\n`, `\r\n` and a lone `\r` each end a line, as LSP says, and nothing else does.
@Suite struct LineTableLineStartsTests {
  @Test(arguments: [
    ("", [0]),
    ("no break", [0]),
    ("a\nb\n", [0, 2, 4]),
    ("a\r\nb\r\n", [0, 3, 6]),
    ("a\rb\r", [0, 2, 4]),
    ("\n\r", [0, 1, 2]),
    ("\r\r\n\n", [0, 1, 3, 4]),
    ("a\r\n\rb\nc\r", [0, 3, 4, 6, 8]),
    ("\n", [0, 1]),
    ("\r\n", [0, 2]),
    ("é\n🔵\r\n中", [0, 3, 9]),
    ("\u{2028}x\u{85}y\u{0B}z\u{0C}", [0]),
  ])
  func lineStarts(text: String, starts: [Int]) {
    let table = LineTable(text)
    #expect(table.lineStarts == starts, "\(visible(text))")
    #expect(table.lineCount == starts.count)
    #expect(table.byteCount == text.utf8.count)
    #expect(LineTable(utf8: Array(text.utf8)) == table, "the byte initialiser agrees")
  }

  @Test func aTrailingBreakStartsAnEmptyLastLine() {
    for text in ["title\n", "title\r\n", "title\r"] {
      let table = LineTable(text)
      #expect(table.lineCount == 2)
      #expect(table.lineStarts.last == table.byteCount, "\(visible(text))")
    }
  }

  @Test func emptyTextHasOneEmptyLine() {
    let table = LineTable("")
    #expect(table.lineCount == 1)
    #expect(table.byteCount == 0)
    #expect(table.offset(of: LineColumn(line: 0, column: 0), in: "", unit: .utf16) == 0)
    #expect(table.offset(of: LineColumn(line: 3, column: 7), in: "", unit: .utf16) == 0)
    #expect(table.lineColumn(ofOffset: 0, in: "", unit: .utf16) == LineColumn(line: 0, column: 0))
  }

  @Test func everyOffsetBelongsToTheLineItIsOn() {
    let text = "a\r\n\rb\nc\r"
    let expected = [0, 0, 0, 1, 2, 2, 3, 3, 4]
    let table = LineTable(text)
    for offset in 0...text.utf8.count {
      #expect(table.line(containing: offset) == expected[offset], "offset \(offset)")
    }
    #expect(table.line(containing: 100) == 4, "past the end: the last line")
  }
}

