import Foundation
import JSONRPC
import TestSupport
import Testing

/// `dateline check` on the real article pasted from a web page, with the bundled dictionaries.
@Suite struct SharedArticleCheckEndToEndTests {
  private struct Reported: Decodable {
    struct File: Decodable { var findings: [Finding] }
    struct Finding: Decodable {
      var rule: String
      var text: String
      var replacements: [String]
      var line: Int
    }
    var files: [File]
  }

  private func findings() throws -> [Reported.Finding] {
    let article = SharedFixtures.shared("articles/ukraine-belarus.txt").path
    let result = try DatelineCommandLine.run(["check", "--format", "json", "--fail-on", "never", article])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONDecoder().decode(Reported.self, from: Data(result.stdout.utf8)).files.flatMap(\.findings)
  }

  @Test func gluedWordsAreFlaggedWithTheirSplit() throws {
    let found = try findings()
    let expected = [
      "laRussieentraîne": "la Russie entraîne", "laguerre": "la guerre", "Vladimirpoutine": "Vladimir Poutine",
      "laBiélorussiedepuis": "la Biélorussie depuis",
    ]
    for (text, fix) in expected {
      let finding = found.first { $0.text == text }
      #expect(finding?.rule == "glued-words", "\(text): \(String(describing: finding))")
      #expect(finding?.replacements.first == fix, "\(text): \(String(describing: finding))")
    }
  }

  @Test func namesAreNotFlagged() throws {
    let found = try findings()
    for name in ["Loukachenko", "Iskander-M", "Saint-Pétersbourg", "Carnegie", "Schreibmann", "Artiom", "Desna"] {
      #expect(!found.contains { $0.text.contains(name) }, "\(name) flagged: \(found.filter { $0.text.contains(name) })")
    }
  }
}
