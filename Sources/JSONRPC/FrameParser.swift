#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Splits a byte stream into LSP base-protocol frames (`Content-Length` headers, then a body).
///
/// A value type fed with `append(_:)` and drained with `next()`. It never throws: a garbled header
/// (garbage where a header should be, a missing or non-numeric `Content-Length`, a length larger than
/// the message that follows) becomes an `.error` event, and parsing resumes at the next
/// `Content-Length` header found in the stream.
public struct FrameParser: Sendable {
  /// What the parser found in the stream.
  public enum Event: Equatable, Sendable {
    /// The body of a complete frame (not yet checked to be JSON).
    case message(Data)
    /// A framing problem, for the log; the parser has already recovered.
    case error(String)
  }

  /// Header lines longer than this are garbage, not a header still arriving.
  static let maximumHeaderLength = 8192

  private var buffer: [UInt8] = []
  private var start = 0
  /// The body length announced by the last complete header, while its body is awaited.
  private var bodyLength: Int?
  /// How far the awaited body has been searched for an embedded header.
  private var bodyScanned = 0
  private var ready: [Event] = []

  public init() {}

  /// Adds bytes read from the stream.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    if start > 0 && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      bodyScanned = max(0, bodyScanned - start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next event, or nil when more bytes are needed.
  public mutating func next() -> Event? {
    while ready.isEmpty {
      let progressed = bodyLength == nil ? parseHeader() : parseBody()
      if !progressed { break }
    }
    return ready.isEmpty ? nil : ready.removeFirst()
  }

  /// At end of input: an error describing a message left unfinished, if any.
  public mutating func finish() -> Event? {
    defer {
      buffer = []
      start = 0
      bodyLength = nil
    }
    if let length = bodyLength {
      return .error("end of input inside a message: Content-Length \(length) announced, \(buffer.count - start) bytes received")
    }
    let rest = buffer[start...]
    if rest.allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: " ") }) {
      return nil
    }
    return .error("end of input inside a header: \(Self.preview(rest))")
  }

  // MARK: Header

  /// Parses one complete header block if the buffer holds one. Returns false when more bytes are needed.
  private mutating func parseHeader() -> Bool {
    var position = start
    var contentLength: Int?
    var badLength: String?
    var sawField = false
    while true {
      guard let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) else {
        if buffer.count - position > Self.maximumHeaderLength {
          resynchronize(from: position, reason: "header line too long")
          return true
        }
        return false
      }
      if newline - position > Self.maximumHeaderLength {
        // The same verdict as when the line is still arriving, however the stream was cut.
        resynchronize(from: position, reason: "header line too long")
        return true
      }
      var lineEnd = newline
      if lineEnd > position && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
      let line = buffer[position..<lineEnd]
      let lineStart = position
      position = newline + 1
      if line.isEmpty {
        if !sawField {
          start = position  // a stray blank line between messages
          continue
        }
        start = position
        if let badLength {
          ready.append(.error("invalid Content-Length '\(badLength)'; message skipped"))
        } else if let contentLength {
          if contentLength == 0 {
            ready.append(.error("Content-Length 0: empty message skipped"))
          } else {
            bodyLength = contentLength
            bodyScanned = start
          }
        } else {
          ready.append(.error("header without Content-Length; message skipped"))
        }
        return true
      }
      // Garbage glued to a header (`xyzContent-Length: 12`, `X-Junk: 1Content-Length: 12`) can read
      // as a header line: the real header starts inside it.
      if let header = Self.findContentLengthHeader(in: buffer, from: lineStart + 1, before: lineEnd) {
        ready.append(
          .error("expected a header, found \(Self.preview(buffer[lineStart..<header])); skipped \(header - start) bytes up to the next header"))
        start = header
        return true
      }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
        colon > line.startIndex,
        line[..<colon].allSatisfy(Self.isTokenByte)
      else {
        resynchronize(from: start, reason: "expected a header, found \(Self.preview(line))")
        return true
      }
      sawField = true
      let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
      let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
      let valueBytes = line[(colon + 1)...].drop(while: isBlank).reversed().drop(while: isBlank).reversed()
      let value = String(decoding: valueBytes, as: UTF8.self)
      if name == "content-length" {
        if let length = Int(value), length >= 0 {
          contentLength = length
        } else {
          badLength = value
        }
      }
      // Content-Type and any other header are accepted and ignored: bodies are always UTF-8 JSON.
    }
  }

  /// Skips to the next `Content-Length` header after `position`, reporting `reason`.
  private mutating func resynchronize(from position: Int, reason: String) {
    if let next = Self.findContentLengthHeader(in: buffer, from: position + 1) {
      ready.append(.error("\(reason); skipped \(next - start) bytes up to the next header"))
      start = next
    } else {
      // Keep a short tail: it may be the beginning of a header still arriving.
      let keep = min(buffer.count - position, 15)
      ready.append(.error("\(reason); skipped \(buffer.count - keep - start) bytes"))
      start = buffer.count - keep
      if start < position + 1 { start = min(position + 1, buffer.count) }
    }
  }

  // MARK: Body

  private mutating func parseBody() -> Bool {
    guard let length = bodyLength else { return false }
    let available = buffer.count - start
    let end = start + min(length, available)
    // A header inside the body means the announced length was too large for the message sent.
    // Bytes already searched are not searched again, but for a margin where a header may straddle chunks.
    let scanFrom = max(start, bodyScanned - 40)
    bodyScanned = end
    if let embedded = Self.findEmbeddedHeader(in: buffer, from: scanFrom, to: end) {
      ready.append(.error("Content-Length \(length) is larger than the message that follows; resuming at the next header"))
      if embedded > start { ready.append(.message(Data(buffer[start..<embedded]))) }
      start = embedded
      bodyLength = nil
      return true
    }
    guard available >= length else { return false }
    // A header may begin inside the announced length and not have arrived whole: wait for the rest
    // rather than cut it in two. (A JSON body never ends in the first bytes of such a header.)
    if Self.endsInsideHeaderPrefix(buffer, from: max(start, end - Self.contentLengthLowercased.count - 20), to: end) {
      return false
    }
    ready.append(.message(Data(buffer[start..<(start + length)])))
    start += length
    bodyLength = nil
    return true
  }

  // MARK: Byte search

  private static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
      return true
    default:
      return false
    }
  }

  private static let contentLengthLowercased = Array("content-length:".utf8)

  private static func matchesContentLength(_ bytes: [UInt8], at index: Int) -> Bool {
    let pattern = contentLengthLowercased
    guard index + pattern.count <= bytes.count else { return false }
    for offset in 0..<pattern.count where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 {
      return false
    }
    return true
  }

  /// The index of the next `Content-Length:` (any case) at or after `from`, starting before `end`.
  static func findContentLengthHeader(in bytes: [UInt8], from: Int, before end: Int = .max) -> Int? {
    var index = from
    let limit = min(bytes.count, end)
    while index < limit {
      if bytes[index] | 0x20 == UInt8(ascii: "c") && matchesContentLength(bytes, at: index) { return index }
      index += 1
    }
    return nil
  }

  /// Where a `Content-Length: N` header line ending in a raw line break starts inside `from..<to`.
  ///
  /// Valid JSON cannot hold one: raw line breaks are not allowed inside JSON strings, and the header
  /// name is not a JSON token outside them. Finding one means the body was cut short.
  static func findEmbeddedHeader(in bytes: [UInt8], from: Int, to: Int) -> Int? {
    var index = from
    while let candidate = findContentLengthHeader(in: bytes, from: index), candidate < to {
      var cursor = candidate + contentLengthLowercased.count
      while cursor < bytes.count && bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
      let digitsStart = cursor
      while cursor < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) { cursor += 1 }
      if cursor > digitsStart && cursor < bytes.count
        && (bytes[cursor] == UInt8(ascii: "\r") || bytes[cursor] == UInt8(ascii: "\n"))
      {
        return candidate
      }
      index = candidate + 1
    }
    return nil
  }

  /// Whether a `Content-Length: N` header may start in `from..<to` and run, unfinished, to the end
  /// of `bytes`: its name, spaces and digits so far all there, but not yet the line break ending it.
  static func endsInsideHeaderPrefix(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
    let pattern = contentLengthLowercased
    candidates: for candidate in from..<to where bytes[candidate] | 0x20 == pattern[0] {
      var cursor = candidate
      for expected in pattern {
        if cursor == bytes.count { return true }
        if bytes[cursor] | 0x20 != expected | 0x20 { continue candidates }
        cursor += 1
      }
      while cursor < bytes.count && bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
      while cursor < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) { cursor += 1 }
      if cursor == bytes.count { return true }
    }
    return false
  }

  static func preview(_ bytes: some Collection<UInt8>) -> String {
    let text = String(decoding: bytes.prefix(40), as: UTF8.self)
    let escaped = text.replacing("\r", with: "\\r").replacing("\n", with: "\\n")
    return "'\(escaped)\(bytes.count > 40 ? "…" : "")'"
  }
}
