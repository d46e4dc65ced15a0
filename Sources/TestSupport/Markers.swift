/// Fixture text with position markers taken out: `"Le 1️⃣président2️⃣ a dit"` becomes `"Le président a
/// dit"`, with where each marker stood.
///
/// Markers are the keycap emoji `0️⃣` to `9️⃣` (and `🔟`, `#️⃣`, `*️⃣`), which never occur in articles, so a fixture
/// may still hold other emoji (`🔵`) as content. Positions are computed here, independently of the
/// code under test: UTF-8 offsets for the analysis core, and line and column in any unit for LSP.
public struct MarkedText: Sendable {
  /// The text without its markers.
  public let text: String
  /// The UTF-8 offset in `text` where each marker stood.
  public let offsets: [String: Int]

  /// Removes the markers from `marked`; a marker may appear only once.
  public init(_ marked: String) {
    var text = ""
    var offsets: [String: Int] = [:]
    var utf8Count = 0
    for character in marked {
      let string = String(character)
      if Self.markers.contains(string) {
        precondition(offsets[string] == nil, "marker \(string) appears twice")
        offsets[string] = utf8Count
      } else {
        text.append(character)
        utf8Count += string.utf8.count
      }
    }
    self.text = text
    self.offsets = offsets
  }

  /// The markers: keycap digits, the keycap ten, and the keycaps `#️⃣` and `*️⃣`.
  public static let markers: Set<String> = Set(
    (0...9).map { "\($0)\u{FE0F}\u{20E3}" } + ["🔟", "#\u{FE0F}\u{20E3}", "*\u{FE0F}\u{20E3}"])

  /// The UTF-8 offset of `marker` (a test fails loudly on a marker that is not there).
  public subscript(_ marker: String) -> Int {
    guard let offset = offsets[marker] else { preconditionFailure("no marker \(marker) in the fixture") }
    return offset
  }

  /// The UTF-8 range between two markers.
  public func range(_ from: String, _ to: String) -> Range<Int> { self[from]..<self[to] }

  /// The text between two markers.
  public func text(_ from: String, _ to: String) -> String {
    String(decoding: Array(text.utf8)[range(from, to)], as: UTF8.self)
  }

  /// The zero-based line and column of `marker`, the column counted in UTF-16 code units (as LSP does
  /// by default), UTF-8 bytes or Unicode scalars. `\r\n`, `\r` and `\n` each end a line.
  public func position(_ marker: String, unit: Unit = .utf16) -> (line: Int, character: Int) {
    let target = self[marker]
    var line = 0
    var column = 0
    var offset = 0
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if offset >= target { break }
      let width = String(scalar).utf8.count
      if scalar == "\n" && previousWasCR {
        // The second half of a CRLF: the line already ended at the `\r`.
      } else if scalar == "\n" || scalar == "\r" {
        line += 1
        column = 0
      } else {
        switch unit {
        case .utf8: column += width
        case .utf16: column += scalar.value > 0xFFFF ? 2 : 1
        case .scalars: column += 1
        }
      }
      previousWasCR = scalar == "\r"
      offset += width
    }
    return (line, column)
  }

  /// The unit a column is counted in.
  public enum Unit: Sendable {
    case utf8, utf16, scalars
  }
}

/// Shorthand for `MarkedText(marked)`.
public func extractMarkers(_ marked: String) -> MarkedText { MarkedText(marked) }
