#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import JSONRPC
import LanguageServerProtocol

/// LSP messages as framed bytes, ready to write to a server: bodies come from the server's own
/// encoder (`OutgoingMessage`), so the benchmarks send what a real client would.
enum BenchMessages {
  /// A body with its `Content-Length` header.
  static func frame(_ body: Data) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }

  /// A JSON text with its `Content-Length` header.
  static func frame(json: String) -> [UInt8] {
    frame(Data(json.utf8))
  }

  static func request(id: Int, method: String, params: some Encodable) -> [UInt8] {
    frame(try! OutgoingMessage.request(id: .number(id), method: method, params: params))
  }

  static func notification(method: String, params: some Encodable) -> [UInt8] {
    frame(try! OutgoingMessage.notification(method: method, params: params))
  }

  /// `initialize` from a client with no optional capabilities (positions in UTF-16, the default), so
  /// the server sends no requests of its own.
  static func initialize(id: Int) -> [UInt8] {
    request(
      id: id, method: InitializeRequest.method,
      params: InitializeRequest(processId: Int(getpid()), capabilities: ClientCapabilities()))
  }

  static func initialized() -> [UInt8] {
    notification(method: InitializedNotification.method, params: InitializedNotification())
  }

  static func didOpen(uri: String, text: String) -> [UInt8] {
    notification(
      method: DidOpenTextDocumentNotification.method,
      params: DidOpenTextDocumentNotification(
        textDocument: TextDocumentItem(uri: uri, languageId: "markdown", version: 1, text: text)))
  }

  static func didChange(uri: String, version: Int, at position: Position, insert text: String) -> [UInt8] {
    notification(
      method: DidChangeTextDocumentNotification.method,
      params: DidChangeTextDocumentNotification(
        textDocument: VersionedTextDocumentIdentifier(uri: uri, version: version),
        contentChanges: [TextDocumentContentChangeEvent(range: LSPRange(start: position, end: position), text: text)]))
  }

  static func documentText(id: Int, uri: String) -> [UInt8] {
    request(
      id: id, method: DocumentTextRequest.method,
      params: DocumentTextRequest(textDocument: TextDocumentIdentifier(uri: uri)))
  }
}
