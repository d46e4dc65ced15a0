import NewsAnalysis
import TestSupport
import Testing

/// The blocks of a Markdown article besides headings: block quotes, list items, code, HTML comments
/// and thematic breaks, with what of them is prose.
@Suite struct MarkdownBlockTests {
  @Test func aBlockQuoteIsOneBlockWhoseMarkersAreNotProse() {
    let marked = extractMarkers("Il a dit :\n\n1️⃣> « Nous irons\n> jusqu'au bout »,\najoute-t-il.2️⃣\n\nFin.")
    let article = Article.markdown(marked.text)
    #expect(article.blocks.map(\.kind) == [.paragraph, .quote, .paragraph])
    let quote = article.blocks[1]
    #expect(quote.range == marked.range("1️⃣", "2️⃣"), "a line without > continues the quote")
    #expect(article.wordTexts == ["Il", "a", "dit", "Nous", "irons", "jusqu'", "au", "bout", "ajoute-t-il", "Fin"])
    #expect(quote.wordCount == 5)
    #expect(!article.tokenTexts.contains(">"))
    #expect(article.isNonProse(marked["1️⃣"]..<(marked["1️⃣"] + 1)))
  }

  @Test func bulletAndNumberedListItemsAreBlocksOfTheirOwn() {
    let article = Article.markdown(
      """
      Les revendications :

      - les salaires ;
      * la prime de travail,
        versée chaque mois ;
      + les effectifs.

      1. Premier point
      2) Second point
      """)
    #expect(article.blocks.map(\.kind) == [.paragraph] + Array(repeating: .listItem, count: 5))
    #expect(article.texts(of: .listItem)[1] == "* la prime de travail,\n  versée chaque mois ;")
    #expect(article.wordTexts.suffix(4) == ["Premier", "point", "Second", "point"])
    #expect(article.nonProseTexts == ["-", "*", "+", "1.", "2)"])
  }

  @Test func aWrappedLineStartingWithAYearStaysInItsParagraph() {
    let article = Article.markdown(
      """
      La Biélorussie a aboli sa neutralité, en vigueur depuis l'indépendance en
      1991. Les armes nucléaires sont arrivées.
      """)
    #expect(article.blocks.map(\.kind) == [.paragraph])
    #expect(article.wordTexts.contains("1991"))
  }

  @Test func aListStartingAtOneInterruptsAParagraph() {
    let article = Article.markdown("Les étapes :\n1. arriver\n2. repartir")
    #expect(article.blocks.map(\.kind) == [.paragraph, .listItem, .listItem])
  }

  @Test func fencedCodeIsNotProse() {
    let marked = extractMarkers("Avant.\n\n1️⃣```swift\nlet prix = \"1 200 €\"\n```2️⃣\n\n3️⃣~~~\nBrut ~~~ pas fini\n~~~~4️⃣\n\nAprès.")
    let article = Article.markdown(marked.text)
    #expect(article.blocks.map(\.kind) == [.paragraph, .code, .code, .paragraph])
    #expect(article.blocks[1].range == marked.range("1️⃣", "2️⃣"))
    #expect(article.blocks[2].range == marked.range("3️⃣", "4️⃣"), "a longer closing fence closes, text after ~~~ does not")
    #expect(article.wordTexts == ["Avant", "Après"])
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(!article.blocks[1].isProse)
  }

  @Test func anUnclosedFenceRunsToTheEnd() {
    let article = Article.markdown("Texte.\n\n```\ncode\n\n## Pas un titre")
    #expect(article.blocks.map(\.kind) == [.paragraph, .code])
    #expect(article.sections.isEmpty)
  }

  @Test func indentedCodeFollowsABlankLineButNotAParagraphLine() {
    let marked = extractMarkers("Un paragraphe\n    qui continue.\n\n1️⃣    let x = 1\n\n    let y = 2️⃣2\n\nFin.")
    let article = Article.markdown(marked.text)
    #expect(article.blocks.map(\.kind) == [.paragraph, .code, .paragraph])
    #expect(article.blocks[1].range == marked["1️⃣"]..<(marked["2️⃣"] + 1), "blank lines inside the code are part of it")
    #expect(article.wordTexts == ["Un", "paragraphe", "qui", "continue", "Fin"])
  }

  @Test func htmlCommentsAreNotProseInBlocksOrInline() {
    let marked = extractMarkers(
      """
      1️⃣<!-- Note de la rédaction :
      vérifier les chiffres -->2️⃣

      Le texte 3️⃣<!-- à relire -->4️⃣ continue.

      Un commentaire 5️⃣<!-- jamais fermé6️⃣
      """)
    let article = Article.markdown(marked.text)
    #expect(article.blocks.map(\.kind) == [.comment, .paragraph, .paragraph])
    #expect(article.blocks[0].range == marked.range("1️⃣", "2️⃣"))
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.isNonProse(marked.range("5️⃣", "6️⃣")), "an unclosed comment runs to the end of its block")
    #expect(article.wordTexts == ["Le", "texte", "continue", "Un", "commentaire"])
  }

  @Test(arguments: ["***", "---", "___", "- - -", " * * *", "_____"])
  func thematicBreaksAreNotProse(line: String) {
    let article = Article.markdown("Avant.\n\n\(line)\n\nAprès.")
    #expect(article.blocks.map(\.kind) == [.paragraph, .thematicBreak, .paragraph])
    #expect(article.wordTexts == ["Avant", "Après"])
    #expect(!article.blocks[1].isProse)
  }

  @Test func aSectionEndsWithItsLastBlockWhateverItsKind() {
    let marked = extractMarkers("# T\n\n1️⃣## Annexe\n\n> Citation\n> sur deux lignes.\n\n```\ncode\n```2️⃣\n")
    let article = Article.markdown(marked.text)
    #expect(article.sections.first?.range == marked.range("1️⃣", "2️⃣"))
    #expect(article.sections.first?.wordCount == 4)
  }
}
