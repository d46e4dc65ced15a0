import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  func didOpen(_ notification: DidOpenTextDocumentNotification) {
    let item = notification.textDocument
    if documents[item.uri] != nil { logger.warning("\(item.uri) opened twice; the new text replaces the old") }
    documents[item.uri] = Document(uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
    documentChanged(item.uri)
  }

  func didChange(_ notification: DidChangeTextDocumentNotification) {
    let uri = notification.textDocument.uri
    guard var document = documents[uri] else {
      return logger.error("didChange for \(uri), which is not open; ignored")
    }
    if notification.textDocument.version <= document.version {
      logger.warning("\(uri): version \(notification.textDocument.version) after \(document.version); applied anyway")
    }
    documents[uri] = nil  // keep the text uniquely referenced while it is edited in place
    for change in notification.contentChanges {
      document.apply(change, unit: client.unit)
    }
    document.version = notification.textDocument.version
    documents[uri] = document
    documentChanged(uri)
  }

  func didSave(_ notification: DidSaveTextDocumentNotification) {
    if let path = FileURI.path(of: notification.textDocument.uri) { workspaceFileChanged(path: path) }
    guard documents[notification.textDocument.uri] != nil else { return }
    documentChanged(notification.textDocument.uri)
  }

  func didClose(_ notification: DidCloseTextDocumentNotification) {
    let uri = notification.textDocument.uri
    guard documents.removeValue(forKey: uri) != nil else {
      return logger.warning("didClose for \(uri), which is not open")
    }
    analyses[uri] = nil
    documentCaches[uri] = nil
    clearDiagnostics(for: uri)
  }

  /// Called after a document's text or version changed.
  func documentChanged(_ uri: DocumentURI) {
    scheduleDiagnostics(for: uri)
  }

  /// `dateline/documentText`: the server's copy of a document, so a client (or a test) can check
  /// that both sides hold the same text.
  func documentText(_ request: DocumentTextRequest) throws(ResponseError) -> DocumentTextRequest.Response {
    guard let document = documents[request.textDocument.uri] else { throw notOpen(request.textDocument.uri) }
    return DocumentTextRequest.Response(
      uri: document.uri, version: document.version, text: document.text, lineCount: document.lines.lineCount)
  }
}
