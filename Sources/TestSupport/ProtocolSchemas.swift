import Foundation
import JSONRPC

/// The project's protocol schemas (`protocol-schemas/lsp` and `protocol-schemas/dateline`), ready to
/// check whole JSON-RPC messages: the schema is picked by method and by part (request, response,
/// notification), and the direction a message travels must be the method's.
public struct ProtocolSchemas: Sendable {
  /// The three parts of the protocol a schema file describes: `<name>.<part>.json`.
  public enum Part: String, Sendable, CaseIterable {
    case request, response, notification
  }

  /// Which way a method's messages travel, as the meta model's `messageDirection` says.
  public enum MethodDirection: String, Sendable {
    case clientToServer, serverToClient, both
  }

  /// One schema file.
  public struct Schema: Sendable {
    public var file: URL
    public var method: String
    public var part: Part
    /// For a response, the direction of the request it answers.
    public var direction: MethodDirection
    public var json: JSONValue
    public var validator: JSONSchemaValidator
  }

  /// Every schema file, sorted by path.
  public let schemas: [Schema]
  private let byKey: [String: Schema]

  /// The schemas in the project, loaded once per test process.
  public static let project: Result<ProtocolSchemas, JSONSchemaValidator.SchemaError> = {
    let directory = SharedFixtures.project("protocol-schemas")
    do {
      return .success(try ProtocolSchemas(directory: directory))
    } catch let error as JSONSchemaValidator.SchemaError {
      return .failure(error)
    } catch {
      return .failure(JSONSchemaValidator.SchemaError("cannot load \(directory.path): \(error)"))
    }
  }()

  /// Loads the `*.json` files of each folder in `directory`; throws on a file that does not parse,
  /// uses a keyword the validator does not know, or whose name does not match its title and part.
  public init(directory: URL) throws {
    var schemas: [Schema] = []
    let folders = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
    // `files/` holds the schemas of Dateline's own file formats, not of messages.
    for folder in folders where folder.hasDirectoryPath && folder.lastPathComponent != "files" {
      for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      where file.pathExtension == "json" {
        schemas.append(try Self.load(file))
      }
    }
    self.schemas = schemas.sorted { $0.file.path < $1.file.path }
    var byKey: [String: Schema] = [:]
    for schema in self.schemas {
      let key = Self.key(schema.method, schema.part)
      if let other = byKey[key] {
        throw JSONSchemaValidator.SchemaError("\(schema.file.path) and \(other.file.path) both describe \(key)")
      }
      byKey[key] = schema
    }
    self.byKey = byKey
  }

  /// The schema of one part of a method, if there is one.
  public func schema(for method: String, _ part: Part) -> Schema? {
    byKey[Self.key(method, part)]
  }

  /// The file name for a method and part: `/` becomes `.`, `$` becomes `dollar`.
  public static func fileName(method: String, part: Part) -> String {
    method.replacingOccurrences(of: "$", with: "dollar").replacingOccurrences(of: "/", with: ".")
      + ".\(part.rawValue).json"
  }

  private static func key(_ method: String, _ part: Part) -> String { "\(part.rawValue) \(method)" }

  private static func load(_ file: URL) throws -> Schema {
    let json = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))
    func fail(_ problem: String) -> JSONSchemaValidator.SchemaError {
      JSONSchemaValidator.SchemaError("\(file.lastPathComponent): \(problem)")
    }
    guard let method = json["title"]?.stringValue else { throw fail("no title (the method)") }
    let partName = file.deletingPathExtension().pathExtension
    guard let part = Part(rawValue: partName) else { throw fail("'\(partName)' is not request, response or notification") }
    guard file.lastPathComponent == fileName(method: method, part: part) else {
      throw fail("should be named \(fileName(method: method, part: part)) for its title \(method)")
    }
    guard let direction = json["x-messageDirection"]?.stringValue.flatMap(MethodDirection.init(rawValue:)) else {
      throw fail("x-messageDirection must be clientToServer, serverToClient or both")
    }
    let validator: JSONSchemaValidator
    do {
      validator = try JSONSchemaValidator(schema: json)
    } catch {
      throw fail(error.description)
    }
    return Schema(file: file, method: method, part: part, direction: direction, json: json, validator: validator)
  }

  // MARK: Validating messages

  /// Which way a message went, seen from the client.
  public typealias Direction = TestClient.Entry.Direction

  /// The violations of one message, each a line starting with what the message is; empty when it is
  /// valid. A response is checked against the schema of `requestMethodForResponse`, the method of
  /// the request it answers (nil when no request had its id: a violation, except for an error
  /// response, which may answer a message too broken to have an id). An error response to a method
  /// without a schema passes when its envelope is right (the server rejects unknown methods so).
  public func validate(
    message: JSONValue, direction: Direction, requestMethodForResponse: String?
  ) -> [String] {
    guard case .object = message else { return ["\(direction) message: not a JSON object"] }
    let isError = message["error"] != nil
    let part: Part
    let method: String
    if let methodValue = message["method"] {
      guard let name = methodValue.stringValue else { return ["\(direction) message: 'method' is not a string"] }
      part = message["id"] == nil ? .notification : .request
      method = name
    } else if let requestMethod = requestMethodForResponse {
      part = .response
      method = requestMethod
    } else if isError {
      return prefixed(Self.errorEnvelope.validate(message), "\(direction) error response")
    } else {
      return ["\(direction) response with id \(message["id"].map(JSONSchemaValidator.render) ?? "none"): "
        + "answers no request"]
    }
    let label = part == .response ? "\(direction) response to \(method)" : "\(direction) \(method) \(part.rawValue)"
    guard let schema = schema(for: method, part) else {
      if part == .response && isError { return prefixed(Self.errorEnvelope.validate(message), label) }
      return ["\(label): no schema for method \(method)"]
    }
    var violations = schema.validator.validate(message)
    if !Self.travels(part, of: schema.direction, direction) {
      violations.append("(root): \(method) is \(schema.direction.rawValue), so it cannot be \(direction) here")
    }
    return prefixed(violations, label)
  }

  private func prefixed(_ violations: [String], _ label: String) -> [String] {
    violations.map { "\(label): \($0)" }
  }

  /// Whether a `part` of a method going `methodDirection` may be `direction` (from the client's side).
  private static func travels(_ part: Part, of methodDirection: MethodDirection, _ direction: Direction) -> Bool {
    // Requests and notifications go the method's way; responses come back the other way.
    let clientSends = part == .response ? methodDirection != .clientToServer : methodDirection != .serverToClient
    let serverSends = part == .response ? methodDirection != .serverToClient : methodDirection != .clientToServer
    return direction == .sent ? clientSends : serverSends
  }

  /// A JSON-RPC error response of any method: `jsonrpc`, an `id` (null when the request's could not
  /// be read) and an `error` with a code and a message.
  static let errorEnvelope: JSONSchemaValidator = {
    let schema = """
      {
        "type": "object",
        "properties": {
          "jsonrpc": {"const": "2.0"},
          "id": {"type": ["integer", "string", "null"]},
          "error": {
            "type": "object",
            "properties": {"code": {"type": "integer"}, "message": {"type": "string"}},
            "required": ["code", "message"]
          }
        },
        "required": ["jsonrpc", "id", "error"]
      }
      """
    return try! JSONSchemaValidator(schema: JSONDecoder().decode(JSONValue.self, from: Data(schema.utf8)))
  }()
}
