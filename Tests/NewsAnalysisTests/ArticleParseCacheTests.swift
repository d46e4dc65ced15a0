import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Parsing with a cache of earlier versions gives exactly what a fresh parse gives, edit after edit.
@Suite struct ArticleParseCacheTests {
  private func expectSameArticle(
    _ cached: Article, _ fresh: Article, _ note: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(cached.blocks == fresh.blocks, "blocks \(note)", sourceLocation: sourceLocation)
    #expect(cached.tokens == fresh.tokens, "tokens \(note)", sourceLocation: sourceLocation)
    #expect(cached.annotations == fresh.annotations, "annotations \(note)", sourceLocation: sourceLocation)
    #expect(cached.problems == fresh.problems, "problems \(note)", sourceLocation: sourceLocation)
    #expect(cached.nonProse == fresh.nonProse, "non-prose \(note)", sourceLocation: sourceLocation)
    #expect(cached.outline == fresh.outline, "outline \(note)", sourceLocation: sourceLocation)
    #expect(cached.frontMatter == fresh.frontMatter, "front matter \(note)", sourceLocation: sourceLocation)
  }

  @Test func anUnchangedDocumentIsReadEntirelyFromTheCache() throws {
    let text = try String(contentsOf: SharedFixtures.project("examples/tramway-nantes.news"), encoding: .utf8)
    let cache = ArticleParseCache()
    let first = Article.parse(text, format: .markdown, cache: cache)
    #expect(cache.hits == 0)
    let second = Article.parse(text, format: .markdown, cache: cache)
    #expect(cache.misses == 0)
    #expect(cache.hits == second.blocks.count)
    expectSameArticle(second, first, "on a second parse")
  }

  @Test func anEditInOneParagraphScansOnlyThatParagraph() throws {
    var text = try String(contentsOf: SharedFixtures.project("examples/harbour-ferry.news"), encoding: .utf8)
    let cache = ArticleParseCache()
    _ = Article.parse(text, format: .markdown, cache: cache)
    text = text.replacingOccurrences(of: "quiet crossing", with: "very quiet [crossing]{.event}")
    let edited = Article.parse(text, format: .markdown, cache: cache)
    #expect(cache.misses == 1)
    expectSameArticle(edited, Article.parse(text, format: .markdown), "after one edit")
  }

  @Test(arguments: ["tramway-nantes.news", "harbour-ferry.news", "fromagerie.txt"])
  func randomEditsKeepTheCachedParseEqualToAFreshOne(file: String) throws {
    let seed = SplitMix64.seed(fromEnvironment: "DATELINE_SEED", default: 0xA271C1E)
    var random = SplitMix64(seed: seed)
    var text = try String(contentsOf: SharedFixtures.project("examples/\(file)"), encoding: .utf8)
    let format = ArticleFormat(path: file)
    let cache = ArticleParseCache()
    let pieces = ["a", " ", "\n", "\n\n", "é", "🔵", "[Nom]{.person}", "# ", "## Titre\n", "`code`", "> ", "- ", "---\n", "\r\n", "https://x.org ", "{", "]"]
    for step in 0..<300 {
      var bytes = Array(text.utf8)
      let start = random.below(bytes.count + 1)
      let length = min(random.below(12), bytes.count - start)
      // Cut only at character boundaries, as an editor would.
      func boundary(_ index: Int) -> Int {
        var index = index
        while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
      }
      let lower = boundary(start)
      let upper = boundary(min(lower + length, bytes.count))
      bytes.replaceSubrange(lower..<upper, with: Array((random.chance(70) ? random.pick(pieces) : "").utf8))
      text = String(decoding: bytes, as: UTF8.self)
      let cached = Article.parse(text, format: format, cache: cache)
      let fresh = Article.parse(text, format: format)
      expectSameArticle(cached, fresh, "at step \(step) (seed \(seed))")
      if cached.blocks != fresh.blocks || cached.tokens != fresh.tokens { break }
    }
  }
}
