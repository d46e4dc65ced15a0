import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  /// The analysis of a document's current version, computed on first use after each change.
  func analysis(of uri: DocumentURI) -> DocumentAnalysis? {
    guard let document = documents[uri] else { return nil }
    if let cached = analyses[uri], cached.version == document.version { return cached }
    let fresh = DocumentAnalysis(document: document)
    analyses[uri] = fresh
    return fresh
  }

  /// Marks a document for a new diagnostics push. The push runs after the messages already queued,
  /// so a burst of edits is checked once.
  func scheduleDiagnostics(for uri: DocumentURI) {
    guard pendingDiagnostics.insert(uri).inserted else { return }
    queue.async { self.publishPendingDiagnostics() }
  }

  private func publishPendingDiagnostics() {
    let uris = pendingDiagnostics
    pendingDiagnostics = []
    for uri in uris {
      guard let document = documents[uri], let analysis = analysis(of: uri) else { continue }
      let diagnostics = analysis.findings.map { diagnostic(for: $0, in: document) }
      connection.send(
        notification: PublishDiagnosticsNotification.method,
        params: PublishDiagnosticsNotification(uri: uri, version: document.version, diagnostics: diagnostics))
    }
  }

  /// Clears a closed document's diagnostics in the editor.
  func clearDiagnostics(for uri: DocumentURI) {
    pendingDiagnostics.remove(uri)
    connection.send(
      notification: PublishDiagnosticsNotification.method,
      params: PublishDiagnosticsNotification(uri: uri, version: nil, diagnostics: []))
  }

  func diagnostic(for finding: Finding, in document: Document) -> Diagnostic {
    let unit = client.unit
    let range = LSPRange(
      start: document.position(ofOffset: finding.range.lowerBound, unit: unit),
      end: document.position(ofOffset: finding.range.upperBound, unit: unit))
    return Diagnostic(
      range: range, severity: DiagnosticSeverity(finding.severity), code: finding.rule, source: "dateline",
      message: finding.message)
  }
}

extension DiagnosticSeverity {
  init(_ severity: Severity) {
    switch severity {
    case .error: self = .error
    case .warning: self = .warning
    case .information: self = .information
    case .hint: self = .hint
    }
  }
}
