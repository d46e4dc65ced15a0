import NewsAnalysis
import TestSupport
import Testing

/// The outline an editor shows: the headline at the root with its whole extent, sections and
/// subsections below with theirs, titles as a reader sees them, and word counts.
@Suite struct OutlineTests {
  static let marked = extractMarkers(
    """
    ---
    title: Titre de travail
    ---

    1️⃣# 2️⃣Été 🔵 : [Cherki]{.person} à City3️⃣

    Le chapeau.

    4️⃣## 5️⃣Un transfert6️⃣

    Trois mots ici.

    7️⃣### 8️⃣Le détail9️⃣

    Deux mots.0️⃣

    ## La suite

    Fin de l'article.🔟

    """)

  @Test func theHeadlineIsTheRootAndSpansTheArticle() throws {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    let root = try #require(article.outline.first)
    #expect(article.outline.count == 1)
    #expect(root.kind == .headline)
    #expect(root.title == "Été 🔵 : Cherki à City")
    #expect(root.titleRange == marked.range("2️⃣", "3️⃣"))
    #expect(root.range == marked.range("1️⃣", "🔟"), "from the headline to the end of the last block")
    #expect(root.wordCount == article.wordCount)
  }

  @Test func sectionsAndSubsectionsHangBelowIt() throws {
    let marked = Self.marked
    let root = try #require(Article.markdown(marked.text).outline.first)
    #expect(root.children.map(\.kind) == [.section, .section])
    #expect(root.children.map(\.title) == ["Un transfert", "La suite"])
    let section = root.children[0]
    #expect(section.range == marked.range("4️⃣", "0️⃣"))
    #expect(section.titleRange == marked.range("5️⃣", "6️⃣"))
    #expect(section.wordCount == 5)
    let subsection = try #require(section.children.first)
    #expect(subsection.kind == .subsection)
    #expect(subsection.title == "Le détail")
    #expect(subsection.range == marked.range("7️⃣", "0️⃣"))
    #expect(subsection.titleRange == marked.range("8️⃣", "9️⃣"))
    #expect(subsection.wordCount == 2)
    #expect(root.children[1].wordCount == 3)
  }

  @Test func withoutAHeadlineTheFrontMatterTitleIsTheRoot() throws {
    let marked = extractMarkers("---\ntitle: 1️⃣Un [Poutine]{.person} pressé2️⃣\n---\n\n## Partie\n\nTexte.3️⃣\n")
    let article = Article.markdown(marked.text)
    let root = try #require(article.outline.first)
    #expect(root.kind == .headline)
    #expect(root.title == "Un Poutine pressé")
    #expect(root.titleRange == marked.range("1️⃣", "2️⃣"))
    #expect(root.range == marked.range("1️⃣", "3️⃣"))
    #expect(root.children.map(\.title) == ["Partie"])
  }

  @Test func withNeitherTheSectionsAreTheRoots() {
    let article = Article.markdown("Un paragraphe d'abord.\n\n## Première\n\nTexte.\n\n## Seconde\n\nTexte.")
    #expect(article.outline.map(\.kind) == [.section, .section])
    #expect(article.outlineTree == ["Première", "Seconde"])
  }

  @Test func anArticleWithoutHeadingsHasNoOutline() {
    #expect(Article.markdown("Juste un paragraphe.").outline.isEmpty)
    #expect(Article.markdown("").outline.isEmpty)
    #expect(Article.plainText("").outline.isEmpty)
  }

  @Test func aPlainTextOutlineHasTheSameShape() throws {
    let marked = extractMarkers("Monde\n\n1️⃣Un titre de dépêche2️⃣\n\nLe chapeau.\n\n3️⃣Un intertitre4️⃣\n\nLe texte.5️⃣\n")
    let article = Article.plainText(marked.text)
    let root = try #require(article.outline.first)
    #expect(root.titleRange == marked.range("1️⃣", "2️⃣"))
    #expect(root.range == marked.range("1️⃣", "5️⃣"))
    #expect(root.children.map(\.titleRange) == [marked.range("3️⃣", "4️⃣")])
    #expect(root.children.map(\.range) == [marked.range("3️⃣", "5️⃣")])
    #expect(root.wordCount == 1 + 4 + 2 + 2 + 2, "the kicker counts")
  }
}
