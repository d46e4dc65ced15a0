import LanguageServerProtocol
import NewsAnalysis
import NewsServer
import TestSupport
import Testing

/// A `didChange` edit applied to an open document leaves exactly the text the client has, with a line
/// table that matches it.
@Suite struct DocumentApplyTests {
  static func document(_ text: String) -> Document {
    Document(uri: "file:///article.md", languageId: "markdown", version: 1, text: text)
  }

  static func change(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int, _ text: String)
    -> TextDocumentContentChangeEvent
  {
    TextDocumentContentChangeEvent(
      range: LSPRange(
        start: Position(line: startLine, character: startColumn), end: Position(line: endLine, character: endColumn)),
      text: text)
  }

  /// The text after applying `changes` in order, checked byte for byte (String `==` would let a
  /// decomposed accent pass for a precomposed one) and with its line table checked against a rebuilt one.
  static func expectApplying(
    _ changes: [TextDocumentContentChangeEvent], to text: String, unit: TextUnit = .utf16, gives expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var document = document(text)
    for change in changes { document.apply(change, unit: unit) }
    #expect(
      Array(document.text.unicodeScalars) == Array(expected.unicodeScalars),
      "got \(visible(document.text)), expected \(visible(expected))", sourceLocation: sourceLocation)
    #expect(document.lines == LineTable(document.text), "line table out of step", sourceLocation: sourceLocation)
  }

  @Test func aSingleRangeIsReplaced() {
    Self.expectApplying([Self.change(0, 4, 0, 9, "slow")], to: "The quick fox", gives: "The slow fox")
  }

  @Test func changesApplyInOrderEachOnTheTextLeftByThePrevious() {
    let changes = [
      Self.change(0, 0, 0, 0, "Breaking: "),
      Self.change(0, 10, 0, 13, "The"),  // "the" (after the insertion) becomes "The"
      Self.change(1, 0, 1, 0, "— "),
    ]
    Self.expectApplying(changes, to: "the fox\nran", gives: "Breaking: The fox\n— ran")
  }

  @Test func aChangeWithoutRangeReplacesTheWholeText() {
    var document = Self.document("old\r\ntext")
    document.apply(Self.change(0, 0, 0, 1, "x"), unit: .utf16)
    document.apply(TextDocumentContentChangeEvent(text: "new\ntext\n🔵"), unit: .utf16)
    #expect(document.text == "new\ntext\n🔵")
    #expect(document.lines.lineStarts == [0, 4, 9])
    document.apply(Self.change(2, 2, 2, 2, "!"), unit: .utf16)
    #expect(document.text == "new\ntext\n🔵!")
  }

  @Test func anEditSpanningLinesJoinsThem() {
    Self.expectApplying([Self.change(0, 2, 2, 1, "-")], to: "ab\r\ncd\r\nef\r\n", gives: "ab-f\r\n")
    Self.expectApplying([Self.change(0, 1, 1, 0, " ")], to: "a\nb", gives: "a b")
  }

  @Test func anEditCanSplitALineInTwo() {
    var document = Self.document("Headline body")
    document.apply(Self.change(0, 8, 0, 9, "\r\n\r\n"), unit: .utf16)
    #expect(document.text == "Headline\r\n\r\nbody")
    #expect(document.lines.lineCount == 3)
    #expect(document.offset(of: Position(line: 2, character: 0), unit: .utf16) == 12)
  }

  // MARK: Line breaks that merge or split

  @Test func insertingALineFeedAfterALoneCarriageReturnMakesOneBreak() {
    var document = Self.document("a\rb")
    document.apply(Self.change(1, 0, 1, 0, "\n"), unit: .utf16)
    #expect(document.text == "a\r\nb")
    #expect(document.lines.lineCount == 2, "\\r\\n is one break")
    #expect(document.position(ofOffset: 3, unit: .utf16) == Position(line: 1, character: 0))
  }

  @Test func insertingACarriageReturnBeforeALineFeedMakesOneBreak() {
    var document = Self.document("a\nb")
    document.apply(Self.change(0, 1, 0, 1, "\r"), unit: .utf16)
    #expect(document.text == "a\r\nb")
    #expect(document.lines.lineCount == 2)
    #expect(document.lines == LineTable("a\r\nb"))
  }

  @Test func replacingACRLFByOneOfItsHalves() {
    Self.expectApplying([Self.change(0, 1, 1, 0, "\n")], to: "a\r\nb", gives: "a\nb")
    Self.expectApplying([Self.change(0, 1, 1, 0, "\r")], to: "a\r\nb", gives: "a\rb")
  }

  @Test func deletingALoneCarriageReturnBeforeACRLFLeavesOneBreak() {
    var document = Self.document("a\r\r\nb")
    #expect(document.lines.lineCount == 3)
    document.apply(Self.change(0, 1, 1, 0, ""), unit: .utf16)
    #expect(document.text == "a\r\nb")
    #expect(document.lines.lineCount == 2)
  }

  @Test func insertingBetweenTwoCarriageReturnsKeepsThemApart() {
    Self.expectApplying([Self.change(1, 0, 1, 0, "x")], to: "\r\r", gives: "\rx\r")
    Self.expectApplying([Self.change(1, 0, 1, 0, "\n")], to: "\r\r", gives: "\r\n\r")
  }

  // MARK: Units

  @Test func editsCountedInUTF8Bytes() {
    // é is 2 bytes, 🔵 4, 中 3.
    Self.expectApplying([Self.change(0, 6, 0, 9, "文")], to: "é🔵中x", unit: .utf8, gives: "é🔵文x")
    Self.expectApplying([Self.change(1, 2, 1, 6, "")], to: "a\r\né🔵z", unit: .utf8, gives: "a\r\néz")
  }

  @Test func editsCountedInUTF16Units() {
    Self.expectApplying([Self.change(0, 1, 0, 3, "o")], to: "é🔵中x", unit: .utf16, gives: "éo中x")
  }

  @Test func editsCountedInUTF32Scalars() {
    Self.expectApplying([Self.change(0, 1, 0, 2, "o")], to: "é🔵中x", unit: .utf32, gives: "éo中x")
    Self.expectApplying([Self.change(0, 3, 0, 3, "!")], to: "🌍🔵🔵x", unit: .utf32, gives: "🌍🔵🔵!x")
  }

  // MARK: Clamping

  @Test func aColumnPastTheEndOfALineEditsAtTheEndOfThatLine() {
    Self.expectApplying([Self.change(0, 50, 0, 60, "!")], to: "ab\r\ncd", gives: "ab!\r\ncd")
    Self.expectApplying([Self.change(0, 1, 0, 60, "")], to: "ab\r\ncd", gives: "a\r\ncd")
  }

  @Test func aLinePastTheEndEditsAtTheEndOfTheText() {
    Self.expectApplying([Self.change(7, 0, 9, 3, " end")], to: "ab\ncd", gives: "ab\ncd end")
    Self.expectApplying([Self.change(1, 1, 40, 0, "")], to: "ab\ncd\nef", gives: "ab\nc")
  }

  @Test func aColumnInsideASurrogatePairRoundsDown() {
    Self.expectApplying([Self.change(0, 1, 0, 1, "x")], to: "🔵", gives: "x🔵")
    Self.expectApplying([Self.change(0, 1, 0, 2, "x")], to: "🔵", gives: "x")
  }

  // MARK: Scalars, not characters

  @Test func anEditBetweenALetterAndItsCombiningAccent() {
    // e + U+0301 is one Character but two scalars and two UTF-16 units.
    Self.expectApplying([Self.change(0, 1, 0, 1, "x")], to: "e\u{0301}", gives: "ex\u{0301}")
    Self.expectApplying([Self.change(0, 1, 0, 2, "")], to: "e\u{0301}s", gives: "es")
    Self.expectApplying([Self.change(0, 0, 0, 1, "a")], to: "e\u{0301}\u{0327}", gives: "a\u{0301}\u{0327}")
    Self.expectApplying(
      [Self.change(0, 2, 0, 2, "\r\n"), Self.change(1, 0, 1, 1, "")], to: "e\u{0301}\u{0327}x",
      gives: "e\u{0301}\r\nx")
  }

  @Test func aPrecomposedAccentIsNotConfusedWithADecomposedOne() {
    var document = Self.document("caf\u{00E9}")
    document.apply(Self.change(0, 4, 0, 4, "\u{0301}"), unit: .utf16)
    #expect(Array(document.text.unicodeScalars) == Array("caf\u{00E9}\u{0301}".unicodeScalars))
    #expect(document.text.utf16.count == 5)
  }

  @Test func aReversedRangeIsTheSameRangeTheRightWayRound() {
    Self.expectApplying([Self.change(0, 3, 0, 1, "X")], to: "abcd", gives: "aXd")
    Self.expectApplying([Self.change(1, 1, 0, 1, "-")], to: "ab\ncd", gives: "a-d")
  }

  @Test func positionsComeBackInTheUnitAsked() {
    let document = Self.document("é🔵\r\nx中y")
    let y = document.text.utf8.count - 1
    #expect(document.position(ofOffset: y, unit: .utf8) == Position(line: 1, character: 4))
    #expect(document.position(ofOffset: y, unit: .utf16) == Position(line: 1, character: 2))
    #expect(document.position(ofOffset: y, unit: .utf32) == Position(line: 1, character: 2))
    #expect(document.offset(of: Position(line: 1, character: 2), unit: .utf16) == y)
  }
}
