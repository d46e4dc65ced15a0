#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON-RPC message received from the peer, classified but with its params still undecoded.
public enum IncomingMessage: Sendable {
  case request(id: RequestID, method: String, params: RawParams)
  case notification(method: String, params: RawParams)
  case response(id: RequestID, result: Result<JSONValue, ResponseError>)

  /// The method of a request or notification.
  public var method: String? {
    switch self {
    case .request(_, let method, _), .notification(let method, _): return method
    case .response: return nil
    }
  }
}

/// A message that could not be classified: the error to answer with, and the id to answer to
/// (nil when none could be recovered, answered as `"id": null`).
public struct InvalidMessage: Error, Sendable {
  public var id: RequestID?
  public var error: ResponseError
  /// False for broken responses and notifications, which JSON-RPC never answers.
  public var needsReply: Bool
}

/// The `params` of a request or notification, kept as the raw message body until a handler asks for
/// a concrete type.
public struct RawParams: Sendable {
  let body: Data
  /// Whether the message has a `params` member at all.
  public let isPresent: Bool

  /// Decodes `params` as `T`. A missing or mistyped field becomes `InvalidParams` naming the field.
  public func decode<T: Decodable>(_ type: T.Type) throws(ResponseError) -> T {
    guard isPresent else { throw ResponseError.invalidParams("missing 'params'") }
    do {
      return try JSONDecoder().decode(ParamsMember<T>.self, from: body).params
    } catch let error as DecodingError {
      throw ResponseError.invalidParams(Self.describe(error))
    } catch {
      throw ResponseError.invalidParams("\(error)")
    }
  }

  /// Decodes `params` as `T` when present, and returns nil when the member is absent or null.
  public func decodeIfPresent<T: Decodable>(_ type: T.Type) throws(ResponseError) -> T? {
    guard isPresent else { return nil }
    return try decode(T?.self)
  }

  private struct ParamsMember<Value: Decodable>: Decodable {
    var params: Value
  }

  /// A sentence naming the field at fault, with its path from `params` (`textDocument.uri`).
  static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
      var keys = codingPath
      if let last { keys.append(last) }
      if keys.first?.stringValue == "params" { keys.removeFirst() }
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text.isEmpty ? "params" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "missing field '\(path(context.codingPath, key))'"
    case .valueNotFound(let type, let context):
      return "field '\(path(context.codingPath))' must not be null (expected \(typeName(type)))"
    case .typeMismatch(let type, let context):
      return "field '\(path(context.codingPath))' has the wrong type (expected \(typeName(type)))"
    case .dataCorrupted(let context):
      return "field '\(path(context.codingPath))': \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type, is UInt32.Type, is Int32.Type: return "an integer"
    case is Double.Type: return "a number"
    case is Bool.Type: return "a boolean"
    default:
      let name = String(describing: type)
      if name.hasPrefix("Array") { return "an array" }
      if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
      return name
    }
  }
}

extension IncomingMessage {
  /// Classifies a frame body. Not JSON is a ParseError; JSON that is not a JSON-RPC 2.0 request,
  /// notification or response is an InvalidRequest.
  public static func decode(_ body: Data) -> Result<IncomingMessage, InvalidMessage> {
    let envelope: Envelope
    do {
      envelope = try JSONDecoder().decode(Envelope.self, from: body)
    } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
      return .failure(InvalidMessage(id: nil, error: .parseError("the message is not valid JSON"), needsReply: true))
    } catch {
      return .failure(
        InvalidMessage(id: nil, error: .invalidRequest("a message must be a JSON object"), needsReply: true))
    }
    return envelope.classify(body: body)
  }
}

/// The members of a JSON-RPC message, read without decoding `params`.
private struct Envelope: Decodable {
  enum IDField {
    case absent
    case null
    case valid(RequestID)
    case invalid
  }

  var jsonrpc: String?
  var id: IDField = .absent
  var method: String?
  var methodIsInvalid = false
  var params: ParamsShape = .absent
  var hasResult = false
  var result: JSONValue?
  var error: ResponseError?
  var errorIsInvalid = false

  enum ParamsShape {
    case absent
    case structured
    case null
    case invalid
  }

  enum CodingKeys: String, CodingKey {
    case jsonrpc, id, method, params, result, error
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    jsonrpc = try? container.decodeIfPresent(String.self, forKey: .jsonrpc)
    if container.contains(.id) {
      if (try? container.decodeNil(forKey: .id)) == true {
        id = .null
      } else if let value = try? container.decode(RequestID.self, forKey: .id) {
        id = .valid(value)
      } else {
        id = .invalid
      }
    }
    if container.contains(.method) {
      method = try? container.decode(String.self, forKey: .method)
      methodIsInvalid = method == nil
    }
    if container.contains(.params) {
      if (try? container.decodeNil(forKey: .params)) == true {
        params = .null
      } else if (try? container.nestedContainer(keyedBy: CodingKeys.self, forKey: .params)) != nil
        || (try? container.nestedUnkeyedContainer(forKey: .params)) != nil
      {
        params = .structured
      } else {
        params = .invalid
      }
    }
    if container.contains(.result) {
      hasResult = true
      result = try? container.decode(JSONValue.self, forKey: .result)
    }
    if container.contains(.error) {
      error = try? container.decode(ResponseError.self, forKey: .error)
      errorIsInvalid = error == nil
    }
  }

  func classify(body: Data) -> Result<IncomingMessage, InvalidMessage> {
    var requestID: RequestID?
    if case .valid(let value) = id { requestID = value }
    func invalid(_ detail: String, reply: Bool = true) -> Result<IncomingMessage, InvalidMessage> {
      .failure(InvalidMessage(id: requestID, error: .invalidRequest(detail), needsReply: reply))
    }
    if case .invalid = id { return invalid("'id' must be a number or a string") }
    guard jsonrpc == "2.0" else { return invalid("'jsonrpc' must be \"2.0\"", reply: method != nil || requestID != nil) }
    if methodIsInvalid { return invalid("'method' must be a string") }
    if let method {
      if case .invalid = params { return invalid("'params' must be an object or an array", reply: requestID != nil) }
      let raw = RawParams(body: body, isPresent: { if case .structured = params { return true } else { return false } }())
      switch id {
      case .valid(let value): return .success(.request(id: value, method: method, params: raw))
      case .absent: return .success(.notification(method: method, params: raw))
      case .null: return invalid("a request's 'id' must not be null")
      case .invalid: return invalid("'id' must be a number or a string")
      }
    }
    // No method: a response to one of our requests.
    guard let requestID else {
      return invalid("a message needs a 'method' (request or notification) or an 'id' (response)", reply: false)
    }
    if let error { return .success(.response(id: requestID, result: .failure(error))) }
    if errorIsInvalid { return invalid("'error' must be an object with a code and a message", reply: false) }
    guard hasResult else { return invalid("a response needs a 'result' or an 'error'", reply: false) }
    return .success(.response(id: requestID, result: .success(result ?? .null)))
  }
}
