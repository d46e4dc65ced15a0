import JSONRPC

/// Follows a conversation message by message and checks each against the protocol schemas, pairing
/// every response with the request it answers: responses the client receives answer the client's
/// requests, responses it sends answer the server's.
///
/// A message sent with `validate: false` (deliberately invalid) is not checked, and neither is the
/// response to it when it was a request.
struct TranscriptValidator {
  private let schemas: Result<ProtocolSchemas, JSONSchemaValidator.SchemaError>
  /// Every violation so far, one line each.
  private(set) var violations: [String] = []
  /// The method of each request awaiting a response, by id: the client's and the server's.
  private var clientRequests: [JSONValue: String] = [:]
  private var serverRequests: [JSONValue: String] = [:]
  /// Ids of the client's requests sent unchecked; their responses are not checked either.
  private var uncheckedClientRequests: Set<JSONValue> = []

  init(schemas: Result<ProtocolSchemas, JSONSchemaValidator.SchemaError> = ProtocolSchemas.project) {
    self.schemas = schemas
    if case .failure(let error) = schemas {
      violations.append("the protocol schemas could not be loaded: \(error)")
    }
  }

  mutating func check(_ message: JSONValue, direction: ProtocolSchemas.Direction, validate: Bool = true) {
    let id = message["id"]
    let method = message["method"]?.stringValue
    var requestMethod: String?
    if let id, let method {
      // A request: remember it until its response.
      if direction == .sent { clientRequests[id] = method } else { serverRequests[id] = method }
    } else if let id, message["method"] == nil {
      // A response: find what it answers.
      if direction == .received {
        requestMethod = clientRequests.removeValue(forKey: id)
        if uncheckedClientRequests.remove(id) != nil { return }
      } else {
        requestMethod = serverRequests.removeValue(forKey: id)
      }
    }
    guard validate else {
      if direction == .sent, let id, method != nil { uncheckedClientRequests.insert(id) }
      return
    }
    guard case .success(let schemas) = schemas else { return }
    violations += schemas.validate(message: message, direction: direction, requestMethodForResponse: requestMethod)
  }
}
