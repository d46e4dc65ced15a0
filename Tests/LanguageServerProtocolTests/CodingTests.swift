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

/// The hand-written JSON of the diagnostics messages says exactly what their Codable form says.
@Suite struct JSONWritableTests {
  private func written(_ value: some JSONWritable) throws -> String {
    var writer = JSONWriter()
    value.write(to: &writer)
    return try canonicalJSON(String(decoding: writer.bytes, as: UTF8.self))
  }

  private func encoded(_ value: some Encodable) throws -> String {
    try canonicalJSON(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
  }

  @Test func diagnosticsMatchJSONEncoder() throws {
    let range = LSPRange(start: Position(line: 0, character: 3), end: Position(line: 12, character: 0))
    let full = Diagnostic(
      range: range, severity: .error, code: "spelling", source: "dateline",
      message: "Quote \" backslash \\ tab \t newline \n control \u{01} émoji 🔵 « guillemets »",
      codeDescription: CodeDescription(href: "https://example.org/rules#spelling"), tags: [.unnecessary],
      relatedInformation: [DiagnosticRelatedInformation(location: Location(uri: "file:///a%20b.news", range: range), message: "here")],
      data: ["word": "laguerre", "count": 2, "ok": true, "none": .null, "list": [1, "deux"]])
    let bare = Diagnostic(range: range, severity: nil, code: nil, source: nil, message: "")
    for diagnostic in [full, bare] {
      #expect(try written(diagnostic) == encoded(diagnostic))
    }
    let notification = PublishDiagnosticsNotification(uri: "file:///x.news", version: 7, diagnostics: [full, bare])
    #expect(try written(notification) == encoded(notification))
    let unversioned = PublishDiagnosticsNotification(uri: "file:///x.news", version: nil, diagnostics: [])
    #expect(try written(unversioned) == encoded(unversioned))
    let report = DocumentDiagnosticReport.full(resultId: "3.1", items: [bare])
    #expect(try written(report) == encoded(report))
    #expect(try written(DocumentDiagnosticReport.unchanged(resultId: "3.1")) == encoded(DocumentDiagnosticReport.unchanged(resultId: "3.1")))
  }

  @Test func wholeMessagesAreValidJSONRPC() throws {
    let data = OutgoingMessage.notification(
      method: "textDocument/publishDiagnostics",
      writableParams: PublishDiagnosticsNotification(uri: "file:///x", version: 1, diagnostics: []))
    #expect(try canonicalJSON(String(decoding: data, as: UTF8.self))
      == canonicalJSON(#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///x","version":1,"diagnostics":[]}}"#))
    let response = OutgoingMessage.response(id: .string("a\"b"), writableResult: DocumentDiagnosticReport.unchanged(resultId: "1"))
    #expect(try canonicalJSON(String(decoding: response, as: UTF8.self))
      == canonicalJSON(#"{"jsonrpc":"2.0","id":"a\"b","result":{"kind":"unchanged","resultId":"1"}}"#))
  }
}
