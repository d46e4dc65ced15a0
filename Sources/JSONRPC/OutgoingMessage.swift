#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encodes the messages a peer sends: responses, notifications and requests, as JSON bodies.
public enum OutgoingMessage {
  /// A successful response; a nil `result` is sent as `"result": null`, as JSON-RPC requires.
  public static func response(id: RequestID, result: some Encodable) throws -> Data {
    try encode(Response(id: id, result: result))
  }

  /// An error response; a nil `id` is sent as `"id": null` (the request's id could not be read).
  public static func errorResponse(id: RequestID?, error: ResponseError) throws -> Data {
    try encode(ErrorResponse(id: id, error: error))
  }

  public static func notification(method: String, params: some Encodable) throws -> Data {
    try encode(Notification(method: method, params: params))
  }

  public static func request(id: RequestID, method: String, params: some Encodable) throws -> Data {
    try encode(Request(id: id, method: method, params: params))
  }

  private static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  private struct Response<Result: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: RequestID
    var result: Result

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(jsonrpc, forKey: .jsonrpc)
      try container.encode(id, forKey: .id)
      // `encode` (not `encodeIfPresent`) writes an Optional's nil as null: the member must be there.
      try container.encode(result, forKey: .result)
    }
  }

  private struct ErrorResponse: Encodable {
    var jsonrpc = "2.0"
    var id: RequestID?
    var error: ResponseError

    enum CodingKeys: String, CodingKey { case jsonrpc, id, error }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(jsonrpc, forKey: .jsonrpc)
      try container.encode(id, forKey: .id)
      try container.encode(error, forKey: .error)
    }
  }

  private struct Notification<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var method: String
    var params: Params
  }

  /// A request without params (`workspace/diagnostic/refresh`): the member is left out, not null.
  public static func request(id: RequestID, method: String) throws -> Data {
    try encode(BareRequest(id: id, method: method))
  }

  private struct Request<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: RequestID
    var method: String
    var params: Params
  }

  private struct BareRequest: Encodable {
    var jsonrpc = "2.0"
    var id: RequestID
    var method: String
  }
}
