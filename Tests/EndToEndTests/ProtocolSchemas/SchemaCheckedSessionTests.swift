import Foundation
import JSONRPC
import TestSupport
import Testing

/// Whole sessions with the spawned binary, every message checked against the protocol schemas.
@Suite struct SchemaCheckedSessionTests {
  static let uri = "file:///tmp/newsroom/d%C3%A9p%C3%AAche.md"

  /// A session as VS Code runs it: rich capabilities, settings pulled with `workspace/configuration`,
  /// a document with accents and emoji edited incrementally, then saved, closed, and shut down.
  @Test func aVSCodeSessionHasNoViolations() throws {
    let client = try TestClient.spawn()
    client.serverRequestHandler.withLock {
      $0 = { method, _ in method == "workspace/configuration" ? [["language": "en-GB"]] : .null }
    }
    let initialize = try client.request("initialize", Self.vsCodeInitializeParams())
    #expect(initialize["result"]?["capabilities"] != nil)
    client.notify("initialized", [:])
    _ = try client.waitFor("client/registerCapability") { $0["method"] == "client/registerCapability" }
    _ = try client.waitFor("workspace/configuration") { $0["method"] == "workspace/configuration" }

    var document = EditedDocument(text: "Café crème à Zürich 😀 — dateline\nSecond line: naïve señor 🇫🇷 flag\nThird\n")
    client.notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": .string(Self.uri), "languageId": "markdown", "version": 1, "text": .string(document.text)]])
    let edits: [[JSONValue]] = [
      [document.insert("🎉 ", before: "—")],
      [document.replace("naïve", with: "NAÏVE")],
      [document.replace("🇫🇷 ", with: "")],
      [document.replace("Third", with: "Troisième ligne"), document.insert("Fourth line ✓\n", before: nil)],
    ]
    for (index, changes) in edits.enumerated() {
      client.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": .string(Self.uri), "version": .integer(index + 2)],
          "contentChanges": .array(changes),
        ])
    }
    let copy = try client.request("dateline/documentText", ["textDocument": ["uri": .string(Self.uri)]])
    #expect(copy["result"]?["text"] == .string(document.text))
    #expect(copy["result"]?["version"] == 5)

    client.notify("workspace/didChangeConfiguration", ["settings": ["dateline": ["language": "en-US"]]])
    client.notify("workspace/didChangeConfiguration", ["settings": nil])  // a hint: pull again
    client.notify("$/setTrace", ["value": "messages"])
    client.notify("$/cancelRequest", ["id": 4242])
    client.notify("textDocument/didSave", ["textDocument": ["uri": .string(Self.uri)]])
    client.notify("textDocument/didClose", ["textDocument": ["uri": .string(Self.uri)]])
    let closed = try client.request("dateline/documentText", ["textDocument": ["uri": .string(Self.uri)]])
    #expect(closed["error"]?["code"] == -32803)
    #expect(try client.shutdownAndExit() == 0)

    #expect(client.schemaViolations == [])
    #expect(client.framingErrors == [])
    let seen = Set(client.transcript.compactMap { entry in
      entry.message["method"]?.stringValue.map { "\(entry.direction) \($0)" }
    })
    #expect(seen.isSuperset(of: [
      "sent initialize", "sent initialized", "sent textDocument/didOpen", "sent textDocument/didChange",
      "sent textDocument/didSave", "sent textDocument/didClose", "sent workspace/didChangeConfiguration",
      "sent $/setTrace", "sent $/cancelRequest", "sent dateline/documentText", "sent shutdown", "sent exit",
      "received client/registerCapability", "received workspace/configuration", "received $/logTrace",
    ]))
    // Every request from the server (registrations, configuration pulls, refreshes) got one answer.
    let requests = client.transcript.filter { $0.direction == .received && $0.message["method"] != nil && $0.message["id"] != nil }
    let answers = client.transcript.filter { $0.direction == .sent && $0.message["method"] == nil }
    #expect(requests.count >= 3)
    #expect(answers.map { $0.message["id"] } == requests.map { $0.message["id"] })
  }

  /// The validator catches what is wrong, and leaves alone what a test sends wrong on purpose.
  @Test func aWrongMessageIsReportedAndOptedOutOnesAreNot() throws {
    let client = try TestClient.spawn()
    try client.initialize()
    // Checked, and wrong: a didOpen without `textDocument.version`, and a method with no schema.
    client.notify(
      "textDocument/didOpen", ["textDocument": ["uri": "file:///a.md", "languageId": "markdown", "text": "x"]])
    let unknownChecked = client.sendRequest("dateline/noSuchMethod")
    // Deliberately invalid, opted out: their error responses are not checked either.
    let unknown = client.sendRequest("dateline/noSuchMethodEither", [:], validate: false)
    let wrongParams = client.sendRequest("dateline/documentText", ["textDocument": 1], validate: false)
    let notJSON = Array(#"{"json": "#.utf8)
    client.sendRaw(Array("Content-Length: \(notJSON.count)\r\n\r\n".utf8) + notJSON)
    for id in [unknownChecked, unknown, wrongParams] {
      #expect(try client.response(to: id)["error"] != nil)
    }
    _ = try client.waitFor("the parse error") { $0["id"] == .some(.null) && $0["error"]?["code"] == -32700 }
    #expect(try client.shutdownAndExit() == 0)

    #expect(client.schemaViolations == [
      "sent textDocument/didOpen notification: params.textDocument.version: missing (required)",
      "sent dateline/noSuchMethod request: no schema for method dateline/noSuchMethod",
    ])
  }

  static func vsCodeInitializeParams() -> JSONValue {
    [
      "processId": .integer(Int(ProcessInfo.processInfo.processIdentifier)),
      "clientInfo": ["name": "Visual Studio Code", "version": "1.95.3"],
      "locale": "fr",
      "rootPath": "/tmp/newsroom",
      "rootUri": "file:///tmp/newsroom",
      "capabilities": ClientCapabilityFixtures.vsCode,
      "initializationOptions": ["dateline": ["language": "fr-FR"]],
      "trace": "verbose",
      "workspaceFolders": [["uri": "file:///tmp/newsroom", "name": "newsroom"]],
    ]
  }
}

/// The client's copy of a document: makes `didChange` events with UTF-16 positions, as VS Code does,
/// and applies them to its own text.
struct EditedDocument {
  private(set) var text: String

  init(text: String) { self.text = text }

  /// Inserts `newText` before the first `anchor`, or at the end when `anchor` is nil.
  mutating func insert(_ newText: String, before anchor: String?) -> JSONValue {
    let offset = anchor.map { utf16Offset(of: $0) } ?? text.utf16.count
    return edit(offset..<offset, newText)
  }

  /// Replaces the first `old` with `newText`.
  mutating func replace(_ old: String, with newText: String) -> JSONValue {
    let start = utf16Offset(of: old)
    return edit(start..<(start + old.utf16.count), newText)
  }

  private func utf16Offset(of needle: String) -> Int {
    guard let range = text.range(of: needle) else { fatalError("\(needle) is not in the text") }
    return text.utf16.distance(from: text.startIndex, to: range.lowerBound)
  }

  /// The change event for replacing a UTF-16 range, which it then applies.
  private mutating func edit(_ range: Range<Int>, _ newText: String) -> JSONValue {
    let change: JSONValue = [
      "range": ["start": position(range.lowerBound), "end": position(range.upperBound)],
      "rangeLength": .integer(range.count),
      "text": .string(newText),
    ]
    let lower = text.utf16.index(text.startIndex, offsetBy: range.lowerBound)
    let upper = text.utf16.index(text.startIndex, offsetBy: range.upperBound)
    text.replaceSubrange(lower..<upper, with: newText)
    return change
  }

  /// The LSP position of a UTF-16 offset (lines end with `\n` only in these tests).
  private func position(_ offset: Int) -> JSONValue {
    let before = text.utf16.prefix(offset)
    let line = before.filter { $0 == 0x0A }.count
    let lineStart = before.lastIndex(of: 0x0A).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
    return ["line": .integer(line), "character": .integer(offset - lineStart)]
  }
}
