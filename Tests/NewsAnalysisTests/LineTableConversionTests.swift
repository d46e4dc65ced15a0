import NewsAnalysis
import TestSupport
import Testing

/// Offsets to lines and columns and back, in each unit a client may negotiate, on text where the
/// units disagree: accents, French quotes with their narrow spaces, emoji outside the BMP, CJK,
/// combining marks, CRLF.
@Suite struct LineTableConversionTests {
  static let samples = [
    "«\u{00A0}Grüß\u{202F}»\r\n🔵 e\u{0301}中🌍x\r\nlast",
    "Le « président » a dit\u{202F}: « non\u{00A0}».\r\n\r\nÉté 🌍🔵\r\n",
    "中文新闻\n\r日本語\rx",
    "a\u{0301}\u{0327}b\r\n🇫🇷👩🏽‍💻\n",
    "",
    "\r\n\r\n",
  ]

  /// One line of a text as a model sees it: its first byte and its scalars, without the break.
  struct ModelLine {
    var start: Int
    var scalars: [Unicode.Scalar]
  }

  /// The lines of `text`, found scalar by scalar, independently of `LineTable`.
  static func modelLines(_ text: String) -> [ModelLine] {
    let scalars = Array(text.unicodeScalars)
    var lines = [ModelLine(start: 0, scalars: [])]
    var offset = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      offset += String(scalar).utf8.count
      if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" {
        offset += 1
        index += 1
        lines.append(ModelLine(start: offset, scalars: []))
      } else if scalar == "\r" || scalar == "\n" {
        lines.append(ModelLine(start: offset, scalars: []))
      } else {
        lines[lines.count - 1].scalars.append(scalar)
      }
      index += 1
    }
    return lines
  }

  static func width(_ scalar: Unicode.Scalar, _ unit: TextUnit) -> Int {
    switch unit {
    case .utf8: return String(scalar).utf8.count
    case .utf16: return String(scalar).utf16.count
    case .utf32: return 1
    }
  }

  @Test(arguments: samples)
  func everyScalarBoundaryConvertsBothWaysInEveryUnit(text: String) {
    let table = LineTable(text)
    let lines = Self.modelLines(text)
    #expect(table.lineStarts == lines.map(\.start), "\(visible(text))")
    for unit in TextUnit.allCases {
      for (lineNumber, line) in lines.enumerated() {
        var offset = line.start
        var column = 0
        for index in 0...line.scalars.count {
          let position = LineColumn(line: lineNumber, column: column)
          #expect(
            table.offset(of: position, in: text, unit: unit) == offset,
            "\(unit) \(position) in \(visible(text))")
          #expect(
            table.lineColumn(ofOffset: offset, in: text, unit: unit) == position,
            "\(unit) offset \(offset) in \(visible(text))")
          if index < line.scalars.count {
            offset += Self.width(line.scalars[index], .utf8)
            column += Self.width(line.scalars[index], unit)
          }
        }
      }
    }
  }

  @Test func columnsOfAKnownLine() {
    let text = Self.samples[0]
    let table = LineTable(text)
    // Line 0: « NBSP G r ü ß NNBSP » — the closing quote.
    let closing = text.utf8.count - "\r\n🔵 e\u{0301}中🌍x\r\nlast".utf8.count - 2
    #expect(table.lineColumn(ofOffset: closing, in: text, unit: .utf8) == LineColumn(line: 0, column: 13))
    #expect(table.lineColumn(ofOffset: closing, in: text, unit: .utf16) == LineColumn(line: 0, column: 7))
    #expect(table.lineColumn(ofOffset: closing, in: text, unit: .utf32) == LineColumn(line: 0, column: 7))
    // Line 1: 🔵 space e U+0301 中 🌍 x — the x.
    let x = text.utf8.count - "\r\nlast".utf8.count - 1
    #expect(table.offset(of: LineColumn(line: 1, column: 15), in: text, unit: .utf8) == x)
    #expect(table.offset(of: LineColumn(line: 1, column: 8), in: text, unit: .utf16) == x)
    #expect(table.offset(of: LineColumn(line: 1, column: 6), in: text, unit: .utf32) == x)
    #expect(table.lineColumn(ofOffset: x, in: text, unit: .utf16) == LineColumn(line: 1, column: 8))
    // Line 2 starts after the CRLF.
    #expect(table.offset(of: LineColumn(line: 2, column: 0), in: text, unit: .utf16) == x + 3)
  }

  @Test func aCombiningAccentIsItsOwnColumn() {
    let text = "e\u{0301}x"
    let table = LineTable(text)
    for unit in TextUnit.allCases {
      #expect(table.offset(of: LineColumn(line: 0, column: 1), in: text, unit: unit) == 1, "\(unit)")
      #expect(table.lineColumn(ofOffset: 1, in: text, unit: unit) == LineColumn(line: 0, column: 1))
    }
    #expect(table.lineColumn(ofOffset: 3, in: text, unit: .utf16) == LineColumn(line: 0, column: 2))
    #expect(table.lineColumn(ofOffset: 3, in: text, unit: .utf8) == LineColumn(line: 0, column: 3))
  }

  @Test func theBytesOfALineBreakBelongToTheEndOfItsLine() {
    let text = "ab\r\ncd"
    let table = LineTable(text)
    #expect(table.lineColumn(ofOffset: 2, in: text, unit: .utf16) == LineColumn(line: 0, column: 2))
    #expect(table.lineColumn(ofOffset: 3, in: text, unit: .utf16) == LineColumn(line: 0, column: 2))
    #expect(table.lineColumn(ofOffset: 4, in: text, unit: .utf16) == LineColumn(line: 1, column: 0))
  }
}
