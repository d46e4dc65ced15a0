import Foundation
import JSONRPC
import TestSupport
import Testing

/// The LSP base-protocol framing: what a server reading a client's byte stream gets out of it,
/// for well-formed streams cut anywhere and for the ways clients get headers wrong.
@Suite struct FrameParserTests {
  // MARK: Helpers

  /// A header and body as bytes, with `\r\n` line ends unless told otherwise.
  static func frame(_ body: String, headers: [String]? = nil, lineEnd: String = "\r\n") -> [UInt8] {
    let bodyBytes = Array(body.utf8)
    let lines = headers ?? ["Content-Length: \(bodyBytes.count)"]
    return Array((lines.map { $0 + lineEnd }.joined() + lineEnd).utf8) + bodyBytes
  }

  static let first = #"{"jsonrpc":"2.0","method":"first"}"#
  static let second = #"{"jsonrpc":"2.0","id":2,"method":"second","params":{"text":"é🔵"}}"#

  /// Everything the parser yields for `chunks`, fed in order, draining after each.
  static func events(_ chunks: [[UInt8]], finish: Bool = false) -> [FrameParser.Event] {
    var parser = FrameParser()
    var events: [FrameParser.Event] = []
    for chunk in chunks {
      parser.append(chunk)
      while let event = parser.next() { events.append(event) }
    }
    if finish, let event = parser.finish() { events.append(event) }
    return events
  }

  static func message(_ body: String) -> FrameParser.Event { .message(Data(body.utf8)) }

  static func messages(_ events: [FrameParser.Event]) -> [String] {
    events.compactMap {
      if case .message(let data) = $0 { return String(decoding: data, as: UTF8.self) }
      return nil
    }
  }

  static func errors(_ events: [FrameParser.Event]) -> [String] {
    events.compactMap {
      if case .error(let text) = $0 { return text }
      return nil
    }
  }

  // MARK: Well-formed streams

  @Test func oneFrameGivesItsBody() {
    #expect(Self.events([Self.frame(Self.first)]) == [Self.message(Self.first)])
  }

  @Test func aFrameFedOneByteAtATimeGivesItsBodyOnceItIsComplete() {
    let bytes = Self.frame(Self.second)
    var parser = FrameParser()
    for (index, byte) in bytes.enumerated() {
      parser.append([byte])
      let event = parser.next()
      if index < bytes.count - 1 {
        #expect(event == nil, "an event before the frame was complete, at byte \(index)")
      } else {
        #expect(event == Self.message(Self.second))
      }
    }
    #expect(parser.next() == nil)
    #expect(parser.finish() == nil)
  }

  @Test func twoFramesInOneChunkGiveBothBodiesInOrder() {
    let chunk = Self.frame(Self.first) + Self.frame(Self.second)
    #expect(Self.events([chunk]) == [Self.message(Self.first), Self.message(Self.second)])
  }

  @Test func everySplitOfTwoFramesGivesBothBodies() {
    let bytes = Self.frame(Self.first) + Self.frame(Self.second)
    for split in 1..<bytes.count {
      let events = Self.events([Array(bytes[..<split]), Array(bytes[split...])], finish: true)
      #expect(events == [Self.message(Self.first), Self.message(Self.second)], "split at \(split)")
    }
  }

  @Test func aContentTypeHeaderIsAccepted() {
    let count = Self.first.utf8.count
    let headers = ["Content-Length: \(count)", "Content-Type: application/vscode-jsonrpc; charset=utf-8"]
    #expect(Self.events([Self.frame(Self.first, headers: headers)]) == [Self.message(Self.first)])
    let typeFirst = Array(headers.reversed())
    #expect(Self.events([Self.frame(Self.first, headers: typeFirst)]) == [Self.message(Self.first)])
  }

  @Test(arguments: ["content-length", "CONTENT-LENGTH", "Content-length", "cOnTeNt-LeNgTh"])
  func headerNamesAreCaseInsensitive(name: String) {
    let headers = ["\(name): \(Self.first.utf8.count)"]
    #expect(Self.events([Self.frame(Self.first, headers: headers)]) == [Self.message(Self.first)])
  }

  @Test func lineFeedOnlyLineEndsAreTolerated() {
    let bytes = Self.frame(Self.first, lineEnd: "\n") + Self.frame(Self.second, lineEnd: "\n")
    #expect(Self.events([bytes]) == [Self.message(Self.first), Self.message(Self.second)])
  }

  @Test func strayBlankLinesBetweenFramesAreSkippedSilently() {
    let bytes = Self.frame(Self.first) + Array("\r\n\n\r\n".utf8) + Self.frame(Self.second)
    #expect(Self.events([bytes], finish: true) == [Self.message(Self.first), Self.message(Self.second)])
  }

  @Test func blankLinesAtEndOfInputAreNotAnError() {
    #expect(Self.events([Self.frame(Self.first) + Array("\r\n".utf8)], finish: true) == [Self.message(Self.first)])
  }

  // MARK: Broken headers

  @Test func aHeaderWithoutContentLengthIsAnErrorAndTheNextFrameIsStillParsed() {
    let broken = Self.frame(#"{"lost":true}"#, headers: ["Content-Type: application/json"])
    let events = Self.events([broken + Self.frame(Self.second)], finish: true)
    #expect(events.first.map { if case .error = $0 { true } else { false } } == true)
    #expect(Self.errors(events).first?.contains("without Content-Length") == true)
    #expect(Self.messages(events) == [Self.second])
  }

  @Test(arguments: ["abc", "-5", "12abc", "", "1e3", "0x10"])
  func aContentLengthThatIsNotANumberIsAnErrorAndTheNextFrameIsStillParsed(value: String) {
    let broken = Self.frame(#"{"lost":true}"#, headers: ["Content-Length: \(value)"])
    let events = Self.events([broken + Self.frame(Self.second)], finish: true)
    #expect(Self.errors(events).first?.contains("invalid Content-Length") == true)
    #expect(Self.messages(events) == [Self.second])
  }

  @Test func contentLengthZeroIsAnErrorAndTheNextFrameIsStillParsed() {
    let events = Self.events([Self.frame("", headers: ["Content-Length: 0"]) + Self.frame(Self.first)], finish: true)
    #expect(events.count == 2)
    #expect(Self.errors(events).first?.contains("Content-Length 0") == true)
    #expect(events.last == Self.message(Self.first))
  }

  @Test(arguments: [
    "garbage\r\n", "garbage", "}\r\n\r\n", "hello Content-Type: x\r\n", "{\"half\":", "\u{FEFF}", "a:b", "X-Junk: 1",
  ])
  func garbageBeforeAFrameIsSkippedUpToTheNextContentLength(garbage: String) {
    let events = Self.events([Array(garbage.utf8) + Self.frame(Self.first)], finish: true)
    #expect(!Self.errors(events).isEmpty, "garbage skipped without a word")
    #expect(Self.messages(events) == [Self.first])
  }

  @Test func garbageBeforeAFrameInAnotherChunkIsSkipped() {
    let events = Self.events([Array("garbage-bytes".utf8), Self.frame(Self.first)], finish: true)
    #expect(!Self.errors(events).isEmpty)
    #expect(Self.messages(events) == [Self.first])
  }

  @Test func aContentLengthLargerThanTheMessageIsReportedAndTheNextFrameStillParsed() {
    let short = #"{"jsonrpc":"2.0","method":"short"}"#
    let broken = Self.frame(short, headers: ["Content-Length: \(short.utf8.count + 500)"])
    for chunks in [[broken + Self.frame(Self.second)], [broken, Self.frame(Self.second)]] {
      let events = Self.events(chunks, finish: true)
      #expect(Self.errors(events).count == 1)
      #expect(Self.errors(events).first?.contains("larger than the message") == true)
      #expect(Self.messages(events) == [short, Self.second], "the prefix, then the next frame")
    }
  }

  @Test func aContentLengthLargerThanTheMessageIsRecoveredWhereverTheStreamIsCut() {
    let short = #"{"jsonrpc":"2.0","method":"short"}"#
    // The announced length ends inside the next frame's header, inside its body, or after it.
    for extra in [3, 10, 17, 30, 60, 200] {
      let broken = Self.frame(short, headers: ["Content-Length: \(short.utf8.count + extra)"])
      let bytes = broken + Self.frame(Self.second) + Self.frame(Self.first)
      for split in 1..<bytes.count {
        let events = Self.events([Array(bytes[..<split]), Array(bytes[split...])], finish: true)
        let messages = Self.messages(events)
        #expect(
          messages == [short, Self.second, Self.first] && Self.errors(events).count == 1,
          "length +\(extra), split at \(split): \(messages.map { String($0.prefix(20)) }) \(Self.errors(events))")
        if messages != [short, Self.second, Self.first] { return }
      }
    }
  }

  @Test func aContentLengthLargerThanTheMessageAtEndOfInputIsReportedByFinish() {
    let short = #"{"jsonrpc":"2.0","method":"short"}"#
    var parser = FrameParser()
    parser.append(Self.frame(short, headers: ["Content-Length: 100"]))
    #expect(parser.next() == nil, "the body may still be arriving")
    guard case .error(let text) = parser.finish() else {
      Issue.record("finish() did not report the unfinished message")
      return
    }
    #expect(text.contains("Content-Length 100"))
    #expect(parser.finish() == nil, "the report is made once")
  }

  @Test func aHeaderCutShortAtEndOfInputIsReportedByFinish() {
    var parser = FrameParser()
    parser.append(Array("Content-Length: 12\r\n".utf8))
    #expect(parser.next() == nil)
    #expect(parser.finish() != nil)
  }

  @Test func aHeaderLineLongerThanTheLimitIsAnErrorWithoutWaitingForItsEnd() {
    var parser = FrameParser()
    parser.append(Array(("X-Padding: " + String(repeating: "a", count: 20_000)).utf8))
    let event = parser.next()
    #expect(event.map { if case .error = $0 { true } else { false } } == true, "got \(String(describing: event))")
    parser.append(Array(String(repeating: "b", count: 500).utf8) + Array("\r\n".utf8) + Self.frame(Self.first))
    var rest: [FrameParser.Event] = []
    while let event = parser.next() { rest.append(event) }
    #expect(Self.messages(rest) == [Self.first])
  }

  @Test func aHeaderLineLongerThanTheLimitGivesTheSameEventsHoweverTheStreamIsCut() {
    let long = Array((String(repeating: "a", count: 10_000)).utf8) + Self.frame(Self.first)
    let whole = Self.events([long], finish: true)
    let cut = Self.events([Array(long[..<9000]), Array(long[9000...])], finish: true)
    #expect(Self.messages(whole) == [Self.first])
    #expect(Self.messages(cut) == [Self.first])
    #expect(!Self.errors(whole).isEmpty)
    #expect(!Self.errors(cut).isEmpty)
  }

  @Test func aLongHeaderLineWithItsLineBreakIsAnErrorToo() {
    let headers = ["X-Padding: " + String(repeating: "a", count: 10_000), "Content-Length: \(Self.first.utf8.count)"]
    let events = Self.events([Self.frame(Self.first, headers: headers) + Self.frame(Self.second)], finish: true)
    #expect(Self.errors(events).first?.contains("too long") == true)
    #expect(Self.messages(events).last == Self.second)
  }

  // MARK: Random streams

  /// A seeded stream of frames with bodies that mention `Content-Length` inside strings, in header
  /// styles clients use, with garbage between some frames, cut into random chunks: every frame's
  /// body comes out, in order, and errors appear only where there was garbage.
  @Test func randomlyCutStreamsWithGarbageGiveEveryFrame() {
    let garbage = ["junk", "a:b", "X-Junk: 1", "}", "\r\n", #"{"x":1}"#, "\u{FEFF}", "  ", "content-lengt"]
    let words = ["news", "é", "🔵", "中文", "Content-Length: 12", "\\r\\n", "\\\"", "content-length:3"]
    for round in 0..<30 {
      let seed = UInt64(round) &* 0x5EED
      var random = SplitMix64(seed: seed)
      var stream: [UInt8] = []
      var bodies: [String] = []
      var garbageCount = 0
      for n in 0..<40 {
        if random.chance(25) {
          stream += Array(random.pick(garbage).utf8)
          garbageCount += 1
        }
        let text = (0..<random.below(random.chance(10) ? 3000 : 20)).map { _ in random.pick(words) }.joined(separator: " ")
        let body = #"{"jsonrpc":"2.0","method":"m\#(n)","params":{"text":"\#(text)"}}"#
        bodies.append(body)
        let count = body.utf8.count
        let style = random.below(4)
        let headers =
          style == 0
          ? ["Content-Length: \(count)"]
          : style == 1
            ? ["content-length:\(count)", "Content-Type: application/vscode-jsonrpc; charset=utf-8"]
            : style == 2 ? ["Content-Type: x", "CONTENT-LENGTH:   \(count) "] : ["Content-Length: \(count)"]
        stream += Self.frame(body, headers: headers, lineEnd: style == 3 ? "\n" : "\r\n")
      }
      var chunks: [[UInt8]] = []
      var offset = 0
      while offset < stream.count {
        let size = random.chance(20) ? 1 + random.below(4) : 1 + random.below(5000)
        chunks.append(Array(stream[offset..<min(offset + size, stream.count)]))
        offset += size
      }
      let events = Self.events(chunks, finish: true)
      let got = Self.messages(events)
      if got != bodies {
        let missing = bodies.filter { !got.contains($0) }.map { String($0.prefix(45)) }
        Issue.record("seed \(seed): \(got.count) of \(bodies.count) bodies; missing \(missing); errors \(Self.errors(events))")
      }
      #expect(Self.errors(events).count <= garbageCount, "seed \(seed)")
    }
  }

  // MARK: Size

  @Test func aTwoMegabyteBodyIn64KilobyteChunksArrivesWhole() {
    let filler = String(repeating: "Zürich 🔵 «news» ", count: 2_000_000 / 22)
    let body = #"{"jsonrpc":"2.0","method":"big","params":{"text":""# + filler + #""}}"#
    let bytes = Self.frame(body) + Self.frame(Self.first)
    let chunks = stride(from: 0, to: bytes.count, by: 1 << 16).map { Array(bytes[$0..<min($0 + (1 << 16), bytes.count)]) }
    #expect(body.utf8.count > 2_000_000)
    let events = Self.events(chunks, finish: true)
    #expect(Self.errors(events) == [])
    #expect(events.count == 2)
    #expect(events.first == Self.message(body))
    #expect(events.last == Self.message(Self.first))
  }
}
