import Foundation
import JSONRPC
import TestSupport
import Testing

/// Headless Vim 9 with the real plugin in `editors/vim` and the built `dateline`: what a Vim user
/// sees. The Vim side (`editors/vim/test/e2e.vim`) drives Vim and writes what it observed as JSON;
/// this side checks it.
@Suite(.serialized) struct VimEndToEndTests {
  static let editorFolder = SharedFixtures.project("editors/vim")
  static let script = SharedFixtures.project("editors/vim/test/e2e.vim")

  /// A French article with a glued word in the headline, typography after accents and an emoji
  /// (byte columns differ from character columns there), and a section.
  static let article = """
    ---
    title: Essai
    lang: fr
    ---

    # La Russie et laguerre

    Élue en 2020, l’équipe 🌿 a dit : « non ».  Puis elle est partie.

    ## Une section

    Le président est à Moscou.

    """

  @Test(EditorAvailability.vim.enabled) func aVimSessionWithTheRealServer() throws {
    let vim = try EditorAvailability.vim.require()
    let folder = try TemporaryDirectory()
    try folder.write("articles/essai.news", Self.article)
    let resultFile = folder.url.appendingPathComponent("result.json")
    var environment = ProcessInfo.processInfo.environment
    for name in ["VIMINIT", "MYVIMRC", "VIM", "VIMRUNTIME"] { environment[name] = nil }
    environment["HOME"] = folder.url.path
    environment["DATELINE_E2E_SERVER"] = try BuiltProducts.dateline().path
    environment["DATELINE_E2E_NEWS"] = folder.url.appendingPathComponent("articles/essai.news").path
    environment["DATELINE_E2E_RESULT"] = resultFile.path
    let outcome = try TimedProcess.run(
      vim,
      arguments: [
        "-N", "-u", "NONE", "-i", "NONE", "-n", "-Es",
        "--cmd", "set rtp^=\(Self.editorFolder.path)", "--cmd", "filetype on",
        "-S", Self.script.path,
      ],
      environment: environment, currentDirectory: folder.url, timeout: .seconds(90))
    let data = try #require(
      FileManager.default.contents(atPath: resultFile.path),
      "vim wrote no result (status \(outcome.status), timed out: \(outcome.timedOut)); stderr: \(outcome.stderr.suffix(2000))")
    let result = try JSONDecoder().decode(JSONValue.self, from: data)
    #expect(result["error"] == nil, "the script failed: \(result["error"]?.stringValue ?? ""); \(result["messages"] ?? .null)")
    #expect(result["filetype"] == "news")
    #expect(result["attached"] == 1)

    // After opening: the glued headline word, and two spaces after the emoji, in Vim's byte columns.
    #expect(result["opened_in_time"] == true)
    let opened = result["opened"]?.arrayValue ?? []
    #expect(opened.map { $0["text"]?.stringValue ?? "" } == [
      "'laguerre' looks like words stuck together: 'la guerre'. [glued-words]",
      "2 spaces in a row. [typography]",
    ], "\(opened)")
    let headline = "# La Russie et laguerre"
    let paragraph = "Élue en 2020, l’équipe 🌿 a dit : « non ».  Puis elle est partie."
    let spaces = try #require(paragraph.utf8.firstRange(of: Array("».  ".utf8)))
    // The two spaces come after '»' (two bytes) and '.'; Vim's byte columns start at 1.
    let spacesColumn = paragraph.utf8.distance(from: paragraph.utf8.startIndex, to: spaces.lowerBound) + 3 + 1
    #expect(opened.first?["lnum"] == 6 && opened.first?["col"]?.intValue == headline.utf8.count - 8 + 1)
    #expect(opened.first?["type"] == "W")
    #expect(opened.last?["lnum"] == 8 && opened.last?["col"]?.intValue == spacesColumn, "byte column in \(paragraph)")
    #expect(opened.last?["end_col"]?.intValue == spacesColumn + 2)
    #expect(opened.last?["type"] == "I")

    // :DatelineFix on the glued word splits it, and its diagnostic goes.
    #expect(result["fixed_line"] == "# La Russie et la guerre")
    #expect(result["fixed_in_time"] == true)
    #expect(result["after_fix"]?.arrayValue?.count == 1)

    // A typo typed at the end: its warning names the fix.
    #expect(result["typed_in_time"] == true)
    let typo = (result["after_typing"]?.arrayValue ?? []).first { $0["text"]?.stringValue?.hasSuffix("[spelling]") == true }
    #expect(typo?["text"]?.stringValue?.contains("'gouvernemnt'") == true)
    #expect(typo?["text"]?.stringValue?.contains("'gouvernement'") == true)
    #expect(typo?["lnum"] == 13 && typo?["col"] == 4)

    // :DatelineOutline: the headline (after the fix) and its section, with word counts.
    let outline = (result["outline"]?.arrayValue ?? []).map { $0["text"]?.stringValue ?? "" }
    #expect(outline.count == 2, "\(outline)")
    #expect(outline.first?.hasPrefix("La Russie et la guerre") == true, "\(outline)")
    #expect(outline.last?.hasPrefix("  Une section") == true, "\(outline)")

    // The server's copy is the buffer.
    #expect(result["server_text"] != nil && result["server_text"] == result["buffer_text"])
    #expect(result["buffer_text"]?.stringValue?.contains("Le gouvernemnt 🌍 a parlé.") == true)
  }
}
