import JSONRPC

/// An LSP request: its params are the conforming type; `Response` is what the result decodes to.
public protocol RequestType: Codable, Sendable {
  associatedtype Response: Codable & Sendable
  static var method: String { get }
}

/// An LSP notification: its params are the conforming type.
public protocol NotificationType: Codable, Sendable {
  static var method: String { get }
}

/// The params of requests and notifications that carry none (`shutdown`, `exit`, `initialized`).
public struct NoParams: Codable, Hashable, Sendable {
  public init() {}
}
