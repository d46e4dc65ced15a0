import Dispatch
import Foundation
import JSONRPC
import LanguageServerProtocol
import Synchronization

/// `framing`: how many ~1 KB `didChange` messages per second get through, (a) in process: framing,
/// envelope and params decoding only; (b) end to end: written to a spawned server that applies them.
enum FramingBenchmark {
  static let benchmark = Benchmark(
    name: "framing", summary: "didChange messages/s and MB/s, in process and through the server", run: run)

  static let inProcessMessages = 20_000
  static let endToEndMessages = 10_000
  static let chunkSize = 1 << 16
  static let defaultInProcessRuns = 10
  static let defaultEndToEndRuns = 5

  static func run(_ options: BenchOptions) throws -> [Figure] {
    var figures = try runInProcess(runs: options.runs ?? defaultInProcessRuns)
    figures += try runEndToEnd(server: ServerBinary.locate(options), runs: options.runs ?? defaultEndToEndRuns)
    return figures
  }

  // MARK: In process

  static func runInProcess(runs: Int) throws -> [Figure] {
    let series = EditSeries(changes: inProcessMessages)
    let buffer = series.concatenated()
    progress("framing: in process, 1 warm-up + \(runs) runs over \(Report.bytes(buffer.count))")
    var times: [Double] = []
    for index in 0...runs {
      let time = try decodeAll(buffer, expecting: inProcessMessages)
      if index > 0 { times.append(time) }
    }
    let summary = Summary(times)
    let median = summary.median
    let input = "\(Report.grouped(inProcessMessages)) didChange, \(Report.bytes(buffer.count)), 64 KB chunks"
    return [
      Figure(
        benchmark: "framing", metric: "in-process", value: Double(inProcessMessages) / median, unit: "msg/s",
        input: input, runs: runs,
        note: "FrameParser + envelope + params decode; " + range(summary, messages: inProcessMessages)),
      Figure(
        benchmark: "framing", metric: "in-process", value: Double(buffer.count) / median / 1e6, unit: "MB/s",
        input: input, runs: runs),
    ]
  }

  /// Feeds `buffer` to a FrameParser in 64 KB chunks and decodes every message down to its params,
  /// as the server's reading thread does; returns the seconds taken.
  static func decodeAll(_ buffer: [UInt8], expecting expected: Int) throws -> Double {
    var parser = FrameParser()
    var changes = 0
    var offset = 0
    let start = MonotonicClock.nanoseconds()
    while offset < buffer.count {
      let end = min(offset + chunkSize, buffer.count)
      parser.append(buffer[offset..<end])
      offset = end
      while let event = parser.next() {
        guard case .message(let body) = event else { throw BenchError("framing error: \(event)") }
        guard case .success(.notification(_, let params)) = IncomingMessage.decode(body) else {
          throw BenchError("a didChange message did not decode as a notification")
        }
        changes += try params.decode(DidChangeTextDocumentNotification.self).contentChanges.count
      }
    }
    let seconds = MonotonicClock.seconds(from: start, to: MonotonicClock.nanoseconds())
    guard changes == expected else { throw BenchError("decoded \(changes) changes, expected \(expected)") }
    return seconds
  }

  /// The slowest and fastest runs in messages per second: "runs 23,100–28,400 msg/s".
  static func range(_ seconds: Summary, messages: Int) -> String {
    let slowest = Report.grouped(Int(Double(messages) / seconds.maximum))
    let fastest = Report.grouped(Int(Double(messages) / seconds.minimum))
    return "runs \(slowest)–\(fastest) msg/s"
  }

  // MARK: End to end

  static func runEndToEnd(server: String, runs: Int) throws -> [Figure] {
    let series = EditSeries(changes: endToEndMessages)
    let finalRequestID = 3
    let stream = series.concatenated() + BenchMessages.documentText(id: finalRequestID, uri: EditSeries.uri)
    progress("framing: end to end, 1 warm-up + \(runs) runs of \(Report.bytes(stream.count)) through \(server)")
    var times: [Double] = []
    for index in 0...runs {
      let time = try streamThroughServer(server: server, series: series, stream: stream, finalRequestID: finalRequestID)
      if index > 0 { times.append(time) }
    }
    let summary = Summary(times)
    let median = summary.median
    let input = "\(Report.grouped(endToEndMessages)) didChange + documentText, \(Report.bytes(stream.count))"
    return [
      Figure(
        benchmark: "framing", metric: "end-to-end", value: Double(endToEndMessages) / median, unit: "msg/s",
        input: input, runs: runs,
        note: "server applies every change, text verified; " + range(summary, messages: endToEndMessages)),
      Figure(
        benchmark: "framing", metric: "end-to-end", value: Double(stream.count) / median / 1e6, unit: "MB/s",
        input: input, runs: runs),
    ]
  }

  /// Opens the article in a fresh server, then times writing `stream` (the changes and a final
  /// `dateline/documentText`) from its first byte to the response, and checks the returned text.
  static func streamThroughServer(
    server: String, series: EditSeries, stream: [UInt8], finalRequestID: Int
  ) throws -> Double {
    let process = try ServerProcess(path: server)
    try process.send(BenchMessages.initialize(id: 1))
    _ = try process.readResponse(to: 1)
    try process.send(BenchMessages.initialized())
    try process.send(BenchMessages.didOpen(uri: EditSeries.uri, text: series.initialText))
    // A round trip, so the untimed opening is over before the clock starts.
    try process.send(BenchMessages.documentText(id: 2, uri: EditSeries.uri))
    let (opened, _) = try process.readResponse(to: 2)
    guard opened["text"]?.stringValue == series.initialText else { throw BenchError("didOpen text differs") }

    let writer = BackgroundWriter(bytes: stream, to: process.input)
    let (result, arrival) = try process.readResponse(to: finalRequestID, timeout: 120)
    let start = try writer.wait()
    let seconds = MonotonicClock.seconds(from: start, to: arrival)

    guard result["version"]?.intValue == series.finalVersion else {
      throw BenchError("the server is at version \(result["version"] ?? "?"), expected \(series.finalVersion)")
    }
    guard result["text"]?.stringValue == series.finalText else {
      throw BenchError("the server's text differs from the expected text after \(series.messages.count) changes")
    }
    try process.shutDown()
    return seconds
  }
}

/// Writes a byte stream to a file descriptor on a thread of its own, so the reading thread keeps
/// draining the server's output and neither pipe can fill up and deadlock.
final class BackgroundWriter: Sendable {
  /// When the first byte was written, and the error that stopped the writing, if any.
  private let outcome = Mutex<(start: UInt64, error: BenchError?)>((0, nil))
  private let finished = DispatchSemaphore(value: 0)

  init(bytes: [UInt8], to fd: Int32) {
    Thread.detachNewThread { [self] in
      outcome.withLock { $0.start = MonotonicClock.nanoseconds() }
      do throws(BenchError) {
        try ServerProcess.writeAll(bytes, to: fd)
      } catch {
        outcome.withLock { $0.error = error }
      }
      finished.signal()
    }
  }

  /// Waits for the writing to end; returns the clock reading taken just before the first byte.
  func wait() throws(BenchError) -> UInt64 {
    finished.wait()
    let (start, error) = outcome.withLock { ($0.start, $0.error) }
    if let error { throw error }
    return start
  }
}
