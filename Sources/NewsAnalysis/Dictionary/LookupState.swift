/// Where a word part sits in a compound while it is looked up (Hunspell's `IN_CPD_*`).
enum CompoundPosition: Sendable, Equatable {
  /// Not in a compound.
  case none
  case begin
  case end
  /// Hungarian special rule: anywhere.
  case other
}

/// Bits of what a check found out (Hunspell's `SPELL_*` info flags).
struct CheckInfo: OptionSet, Sendable {
  let rawValue: Int
  static let compound = CheckInfo(rawValue: 1 << 0)
  static let forbidden = CheckInfo(rawValue: 1 << 1)
  static let initialCapital = CheckInfo(rawValue: 1 << 4)
  static let originalCapitals = CheckInfo(rawValue: 1 << 5)
  static let warn = CheckInfo(rawValue: 1 << 6)
  /// Only two-word compounds for now.
  static let compoundOfTwo = CheckInfo(rawValue: 1 << 7)
}

/// The mutable state of one check. Hunspell keeps the last prefix and suffix matched in members
/// that later steps of compounding read; Dateline keeps them here, per call, so that a dictionary
/// can be shared between threads.
struct LookupState {
  /// The prefix of the last affix match (-1: none).
  var prefix: Int32 = -1
  /// The suffix of the last affix match (-1: none).
  var suffix: Int32 = -1
  /// The flag of the last suffix matched.
  var suffixFlag: Flag = 0
  /// The last suffix matched without continuation flags (Hungarian syllable counting).
  var suffixAppend: Int32 = -1
  /// Hungarian syllable correction of the last suffix.
  var suffixExtra = 0
  /// The dictionary entries of the parts of a compound checked by COMPOUNDRULE.
  var ruleWords: [Int32] = Array(repeating: -1, count: 100)
  /// When the current compound search started, and whether it ran out of time.
  var compoundStart: ContinuousClock.Instant = .now
  var compoundTimedOut = false
  /// The words being checked by the BREAK recursion (to stop loops).
  var candidateStack: [[UInt8]] = []
  /// Whether the check is made for suggestions (NOSUGGEST words do not count).
  var forSuggestion = false
}

/// An analysis found by an affix lookup: the dictionary entry and the affixes used (-1: none).
struct AffixMatch: Sendable, Equatable {
  var entry: Int32
  var prefix: Int32 = -1
  var suffix: Int32 = -1
}
