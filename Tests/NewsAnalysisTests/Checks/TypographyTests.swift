import NewsAnalysis
import TestSupport
import Testing

/// Spaces, marks and quotation marks, as the `typography` and `french-spacing` rules report them:
/// `rule: flagged text → first replacement`.
@Suite struct TypographyTests {
  private let french = "---\nlang: fr\n---\n\n"
  private let english = "---\nlang: en\n---\n\n"
  private let nbsp = "\u{A0}"
  private let narrow = "\u{202F}"

  private func typography(_ text: String, format: ArticleFormat = .markdown) -> [String] {
    let findings = CheckFixtures.findings(text, format: format)
      .filter { $0.rule == "typography" || $0.rule == "french-spacing" }
    return CheckFixtures.summary(text, findings)
  }

  @Test func twoSpacesBetweenWordsBecomeOne() {
    #expect(typography(english + "The fire  spread fast.") == ["typography:    →  "])
    #expect(typography(french + "Le feu   avance.") == ["typography:     →  "])
  }

  @Test func spacesAtLineEndsAndIndentationAreNotTypos() {
    // Two spaces before a line break are a Markdown hard break; an indented line is layout.
    #expect(typography(english + "The fire spread.  \n  Then it stopped.").isEmpty)
    #expect(typography(english + "> The fire spread,\n>   they said.").isEmpty)
  }

  @Test func spacesThatAlignTableCellsAreLayout() {
    #expect(typography(english + "| Name  | Votes |\n| ----- | ----- |\n| Modi  | 240   |\n").isEmpty)
  }

  @Test func aSpaceBeforeACommaGoes() {
    #expect(typography(english + "The fire , they said, spread.") == ["typography:  , → ,"])
    #expect(typography(french + "Le feu , dit-on, avance.") == ["typography:  , → ,"])
  }

  @Test func englishTakesNoSpaceBeforeColonsSemicolonsAndMarks() {
    #expect(typography(english + "It spread ; then it stopped : why ?") == [
      "typography:  ; → ;", "typography:  : → :", "typography:  ? → ?",
    ])
  }

  @Test func aFullStopOrCommaGluedToTheNextWordGetsItsSpace() {
    #expect(typography(english + "The fire spread.Nobody was hurt.") == ["typography: . → . "])
    #expect(typography(french + "Il pleuvait à Paris,Lyon aussi.") == ["typography: , → , "])
  }

  @Test func initialsAbbreviationsNumbersAndAddressesKeepTheirDots() {
    let text = english + """
      M.Dupont met J.R. Smith in the U.S. at 10.30 on 1,200.50 dollars; see example.org or \
      Node.JS and ASP.Net; write to presse@exemple.org.
      """
    #expect(typography(text).isEmpty, "\(typography(text))")
  }

  @Test func doubledMarksAndAnExtraParenthesis() {
    #expect(typography(english + "Pacific Gas and Electric (PG&E)) said it.") == ["typography: )) → )"])
    #expect(typography(english + "It spread,, they said.") == ["typography: ,, → ,"])
    // Balanced nesting is fine.
    #expect(typography(english + "It spread (near the park (north)) today.").isEmpty)
  }

  @Test func frenchTakesANoBreakSpaceBeforeHighMarksAndInsideGuillemets() {
    #expect(typography(french + "Il a dit: non.") == ["french-spacing: : → \(nbsp):"])
    #expect(typography(french + "Vraiment; non! Pourquoi?") == [
      "french-spacing: ; → \(narrow);", "french-spacing: ! → \(narrow)!", "french-spacing: ? → \(narrow)?",
    ])
    #expect(typography(french + "Il a dit «non » puis « oui».") == [
      "french-spacing: « → «\(nbsp)", "french-spacing: » → \(nbsp)»",
    ])
  }

  @Test func frenchSpacingAlreadyThereIsRight() {
    let text = french + "Il a dit\(nbsp): «\(nbsp)non\(nbsp)». Vraiment\(narrow)? Oui\(narrow)! Ah ; bon : 10:30, 2\(nbsp)%.\n"
    #expect(typography(text).isEmpty, "\(typography(text))")
  }

  @Test func anEnglishQuotationInAFrenchArticleKeepsEnglishSpacing() {
    let text = french + "Le patron a dit\(nbsp): «\(nbsp)What is the demand telling us? It is telling us that we are at the beginning.\(nbsp)»"
    #expect(typography(text).isEmpty, "\(typography(text))")
  }

  @Test func quotationMarksThatDoNotPair() {
    #expect(typography(french + "Il a dit «\(nbsp)ils ont menti\", puis il est parti.") == [
      "typography: \" → \(nbsp)»"
    ])
    #expect(typography(english + "\"This is a vote,” he said.") == ["typography: ” → \""])
    #expect(typography(english + "“This is a vote,\" he said.") == ["typography: \" → ”"])
    #expect(typography(english + "\"This is a vote,\" he said, “and a test.”").isEmpty)
  }

  @Test func aQuotationOpenAtTheEndOfAParagraphIsNotAnError() {
    // A quotation running over several paragraphs opens each one and closes only the last.
    #expect(typography(french + "«\(nbsp)Premier paragraphe.\n\n«\(nbsp)Second paragraphe.\(nbsp)»").isEmpty)
  }

  @Test func markupBetweenWordsIsNotSpacing() {
    let text = english + "The [Pacific Gas]{.organization} , said `a  b` and [link](https://a.b/c)  today."
    #expect(typography(text) == ["typography:  , → ,", "typography:    →  "])
  }

  @Test func theRulesCanBeTurnedOff() {
    let text = french + "Il a dit: non  merci."
    let settings = DatelineSettings(rules: ["typography": "off", "french-spacing": "hint"])
    let findings = CheckFixtures.findings(text, settings: settings).filter { $0.rule != "spelling" }
    #expect(findings.map(\.rule) == ["french-spacing"])
    #expect(findings.first?.severity == .hint)
  }
}
