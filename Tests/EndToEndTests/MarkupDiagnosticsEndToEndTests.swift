import Foundation
import JSONRPC
import TestSupport
import Testing

/// Malformed annotations reach the editor as error diagnostics on the exact markup, for the
/// version the client sent, and go away when fixed or when the document closes.
@Suite struct MarkupDiagnosticsEndToEndTests {
  static let uri = "file:///articles/poutine.news"

  static let unknownType =
    "Unknown entity type '.persn' (did you mean .person?); use one of .person, .organization, .place, .event, .work, .other."

  static func position(_ marked: MarkedText, _ marker: String) -> JSONValue {
    let position = marked.position(marker)
    return ["line": .integer(position.line), "character": .integer(position.character)]
  }

  static func diagnostics(_ client: TestClient, after mark: Int, version: Int) throws -> JSONValue? {
    try client.notification("textDocument/publishDiagnostics", after: mark) {
      $0["params"]?["uri"]?.stringValue == uri && $0["params"]?["version"] == .integer(version)
    }["params"]?["diagnostics"]
  }

  @Test func aMalformedAnnotationIsReportedThenClearedByTheFix() throws {
    let marked = extractMarkers(
      """
      # 🔵 Été : Poutine à Minsk

      Le président 🔵 1️⃣[Poutine]{.3️⃣persn4️⃣}2️⃣ est arrivé à [Minsk]{.place}.
      """)
    let client = try TestClient.spawn()
    try client.initialize()
    var mark = client.mark
    client.openDocument(uri: Self.uri, text: marked.text, version: 1, languageId: "news")
    let opened = try Self.diagnostics(client, after: mark, version: 1)
    #expect(opened == [
      [
        "range": ["start": Self.position(marked, "1️⃣"), "end": Self.position(marked, "2️⃣")], "severity": 1,
        "code": "annotation-type", "source": "dateline", "message": .string(Self.unknownType),
      ]
    ])
    #expect(Self.position(marked, "1️⃣") == ["line": 2, "character": 16], "🔵 counts two UTF-16 units")

    mark = client.mark
    client.changeDocument(
      uri: Self.uri, version: 2,
      changes: [["range": ["start": Self.position(marked, "3️⃣"), "end": Self.position(marked, "4️⃣")], "text": "person"]])
    #expect(try Self.diagnostics(client, after: mark, version: 2) == [])
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func anEditThatBreaksAnAnnotationIsReportedWithItsVersion() throws {
    let marked = extractMarkers("Le président 1️⃣[Poutine]{.person2️⃣} parle.")
    let client = try TestClient.spawn()
    try client.initialize()
    var mark = client.mark
    client.openDocument(uri: Self.uri, text: marked.text, version: 7, languageId: "news")
    #expect(try Self.diagnostics(client, after: mark, version: 7) == [])
    mark = client.mark
    // Delete the closing brace.
    let brace = marked.position("2️⃣")
    client.changeDocument(
      uri: Self.uri, version: 8,
      changes: [
        [
          "range": [
            "start": ["line": .integer(brace.line), "character": .integer(brace.character)],
            "end": ["line": .integer(brace.line), "character": .integer(brace.character + 1)],
          ], "text": "",
        ]
      ])
    let broken = try Self.diagnostics(client, after: mark, version: 8)
    #expect(broken?.arrayValue?.map { $0["code"] } == ["annotation-syntax"])
    #expect(broken?.arrayValue?.first?["message"] == "Annotation attributes are not closed: '}' is missing.")
    #expect(broken?.arrayValue?.first?["range"] == ["start": Self.position(marked, "1️⃣"), "end": Self.position(marked, "2️⃣")])
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func closingTheDocumentClearsItsDiagnostics() throws {
    let client = try TestClient.spawn()
    try client.initialize()
    var mark = client.mark
    client.openDocument(uri: Self.uri, text: "[Moscou]{} et [Kiev]{.ville}", version: 1, languageId: "news")
    #expect(try Self.diagnostics(client, after: mark, version: 1)?.arrayValue?.count == 2)
    mark = client.mark
    client.closeDocument(uri: Self.uri)
    let cleared = try client.notification("textDocument/publishDiagnostics", after: mark) { $0["params"]?["uri"]?.stringValue == Self.uri }
    #expect(cleared["params"]?["diagnostics"] == [])
    #expect(cleared["params"]?["version"] == nil, "the cleared diagnostics belong to no version")
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func annotationsInCodeOrPlainTextAreNotReported() throws {
    let client = try TestClient.spawn()
    try client.initialize()
    let mark = client.mark
    client.openDocument(uri: Self.uri, text: "Écrire `[Moscou]{.ville}` ainsi.\n\n```\n[Kiev]{}\n```\n", version: 1, languageId: "news")
    client.openDocument(uri: "file:///articles/copie.txt", text: "Titre de la copie\n\n[Moscou]{.ville} en texte brut.", version: 1, languageId: "plaintext")
    #expect(try Self.diagnostics(client, after: mark, version: 1) == [])
    let plain = try client.notification("textDocument/publishDiagnostics", after: mark) {
      $0["params"]?["uri"] == "file:///articles/copie.txt"
    }
    #expect(plain["params"]?["diagnostics"] == [])
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }
}
