import JSONRPC

/// What the client can do, as sent in `initialize`.
///
/// Kept as JSON and read through named properties: clients send hundreds of capability fields, and a
/// field this server does not read must never make `initialize` fail, whatever its shape.
public struct ClientCapabilities: Codable, Hashable, Sendable {
  public var raw: JSONValue

  public init(_ raw: JSONValue = .object([:])) { self.raw = raw }

  public init(from decoder: any Decoder) throws {
    raw = try JSONValue(from: decoder)
  }

  public func encode(to encoder: any Encoder) throws {
    try raw.encode(to: encoder)
  }

  private func flag(_ path: String) -> Bool { raw.value(atPath: path)?.boolValue ?? false }

  /// `general.positionEncodings`, in the client's order of preference.
  public var positionEncodings: [PositionEncodingKind] {
    raw.value(atPath: "general.positionEncodings")?.arrayValue?.compactMap(\.stringValue)
      .map(PositionEncodingKind.init(rawValue:)) ?? []
  }

  public var supportsConfigurationRequest: Bool { flag("workspace.configuration") }
  public var supportsApplyEdit: Bool { flag("workspace.applyEdit") }
  public var supportsDocumentChanges: Bool { flag("workspace.workspaceEdit.documentChanges") }
  public var supportsDidChangeConfigurationRegistration: Bool {
    flag("workspace.didChangeConfiguration.dynamicRegistration")
  }
  public var supportsDiagnosticRefresh: Bool { flag("workspace.diagnostics.refreshSupport") }
  public var supportsWatchedFilesRegistration: Bool { flag("workspace.didChangeWatchedFiles.dynamicRegistration") }
  public var supportsDiagnosticVersions: Bool { flag("textDocument.publishDiagnostics.versionSupport") }
  public var supportsPullDiagnostics: Bool { raw.value(atPath: "textDocument.diagnostic") != nil }
  public var supportsHierarchicalDocumentSymbols: Bool {
    flag("textDocument.documentSymbol.hierarchicalDocumentSymbolSupport")
  }
  public var supportsCodeActionLiterals: Bool {
    raw.value(atPath: "textDocument.codeAction.codeActionLiteralSupport") != nil
  }
  public var supportsLineFoldingOnly: Bool { flag("textDocument.foldingRange.lineFoldingOnly") }
  public var foldingRangeLimit: Int? { raw.value(atPath: "textDocument.foldingRange.rangeLimit")?.intValue }
  public var hoverContentFormats: [MarkupKind] {
    raw.value(atPath: "textDocument.hover.contentFormat")?.arrayValue?.compactMap(\.stringValue)
      .map(MarkupKind.init(rawValue:)) ?? []
  }
}
