import LanguageServerProtocol
import NewsAnalysis

/// An open document: the text the client sent, kept in step with every edit, with its line table.
public struct Document: Sendable {
  public let uri: DocumentURI
  public var languageId: String
  public var version: Int
  public private(set) var text: String
  public private(set) var lines: LineTable

  public init(uri: DocumentURI, languageId: String, version: Int, text: String) {
    self.uri = uri
    self.languageId = languageId
    self.version = version
    self.text = text
    self.lines = LineTable(text)
  }

  /// The UTF-8 offset of an LSP position, clamped as the specification says.
  public func offset(of position: Position, unit: TextUnit) -> Int {
    lines.offset(of: LineColumn(line: position.line, column: position.character), in: text, unit: unit)
  }

  /// The LSP position of a UTF-8 offset.
  public func position(ofOffset offset: Int, unit: TextUnit) -> Position {
    let location = lines.lineColumn(ofOffset: offset, in: text, unit: unit)
    return Position(line: location.line, character: location.column)
  }

  /// Applies one change of a `didChange`: a range replaced, or the whole text when there is no range.
  public mutating func apply(_ change: TextDocumentContentChangeEvent, unit: TextUnit) {
    guard let range = change.range else {
      text = change.text
      lines = LineTable(text)
      return
    }
    var start = offset(of: range.start, unit: unit)
    var end = offset(of: range.end, unit: unit)
    if end < start { swap(&start, &end) }
    // Offsets are on scalar boundaries; the scalar view replaces exactly those bytes, even between a
    // letter and its combining accent.
    let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
    let upper = text.utf8.index(lower, offsetBy: end - start)
    text.unicodeScalars.replaceSubrange(lower..<upper, with: change.text.unicodeScalars)
    let inserted = change.text.utf8.count
    text.withUTF8Bytes { lines.update(replacing: start..<end, insertedCount: inserted, newText: $0) }
  }
}

extension PositionEncodingKind {
  /// The core's name for this encoding's unit, or nil for an encoding this server does not speak.
  var textUnit: TextUnit? {
    switch self {
    case .utf8: return .utf8
    case .utf16: return .utf16
    case .utf32: return .utf32
    default: return nil
    }
  }
}
