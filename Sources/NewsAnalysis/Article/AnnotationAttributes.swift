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
    var result = AnnotationAttributes()
    var scalars = Substring(text).unicodeScalars[...]
    func skipSpaces() { while let first = scalars.first, UTF8Scalar.isSpace(first) { scalars.removeFirst() } }
    func readName() -> String {
      var name = ""
      while let first = scalars.first, isNameScalar(first) {
        name.unicodeScalars.append(first)
        scalars.removeFirst()
      }
      return name
    }
    while true {
      skipSpaces()
      guard let first = scalars.first else { break }
      switch first {
      case "#":
        scalars.removeFirst()
        let name = readName()
        if name.isEmpty {
          result.errors.append("Empty id after '#' in the annotation.")
        } else if let id = result.id {
          result.errors.append("Annotation has two ids, #\(id) and #\(name): keep one.")
        } else {
          result.id = name
        }
      case ".":
        scalars.removeFirst()
        let name = readName()
        if name.isEmpty { result.errors.append("Empty type after '.' in the annotation.") } else { result.classes.append(name) }
      default:
        let key = readName()
        guard !key.isEmpty, scalars.first == "=" else {
          var word = key
          while let next = scalars.first, !UTF8Scalar.isSpace(next) {
            word.unicodeScalars.append(next)
            scalars.removeFirst()
          }
          result.errors.append("Unexpected '\(word)' in the annotation: use #id, .type or key=value.")
          continue
        }
        scalars.removeFirst()  // =
        var value = ""
        if scalars.first == "\"" {
          scalars.removeFirst()
          var closed = false
          while let next = scalars.popFirst() {
            if next == "\"" {
              closed = true
              break
            }
            value.unicodeScalars.append(next)
          }
          if !closed { result.errors.append("Unclosed quote in the value of '\(key)'.") }
        } else {
          while let next = scalars.first, !UTF8Scalar.isSpace(next) {
            value.unicodeScalars.append(next)
            scalars.removeFirst()
          }
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
    let best = EntityType.allCases.min { editDistance(lowered, $0.rawValue) < editDistance(lowered, $1.rawValue) }
    if let best, editDistance(lowered, best.rawValue) <= 2 { return " (did you mean .\(best.rawValue)?)" }
    return ""
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where !b.isEmpty {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
