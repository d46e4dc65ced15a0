import Foundation
import NewsAnalysis

/// `article`: parsing a 100,000-word Markdown article and building its outline, in process.
enum ArticleBenchmark {
  static let benchmark = Benchmark(
    name: "article", summary: "parse and outline a 100,000-word article (ms)", run: run)

  static let defaultRuns = 10
  static let targetWords = 100_000

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let text = try LargeArticle.markdown(words: targetWords)
    let runs = options.runs ?? defaultRuns
    let words = Article.parse(text, format: .markdown).wordCount
    progress("article: 1 warm-up + \(runs) runs over \(words) words, \(text.utf8.count) bytes")
    var times: [Double] = []
    var sections = 0
    for index in 0...runs {
      let start = MonotonicClock.nanoseconds()
      let article = Article.parse(text, format: .markdown)
      let outline = article.outline
      let end = MonotonicClock.nanoseconds()
      sections = outline.first?.children.count ?? 0
      if index > 0 { times.append(MonotonicClock.milliseconds(from: start, to: end)) }
    }
    guard sections > 0 else { throw BenchError("the large article has no sections: the parser did not do its work") }
    let summary = Summary(times)
    let input = "\(words) words, \(text.utf8.count / 1024) KB, \(sections) sections"
    return [
      Figure(benchmark: "article", metric: "median", value: summary.median, unit: "ms", input: input, runs: runs,
        note: "Article.parse + outline; budget < 20 ms"),
      Figure(benchmark: "article", metric: "worst", value: summary.maximum, unit: "ms", input: input, runs: runs),
    ]
  }
}

/// A long article made of the project's example articles, for benchmarks.
enum LargeArticle {
  /// The package root, found from this source file.
  static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A Markdown article of at least `words` words: a headline, then the bodies of the examples
  /// (of the given languages, by their front matter `lang`) repeated as numbered sections.
  static func markdown(words: Int, languages: Set<String> = ["fr", "en"]) throws -> String {
    let folder = projectRoot.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".news") }.sorted()
    let texts = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
      .filter { languages.contains(Article.parse($0, format: .markdown).declaredLanguage ?? "") }
    let bodies = texts.map { text -> String in
      let article = Article.parse(text, format: .markdown)
      let start = article.headline.map { $0.lineRange.upperBound } ?? 0
      return String(decoding: Array(text.utf8)[start...], as: UTF8.self)
    }
    guard !bodies.isEmpty else { throw BenchError("no example articles in \(folder.path)") }
    let lang = languages == ["en"] ? "en" : "fr"
    var text = "---\ntitle: A long read\nlang: \(lang)\n---\n\n# A long read assembled from the examples\n"
    var count = 0
    var section = 0
    while count < words * 106 / 100 {  // whitespace-separated pieces overcount words a little (« », —)
      let body = bodies[section % bodies.count]
      section += 1
      text += "\n## Part \(section)\n" + body
      count += body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
    return text
  }
}
