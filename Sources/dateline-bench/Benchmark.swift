/// One benchmark: its name on the command line, a line for `--help`, and what it runs.
struct Benchmark: Sendable {
  let name: String
  let summary: String
  /// Runs the benchmark and returns its figures; progress may go to stderr.
  let run: @Sendable (BenchOptions) throws -> [Figure]

  /// Every benchmark, in the order they run when none is named.
  static let all: [Benchmark] = [
    ColdStartBenchmark.benchmark,
    FramingBenchmark.benchmark,
    ArticleBenchmark.benchmark,
    DictionaryLoadBenchmark.benchmark,
    CheckThroughputBenchmark.benchmark,
    SuggestionBenchmark.benchmark,
    DiagnosticsBenchmark.benchmark,
    DiagnosticsBenchmark.editBenchmark,
    CommandLineCheckBenchmark.benchmark,
  ]
}
