import NewsAnalysis
import TestSupport
import Testing

/// Headline, standfirst, sections and subsections of a Markdown article: which they are, how they
/// nest, their exact ranges and their word counts.
@Suite struct MarkdownStructureTests {
  static let marked = extractMarkers(
    """
    ---
    title: Titre de travail
    ---

    1️⃣# 2️⃣Rayan Cherki s'engage avec City3️⃣

    4️⃣Le milieu offensif rejoint Manchester.5️⃣

    6️⃣## 7️⃣Un transfert bouclé8️⃣

    Les discussions ont duré trois jours.

    9️⃣### Le rôle de l'agent

    Il a négocié seul.0️⃣

    🔟## Une concurrence relevée ##

    Pep Guardiola dispose déjà de milieux.

    - Phil Foden
    - Bernardo Silva*️⃣


    """)

  @Test func theHeadlineIsTheFirstLevelOneHeading() throws {
    let marked = Self.marked
    let headline = try #require(Article.markdown(marked.text).headline)
    #expect(headline.level == 1)
    #expect(headline.title.text == "Rayan Cherki s'engage avec City")
    #expect(headline.title.range == marked.range("2️⃣", "3️⃣"))
    #expect(headline.lineRange == marked.range("1️⃣", "3️⃣"))
  }

  @Test func theStandfirstIsTheFirstParagraphAfterTheHeadline() throws {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    let standfirst = try #require(article.standfirst)
    #expect(standfirst.kind == .paragraph)
    #expect(standfirst.range == marked.range("4️⃣", "5️⃣"))
  }

  @Test func aHeadingRightAfterTheHeadlineLeavesNoStandfirst() {
    let article = Article.markdown("# Le titre\n\n## Première partie\n\nUn paragraphe.")
    #expect(article.headline?.title.text == "Le titre")
    #expect(article.standfirst == nil)
  }

  @Test func sectionsNestTheirSubsections() {
    let article = Article.markdown(Self.marked.text)
    #expect(article.sections.map(\.heading.title.text) == ["Un transfert bouclé", "Une concurrence relevée"])
    #expect(article.sections.map(\.heading.level) == [2, 2])
    #expect(article.sections[0].subsections.map(\.heading.title.text) == ["Le rôle de l'agent"])
    #expect(article.sections[0].subsections[0].heading.level == 3)
    #expect(article.sections[1].subsections.isEmpty)
  }

  @Test func aSectionRunsFromItsHeadingToTheEndOfItsLastBlock() {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    #expect(article.sections[0].range == marked.range("6️⃣", "0️⃣"), "subsections included, blank lines after excluded")
    #expect(article.sections[0].heading.title.range == marked.range("7️⃣", "8️⃣"))
    #expect(article.sections[0].heading.lineRange == marked.range("6️⃣", "8️⃣"))
    #expect(article.sections[0].subsections[0].range == marked.range("9️⃣", "0️⃣"))
    #expect(article.sections[1].range == marked.range("🔟", "*️⃣"), "the last section ends with its list, not the trailing blank lines")
  }

  @Test func closingHashesAreNotPartOfTheTitle() {
    let article = Article.markdown(Self.marked.text)
    #expect(article.sections[1].heading.title.text == "Une concurrence relevée")
    #expect(!article.wordTexts.contains("#"))
  }

  @Test func sectionWordCountsIncludeSubsectionsButNoHeadings() {
    let article = Article.markdown(Self.marked.text)
    // "Les discussions ont duré trois jours." (6) + "Il a négocié seul." (4)
    #expect(article.sections[0].wordCount == 10)
    #expect(article.sections[0].subsections[0].wordCount == 4)
    // "Pep Guardiola dispose déjà de milieux." (6) + "Phil Foden" (2) + "Bernardo Silva" (2)
    #expect(article.sections[1].wordCount == 10)
    // Every heading and block, without the front matter: headline 5, standfirst 5, first section
    // heading 3 and body 6, subsection heading 4 and body 4, second section heading 3 and body 10.
    #expect(article.wordCount == 40)
  }

  @Test func deeperHeadingsNestAgain() {
    let article = Article.markdown("# T\n\n## A\n\n### A1\n\n#### A1a\n\nTexte.\n\n### A2\n\n## B\n")
    #expect(article.outlineTree == ["T", "  A", "    A1", "      A1a", "    A2", "  B"])
  }

  @Test func aSecondLevelOneHeadingIsASection() {
    let article = Article.markdown("# Le titre\n\nChapeau.\n\n# Une autre partie\n\nTexte.\n\n## Détail\n\nFin.")
    #expect(article.headline?.title.text == "Le titre")
    #expect(article.outlineTree == ["Le titre", "  Une autre partie", "  Détail"])
  }

  @Test func aSubsectionBeforeAnySectionStandsAtTheTop() {
    let article = Article.markdown("# Titre\n\n### Tôt\n\nTexte.\n\n## Partie\n\nTexte.")
    #expect(article.sections.map(\.heading.title.text) == ["Tôt", "Partie"])
  }

  @Test func aHashWithoutASpaceIsNoHeading() {
    let article = Article.markdown("#MeToo a six ans.\n\n#5 sur la liste.")
    #expect(article.headline == nil)
    #expect(article.blocks.map(\.kind) == [.paragraph, .paragraph])
  }

  @Test func headingsIndentedFourSpacesAreCode() {
    let article = Article.markdown("Texte.\n\n    # pas un titre\n")
    #expect(article.headline == nil)
    #expect(article.blocks.map(\.kind) == [.paragraph, .code])
  }

  @Test func setextHeadingsAreHeadlinesAndSections() {
    let marked = extractMarkers(
      """
      1️⃣Grève à la SNCF2️⃣
      ==================

      Un TGV sur deux circule.

      3️⃣Des quais bondés4️⃣
      -----------------

      Les voyageurs attendent.5️⃣
      """)
    let article = Article.markdown(marked.text)
    #expect(article.headline?.level == 1)
    #expect(article.headline?.title.range == marked.range("1️⃣", "2️⃣"))
    #expect(article.standfirst.map { article.text(of: $0.range) } == "Un TGV sur deux circule.")
    #expect(article.sections.map(\.heading.title.text) == ["Des quais bondés"])
    #expect(article.sections[0].heading.title.range == marked.range("3️⃣", "4️⃣"))
    #expect(article.sections[0].range == marked.range("3️⃣", "5️⃣"))
    #expect(!article.wordTexts.contains("="), "the underline is markup")
    #expect(article.isNonProse((marked["2️⃣"] + 1)..<(marked["2️⃣"] + 19)))
  }

  @Test func theStructureReadsTheSameWithCRLFLineEnds() {
    let lf = Article.markdown(Self.marked.text)
    let crlf = Article.markdown(Self.marked.text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(crlf.outlineTree == lf.outlineTree)
    #expect(crlf.wordTexts == lf.wordTexts)
    #expect(crlf.sections.map(\.wordCount) == lf.sections.map(\.wordCount))
    #expect(crlf.blocks.map(\.kind) == lf.blocks.map(\.kind))
    // Every block still ends before its line break.
    for block in crlf.blocks {
      #expect(!crlf.text(of: block.range).hasSuffix("\r"), "\(visible(crlf.text(of: block.range)))")
    }
  }
}
