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
    let words = WordListGenerator.differentialList(language: language, affix: affix, dictionary: dictionary)
    #expect(words.count >= (language == "fr" ? 200_000 : 100_000))

    let clock = ContinuousClock()
    var rejected: Set<String> = []
    let referenceTime = try clock.measure {
      let reference = try HunspellReference(executable: hunspell, affix: affix, dictionary: dictionary, name: language)
      rejected = try reference.rejected(words.map(\.text))
    }
    var engine: HunspellDictionary?
    let loadTime = try clock.measure { engine = try HunspellDictionary(affix: affix, dictionary: dictionary) }
    let checker = try #require(engine)
    var report: DifferentialReport?
    let checkTime = clock.measure {
      report = DifferentialReport(
        name: "engine against hunspell, \(language)", words: words, referenceRejected: rejected, check: checker.check)
    }
    let result = try #require(report)
    print(result)
    print("\(language): hunspell \(referenceTime) for \(words.count) words; engine loads in \(loadTime), checks them in \(checkTime)")
    #expect(result.agreement >= 0.999, "\(result)")
  }
}
