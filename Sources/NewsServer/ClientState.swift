import LanguageServerProtocol
import NewsAnalysis

/// What the server learned about its client at `initialize`.
package struct ClientState {
  var capabilities = ClientCapabilities()
  var name: String?
  /// The unit of `Position.character`, negotiated from `general.positionEncodings`.
  var positionEncoding = PositionEncodingKind.utf16
  var workspaceFolders: [WorkspaceFolder] = []

  var unit: TextUnit { positionEncoding.textUnit ?? .utf16 }

  /// Whether diagnostics are pulled by the client (`textDocument/diagnostic`) rather than pushed.
  var supportsPullDiagnostics: Bool { capabilities.supportsPullDiagnostics }

  /// The client's first choice among the encodings this server speaks; UTF-16 when it offers none
  /// of them (LSP's mandatory default).
  package static func negotiateEncoding(offered: [PositionEncodingKind]) -> PositionEncodingKind {
    offered.first { $0.textUnit != nil } ?? .utf16
  }
}
