import Foundation
import JSONRPC
import LanguageServerProtocol
import TestSupport
import Testing

/// Golden JSON for the protocol types whose shape is easy to get wrong: unions, nulls that must be
/// present, open sets.
@Suite struct CodingTests {
  private let range = LSPRange(start: Position(line: 1, character: 2), end: Position(line: 1, character: 7))

  @Test func diagnosticWithStringCode() throws {
    let diagnostic = Diagnostic(range: range, severity: .warning, code: "spelling", source: "dateline", message: "Unknown word")
    try checkCoding(
      diagnostic,
      json: #"""
        {"code":"spelling","message":"Unknown word","range":{"end":{"character":7,"line":1},"start":{"character":2,"line":1}},
         "severity":2,"source":"dateline"}
        """#)
  }

  @Test func diagnosticWithIntegerCodeFromAnotherServerDecodes() throws {
    let json = #"{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":7}},"message":"x","code":42}"#
    let diagnostic = try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8))
    #expect(diagnostic.code == "42")
    #expect(diagnostic.severity == nil)
  }

  @Test func optionalVersionedIdentifierWritesNullVersion() throws {
    try checkCoding(
      OptionalVersionedTextDocumentIdentifier(uri: "file:///a.news", version: nil),
      json: #"{"uri":"file:///a.news","version":null}"#)
  }

  @Test func codeActionOrCommandTellsTheTwoApart() throws {
    try checkCoding(
      CodeActionOrCommand.command(Command(title: "Add", command: "dateline.addWord", arguments: ["mot"])),
      json: #"{"arguments":["mot"],"command":"dateline.addWord","title":"Add"}"#)
    let action = CodeAction(
      title: "Replace with 'guerre'", kind: .quickFix, isPreferred: true,
      edit: WorkspaceEdit(changes: ["file:///a.news": [TextEdit(range: range, newText: "guerre")]]),
      command: Command(title: "Recheck", command: "dateline.recheck"))
    try checkCoding(
      CodeActionOrCommand.action(action),
      json: #"""
        {"command":{"command":"dateline.recheck","title":"Recheck"},
         "edit":{"changes":{"file:///a.news":[{"newText":"guerre","range":{"end":{"character":7,"line":1},"start":{"character":2,"line":1}}}]}},
         "isPreferred":true,"kind":"quickfix","title":"Replace with 'guerre'"}
        """#)
  }

  @Test func documentSymbolResponseTreeAndFlat() throws {
    let symbol = DocumentSymbol(
      name: "Headline", detail: "120 words", kind: .file, range: range, selectionRange: range, children: [])
    try checkCoding(
      DocumentSymbolResponse.tree([symbol]),
      json: #"""
        [{"children":[],"detail":"120 words","kind":1,"name":"Headline",
          "range":{"end":{"character":7,"line":1},"start":{"character":2,"line":1}},
          "selectionRange":{"end":{"character":7,"line":1},"start":{"character":2,"line":1}}}]
        """#)
    let flat = SymbolInformation(
      name: "Section", kind: .string, location: Location(uri: "file:///a.news", range: range), containerName: "Headline")
    try checkCoding(
      DocumentSymbolResponse.flat([flat]),
      json: #"""
        [{"containerName":"Headline","kind":15,
          "location":{"range":{"end":{"character":7,"line":1},"start":{"character":2,"line":1}},"uri":"file:///a.news"},
          "name":"Section"}]
        """#)
  }

  @Test func clientCapabilitiesReadWhatTheServerNeedsAndToleratesTheRest() throws {
    let json = #"""
      {"general":{"positionEncodings":["utf-32","utf-16"]},
       "workspace":{"configuration":true,"didChangeConfiguration":{"dynamicRegistration":true}},
       "textDocument":{"publishDiagnostics":{"versionSupport":true},
                       "documentSymbol":{"hierarchicalDocumentSymbolSupport":"yes, surprisingly a string"},
                       "hover":{"contentFormat":["markdown","plaintext"]}},
       "experimental":{"anything":[1,2,3]}}
      """#
    let capabilities = try JSONDecoder().decode(ClientCapabilities.self, from: Data(json.utf8))
    #expect(capabilities.positionEncodings == [.utf32, .utf16])
    #expect(capabilities.supportsConfigurationRequest)
    #expect(capabilities.supportsDidChangeConfigurationRegistration)
    #expect(capabilities.supportsDiagnosticVersions)
    #expect(!capabilities.supportsHierarchicalDocumentSymbols)  // a mistyped flag counts as absent
    #expect(capabilities.hoverContentFormats == [.markdown, .plaintext])
    #expect(!capabilities.supportsPullDiagnostics)
  }

  @Test func serverCapabilitiesOmitWhatIsNotImplemented() throws {
    let capabilities = ServerCapabilities(
      positionEncoding: .utf16,
      textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental, save: .init(includeText: false)))
    try checkCoding(
      capabilities,
      json: #"{"positionEncoding":"utf-16","textDocumentSync":{"change":2,"openClose":true,"save":{"includeText":false}}}"#)
  }

  @Test func codeActionKindHierarchy() {
    #expect(CodeActionKind(rawValue: "quickfix.spelling").isWithin(.quickFix))
    #expect(CodeActionKind.quickFix.isWithin(CodeActionKind(rawValue: "")))
    #expect(!CodeActionKind(rawValue: "quickfixes").isWithin(.quickFix))
    #expect(!CodeActionKind.source.isWithin(.quickFix))
  }
}
