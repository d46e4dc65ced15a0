/// `textDocument/codeAction`: the fixes and actions available for a range.
public struct CodeActionRequest: RequestType, Hashable {
  public static let method = "textDocument/codeAction"
  public typealias Response = [CodeActionOrCommand]?

  public var textDocument: TextDocumentIdentifier
  public var range: LSPRange
  public var context: CodeActionContext

  public init(textDocument: TextDocumentIdentifier, range: LSPRange, context: CodeActionContext) {
    self.textDocument = textDocument
    self.range = range
    self.context = context
  }
}

/// What the client knows at the range: the diagnostics there, and the kinds of action it wants.
public struct CodeActionContext: Codable, Hashable, Sendable {
  public var diagnostics: [Diagnostic]
  public var only: [CodeActionKind]?
  public var triggerKind: Int?

  public init(diagnostics: [Diagnostic], only: [CodeActionKind]? = nil, triggerKind: Int? = nil) {
    self.diagnostics = diagnostics
    self.only = only
    self.triggerKind = triggerKind
  }
}
