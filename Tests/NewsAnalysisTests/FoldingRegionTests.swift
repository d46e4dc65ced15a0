import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// What an editor can fold: the front matter, every section and subsection, and quotes, comments
/// and code that span lines.
@Suite struct FoldingRegionTests {
  @Test func frontMatterSectionsAndMultiLineBlocksFold() {
    let marked = extractMarkers(
      """
      1️⃣---
      title: Titre
      ---2️⃣

      # Titre

      3️⃣## Partie

      4️⃣> Une citation
      > sur deux lignes.5️⃣

      > Une citation courte.

      6️⃣<!-- note
      de travail -->7️⃣

      8️⃣### Sous-partie

      9️⃣```
      code
      ```0️⃣

      <!-- une ligne -->
      """)
    let regions = Article.markdown(marked.text).foldingRegions
    let end = marked.text.utf8.count  // the last block, a one-line comment, ends the text
    #expect(regions.map(\.kind) == [.frontMatter, .section, .quote, .comment, .section, .code])
    #expect(regions.map(\.range) == [
      marked.range("1️⃣", "2️⃣"), marked["3️⃣"]..<end, marked.range("4️⃣", "5️⃣"), marked.range("6️⃣", "7️⃣"), marked["8️⃣"]..<end,
      marked.range("9️⃣", "0️⃣"),
    ])
  }

  @Test func regionsComeInDocumentOrder() {
    let regions = Article.markdown("# T\n\n## A\n\n### A1\n\nx\n\n## B\n\n> a\n> b\n").foldingRegions
    #expect(regions.map(\.kind) == [.section, .section, .section, .quote])
    #expect(zip(regions, regions.dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound })
  }

  @Test func plainTextSectionsFoldToo() {
    let article = Article.plainText(
      String(decoding: try! Data(contentsOf: SharedFixtures.shared("articles/ukraine-belarus.txt")), as: UTF8.self))
    #expect(article.foldingRegions.map(\.kind) == [.section, .section])
    #expect(article.foldingRegions.map(\.range) == article.sections.map(\.range))
  }
}
