/// One line of a `PFX` or `SFX` rule, as the suggestion engine and morphology read it: remove
/// `strip` from the stem, add `append`, when the stem meets `condition`. `append` may carry
/// continuation flags (`ing/XY`: twofold suffixes, and the flags of NEEDAFFIX, CIRCUMFIX,
/// COMPOUNDPERMITFLAG… on the affix itself) and morphological fields. A view of its table's pools.
struct AffixEntry: Sendable {
  /// The rule's flag (`SFX S …`).
  let flag: AffixFlag
  /// Whether the rule may combine with an affix of the other kind (`Y` in the header).
  let crossProduct: Bool
  /// Characters the rule removes from the stem (empty for `0`).
  let strip: ArraySlice<UInt8>
  /// Characters the rule adds (empty for `0`).
  let append: ArraySlice<UInt8>
  let condition: AffixCondition
  /// The continuation flags written after `/`, sorted.
  let continuation: ArraySlice<AffixFlag>
  /// The morphological fields after the condition (`is:pl`), nil when there are none.
  let morphology: String?

  /// Whether the continuation flags hold `flag` (false for the null flag).
  func continues(_ flag: AffixFlag) -> Bool {
    flag != 0 && continuation.contains(flag)
  }
}

/// What lookups need of one affix rule, without references (copying it costs no reference
/// counting): strings and flag lists are ranges of the table's pools, and the continuation flags
/// that checking asks about all the time are bits.
struct AffixRecord: Sendable {
  var flag: AffixFlag
  var traits: AffixTraits
  var appendStart: Int32
  var appendLength: Int32
  var stripStart: Int32
  var stripLength: Int32
  /// The `StemHash` of the strip characters.
  var stripHash: UInt64
  var continuationStart: Int32
  var continuationCount: Int32
  var conditionStart: Int32
  var conditionCount: Int32
  /// The morphological fields: a range of the table's morphology pool (length 0: none).
  var morphologyStart: Int32
  var morphologyLength: Int32
}

/// Facts about an affix rule, as bits.
struct AffixTraits: OptionSet, Sendable {
  let rawValue: UInt16
  static let crossProduct = AffixTraits(rawValue: 1 << 0)
  static let hasContinuation = AffixTraits(rawValue: 1 << 1)
  static let onlyInCompound = AffixTraits(rawValue: 1 << 2)
  static let needAffix = AffixTraits(rawValue: 1 << 3)
  static let circumfix = AffixTraits(rawValue: 1 << 4)
  static let compoundPermit = AffixTraits(rawValue: 1 << 5)
  static let compoundForbid = AffixTraits(rawValue: 1 << 6)
  static let compoundEnd = AffixTraits(rawValue: 1 << 7)
  static let compoundMiddle = AffixTraits(rawValue: 1 << 8)
}

/// The rules of one kind (prefixes or suffixes) as the `.aff` reader collects them: records and
/// the pools they point into, filled line by line without an allocation per rule.
struct AffixTableBuilder {
  var records: [AffixRecord] = []
  var stripBytes: [UInt8] = []
  var appendBytes: [UInt8] = []
  var continuationFlags: [AffixFlag] = []
  var conditionAtoms: [ConditionAtom] = []
  var conditionCharacters: [UInt32] = []
  var morphologyBytes: [UInt8] = []
}
