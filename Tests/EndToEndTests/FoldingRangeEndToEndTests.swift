import Foundation
import JSONRPC
import TestSupport
import Testing

/// `textDocument/foldingRange` on the spawned server: the front matter, each section and
/// subsection, multi-line quotes and comments, by line.
@Suite struct FoldingRangeEndToEndTests {
  static let uri = "file:///articles/greve.news"

  static let article = """
    1️⃣---
    title: Grève à la SNCF
    lang: fr
    2️⃣---

    # Grève à la SNCF

    Un TGV sur deux circule.

    3️⃣## Des quais bondés

    4️⃣> « Nous attendons
    > depuis 🔵 deux heures »,
    5️⃣> dit une voyageuse.

    > Une citation d'une ligne.

    6️⃣<!-- à vérifier
    7️⃣avec la SNCF -->

    8️⃣### Le détail

    9️⃣Texte.

    0️⃣## Fin

    🔟Dernier mot.
    """

  static func foldingRanges(_ client: TestClient) throws -> [JSONValue]? {
    try client.request("textDocument/foldingRange", ["textDocument": ["uri": .string(uri)]])["result"]?.arrayValue
  }

  static func expected(_ marked: MarkedText) -> [JSONValue] {
    func line(_ marker: String) -> JSONValue { .integer(marked.position(marker).line) }
    return [
      ["startLine": line("1️⃣"), "endLine": line("2️⃣"), "kind": "region"],
      ["startLine": line("3️⃣"), "endLine": line("9️⃣"), "kind": "region"],
      ["startLine": line("4️⃣"), "endLine": line("5️⃣"), "kind": "region"],
      ["startLine": line("6️⃣"), "endLine": line("7️⃣"), "kind": "comment"],
      ["startLine": line("8️⃣"), "endLine": line("9️⃣"), "kind": "region"],
      ["startLine": line("0️⃣"), "endLine": line("🔟"), "kind": "region"],
    ]
  }

  @Test(arguments: ["\n", "\r\n"])
  func frontMatterSectionsQuotesAndCommentsFold(lineEnd: String) throws {
    let marked = extractMarkers(Self.article.replacingOccurrences(of: "\n", with: lineEnd))
    let client = try TestClient.spawn()
    try client.initialize()
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    #expect(try Self.foldingRanges(client) == Self.expected(marked))
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func theClientsRangeLimitIsRespected() throws {
    let marked = extractMarkers(Self.article)
    let client = try TestClient.spawn()
    try client.initialize(capabilities: [
      "general": ["positionEncodings": ["utf-16"]], "textDocument": ["foldingRange": ["rangeLimit": 2]],
    ])
    client.openDocument(uri: Self.uri, text: marked.text, languageId: "news")
    #expect(try Self.foldingRanges(client) == Array(Self.expected(marked).prefix(2)))
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func plainTextSectionsFold() throws {
    let text = "Monde\n\nUn titre de dépêche\n\nLe chapeau.\n\nUn intertitre\n\nPremier paragraphe.\n\nSecond paragraphe.\n"
    let client = try TestClient.spawn()
    try client.initialize()
    client.openDocument(uri: "file:///depeche.txt", text: text, languageId: "plaintext")
    let ranges = try client.request("textDocument/foldingRange", ["textDocument": ["uri": "file:///depeche.txt"]])["result"]
    #expect(ranges == [["startLine": 6, "endLine": 10, "kind": "region"]])
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }
}
