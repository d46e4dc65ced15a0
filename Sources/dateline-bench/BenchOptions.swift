/// What the command line asks for: which benchmarks, how many runs, which output, which server.
struct BenchOptions: Sendable {
  /// Benchmark names, in the order given; empty means all.
  var names: [String] = []
  /// Overrides every benchmark's default number of counted runs.
  var runs: Int?
  var json = false
  var help = false
  /// `--server PATH`: the `dateline` binary to spawn instead of the one beside dateline-bench.
  var serverPath: String?

  /// Parses the arguments after the program name.
  static func parse(_ arguments: [String]) throws(BenchError) -> BenchOptions {
    var options = BenchOptions()
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--help", "-h":
        options.help = true
      case "--json":
        options.json = true
      case "--runs":
        guard let value = remaining.popFirst(), let runs = Int(value), runs > 0 else {
          throw BenchError("--runs needs a positive number")
        }
        options.runs = runs
      case "--server":
        guard let value = remaining.popFirst() else { throw BenchError("--server needs a path") }
        options.serverPath = value
      default:
        if argument.hasPrefix("-") { throw BenchError("unknown option '\(argument)'") }
        options.names.append(argument)
      }
    }
    return options
  }

  /// The text of `dateline-bench --help`.
  static func usage(_ benchmarks: [Benchmark]) -> String {
    let width = benchmarks.map(\.name.count).max() ?? 0
    let list = benchmarks.map { benchmark in
      "  " + benchmark.name + String(repeating: " ", count: width - benchmark.name.count + 2) + benchmark.summary
    }.joined(separator: "\n")
    return """
      dateline-bench: measures Dateline for the README.

      Usage:
        swift run -c release dateline-bench [OPTIONS] [BENCHMARK...]
        .build/release/dateline-bench [OPTIONS] [BENCHMARK...]

      Runs the benchmarks named, or all of them, and prints a table (or JSON).

      Benchmarks:
      \(list)

      Options:
        --runs N         counted runs for every benchmark (each has its own default)
        --json           print a JSON document instead of the table (progress goes to stderr)
        --server PATH    the `dateline` binary to spawn (default: the one beside dateline-bench)
        -h, --help       print this help

      Build in release first (`swift build -c release`): debug figures are meaningless.
      MB is 10^6 bytes.

      """
  }
}

/// A failure that ends the run, with a message for people.
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
