import JSONRPC

/// `$/cancelRequest`: the client no longer needs the answer to a request.
public struct CancelRequestNotification: NotificationType, Hashable {
  public static let method = "$/cancelRequest"
  public var id: RequestID
  public init(id: RequestID) { self.id = id }
}

/// `$/setTrace`: the client changes how much it wants to hear (`$/logTrace`).
public struct SetTraceNotification: NotificationType, Hashable {
  public static let method = "$/setTrace"
  public var value: TraceValue
  public init(value: TraceValue) { self.value = value }
}

/// `$/logTrace` (server to client): a line of the server's log, sent while tracing is on.
public struct LogTraceNotification: NotificationType, Hashable {
  public static let method = "$/logTrace"
  public var message: String
  public var verbose: String?

  public init(message: String, verbose: String? = nil) {
    self.message = message
    self.verbose = verbose
  }
}
