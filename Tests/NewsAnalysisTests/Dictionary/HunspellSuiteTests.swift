import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Hunspell's own test suite (`../shared/hunspell-tests`, the 152 cases of its `make check`): for
/// each case, every word of NAME.good must be accepted and every word of NAME.wrong rejected, as
/// `hunspell -l` and `hunspell -G` do.
@Suite struct HunspellSuiteTests {
  /// Cases that need something Dateline's engine does not do, with the reason. Their words are
  /// still checked and counted, but their failures do not fail the test.
  static let unsupported: [String: String] = [:]

  static let folder = SharedFixtures.shared("hunspell-tests")

  /// The outcome of one case.
  struct Outcome {
    var name: String
    var goodWords = 0
    var wrongWords = 0
    var acceptedWrong: [String] = []
    var rejectedGood: [String] = []
    var loadError: String?
    var hasGood = false
    var hasWrong = false
  }

  static func read(_ name: String) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
    return [UInt8](data)
  }

  /// The words of a word file: its lines split at spaces and tabs.
  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == " " || $0 == "\t" })
      .map(String.init).filter { !$0.isEmpty }
  }

  static func run(_ name: String) -> Outcome {
    var outcome = Outcome(name: name)
    guard let affix = read(name + ".aff"), let dictionary = read(name + ".dic") else {
      outcome.loadError = "missing files"
      return outcome
    }
    let good = read(name + ".good")
    let wrong = read(name + ".wrong")
    outcome.hasGood = good != nil
    outcome.hasWrong = wrong != nil
    let loaded: HunspellDictionary
    do {
      loaded = try HunspellDictionary(affix: affix, dictionary: dictionary)
    } catch {
      outcome.loadError = error.description
      return outcome
    }
    // Hunspell's tests/test.sh reads every word file with `-i UTF-8`, whatever the dictionary's SET
    // (the files are UTF-8); Dateline's strings are Unicode anyway.
    func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
    for word in words(decode(good ?? [])) {
      outcome.goodWords += 1
      if !loaded.check(word) { outcome.rejectedGood.append(word) }
    }
    for word in words(decode(wrong ?? [])) {
      outcome.wrongWords += 1
      if loaded.check(word) { outcome.acceptedWrong.append(word) }
    }
    return outcome
  }

  @Test func everyCaseOfTheSuite() throws {
    let list = try #require(Self.read("TESTS.txt"), "the Hunspell test suite is missing from \(Self.folder.path)")
    let names = String(decoding: list, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    #expect(names.count == 152)
    var goodFiles = 0, goodPassing = 0, wrongFiles = 0, wrongPassing = 0
    var goodWords = 0, wrongWords = 0, failingWords = 0
    var report: [String] = []
    for name in names {
      let outcome = Self.run(name)
      let loadRefused = outcome.loadError != nil
      // A dictionary Hunspell cannot load either (a .dic without its word count) has empty word files.
      let refusedOK = loadRefused && outcome.goodWords == 0
      if outcome.hasGood {
        goodFiles += 1
        if outcome.rejectedGood.isEmpty && (!loadRefused || refusedOK) { goodPassing += 1 }
      }
      if outcome.hasWrong {
        wrongFiles += 1
        if outcome.acceptedWrong.isEmpty && (!loadRefused || refusedOK) { wrongPassing += 1 }
      }
      goodWords += outcome.goodWords
      wrongWords += outcome.wrongWords
      failingWords += outcome.rejectedGood.count + outcome.acceptedWrong.count
      var problems: [String] = []
      if let error = outcome.loadError, !refusedOK { problems.append("load error: \(error)") }
      if !outcome.rejectedGood.isEmpty { problems.append("good words rejected: \(outcome.rejectedGood)") }
      if !outcome.acceptedWrong.isEmpty { problems.append("wrong words accepted: \(outcome.acceptedWrong)") }
      guard !problems.isEmpty else { continue }
      if let reason = Self.unsupported[name] {
        report.append("  \(name) (unsupported: \(reason)): " + problems.joined(separator: "; "))
      } else {
        report.append("  \(name): " + problems.joined(separator: "; "))
        Issue.record("\(name): \(problems.joined(separator: "; "))")
      }
    }
    print("""
      Hunspell suite: \(names.count) cases; .good files passing \(goodPassing)/\(goodFiles), \
      .wrong files passing \(wrongPassing)/\(wrongFiles); \(failingWords) of \(goodWords + wrongWords) words \
      fail (\(goodWords) good, \(wrongWords) wrong); unsupported: \
      \(Self.unsupported.keys.sorted().joined(separator: ", ").isEmpty ? "none" : Self.unsupported.keys.sorted().joined(separator: ", "))
      """)
    if !report.isEmpty { print(report.joined(separator: "\n")) }
  }
}
