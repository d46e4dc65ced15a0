import JSONRPC

/// `workspace/executeCommand`: runs one of the server's commands (named in its capabilities).
public struct ExecuteCommandRequest: RequestType, Hashable {
  public static let method = "workspace/executeCommand"
  public typealias Response = JSONValue?

  public var command: String
  public var arguments: [JSONValue]?

  public init(command: String, arguments: [JSONValue]?) {
    self.command = command
    self.arguments = arguments
  }
}
