import JSONRPC

/// Typed shortcuts for the text-synchronisation messages.
extension TestClient {
  /// The server's copy of a document, from `dateline/documentText`.
  public struct DocumentText: Sendable {
    public var version: Int
    public var text: String
    public var lineCount: Int
  }

  /// Sends `textDocument/didOpen`.
  public func openDocument(uri: String, text: String, version: Int = 1, languageId: String = "markdown") {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": .string(uri), "languageId": .string(languageId), "version": .integer(version), "text": .string(text)]])
  }

  /// Sends `textDocument/didChange` with `changes` (each a `TextDocumentContentChangeEvent` as JSON).
  public func changeDocument(uri: String, version: Int, changes: [JSONValue]) {
    notify(
      "textDocument/didChange",
      ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": .array(changes)])
  }

  /// Sends `textDocument/didClose`.
  public func closeDocument(uri: String) {
    notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
  }

  /// Asks the server for its copy of `uri` and waits for it.
  public func documentText(uri: String, timeout: Double = 20) throws -> DocumentText {
    let response = try request("dateline/documentText", ["textDocument": ["uri": .string(uri)]], timeout: timeout)
    guard let result = response["result"], let version = result["version"]?.intValue,
      let text = result["text"]?.stringValue, let lineCount = result["lineCount"]?.intValue
    else {
      throw Timeout(description: "dateline/documentText answered \(response)")
    }
    return DocumentText(version: version, text: text, lineCount: lineCount)
  }
}
