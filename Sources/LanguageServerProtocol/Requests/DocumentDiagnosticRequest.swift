/// `textDocument/diagnostic`: the client pulls a document's diagnostics.
public struct DocumentDiagnosticRequest: RequestType, Hashable {
  public static let method = "textDocument/diagnostic"
  public typealias Response = DocumentDiagnosticReport

  public var textDocument: TextDocumentIdentifier
  public var identifier: String?
  public var previousResultId: String?

  public init(textDocument: TextDocumentIdentifier, identifier: String? = nil, previousResultId: String? = nil) {
    self.textDocument = textDocument
    self.identifier = identifier
    self.previousResultId = previousResultId
  }
}

/// A full report (`kind: "full"` with the items) or `unchanged` since `previousResultId`.
public struct DocumentDiagnosticReport: Codable, Hashable, Sendable {
  public var kind: String
  public var resultId: String?
  public var items: [Diagnostic]?

  public static func full(resultId: String?, items: [Diagnostic]) -> DocumentDiagnosticReport {
    DocumentDiagnosticReport(kind: "full", resultId: resultId, items: items)
  }

  public static func unchanged(resultId: String) -> DocumentDiagnosticReport {
    DocumentDiagnosticReport(kind: "unchanged", resultId: resultId, items: nil)
  }
}
