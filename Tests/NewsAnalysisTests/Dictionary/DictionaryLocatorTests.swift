import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// Finding the `.aff` and `.dic` for a language code: configured paths, then the bundled dictionaries,
/// then the system folders (here temporary folders standing for them); and the messages when a
/// dictionary is missing, unreadable or damaged.
@Suite struct DictionaryLocatorTests {
  static let affix = "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n\nSFX S Y 2\nSFX S 0 s [^s]\nSFX S 0 es s\n"
  static let dictionary = "3\nword/S\nother\nthird/S\n"

  /// Writes `stem.aff` and `stem.dic` (given contents or small valid ones) into `folder`.
  static func install(_ stem: String, in folder: TemporaryDirectory, under subfolder: String = "system",
    affix: String = affix, dictionary: String = dictionary
  ) throws {
    try folder.write("\(subfolder)/\(stem).aff", affix)
    try folder.write("\(subfolder)/\(stem).dic", dictionary)
  }

  /// A locator whose only system folder is `folder/system`.
  static func locator(_ folder: TemporaryDirectory, bundled: [BundledDictionary] = BundledDictionaries.all,
    configured: [String: String] = [:]
  ) -> DictionaryLocator {
    DictionaryLocator(
      configuredPaths: configured, baseDirectory: folder.url.path, bundled: bundled,
      searchFolders: [folder.path("system")], homeDirectory: folder.path("home"))
  }

  // MARK: Finding by language code

  @Test func anInstalledDictionaryIsFoundByItsCode() throws {
    let folder = try TemporaryDirectory()
    try Self.install("de_DE", in: folder)
    let loaded = try Self.locator(folder).load("de_DE")
    #expect(loaded.location.language == "de_DE")
    #expect(loaded.location.source == .system)
    #expect(loaded.location.affixPath == folder.path("system/de_DE.aff"))
    #expect(loaded.location.dictionaryPath == folder.path("system/de_DE.dic"))
    #expect(loaded.affix == Array(Self.affix.utf8))
    #expect(loaded.dictionary == Array(Self.dictionary.utf8))
    #expect(try Self.locator(folder).locate("de-DE").language == "de_DE", "a hyphen is an underscore")
    #expect(try Self.locator(folder).locate("DE_de").language == "de_DE", "case does not matter")
  }

  @Test func aBareLanguageFindsItsOwnRegionFirstThenAnyInOrder() throws {
    let folder = try TemporaryDirectory()
    for stem in ["de_AT", "de_CH", "de_DE", "pt_BR"] { try Self.install(stem, in: folder) }
    let locator = Self.locator(folder)
    #expect(try locator.locate("de").language == "de_DE")
    #expect(try locator.locate("pt").language == "pt_BR", "no pt_PT: any region")
    try Self.install("de", in: folder)
    #expect(try locator.locate("de").language == "de", "the bare file first")
  }

  @Test func aRegionFallsBackToTheBareLanguageButNotToAnotherRegion() throws {
    let folder = try TemporaryDirectory()
    try Self.install("de_DE", in: folder)
    let locator = Self.locator(folder)
    #expect(throws: DictionaryLocatorError.self, "de_CH is not de_DE") { try locator.locate("de_CH") }
    try Self.install("de", in: folder)
    #expect(try locator.locate("de_CH").language == "de")
    #expect(try locator.locate("de_DE").language == "de_DE", "the exact code before the fallback")
    #expect(try locator.locate("de_DE_frami").language == "de_DE", "parts are dropped from the end")
  }

  @Test func frenchIsBundledForEveryFrenchRegion() throws {
    let folder = try TemporaryDirectory()
    try Self.install("fr_FR", in: folder)
    let locator = Self.locator(folder)
    for code in ["fr", "fr_FR", "fr-FR", "fr_CA", "FR_be"] {
      let location = try locator.locate(code)
      #expect(location.language == "fr", "\(code)")
      #expect(location.source == .bundled(BundledDictionaries.all[0]), "\(code): the bundled one before the system's")
    }
  }

  @Test func englishIsTheBundledAmericanBeforeOtherEnglishes() throws {
    let folder = try TemporaryDirectory()
    for stem in ["en_AU", "en_GB", "en"] { try Self.install(stem, in: folder) }
    let locator = Self.locator(folder)
    let english = try locator.locate("en")
    #expect(english.language == "en_US")
    #expect(english.source == .bundled(BundledDictionaries.all[1]))
    #expect(try locator.locate("en_GB").language == "en_GB", "another English is found when asked for")
    #expect(try locator.locate("en_CA").language == "en", "en_CA falls back to a system en, not to en_US")
  }

  @Test func withoutTheBundledOnesEnglishPrefersUSThenAlphabetical() throws {
    let folder = try TemporaryDirectory()
    for stem in ["en_AU", "en_GB", "en_US"] { try Self.install(stem, in: folder) }
    #expect(try Self.locator(folder, bundled: []).locate("en").language == "en_US")
    try FileManager.default.removeItem(atPath: folder.path("system/en_US.aff"))
    #expect(try Self.locator(folder, bundled: []).locate("en").language == "en_AU")
  }

  @Test func earlierSystemFoldersComeFirstForTheSameCode() throws {
    let folder = try TemporaryDirectory()
    try Self.install("es", in: folder, under: "first")
    try Self.install("es", in: folder, under: "second")
    try Self.install("es_ES", in: folder, under: "second")
    let locator = DictionaryLocator(searchFolders: [folder.path("first"), folder.path("second/")])
    #expect(try locator.locate("es").affixPath == folder.path("first/es.aff"))
    #expect(try locator.locate("es_ES").affixPath == folder.path("second/es_ES.aff"), "an exact code in a later folder wins")
  }

  @Test func symbolicLinksAreFollowed() throws {
    let folder = try TemporaryDirectory()
    try Self.install("it", in: folder)
    for fileExtension in ["aff", "dic"] {
      try FileManager.default.createSymbolicLink(
        atPath: folder.path("system/it_IT.\(fileExtension)"), withDestinationPath: "it.\(fileExtension)")
    }
    let loaded = try Self.locator(folder).load("it_IT")
    #expect(loaded.location.language == "it_IT")
    #expect(loaded.dictionary == Array(Self.dictionary.utf8))
  }

  // MARK: Configured paths

  @Test func configuredPathsComeBeforeEverythingAndTakeAFileAFolderOrABase() throws {
    let folder = try TemporaryDirectory()
    try Self.install("fr", in: folder, under: "mine", dictionary: "1\nmoderne\n")
    try Self.install("fr", in: folder)
    try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)
    for path in ["mine/fr.dic", "mine/fr.aff", "mine", "mine/", "mine/fr", folder.path("mine/fr.dic"), "~/../mine/fr.dic"] {
      let locator = Self.locator(folder, configured: ["fr": path])
      let loaded = try locator.load("fr")
      #expect(loaded.location.source == .configured, "\(path)")
      #expect(loaded.location.dictionaryPath?.hasSuffix("mine/fr.dic") == true, "\(path)")
      #expect(loaded.dictionary == Array("1\nmoderne\n".utf8), "\(path)")
      #expect(try locator.locate("fr_CA").source == .configured, "\(path): fr_CA falls back to the configured fr")
    }
  }

  @Test func aConfiguredFolderIsSearchedForTheCodeAskedFor() throws {
    let folder = try TemporaryDirectory()
    try Self.install("fr_CA", in: folder, under: "mine")
    try Self.install("fr", in: folder, under: "mine")
    let locator = Self.locator(folder, configured: ["fr": "mine"])
    #expect(try locator.locate("fr_CA").language == "fr_CA")
    #expect(try locator.locate("fr").language == "fr")
    #expect(try locator.locate("en").source == .bundled(BundledDictionaries.all[1]), "other languages are unaffected")
  }

  @Test func aBrokenConfiguredPathIsAnErrorNotASilentFallback() throws {
    let folder = try TemporaryDirectory()
    try folder.write("mine/fr.dic", "1\nmot\n")
    try folder.write("empty/README", "nothing here")
    let cases: [(String, String)] = [
      ("nowhere/fr.dic", "dateline.dictionaries sets 'fr' to nowhere/fr.dic, which does not exist"),
      ("nowhere/fr", "dateline.dictionaries sets 'fr' to nowhere/fr, which does not exist (nor \(folder.path("nowhere/fr")).aff, \(folder.path("nowhere/fr")).dic)"),
      ("mine/fr.dic", "dateline.dictionaries sets 'fr' to mine/fr.dic, but \(folder.path("mine/fr.aff")) does not exist (a dictionary is an .aff and a .dic side by side)"),
      ("empty", "dateline.dictionaries sets 'fr' to empty, a folder without fr.aff and fr.dic"),
      ("mine", "dateline.dictionaries sets 'fr' to mine, a folder without fr.aff and fr.dic (\(folder.path("mine"))/fr.dic has no .aff)"),
    ]
    for (path, message) in cases {
      let error = try #require(throws: DictionaryLocatorError.self) {
        try Self.locator(folder, configured: ["fr": path]).locate("fr")
      }
      #expect(error.reason == .configuredPathMissing, "\(path)")
      #expect(error.message == message, "\(path)")
    }
  }

  // MARK: Errors

  @Test func aMissingDictionarySaysWhatWasSearchedAndWhatToInstall() throws {
    let folder = try TemporaryDirectory()
    try Self.install("de_DE", in: folder)
    try folder.write("system/nl.aff", "SET UTF-8\n")
    let locator = DictionaryLocator(
      configuredPaths: ["es": "/somewhere/es.dic"], searchFolders: [folder.path("system"), folder.path("absent")])
    let error = try #require(throws: DictionaryLocatorError.self) { try locator.locate("nl_NL") }
    #expect(error.reason == .notFound)
    #expect(error.language == "nl_NL")
    #expect(
      error.message
        == "no Hunspell dictionary for 'nl_NL': looked for nl_NL or nl in dateline.dictionaries (es), the bundled dictionaries (fr, en_US), \(folder.path("system")), \(folder.path("absent")) (absent) (\(folder.path("system"))/nl.aff has no .dic); install hunspell-nl-nl or set dateline.dictionaries or DICPATH"
    )
    #expect(error.searched.count == 4)
    let bare = try #require(throws: DictionaryLocatorError.self) {
      try DictionaryLocator(bundled: [], searchFolders: []).locate("sv")
    }
    #expect(bare.message == "no Hunspell dictionary for 'sv': looked for sv or sv_* in no place (no bundled dictionaries, no folders); install hunspell-sv or set dateline.dictionaries or DICPATH")
  }

  @Test(arguments: ["", "f", "../fr", "fr/..", "fr_", "français", "fr FR", "abcd", "fr_toolongvariant"])
  func textThatIsNotALanguageCodeIsRefused(code: String) throws {
    let error = try #require(throws: DictionaryLocatorError.self) { try DictionaryLocator(searchFolders: []).locate(code) }
    #expect(error.reason == .invalidLanguageCode)
    #expect(error.message == "'\(code)' is not a language code (use a code such as fr, en_US or de-DE)")
  }

  @Test func aDictionaryThatCannotBeReadSaysWhichFileAndWhy() throws {
    let folder = try TemporaryDirectory()
    try folder.write("system/de_DE.aff", Self.affix)
    try FileManager.default.createDirectory(atPath: folder.path("system/de_DE.dic"), withIntermediateDirectories: true)
    let error = try #require(throws: DictionaryLocatorError.self) { try Self.locator(folder).load("de") }
    #expect(error.reason == .unreadable)
    #expect(error.message == "cannot read the Hunspell dictionary for 'de': \(folder.path("system/de_DE.dic")): it is a folder")
  }

  @Test(.enabled(if: getuid() != 0, "root reads every file"))
  func aFileWithoutReadPermissionSaysSo() throws {
    let folder = try TemporaryDirectory()
    try Self.install("de_DE", in: folder)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path("system/de_DE.aff"))
    let error = try #require(throws: DictionaryLocatorError.self) { try Self.locator(folder).load("de_DE") }
    #expect(error.message == "cannot read the Hunspell dictionary for 'de_DE': \(folder.path("system/de_DE.aff")): permission denied")
  }

  @Test func aBrokenSymbolicLinkIsUnreadable() throws {
    let folder = try TemporaryDirectory()
    try folder.write("system/da.aff", Self.affix)
    try FileManager.default.createSymbolicLink(atPath: folder.path("system/da.dic"), withDestinationPath: "gone.dic")
    let error = try #require(throws: DictionaryLocatorError.self) { try Self.locator(folder).load("da") }
    #expect(error.message == "cannot read the Hunspell dictionary for 'da': \(folder.path("system/da.dic")): no such file")
  }

  @Test(arguments: [
    (DictionaryLocatorTests.affix, "", "ROOT/system/nl.dic is empty"),
    (DictionaryLocatorTests.affix, "word\nother\n", "ROOT/system/nl.dic does not start with its number of entries (its first line is 'word')"),
    (DictionaryLocatorTests.affix, "84172\nabaisser/a0p+()\nabaissement/S.()\n", "ROOT/system/nl.dic looks truncated: its first line announces 84172 entries but it has 2"),
    ("", DictionaryLocatorTests.dictionary, "ROOT/system/nl.aff is empty"),
    ("SET UTF-8\nSFX S Y 3\nSFX S 0 s [^s]\n", DictionaryLocatorTests.dictionary, "ROOT/system/nl.aff looks truncated: it ends in the middle of the SFX group 'S' (2 rule lines missing)"),
  ])
  func aDamagedDictionaryIsAnErrorNamingTheFile(affix: String, dictionary: String, problem: String) throws {
    let folder = try TemporaryDirectory()
    try Self.install("nl", in: folder, affix: affix, dictionary: dictionary)
    let error = try #require(throws: DictionaryLocatorError.self) { try Self.locator(folder).load("nl") }
    #expect(error.reason == .malformed)
    #expect(error.message == "the Hunspell dictionary for 'nl' is damaged: " + problem.replacingOccurrences(of: "ROOT", with: folder.url.path))
  }

  @Test func wholeDictionariesPassTheChecks() throws {
    let folder = try TemporaryDirectory()
    // A byte-order mark, CRLF line ends, a count a little off, no final newline: all as Hunspell accepts.
    try Self.install("nl", in: folder, affix: "SFX S Y 1\r\nSFX S 0 s .", dictionary: "\u{FEFF}4\r\nwoord/S\r\nander\r\nderde")
    #expect(try Self.locator(folder).load("nl").dictionary.count > 0)
    for bundled in BundledDictionaries.all {
      try FileManager.default.createDirectory(atPath: folder.path("copies"), withIntermediateDirectories: true)
      try Data(bundled.affixBuffer).write(to: URL(fileURLWithPath: folder.path("copies/\(bundled.language).aff")))
      try Data(bundled.dictionaryBuffer).write(to: URL(fileURLWithPath: folder.path("copies/\(bundled.language).dic")))
      let loaded = try DictionaryLocator(bundled: [], searchFolders: [folder.path("copies")]).load(bundled.language)
      #expect(loaded.dictionary == Array(bundled.dictionaryBuffer))
    }
  }

  // MARK: Listing and the system folders

  @Test func everythingFoundIsListedInSearchOrder() throws {
    let folder = try TemporaryDirectory()
    try Self.install("de_DE", in: folder)
    try Self.install("fr", in: folder)
    try Self.install("es", in: folder, under: "mine")
    let listed = Self.locator(folder, configured: ["es": "mine/es.dic", "it": "nowhere"]).available()
    #expect(listed.map(\.language) == ["es", "fr", "en_US", "de_DE", "fr"])
    #expect(listed.map(\.description) == [
      "\(folder.path("mine/es.dic")) (configured)",
      "bundled (French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0)",
      "bundled (American English, hunspell-en-us 2020.12.07 (Debian 1:2020.12.07-2), SCOWL (BSD-like))",
      folder.path("system/de_DE.dic"),
      folder.path("system/fr.dic"),
    ])
  }

  @Test func systemFoldersFollowDICPATHThenTheUsersThenTheSystems() {
    let folders = DictionaryLocator.systemFolders(environment: ["DICPATH": "/opt/a:/opt/b/::", "HOME": "/home/ana"])
    #if os(macOS)
    #expect(folders.contains("/home/ana/Library/Spelling"))
    #else
    #expect(folders == [
      "/opt/a", "/opt/b", "/home/ana/.local/share/hunspell", "/usr/local/share/hunspell", "/usr/share/hunspell",
      "/usr/share/myspell", "/usr/share/myspell/dicts",
    ])
    #endif
    let xdg = DictionaryLocator.systemFolders(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"])
    #expect(xdg.first == "/data/hunspell")
    #expect(!xdg.contains("/home/ana/.local/share/hunspell"))
    #expect(DictionaryLocator.systemFolders(environment: [:]).first == "/usr/local/share/hunspell")
  }

  @Test func theSystemsFrenchIsListedWhenInstalled() throws {
    guard FileManager.default.fileExists(atPath: "/usr/share/hunspell/fr.aff") else {
      print("skipped: /usr/share/hunspell/fr.aff is not installed")
      return
    }
    let listed = DictionaryLocator().available()
    #expect(listed.contains { $0.dictionaryPath == "/usr/share/hunspell/fr.dic" })
    #expect(try DictionaryLocator(bundled: []).locate("fr").dictionaryPath?.hasSuffix("/fr.dic") == true)
  }

  @Test func languageCodesAreNormalised() throws {
    let code = try #require(DictionaryLocator.LanguageCode("DE-de-Frami"))
    #expect(code.language == "de")
    #expect(code.region == "DE")
    #expect(code.variants == ["frami"])
    #expect(code.description == "de_DE_frami")
    #expect(DictionaryLocator.LanguageCode("es-419")?.description == "es_419")
    #expect(DictionaryLocator.LanguageCode("sr-Latn")?.description == "sr_latn")
  }
}
