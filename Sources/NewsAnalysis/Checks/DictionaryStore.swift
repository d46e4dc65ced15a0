import Synchronization

/// Loads dictionaries on first use and keeps them: one `SpellingDictionary` per language code,
/// shared by every document and every check.
public final class DictionaryStore: Sendable {
  /// Finds the raw `.aff` and `.dic` bytes of a language, or says why it cannot.
  public typealias Loader = @Sendable (_ language: String, _ configuredPath: String?) throws(DictionaryError) -> (affix: [UInt8], dictionary: [UInt8])

  private let loader: Loader
  /// One slot per language and path; a slot is locked while its dictionary loads, so two threads
  /// asking at once load it once, and different languages load side by side.
  private let slots = Mutex<[String: Slot]>([:])

  private final class Slot: Sendable {
    let result = Mutex<Result<SpellingDictionary, DictionaryError>?>(nil)
  }

  public init(loader: @escaping Loader) {
    self.loader = loader
  }

  /// The dictionary for `language`, loading it the first time; a failure is remembered too, so a
  /// missing dictionary is reported once, not on every keystroke.
  /// `configuredPath`, when given, is where the settings say this language's dictionary is.
  public func dictionary(for language: String, configuredPath: String? = nil) -> Result<SpellingDictionary, DictionaryError> {
    let key = language + "\u{1F}" + (configuredPath ?? "")
    let slot = slots.withLock { slots in
      if let slot = slots[key] { return slot }
      let slot = Slot()
      slots[key] = slot
      return slot
    }
    return slot.result.withLock { result in
      if let known = result { return known }
      let loaded = Result { () throws(DictionaryError) -> SpellingDictionary in
        let (affix, dictionary) = try loader(language, configuredPath)
        return SpellingDictionary(language: language, hunspell: try HunspellDictionary(affix: affix, dictionary: dictionary))
      }
      result = loaded
      return loaded
    }
  }

  /// Forgets failures, so that a dictionary installed since is found on the next use.
  public func forgetFailures() {
    slots.withLock { slots in
      slots = slots.filter { _, slot in
        slot.result.withLock { if case .failure = $0 { return false } else { return true } }
      }
    }
  }
}
