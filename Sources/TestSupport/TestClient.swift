import Foundation
import JSONRPC
import Synchronization

/// An LSP client for tests: frames JSON messages onto a byte stream, reads the server's frames on a
/// background thread, answers the server's requests, and keeps a transcript of everything exchanged.
///
/// Every message sent and received is checked against the protocol schemas (`protocol-schemas/`);
/// tests end with `#expect(client.schemaViolations == [])`. A test that sends a deliberately invalid
/// message passes `validate: false` for it (the response to such a request is not checked either).
///
/// It talks either to a spawned `dateline` process (`TestClient.spawn`) or to any pair of file
/// descriptors (an in-process server over pipes).
public final class TestClient: @unchecked Sendable {
  /// A message seen on the wire, and which way it went.
  public struct Entry: Sendable {
    public enum Direction: Sendable { case sent, received }
    public var direction: Direction
    public var message: JSONValue
  }

  /// The error a wait ends with.
  public struct Timeout: Error, CustomStringConvertible {
    public var description: String
  }

  private let output: FileHandle
  /// Held while a message is written (see `sendRaw`).
  private let writing = NSLock()
  private let process: Process?
  private let stderrPipe: Pipe?
  private let state = Mutex(State())
  private let condition = NSCondition()
  private let readerDone = DispatchSemaphore(value: 0)
  /// Signalled when the spawned process's stderr reaches its end.
  private let stderrDone = DispatchSemaphore(value: 0)
  /// Answers the server's requests (`workspace/configuration`, …); the default is `defaultAnswer`.
  public let serverRequestHandler: Mutex<@Sendable (String, JSONValue?) -> JSONValue> = Mutex(defaultAnswer)

  private struct State {
    var nextID = 1
    var received: [JSONValue] = []
    var transcript: [Entry] = []
    var stderr = Data()
    var inputClosed = false
    var framingErrors: [String] = []
    var schemaCheck = TranscriptValidator()
  }

  /// The default answer to a server request: for `workspace/configuration` one null per item asked
  /// (no settings), for anything else null.
  @Sendable public static func defaultAnswer(method: String, params: JSONValue?) -> JSONValue {
    guard method == "workspace/configuration" else { return .null }
    let count = params?["items"]?.arrayValue?.count ?? 0
    return .array(Array(repeating: .null, count: count))
  }

  /// Starts the built `dateline` binary with `arguments`.
  public static func spawn(
    arguments: [String] = ["--stdio"], environment: [String: String]? = nil,
    currentDirectory: URL? = nil
  ) throws -> TestClient {
    let process = Process()
    process.executableURL = try BuiltProducts.dateline()
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    return TestClient(
      reading: stdout.fileHandleForReading, writing: stdin.fileHandleForWriting, process: process, stderr: stderr)
  }

  /// A client over the given handles (the server's output, the server's input).
  public init(reading input: FileHandle, writing output: FileHandle) {
    self.output = output
    self.process = nil
    self.stderrPipe = nil
    startReader(input)
  }

  private init(reading input: FileHandle, writing output: FileHandle, process: Process, stderr: Pipe) {
    self.output = output
    self.process = process
    self.stderrPipe = stderr
    startReader(input)
    let handle = stderr.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        state.withLock { $0.stderr.append(data) }
      }
      stderrDone.signal()
    }
  }

  deinit {
    if let process, process.isRunning { process.terminate() }
  }

  // MARK: Reading

  private func startReader(_ input: FileHandle) {
    Thread.detachNewThread { [self] in
      var parser = FrameParser()
      while true {
        let data = input.availableData
        if data.isEmpty { break }
        parser.append(data)
        while let event = parser.next() {
          switch event {
          case .error(let text): state.withLock { $0.framingErrors.append(text) }
          case .message(let body): receive(body)
          }
        }
      }
      condition.lock()
      state.withLock { $0.inputClosed = true }
      condition.broadcast()
      condition.unlock()
      readerDone.signal()
    }
  }

  private func receive(_ body: Data) {
    let message: JSONValue
    do {
      message = try JSONDecoder().decode(JSONValue.self, from: body)
    } catch {
      state.withLock { $0.framingErrors.append("server sent a body that is not JSON: \(String(decoding: body, as: UTF8.self))") }
      return
    }
    condition.lock()
    state.withLock {
      $0.received.append(message)
      $0.transcript.append(Entry(direction: .received, message: message))
      $0.schemaCheck.check(message, direction: .received)
    }
    condition.broadcast()
    condition.unlock()
    // Answer requests from the server.
    if let method = message["method"]?.stringValue, let id = message["id"] {
      let handler = serverRequestHandler.withLock { $0 }
      send(["jsonrpc": "2.0", "id": id, "result": handler(method, message["params"])])
    }
  }

  // MARK: Sending

  /// Writes raw bytes, framed or not: for testing what the server does with bad input. One write at
  /// a time: the reader thread answers server requests while a test may be writing a long message
  /// (a pipe takes 64 KB per write, so two unserialised writers would interleave their frames).
  public func sendRaw(_ bytes: some Sequence<UInt8>) {
    let data = Data(bytes)
    writing.lock()
    defer { writing.unlock() }
    do {
      try output.write(contentsOf: data)
    } catch {
      state.withLock { $0.framingErrors.append("write failed: \(error)") }
    }
  }

  /// Frames a message and writes it. With `validate: false` the message is not checked against the
  /// protocol schemas, nor is the response to it: for deliberately invalid messages.
  public func send(_ message: JSONValue, validate: Bool = true) {
    state.withLock {
      $0.transcript.append(Entry(direction: .sent, message: message))
      $0.schemaCheck.check(message, direction: .sent, validate: validate)
    }
    sendRaw(Self.frame(message))
  }

  /// A message as bytes on the wire: header and JSON body.
  public static func frame(_ message: JSONValue) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = try! encoder.encode(message)
    return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
  }

  /// Sends a notification; `validate: false` for a deliberately invalid one.
  public func notify(_ method: String, _ params: JSONValue? = nil, validate: Bool = true) {
    var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
    if let params { message["params"] = params }
    send(.object(message), validate: validate)
  }

  /// Sends a request without waiting; returns its id. `validate: false` for a deliberately invalid
  /// one (its response is then not checked either).
  @discardableResult
  public func sendRequest(_ method: String, _ params: JSONValue? = nil, validate: Bool = true) -> JSONValue {
    let id = state.withLock { state in
      defer { state.nextID += 1 }
      return JSONValue.integer(state.nextID)
    }
    var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
    if let params { message["params"] = params }
    send(.object(message), validate: validate)
    return id
  }

  /// Sends a request and waits for its response (the whole message, with `result` or `error`).
  public func request(
    _ method: String, _ params: JSONValue? = nil, validate: Bool = true, timeout: Double = 20
  ) throws -> JSONValue {
    let id = sendRequest(method, params, validate: validate)
    return try response(to: id, timeout: timeout)
  }

  /// Waits for the response to the request `id`.
  public func response(to id: JSONValue, timeout: Double = 20) throws -> JSONValue {
    try waitFor(timeout: timeout, "the response to request \(id)") { message in
      message["method"] == nil && message["id"] == id
    }
  }

  // MARK: Waiting

  /// Waits until a received message satisfies `predicate`, and returns the first one that does.
  public func waitFor(
    timeout: Double = 20, _ what: String, _ predicate: (JSONValue) -> Bool
  ) throws -> JSONValue {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      let (found, closed) = state.withLock { ($0.received.first(where: predicate), $0.inputClosed) }
      if let found { return found }
      if closed { throw Timeout(description: "the server closed its output before \(what)\n\(stderrText)") }
      if !condition.wait(until: deadline) {
        throw Timeout(description: "no \(what) within \(timeout) s\nstderr:\n\(stderrText)")
      }
    }
  }

  /// How many messages have been received: pass it to `notification(_:after:)` before acting, so a
  /// notification that arrives quickly is not missed.
  public var mark: Int { state.withLock { $0.received.count } }

  /// Waits for a notification `method` (matching `predicate`) among the messages received after `mark`.
  public func notification(
    _ method: String, after mark: Int, timeout: Double = 20, where predicate: (JSONValue) -> Bool = { _ in true }
  ) throws -> JSONValue {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      let (messages, closed) = state.withLock { ($0.received, $0.inputClosed) }
      if mark < messages.count,
        let found = messages[mark...].first(where: {
          $0["method"]?.stringValue == method && $0["id"] == nil && predicate($0)
        })
      {
        return found
      }
      if closed { throw Timeout(description: "the server closed its output before \(method)\n\(stderrText)") }
      if !condition.wait(until: deadline) {
        throw Timeout(description: "no \(method) within \(timeout) s\nstderr:\n\(stderrText)")
      }
    }
  }

  /// Every message received so far.
  public var received: [JSONValue] { state.withLock { $0.received } }

  /// Everything sent and received so far, in order.
  public var transcript: [Entry] { state.withLock { $0.transcript } }

  /// What the server wrote on stderr so far.
  public var stderrText: String { state.withLock { String(decoding: $0.stderr, as: UTF8.self) } }

  /// Waits until the server's stderr contains `text` (stderr is read on its own thread, so a line
  /// written just before a response may arrive after it). Returns whether it did within `timeout`.
  public func stderrContains(_ text: String, timeout: Double = 10) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
      if stderrText.contains(text) { return true }
      usleep(2_000)
    }
    return stderrText.contains(text)
  }

  /// Bytes on the server's output that were not valid frames of JSON (should stay empty).
  public var framingErrors: [String] { state.withLock { $0.framingErrors } }

  /// Every way a message sent or received so far broke the protocol schemas, one line each (should
  /// stay empty), such as
  /// `received response to initialize: result.capabilities.positionEncoding: expected string, got integer`.
  public var schemaViolations: [String] { state.withLock { $0.schemaCheck.violations } }

  // MARK: Ending

  /// Closes the server's input (end of stdin).
  public func closeInput() {
    try? output.close()
  }

  /// Waits for the spawned process to end; returns its exit status, or nil on timeout (the process
  /// is then killed).
  public func waitForExit(timeout: Double = 20) -> Int32? {
    guard let process else { return nil }
    let deadline = Date(timeIntervalSinceNow: timeout)
    while process.isRunning && Date() < deadline { usleep(2_000) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    _ = readerDone.wait(timeout: .now() + 5)
    _ = stderrDone.wait(timeout: .now() + 5)
    return process.terminationStatus
  }

  /// The usual opening: `initialize` (with `capabilities`) then `initialized`. Returns the result.
  @discardableResult
  public func initialize(
    capabilities: JSONValue = ["general": ["positionEncodings": ["utf-16"]]],
    initializationOptions: JSONValue? = nil, rootURI: String? = nil, trace: String? = nil
  ) throws -> JSONValue {
    // `processId` and `rootUri` are required, null when there is none.
    var params: [String: JSONValue] = [
      "processId": .null, "rootUri": rootURI.map(JSONValue.string) ?? .null, "capabilities": capabilities,
    ]
    if let initializationOptions { params["initializationOptions"] = initializationOptions }
    if let trace { params["trace"] = .string(trace) }
    let response = try request("initialize", .object(params))
    guard let result = response["result"] else {
      throw Timeout(description: "initialize failed: \(response)")
    }
    notify("initialized", [:])
    return result
  }

  /// `shutdown` then `exit`; returns the process exit status.
  public func shutdownAndExit() throws -> Int32? {
    _ = try request("shutdown")
    notify("exit")
    return waitForExit()
  }
}
