#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A JSON-RPC connection over two file descriptors (stdin/stdout for a server, pipes in tests).
///
/// `run(_:)` reads on the calling thread until end of input and hands decoded messages to the handler,
/// a batch per read; it answers malformed messages itself. Sending is thread-safe: every frame goes out
/// whole, through one lock. Responses to requests sent with `sendRequest` go to their callbacks.
public final class JSONRPCConnection: Sendable {
  /// Called with the reply to a request this side sent.
  public typealias ReplyHandler = @Sendable (Result<JSONValue, ResponseError>) -> Void

  private let input: Int32
  private let output: Int32
  public let logger: Logger

  private struct Pending {
    var nextID = 1
    var handlers: [RequestID: ReplyHandler] = [:]
  }

  private let pending = Mutex(Pending())
  /// Held while a frame is written so frames never interleave; false once the peer has gone.
  private let writable = Mutex(true)

  public init(input: Int32, output: Int32, logger: Logger) {
    self.input = input
    self.output = output
    self.logger = logger
  }

  // MARK: Reading

  /// Reads messages until end of input, calling `handler` with the messages of each read, in order.
  ///
  /// - Important: Blocks the calling thread. Malformed frames and messages are logged, and answered
  ///   with the JSON-RPC error a request needs; reading continues after them.
  public func run(_ handler: ([IncomingMessage]) -> Void) {
    var parser = FrameParser()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        logger.error("reading input failed: \(String(cString: strerror(errno)))")
        break
      }
      if count == 0 { break }
      parser.append(chunk[0..<count])
      var batch: [IncomingMessage] = []
      while let event = parser.next() {
        switch event {
        case .error(let description):
          logger.error("framing: \(description)")
        case .message(let body):
          if let message = accept(body) { batch.append(message) }
        }
      }
      if !batch.isEmpty { handler(batch) }
    }
    if case .error(let description) = parser.finish() {
      logger.error("framing: \(description)")
    }
  }

  /// Classifies a body; answers and drops it when invalid, routes it when it is a response.
  private func accept(_ body: Data) -> IncomingMessage? {
    switch IncomingMessage.decode(body) {
    case .failure(let invalid):
      logger.error("\(invalid.error.message)")
      if invalid.needsReply {
        reply(to: invalid.id, error: invalid.error)
      } else if let id = invalid.id, let handler = pending.withLock({ $0.handlers.removeValue(forKey: id) }) {
        handler(.failure(invalid.error))  // a malformed reply to our request still ends its wait
      }
      return nil
    case .success(.response(let id, let result)):
      let handler = pending.withLock { $0.handlers.removeValue(forKey: id) }
      if let handler {
        handler(result)
      } else {
        logger.warning("response to unknown request \(id) ignored")
      }
      return nil
    case .success(let message):
      return message
    }
  }

  // MARK: Sending

  public func send(notification method: String, params: some Encodable) {
    write { try OutgoingMessage.notification(method: method, params: params) }
  }

  /// Sends a notification whose params write themselves (the fast path for large messages).
  public func send(notification method: String, writableParams params: some JSONWritable) {
    write { OutgoingMessage.notification(method: method, writableParams: params) }
  }

  /// Answers a request with a result that writes itself.
  public func reply(to id: RequestID, writableResult result: some JSONWritable) {
    write { OutgoingMessage.response(id: id, writableResult: result) }
  }

  /// Answers a request with its result (nil is sent as `null`).
  public func reply(to id: RequestID, result: some Encodable) {
    write { try OutgoingMessage.response(id: id, result: result) }
  }

  /// Answers a request with an error; a nil id is sent as `null`.
  public func reply(to id: RequestID?, error: ResponseError) {
    write { try OutgoingMessage.errorResponse(id: id, error: error) }
  }

  /// Sends a request to the peer; `onReply` runs on the reading thread when the answer arrives.
  public func sendRequest(method: String, params: some Encodable, onReply: @escaping ReplyHandler) {
    let id = pending.withLock {
      let id = RequestID.number($0.nextID)
      $0.nextID += 1
      $0.handlers[id] = onReply
      return id
    }
    write { try OutgoingMessage.request(id: id, method: method, params: params) }
  }

  /// Sends a request that has no params.
  public func sendRequest(method: String, onReply: @escaping ReplyHandler) {
    let id = pending.withLock {
      let id = RequestID.number($0.nextID)
      $0.nextID += 1
      $0.handlers[id] = onReply
      return id
    }
    write { try OutgoingMessage.request(id: id, method: method) }
  }

  private func write(_ makeBody: () throws -> Data) {
    let body: Data
    do {
      body = try makeBody()
    } catch {
      logger.error("could not encode a message: \(error)")
      return
    }
    var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    frame.append(contentsOf: body)
    writable.withLock { isWritable in
      guard isWritable else { return }
      var offset = 0
      while offset < frame.count {
        let written = frame.withUnsafeBytes { systemWrite(output, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          logger.error("writing output failed: \(String(cString: strerror(errno))); the client has gone")
          isWritable = false
          return
        }
        offset += written
      }
    }
  }
}

/// write(2), named apart from `JSONRPCConnection.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
