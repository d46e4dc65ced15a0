/// A Hunspell dictionary (an `.aff` / `.dic` pair), read natively and checked the way the
/// `hunspell` command checks words. Immutable once loaded, and safe to share between threads.
///
/// Loading reads the raw bytes of both files in the character set the `.aff` names (`SET`: UTF-8,
/// ISO8859-1, ISO8859-15, ISO8859-2). Like Hunspell, a broken directive in the `.aff` stops the
/// reading of further directives (see `warnings`); an unknown character set or a `.dic` without
/// its word count is a `DictionaryError`.
public final class HunspellDictionary: Sendable {
  let engine: SpellEngine
  /// The suggestion engine (`suggest`).
  let suggester: HunspellSuggester

  public init(affix: [UInt8], dictionary: [UInt8]) throws(DictionaryError) {
    let rules = try AffixFileParser.parse(affix)
    let words = try DictionaryFileParser.parse(dictionary, rules: rules)
    engine = SpellEngine(rules: rules, words: words)
    suggester = HunspellSuggester(engine: engine, declaredCount: HunspellSuggester.declaredCount(dictionary))
  }

  /// Makes now what suggestions need and checking does not (the n-gram index, some milliseconds),
  /// so that the first `suggest` does not pay for it. Optional: `suggest` makes it when missing.
  public func prepareSuggestions() {
    _ = suggester.ngramIndex.value
  }

  /// Whether `word` is spelled right: what `hunspell -l` accepts, for one word.
  public func check(_ word: String) -> Bool {
    var state = LookupState()
    return engine.spell(Array(word.utf8), &state)
  }

  /// The morphological fields of the analyses that accept `word`, nil when `word` is rejected:
  /// for each analysis (dictionary entry and affixes, over the spellings Hunspell tries: `Poutine`
  /// is also `poutine`), `st:` and the dictionary word, the entry's own fields (`po:patr`,
  /// `is:fem`…) and the affixes' (`is:pl`), without repeats, in the order found. A word accepted
  /// in parts (`porte-parole` were it not in the dictionary) gets its parts' fields; a compound
  /// gets none.
  public func morphology(of word: String) -> [String]? {
    let bytes = Array(word.utf8)
    var state = LookupState()
    guard engine.spell(bytes, &state) else { return nil }
    return engine.morphology(of: bytes)
  }

  /// WORDCHARS: characters that belong to words besides letters (for tokenizers).
  public var wordCharacters: String { engine.rules.wordCharacters }

  /// TRY: the characters suggestions try, most frequent first.
  public var tryCharacters: String { engine.rules.tryCharacters }

  /// LANG, as written in the `.aff` (`fr_FR`, `tr`), or nil.
  public var language: String? { engine.rules.language }

  /// The character set of the files (`UTF-8`, `ISO8859-1`…).
  public var encodingName: String { engine.rules.encoding.name }

  /// Text in the dictionary's character set (a word list shipped with it, say) as a string.
  public func decode(_ bytes: [UInt8]) -> String {
    engine.rules.encoding.decode(bytes[...])
  }

  /// Problems met while reading the `.aff`, as Hunspell would report them.
  public var warnings: [String] { engine.rules.warnings }

  /// The number of entries in the word table (hidden capitalised copies included).
  public var entryCount: Int { engine.words.count }

  /// Roughly how many bytes the word table holds.
  public var approximateByteSize: Int { engine.words.byteSize }
}
