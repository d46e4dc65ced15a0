import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Every article of the development corpus has the outline of its gold file: the same headline and
/// sections, on the same lines.
@Suite struct CorpusOutlineTests {
  struct Gold: Decodable {
    var outline: [Node]

    struct Node: Decodable, Equatable, CustomStringConvertible {
      var name: String
      var line: Int
      var children: [Node]
      var description: String { "\(name) @\(line) \(children)" }
    }
  }

  static let corpus = SharedFixtures.shared("corpus-dev")

  static let articles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
    return names.filter { $0.hasSuffix(".news") || $0.hasSuffix(".txt") }.sorted()
  }()

  static func text(_ name: String) throws -> String {
    try String(decoding: Data(contentsOf: corpus.appendingPathComponent(name)), as: UTF8.self)
  }

  /// The outline of an article in the gold's terms: names, and 0-based lines of the titles.
  static func outline(of article: Article) -> [Gold.Node] {
    let lines = LineTable(article.text)
    func node(_ outline: OutlineNode) -> Gold.Node {
      Gold.Node(
        name: outline.title, line: lines.line(containing: outline.titleRange.lowerBound), children: outline.children.map(node))
    }
    return article.outline.map(node)
  }

  @Test func theCorpusHoldsBothFormats() {
    #expect(Self.articles.filter { $0.hasSuffix(".news") }.count >= 6)
    #expect(Self.articles.contains("greve-controleurs.txt"))
    #expect(Self.articles.contains("table-mountain-fire.txt"))
  }

  @Test(arguments: articles)
  func outlineMatchesTheGold(name: String) throws {
    let stem = String(name[..<name.lastIndex(of: ".")!])
    let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: Self.corpus.appendingPathComponent("\(stem).gold.json")))
    let article = Article.parse(try Self.text(name), format: ArticleFormat(path: name))
    #expect(Self.outline(of: article) == gold.outline)
    #expect(article.problems == [], "the corpus annotations are well formed")
  }

  @Test func theCRLFArticleReallyHasCRLFLineEnds() throws {
    let text = try Self.text("greve-controleurs.txt")
    #expect(text.contains("\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }
}
