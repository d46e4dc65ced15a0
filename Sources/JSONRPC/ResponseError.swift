#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON-RPC or LSP error code. An open set: clients may send codes this server does not know.
public struct ErrorCode: RawRepresentable, Codable, Hashable, Sendable {
  public var rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  // JSON-RPC 2.0
  public static let parseError = ErrorCode(rawValue: -32700)
  public static let invalidRequest = ErrorCode(rawValue: -32600)
  public static let methodNotFound = ErrorCode(rawValue: -32601)
  public static let invalidParams = ErrorCode(rawValue: -32602)
  public static let internalError = ErrorCode(rawValue: -32603)
  // LSP 3.17
  public static let serverNotInitialized = ErrorCode(rawValue: -32002)
  public static let unknownErrorCode = ErrorCode(rawValue: -32001)
  public static let requestFailed = ErrorCode(rawValue: -32803)
  public static let serverCancelled = ErrorCode(rawValue: -32802)
  public static let contentModified = ErrorCode(rawValue: -32801)
  public static let requestCancelled = ErrorCode(rawValue: -32800)
}

/// The `error` member of a JSON-RPC response.
public struct ResponseError: Error, Codable, Hashable, Sendable {
  public var code: ErrorCode
  public var message: String
  public var data: JSONValue?

  public init(code: ErrorCode, message: String, data: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  public static func parseError(_ detail: String) -> ResponseError {
    ResponseError(code: .parseError, message: "Parse error: \(detail)")
  }

  public static func invalidRequest(_ detail: String) -> ResponseError {
    ResponseError(code: .invalidRequest, message: "Invalid request: \(detail)")
  }

  public static func methodNotFound(_ method: String) -> ResponseError {
    ResponseError(code: .methodNotFound, message: "Method not found: \(method)")
  }

  public static func invalidParams(_ detail: String) -> ResponseError {
    ResponseError(code: .invalidParams, message: "Invalid params: \(detail)")
  }

  public static func internalError(_ detail: String) -> ResponseError {
    ResponseError(code: .internalError, message: "Internal error: \(detail)")
  }

  public static let serverNotInitialized = ResponseError(
    code: .serverNotInitialized, message: "Server not initialized: send 'initialize' first")

  public static let cancelled = ResponseError(code: .requestCancelled, message: "Request cancelled")
}
