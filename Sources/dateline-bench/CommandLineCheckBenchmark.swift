import Foundation
import NewsAnalysis

/// `check-cli`: words per second of the whole `dateline check` process on a 100,000-word French
/// text, side by side with `hunspell -l` on the same text in the same run.
enum CommandLineCheckBenchmark {
  static let benchmark = Benchmark(
    name: "check-cli", summary: "dateline check vs hunspell -l on a 100,000-word French text (words/s)", run: run)

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let dateline = try ServerBinary.locate(options)
    let text = try LargeArticle.markdown(words: 100_000, languages: ["fr"])
    let words = Article.parse(text, format: .markdown).wordCount
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("long.news")
    try Data(text.utf8).write(to: file)
    let runs = options.runs ?? 5
    progress("check-cli: \(runs) runs of each over \(words) words")
    var ours: [Double] = []
    var theirs: [Double] = []
    let hunspell = ["/usr/bin/hunspell", "/usr/local/bin/hunspell"].first { FileManager.default.isExecutableFile(atPath: $0) }
    for _ in 0..<runs {
      ours.append(try timed(dateline, ["check", "--fail-on", "never", file.path], stdin: nil))
      if let hunspell { theirs.append(try timed(hunspell, ["-l", "-d", "fr_FR"], stdin: file)) }
    }
    let input = "\(words) words of French articles, \(text.utf8.count / 1024) KB"
    let ourRate = Double(words) / (Summary(ours).median / 1000)
    var figures = [
      Figure(benchmark: "check-cli", metric: "dateline", value: ourRate, unit: "words/s", input: input, runs: runs,
        note: "whole process, median \(String(format: "%.0f", Summary(ours).median)) ms; aim 1,000,000 words/s"),
    ]
    if !theirs.isEmpty {
      let theirRate = Double(words) / (Summary(theirs).median / 1000)
      figures.append(Figure(benchmark: "check-cli", metric: "hunspell -l", value: theirRate, unit: "words/s", input: input,
        runs: runs, note: "same text, same run, median \(String(format: "%.0f", Summary(theirs).median)) ms"))
      figures.append(Figure(benchmark: "check-cli", metric: "ratio", value: ourRate / theirRate, unit: "×", input: input,
        runs: runs, note: "dateline's words/s over hunspell's"))
    } else {
      progress("check-cli: hunspell is not installed; no comparison")
    }
    return figures
  }

  /// Wall time of one run, in milliseconds; the output is discarded.
  private static func timed(_ path: String, _ arguments: [String], stdin: URL?) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
    let start = MonotonicClock.nanoseconds()
    try process.run()
    process.waitUntilExit()
    return MonotonicClock.milliseconds(from: start, to: MonotonicClock.nanoseconds())
  }
}
