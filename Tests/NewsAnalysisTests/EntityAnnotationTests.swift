import NewsAnalysis
import TestSupport
import Testing

/// Pandoc bracketed spans that name an entity: the surface text is prose, the markup is not, and
/// the attributes are read.
@Suite struct EntityAnnotationTests {
  static let marked = extractMarkers(
    """
    1️⃣[2️⃣Vladimir Poutine3️⃣]{.person}4️⃣ a reçu 5️⃣[6️⃣Loukachenko7️⃣]{#alexandre-loukachenko}8️⃣ \
    à 9️⃣[0️⃣Moscou🔟]{#moscou .place wikidata=Q649}#️⃣.
    """)

  @Test func eachFormOfAnnotationIsRead() {
    let article = Article.markdown(Self.marked.text)
    #expect(article.problems == [])
    #expect(article.annotations.map(\.surface.text) == ["Vladimir Poutine", "Loukachenko", "Moscou"])
    #expect(article.annotations.map(\.type) == [.person, nil, .place])
    #expect(article.annotations.map(\.id) == [nil, "alexandre-loukachenko", "moscou"])
    #expect(article.annotations.map(\.attributes) == [[:], [:], ["wikidata": "Q649"]])
  }

  @Test func rangesCoverTheMarkupAndTheSurfaceExactly() {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    #expect(article.annotations.map(\.range) == [marked.range("1️⃣", "4️⃣"), marked.range("5️⃣", "8️⃣"), marked.range("9️⃣", "#️⃣")])
    #expect(article.annotations.map(\.surface.range) == [marked.range("2️⃣", "3️⃣"), marked.range("6️⃣", "7️⃣"), marked.range("0️⃣", "🔟")])
  }

  @Test func theSurfaceIsProseAndTheMarkupIsNot() {
    let marked = Self.marked
    let article = Article.markdown(marked.text)
    #expect(article.wordTexts == ["Vladimir", "Poutine", "a", "reçu", "Loukachenko", "à", "Moscou"])
    #expect(article.isProse(marked.range("2️⃣", "3️⃣")))
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.isNonProse(marked.range("🔟", "#️⃣")))
    #expect(article.blocks[0].wordCount == 7)
  }

  @Test(arguments: EntityType.allCases)
  func everyEntityTypeIsKnown(type: EntityType) {
    let article = Article.markdown("Avec [Nom]{.\(type.rawValue)}.")
    #expect(article.problems == [])
    #expect(article.annotations.map(\.type) == [type])
  }

  @Test func attributesMayComeInAnyOrderWithQuotedValues() throws {
    let article = Article.markdown(
      #"Le roman [Guerre et Paix]{wikidata=Q161531 .work titre="Война и мир" note="a } b" #guerre-et-paix}."#)
    #expect(article.problems == [])
    let annotation = try #require(article.annotations.first)
    #expect(annotation.surface.text == "Guerre et Paix")
    #expect(annotation.type == .work)
    #expect(annotation.id == "guerre-et-paix")
    #expect(annotation.attributes == ["wikidata": "Q161531", "titre": "Война и мир", "note": "a } b"])
  }

  @Test func anAnnotationMayWrapInsideAParagraph() {
    let marked = extractMarkers("Le président 1️⃣[2️⃣Alexandre\nLoukachenko3️⃣]{.person}4️⃣ a parlé.")
    let article = Article.markdown(marked.text)
    #expect(article.annotations.map(\.range) == [marked.range("1️⃣", "4️⃣")])
    #expect(article.annotations.first?.surface.text == "Alexandre\nLoukachenko")
  }

  @Test func annotationsAreReadInHeadingsQuotesListsAndTheTitle() {
    let article = Article.markdown(
      """
      ---
      title: [Cherki]{.person} à City
      ---

      # [Rayan Cherki]{#rayan-cherki .person} rejoint [Manchester City]{.organization}

      > « Un rêve », dit [Cherki]{.person}.

      - [Lyon]{.place}
      """)
    #expect(article.problems == [])
    #expect(article.annotations.map(\.surface.text) == ["Cherki", "Rayan Cherki", "Manchester City", "Cherki", "Lyon"])
    #expect(article.headline?.title.text == "[Rayan Cherki]{#rayan-cherki .person} rejoint [Manchester City]{.organization}")
    #expect(article.outline.first?.title == "Rayan Cherki rejoint Manchester City", "the outline shows the text a reader sees")
  }

  @Test func aFormattingSpanIsNeitherAnEntityNorAProblem() {
    let article = Article.markdown("En [petites capitales]{.smallcaps} et [souligné]{.underline}.")
    #expect(article.annotations.isEmpty)
    #expect(article.problems.isEmpty)
    #expect(article.wordTexts == ["En", "petites", "capitales", "et", "souligné"])
  }

  @Test func bracketsWithoutAttributesAreText() {
    let article = Article.markdown("Il a dit [sic] et [Moscou] {.place}.")
    #expect(article.annotations.isEmpty)
    #expect(article.problems.isEmpty)
    #expect(article.wordTexts == ["Il", "a", "dit", "sic", "et", "Moscou", "place"])
  }

  @Test func anEmojiBeforeAnAnnotationDoesNotShiftItsRanges() {
    let marked = extractMarkers("🔵 Été : 1️⃣[2️⃣Élisabeth Borne3️⃣]{.person}4️⃣ 🔵 parle.")
    let article = Article.markdown(marked.text)
    #expect(article.annotations.first?.range == marked.range("1️⃣", "4️⃣"))
    #expect(article.annotations.first?.surface.range == marked.range("2️⃣", "3️⃣"))
    #expect(article.annotations.first?.surface.text == "Élisabeth Borne")
  }
}
