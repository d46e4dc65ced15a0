#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the Hunspell dictionary (an `.aff` and `.dic` pair) for a language code, and reads it.
///
/// Where it looks, in order, stopping at the first tier that has one:
/// 1. the paths from the configuration (`dateline.dictionaries`, by language): a `.dic` or `.aff` file
///    (the other one beside it), a folder holding the pair, or a path without extension, as
///    `hunspell -d` takes it;
/// 2. the dictionaries bundled in the binary (`fr`, `en_US`);
/// 3. the system folders (`systemFolders()`): `$DICPATH`, the user's folder, then the system's.
///
/// Within a tier the codes tried are, in order: the code asked for (`fr-FR` and `fr_fr` are `fr_FR`),
/// then the code with its last parts dropped (`fr_FR`, then `fr`); for a bare language (`en`) the
/// language with its own region (`de_DE` for `de`), `en_US` for `en`, then any region, alphabetically.
/// So `fr_FR` finds the bundled `fr`, `en` the bundled `en_US`, and `de_DE` the system's `de_DE`.
public struct DictionaryLocator: Sendable {
  /// Paths from the configuration, by language code.
  public var configuredPaths: [String: String]
  /// The folder that relative configured paths start from; the current directory when nil.
  public var baseDirectory: String?
  /// The bundled dictionaries to use (tests can leave them out).
  public var bundled: [BundledDictionary]
  /// The system folders, in order.
  public var searchFolders: [String]
  /// The user's home folder, for `~` in configured paths.
  public var homeDirectory: String?

  public init(
    configuredPaths: [String: String] = [:], baseDirectory: String? = nil,
    bundled: [BundledDictionary] = BundledDictionaries.all, searchFolders: [String]? = nil,
    homeDirectory: String? = ProcessInfo.processInfo.environment["HOME"]
  ) {
    self.configuredPaths = configuredPaths
    self.baseDirectory = baseDirectory
    self.bundled = bundled
    self.searchFolders = searchFolders ?? Self.systemFolders()
    self.homeDirectory = homeDirectory
  }

  /// The folders where Hunspell dictionaries are installed, in the order searched: each `$DICPATH`
  /// entry, `$XDG_DATA_HOME/hunspell` (`~/.local/share/hunspell`), `/usr/local/share/hunspell`,
  /// `/usr/share/hunspell`, `/usr/share/myspell`, `/usr/share/myspell/dicts`; on macOS also
  /// `~/Library/Spelling`, Homebrew's folder and `/Library/Spelling`.
  public static func systemFolders(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    var folders: [String] = []
    if let dicpath = environment["DICPATH"] {
      folders += dicpath.split(separator: ":").map(String.init)
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
      folders.append(dataHome + "/hunspell")
    } else if let home {
      folders.append(home + "/.local/share/hunspell")
    }
    #if os(macOS)
    if let home { folders.append(home + "/Library/Spelling") }
    #endif
    folders += ["/usr/local/share/hunspell", "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"]
    #if os(macOS)
    folders += ["/opt/homebrew/share/hunspell", "/Library/Spelling"]
    #endif
    var seen: Set<String> = []
    return folders.map(Self.trimmingTrailingSlash).filter { seen.insert($0).inserted }
  }

  // MARK: Finding

  /// Where the dictionary for `language` is; nothing is read yet.
  public func locate(_ language: String) throws(DictionaryLocatorError) -> DictionaryLocation {
    guard let code = LanguageCode(language) else {
      throw DictionaryLocatorError(
        reason: .invalidLanguageCode, language: language,
        message: "'\(language)' is not a language code (use a code such as fr, en_US or de-DE)")
    }
    // 1. Configured paths.
    let configured = configuredCodes()
    if let key = code.candidates(among: Array(configured.keys)).first, let path = configured[key] {
      return try resolveConfigured(path: path, key: key, for: code, asked: language)
    }
    // 2. Bundled.
    let bundledCodes = bundled.compactMap { LanguageCode($0.language) }
    if let found = code.candidates(among: bundledCodes).first,
      let dictionary = bundled.first(where: { LanguageCode($0.language) == found })
    {
      return DictionaryLocation(language: dictionary.language, source: .bundled(dictionary))
    }
    // 3. System folders: the best code first, then the first folder that has it.
    var notes: [String] = []
    let pairs = searchFolders.flatMap { folder in Self.pairs(in: folder, notes: &notes) }
    if let found = code.candidates(among: pairs.map(\.code)).first, let pair = pairs.first(where: { $0.code == found }) {
      return pair.location(source: .system)
    }
    throw notFound(code, asked: language, notes: notes)
  }

  /// Finds and reads the dictionary for `language`.
  public func load(_ language: String) throws(DictionaryLocatorError) -> LoadedDictionary {
    try load(locate(language), asked: language)
  }

  /// Reads the dictionary at `location`; `asked` is the language code for messages.
  public func load(_ location: DictionaryLocation, asked: String? = nil) throws(DictionaryLocatorError) -> LoadedDictionary {
    let language = asked ?? location.language
    switch location.source {
    case .bundled(let dictionary):
      return LoadedDictionary(location: location, affix: dictionary.affix, dictionary: dictionary.dictionary)
    case .configured, .system:
      guard let affixPath = location.affixPath, let dictionaryPath = location.dictionaryPath else {
        throw DictionaryLocatorError(
          reason: .unreadable, language: language, message: "no files for the dictionary '\(location.language)'")
      }
      let affix = try Self.read(affixPath, language: language)
      let dictionary = try Self.read(dictionaryPath, language: language)
      try DictionaryFileCheck.checkAffix(affix, path: affixPath, language: language)
      try DictionaryFileCheck.checkDictionary(dictionary, path: dictionaryPath, language: language)
      return LoadedDictionary(location: location, affix: affix, dictionary: dictionary)
    }
  }

  /// Every dictionary that can be found, in the order of the search: the configured ones that exist,
  /// the bundled ones, then each pair in each system folder (`fr_FR` beside `fr` when both are there).
  /// The dictionary `locate` picks for a code may hide others of the same code further down.
  public func available() -> [DictionaryLocation] {
    var result: [DictionaryLocation] = []
    for (key, path) in configuredCodes().sorted(by: { $0.key.description < $1.key.description }) {
      if let location = try? resolveConfigured(path: path, key: key, for: key, asked: key.description) {
        result.append(location)
      }
    }
    result += bundled.map { DictionaryLocation(language: $0.language, source: .bundled($0)) }
    var notes: [String] = []
    for folder in searchFolders {
      result += Self.pairs(in: folder, notes: &notes).map { $0.location(source: .system) }
    }
    return result
  }

  // MARK: Configured paths

  private func configuredCodes() -> [LanguageCode: String] {
    var result: [LanguageCode: String] = [:]
    for (language, path) in configuredPaths {
      if let code = LanguageCode(language) { result[code] = path }
    }
    return result
  }

  private func resolveConfigured(
    path configured: String, key: LanguageCode, for code: LanguageCode, asked: String
  ) throws(DictionaryLocatorError) -> DictionaryLocation {
    let path = absolute(configured)
    let setting = "dateline.dictionaries sets '\(key)' to \(configured)"
    func failure(_ problem: String) -> DictionaryLocatorError {
      DictionaryLocatorError(reason: .configuredPathMissing, language: asked, message: "\(setting), \(problem)")
    }
    var isDirectory = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists && isDirectory {
      var notes: [String] = []
      let pairs = Self.pairs(in: path, notes: &notes)
      guard let found = code.candidates(among: pairs.map(\.code)).first,
        let pair = pairs.first(where: { $0.code == found })
      else {
        throw failure("a folder without \(code).aff and \(code).dic\(notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")")
      }
      return pair.location(source: .configured)
    }
    let lowercased = path.lowercased()
    let base: String
    if lowercased.hasSuffix(".dic") || lowercased.hasSuffix(".aff") {
      base = String(path.dropLast(4))
      guard exists else { throw failure("which does not exist") }
    } else {
      base = path
      guard FileManager.default.fileExists(atPath: path + ".aff") || FileManager.default.fileExists(atPath: path + ".dic")
      else { throw failure("which does not exist (nor \(path).aff, \(path).dic)") }
    }
    let affixPath = base + ".aff"
    let dictionaryPath = base + ".dic"
    for file in [affixPath, dictionaryPath] where !FileManager.default.fileExists(atPath: file) {
      throw failure("but \(file) does not exist (a dictionary is an .aff and a .dic side by side)")
    }
    let stem = base.split(separator: "/").last.map(String.init) ?? key.description
    return DictionaryLocation(language: stem, source: .configured, affixPath: affixPath, dictionaryPath: dictionaryPath)
  }

  private func absolute(_ path: String) -> String {
    if path == "~" || path.hasPrefix("~/"), let homeDirectory {
      return Self.trimmingTrailingSlash(homeDirectory) + path.dropFirst()
    }
    if path.hasPrefix("/") { return path }
    let base = baseDirectory ?? FileManager.default.currentDirectoryPath
    return Self.trimmingTrailingSlash(base) + "/" + path
  }

  // MARK: Folders

  /// A `.aff` and `.dic` pair in a folder.
  private struct Pair {
    var code: LanguageCode
    var stem: String
    var folder: String

    func location(source: DictionaryLocation.Source) -> DictionaryLocation {
      DictionaryLocation(
        language: stem, source: source, affixPath: "\(folder)/\(stem).aff", dictionaryPath: "\(folder)/\(stem).dic")
    }
  }

  /// The pairs in `folder`, by file name; an `.aff` without its `.dic` (or the reverse) goes to `notes`.
  private static func pairs(in folder: String, notes: inout [String]) -> [Pair] {
    let folder = trimmingTrailingSlash(folder)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    let stems = Dictionary(grouping: names.compactMap(splitExtension), by: \.stem)
    var result: [Pair] = []
    for (stem, files) in stems.sorted(by: { $0.key < $1.key }) {
      guard let code = LanguageCode(stem) else { continue }
      let extensions = Set(files.map(\.fileExtension))
      if extensions.contains("aff") && extensions.contains("dic") {
        result.append(Pair(code: code, stem: stem, folder: folder))
      } else {
        let (present, missing) = extensions.contains("aff") ? ("aff", "dic") : ("dic", "aff")
        notes.append("\(folder)/\(stem).\(present) has no .\(missing)")
      }
    }
    return result
  }

  private static func splitExtension(_ name: String) -> (stem: String, fileExtension: String)? {
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let fileExtension = String(name[name.index(after: dot)...])
    guard fileExtension == "aff" || fileExtension == "dic" else { return nil }
    return (String(name[..<dot]), fileExtension)
  }

  private static func trimmingTrailingSlash(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  // MARK: Errors and reading

  private func notFound(_ code: LanguageCode, asked: String, notes: [String]) -> DictionaryLocatorError {
    let looked = code.region == nil && code.variants.isEmpty ? "\(code) or \(code)_*" : code.fallbacks.map(\.description).joined(separator: " or ")
    var places: [String] = []
    let configuredLanguages = configuredCodes().keys.map(\.description).sorted()
    if !configuredLanguages.isEmpty {
      places.append("dateline.dictionaries (\(configuredLanguages.joined(separator: ", ")))")
    }
    if !bundled.isEmpty {
      places.append("the bundled dictionaries (\(bundled.map(\.language).joined(separator: ", ")))")
    }
    for folder in searchFolders {
      var isDirectory = false
      let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory
      places.append(exists ? folder : "\(folder) (absent)")
    }
    let package = "hunspell-" + ([code.language] + (code.region.map { [$0.lowercased()] } ?? [])).joined(separator: "-")
    let placesText = places.isEmpty ? "no place (no bundled dictionaries, no folders)" : places.joined(separator: ", ")
    var message = "no Hunspell dictionary for '\(asked)': looked for \(looked) in \(placesText)"
    if !notes.isEmpty { message += " (\(notes.joined(separator: "; ")))" }
    message += "; install \(package) or set dateline.dictionaries or DICPATH"
    return DictionaryLocatorError(reason: .notFound, language: asked, searched: places, message: message)
  }

  private static func read(_ path: String, language: String) throws(DictionaryLocatorError) -> [UInt8] {
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      var isDirectory = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      let reason: String
      if !exists {
        reason = "no such file"
      } else if isDirectory {
        reason = "it is a folder"
      } else if !FileManager.default.isReadableFile(atPath: path) {
        reason = "permission denied"
      } else {
        reason = "\(error)"
      }
      throw DictionaryLocatorError(
        reason: .unreadable, language: language,
        message: "cannot read the Hunspell dictionary for '\(language)': \(path): \(reason)")
    }
  }
}

/// Where a dictionary was found.
public struct DictionaryLocation: Sendable, Hashable, CustomStringConvertible {
  /// Which tier of the search found it.
  public enum Source: Sendable, Hashable {
    /// From `dateline.dictionaries`.
    case configured
    /// Compiled into the binary.
    case bundled(BundledDictionary)
    /// In one of the system folders.
    case system
  }

  /// The dictionary's own code, as its files are named: `fr` when `fr_FR` was asked for.
  public var language: String
  public var source: Source
  /// The files; nil for a bundled dictionary.
  public var affixPath: String?
  public var dictionaryPath: String?

  public init(language: String, source: Source, affixPath: String? = nil, dictionaryPath: String? = nil) {
    self.language = language
    self.source = source
    self.affixPath = affixPath
    self.dictionaryPath = dictionaryPath
  }

  /// "bundled (French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0)" or the `.dic` path.
  public var description: String {
    switch source {
    case .bundled(let dictionary): "bundled (\(dictionary))"
    case .configured: "\(dictionaryPath ?? "?") (configured)"
    case .system: dictionaryPath ?? "?"
    }
  }
}

/// A dictionary found and read: the bytes of its `.aff` and `.dic`.
public struct LoadedDictionary: Sendable {
  public var location: DictionaryLocation
  public var affix: [UInt8]
  public var dictionary: [UInt8]
}

/// Why a dictionary could not be found or read; `message` is a sentence for the user.
public struct DictionaryLocatorError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Reason: Sendable, Equatable {
    /// The language code is not one (`../x`, empty).
    case invalidLanguageCode
    /// No dictionary anywhere for the code.
    case notFound
    /// A configured path that does not lead to a dictionary.
    case configuredPathMissing
    /// A file that exists but cannot be read.
    case unreadable
    /// A file that is read but is not a whole dictionary (empty, truncated, not Hunspell's format).
    case malformed
  }

  public var reason: Reason
  /// The language code asked for.
  public var language: String
  /// The places searched, in order (for `notFound`).
  public var searched: [String] = []
  public var message: String

  public var description: String { message }
}

extension DictionaryLocator {
  /// A language code as dictionaries are named: a language (`fr`), a region (`FR`), maybe more
  /// (`de_DE_frami`). `fr-FR`, `fr_fr` and `FR_FR` are all `fr_FR`.
  public struct LanguageCode: Hashable, Sendable, CustomStringConvertible {
    /// Lower case: `fr`.
    public let language: String
    /// Upper case (`FR`), or three digits (`419`); nil when absent.
    public let region: String?
    /// The parts after the region, lower case: `frami`, `large`.
    public let variants: [String]

    /// Nil for text that is not a code: a language of 2 or 3 letters, then parts of 1 to 8 letters or
    /// digits separated by `_` or `-`.
    public init?(_ text: String) {
      let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
      guard let first = parts.first, (2...3).contains(first.utf8.count), first.utf8.allSatisfy(Self.isLetter) else {
        return nil
      }
      for part in parts.dropFirst() {
        guard (1...8).contains(part.utf8.count), part.utf8.allSatisfy({ Self.isLetter($0) || (0x30...0x39).contains($0) })
        else { return nil }
      }
      language = first.lowercased()
      var rest = parts.dropFirst()
      if let second = rest.first,
        (second.utf8.count == 2 && second.utf8.allSatisfy(Self.isLetter))
          || (second.utf8.count == 3 && second.utf8.allSatisfy({ (0x30...0x39).contains($0) }))
      {
        region = second.uppercased()
        rest = rest.dropFirst()
      } else {
        region = nil
      }
      variants = rest.map { $0.lowercased() }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// `fr_FR`, `de_DE_frami`.
    public var description: String {
      ([language] + (region.map { [$0] } ?? []) + variants).joined(separator: "_")
    }

    /// This code, then with its last parts dropped: `de_DE_frami`, `de_DE`, `de`.
    var fallbacks: [LanguageCode] {
      var parts = [language] + (region.map { [$0] } ?? []) + variants
      var result: [LanguageCode] = []
      while !parts.isEmpty {
        if let code = LanguageCode(parts.joined(separator: "_")) { result.append(code) }
        parts.removeLast()
      }
      return result
    }

    /// The codes among `available` that stand for this one, best first.
    func candidates(among available: [LanguageCode]) -> [LanguageCode] {
      let present = Set(available)
      var result = fallbacks.filter(present.contains)
      if region == nil && variants.isEmpty {
        // A bare language: its own region, the usual variant, then any other, alphabetically.
        var preferred = [language.uppercased()]
        if let usual = Self.usualRegions[language] { preferred.append(usual) }
        for region in preferred {
          if let code = LanguageCode("\(language)_\(region)"), present.contains(code), !result.contains(code) {
            result.append(code)
          }
        }
        let others = present.filter { $0.language == language && !result.contains($0) }
        result += others.sorted { $0.description < $1.description }
      }
      return result
    }

    /// The region meant by a bare language when it is not the language's own (`en` is `en_US`).
    static let usualRegions = ["en": "US", "pt": "PT", "sv": "SE", "da": "DK", "nb": "NO", "el": "GR", "cs": "CZ"]
  }
}

/// Light checks that a dictionary read from disk is whole: Hunspell itself would load a truncated file
/// and silently miss words.
enum DictionaryFileCheck {
  /// The `.dic` starts with its number of entries and has at least half as many lines.
  static func checkDictionary(_ bytes: [UInt8], path: String, language: String) throws(DictionaryLocatorError) {
    func malformed(_ problem: String) -> DictionaryLocatorError {
      DictionaryLocatorError(
        reason: .malformed, language: language,
        message: "the Hunspell dictionary for '\(language)' is damaged: \(path) \(problem)")
    }
    guard !bytes.isEmpty else { throw malformed("is empty") }
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    let firstEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
    let firstLine = String(decoding: bytes[start..<firstEnd], as: UTF8.self).filter { $0 != " " && $0 != "\t" && $0 != "\r" }
    guard let declared = Int(firstLine) else {
      throw malformed("does not start with its number of entries (its first line is '\(firstLine.prefix(40))')")
    }
    // Entries: the non-blank lines after the first.
    var entries = 0
    if firstEnd < bytes.endIndex {
      bytes.withUnsafeBufferPointer { buffer in
        var lineHasText = false
        for byte in buffer[(firstEnd + 1)...] {
          if byte == 0x0A {
            if lineHasText { entries += 1 }
            lineHasText = false
          } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
            lineHasText = true
          }
        }
        if lineHasText { entries += 1 }
      }
    }
    if declared > 0 && entries * 2 < declared {
      throw malformed("looks truncated: its first line announces \(declared) entries but it has \(entries)")
    }
  }

  /// The `.aff` is not empty and its last affix group is complete.
  static func checkAffix(_ bytes: [UInt8], path: String, language: String) throws(DictionaryLocatorError) {
    func malformed(_ problem: String) -> DictionaryLocatorError {
      DictionaryLocatorError(
        reason: .malformed, language: language,
        message: "the Hunspell dictionary for '\(language)' is damaged: \(path) \(problem)")
    }
    guard !bytes.isEmpty else { throw malformed("is empty") }
    // The rule lines still expected for the open `PFX`/`SFX` group: `SFX S Y 4` announces four.
    var open: (kind: String, flag: String, remaining: Int)?
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
      guard line.count > 4, line.starts(with: Array("PFX ".utf8)) || line.starts(with: Array("SFX ".utf8)) else {
        continue
      }
      let fields = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
      guard fields.count >= 2 else { continue }
      let kind = String(decoding: fields[0], as: UTF8.self)
      let flag = String(decoding: fields[1], as: UTF8.self)
      if fields.count == 4, fields[2].elementsEqual("Y".utf8) || fields[2].elementsEqual("N".utf8),
        let count = Int(String(decoding: fields[3], as: UTF8.self))
      {
        open = (kind, flag, count)
      } else if let group = open, group.kind == kind, group.flag == flag, group.remaining > 0 {
        open = (kind, flag, group.remaining - 1)
      }
    }
    if let group = open, group.remaining > 0 {
      throw malformed(
        "looks truncated: it ends in the middle of the \(group.kind) group '\(group.flag)' (\(group.remaining) rule lines missing)")
    }
  }
}
