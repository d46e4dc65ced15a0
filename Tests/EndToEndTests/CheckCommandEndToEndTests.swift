import Foundation
import JSONRPC
import TestSupport
import Testing

/// `dateline check FILE…` as a journalist or a CI job runs it: compiler-style lines with 1-based
/// lines and character columns, or JSON; the exit status follows `--fail-on`; a missing file is
/// reported by name while the others are still checked.
@Suite struct CheckCommandEndToEndTests {
  static let bad = extractMarkers(
    """
    # 🔵 Été : Poutine à Minsk

    Le président 🔵 1️⃣[Poutine]{.persn}2️⃣ est arrivé.

    Puis 3️⃣[Loukachenko]{}4️⃣ aussi.
    """)

  static let unknownType =
    "Unknown entity type '.persn' (did you mean .person?); use one of .person, .organization, .place, .event, .work, .other."

  /// `FILE:LINE:COLUMN` of a marker, both counted from 1, the column in characters.
  static func location(_ file: String, _ marked: MarkedText, _ marker: String) -> String {
    let position = marked.position(marker, unit: .scalars)
    return "\(file):\(position.line + 1):\(position.character + 1)"
  }

  static func expectedLines(_ file: String, _ marked: MarkedText = bad) -> String {
    """
    \(location(file, marked, "1️⃣")): error: \(unknownType) [annotation-type]
    \(location(file, marked, "3️⃣")): error: Empty annotation: give an id (#name) or a type (.person, .place…). [annotation-syntax]

    """
  }

  static func folder() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write("bad.news", bad.text)
    try folder.write("good.news", "---\ntitle: Propre\n---\n\n# Un article [propre]{.other}\n\nRien à signaler.\n")
    return folder
  }

  @Test func findingsPrintAsFileLineColumnSeverityMessageRule() throws {
    let folder = try Self.folder()
    let result = try DatelineCommandLine.run(["check", "bad.news"], currentDirectory: folder.url)
    #expect(result.stdout == Self.expectedLines("bad.news"))
    #expect(Self.location("bad.news", Self.bad, "1️⃣") == "bad.news:3:16", "🔵 is one character")
    #expect(result.status == 1, "an error is at least a warning, the default --fail-on")
    #expect(result.stderr.isEmpty)
  }

  @Test func crlfLineEndsGiveTheSameLocations() throws {
    let folder = try TemporaryDirectory()
    let crlf = extractMarkers(
      "# 🔵 Été : Poutine à Minsk\r\n\r\nLe président 🔵 1️⃣[Poutine]{.persn}2️⃣ est arrivé.\r\n\r\nPuis 3️⃣[Loukachenko]{}4️⃣ aussi.\r\n")
    try folder.write("crlf.news", crlf.text)
    let result = try DatelineCommandLine.run(["check", "crlf.news"], currentDirectory: folder.url)
    #expect(result.stdout == Self.expectedLines("crlf.news"))
  }

  static let failOnCases: [([String], Int32)] = [
    (["--fail-on", "never"], 0), (["--fail-on=never"], 0), (["--fail-on", "error"], 1), (["--fail-on", "hint"], 1),
    (["--fail-on", "info"], 1), ([], 1),
  ]

  @Test(arguments: failOnCases)
  func theExitStatusFollowsFailOn(options: [String], status: Int32) throws {
    let folder = try Self.folder()
    let result = try DatelineCommandLine.run(["check"] + options + ["bad.news"], currentDirectory: folder.url)
    #expect(result.status == status, "\(result)")
    #expect(result.stdout == Self.expectedLines("bad.news"), "the findings print whatever the threshold")
  }

  @Test func aCleanArticlePrintsNothingAndSucceeds() throws {
    let folder = try Self.folder()
    let result = try DatelineCommandLine.run(["check", "good.news"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test func annotationsInPlainTextAreNotChecked() throws {
    let folder = try TemporaryDirectory()
    // In plain text the braces are text: `.personne` is not an unknown entity type there.
    try folder.write("copie.txt", "Titre de la copie\n\nLe président [Poutine]{.personne} est arrivé.\n")
    let result = try DatelineCommandLine.run(["check", "copie.txt"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aMissingFileIsNamedAndTheOthersAreStillChecked() throws {
    let folder = try Self.folder()
    let result = try DatelineCommandLine.run(["check", "good.news", "absent.news", "bad.news"], currentDirectory: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("'absent.news'"), "\(result.stderr)")
    #expect(result.stderr.contains("no such file"))
    #expect(result.stdout == Self.expectedLines("bad.news"), "the file after the missing one is checked")
  }

  @Test func aFolderStandsForTheArticlesInsideIt() throws {
    let folder = try Self.folder()
    try folder.write("dossier/bad.news", Self.bad.text)
    try folder.write("dossier/README.md", "# Notes [x]{.persn}\n")
    try folder.write("dossier/.brouillon/bad.news", Self.bad.text)
    try folder.write("dossier/photo.jpg", "not an article")
    let result = try DatelineCommandLine.run(["check", "dossier"], currentDirectory: folder.url)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == Self.expectedLines("dossier/bad.news"), "README, hidden folders and other files are skipped")
  }

  @Test func jsonListsEachFileWithItsFindings() throws {
    let folder = try Self.folder()
    let result = try DatelineCommandLine.run(["check", "--format", "json", "bad.news", "good.news"], currentDirectory: folder.url)
    #expect(result.status == 1, "\(result)")
    let json = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    let files = try #require(json["files"]?.arrayValue)
    #expect(files.map { $0["path"] } == ["bad.news", "good.news"])
    #expect(files[1]["findings"] == [])
    let findings = try #require(files[0]["findings"]?.arrayValue)
    #expect(findings.count == 2)
    let start = Self.bad.position("1️⃣", unit: .scalars)
    let end = Self.bad.position("2️⃣", unit: .scalars)
    #expect(findings[0] == [
      "rule": "annotation-type", "severity": "error", "message": .string(Self.unknownType),
      "line": .integer(start.line + 1), "column": .integer(start.character + 1),
      "endLine": .integer(end.line + 1), "endColumn": .integer(end.character + 1),
      "text": "[Poutine]{.persn}", "replacements": [],
    ])
    #expect(findings[1]["rule"] == "annotation-syntax")
    #expect(findings[1]["text"] == "[Loukachenko]{}")
  }

  @Test(arguments: [
    ["check"], ["check", "--fail-on"], ["check", "--fail-on", "sometimes", "bad.news"], ["check", "--format", "xml", "bad.news"],
    ["check", "--strict", "bad.news"],
  ])
  func usageErrorsExitWithTwo(arguments: [String]) throws {
    let folder = try Self.folder()
    let result = try DatelineCommandLine.run(arguments, currentDirectory: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.hasPrefix("dateline: "))
    #expect(result.stderr.contains("dateline --help"))
    #expect(result.stdout.isEmpty)
  }
}
