/// The importance of a message for the user (`window/showMessage`, `window/logMessage`).
public enum MessageType: Int, Codable, Hashable, Sendable {
  case error = 1
  case warning = 2
  case info = 3
  case log = 4
}

/// `window/showMessage` (server to client): a message the editor shows to the user.
public struct ShowMessageNotification: NotificationType, Hashable {
  public static let method = "window/showMessage"
  public var type: MessageType
  public var message: String

  public init(type: MessageType, message: String) {
    self.type = type
    self.message = message
  }
}

/// `window/logMessage` (server to client): a line for the client's log of this server.
public struct LogMessageNotification: NotificationType, Hashable {
  public static let method = "window/logMessage"
  public var type: MessageType
  public var message: String

  public init(type: MessageType, message: String) {
    self.type = type
    self.message = message
  }
}
