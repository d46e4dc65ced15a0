import Foundation
import JSONRPC
import Synchronization
import Testing

/// A `JSONRPCConnection` run in-process over two pipes: what its handler receives, and what it writes
/// back, for the byte streams a client may send.
@Suite struct JSONRPCConnectionTests {
  /// A connection reading `toServer` and writing `fromServer`, run on its own thread.
  final class Harness: Sendable {
    let toServer = Pipe()
    let fromServer = Pipe()
    let connection: JSONRPCConnection
    private let batches = Mutex<[[IncomingMessage]]>([])
    private let finished = DispatchSemaphore(value: 0)

    init() {
      connection = JSONRPCConnection(
        input: toServer.fileHandleForReading.fileDescriptor, output: fromServer.fileHandleForWriting.fileDescriptor,
        logger: Logger(level: .error))
      Thread.detachNewThread { [self] in
        connection.run { batch in batches.withLock { $0.append(batch) } }
        finished.signal()
      }
    }

    func write(_ bytes: [UInt8]) throws {
      try toServer.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    /// Closes the connection's input and waits for `run` to return; then the batches it handled,
    /// and everything it wrote, parsed into frames.
    func finish() throws -> (batches: [[IncomingMessage]], sent: [JSONValue]) {
      try toServer.fileHandleForWriting.close()
      guard finished.wait(timeout: .now() + 10) == .success else {
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "run did not return"])
      }
      try fromServer.fileHandleForWriting.close()
      let output = try fromServer.fileHandleForReading.readToEnd() ?? Data()
      return (batches.withLock { $0 }, try Self.parse(output))
    }

    static func parse(_ output: Data) throws -> [JSONValue] {
      var parser = FrameParser()
      parser.append(output)
      var messages: [JSONValue] = []
      while let event = parser.next() {
        guard case .message(let body) = event else {
          Issue.record("the connection wrote a bad frame: \(event)")
          continue
        }
        messages.append(try JSONDecoder().decode(JSONValue.self, from: body))
      }
      #expect(parser.finish() == nil)
      return messages
    }
  }

  /// Values appended from any thread.
  final class Collector<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])
    func append(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
  }

  static func frame(_ value: JSONValue) throws -> [UInt8] {
    frame(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
  }

  static func frame(_ json: String) -> [UInt8] {
    Array("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8)
  }

  static func notification(_ n: Int) -> String { #"{"jsonrpc":"2.0","method":"n","params":{"n":\#(n)}}"# }

  static func describe(_ message: IncomingMessage) -> String {
    switch message {
    case .request(let id, let method, _): return "request \(id) \(method)"
    case .notification(let method, let params):
      let n = (try? params.decode([String: Int].self))?["n"]
      return n.map { "\(method) \($0)" } ?? method
    case .response(let id, _): return "response \(id)"
    }
  }

  @Test func messagesAreDeliveredInOrderInBatches() throws {
    let harness = Harness()
    try harness.write((0..<3).flatMap { Self.frame(Self.notification($0)) })
    try harness.write(Self.frame(Self.notification(3)))
    try harness.write((4..<10).flatMap { Self.frame(Self.notification($0)) })
    let (batches, sent) = try harness.finish()
    #expect(batches.flatMap { $0 }.map(Self.describe) == (0..<10).map { "n \($0)" })
    #expect(!batches.contains { $0.isEmpty }, "no empty batch is handed over")
    #expect(sent.isEmpty)
  }

  @Test func aRequestAndItsCancellationWrittenTogetherArriveInOneBatch() throws {
    let harness = Harness()
    let request = #"{"jsonrpc":"2.0","id":8,"method":"slow"}"#
    let cancel = #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":8}}"#
    try harness.write(Self.frame(request) + Self.frame(cancel))
    let (batches, _) = try harness.finish()
    #expect(batches.map { $0.map(Self.describe) } == [["request 8 slow", "$/cancelRequest"]])
  }

  @Test func aMalformedBodyIsAnsweredWithAParseErrorAndReadingContinues() throws {
    let harness = Harness()
    try harness.write(Self.frame(#"{"jsonrpc":"2.0","id":1,"#) + Self.frame(Self.notification(1)))
    try harness.write(Self.frame(Self.notification(2)))
    let (batches, sent) = try harness.finish()
    #expect(batches.flatMap { $0 }.map(Self.describe) == ["n 1", "n 2"])
    #expect(sent.count == 1)
    #expect(sent.first?["id"] == .null)
    #expect(sent.first?["error"]?["code"] == -32700)
  }

  @Test func anInvalidRequestIsAnsweredToItsId() throws {
    let harness = Harness()
    try harness.write(Self.frame(#"{"jsonrpc":"1.0","id":"q","method":"x"}"#) + Self.frame(Self.notification(1)))
    let (batches, sent) = try harness.finish()
    #expect(batches.flatMap { $0 }.map(Self.describe) == ["n 1"])
    #expect(sent.map { $0["id"] } == ["q"])
    #expect(sent.first?["error"]?["code"] == -32600)
  }

  @Test func aBrokenFrameIsSkippedAndTheNextOneDelivered() throws {
    let harness = Harness()
    try harness.write(Array("Content-Length: zero\r\n\r\n".utf8) + Self.frame(Self.notification(5)))
    let (batches, sent) = try harness.finish()
    #expect(batches.flatMap { $0 }.map(Self.describe) == ["n 5"])
    #expect(sent.isEmpty, "framing errors are logged, not answered")
  }

  @Test func aResponseToAnUnknownIdIsIgnored() throws {
    let harness = Harness()
    try harness.write(
      Self.frame(#"{"jsonrpc":"2.0","id":99,"result":{"x":1}}"#) + Self.frame(Self.notification(1)))
    let (batches, sent) = try harness.finish()
    #expect(batches.flatMap { $0 }.map(Self.describe) == ["n 1"])
    #expect(sent.isEmpty)
  }

  @Test func sendRequestHandsTheReplyToItsCallback() throws {
    let harness = Harness()
    let replies = Collector<Result<JSONValue, ResponseError>>()
    let replied = DispatchSemaphore(value: 0)
    harness.connection.sendRequest(method: "workspace/configuration", params: ["items": [["section": "dateline"]]] as JSONValue) {
      result in
      replies.append(result)
      replied.signal()
    }
    harness.connection.sendRequest(method: "client/registerCapability", params: JSONValue.object([:])) { result in
      replies.append(result)
      replied.signal()
    }
    // Read the two requests the connection wrote, and answer them in the other order.
    var parser = FrameParser()
    var requests: [JSONValue] = []
    while requests.count < 2 {
      let data = harness.fromServer.fileHandleForReading.availableData
      if data.isEmpty { break }
      parser.append(data)
      while case .message(let body) = parser.next() { requests.append(try JSONDecoder().decode(JSONValue.self, from: body)) }
    }
    #expect(requests.map { $0["method"] } == ["workspace/configuration", "client/registerCapability"])
    #expect(requests.first?["params"] == ["items": [["section": "dateline"]]])
    let ids = requests.compactMap { $0["id"] }
    #expect(Set(ids).count == 2, "each request has its own id")
    guard ids.count == 2 else { return }
    let error: JSONValue = ["code": -32601, "message": "no"]
    try harness.write(try Self.frame(["jsonrpc": "2.0", "id": ids[1], "error": error]))
    #expect(replied.wait(timeout: .now() + 10) == .success)
    try harness.write(try Self.frame(["jsonrpc": "2.0", "id": ids[0], "result": [["language": "de"]]]))
    #expect(replied.wait(timeout: .now() + 10) == .success)
    // A second reply to an id already answered goes nowhere.
    try harness.write(try Self.frame(["jsonrpc": "2.0", "id": ids[0], "result": 1]))
    let (batches, _) = try harness.finish()
    #expect(batches.isEmpty, "responses are not handed to the handler")
    let got = replies.all
    #expect(got.count == 2)
    #expect(got.first == .failure(ResponseError(code: .methodNotFound, message: "no")))
    #expect(got.last == .success([["language": "de"]]))
  }

  @Test func framesWrittenFromManyThreadsNeverInterleave() throws {
    let harness = Harness()
    let threads = 8
    let perThread = 150
    // Reads concurrently, or the writers would block on a full pipe.
    let collected = Collector<JSONValue>()
    let readerDone = DispatchSemaphore(value: 0)
    let reading = harness.fromServer.fileHandleForReading
    Thread.detachNewThread {
      var parser = FrameParser()
      var bad = 0
      while true {
        let data = reading.availableData
        if data.isEmpty { break }
        parser.append(data)
        while let event = parser.next() {
          switch event {
          case .message(let body):
            if let value = try? JSONDecoder().decode(JSONValue.self, from: body) {
              collected.append(value)
            } else {
              bad += 1
            }
          case .error: bad += 1
          }
        }
      }
      if bad > 0 { collected.append(.string("bad \(bad)")) }
      readerDone.signal()
    }
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      for n in 0..<perThread {
        // Some bodies are larger than PIPE_BUF, so one write(2) may not carry a whole frame.
        let padding = String(repeating: "é🔵", count: (n % 7 == 0) ? 1500 : n % 13)
        harness.connection.send(notification: "t\(thread)", params: ["n": .integer(n), "pad": .string(padding)] as JSONValue)
      }
    }
    try harness.fromServer.fileHandleForWriting.close()
    #expect(readerDone.wait(timeout: .now() + 20) == .success)
    try harness.toServer.fileHandleForWriting.close()
    let messages = collected.all
    #expect(messages.count == threads * perThread)
    #expect(!messages.contains { $0.stringValue?.hasPrefix("bad") == true }, "some frames were garbled")
    for thread in 0..<threads {
      let numbers = messages.filter { $0["method"] == .string("t\(thread)") }.compactMap { $0["params"]?["n"]?.intValue }
      #expect(numbers == Array(0..<perThread), "thread \(thread)'s notifications out of order or missing")
    }
  }
}
