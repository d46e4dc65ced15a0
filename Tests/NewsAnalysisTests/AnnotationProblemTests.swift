import NewsAnalysis
import TestSupport
import Testing

/// A malformed or unknown annotation is an error with a clear message and a stable rule id, on the
/// exact markup at fault; it never crashes and is never silently ignored.
@Suite struct AnnotationProblemTests {
  struct Case: Sendable, CustomTestStringConvertible {
    /// A paragraph with the faulty markup between `1️⃣` and `2️⃣`.
    var marked: String
    var rule: String
    var message: String
    var testDescription: String { marked }
  }

  static let cases: [Case] = [
    Case(
      marked: "Le président 1️⃣[Poutine]{.persn}2️⃣ parle.", rule: "annotation-type",
      message: "Unknown entity type '.persn' (did you mean .person?); use one of .person, .organization, .place, .event, .work, .other."),
    Case(
      marked: "La 1️⃣[FNSEA]{.organisation}2️⃣ manifeste.", rule: "annotation-type",
      message: "Unknown entity type '.organisation' (did you mean .organization?); use one of .person, .organization, .place, .event, .work, .other."),
    Case(
      marked: "À 1️⃣[Lyon]{.loc}2️⃣.", rule: "annotation-type",
      message: "Unknown entity type '.loc' (did you mean .place?); use one of .person, .organization, .place, .event, .work, .other."),
    Case(
      marked: "Un 1️⃣[chat]{.animal}2️⃣.", rule: "annotation-type",
      message: "Unknown entity type '.animal'; use one of .person, .organization, .place, .event, .work, .other."),
    Case(
      marked: "1️⃣[Washington]{.person .place}2️⃣ répond.", rule: "annotation-type",
      message: "Annotation has two entity types, .person and .place: keep one."),
    Case(
      marked: "1️⃣[Kiev]{#kyiv #kiev .place}2️⃣ résiste.", rule: "annotation-syntax",
      message: "Annotation has two ids, #kyiv and #kiev: keep one."),
    Case(
      marked: "1️⃣[Moscou]{}2️⃣ se tait.", rule: "annotation-syntax",
      message: "Empty annotation: give an id (#name) or a type (.person, .place…)."),
    Case(
      marked: "1️⃣[Moscou]{# .place}2️⃣ se tait.", rule: "annotation-syntax", message: "Empty id after '#' in the annotation."),
    Case(
      marked: "1️⃣[Moscou]{#moscou .}2️⃣ se tait.", rule: "annotation-syntax", message: "Empty type after '.' in the annotation."),
    Case(
      marked: "1️⃣[Moscou]{place}2️⃣ se tait.", rule: "annotation-syntax",
      message: "Unexpected 'place' in the annotation: use #id, .type or key=value."),
    Case(
      marked: "1️⃣[Moscou]{.place note=\"sans fin}2️⃣ se tait.", rule: "annotation-syntax",
      message: "Unclosed quote in the value of 'note'."),
    Case(
      marked: "Texte 1️⃣[Poutine]{.person #vladimir-poutine2️⃣\nsuite.", rule: "annotation-syntax",
      message: "Annotation attributes are not closed: '}' is missing."),
    Case(
      marked: "Le [[Vladimir]{.person} Poutine1️⃣]{.person}2️⃣ parle.", rule: "annotation-syntax",
      message: "Annotation attributes without a matching '[': nested annotations are not supported."),
    Case(
      marked: "Vide : 1️⃣[]{.person}2️⃣.", rule: "annotation-syntax",
      message: "Annotation without text: write the name inside the brackets."),
    Case(
      marked: "Blanc : 1️⃣[\u{A0} ]{.person}2️⃣.", rule: "annotation-syntax",
      message: "Annotation without text: write the name inside the brackets."),
  ]

  @Test(arguments: cases)
  func eachFaultIsReportedOnItsMarkup(fault: Case) throws {
    let marked = extractMarkers(fault.marked)
    let article = Article.markdown(marked.text)
    let problem = try #require(article.problems.first)
    #expect(article.problems.count == 1, "\(article.problems)")
    #expect(problem.rule == fault.rule)
    #expect(problem.message == fault.message)
    #expect(problem.range == marked.range("1️⃣", "2️⃣"), "\(visible(article.text(of: problem.range)))")
  }

  @Test(arguments: cases)
  func theFaultyMarkupStaysOutOfTheProse(fault: Case) {
    let marked = extractMarkers(fault.marked)
    let article = Article.markdown(marked.text)
    for token in article.tokens where token.kind == .word {
      let word = article.text(of: token.range)
      #expect(!["person", "persn", "organisation", "loc", "animal", "place", "kyiv", "kiev", "moscou", "vladimir-poutine", "note", "sans", "fin"].contains(word), "\(word)")
    }
  }

  @Test func problemsBecomeErrorFindings() {
    let article = Article.markdown("[A]{.persn} et [B]{}")
    #expect(article.markupFindings.map(\.severity) == [.error, .error])
    #expect(article.markupFindings.map(\.rule) == ["annotation-type", "annotation-syntax"])
    #expect(article.markupFindings.map(\.range) == article.problems.map(\.range))
    #expect(article.markupFindings.map(\.message) == article.problems.map(\.message))
  }

  @Test func anAnnotationWithAnUnknownTypeStillMarksItsMention() {
    let article = Article.markdown("[Poutine]{#vladimir-poutine .persn}")
    #expect(article.annotations.map(\.id) == ["vladimir-poutine"])
    #expect(article.annotations.map(\.type) == [nil])
  }

  @Test func anUnclosedAnnotationDoesNotSwallowTheNextOne() {
    let marked = extractMarkers("1️⃣[Poutine]{.person2️⃣ rencontre 3️⃣[Macron]{.person}4️⃣.")
    let article = Article.markdown(marked.text)
    #expect(article.problems.map(\.range) == [marked.range("1️⃣", "2️⃣")])
    #expect(article.annotations.map(\.range) == [marked.range("3️⃣", "4️⃣")])
    #expect(article.wordTexts == ["Poutine", "rencontre", "Macron"], "the words after the attributes are text again")
  }

  @Test func faultsEveryWhereInOneParagraphAreAllReported() {
    let article = Article.markdown("[A]{.persn} [B]{.person .place} [C]{#a #b} [D]{} []{.person} [E]{.person")
    #expect(article.problems.map(\.rule) == [
      "annotation-type", "annotation-type", "annotation-syntax", "annotation-syntax", "annotation-syntax",
      "annotation-syntax",
    ])
  }

  /// Text typed in an editor is often cut short: a backslash or a bracket at the very end must not
  /// read past it, and an annotation left open is still reported.
  @Test(arguments: [
    ("Fin [X]{.person \\", ["annotation-syntax"]), ("Fin [X]{\\", ["annotation-syntax"]), ("Fin [X]{.", ["annotation-syntax"]),
    ("Fin [X]{#", ["annotation-syntax"]), ("Fin [X]{", ["annotation-syntax"]), ("Fin [X][ref\\", []), ("Fin <b\\", []),
    ("Fin ]{\\", []), ("Fin [", []), ("Fin ]{", []), ("Fin `", []), ("Fin <!--", []), ("Fin ![", []),
  ])
  func textCutShortInsideMarkupIsReadSafely(text: String, rules: [String]) {
    let article = Article.markdown(text)
    #expect(article.problems.map(\.rule) == rules)
    #expect(article.annotations.isEmpty)
    #expect(article.wordTexts.first == "Fin")
  }
}
