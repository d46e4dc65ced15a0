import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// The structure inferred from an article pasted as plain text: kicker, headline, standfirst,
/// sections, paragraphs, and the site's boilerplate around them.
@Suite struct PlainTextStructureTests {
  static let sharedArticle: String = {
    let url = SharedFixtures.shared("articles/ukraine-belarus.txt")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
    return text
  }()

  /// The number of paragraphs before the first section, then in each section.
  static func paragraphCounts(_ article: Article) -> [Int] {
    var counts = [0]
    for block in article.blocks.drop(while: { $0.kind != .heading(level: 1) }).dropFirst() {
      switch block.kind {
      case .heading: counts.append(0)
      case .paragraph: counts[counts.count - 1] += 1
      default: break
      }
    }
    return counts
  }

  @Test func theSharedArticleHasItsKickerHeadlineAndSections() throws {
    let article = Article.plainText(Self.sharedArticle)
    #expect(article.kicker?.text == "France")
    #expect(article.headline?.title.text == "Guerre d'Ukraine : la Russie continue de vasculariser la Biélorussie")
    #expect(article.sections.map(\.heading.title.text) == ["Pour une intégration obligatoire", "Hostilité de la population biélorusse"])
    #expect(article.sections.allSatisfy { $0.subsections.isEmpty })
    #expect(article.outlineTree == [
      "Guerre d'Ukraine : la Russie continue de vasculariser la Biélorussie",
      "  Pour une intégration obligatoire",
      "  Hostilité de la population biélorusse",
    ])
  }

  @Test func theSharedArticleHasEachParagraphInItsSection() throws {
    let article = Article.plainText(Self.sharedArticle)
    #expect(Self.paragraphCounts(article) == [2, 4, 2])
    let standfirst = try #require(article.standfirst)
    #expect(article.text(of: standfirst.range).hasPrefix("Chaque jour, laRussieentraîne"))
    let lastSection = try #require(article.sections.last)
    #expect(article.text(of: lastSection.range).hasSuffix("la guerre n'est pas garantie. »"))
  }

  @Test func theSharedArticlesSiteNoticeIsBoilerplateNotProse() throws {
    let article = Article.plainText(Self.sharedArticle)
    #expect(article.blocks.prefix(3).map(\.kind) == [.kicker, .boilerplate, .heading(level: 1)])
    let notice = article.blocks[1]
    #expect(article.text(of: notice.range).hasPrefix("This article was added by the user"))
    #expect(!notice.isProse)
    #expect(article.isNonProse(notice.range))
    #expect(article.wordTexts.prefix(2) == ["France", "Guerre"])
  }

  @Test func theSharedArticleReadsTheSameWithCRLFLineEnds() throws {
    let lf = Article.plainText(Self.sharedArticle)
    let crlfText = Self.sharedArticle.replacingOccurrences(of: "\n", with: "\r\n")
    let crlf = Article.plainText(crlfText)
    #expect(crlf.kicker?.text == "France")
    #expect(crlf.outlineTree == lf.outlineTree)
    #expect(Self.paragraphCounts(crlf) == [2, 4, 2])
    #expect(crlf.blocks.map(\.kind) == lf.blocks.map(\.kind))
    #expect(crlf.wordTexts == lf.wordTexts)
    // Headings sit on the same lines, and no title holds a carriage return.
    let lfLines = LineTable(lf.text)
    let crlfLines = LineTable(crlf.text)
    for (a, b) in zip(lf.outline[0].children, crlf.outline[0].children) {
      #expect(lfLines.line(containing: a.titleRange.lowerBound) == crlfLines.line(containing: b.titleRange.lowerBound))
      #expect(!b.title.contains("\r"))
    }
    #expect(crlfLines.line(containing: crlf.headline!.title.range.lowerBound) == 3)
  }

  @Test func siteBoilerplateAboveTheHeadlineIsSkipped() {
    let article = Article.plainText(
      """
      Skip to content
      Subscribe to our newsletter
      Advertisement

      Wildfire forces thousands to flee in Butte County

      Crews battled the blaze overnight.

      Evacuations spread

      Residents left before dawn.
      """)
    #expect(article.kicker == nil, "a kicker is a single word")
    #expect(article.blocks.prefix(3).map(\.kind) == [.boilerplate, .boilerplate, .boilerplate])
    #expect(article.headline?.title.text == "Wildfire forces thousands to flee in Butte County")
    #expect(article.sections.map(\.heading.title.text) == ["Evacuations spread"])
    #expect(!article.wordTexts.contains("Subscribe"))
  }

  @Test func aSentenceOrALongLineIsNotAHeading() {
    let article = Article.plainText(
      """
      Un titre tout à fait correct

      Le chapeau de l'article.

      Cette ligne se termine par un point.

      Un paragraphe.

      Une ligne bien trop longue pour un intertitre car elle compte plus de douze mots en tout

      Un paragraphe.

      Est-ce une question ?

      Un paragraphe.

      Vrai intertitre

      Le dernier paragraphe.
      """)
    #expect(article.sections.map(\.heading.title.text) == ["Vrai intertitre"])
  }

  @Test func aDozenWordsIsTheLongestHeading() {
    let twelve = "Un deux trois quatre cinq six sept huit neuf dix onze douze"
    let article = Article.plainText("Le titre de l'article\n\nLe chapeau.\n\n\(twelve)\n\nTexte.\n\n\(twelve) treize\n\nTexte.")
    #expect(article.sections.map(\.heading.title.text) == [twelve])
  }

  @Test func aShortLineMustStandAloneAndBeFollowedByAParagraph() {
    let article = Article.plainText(
      """
      Le titre de l'article

      Le chapeau.

      Deux lignes courtes
      dans le même bloc

      Un paragraphe.

      Suivi d'un autre intertitre

      Intertitre suivant

      Un paragraphe.

      En dernière ligne
      """)
    #expect(article.sections.map(\.heading.title.text) == ["Intertitre suivant"])
    #expect(article.blocks.last?.kind == .paragraph)
  }

  @Test func theStandfirstIsNeverAHeadingEvenWhenShort() {
    let article = Article.plainText("Le titre de l'article\n\nUn chapeau court\n\nLe premier paragraphe.")
    #expect(article.sections.isEmpty)
    #expect(article.standfirst.map { article.text(of: $0.range) } == "Un chapeau court")
  }

  @Test func aStandfirstRightUnderTheHeadlineIsRead() {
    let article = Article.plainText("Le titre de l'article\nLe chapeau suit sans ligne vide.\n\nLe texte.")
    #expect(article.headline?.title.text == "Le titre de l'article")
    #expect(article.standfirst.map { article.text(of: $0.range) } == "Le chapeau suit sans ligne vide.")
  }

  @Test func withoutATitleLikeLineEverythingIsParagraphs() {
    let article = Article.plainText("une note en minuscules, sans titre.\n\ndeuxième paragraphe.")
    #expect(article.headline == nil)
    #expect(article.kicker == nil)
    #expect(article.blocks.map(\.kind) == [.paragraph, .paragraph])
  }

  @Test func aBoilerplateWordIsNeverTheKicker() {
    let article = Article.plainText("Advertisement\nInternational\nMonde\n\nLe titre de l'article\n\nLe texte.")
    #expect(article.kicker?.text == "International")
    #expect(article.blocks.prefix(3).map(\.kind) == [.boilerplate, .kicker, .boilerplate])
    #expect(article.headline?.title.text == "Le titre de l'article")
  }

  @Test func aKickerCountsAsOneWordOfTheArticle() {
    let article = Article.plainText("Sport\n\nLe titre de l'article\n\nLe texte.")
    #expect(article.kicker?.text == "Sport")
    #expect(article.blocks.first?.kind == .kicker)
    #expect(article.wordCount == 7)
  }
}
