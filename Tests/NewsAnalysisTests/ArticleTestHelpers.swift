import NewsAnalysis

/// Views of a parsed article that read like what a user sees, for the assertions of the tests.
extension Article {
  /// Parses Markdown (`.news`, `.md`).
  static func markdown(_ text: String) -> Article { parse(text, format: .markdown) }

  /// Parses plain text (`.txt`).
  static func plainText(_ text: String) -> Article { parse(text, format: .plainText) }

  /// The text of every token, punctuation included, in order.
  var tokenTexts: [String] { tokens.map { text(of: $0.range) } }

  /// The text of every word and number, in order.
  var wordTexts: [String] { tokens.filter { $0.kind != .punctuation }.map { text(of: $0.range) } }

  /// The text of every non-prose range, in order.
  var nonProseTexts: [String] { nonProse.map { text(of: $0) } }

  /// Whether `range` lies inside one prose piece of a block.
  func isProse(_ range: Range<Int>) -> Bool {
    blocks.contains { block in block.prose.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound } }
  }

  /// Whether `range` lies inside one non-prose range, and no token overlaps it.
  func isNonProse(_ range: Range<Int>) -> Bool {
    nonProse.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
      && !tokens.contains { $0.range.overlaps(range) }
  }

  /// The blocks of a kind, in order.
  func blocks(_ kind: BlockKind) -> [Block] { blocks.filter { $0.kind == kind } }

  /// The text of each block of a kind.
  func texts(of kind: BlockKind) -> [String] { blocks(kind).map { text(of: $0.range) } }

  /// The outline as `title` lines indented two spaces a level, for comparing whole trees at once.
  var outlineTree: [String] {
    var lines: [String] = []
    func add(_ node: OutlineNode, depth: Int) {
      lines.append(String(repeating: "  ", count: depth) + node.title)
      for child in node.children { add(child, depth: depth + 1) }
    }
    for node in outline { add(node, depth: 0) }
    return lines
  }
}
