/// The lookup half of the Hunspell engine: the parsed `.aff` rules and the `.dic` word table, and
/// the algorithms (in extensions, one file each) that decide whether a word is spelled right.
/// Immutable; each check keeps its own `LookupState`.
///
/// Map of the data, for the suggestion engine to build on (all strings are UTF-8 bytes, reversed
/// under COMPLEXPREFIXES as Hunspell stores them):
/// - `rules` (`AffixRules`): the `.aff` settings. For suggestions: `tryCharacters` (TRY),
///   `keyboard` (KEY; empty: Hunspell's QWERTY default, `SpellEngine.defaultKeyboard`),
///   `replacements` here (REP lines, then the `.dic`'s `ph:` fields, Hunspell's order),
///   `characterMap` (MAP groups), `phoneticRules` (PHONE), `maxNgramSuggestions`,
///   `maxCompoundSuggestions`, `maxDifference`, `onlyMaxDifference`, `noSplitSuggestions`,
///   `suggestWithDots`, `outputConversion` (OCONV), and the flags `noSuggest`, `noNgramSuggest`,
///   `forbiddenWord`, `keepCase`, `onlyInCompound`, `needAffix`, `substandard`, `forceUppercase`.
/// - `words` (`WordTable`): the entries in file order (`entries`, `word(_:)`, `flags(_:)`,
///   `has(_:_:)`, `description(_:)`, `nextHomonym`); hidden capitalised copies of mixed-case words
///   carry `ReservedFlag.onlyUppercase`. `find` looks a spelling up.
/// - `prefixTable`, `suffixTable` (`AffixTable`): the rules as `AffixRecord`s over pools;
///   `entry(_:)` gives a rule with its strings and condition, `byFlag` the rules of a flag (to
///   generate the forms of a stem), `matchingRules(in:_:)` the rules a word may carry.
/// - Checks: `spell` (the whole `check`), `checkWord` (one spelling, no capitalisation or BREAK),
///   `suggestionCheck` (Hunspell's test of a candidate suggestion, without compounding),
///   `compoundCheck` (with `LookupState.forSuggestion` for Hunspell's `is_sug`), `analyses`.
final class SpellEngine: Sendable {
  let rules: AffixRules
  let words: WordTable
  let casing: HunspellCaseMapping
  /// Shortcuts to the affix rules.
  let prefixTable: AffixTable
  let suffixTable: AffixTable
  /// REP rules and the `ph:` replacements of the `.dic`, in Hunspell's order.
  let replacements: [HunspellReplacement]
  /// The suffix rules that can be the outer suffix of two (their flag continues some affix), and
  /// for each continuation flag the rules that carry it, in lookup order.
  let outerSuffixRules: [Int32]
  let suffixRulesContinuing: [AffixFlag: [Int32]]
  /// Which words prefixes that add nothing can cross with a suffix.
  let crossProductFilter: CrossProductFilter
  /// The unanchored ones as bytes, for CHECKCOMPOUNDREP.
  let replacementPatterns: [([UInt8], [UInt8])]

  init(rules: AffixRules, words: WordTable) {
    self.rules = rules
    self.words = words
    casing = HunspellCaseMapping(turkic: rules.languageKind == .turkic)
    prefixTable = rules.prefixes
    suffixTable = rules.suffixes
    crossProductFilter = CrossProductFilter(rules: rules, words: words)
    let suffixes = rules.suffixes
    outerSuffixRules = suffixes.inLookupOrder(
      suffixes.records.indices.filter { rules.continuationFlags.contains(suffixes.records[$0].flag) }.map { Int32($0) })
    // Distributed in lookup order, each list comes out in lookup order.
    var continuing: [AffixFlag: [Int32]] = [:]
    for index in suffixes.inLookupOrder(suffixes.records.indices.map { Int32($0) }) {
      // Continuation flags are sorted: skip repeats.
      var previous: AffixFlag? = nil
      let record = suffixes.records[Int(index)]
      let start = Int(record.continuationStart)
      for flag in suffixes.continuationFlags[start..<start + Int(record.continuationCount)] where flag != previous {
        continuing[flag, default: []].append(index)
        previous = flag
      }
    }
    suffixRulesContinuing = continuing
    replacements = rules.replacements + words.phoneticReplacements
    replacementPatterns = replacements.filter { !$0.atWordStart && !$0.atWordEnd }.map {
      (Array($0.pattern.utf8), Array($0.replacement.utf8))
    }
  }

  /// The first homonym spelled `bytes[range]`, or -1.
  @inline(__always)
  func lookup(_ bytes: [UInt8], _ range: Range<Int>) -> Int32 {
    words.find(bytes, range)
  }

  @inline(__always)
  func lookup(_ bytes: [UInt8]) -> Int32 {
    words.find(bytes, 0..<bytes.count)
  }

  /// Whether `word` (its `StemHash` and length) may be read as prefix rule `index` crossed with a
  /// suffix (false: surely not).
  @inline(__always)
  func crossProductMayApply(_ index: Int32, _ hash: UInt64, _ length: Int) -> Bool {
    prefixTable.records[Int(index)].appendLength != 0 || crossProductFilter.mayApply(index, hash, length)
  }

  /// The next homonym of an entry, or -1.
  @inline(__always)
  func next(_ entry: Int32) -> Int32 {
    words.nextHomonym[Int(entry)]
  }

  /// Whether a dictionary entry has a flag.
  @inline(__always)
  func has(_ entry: Int32, _ flag: AffixFlag) -> Bool {
    words.has(entry, flag)
  }
}
