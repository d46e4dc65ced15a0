/// `initialized`: the client has received the `initialize` result.
public struct InitializedNotification: NotificationType, Hashable {
  public static let method = "initialized"
  public init() {}
}

/// `exit`: the server process must end (code 0 after `shutdown`, 1 otherwise).
public struct ExitNotification: NotificationType, Hashable {
  public static let method = "exit"
  public init() {}
}
