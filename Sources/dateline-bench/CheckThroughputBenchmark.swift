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
      guard let distinct = wordsByLanguage[code], !distinct.isEmpty else { continue }
      let files = try language.read()
      let dictionary = try HunspellDictionary(affix: files.affix, dictionary: files.dictionary)
      var words: [String] = []
      while words.count < targetWords { words += distinct.prefix(targetWords - words.count) }
      let rejected = Set(distinct.filter { !dictionary.check($0) })
      progress("check-throughput: \(language.name): 1 warm-up + \(runs) runs over \(words.count) words "
        + "(\(distinct.count) in the examples, \(rejected.count) distinct rejected)")
      if let only = ProcessInfo.processInfo.environment["ONLY"] {
        if language.name == "fr" { for _ in 0..<300_000 { _ = dictionary.check(only) } }
        continue
      }
      if ProcessInfo.processInfo.environment["SLOWEST"] != nil {
        var costs: [(String, Double)] = []
        for word in Set(distinct) {
          let start = MonotonicClock.nanoseconds()
          for _ in 0..<300 { _ = dictionary.check(word) }
          costs.append((word, Double(MonotonicClock.nanoseconds() - start) / 300))
        }
        costs.sort { $0.1 > $1.1 }
        progress(costs.prefix(25).map { "\($0.0) \(Int($0.1))ns \(dictionary.check($0.0))" }.joined(separator: "\n"))
        let weighted = distinct.reduce(0.0) { sum, word in sum + (costs.first { $0.0 == word }?.1 ?? 0) }
        progress("mean ns per word in text order: \(Int(weighted / Double(distinct.count)))")
        var buckets = [0, 0, 0, 0, 0]
        for (_, cost) in costs { buckets[cost < 300 ? 0 : cost < 1000 ? 1 : cost < 3000 ? 2 : cost < 10000 ? 3 : 4] += 1 }
        progress("distinct words by cost: <0.3us \(buckets[0]), <1us \(buckets[1]), <3us \(buckets[2]), <10us \(buckets[3]), more \(buckets[4])")
      }
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
      let input = "\(language.name): \(Report.grouped(words.count)) words (\(distinct.count) from the examples, repeated)"
      figures.append(Figure(benchmark: "check-throughput", metric: "\(language.name) median", value: summary.median,
                            unit: "words/s", input: input, runs: runs, note: "aim >= 1,000,000 words/s"))
      figures.append(Figure(benchmark: "check-throughput", metric: "\(language.name) slowest", value: summary.minimum,
                            unit: "words/s", input: input, runs: runs))
    }
    return figures
  }

  /// The words of the example articles (`examples/`), by language (`lang:` in the front matter;
  /// French for plain text), in text order with repeats, as the checker would meet them.
  static func exampleWords() throws -> [String: [String]] {
    let folder = LargeArticle.projectRoot.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".news") || $0.hasSuffix(".txt") }.sorted()
    var result: [String: [String]] = [:]
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let language = text.contains("\nlang: en") ? "en" : "fr"
      let bytes = Array(text.utf8)
      let words = Tokenizer.tokens(of: text).filter { $0.kind == .word }.map {
        String(decoding: bytes[$0.range], as: UTF8.self)
      }
      result[language, default: []] += words
    }
    guard !result.isEmpty else { throw BenchError("no example articles in \(folder.path)") }
    return result
  }
}
