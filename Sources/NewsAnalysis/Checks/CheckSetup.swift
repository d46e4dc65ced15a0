/// Everything the checks need besides the article: the dictionaries available, the settings, and
/// the words the newsroom added.
public struct CheckSetup: Sendable {
  /// Loaded dictionaries, in order of preference when an article's language is unknown.
  public var dictionaries: [SpellingDictionary]
  public var settings: DatelineSettings
  /// The workspace dictionary and the `words` setting.
  public var userWords: UserWords
  /// Words never flagged: the `ignoredWords` setting plus words ignored in this document.
  public var ignoredWords: Set<String>

  public init(
    dictionaries: [SpellingDictionary], settings: DatelineSettings = DatelineSettings(), workspaceWords: [String] = [],
    documentIgnoredWords: Set<String> = []
  ) {
    self.dictionaries = dictionaries
    self.settings = settings
    self.userWords = UserWords(workspaceWords + (settings.words ?? []))
    self.ignoredWords = Set(settings.ignoredWords ?? []).union(documentIgnoredWords)
  }

  /// The dictionary for the article's declared language (front matter `lang`, else the `language`
  /// setting); nil when neither says, or when no dictionary serves it.
  func declaredDictionary(for article: Article) -> (declared: String?, dictionary: SpellingDictionary?) {
    let setting = settings.language.flatMap { $0.lowercased() == "auto" ? nil : $0 }
    guard let declared = article.declaredLanguage ?? setting else { return (nil, nil) }
    let exact = dictionaries.first { $0.language.lowercased().replacing("-", with: "_") == declared.lowercased().replacing("-", with: "_") }
    return (declared, exact ?? dictionaries.first { LanguageCode.matches(dictionary: $0.language, declared: declared) })
  }
}
