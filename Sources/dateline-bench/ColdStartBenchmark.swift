import Foundation

/// `cold-start`: from just before spawning `dateline --stdio` to the complete `initialize` response
/// on its stdout, the request having been written at once.
enum ColdStartBenchmark {
  static let benchmark = Benchmark(
    name: "cold-start", summary: "spawn the server, time until its initialize response (ms)", run: run)

  static let defaultRuns = 20
  static let warmUps = 2

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let server = try ServerBinary.locate(options)
    let runs = options.runs ?? defaultRuns
    let request = BenchMessages.initialize(id: 1)
    progress("cold-start: \(warmUps) warm-ups + \(runs) runs of \(server)")
    var times: [Double] = []
    for index in 0..<(warmUps + runs) {
      let time = try measureOnce(server: server, request: request)
      if index >= warmUps { times.append(time) }
    }
    let summary = Summary(times)
    let input = "initialize (\(request.count) B) on a fresh process"
    func figure(_ metric: String, _ value: Double, note: String? = nil) -> Figure {
      Figure(benchmark: "cold-start", metric: metric, value: value, unit: "ms", input: input, runs: runs, note: note)
    }
    return [
      figure("median", summary.median, note: "budget < 50 ms, aim 15 ms"),
      figure("p90", summary.percentile(90)),
      figure("best", summary.minimum),
      figure("worst", summary.maximum),
    ]
  }

  /// One cold start, in milliseconds; the server is shut down (untimed) before returning.
  static func measureOnce(server: String, request: [UInt8]) throws -> Double {
    let start = MonotonicClock.nanoseconds()
    let process = try ServerProcess(path: server)
    try process.send(request)
    let (result, arrival) = try process.readResponse(to: 1)
    let elapsed = MonotonicClock.milliseconds(from: start, to: arrival)
    guard result["serverInfo"]?["name"]?.stringValue == "dateline" else {
      throw BenchError("the initialize response does not come from dateline: \(result)")
    }
    let status = try process.shutDown()
    guard status == 0 else { throw BenchError("the server exited with status \(status) after shutdown") }
    return elapsed
  }
}

/// A line of progress on stderr, which stays clean of results so `--json` output can be piped.
func progress(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
