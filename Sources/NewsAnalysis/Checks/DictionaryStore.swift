import Synchronization

/// Loads dictionaries on first use and keeps them: one `SpellingDictionary` per language code,
/// shared by every document and every check.
public final class DictionaryStore: Sendable {
  /// Finds the raw `.aff` and `.dic` bytes of a language, or says why it cannot.
  public typealias Loader = @Sendable (_ language: String, _ configuredPath: String?) throws(DictionaryError) -> (affix: [UInt8], dictionary: [UInt8])

  private let loader: Loader
  private let loaded = Mutex<[String: Result<SpellingDictionary, DictionaryError>]>([:])
  /// Held while a dictionary loads, so two threads asking at once load it once.
  private let loading = Mutex(())

  public init(loader: @escaping Loader) {
    self.loader = loader
  }

  /// The dictionary for `language`, loading it the first time; a failure is remembered too, so a
  /// missing dictionary is reported once, not on every keystroke.
  /// `configuredPath`, when given, is where the settings say this language's dictionary is.
  public func dictionary(for language: String, configuredPath: String? = nil) -> Result<SpellingDictionary, DictionaryError> {
    let key = language + "\u{1F}" + (configuredPath ?? "")
    if let known = loaded.withLock({ $0[key] }) { return known }
    return loading.withLock { _ in
      if let known = loaded.withLock({ $0[key] }) { return known }
      let result = Result { () throws(DictionaryError) -> SpellingDictionary in
        let (affix, dictionary) = try loader(language, configuredPath)
        return SpellingDictionary(language: language, hunspell: try HunspellDictionary(affix: affix, dictionary: dictionary))
      }
      loaded.withLock { $0[key] = result }
      return result
    }
  }

  /// Forgets failures, so that a dictionary installed since is found on the next use.
  public func forgetFailures() {
    loaded.withLock { $0 = $0.filter { if case .success = $0.value { return true } else { return false } } }
  }
}
