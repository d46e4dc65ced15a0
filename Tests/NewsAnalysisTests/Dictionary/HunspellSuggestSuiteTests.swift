import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Hunspell's suggestion tests (`../shared/hunspell-tests`): for every case with a NAME.sug file,
/// the suggestions for the words of NAME.wrong, compared as Hunspell's `tests/test.sh` compares
/// them: `hunspell -a` prints an `&` line for each rejected word that gets at least one suggestion,
/// the suggestions joined by ", "; the lines must equal NAME.sug (trailing newlines aside, as the
/// shell's `$(…)` drops them). Dateline's re-ranking must keep at least 70 % of the files exact.
@Suite struct HunspellSuggestSuiteTests {
  static let folder = HunspellSuiteTests.folder
  static let requiredShare = 0.7

  /// What the harness prints for one case: one line per rejected word with suggestions.
  static func lines(_ name: String, ranked: Bool) throws -> [String]? {
    guard let affix = HunspellSuiteTests.read(name + ".aff"), let dictionary = HunspellSuiteTests.read(name + ".dic"),
      let wrong = HunspellSuiteTests.read(name + ".wrong")
    else { return nil }
    let loaded = try HunspellDictionary(affix: affix, dictionary: dictionary)
    var lines: [String] = []
    for word in HunspellSuiteTests.words(String(decoding: wrong, as: UTF8.self)) where !loaded.check(word) {
      let suggestions = ranked ? loaded.suggest(word) : loaded.hunspellSuggestions(word)
      if !suggestions.isEmpty { lines.append(suggestions.joined(separator: ", ")) }
    }
    return lines
  }

  /// The case names with a `.sug` file, sorted.
  static func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sug") }
      .map { String($0.dropLast(4)) }.sorted()
  }

  /// The first line where two outputs differ, for the report.
  static func firstDifference(_ expected: [String], _ actual: [String]) -> String {
    for index in 0..<max(expected.count, actual.count) {
      let want = index < expected.count ? expected[index] : "(nothing)"
      let got = index < actual.count ? actual[index] : "(nothing)"
      if want != got { return "line \(index + 1): expected '\(want)', got '\(got)'" }
    }
    return "same"
  }

  static func expectedLines(_ name: String) -> [String] {
    var text = String(decoding: HunspellSuiteTests.read(name + ".sug") ?? [], as: UTF8.self)
    while text.hasSuffix("\n") { text.removeLast() }
    return text.isEmpty ? [] : text.components(separatedBy: "\n")
  }

  @Test func sugFilesMatch() throws {
    let names = try Self.names()
    try #require(!names.isEmpty, "the Hunspell test suite is missing from \(Self.folder.path)")
    let listed = Set(String(decoding: HunspellSuiteTests.read("TESTS.txt") ?? [], as: UTF8.self)
      .split(whereSeparator: \.isNewline).map(String.init))
    var exact = 0
    var failures: [String] = []
    for name in names {
      let expected = Self.expectedLines(name)
      guard let actual = try Self.lines(name, ranked: true) else { continue }
      if actual == expected {
        exact += 1
      } else {
        var note = listed.contains(name) ? "" : " (not in TESTS.txt)"
        // Whether Dateline's re-ranking is what differs.
        if try Self.lines(name, ranked: false) == expected { note += " (Hunspell's order matches)" }
        failures.append("  \(name)\(note): \(Self.firstDifference(expected, actual))")
      }
    }
    let share = Double(exact) / Double(names.count)
    print("""
      Hunspell .sug files: \(exact) of \(names.count) match exactly (\(Int((share * 100).rounded())) %)
      """)
    if !failures.isEmpty { print(failures.joined(separator: "\n")) }
    #expect(share >= Self.requiredShare, "only \(exact) of \(names.count) .sug files match")
  }
}
