import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Dateline's Hunspell engine against the `hunspell` command, word for word: over 200,000 French and
/// 100,000 English words (real forms of the bundled dictionaries, typos made from them, the words of
/// the shared articles), the two must agree on at least 99.9 %. The disagreements are printed (the
/// first 50, with counts by kind of word). Without hunspell the test skips locally and fails under CI.
///
/// The lists and hunspell's verdicts come from TestSupport (`WordListGenerator`, `HunspellReference`),
/// whose own test (`HunspellReferenceTests`) checks that hunspell agrees with itself over them.
@Suite(.serialized) struct DifferentialTests {
  @Test(HunspellReference.tool.enabled, arguments: ["fr", "en_US"])
  func theEngineAgreesWithHunspell(language: String) throws {
    let hunspell = try HunspellReference.tool.require()
    let bundled = try #require(BundledDictionaries.dictionary(for: language))
    let affix = bundled.affix
    let dictionary = bundled.dictionary
    let lists = try DifferentialFixture.lists(language: language, affix: affix, dictionary: dictionary, hunspell: hunspell)
    let words = lists.words
    #expect(words.count >= (language == "fr" ? 200_000 : 100_000))

    let clock = ContinuousClock()
    var engine: HunspellDictionary?
    let loadTime = try clock.measure { engine = try HunspellDictionary(affix: affix, dictionary: dictionary) }
    let checker = try #require(engine)
    var report: DifferentialReport?
    let checkTime = clock.measure {
      report = DifferentialReport(
        name: "engine against hunspell, \(language)", words: words, referenceRejected: lists.rejected, check: checker.check)
    }
    let result = try #require(report)
    print(result)
    print("\(language): \(words.count) words made in \(lists.generation), hunspell took \(lists.referenceRun); engine loads in \(loadTime), checks them in \(checkTime)")
    #expect(result.agreement >= 0.999, "\(result)")
  }
}
