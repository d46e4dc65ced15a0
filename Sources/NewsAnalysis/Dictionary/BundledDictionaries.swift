import CDatelineDictionaries

/// A Hunspell dictionary compiled into Dateline: its language, where it comes from, and its bytes, which
/// live in the executable itself (so the binary needs nothing beside it, wherever it is installed).
public struct BundledDictionary: Sendable, Hashable, CustomStringConvertible {
  /// The language code, as in the file names: `fr`, `en_US`.
  public let language: String
  /// The language in English: `French`, `American English`.
  public let languageName: String
  /// The Debian source of the files, byte for byte: `hunspell-fr-classical`.
  public let debianPackage: String
  /// The Debian package version: `1:7.0-1`.
  public let debianVersion: String
  /// The upstream version: `7.0`.
  public let version: String
  /// The licence, briefly: `MPL-2.0`.
  public let licence: String
  private let files: Files

  private enum Files: Sendable, Hashable {
    case french, americanEnglish
  }

  /// The `.aff` file, without copying: valid for the life of the program.
  public var affixBuffer: UnsafeBufferPointer<UInt8> {
    switch files {
    case .french: buffer(dateline_fr_aff_bytes(), dateline_fr_aff_size())
    case .americanEnglish: buffer(dateline_en_US_aff_bytes(), dateline_en_US_aff_size())
    }
  }

  /// The `.dic` file, without copying: valid for the life of the program.
  public var dictionaryBuffer: UnsafeBufferPointer<UInt8> {
    switch files {
    case .french: buffer(dateline_fr_dic_bytes(), dateline_fr_dic_size())
    case .americanEnglish: buffer(dateline_en_US_dic_bytes(), dateline_en_US_dic_size())
    }
  }

  /// The `.aff` file.
  public var affix: [UInt8] { Array(affixBuffer) }
  /// The `.dic` file.
  public var dictionary: [UInt8] { Array(dictionaryBuffer) }

  /// Debian's copyright file for the package, and for French the text of the MPL 2.0 after it.
  public var copyright: String {
    switch files {
    case .french:
      String(decoding: buffer(dateline_fr_copyright_bytes(), dateline_fr_copyright_size()), as: UTF8.self)
        + "\n" + String(decoding: buffer(dateline_mpl_2_0_bytes(), dateline_mpl_2_0_size()), as: UTF8.self)
    case .americanEnglish:
      String(decoding: buffer(dateline_en_US_copyright_bytes(), dateline_en_US_copyright_size()), as: UTF8.self)
    }
  }

  /// "French, hunspell-fr-classical 7.0 (Debian 1:7.0-1), MPL-2.0".
  public var description: String {
    "\(languageName), \(debianPackage) \(version) (Debian \(debianVersion)), \(licence)"
  }

  fileprivate static let french = BundledDictionary(
    language: "fr", languageName: "French", debianPackage: "hunspell-fr-classical", debianVersion: "1:7.0-1",
    version: "7.0", licence: "MPL-2.0", files: .french)

  fileprivate static let americanEnglish = BundledDictionary(
    language: "en_US", languageName: "American English", debianPackage: "hunspell-en-us",
    debianVersion: "1:2020.12.07-2", version: "2020.12.07", licence: "SCOWL (BSD-like)",
    files: .americanEnglish)
}

/// The dictionaries compiled into Dateline: French (Debian's hunspell-fr-classical) and American English
/// (Debian's hunspell-en-us). Sources, versions and how to update them: Sources/CDatelineDictionaries/data.
public enum BundledDictionaries {
  /// Every bundled dictionary, French first.
  public static let all: [BundledDictionary] = [.french, .americanEnglish]

  /// The bundled dictionary whose code is exactly `language` (`fr`, `en_US`; `en-US` is the same as
  /// `en_US`). Finding `en_US` for `en` or `fr` for `fr_FR` is the job of `DictionaryLocator`.
  public static func dictionary(for language: String) -> BundledDictionary? {
    guard let code = DictionaryLocator.LanguageCode(language) else { return nil }
    return all.first { $0.language == code.description }
  }
}

private func buffer(_ start: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
  UnsafeBufferPointer(start: start, count: count)
}
