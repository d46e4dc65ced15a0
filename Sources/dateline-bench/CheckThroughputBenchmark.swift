import Foundation
import NewsAnalysis

/// `check-throughput`: `HunspellDictionary.check` over the words of the example articles, French
/// articles against `fr` and English ones against `en_US`, repeated to 100,000 words (no cache).
enum CheckThroughputBenchmark {
  static let benchmark = Benchmark(
    name: "check-throughput", summary: "HunspellDictionary.check over 100,000 example words (words/s)", run: run)

  static let defaultRuns = 5
  static let targetWords = 100_000

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let runs = options.runs ?? defaultRuns
    var figures: [Figure] = []
    let wordsByLanguage = try exampleWords()
    for language in try SystemDictionaries.available() {
      let code = language.name.hasPrefix("fr") ? "fr" : "en"
      guard let exampleWords = wordsByLanguage[code], !exampleWords.isEmpty else { continue }
      let files = try language.read()
      let dictionary = try HunspellDictionary(affix: files.affix, dictionary: files.dictionary)
      var words: [String] = []
      while words.count < targetWords { words += exampleWords.prefix(targetWords - words.count) }
      let rejected = Set(exampleWords.filter { !dictionary.check($0) })
      progress("check-throughput: \(language.name): 1 warm-up + \(runs) runs over \(words.count) words "
        + "(\(exampleWords.count) in the examples, \(Set(exampleWords).count) distinct, \(rejected.count) rejected)")
      var rates: [Double] = []
      for index in 0...runs {
        var accepted = 0
        let start = MonotonicClock.nanoseconds()
        for word in words where dictionary.check(word) { accepted += 1 }
        let end = MonotonicClock.nanoseconds()
        guard accepted > 0 else { throw BenchError("check-throughput: nothing accepted: the dictionary did not load") }
        if index > 0 { rates.append(Double(words.count) / MonotonicClock.seconds(from: start, to: end)) }
      }
      let summary = Summary(rates)
      let input = "\(language.name): \(Report.grouped(words.count)) words (the \(exampleWords.count) of the examples, repeated)"
      figures.append(Figure(benchmark: "check-throughput", metric: "\(language.name) median", value: summary.median,
                            unit: "words/s", input: input, runs: runs, note: "aim >= 1,000,000 words/s"))
      figures.append(Figure(benchmark: "check-throughput", metric: "\(language.name) slowest", value: summary.minimum,
                            unit: "words/s", input: input, runs: runs))
    }
    return figures
  }

  /// The words of the example articles' prose (`examples/`), by language (`lang:` in the front
  /// matter; French without one), in text order with repeats, as the checker meets them.
  static func exampleWords() throws -> [String: [String]] {
    let folder = LargeArticle.projectRoot.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".news") || $0.hasSuffix(".txt") }.sorted()
    var result: [String: [String]] = [:]
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let article = Article.parse(text, format: name.hasSuffix(".txt") ? .plainText : .markdown)
      let language = article.declaredLanguage?.hasPrefix("en") == true ? "en" : "fr"
      let bytes = Array(text.utf8)
      for block in article.blocks where block.kind != .frontMatter {
        for token in article.tokens[block.tokens] where token.kind == .word {
          result[language, default: []].append(String(decoding: bytes[token.range], as: UTF8.self))
        }
      }
    }
    guard !result.isEmpty else { throw BenchError("no example articles in \(folder.path)") }
    return result
  }
}
