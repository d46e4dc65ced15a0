import Foundation
import LanguageServerProtocol
import NewsAnalysis

/// `diagnostics`: from `didOpen` of a 500-word article to its `publishDiagnostics`, through the
/// spawned server, once the dictionaries are loaded; and `edit`: from a one-word `didChange` in a
/// 100,000-word article to its `publishDiagnostics`.
enum DiagnosticsBenchmark {
  static let benchmark = Benchmark(
    name: "diagnostics", summary: "didOpen of a 500-word article to its diagnostics, dictionaries loaded (ms)", run: run)
  static let editBenchmark = Benchmark(
    name: "edit", summary: "a one-word edit in a 100,000-word article to its diagnostics (ms)", run: runEdits)

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let server = try ServerProcess(path: try ServerBinary.locate(options))
    try server.send(BenchMessages.initialize(id: 1))
    _ = try server.readResponse(to: 1)
    try server.send(BenchMessages.initialized())
    let text = try LargeArticle.markdown(words: 500, languages: ["fr"])
    let words = Article.parse(text, format: .markdown).wordCount
    // A first document loads the dictionaries; it is not counted.
    try server.send(BenchMessages.didOpen(uri: "file:///bench/warm-up.news", text: text))
    _ = try server.readDiagnostics(uri: "file:///bench/warm-up.news", version: 1)
    let runs = options.runs ?? 20
    progress("diagnostics: \(runs) articles of \(words) words, each under a new URI")
    var times: [Double] = []
    var found = 0
    for index in 0..<runs {
      // A word that changes every run, so no cache holds the whole article.
      let uri = "file:///bench/article-\(index).news"
      let start = MonotonicClock.nanoseconds()
      try server.send(BenchMessages.didOpen(uri: uri, text: text.replacingOccurrences(of: "# ", with: "# Édition \(index) : ")))
      let (count, arrival) = try server.readDiagnostics(uri: uri, version: 1)
      times.append(MonotonicClock.milliseconds(from: start, to: arrival))
      found = count
    }
    try server.shutDown()
    let summary = Summary(times)
    let input = "\(words)-word French article, \(found) diagnostics"
    return [
      Figure(benchmark: "diagnostics", metric: "median", value: summary.median, unit: "ms", input: input, runs: runs,
        note: "didOpen → publishDiagnostics; aim 5 ms"),
      Figure(benchmark: "diagnostics", metric: "worst", value: summary.maximum, unit: "ms", input: input, runs: runs),
    ]
  }

  static func runEdits(_ options: BenchOptions) throws -> [Figure] {
    let server = try ServerProcess(path: try ServerBinary.locate(options))
    try server.send(BenchMessages.initialize(id: 1))
    _ = try server.readResponse(to: 1)
    try server.send(BenchMessages.initialized())
    let text = try LargeArticle.markdown(words: 100_000)
    let words = Article.parse(text, format: .markdown).wordCount
    let uri = "file:///bench/long.news"
    let open = MonotonicClock.nanoseconds()
    try server.send(BenchMessages.didOpen(uri: uri, text: text))
    let (diagnostics, opened) = try server.readDiagnostics(uri: uri, version: 1)
    let openTime = MonotonicClock.milliseconds(from: open, to: opened)
    // Type words into a paragraph in the middle, alternately right and wrong.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var line = lines.count / 2
    while lines[line].split(separator: " ").count < 8 { line += 1 }
    var column = lines[line].utf16.count
    let typed = [" gouvernement", " laguerre", " négociations", " gouvernemnt", " Bruxelles", " cessez-le-feu"]
    let runs = options.runs ?? 20
    progress("edit: \(words) words, \(diagnostics) diagnostics; \(runs) one-word edits")
    var times: [Double] = []
    for index in 0..<runs {
      let word = typed[index % typed.count]
      let start = MonotonicClock.nanoseconds()
      try server.send(BenchMessages.didChange(uri: uri, version: index + 2, at: Position(line: line, character: column), insert: word))
      let (_, arrival) = try server.readDiagnostics(uri: uri, version: index + 2)
      times.append(MonotonicClock.milliseconds(from: start, to: arrival))
      column += word.utf16.count
    }
    let memory = server.peakMemoryMiB()
    try server.shutDown()
    let summary = Summary(times)
    let input = "\(words) words, \(text.utf8.count / 1024) KB, \(diagnostics) diagnostics"
    var figures = [
      Figure(benchmark: "edit", metric: "median", value: summary.median, unit: "ms", input: input, runs: runs,
        note: "didChange → publishDiagnostics; aim 10 ms"),
      Figure(benchmark: "edit", metric: "worst", value: summary.maximum, unit: "ms", input: input, runs: runs),
      Figure(benchmark: "edit", metric: "open", value: openTime, unit: "ms", input: input, runs: 1,
        note: "didOpen → publishDiagnostics of the whole article"),
    ]
    if let memory {
      figures.append(Figure(benchmark: "edit", metric: "peak RSS", value: memory, unit: "MiB", input: input, runs: 1,
        note: "server with French and English loaded"))
    }
    return figures
  }
}
