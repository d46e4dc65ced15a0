/// `shutdown`: the client asks the server to get ready to exit; no params, a null result.
public struct ShutdownRequest: RequestType, Hashable {
  public static let method = "shutdown"
  public typealias Response = NoParams?
  public init() {}
}
