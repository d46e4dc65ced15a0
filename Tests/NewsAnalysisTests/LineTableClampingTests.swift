import NewsAnalysis
import Testing

/// Positions a client should not send still land somewhere sensible, as LSP says: past the last line
/// is the end of the text, past the end of a line is the end of that line, and a column inside a
/// character rounds down to its start.
@Suite struct LineTableClampingTests {
  static func offset(_ text: String, _ line: Int, _ column: Int, _ unit: TextUnit) -> Int {
    LineTable(text).offset(of: LineColumn(line: line, column: column), in: text, unit: unit)
  }

  @Test(arguments: TextUnit.allCases)
  func aLinePastTheEndIsTheEndOfTheText(unit: TextUnit) {
    #expect(Self.offset("ab\ncd", 2, 0, unit) == 5)
    #expect(Self.offset("ab\ncd", 9, 4, unit) == 5)
    #expect(Self.offset("ab\r\n", 2, 0, unit) == 4)
    #expect(Self.offset("ab\r\n", 1, 5, unit) == 4)
  }

  @Test(arguments: TextUnit.allCases)
  func negativeLinesAndColumnsAreTheStart(unit: TextUnit) {
    #expect(Self.offset("ab\ncd", -1, 1, unit) == 0)
    #expect(Self.offset("ab\ncd", 1, -3, unit) == 3)
  }

  @Test(arguments: TextUnit.allCases)
  func aColumnPastTheEndOfALineIsTheEndOfThatLineBeforeItsBreak(unit: TextUnit) {
    #expect(Self.offset("ab\ncd", 0, 3, unit) == 2)
    #expect(Self.offset("ab\r\ncd", 0, 3, unit) == 2, "not between the \\r and the \\n")
    #expect(Self.offset("ab\r\ncd", 0, 100, unit) == 2)
    #expect(Self.offset("ab\rcd", 0, 100, unit) == 2)
    #expect(Self.offset("ab\r\ncd", 1, 100, unit) == 6)
    #expect(Self.offset("é🔵\r\n", 0, 100, unit) == 6)
    #expect(Self.offset("\r\n\r\n", 1, 1, unit) == 2, "an empty line has one place")
  }

  @Test func aUTF16ColumnInsideASurrogatePairRoundsDown() {
    // 🔵 is two UTF-16 units and four UTF-8 bytes.
    #expect(Self.offset("a🔵b", 0, 2, .utf16) == 1)
    #expect(Self.offset("a🔵b", 0, 3, .utf16) == 5)
    #expect(Self.offset("🌍🔵", 0, 3, .utf16) == 4)
    #expect(Self.offset("x\r\n🌍", 1, 1, .utf16) == 3)
  }

  @Test func aUTF8ColumnInsideAMultiByteSequenceRoundsDown() {
    for column in 1...4 { #expect(Self.offset("a🔵b", 0, column + 1, .utf8) == (column == 4 ? 5 : 1)) }
    #expect(Self.offset("中", 0, 1, .utf8) == 0)
    #expect(Self.offset("中", 0, 2, .utf8) == 0)
    #expect(Self.offset("中", 0, 3, .utf8) == 3)
    #expect(Self.offset("é!", 0, 1, .utf8) == 0)
    #expect(Self.offset("«\u{202F}»", 0, 4, .utf8) == 2)
  }

  @Test func anOffsetPastTheEndIsTheEnd() {
    let text = "ab\r\nçd"
    let table = LineTable(text)
    #expect(table.lineColumn(ofOffset: 100, in: text, unit: .utf16) == LineColumn(line: 1, column: 2))
    #expect(table.lineColumn(ofOffset: -4, in: text, unit: .utf16) == LineColumn(line: 0, column: 0))
  }

  @Test(arguments: TextUnit.allCases)
  func anOffsetInsideACharacterCountsFromThatCharactersStart(unit: TextUnit) {
    let text = "aé🔵中"
    let table = LineTable(text)
    // Bytes: a 0, é 1–2, 🔵 3–6, 中 7–9.
    let starts: [Int: Int] = [2: 1, 4: 3, 5: 3, 6: 3, 8: 7, 9: 7]
    for (inside, start) in starts.sorted(by: { $0.key < $1.key }) {
      #expect(
        table.lineColumn(ofOffset: inside, in: text, unit: unit) == table.lineColumn(ofOffset: start, in: text, unit: unit),
        "\(unit) offset \(inside)")
    }
  }
}
