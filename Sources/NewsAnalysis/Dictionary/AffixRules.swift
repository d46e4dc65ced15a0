/// Everything an `.aff` file says: the character set and flag format, the affix rules, the
/// attribute flags (FORBIDDENWORD, KEEPCASE…), the compounding settings, the conversion tables, and
/// the tables only suggestions use (TRY, KEY, REP, MAP, PHONE…), kept for them. Flags that are not
/// set are 0. Strings are UTF-8 bytes; affix strings and conditions are reversed under
/// COMPLEXPREFIXES, as Hunspell stores them.
struct AffixRules: Sendable {
  var encoding: DictionaryEncoding = .isoLatin1
  var flagFormat: FlagFormat = .singleByte
  /// `LANG` as written.
  var language: String?
  var languageKind: HunspellLanguage = .other
  /// `COMPLEXPREFIXES`: words are stored and matched reversed, so that prefixes nest like suffixes.
  var complexPrefixes = false

  var prefixes = AffixTable(isSuffix: false)
  var suffixes = AffixTable(isSuffix: true)
  /// Flags that some affix carries as a continuation flag (twofold affixes are looked for only then).
  var continuationFlags = FlagBitSet()
  var hasContinuationClasses = false

  /// `AF`: flag sets the `.dic` (and affix continuations) name by number, 1-based.
  var flagAliases: [[AffixFlag]] = []
  /// `AM`: morphological fields named by number, 1-based.
  var morphologyAliases: [String] = []

  // Attribute flags.
  var forbiddenWord: AffixFlag = ReservedFlag.forbiddenWord
  var keepCase: AffixFlag = 0
  var needAffix: AffixFlag = 0
  var onlyInCompound: AffixFlag = 0
  var circumfix: AffixFlag = 0
  var noSuggest: AffixFlag = 0
  var noNgramSuggest: AffixFlag = 0
  var forceUppercase: AffixFlag = 0
  var warn: AffixFlag = 0
  var substandard: AffixFlag = 0
  var lemmaPresent: AffixFlag = 0
  var forbidWarn = false

  // Compounding.
  var compoundFlag: AffixFlag = 0
  var compoundBegin: AffixFlag = 0
  var compoundMiddle: AffixFlag = 0
  var compoundEnd: AffixFlag = 0
  var compoundRoot: AffixFlag = 0
  var compoundPermitFlag: AffixFlag = 0
  var compoundForbidFlag: AffixFlag = 0
  /// COMPOUNDMIN (characters per part; 3 when unset).
  var compoundMinimum = -1
  /// COMPOUNDWORDMAX (-1: unlimited).
  var compoundWordMaximum = -1
  /// COMPOUNDSYLLABLE: the maximum syllables (0: unset) and the vowels that count them.
  var compoundMaximumSyllables = 0
  var compoundVowels: [UInt32] = []
  var syllableNumberFlags: [UInt8] = []
  var compoundMoreSuffixes = false
  var checkCompoundDuplication = false
  var checkCompoundReplacement = false
  var checkCompoundCase = false
  var checkCompoundTriple = false
  var simplifiedTriple = false
  var compoundPatterns: [CompoundPattern] = []
  /// Whether some CHECKCOMPOUNDPATTERN has a replacement (a third field).
  var simplifiedCompoundPatterns = false
  /// COMPOUNDRULE lines, as flag sequences where `*` and `?` are the flag values 42 and 63
  /// (Hunspell's own encoding).
  var compoundRules: [[AffixFlag]] = []

  // Input handling.
  var inputConversion = ConversionTable()
  var outputConversion = ConversionTable()
  /// IGNORE: characters removed from words before anything else, sorted.
  var ignoredCharacters: [UInt32] = []
  /// BREAK patterns (`^` and `$` anchor them); `-`, `^-`, `-$` when the file has none.
  var breakPatterns: [[UInt8]] = []
  var checkSharps = false
  var fullStrip = false
  var checkNumbers = false

  // For suggestions and tokenizing.
  var wordCharacters = ""
  var tryCharacters = ""
  var keyboard = ""
  var replacements: [HunspellReplacement] = []
  var characterMap: [[String]] = []
  var phoneticRules: [(String, String)] = []
  var maxNgramSuggestions = -1
  var maxCompoundSuggestions = -1
  var maxDifference = -1
  var onlyMaxDifference = false
  var noSplitSuggestions = false
  var suggestWithDots = false
  var version = ""

  /// Problems Hunspell would report while reading the file (reading stops at the first fatal one,
  /// as Hunspell's does).
  var warnings: [String] = []

  /// Whether any compounding is configured.
  var compounds: Bool { compoundFlag != 0 || compoundBegin != 0 || !compoundRules.isEmpty }
}

/// Languages whose rules Hunspell hard-wires.
enum HunspellLanguage: Sendable, Equatable {
  /// Turkish, Azeri, Crimean Tatar: dotted and dotless i are distinct letters.
  case turkic
  /// Hungarian: compounding counts syllables; a dash rule when breaking words.
  case hungarian
  case german
  case other

  init(code: String) {
    switch code {
    case "tr", "tr_TR", "az", "az_AZ", "crh": self = .turkic
    case "hu", "hu_HU": self = .hungarian
    case "de": self = .german
    default: self = .other
    }
  }
}

/// One CHECKCOMPOUNDPATTERN line: a compound is wrong when its first part ends with `left` and the
/// next one starts with `right` (with optional flags each side must carry; `0` as `left` means
/// "the unaffixed stem"); with a `replacement`, the join written as `replacement` stands for
/// `left` + `right` (simplified compounds).
struct CompoundPattern: Sendable {
  var left: [UInt8]
  var leftFlag: AffixFlag = 0
  var right: [UInt8] = []
  var rightFlag: AffixFlag = 0
  var replacement: [UInt8] = []
}

/// A set of flags as 65,536 bits (8 KB).
struct FlagBitSet: Sendable {
  private var words: [UInt64] = []

  mutating func insert(_ flag: AffixFlag) {
    if words.isEmpty { words = Array(repeating: 0, count: 1024) }
    words[Int(flag >> 6)] |= 1 << UInt64(flag & 63)
  }

  @inline(__always)
  func contains(_ flag: AffixFlag) -> Bool {
    guard !words.isEmpty else { return false }
    return words[Int(flag >> 6)] & (1 << UInt64(flag & 63)) != 0
  }
}
