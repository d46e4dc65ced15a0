#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes JSON straight into bytes, for the messages that must be fast: a `publishDiagnostics` of a
/// long article carries thousands of diagnostics, which `JSONEncoder` takes tens of milliseconds
/// to encode.
///
/// The caller writes values in order; the writer places commas and colons.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  /// Whether the next value in the current object or array needs a comma before it.
  private var needsComma = false

  public init(capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A member name; the member's value follows.
  public mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    needsComma = false
  }

  /// A member name given at run time (a URI as a key of `changes`).
  public mutating func key(_ name: String) {
    value(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  public mutating func value(_ number: Int) {
    separate()
    if number == 0 {
      bytes.append(UInt8(ascii: "0"))
    } else {
      var digits: [UInt8] = []
      var rest = number.magnitude
      while rest > 0 {
        digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
        rest /= 10
      }
      if number < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: digits.reversed())
    }
    needsComma = true
  }

  public mutating func value(_ flag: Bool) {
    separate()
    bytes.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
    needsComma = true
  }

  public mutating func null() {
    separate()
    bytes.append(contentsOf: Array("null".utf8))
    needsComma = true
  }

  /// A string, escaped as JSON requires (quotes, backslashes, control characters).
  public mutating func value(_ text: String) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { source in
      var runStart = 0
      for index in 0..<source.count {
        let byte = source[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: Array("\\u00".utf8))
          bytes.append(hex[Int(byte >> 4)])
          bytes.append(hex[Int(byte & 0x0F)])
        }
        runStart = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
    }
    bytes.append(UInt8(ascii: "\""))
    needsComma = true
  }

  /// Bytes that are already JSON (written by another writer or encoder).
  public mutating func raw(_ json: some Sequence<UInt8>) {
    separate()
    bytes.append(contentsOf: json)
    needsComma = true
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }
}

/// A value that writes itself with a `JSONWriter`, for messages on hot paths.
public protocol JSONWritable {
  func write(to writer: inout JSONWriter)
}

extension OutgoingMessage {
  /// A notification whose params write themselves: the fast path for large messages.
  public static func notification(method: String, writableParams params: some JSONWritable) -> Data {
    var writer = JSONWriter(capacity: 4096)
    writer.beginObject()
    writer.key("jsonrpc")
    writer.value("2.0")
    writer.key("method")
    writer.value(method)
    writer.key("params")
    params.write(to: &writer)
    writer.endObject()
    return Data(writer.bytes)
  }

  /// A response whose result writes itself.
  public static func response(id: RequestID, writableResult result: some JSONWritable) -> Data {
    var writer = JSONWriter(capacity: 4096)
    writer.beginObject()
    writer.key("jsonrpc")
    writer.value("2.0")
    writer.key("id")
    switch id {
    case .number(let number): writer.value(number)
    case .string(let text): writer.value(text)
    }
    writer.key("result")
    result.write(to: &writer)
    writer.endObject()
    return Data(writer.bytes)
  }
}

extension JSONValue: JSONWritable {
  public func write(to writer: inout JSONWriter) {
    switch self {
    case .null: writer.null()
    case .bool(let value): writer.value(value)
    case .integer(let value): writer.value(value)
    case .double(let value): writer.raw(Array("\(value)".utf8))
    case .string(let value): writer.value(value)
    case .array(let values):
      writer.beginArray()
      for value in values { value.write(to: &writer) }
      writer.endArray()
    case .object(let members):
      writer.beginObject()
      for (key, value) in members.sorted(by: { $0.key < $1.key }) {
        writer.key(key)
        value.write(to: &writer)
      }
      writer.endObject()
    }
  }
}
