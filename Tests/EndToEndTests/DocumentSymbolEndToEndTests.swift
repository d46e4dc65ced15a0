import Foundation
import JSONRPC
import TestSupport
import Testing

/// The outline a client gets from `textDocument/documentSymbol` on the spawned server: names, kinds,
/// nesting, exact ranges in the negotiated encoding (emoji outside the BMP and accents included),
/// word counts, CRLF files, and the flat form for clients without hierarchical symbols.
@Suite struct DocumentSymbolEndToEndTests {
  static let uri = "file:///articles/cherki.news"

  /// The article, with markers where ranges start and end. The last section ends at the end of the text.
  static let article = """
    ---
    title: Cherki à City
    lang: fr
    ---

    1️⃣# 2️⃣Rayan Cherki s'engage avec Manchester City3️⃣

    Le milieu offensif rejoint le club anglais.

    4️⃣## 5️⃣Été 🔵 : un transfert bouclé6️⃣

    Les discussions 🔵 ont duré trois jours à Lyon.

    7️⃣### 8️⃣Le rôle de l'agent🔵9️⃣

    Il a négocié seul, dit-on à Décines 🔵.0️⃣

    🔟## #️⃣Une concurrence relevée*️⃣

    Pep Guardiola dispose déjà de milieux.
    """

  static let hierarchical: JSONValue = [
    "general": ["positionEncodings": ["utf-16"]],
    "textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]],
  ]

  static func position(_ marked: MarkedText, _ marker: String, _ unit: MarkedText.Unit) -> JSONValue {
    let position = marked.position(marker, unit: unit)
    return ["line": .integer(position.line), "character": .integer(position.character)]
  }

  static func range(_ marked: MarkedText, _ from: String, _ to: String, _ unit: MarkedText.Unit = .utf16) -> JSONValue {
    ["start": position(marked, from, unit), "end": position(marked, to, unit)]
  }

  /// The end of the text, as a position.
  static func end(_ marked: MarkedText, _ unit: MarkedText.Unit) -> JSONValue {
    let lines = marked.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)  // "\r\n" is one Character
    let last = String(lines.last!)
    let width = unit == .utf8 ? last.utf8.count : unit == .utf16 ? last.utf16.count : last.unicodeScalars.count
    return ["line": .integer(lines.count - 1), "character": .integer(width)]
  }

  /// The tree the server must answer for `marked`, in `unit`.
  static func expectedTree(_ marked: MarkedText, _ unit: MarkedText.Unit = .utf16) -> JSONValue {
    let end = end(marked, unit)
    return [
      [
        "name": "Rayan Cherki s'engage avec Manchester City", "detail": "45 words", "kind": 1,
        "range": ["start": position(marked, "1️⃣", unit), "end": end], "selectionRange": range(marked, "2️⃣", "3️⃣", unit),
        "children": [
          [
            "name": "Été 🔵 : un transfert bouclé", "detail": "15 words", "kind": 15,
            "range": range(marked, "4️⃣", "0️⃣", unit), "selectionRange": range(marked, "5️⃣", "6️⃣", unit),
            "children": [
              [
                "name": "Le rôle de l'agent🔵", "detail": "7 words", "kind": 15,
                "range": range(marked, "7️⃣", "0️⃣", unit), "selectionRange": range(marked, "8️⃣", "9️⃣", unit), "children": [],
              ]
            ],
          ],
          [
            "name": "Une concurrence relevée", "detail": "6 words", "kind": 15,
            "range": ["start": position(marked, "🔟", unit), "end": end], "selectionRange": range(marked, "#️⃣", "*️⃣", unit),
            "children": [],
          ],
        ],
      ]
    ]
  }

  static func symbols(_ client: TestClient, uri: String = uri) throws -> JSONValue? {
    let response = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
    return response["result"]
  }

  @Test func aHierarchicalClientGetsTheTreeWithExactUTF16Ranges() throws {
    let marked = extractMarkers(Self.article)
    let client = try TestClient.spawn()
    try client.initialize(capabilities: Self.hierarchical)
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    let result = try Self.symbols(client)
    #expect(result == Self.expectedTree(marked))
    // The emoji takes two UTF-16 units: the subsection's title ends two units after "agent".
    let subsection = result?.arrayValue?.first?["children"]?.arrayValue?.first?["children"]?.arrayValue?.first
    #expect(subsection?["selectionRange"]?["end"]?["character"] == .integer("Le rôle de l'agent".utf16.count + 4 + 2))
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func theSameArticleWithCRLFLineEndsGivesTheSameSymbols() throws {
    let marked = extractMarkers(Self.article.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(marked.text.contains("\r\n"))
    let client = try TestClient.spawn()
    try client.initialize(capabilities: Self.hierarchical)
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    let result = try Self.symbols(client)
    #expect(result == Self.expectedTree(marked))
    #expect(result == Self.expectedTree(extractMarkers(Self.article)), "lines and columns do not depend on the line ends")
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func aClientNegotiatingUTF8GetsByteColumns() throws {
    let marked = extractMarkers(Self.article)
    let client = try TestClient.spawn()
    let result = try client.initialize(capabilities: [
      "general": ["positionEncodings": ["utf-8", "utf-16"]],
      "textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]],
    ])
    #expect(result["capabilities"]?["positionEncoding"] == "utf-8")
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    let symbols = try Self.symbols(client)
    #expect(symbols == Self.expectedTree(marked, .utf8))
    #expect(symbols != Self.expectedTree(marked, .utf16), "the article has characters where the units differ")
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func aClientWithoutHierarchicalSymbolsGetsAFlatListWithContainers() throws {
    let marked = extractMarkers(Self.article)
    let client = try TestClient.spawn()
    try client.initialize(capabilities: ["general": ["positionEncodings": ["utf-16"]]])
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    let location = { (from: String, to: String) -> JSONValue in
      ["uri": .string(Self.uri), "range": Self.range(marked, from, to)]
    }
    let expected: JSONValue = [
      ["name": "Rayan Cherki s'engage avec Manchester City", "kind": 1, "location": location("2️⃣", "3️⃣")],
      [
        "name": "Été 🔵 : un transfert bouclé", "kind": 15, "location": location("5️⃣", "6️⃣"),
        "containerName": "Rayan Cherki s'engage avec Manchester City",
      ],
      [
        "name": "Le rôle de l'agent🔵", "kind": 15, "location": location("8️⃣", "9️⃣"),
        "containerName": "Été 🔵 : un transfert bouclé",
      ],
      [
        "name": "Une concurrence relevée", "kind": 15, "location": location("#️⃣", "*️⃣"),
        "containerName": "Rayan Cherki s'engage avec Manchester City",
      ],
    ]
    #expect(try Self.symbols(client) == expected)
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func theOutlineFollowsEdits() throws {
    let marked = extractMarkers(Self.article)
    let client = try TestClient.spawn()
    try client.initialize(capabilities: Self.hierarchical)
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    let line = marked.position("#️⃣").line
    client.changeDocument(
      uri: Self.uri, version: 2,
      changes: [["range": ["start": ["line": .integer(line), "character": 3], "end": ["line": .integer(line), "character": 6]], "text": "La"]])
    let sections = try Self.symbols(client)?.arrayValue?.first?["children"]?.arrayValue
    #expect(sections?.last?["name"] == "La concurrence relevée")
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func theSharedArticleOpenedAsPlainTextHasItsOutline() throws {
    let text = String(decoding: try Data(contentsOf: SharedFixtures.shared("articles/ukraine-belarus.txt")), as: UTF8.self)
    let uri = "file:///articles/ukraine-belarus.txt"
    let client = try TestClient.spawn()
    try client.initialize(capabilities: Self.hierarchical)
    client.openDocument(uri: uri, text: text, languageId: "plaintext")
    let root = try Self.symbols(client, uri: uri)?.arrayValue?.first
    #expect(root?["name"] == "Guerre d'Ukraine : la Russie continue de vasculariser la Biélorussie")
    #expect(root?["selectionRange"]?["start"] == ["line": 3, "character": 0])
    #expect(root?["detail"]?.stringValue?.hasPrefix("France · ") == true, "the kicker shows beside the word count")
    #expect(root?["children"]?.arrayValue?.map { $0["name"] } == ["Pour une intégration obligatoire", "Hostilité de la population biélorusse"])
    #expect(root?["children"]?.arrayValue?.map { $0["selectionRange"]?["start"]?["line"] } == [9, 19])
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test(arguments: [true, false])
  func anEmptyHeadingIsNamedUntitledForEveryClient(hierarchical: Bool) throws {
    let client = try TestClient.spawn()
    try client.initialize(capabilities: hierarchical ? Self.hierarchical : ["general": ["positionEncodings": ["utf-16"]]])
    client.openDocument(uri: Self.uri, text: "# \n\nLe chapeau.\n\n##\n\nTexte.\n", languageId: "news")
    let symbols = try Self.symbols(client)
    let names = hierarchical
      ? symbols?.arrayValue?.flatMap { [$0["name"]] + ($0["children"]?.arrayValue ?? []).map { $0["name"] } }
      : symbols?.arrayValue?.map { $0["name"] }
    #expect(names == ["(untitled)", "(untitled)"])
    if !hierarchical { #expect(symbols?.arrayValue?.last?["containerName"] == "(untitled)") }
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func aDocumentThatIsNotOpenIsAnError() throws {
    let client = try TestClient.spawn()
    try client.initialize(capabilities: Self.hierarchical)
    let response = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///nowhere.news"]])
    #expect(response["error"]?["code"]?.intValue != nil)
    #expect(response["result"] == nil)
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }
}
