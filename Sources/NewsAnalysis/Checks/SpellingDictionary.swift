
/// A Hunspell dictionary for one language, with the caches and the knowledge of names the checks
/// use. Thread-safe: the caches are locked; the dictionary itself is immutable.
public final class SpellingDictionary: Sendable {
  /// The language code it was loaded for (`fr`, `en_US`).
  public let language: String
  public let hunspell: HunspellDictionary
  private let verdicts = WordCache<Bool>()
  private let suggestionCache = WordCache<[String]>()
  private let editSuggestionCache = WordCache<[String]>()

  /// The language without its region: `fr` for `fr_FR`, `en` for `en-GB`.
  public let baseLanguage: String
  /// The language's function words, compound prefixes and correct repetitions (see `FunctionWords`).
  let functionWords: Set<String>
  let compoundPrefixes: Set<String>
  let legitimateRepetitions: Set<String>
  /// Whether British spellings are accepted through their American forms: generic English with an
  /// American dictionary.
  let acceptsBritishSpellings: Bool

  public init(language: String, hunspell: HunspellDictionary) {
    self.language = language
    self.hunspell = hunspell
    baseLanguage = LanguageCode.base(language)
    functionWords = FunctionWords.words(for: language)
    compoundPrefixes = FunctionWords.compoundPrefixes(for: language)
    legitimateRepetitions = FunctionWords.legitimateRepetitions(for: language)
    acceptsBritishSpellings = baseLanguage == "en" && !language.lowercased().contains("us")
  }

  /// Whether the dictionary accepts `word` (cached).
  public func accepts(_ word: String) -> Bool {
    if let known = verdicts[word] { return known }
    let verdict = hunspell.check(word)
    verdicts.set(word, verdict)
    return verdict
  }

  /// Suggestions for `word`, best first (cached).
  public func suggestions(for word: String) -> [String] {
    if let known = suggestionCache[word] { return known }
    let suggestions = hunspell.suggest(word)
    suggestionCache.set(word, suggestions)
    return suggestions
  }

  /// The suggestions found by edits of `word` alone, without the slow n-gram search (cached; see
  /// `HunspellDictionary.editSuggestions`): the same best suggestion as `suggestions(for:)` when
  /// an edit is a word.
  public func editSuggestions(for word: String) -> [String] {
    if let known = suggestionCache[word] { return known }
    if let known = editSuggestionCache[word] { return known }
    let suggestions = hunspell.editSuggestions(word)
    editSuggestionCache.set(word, suggestions)
    return suggestions
  }

  /// Whether the dictionary knows `word` as a name: a first name, a surname or a proper noun in its
  /// morphology (`po:prn`, `po:patr`, `po:npr`), or a word it accepts only with a capital.
  public func knowsAsName(_ word: String) -> Bool {
    guard accepts(word) else { return false }
    if let fields = hunspell.morphology(of: word),
      fields.contains(where: { $0.contains("po:prn") || $0.contains("po:patr") || $0.contains("po:npr") })
    {
      return true
    }
    return word.first?.isUppercase == true && !accepts(word.lowercased())
  }

  /// Whether the dictionary knows `word` as a first name (`po:prn`).
  public func knowsAsFirstName(_ word: String) -> Bool {
    hunspell.morphology(of: word)?.contains { $0.contains("po:prn") } ?? false
  }
}

/// Language codes as people write them: `fr`, `fr-FR`, `fr_FR`, `en-GB`.
public enum LanguageCode {
  /// The language part, lowercased: `fr` for `fr_FR`.
  public static func base(_ code: String) -> String {
    String(code.split(whereSeparator: { $0 == "_" || $0 == "-" }).first ?? Substring(code)).lowercased()
  }

  /// Whether a dictionary for `dictionary` serves text declared as `declared` (`fr` serves `fr-CA`).
  public static func matches(dictionary: String, declared: String) -> Bool {
    base(dictionary) == base(declared)
  }
}
