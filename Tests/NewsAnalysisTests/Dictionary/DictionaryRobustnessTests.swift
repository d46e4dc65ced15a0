import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Junk must never crash the engine: every dictionary of Hunspell's test folder (the fuzzing cases
/// that are not in its suite included) is loaded and asked about words, and so are dictionaries
/// made of shuffled directives and random bytes. A load may fail with a `DictionaryError`; nothing
/// else may happen.
@Suite struct DictionaryRobustnessTests {
  @Test func everyDictionaryOfHunspellsFolderLoadsOrFailsCleanly() throws {
    let folder = HunspellSuiteTests.folder
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".aff") }.map { String($0.dropLast(4)) }.sorted()
    var loaded = 0
    var refused: [String] = []
    for name in names {
      guard let affix = HunspellSuiteTests.read(name + ".aff"), let dic = HunspellSuiteTests.read(name + ".dic") else {
        continue
      }
      let dictionary: HunspellDictionary
      do {
        dictionary = try HunspellDictionary(affix: affix, dictionary: dic)
      } catch {
        refused.append("\(name): \(error)")
        continue
      }
      loaded += 1
      var words: [String] = []
      for suffix in [".good", ".wrong", ".sug"] {
        words += HunspellSuiteTests.words(String(decoding: HunspellSuiteTests.read(name + suffix) ?? [], as: UTF8.self))
      }
      words += ["", " ", ".", "...", "'", "-", "--", "x-", "-x", "ÉTÉ", "İİ", "ß", "\u{0301}", "a\u{0000}b",
                String(repeating: "a", count: 400), String(repeating: "é", count: 120)]
      for word in words {
        _ = dictionary.check(word)
        _ = dictionary.morphology(of: word)
      }
    }
    print("Hunspell folder: \(loaded) of \(names.count) dictionaries loaded; refused: \(refused)")
    #expect(loaded >= 152)
  }

  /// A dictionary pair made of real directives shuffled, cut and sprinkled with random bytes.
  static func junk(_ random: inout SplitMix64) -> (affix: [UInt8], dictionary: [UInt8]) {
    let pieces = [
      "SET UTF-8", "SET ISO8859-1", "SET ISO8859-2", "FLAG long", "FLAG num", "FLAG UTF-8", "COMPLEXPREFIXES",
      "PFX A Y 2", "PFX A 0 re .", "PFX A e ex [^aeiou]", "SFX B N 1", "SFX B y ies [^aeiou]y", "SFX B 0 s/A .",
      "SFX C Y 3", "SFX C 0 0/BD .", "COMPOUNDFLAG X", "COMPOUNDMIN 1", "COMPOUNDRULE 2", "COMPOUNDRULE A*B?",
      "COMPOUNDRULE (X)(Y)*", "CHECKCOMPOUNDPATTERN 1", "CHECKCOMPOUNDPATTERN a b c", "CHECKCOMPOUNDTRIPLE",
      "SIMPLIFIEDTRIPLE", "CHECKCOMPOUNDCASE", "CHECKCOMPOUNDDUP", "CHECKCOMPOUNDREP", "REP 1", "REP a e",
      "ICONV 1", "ICONV _a b_", "IGNORE ai", "BREAK 2", "BREAK -", "BREAK ^.", "AF 1", "AF AB", "AM 1", "AM po:x",
      "KEEPCASE K", "NEEDAFFIX N", "ONLYINCOMPOUND O", "CIRCUMFIX Z", "FORBIDDENWORD F", "FULLSTRIP",
      "CHECKSHARPS", "LANG tr", "LANG hu_HU", "COMPOUNDSYLLABLE 3 aeiou", "COMPOUNDWORDMAX 2",
      "COMPOUNDPERMITFLAG P", "COMPOUNDFORBIDFLAG Q", "COMPOUNDBEGIN X", "COMPOUNDEND Y", "FORCEUCASE U", "WARN W",
      "FORBIDWARN", "MAP 1", "MAP a(bc)d", "PHONE 1", "PHONE A B",
    ]
    var affix: [UInt8] = []
    for _ in 0..<random.below(40) {
      affix += Array(pieces[random.below(pieces.count)].utf8)
      if random.chance(10) { affix.append(UInt8(truncatingIfNeeded: random.next())) }
      affix.append(random.chance(5) ? 0x0D : 0x0A)
    }
    if random.chance(10) && !affix.isEmpty { affix.removeLast(random.below(affix.count)) }
    var dictionary = Array((random.chance(90) ? "\(random.below(50))\n" : "junk\n").utf8)
    let stems = ["a", "ab", "abc", "xy", "é", "ÉTÉ", "foo", "bar", "baz", "ss", "İ", "word/", "/x", "a\\/b"]
    for _ in 0..<random.below(30) {
      dictionary += Array(stems[random.below(stems.count)].utf8)
      if random.chance(60) {
        dictionary.append(UInt8(ascii: "/"))
        for _ in 0..<random.below(6) { dictionary.append(UInt8(ascii: "A") + UInt8(random.below(26))) }
      }
      if random.chance(20) { dictionary += Array(" po:noun is:x".utf8) }
      if random.chance(5) { dictionary.append(UInt8(truncatingIfNeeded: random.next())) }
      dictionary.append(0x0A)
    }
    return (affix, dictionary)
  }

  @Test func randomDictionariesNeverCrash() {
    var random = SplitMix64(seed: 0xD1C7)
    var loaded = 0
    for _ in 0..<300 {
      let (affix, dic) = Self.junk(&random)
      guard let dictionary = try? HunspellDictionary(affix: affix, dictionary: dic) else { continue }
      loaded += 1
      for word in ["a", "ab", "abc", "reabc", "abcs", "xyab", "foobar", "foobarbaz", "ÉTÉ", "été", "İa", "SS",
                   "a-b", "ab.", "x", "", "foo-bar-baz", "aaa", "abcabcabc"] {
        _ = dictionary.check(word)
        _ = dictionary.morphology(of: word)
      }
    }
    #expect(loaded > 100)
  }
}
