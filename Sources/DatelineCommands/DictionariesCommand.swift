import NewsAnalysis

/// `dateline dictionaries [LANGUAGE...]`: the Hunspell dictionaries Dateline finds (bundled ones,
/// then those in the system folders), or, for each language given, the one it would use, read and
/// checked. `--licences` prints the notices of the bundled ones.
enum DictionariesCommand {
  static func run(languages: [String], format: OutputFormat, licences: Bool, locator: DictionaryLocator = DictionaryLocator()) -> Int32 {
    if licences {
      for dictionary in BundledDictionaries.all {
        writeStdout("\(dictionary.language): \(dictionary)\n\n\(dictionary.copyright)\n")
      }
      return 0
    }
    var entries: [DictionariesOutput.Entry] = []
    var errors: [DictionariesOutput.Failure] = []
    if languages.isEmpty {
      for location in locator.available() {
        // A dictionary further down the search may be hidden by one found first for its code.
        let chosen = try? locator.locate(location.language)
        entries.append(DictionariesOutput.Entry(location, asked: nil, used: chosen == location, chosen: chosen))
      }
    } else {
      for language in languages {
        do {
          let loaded = try locator.load(language)
          var entry = DictionariesOutput.Entry(loaded.location, asked: language, used: true, chosen: loaded.location)
          entry.affixBytes = loaded.affix.count
          entry.dictionaryBytes = loaded.dictionary.count
          entries.append(entry)
        } catch {
          errors.append(DictionariesOutput.Failure(language: language, message: error.message))
          writeStderr("dateline: \(error.message)\n")
        }
      }
    }
    switch format {
    case .text:
      let width = entries.map { ($0.asked ?? $0.language).count }.max() ?? 0
      for entry in entries {
        let name = entry.asked ?? entry.language
        writeStdout(name + String(repeating: " ", count: width - name.count + 2) + entry.text + "\n")
      }
    case .json:
      writeStdout(encodeJSON(DictionariesOutput(dictionaries: entries, errors: errors)) + "\n")
    }
    return errors.isEmpty ? 0 : 1
  }
}

/// The `--format json` document of `dateline dictionaries`.
struct DictionariesOutput: Encodable {
  var dictionaries: [Entry]
  var errors: [Failure]

  /// A dictionary found.
  struct Entry: Encodable {
    /// The dictionary's own code (`fr`), and the code asked for (`fr_FR`) when one was.
    var language: String
    var asked: String?
    /// `bundled`, `system` or `configured`.
    var source: String
    var affixPath: String?
    var dictionaryPath: String?
    /// For a bundled dictionary: its language, Debian package, versions and licence.
    var name: String?
    var package: String?
    var version: String?
    var debianVersion: String?
    var licence: String?
    /// Whether it is the one used for its code (false when one found earlier hides it).
    var used: Bool
    /// The sizes read, when languages were asked for.
    var affixBytes: Int?
    var dictionaryBytes: Int?
    /// What hides it, for the text output.
    private var hiddenBy: String?

    init(_ location: DictionaryLocation, asked: String?, used: Bool, chosen: DictionaryLocation?) {
      language = location.language
      self.asked = asked
      affixPath = location.affixPath
      dictionaryPath = location.dictionaryPath
      self.used = used
      switch location.source {
      case .bundled(let dictionary):
        source = "bundled"
        name = dictionary.languageName
        package = dictionary.debianPackage
        version = dictionary.version
        debianVersion = dictionary.debianVersion
        licence = dictionary.licence
      case .system: source = "system"
      case .configured: source = "configured"
      }
      if !used, let chosen {
        if case .bundled = chosen.source {
          hiddenBy = "the bundled \(chosen.language)"
        } else {
          hiddenBy = chosen.dictionaryPath ?? chosen.language
        }
      }
    }

    private enum CodingKeys: String, CodingKey {
      case language, asked, source, affixPath, dictionaryPath, name, package, version, debianVersion, licence, used,
        affixBytes, dictionaryBytes
    }

    /// `bundled: French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0`, or
    /// `/usr/share/hunspell/fr.dic (not used: the bundled fr comes first)`; `bundled fr: …` when the
    /// code asked for was another.
    var text: String {
      var text: String
      if source == "bundled", let name, let package, let version, let debianVersion, let licence {
        let which = asked.map { $0 == language ? "" : " \(language)" } ?? ""
        text = "bundled\(which): \(name), \(package) \(version) (Debian \(debianVersion)), \(licence)"
      } else {
        text = dictionaryPath ?? "?"
        if source == "configured" { text += " (configured)" }
      }
      if let dictionaryBytes, let affixBytes { text += "; \(affixBytes + dictionaryBytes) bytes read" }
      if let hiddenBy { text += " (not used: \(hiddenBy) comes first)" }
      return text
    }
  }

  /// A language whose dictionary could not be found or read.
  struct Failure: Encodable {
    var language: String
    var message: String
  }
}
