import NewsAnalysis
import TestSupport
import Testing

/// The `key: value` lines between two `---` lines at the top of a Markdown article: what is read,
/// where, and which of it is prose.
@Suite struct FrontMatterTests {
  static let marked = extractMarkers(
    """
    1️⃣---
    2️⃣title3️⃣: 4️⃣Rayan Cherki quitte l'OL5️⃣
    lang: fr
    date: 2025-06-10
    byline: 6️⃣Karim Haddad7️⃣
    8️⃣x-source9️⃣:   0️⃣AFP, Reuters🔟\u{20}\u{20}
    ---#️⃣

    # Rayan Cherki s'engage avec Manchester City

    Le milieu offensif rejoint le club.
    """)

  @Test func keysAndValuesAreReadInOrderWithExactRanges() throws {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    let frontMatter = try #require(article.frontMatter)
    #expect(frontMatter.entries.map(\.key.text) == ["title", "lang", "date", "byline", "x-source"])
    #expect(frontMatter.entries.map(\.value.text) == ["Rayan Cherki quitte l'OL", "fr", "2025-06-10", "Karim Haddad", "AFP, Reuters"])
    #expect(frontMatter.entries[0].key.range == marked.range("2️⃣", "3️⃣"))
    #expect(frontMatter.entries[0].value.range == marked.range("4️⃣", "5️⃣"))
    #expect(frontMatter.entries[3].value.range == marked.range("6️⃣", "7️⃣"))
    #expect(frontMatter.entries[4].key.range == marked.range("8️⃣", "9️⃣"), "an unknown key is kept")
    #expect(frontMatter.entries[4].value.range == marked.range("0️⃣", "🔟"), "spaces around a value are not part of it")
    #expect(frontMatter.range == marked.range("1️⃣", "#️⃣"), "from the opening --- to the end of the closing one")
  }

  @Test func valuesAreLookedUpByKeyWhateverTheCase() {
    let article = Article.markdown(Self.marked.text)
    #expect(article.frontMatter?.value(for: "LANG") == "fr")
    #expect(article.frontMatter?.value(for: "x-source") == "AFP, Reuters")
    #expect(article.frontMatter?.value(for: "section") == nil)
    #expect(article.declaredLanguage == "fr")
  }

  @Test func theTitleIsProseAndTheRestIsNot() throws {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    #expect(article.isProse(marked.range("4️⃣", "5️⃣")))
    #expect(Array(article.wordTexts.prefix(5)) == ["Rayan", "Cherki", "quitte", "l'", "OL"])
    for entry in try #require(article.frontMatter).entries {
      #expect(article.isNonProse(entry.key.range), "key \(entry.key.text)")
      if entry.key.text != "title" { #expect(article.isNonProse(entry.value.range), "value of \(entry.key.text)") }
    }
    #expect(!article.wordTexts.contains("Karim"), "the byline is data, not prose")
    #expect(!article.wordTexts.contains("AFP"))
    let block = try #require(article.blocks.first)
    #expect(block.kind == .frontMatter)
    #expect(block.isProse, "a front matter with a title has prose")
  }

  @Test func theFrontMatterDoesNotCountInTheWordCount() {
    let article = Article.markdown(Self.marked.text)
    // Headline (6) and paragraph (6); the title's four words are not counted again.
    #expect(article.wordCount == 12)
  }

  @Test func quotesAroundAValueAreNotPartOfIt() throws {
    let marked = extractMarkers(
      """
      ---
      title: "1️⃣Guerre d'Ukraine : la Russie avance2️⃣"
      byline: '3️⃣Marie Dupont4️⃣'
      note: "5️⃣unbalanced'6️⃣
      empty:
      ---
      """)
    let frontMatter = try #require(Article.markdown(marked.text).frontMatter)
    #expect(frontMatter.entries.map(\.value.text) == ["Guerre d'Ukraine : la Russie avance", "Marie Dupont", "\"unbalanced'", ""])
    #expect(frontMatter.entries[0].value.range == marked.range("1️⃣", "2️⃣"))
    #expect(frontMatter.entries[1].value.range == marked.range("3️⃣", "4️⃣"))
    #expect(frontMatter.entries[2].value.range == (marked["5️⃣"] - 1)..<marked["6️⃣"], "mismatched quotes stay")
  }

  @Test func aValueMayHoldColons() throws {
    let frontMatter = try #require(Article.markdown("---\ntitle: Ligue 1 : le bilan\ndate: 2025-06-10T08:00\n---\n").frontMatter)
    #expect(frontMatter.value(for: "title") == "Ligue 1 : le bilan")
    #expect(frontMatter.value(for: "date") == "2025-06-10T08:00")
  }

  @Test func withoutAClosingLineThereIsNoFrontMatter() {
    let article = Article.markdown("---\ntitle: Brouillon\nlang: fr\n\n# Un titre\n\nUn paragraphe.")
    #expect(article.frontMatter == nil)
    #expect(article.blocks.first?.kind == .thematicBreak)
    #expect(article.wordTexts.contains("Brouillon"), "the lines are then ordinary text, checked as prose")
    #expect(article.headline?.title.text == "Un titre")
  }

  @Test func aRuleFollowedByABlankLineIsNotFrontMatter() {
    let article = Article.markdown("---\n\nUne introduction entre deux filets.\n\n---\n\n# Le titre\n\nLe texte.")
    #expect(article.frontMatter == nil)
    #expect(article.blocks.map(\.kind) == [.thematicBreak, .paragraph, .thematicBreak, .heading(level: 1), .paragraph])
    #expect(article.wordTexts.contains("introduction"))
  }

  @Test func frontMatterOnlyOpensOnTheFirstLine() {
    let article = Article.markdown("# Le titre\n\n---\ntitle: x\n---\n")
    #expect(article.frontMatter == nil)
  }

  @Test func threeDotsMayCloseIt() throws {
    let marked = extractMarkers("1️⃣---\ntitle: Un titre\n...2️⃣\n\nTexte.")
    let article = Article.markdown(marked.text)
    #expect(try #require(article.frontMatter).range == marked.range("1️⃣", "2️⃣"))
    #expect(article.wordTexts == ["Un", "titre", "Texte"])
  }

  @Test func aByteOrderMarkBeforeTheOpeningLineIsAllowed() throws {
    let marked = extractMarkers("\u{FEFF}---\ntitle: 1️⃣Avec BOM2️⃣\n---\n\n# Titre\n")
    let article = Article.markdown(marked.text)
    let frontMatter = try #require(article.frontMatter)
    #expect(frontMatter.range.lowerBound == 0)
    #expect(frontMatter.entries.first?.value.range == marked.range("1️⃣", "2️⃣"))
    #expect(article.headline?.title.text == "Titre")
  }

  @Test func crlfLineEndsStayOutOfKeysAndValues() throws {
    let marked = extractMarkers("---\r\n1️⃣title2️⃣: 3️⃣Grève à la SNCF4️⃣\r\nlang: fr\r\n---5️⃣\r\n\r\n# Grève\r\n")
    let article = Article.markdown(marked.text)
    let frontMatter = try #require(article.frontMatter)
    #expect(frontMatter.entries.map(\.value.text) == ["Grève à la SNCF", "fr"])
    #expect(frontMatter.entries[0].key.range == marked.range("1️⃣", "2️⃣"))
    #expect(frontMatter.entries[0].value.range == marked.range("3️⃣", "4️⃣"))
    #expect(frontMatter.range.upperBound == marked["5️⃣"])
  }
}
