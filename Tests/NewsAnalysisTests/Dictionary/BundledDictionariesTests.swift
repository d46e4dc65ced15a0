import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// The dictionaries compiled into the binary: the bytes are those of the files in
/// Sources/CDatelineDictionaries/data (so a build that missed a change to them fails here), and they
/// come with their versions and licences.
@Suite struct BundledDictionariesTests {
  static let dataFolder = SharedFixtures.project("Sources/CDatelineDictionaries/data")

  static func file(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: dataFolder.appendingPathComponent(name)))
  }

  @Test func frenchAndAmericanEnglishAreBundledWithTheirVersions() {
    let all = BundledDictionaries.all
    #expect(all.map(\.language) == ["fr", "en_US"])
    #expect(all.map(\.debianPackage) == ["hunspell-fr-classical", "hunspell-en-us"])
    #expect(all.map(\.debianVersion) == ["1:7.0-1", "1:2020.12.07-2"])
    #expect(all.map(\.version) == ["7.0", "2020.12.07"])
    #expect(all[0].description == "French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0")
  }

  @Test(arguments: [("fr", "fr"), ("en_US", "en_US")])
  func embeddedBytesAreTheFilesInTheDataFolder(language: String, stem: String) throws {
    let bundled = try #require(BundledDictionaries.dictionary(for: language))
    let affix = try Self.file("\(stem).aff")
    let dictionary = try Self.file("\(stem).dic")
    let stale = "the binary embeds other bytes than data/\(stem): the build is stale (run `swift package clean`)"
    #expect(bundled.affixBuffer.count == affix.count, Comment(rawValue: stale))
    #expect(bundled.dictionaryBuffer.count == dictionary.count, Comment(rawValue: stale))
    #expect(bundled.affix == affix, Comment(rawValue: stale))
    #expect(bundled.dictionary == dictionary, Comment(rawValue: stale))
  }

  /// When the same Debian package version is installed (CI installs it), its files are ours.
  @Test(arguments: BundledDictionaries.all)
  func theFilesAreDebiansByteForByte(bundled: BundledDictionary) throws {
    guard let installed = Self.installedVersion(of: bundled.debianPackage), installed == bundled.debianVersion else {
      print("skipped: \(bundled.debianPackage) \(bundled.debianVersion) is not installed")
      return
    }
    let system = URL(fileURLWithPath: "/usr/share/hunspell")
    for fileExtension in ["aff", "dic"] {
      let name = "\(bundled.language).\(fileExtension)"
      let debian = [UInt8](try Data(contentsOf: system.appendingPathComponent(name)))
      #expect(try Self.file(name) == debian, "data/\(name) differs from Debian's /usr/share/hunspell/\(name)")
    }
  }

  static func installedVersion(of package: String) -> String? {
    guard let dpkgQuery = EditorAvailability.find("dpkg-query", path: ProcessInfo.processInfo.environment["PATH"]),
      let outcome = try? TimedProcess.run(
        dpkgQuery, arguments: ["-W", "-f", "${Version}", package], timeout: .seconds(10)),
      outcome.status == 0
    else { return nil }
    return outcome.stdout
  }

  @Test func theDictionariesAreWhole() throws {
    for bundled in BundledDictionaries.all {
      let firstLine = bundled.dictionaryBuffer.prefix { $0 != 0x0A }
      let declared = try #require(Int(String(decoding: firstLine, as: UTF8.self)))
      let lines = bundled.dictionaryBuffer.count(where: { $0 == 0x0A })
      #expect(declared > 70_000 && abs(lines - 1 - declared) < 100, "\(bundled.language): \(declared) declared, \(lines) lines")
      #expect(String(decoding: bundled.affixBuffer, as: UTF8.self).contains("SET UTF-8"))
    }
  }

  @Test func licencesComeWithThem() throws {
    let french = try #require(BundledDictionaries.dictionary(for: "fr"))
    #expect(french.licence == "MPL-2.0")
    #expect(french.copyright.contains("Dicollecte"))
    #expect(french.copyright.contains("Mozilla Public License Version 2.0"), "the MPL text follows Debian's notice")
    let english = try #require(BundledDictionaries.dictionary(for: "en_US"))
    #expect(english.copyright.contains("Kevin Atkinson"))
    #expect(english.copyright.contains("Geoff Kuenning"))
  }

  @Test func codesAreMatchedExactlyWhateverTheirSpelling() {
    #expect(BundledDictionaries.dictionary(for: "en-US")?.language == "en_US")
    #expect(BundledDictionaries.dictionary(for: "EN_us")?.language == "en_US")
    #expect(BundledDictionaries.dictionary(for: "FR")?.language == "fr")
    #expect(BundledDictionaries.dictionary(for: "en") == nil, "finding en_US for en is the locator's job")
    #expect(BundledDictionaries.dictionary(for: "fr_FR") == nil)
    #expect(BundledDictionaries.dictionary(for: "../fr") == nil)
  }

  @Test func loadingABundledDictionaryIsACopy() throws {
    let clock = ContinuousClock()
    var loaded: LoadedDictionary?
    let elapsed = try clock.measure {
      loaded = try DictionaryLocator(searchFolders: []).load("fr")
    }
    #expect(loaded?.dictionary.count == BundledDictionaries.all[0].dictionaryBuffer.count)
    #expect(elapsed < .milliseconds(40), "finding and copying the bundled French took \(elapsed)")
  }
}
