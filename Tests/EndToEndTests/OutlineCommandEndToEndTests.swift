import Foundation
import JSONRPC
import TestSupport
import Testing

/// `dateline outline FILE…` as a journalist runs it: an indented tree, or JSON.
@Suite struct OutlineCommandEndToEndTests {
  static let sharedArticle = SharedFixtures.shared("articles/ukraine-belarus.txt").path

  /// "Title  (line N, W words)" split into its parts.
  static func parse(_ line: Substring) -> (indent: Int, title: String, line: Int, words: Int)? {
    guard let open = line.range(of: "  (line ", options: .backwards), line.hasSuffix(" words)") else { return nil }
    let numbers = line[open.upperBound...].dropLast(" words)".count).split(separator: ", ")
    guard numbers.count == 2, let lineNumber = Int(numbers[0]), let words = Int(numbers[1]) else { return nil }
    let indent = line.prefix { $0 == " " }.count
    return (indent, String(line[line.index(line.startIndex, offsetBy: indent)..<open.lowerBound]), lineNumber, words)
  }

  @Test func theSharedArticlePrintsItsKickerHeadlineAndSections() throws {
    let result = try DatelineCommandLine.run(["outline", Self.sharedArticle])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n")
    try #require(lines.count == 4, "\(result.stdout)")
    #expect(lines[0] == "kicker: France")
    let headline = try #require(Self.parse(lines[1]), "\(lines[1])")
    let first = try #require(Self.parse(lines[2]), "\(lines[2])")
    let second = try #require(Self.parse(lines[3]), "\(lines[3])")
    #expect(headline.indent == 0 && first.indent == 2 && second.indent == 2)
    #expect(headline.title == "Guerre d'Ukraine : la Russie continue de vasculariser la Biélorussie")
    #expect(first.title == "Pour une intégration obligatoire")
    #expect(second.title == "Hostilité de la population biélorusse")
    #expect([headline.line, first.line, second.line] as [Int] == [4, 10, 20], "lines count from 1")
    #expect(first.words > 200 && second.words > 100, "each section holds its paragraphs")
    #expect(first.words + second.words < headline.words)
  }

  @Test func jsonHasTheSameStructure() throws {
    let result = try DatelineCommandLine.run(["outline", "--format", "json", Self.sharedArticle])
    #expect(result.status == 0, "\(result)")
    let json = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    let file = try #require(json["files"]?.arrayValue?.first)
    #expect(json["files"]?.arrayValue?.count == 1)
    #expect(file["path"]?.stringValue == Self.sharedArticle)
    #expect(file["kicker"] == "France")
    let root = try #require(file["outline"]?.arrayValue?.first)
    #expect(root["kind"] == "headline")
    #expect(root["title"] == "Guerre d'Ukraine : la Russie continue de vasculariser la Biélorussie")
    #expect(root["line"] == 4)
    #expect(root["column"] == 1)
    let sections = try #require(root["children"]?.arrayValue)
    #expect(sections.map { $0["kind"] } == ["section", "section"])
    #expect(sections.map { $0["title"] } == ["Pour une intégration obligatoire", "Hostilité de la population biélorusse"])
    #expect(sections.map { $0["line"] } == [10, 20])
    #expect(sections.allSatisfy { $0["children"] == [] })
    // The text form prints the same counts.
    let text = try DatelineCommandLine.run(["outline", Self.sharedArticle]).stdout
    #expect(text.contains("(line 4, \(root["wordCount"]?.intValue ?? -1) words)"))
  }

  @Test func markdownSubsectionsNestAndAnnotationsShowAsText() throws {
    let folder = try TemporaryDirectory()
    try folder.write(
      "cherki.news",
      "---\ntitle: Cherki\n---\n\n# [Rayan Cherki]{.person} rejoint City\n\nChapeau.\n\n## Un transfert\n\nTexte.\n\n### Le détail\n\nFin.\n")
    let result = try DatelineCommandLine.run(["outline", "cherki.news"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == """
      Rayan Cherki rejoint City  (line 5, 11 words)
        Un transfert  (line 9, 2 words)
          Le détail  (line 13, 1 word)

      """)
  }

  @Test func aMissingFileIsReportedAndTheOthersStillPrint() throws {
    let folder = try TemporaryDirectory()
    try folder.write("a.news", "# Premier article\n\nTexte.\n")
    try folder.write("b.txt", "Second article en texte\n\nTexte.\n")
    let result = try DatelineCommandLine.run(["outline", "a.news", "absent.news", "b.txt"], currentDirectory: folder.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains("absent.news"), "\(result)")
    #expect(result.stdout.contains("Premier article"))
    #expect(result.stdout.contains("Second article en texte"))
  }

  @Test(arguments: [["outline"], ["outline", "--format"], ["outline", "--format", "yaml", "a.news"], ["outline", "--depth", "a.news"]])
  func usageErrorsExitWithTwo(arguments: [String]) throws {
    let result = try DatelineCommandLine.run(arguments)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.hasPrefix("dateline: "))
    #expect(result.stdout.isEmpty)
  }
}
