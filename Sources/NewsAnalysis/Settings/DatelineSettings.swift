#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The settings of Dateline, as written in a workspace's `.dateline.json`, in the editor's
/// `dateline` settings section, or in `initializationOptions`. Every field is optional: a layer
/// sets what it names and leaves the rest to the layers below.
public struct DatelineSettings: Codable, Equatable, Sendable {
  /// The articles' language (`fr`, `en`, `en_GB`, `de_DE`…), or `auto` to detect it. An article's
  /// front matter `lang` wins over it.
  public var language: String?
  /// The languages to consider when detecting (default: the bundled `fr` and `en`).
  public var languages: [String]?
  /// Dictionaries by language code: a path to a `.dic` or `.aff` file, or to a folder holding the
  /// pair (`{"de_DE": "~/dictionaries/de_DE.dic"}`); relative paths start at the workspace root.
  public var dictionaries: [String: String]?
  /// Words to accept everywhere, in addition to the workspace dictionary.
  public var words: [String]?
  /// Words never to flag (exact spelling).
  public var ignoredWords: [String]?
  /// Severity per rule id: `error`, `warning`, `information`, `hint`, or `off`.
  public var rules: [String: String]?

  public init(
    language: String? = nil, languages: [String]? = nil, dictionaries: [String: String]? = nil, words: [String]? = nil,
    ignoredWords: [String]? = nil, rules: [String: String]? = nil
  ) {
    self.language = language
    self.languages = languages
    self.dictionaries = dictionaries
    self.words = words
    self.ignoredWords = ignoredWords
    self.rules = rules
  }

  /// These settings laid over `base`: a field set here wins; word lists add up; rules merge by id.
  public func over(_ base: DatelineSettings) -> DatelineSettings {
    DatelineSettings(
      language: language ?? base.language,
      languages: languages ?? base.languages,
      dictionaries: (base.dictionaries ?? [:]).merging(dictionaries ?? [:]) { _, new in new }.nilIfEmpty,
      words: Self.union(base.words, words),
      ignoredWords: Self.union(base.ignoredWords, ignoredWords),
      rules: (base.rules ?? [:]).merging(rules ?? [:]) { _, new in new }.nilIfEmpty)
  }

  private static func union(_ base: [String]?, _ added: [String]?) -> [String]? {
    guard let added else { return base }
    guard let base else { return added }
    var seen = Set(base)
    return base + added.filter { seen.insert($0).inserted }
  }

  /// Reads settings from JSON. Unknown members are errors (a typo in a key must not be silently
  /// ignored); the error names the member.
  public static func decode(_ data: [UInt8]) throws(SettingsError) -> DatelineSettings {
    let settings: DatelineSettings
    do {
      settings = try JSONDecoder().decode(DatelineSettings.self, from: Data(data))
    } catch let error as DecodingError {
      throw SettingsError(Self.describe(error))
    } catch {
      throw SettingsError("not valid JSON: \(error)")
    }
    try settings.validate()
    return settings
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    let known = Set(CodingKeys.allCases.map(\.rawValue))
    if let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) {
      throw DecodingError.dataCorruptedError(
        forKey: unknown, in: container,
        debugDescription: "unknown setting '\(unknown.stringValue)' (known: \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    language = try keyed.decodeIfPresent(String.self, forKey: .language)
    languages = try keyed.decodeIfPresent([String].self, forKey: .languages)
    dictionaries = try keyed.decodeIfPresent([String: String].self, forKey: .dictionaries)
    words = try keyed.decodeIfPresent([String].self, forKey: .words)
    ignoredWords = try keyed.decodeIfPresent([String].self, forKey: .ignoredWords)
    rules = try keyed.decodeIfPresent([String: String].self, forKey: .rules)
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case language, languages, dictionaries, words, ignoredWords, rules
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
  }

  /// Checks values that JSON types alone do not constrain.
  public func validate() throws(SettingsError) {
    for (rule, value) in rules ?? [:] {
      guard Rule(rawValue: rule) != nil else {
        throw SettingsError(
          "rules: unknown rule '\(rule)' (known: \(Rule.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      guard value == "off" || Severity(rawValue: value == "info" ? "information" : value) != nil else {
        throw SettingsError("rules.\(rule): '\(value)' is not error, warning, information, hint or off")
      }
    }
  }

  /// Where the settings put the dictionary of `language` (an entry for that exact code, else for its
  /// base language), with a relative path made absolute from `root`.
  public func dictionaryPath(for language: String, root: String?) -> String? {
    func normalized(_ code: String) -> String { code.lowercased().replacing("-", with: "_") }
    let entries = dictionaries ?? [:]
    let path =
      entries.first { normalized($0.key) == normalized(language) }?.value
      ?? entries.first { normalized($0.key) == LanguageCode.base(language) }?.value
    guard let path else { return nil }
    if path.hasPrefix("/") || path.hasPrefix("~") || root == nil { return path }
    return root! + "/" + path
  }

  /// The severity of `rule`'s findings, or nil when the rule is off.
  public func severity(of rule: Rule) -> Severity? {
    guard let value = rules?[rule.rawValue] else { return rule.defaultSeverity }
    if value == "off" { return nil }
    return Severity(rawValue: value == "info" ? "information" : value) ?? rule.defaultSeverity
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(type == String.self ? "a string" : type == [String].self ? "an array of strings" : "\(type)")"
    case .valueNotFound(_, let context): return "\(path(context.codingPath)): must not be null"
    case .keyNotFound(let key, _): return "missing '\(key.stringValue)'"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty { return "not valid JSON" }
      return context.debugDescription
    @unknown default: return "\(error)"
    }
  }
}

/// Settings that cannot be used: the message names the member at fault.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Dictionary {
  var nilIfEmpty: Self? { isEmpty ? nil : self }
}
