import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// The differential test's harness, checked before there is an engine to compare: hunspell against
/// itself over the full lists must agree on every word, every word must come back from hunspell as
/// itself (one token), and the lists must be what they claim (forms mostly words, typos mostly not).
@Suite(.serialized) struct HunspellReferenceTests {
  @Test(HunspellReference.tool.enabled, arguments: ["fr", "en_US"])
  func hunspellAgreesWithItselfOverTheDifferentialLists(language: String) throws {
    let hunspell = try HunspellReference.tool.require()
    let bundled = try #require(BundledDictionaries.dictionary(for: language))
    let lists = try DifferentialFixture.lists(
      language: language, affix: bundled.affix, dictionary: bundled.dictionary, hunspell: hunspell)
    let words = lists.words
    let texts = words.map(\.text)
    let rejected = lists.rejected
    var accepted: Set<String> = []
    let accepting = try ContinuousClock().measure { accepted = try lists.reference.accepted(texts) }
    print("\(language): \(words.count) words generated in \(lists.generation); hunspell -l \(lists.referenceRun), hunspell -G -l \(accepting)")

    // Each word comes back from exactly one of the two runs, as itself.
    #expect(Set(texts).count == texts.count, "the words are distinct")
    #expect(rejected.isDisjoint(with: accepted))
    let unaccounted = texts.filter { !rejected.contains($0) && !accepted.contains($0) }
    #expect(unaccounted.isEmpty, "not single tokens for hunspell: \(unaccounted.prefix(20))")
    let strays = rejected.union(accepted).subtracting(texts)
    #expect(strays.isEmpty, "hunspell printed what was not a word of the list: \(strays.prefix(20))")

    let report = DifferentialReport(
      name: "hunspell -l against hunspell -G -l, \(language)", words: words, referenceRejected: rejected,
      check: accepted.contains)
    print(report)
    #expect(report.disagreements.isEmpty)
    #expect(report.agreement == 1)
    #expect(words.count >= (language == "fr" ? 200_000 : 100_000))

    let forms = report.byOrigin["form"] ?? DifferentialReport.Counts()
    let typos = words.filter { !$0.isMeantCorrect }
    let typosRejected = typos.filter { rejected.contains($0.text) }.count
    #expect(Double(forms.referenceAccepts) >= 0.95 * Double(forms.words), "most forms are words: \(forms)")
    #expect(Double(typosRejected) >= 0.7 * Double(typos.count), "most typos are not: \(typosRejected) of \(typos.count)")
  }

  @Test func listsAreTheSameForTheSameSeed() throws {
    let bundled = try #require(BundledDictionaries.dictionary(for: "fr"))
    func list(_ seed: UInt64) -> [GeneratedWord] {
      WordListGenerator.make(affix: bundled.affix, dictionary: bundled.dictionary, correct: 1_000, misspelled: 1_000, seed: seed)
    }
    let first = list(7)
    #expect(first == list(7))
    #expect(first != list(8))
    #expect(first.count == 2_000)
    #expect(Set(first.map(\.origin)).isSuperset(of: ["form", "insert", "accent dropped", "glued", "hyphenated"]))
  }

  /// The quick random walk picks among the forms the full expansion lists.
  @Test(arguments: ["fr", "en_US"])
  func randomFormsAreAmongTheForms(language: String) throws {
    let bundled = try #require(BundledDictionaries.dictionary(for: language))
    let forms = HunspellWordForms(affix: bundled.affix, dictionary: bundled.dictionary)
    var random = SplitMix64(seed: 3)
    var picked = 0
    for _ in 0..<300 {
      let entry = forms.entries[random.below(forms.entries.count)]
      let all = Set(forms.forms(of: entry))
      let some = forms.randomForms(of: entry, count: 5, random: &random)
      picked += some.count
      #expect(Set(some).isSubset(of: all), "\(entry.word): \(Set(some).subtracting(all))")
    }
    #expect(picked > 400, "forms are found for most entries")
  }

  @Test func theTokenizerSplitsAsHunspellDoes() {
    let french = HunspellTokenizer(wordCharacters: Set("-’'1234567890.".unicodeScalars))
    #expect(french.tokens(in: "L’homme est-il là ? 2e, aujourd'hui.") == ["L’homme", "est-il", "là", "2e", "aujourd'hui."])
    let english = HunspellTokenizer(wordCharacters: Set("0123456789’".unicodeScalars))
    #expect(english.tokens(in: "Don't well-known 'quoted' 21st") == ["Don't", "well", "known", "quoted", "21st"])
    #expect(english.isOneToken("rock’n’roll"))
    #expect(!english.isOneToken("rock-n-roll"))
    #expect(!english.isOneToken("e\u{301}t\u{E9}"), "a combining accent is no letter for hunspell")
  }

  @Test func wordFormsFollowTheAffixRules() {
    let affix = """
      SET UTF-8
      FLAG long
      NEEDAFFIX ()
      FORBIDDENWORD {}
      PFX L' Y 2
      PFX L' 0 l' [aeiouh]
      PFX L' 0 L' [aeiouh]
      SFX S. Y 2
      SFX S. 0 0/L' .
      SFX S. 0 s/L' [^s]
      SFX Fe Y 1
      SFX Fe eur rice/S. teur
      SFX Vb N 2
      SFX Vb er ons er
      SFX Vb er ez/Z. er
      SFX Z. Y 1
      SFX Z. 0 -vous .

      """
    let dictionary = "5\nhomme/S.()\nacteur/S.()Fe\nchanter/Vb\ninterdit/{}\nzèbre\n"
    let forms = HunspellWordForms(affix: Array(affix.utf8), dictionary: Array(dictionary.utf8))
    #expect(forms.entries.map(\.word) == ["homme", "acteur", "chanter", "interdit", "zèbre"])
    func expanded(_ word: String) -> Set<String> { Set(forms.entries.first { $0.word == word }.map(forms.forms) ?? []) }
    #expect(expanded("homme") == ["homme", "hommes", "l'homme", "L'homme", "l'hommes", "L'hommes"])
    #expect(expanded("acteur") == [
      "acteur", "acteurs", "l'acteur", "L'acteur", "l'acteurs", "L'acteurs", "actrice", "actrices",
    ])
    #expect(expanded("chanter") == ["chanter", "chantons", "chantez", "chantez-vous"])
    #expect(expanded("interdit").isEmpty)
    #expect(expanded("zèbre") == ["zèbre"])
  }
}
