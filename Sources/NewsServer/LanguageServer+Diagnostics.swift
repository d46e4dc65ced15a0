import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  /// The analysis of a document's current version, computed on first use after each change.
  func analysis(of uri: DocumentURI) -> DocumentAnalysis? {
    guard let document = documents[uri] else { return nil }
    if let cached = analyses[uri], cached.version == document.version, cached.generation == checkState.generation {
      return cached
    }
    let caches = documentCaches[uri] ?? DocumentCaches()
    documentCaches[uri] = caches
    let fresh = DocumentAnalysis(document: document, generation: checkState.generation, caches: caches) { article in
      checkSetup(for: uri, declaredLanguage: article.declaredLanguage)
    }
    analyses[uri] = fresh
    logger.debug(
      "analysed \(uri) v\(fresh.version): parse \(tenths(fresh.timings.parse)) ms, checks \(tenths(fresh.timings.checks)) ms, \(fresh.findings.count) findings")
    return fresh
  }

  /// A duration for the log: to a tenth of a millisecond.
  private func tenths(_ milliseconds: Double) -> Double { (milliseconds * 10).rounded() / 10 }

  /// Marks a document for a new diagnostics push. The push runs after the messages already queued,
  /// so a burst of edits is checked once.
  func scheduleDiagnostics(for uri: DocumentURI) {
    guard !client.supportsPullDiagnostics else { return }  // the client asks when it wants them
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
        writableParams: PublishDiagnosticsNotification(uri: uri, version: document.version, diagnostics: diagnostics))
    }
  }

  /// `textDocument/diagnostic`: the client pulls a document's diagnostics. The result id is the
  /// document version and settings generation, so an unchanged document is answered `unchanged`.
  func pullDiagnostics(_ request: DocumentDiagnosticRequest) throws(ResponseError) -> DocumentDiagnosticReport {
    let uri = request.textDocument.uri
    guard let document = documents[uri], let analysis = analysis(of: uri) else { throw notOpen(uri) }
    let resultID = "\(document.version).\(analysis.generation)"
    if request.previousResultId == resultID { return .unchanged(resultId: resultID) }
    return .full(resultId: resultID, items: analysis.findings.map { diagnostic(for: $0, in: document) })
  }

  /// Clears a closed document's diagnostics in the editor.
  func clearDiagnostics(for uri: DocumentURI) {
    guard !client.supportsPullDiagnostics else { return }
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
