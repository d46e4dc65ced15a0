import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// The gold spans of the development corpus (0-based lines, UTF-16 columns, as LSP counts them) land
/// exactly on what the parser found: annotations on the gold mentions, and the planted typos and
/// traps on token boundaries or on non-prose, the emoji line of `cherki-manchester-city.news` included.
@Suite struct CorpusSpanTests {
  struct Gold: Decodable {
    var typos: [Span]
    var entities: [Span]
    var traps: [Span]

    struct Span: Decodable {
      var line: Int
      var character: Int
      var length: Int
      var text: String
      var entity: String?
      var type: String?
    }
  }

  static let corpus = SharedFixtures.shared("corpus-dev")

  static let articles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
    return names.filter { $0.hasSuffix(".news") || $0.hasSuffix(".txt") }.sorted()
  }()

  static func load(_ name: String) throws -> (Article, Gold, LineTable) {
    let text = String(decoding: try Data(contentsOf: corpus.appendingPathComponent(name)), as: UTF8.self)
    let stem = String(name[..<name.lastIndex(of: ".")!])
    let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: corpus.appendingPathComponent("\(stem).gold.json")))
    return (Article.parse(text, format: ArticleFormat(path: name)), gold, LineTable(text))
  }

  /// The UTF-8 range of a gold span.
  static func range(_ span: Gold.Span, _ lines: LineTable, _ text: String) -> Range<Int> {
    let start = lines.offset(of: LineColumn(line: span.line, column: span.character), in: text, unit: .utf16)
    let end = lines.offset(of: LineColumn(line: span.line, column: span.character + span.length), in: text, unit: .utf16)
    return start..<end
  }

  @Test(arguments: articles)
  func annotationsSitOnGoldMentions(name: String) throws {
    let (article, gold, lines) = try Self.load(name)
    let mentions = Dictionary(gold.entities.map { (Self.range($0, lines, article.text), $0) }, uniquingKeysWith: { first, _ in first })
    for annotation in article.annotations {
      let mention = try #require(mentions[annotation.surface.range], "\(annotation.surface.text) is not a gold mention")
      #expect(mention.text == annotation.surface.text)
      if let id = annotation.id { #expect(mention.entity == id) }
      if let type = annotation.type { #expect(mention.type == type.rawValue) }
    }
    if name.hasSuffix(".news") { #expect(!article.annotations.isEmpty) }
  }

  @Test(arguments: articles)
  func typosAndTrapsFallOnTokenBoundariesOrNonProse(name: String) throws {
    let (article, gold, lines) = try Self.load(name)
    let starts = Set(article.tokens.map(\.range.lowerBound))
    let ends = Set(article.tokens.map(\.range.upperBound))
    var checked = 0
    for span in gold.typos + gold.traps {
      guard let first = span.text.unicodeScalars.first, let last = span.text.unicodeScalars.last,
        !first.properties.isWhitespace, !last.properties.isWhitespace
      else { continue }  // spacing typos and traps are about the spaces themselves
      let range = Self.range(span, lines, article.text)
      #expect(article.text(of: range) == span.text, "line \(span.line) character \(span.character)")
      let onTokens = starts.contains(range.lowerBound) && ends.contains(range.upperBound)
      #expect(onTokens || article.nonProse.contains(range), "\(span.text) at line \(span.line)")
      checked += 1
    }
    #expect(checked > 10)
  }

  @Test func theEmojiLineIsCountedInUTF16() throws {
    let (article, gold, lines) = try Self.load("cherki-manchester-city.news")
    let emoji = try #require(gold.traps.first { $0.text == "🔵" })
    let typo = try #require(gold.typos.first { $0.text == "tournnée" })
    #expect(emoji.line == typo.line && emoji.character < typo.character, "the fixture still has the emoji before the typo")
    let range = Self.range(typo, lines, article.text)
    let token = try #require(article.tokens.first { $0.range == range })
    #expect(token.kind == .word)
    #expect(lines.lineColumn(ofOffset: token.range.lowerBound, in: article.text, unit: .utf16) == LineColumn(line: typo.line, column: typo.character))
  }
}
