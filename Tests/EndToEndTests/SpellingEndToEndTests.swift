import Foundation
import JSONRPC
import TestSupport
import Testing

/// Typos through the spawned server: diagnostics after opening and editing, quick fixes that fix,
/// the workspace dictionary, ignored words, pull diagnostics, settings and missing dictionaries.
@Suite struct SpellingEndToEndTests {
  static let article = """
    ---
    title: Un essai
    lang: fr
    ---

    # La Russie et laguerre

    Chaque jour, le gouvernement russe entraîne ses voisins.

    """

  private func diagnostics(_ message: JSONValue) -> [JSONValue] { message["params"]?["diagnostics"]?.arrayValue ?? [] }

  private func codes(_ message: JSONValue) -> [String] { diagnostics(message).compactMap { $0["code"]?.stringValue } }

  /// A code action's edits to `uri`, from `documentChanges` or `changes`.
  private func edits(of action: JSONValue, in uri: String) -> [JSONValue] {
    action["edit"]?["documentChanges"]?.arrayValue?.first?["edits"]?.arrayValue ?? action["edit"]?["changes"]?[uri]?.arrayValue ?? []
  }

  /// Waits for the diagnostics of `version`.
  private func published(_ client: TestClient, _ uri: String, version: Int, after mark: Int) throws -> JSONValue {
    try client.notification("textDocument/publishDiagnostics", after: mark, timeout: 30) {
      $0["params"]?["uri"]?.stringValue == uri && $0["params"]?["version"]?.intValue == version
    }
  }

  private func start(_ folder: TemporaryDirectory, capabilities: JSONValue = ClientCapabilityFixtures.vsCode)
    throws -> TestClient
  {
    let client = try TestClient.spawn()
    try client.initialize(capabilities: capabilities, rootURI: folder.url.absoluteString)
    return client
  }

  @Test func diagnosticsFollowEditsAndTheQuickFixFixes() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    var mark = client.mark
    client.openDocument(uri: uri, text: Self.article, languageId: "news")
    let first = try published(client, uri, version: 1, after: mark)
    #expect(codes(first) == ["glued-words"], "\(first)")
    let diagnostic = try #require(diagnostics(first).first)
    #expect(diagnostic["range"] == ["start": ["line": 5, "character": 15], "end": ["line": 5, "character": 23]])
    #expect(diagnostic["message"]?.stringValue?.contains("la guerre") == true)
    #expect(diagnostic["source"] == "dateline")
    #expect(diagnostic["severity"] == 2)

    // The quick fix, computed from the range alone (no diagnostics sent back), splits the words.
    let response = try client.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": .string(uri)], "range": diagnostic["range"]!, "context": ["diagnostics": []]])
    let actions = response["result"]?.arrayValue ?? []
    let preferred = try #require(actions.first { $0["isPreferred"] == true })
    #expect(preferred["title"] == "Split into 'la guerre'")
    let edit = try #require(edits(of: preferred, in: uri).first)
    #expect(edit["newText"] == "la guerre")
    #expect(actions.contains { $0["title"]?.stringValue?.hasPrefix("Add 'laguerre' to the workspace dictionary") == true })
    #expect(actions.contains { $0["title"] == "Ignore 'laguerre' in this document" })

    // Apply it as the editor would; the diagnostic goes.
    mark = client.mark
    client.changeDocument(uri: uri, version: 2, changes: [["range": edit["range"]!, "text": edit["newText"]!]])
    #expect(codes(try published(client, uri, version: 2, after: mark)) == [])

    // Type a typo, then remove it.
    mark = client.mark
    client.changeDocument(
      uri: uri, version: 3,
      changes: [["range": ["start": ["line": 7, "character": 16], "end": ["line": 7, "character": 28]], "text": "gouvernemnt"]])
    let typo = try published(client, uri, version: 3, after: mark)
    #expect(codes(typo) == ["spelling"], "\(typo)")
    #expect(diagnostics(typo).first?["message"]?.stringValue?.contains("gouvernement") == true, "\(typo)")
    mark = client.mark
    client.changeDocument(
      uri: uri, version: 4,
      changes: [["range": ["start": ["line": 7, "character": 16], "end": ["line": 7, "character": 27]], "text": "gouvernement"]])
    #expect(codes(try published(client, uri, version: 4, after: mark)) == [])
    let text = try client.documentText(uri: uri)
    #expect(text.text == Self.article.replacingOccurrences(of: "laguerre", with: "la guerre"))
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func typographyFixesInsertTheSpacesOneCannotSee() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    var mark = client.mark
    // 🔵 is two UTF-16 units: the colon is at character 21 of line 9 (20 scalars before it).
    let text = Self.article + "\nLe président 🔵 a dit: non.\n"
    client.openDocument(uri: uri, text: text, languageId: "news")
    let first = try published(client, uri, version: 1, after: mark)
    #expect(codes(first) == ["glued-words", "french-spacing"], "\(first)")
    let diagnostic = try #require(diagnostics(first).last)
    #expect(diagnostic["range"] == ["start": ["line": 9, "character": 21], "end": ["line": 9, "character": 22]])
    #expect(diagnostic["severity"] == 3)
    let response = try client.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": .string(uri)], "range": diagnostic["range"]!, "context": ["diagnostics": []]])
    let preferred = try #require(response["result"]?.arrayValue?.first { $0["isPreferred"] == true })
    #expect(preferred["title"] == "Add a no-break space before ':'")
    let edit = try #require(edits(of: preferred, in: uri).first)
    #expect(edit["newText"] == "\u{A0}:")
    mark = client.mark
    client.changeDocument(uri: uri, version: 2, changes: [["range": edit["range"]!, "text": edit["newText"]!]])
    #expect(codes(try published(client, uri, version: 2, after: mark)) == ["glued-words"])
    #expect(try client.documentText(uri: uri).text == text.replacingOccurrences(of: "dit:", with: "dit\u{A0}:"))
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func addingAWordToTheWorkspaceDictionaryRechecksOpenDocuments() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    var mark = client.mark
    client.openDocument(uri: uri, text: Self.article.replacingOccurrences(of: "laguerre", with: "zorglubie"), languageId: "news")
    #expect(codes(try published(client, uri, version: 1, after: mark)) == ["spelling"])
    mark = client.mark
    let response = try client.request(
      "workspace/executeCommand", ["command": "dateline.addToDictionary", "arguments": ["zorglubie", .string(uri)]])
    #expect(response["error"] == nil, "\(response)")
    #expect(codes(try published(client, uri, version: 1, after: mark)) == [])
    let saved = try String(contentsOf: folder.url.appendingPathComponent(".dateline/dictionary.txt"), encoding: .utf8)
    #expect(saved == "zorglubie\n")
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func ignoringAWordInADocument() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    var mark = client.mark
    client.openDocument(uri: uri, text: Self.article.replacingOccurrences(of: "laguerre", with: "zorglubie"), languageId: "news")
    #expect(codes(try published(client, uri, version: 1, after: mark)) == ["spelling"])
    mark = client.mark
    _ = try client.request("workspace/executeCommand", ["command": "dateline.ignoreInDocument", "arguments": [.string(uri), "zorglubie"]])
    #expect(codes(try published(client, uri, version: 1, after: mark)) == [])
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".dateline").path))
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test func pullDiagnostics() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try TestClient.spawn()
    let result = try client.initialize(capabilities: ClientCapabilityFixtures.vsCode, rootURI: folder.url.absoluteString)
    #expect(result["capabilities"]?["diagnosticProvider"]?["interFileDependencies"] == false)
    client.openDocument(uri: uri, text: Self.article, languageId: "news")
    let report = try client.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
    #expect(report["result"]?["kind"] == "full")
    #expect(report["result"]?["items"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["glued-words"])
    let resultID = try #require(report["result"]?["resultId"])
    let again = try client.request(
      "textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": resultID])
    #expect(again["result"]?["kind"] == "unchanged")
    #expect(!client.received.contains { $0["method"] == "textDocument/publishDiagnostics" })
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func aBadSettingsFileIsReportedOnThatFileAndTheRestStillWorks() throws {
    let folder = try TemporaryDirectory()
    try folder.write(".dateline.json", "{\n  \"langage\": \"fr\"\n}\n")
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    let mark = client.mark
    client.openDocument(uri: uri, text: Self.article, languageId: "news")
    let settingsProblem = try client.notification("textDocument/publishDiagnostics", after: mark) {
      $0["params"]?["uri"]?.stringValue?.hasSuffix("/.dateline.json") == true
    }
    let problem = try #require(diagnostics(settingsProblem).first)
    #expect(problem["message"]?.stringValue?.contains("langage") == true)
    #expect(problem["range"]?["start"]?["line"] == 1)
    #expect(problem["severity"] == 1)
    #expect(codes(try published(client, uri, version: 1, after: mark)) == ["glued-words"])
    #expect(client.received.contains { $0["method"] == "window/showMessage" })
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test func settingsTurnARuleOff() throws {
    let folder = try TemporaryDirectory()
    try folder.write(".dateline.json", #"{"rules": {"glued-words": "off"}}"#)
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    let mark = client.mark
    client.openDocument(uri: uri, text: Self.article, languageId: "news")
    #expect(codes(try published(client, uri, version: 1, after: mark)) == [])
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test func aMissingDictionaryIsReportedAndTheServerKeepsServing() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("essai.news").absoluteString
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    let mark = client.mark
    client.openDocument(uri: uri, text: Self.article.replacingOccurrences(of: "lang: fr", with: "lang: xx-XX"), languageId: "news")
    let message = try client.notification("window/showMessage", after: mark) {
      $0["params"]?["message"]?.stringValue?.contains("xx") == true
    }
    #expect(message["params"]?["type"] == 2)
    #expect(client.stderrContains("xx"))
    _ = try published(client, uri, version: 1, after: mark)
    let outline = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
    #expect(outline["result"]?.arrayValue?.first?["name"] == "La Russie et laguerre")
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test func aTwoMegabyteArticleIsCheckedWhole() throws {
    let folder = try TemporaryDirectory()
    let uri = folder.url.appendingPathComponent("long.news").absoluteString
    var text = "---\nlang: fr\n---\n\n# Un long article\n\n"
    let paragraph = "Chaque jour, le gouvernement russe entraîne ses voisins et ses alliés dans la guerre en Ukraine.\n\n"
    while text.utf8.count < 2_000_000 { text += paragraph }
    text += "La toute dernière phrase parle de laguerre.\n"
    let client = try start(folder, capabilities: ClientCapabilityFixtures.pushOnly)
    let mark = client.mark
    client.openDocument(uri: uri, text: text, languageId: "news")
    let result = try published(client, uri, version: 1, after: mark)
    #expect(codes(result) == ["glued-words"])
    #expect((diagnostics(result).first?["range"]?["start"]?["line"]?.intValue ?? 0) > 20_000)
    #expect(try client.shutdownAndExit() == 0)
  }
}
