/// `dateline/documentText`, a Dateline extension: the server's copy of an open document, so a
/// client or a test can check that the server's text never drifts from the editor's.
public struct DocumentTextRequest: RequestType, Hashable {
  public static let method = "dateline/documentText"
  public typealias Response = DocumentTextResult

  public var textDocument: TextDocumentIdentifier
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// The server's copy of a document.
public struct DocumentTextResult: Codable, Hashable, Sendable {
  public var uri: DocumentURI
  public var version: Int
  public var text: String
  public var lineCount: Int

  public init(uri: DocumentURI, version: Int, text: String, lineCount: Int) {
    self.uri = uri
    self.version = version
    self.text = text
    self.lineCount = lineCount
  }
}
