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
    // Offsets are on scalar boundaries, so splicing the UTF-8 bytes keeps the text valid; writing
    // straight into a new string's storage avoids the scalar view, which rebuilt the whole text
    // (milliseconds per keystroke in a long article).
    let replacement = change.text
    let newCount = lines.byteCount - (end - start) + replacement.utf8.count
    let oldText = text
    text = oldText.withUTF8Bytes { old in
      replacement.withUTF8Bytes { new in
        String(unsafeUninitializedCapacity: newCount) { buffer in
          var cursor = buffer.baseAddress!
          cursor.initialize(from: old.baseAddress!, count: start)
          cursor += start
          if new.count > 0 { cursor.initialize(from: new.baseAddress!, count: new.count) }
          cursor += new.count
          if old.count > end { cursor.initialize(from: old.baseAddress! + end, count: old.count - end) }
          return newCount
        }
      }
    }
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
