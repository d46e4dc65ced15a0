import Foundation
import JSONRPC
import TestSupport
import Testing

/// `dateline dictionaries`: the bundled French and American English are found however the binary is
/// installed, since they are inside it; other dictionaries are found by language code in the system
/// folders; a missing one is a clear message and exit status 1.
@Suite struct DictionariesCommandEndToEndTests {
  static let frenchLine = "fr     bundled: French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0"
  static let englishLine =
    "en_US  bundled: American English, hunspell-en-us 2020.12.07 (Debian 1:2020.12.07-2), SCOWL (BSD-like)"

  /// Runs `executable` with a clean environment: `PATH`, a temporary `HOME`, and `extra`.
  static func run(
    _ executable: URL, _ arguments: [String], in directory: URL, home: URL, extra: [String: String] = [:]
  ) throws -> TimedProcess.Outcome {
    var environment = ["PATH": "/usr/bin:/bin", "HOME": home.path]
    environment.merge(extra) { $1 }
    return try TimedProcess.run(
      executable, arguments: arguments, environment: environment, currentDirectory: directory, timeout: .seconds(30))
  }

  /// The README's install step: `install -m 755 .build/release/dateline ~/.local/bin/`, then `dateline`
  /// from PATH in another folder. Nothing but the binary is copied.
  @Test func theInstalledBinaryAloneFindsTheBundledDictionaries() throws {
    let folder = try TemporaryDirectory()
    let bin = folder.url.appendingPathComponent("home/.local/bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let installed = bin.appendingPathComponent("dateline")
    try FileManager.default.copyItem(at: try BuiltProducts.dateline(), to: installed)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: installed.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: bin.path) == ["dateline"])
    let elsewhere = folder.url.appendingPathComponent("articles")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let home = folder.url.appendingPathComponent("home")

    // Found on PATH, as a shell runs it: argv[0] is "dateline", not a path.
    let env = URL(fileURLWithPath: "/usr/bin/env")
    let listed = try Self.run(
      env, ["dateline", "dictionaries"], in: elsewhere, home: home,
      extra: ["PATH": "\(bin.path):/usr/bin:/bin", "DICPATH": folder.path("none")])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stderr.isEmpty)
    let lines = listed.stdout.split(separator: "\n").map(String.init)
    #expect(Array(lines.prefix(2)) == [Self.frenchLine, Self.englishLine], "\(listed.stdout)")

    // And read in full: the sizes are those of the files in the source tree.
    let read = try Self.run(installed, ["dictionaries", "--format", "json", "fr", "en_US"], in: elsewhere, home: home)
    #expect(read.status == 0, "\(read.stderr)")
    let output = try JSONDecoder().decode(JSONValue.self, from: Data(read.stdout.utf8))
    let data = SharedFixtures.project("Sources/CDatelineDictionaries/data")
    let entries = output["dictionaries"]?.arrayValue ?? []
    try #require(entries.count == 2, "\(read.stdout)")
    for (entry, stem) in zip(entries, ["fr", "en_US"]) {
      #expect(entry["source"] == "bundled")
      #expect(entry["language"] == .string(stem))
      for (key, fileExtension) in [("affixBytes", "aff"), ("dictionaryBytes", "dic")] {
        let size = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent("\(stem).\(fileExtension)").path)[.size] as? Int
        #expect(entry[key]?.intValue == size, "\(stem).\(fileExtension)")
      }
    }
    #expect(output["errors"] == [])
  }

  @Test func aDictionaryInDICPATHIsFoundByItsCode() throws {
    let folder = try TemporaryDirectory()
    try folder.write("dicts/de_DE.aff", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n")
    try folder.write("dicts/de_DE.dic", "2\nWort/S\nHaus\n")
    let dateline = try BuiltProducts.dateline()
    let result = try Self.run(dateline, ["dictionaries", "de"], in: folder.url, home: folder.url, extra: ["DICPATH": folder.path("dicts")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "de  \(folder.path("dicts/de_DE.dic")); 46 bytes read\n")
    let listed = try Self.run(dateline, ["dictionaries"], in: folder.url, home: folder.url, extra: ["DICPATH": folder.path("dicts")])
    #expect(listed.stdout.split(separator: "\n").dropFirst(2).first == "de_DE  \(folder.path("dicts/de_DE.dic"))", "after the bundled ones")
  }

  @Test func aMissingDictionaryIsAMessageAndExitStatus1() throws {
    let folder = try TemporaryDirectory()
    let result = try Self.run(
      try BuiltProducts.dateline(), ["dictionaries", "fr_FR", "xx_YY"], in: folder.url, home: folder.url,
      extra: ["DICPATH": folder.path("dicts")])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("fr_FR  bundled fr: French, hunspell-fr-classical 7.0"), "the others are still listed")
    #expect(result.stderr.hasPrefix("dateline: no Hunspell dictionary for 'xx_YY': looked for xx_YY or xx in the bundled dictionaries (fr, en_US), \(folder.path("dicts")) (absent), "), "\(result.stderr)")
    #expect(result.stderr.hasSuffix("; install hunspell-xx-yy or set dateline.dictionaries or DICPATH\n"))
  }

  @Test func licencesArePrintedFromTheBinary() throws {
    let result = try DatelineCommandLine.run(["dictionaries", "--licences"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("fr: French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0\n"))
    #expect(result.stdout.contains("Mozilla Public License Version 2.0"))
    #expect(result.stdout.contains("en_US: American English, hunspell-en-us"))
    #expect(result.stdout.contains("Copyright 2000-2011 by Kevin Atkinson"))
  }

  @Test func anUnknownOptionIsAUsageError() throws {
    let result = try DatelineCommandLine.run(["dictionaries", "--bogus"])
    #expect(result.status == 2)
    #expect(result.stderr == "dateline: unknown option '--bogus'\nRun 'dateline --help' for usage.\n")
  }
}
