import JSONRPC

/// `workspace/configuration` (server to client): asks for settings sections.
public struct ConfigurationRequest: RequestType, Hashable {
  public static let method = "workspace/configuration"
  public typealias Response = [JSONValue]

  public var items: [Item]
  public init(items: [Item]) { self.items = items }

  /// One section, optionally for one document or folder.
  public struct Item: Codable, Hashable, Sendable {
    public var scopeUri: DocumentURI?
    public var section: String?

    public init(scopeUri: DocumentURI? = nil, section: String?) {
      self.scopeUri = scopeUri
      self.section = section
    }
  }
}
