import NewsAnalysis
import TestSupport
import Testing

/// Spelling, glued, split and repeated words as a journalist sees them, on small dictionaries.
@Suite struct WordCheckTests {
  private func check(_ text: String, settings: DatelineSettings = DatelineSettings(), words: [String] = []) -> [String] {
    CheckFixtures.summary(text, CheckFixtures.findings(text, settings: settings, words: words))
  }

  private let french = "---\nlang: fr\n---\n\n"

  @Test func gluedWordsSplitIntoKnownWords() {
    #expect(check(french + "Chaque jour la laguerre.") == ["glued-words: laguerre → la guerre"])
    #expect(check(french + "Le président sur la base, surla base.") == ["glued-words: surla → sur la"])
    #expect(check(french + "Chaque jour, laRussieentraîne ses voisins.")
      .first == "glued-words: laRussieentraîne → la Russie entraîne")
    #expect(check(french + "Le président Vladimirpoutine est à Moscou.") == ["glued-words: Vladimirpoutine → Vladimir Poutine"])
    #expect(check(french + "Des analystes et desanalystes.") == ["glued-words: desanalystes → des analystes"])

  }

  @Test func afterAFunctionWordTheRestIsOneWordRatherThanShortPieces() {
    // With the bundled French dictionary, `laregion` also splits as `la reg ion`.
    let setup = CheckSetup(dictionaries: [CheckFixtures.bundledFrench])
    let text = french + "Le président de laregion est à Quimper."
    let findings = ArticleChecker(setup: setup).findings(for: Article.parse(text, format: .markdown))
    #expect(CheckFixtures.summary(text, findings) == ["glued-words: laregion → la région"])
  }

  @Test func splitWordsJoin() {
    #expect(check(french + "Le gou vernement est à Moscou.") == ["split-word: gou vernement → gouvernement"])
  }

  @Test func repeatedWordsButNotReflexivePronouns() {
    #expect(check(french + "Le président de de la Russie.") == ["repeated-word: de de → de"])
    #expect(check(french + "Nous nous sommes à Moscou.").filter { $0.hasPrefix("repeated") }.isEmpty)
    #expect(check("---\nlang: en\n---\n\nWe are at the the beginning.") == ["repeated-word: the the → the"])
  }

  @Test func namesAcronymsNumbersAndMarkupAreNotFlagged() {
    let text = french + """
      Le président Loukachenko est à Moscou avec l'OTAN, le G7 et 1 200 missiles : voir https://exemple.org/guerre-x \
      ou écrire à presse@exemple.org, `codex`, <!-- brouillonx --> et [Artiom Schreibmann]{.person}.
      """
    #expect(check(text).filter { $0.hasPrefix("spelling") }.isEmpty, "\(check(text))")
  }

  @Test func anAnnotatedNameIsKnownEverywhereInTheArticle() {
    let text = french + "Le président [Zelensky]{.person} est à Kiev. Zelensky est à Moscou."
    #expect(check(text).isEmpty)
  }

  @Test func aParagraphWrittenTwiceIsReportedInEachCopy() {
    // With a cache, a repeated block is checked once and its findings moved to each copy.
    let paragraph = "Le président de de la laguerre."
    let text = french + [paragraph, paragraph, "Le président est à Moscou.", paragraph].joined(separator: "\n\n")
    let setup = CheckSetup(dictionaries: [CheckFixtures.miniFrench, CheckFixtures.miniEnglish], settings: DatelineSettings())
    let findings = ArticleChecker(setup: setup).findings(for: Article.parse(text, format: .markdown), cache: CheckCache())
    let once = ["repeated-word: de de → de", "glued-words: laguerre → la guerre"]
    #expect(CheckFixtures.summary(text, findings) == once + once + once)
    #expect(Set(findings.map(\.range)).count == 6)
  }

  @Test func settingsTurnRulesOffAndChangeSeverities() {
    let text = french + "Le président de de la laguerre."
    let off = CheckFixtures.findings(text, settings: DatelineSettings(rules: ["repeated-word": "off"]))
    #expect(off.map(\.rule) == ["glued-words"])
    let errors = CheckFixtures.findings(text, settings: DatelineSettings(rules: ["glued-words": "error"]))
    #expect(errors.first { $0.rule == "glued-words" }?.severity == .error)
    #expect(errors.first { $0.rule == "repeated-word" }?.severity == .warning)
  }

  @Test func ignoredAndWorkspaceWordsAreAccepted() {
    let text = french + "Le président zorglub est à Moscou."
    #expect(check(text).count == 1)
    #expect(check(text, settings: DatelineSettings(ignoredWords: ["zorglub"])).isEmpty)
    #expect(check(text, words: ["zorglub"]).isEmpty)
  }

  @Test func anEnglishQuoteInAFrenchArticleIsCheckedInEnglish() {
    let text = french + "Le président a dit : « We are at the beginning of a new industrial revolution ». Chaque jour."
    #expect(check(text).isEmpty, "\(check(text))")
    let typo = french + "Le président a dit : « We are at the beginning of a new industrial producton revolution »."
    #expect(check(typo).contains { $0.hasPrefix("spelling: producton") }, "\(check(typo))")
  }
}
