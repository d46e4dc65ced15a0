/// The attributes between the braces of a Pandoc span: `#id`, `.class` and `key=value` (or
/// `key="value with spaces"`).
struct AnnotationAttributes {
  var id: String?
  var classes: [String] = []
  var pairs: [String: String] = [:]
  /// Sentences describing what could not be read.
  var errors: [String] = []

  var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty && errors.isEmpty }

  /// Pandoc's formatting classes: a span with only these is styling, not an entity.
  static let formattingClasses: Set<String> = ["smallcaps", "underline", "mark"]

  static func parse(_ text: String) -> AnnotationAttributes {
    text.withUTF8Bytes { parse($0) }
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AnnotationAttributes {
    var result = AnnotationAttributes()
    var index = 0
    func string(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    func scalar(at position: Int) -> (Unicode.Scalar, Int) { UTF8Scalar.decode(bytes, at: position) }
    func skipSpaces() {
      while index < bytes.count, case let (value, length) = scalar(at: index), UTF8Scalar.isSpace(value) { index += length }
    }
    func readName() -> String {
      let start = index
      while index < bytes.count, case let (value, length) = scalar(at: index), isNameScalar(value) { index += length }
      return string(start..<index)
    }
    func readUntilSpace(from start: Int) -> String {
      while index < bytes.count, case let (value, length) = scalar(at: index), !UTF8Scalar.isSpace(value) { index += length }
      return string(start..<index)
    }
    while true {
      skipSpaces()
      guard index < bytes.count else { break }
      switch bytes[index] {
      case UInt8(ascii: "#"):
        index += 1
        let name = readName()
        if name.isEmpty {
          result.errors.append("Empty id after '#' in the annotation.")
        } else if let id = result.id {
          result.errors.append("Annotation has two ids, #\(id) and #\(name): keep one.")
        } else {
          result.id = name
        }
      case UInt8(ascii: "."):
        index += 1
        let name = readName()
        if name.isEmpty { result.errors.append("Empty type after '.' in the annotation.") } else { result.classes.append(name) }
      default:
        let keyStart = index
        let key = readName()
        guard !key.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
          let word = readUntilSpace(from: keyStart)
          result.errors.append("Unexpected '\(word)' in the annotation: use #id, .type or key=value.")
          continue
        }
        index += 1  // =
        let value: String
        if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
          let valueStart = index + 1
          index = valueStart
          while index < bytes.count && bytes[index] != UInt8(ascii: "\"") { index += 1 }
          value = string(valueStart..<index)
          if index < bytes.count { index += 1 } else { result.errors.append("Unclosed quote in the value of '\(key)'.") }
        } else {
          value = readUntilSpace(from: index)
        }
        result.pairs[key] = value
      }
    }
    return result
  }

  /// Letters, digits and `-_:.` as Pandoc identifiers allow (a dot only inside a name).
  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    UTF8Scalar.isLetter(scalar) || UTF8Scalar.isDigit(scalar) || scalar == "-" || scalar == "_" || scalar == ":"
  }

  /// ` (did you mean .person?)` for a type one or two edits from a known one, else empty.
  static func suggestion(for name: String) -> String {
    let lowered = name.lowercased()
    let aliases: [String: EntityType] = [
      "people": .person, "per": .person, "org": .organization, "organisation": .organization,
      "loc": .place, "location": .place, "gpe": .place, "misc": .other,
    ]
    if let alias = aliases[lowered] { return " (did you mean .\(alias.rawValue)?)" }
    let best = EntityType.allCases.min { NewsAnalysis.editDistance(lowered, $0.rawValue) < NewsAnalysis.editDistance(lowered, $1.rawValue) }
    if let best, NewsAnalysis.editDistance(lowered, best.rawValue) <= 2 { return " (did you mean .\(best.rawValue)?)" }
    return ""
  }


}
