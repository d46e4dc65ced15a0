import JSONRPC

/// `workspace/didChangeConfiguration`: settings changed (pushed, or a hint to pull them again).
public struct DidChangeConfigurationNotification: NotificationType, Hashable {
  public static let method = "workspace/didChangeConfiguration"
  public var settings: JSONValue?
  public init(settings: JSONValue?) { self.settings = settings }
}
