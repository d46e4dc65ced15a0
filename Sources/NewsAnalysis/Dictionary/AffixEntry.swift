/// One line of a `PFX` or `SFX` rule: remove `strip` from the stem, add `append`, when the stem
/// meets `condition`. `append` may carry continuation flags (`ing/XY`: twofold suffixes, and the
/// flags of NEEDAFFIX, CIRCUMFIX, COMPOUNDPERMITFLAG… on the affix itself) and morphological fields.
struct AffixEntry: Sendable {
  /// The rule's flag (`SFX S …`).
  let flag: Flag
  /// Whether the rule may combine with an affix of the other kind (`Y` in the header).
  let crossProduct: Bool
  /// Characters the rule removes from the stem (empty for `0`).
  let strip: [UInt8]
  /// Characters the rule adds (empty for `0`).
  let append: [UInt8]
  let condition: AffixCondition
  /// The continuation flags written after `/`, sorted.
  let continuation: [Flag]
  /// The morphological fields after the condition (`is:pl`), nil when there are none.
  let morphology: String?

  /// Whether the continuation flags hold `flag` (false for the null flag).
  @inline(__always)
  func continues(_ flag: Flag) -> Bool {
    continuation.containsFlag(flag)
  }
}

/// What lookups need of one affix rule, without references (copying it costs no reference
/// counting): strings and flag lists are ranges of the table's pools, and the continuation flags
/// that checking asks about all the time are bits.
struct AffixRecord: Sendable {
  var flag: Flag
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

/// One position of a condition, without references: a character, any character, or a set
/// (a range of the table's character pool), possibly negated.
struct ConditionAtom: Sendable {
  /// 0: any character, 1: one character, 2: one of a set, 3: none of a set.
  var kind: UInt8
  var character: UInt32
  var setStart: Int32
  var setCount: Int32
}

/// The prefix or suffix rules of a dictionary, indexed as Hunspell indexes them: rules that add
/// nothing in one list, the others in a tree of their added characters (read from the end for
/// suffixes) so that a lookup only meets the rules whose added characters the word really has, in
/// Hunspell's order (shorter affixes first; rules read later first among equal affixes).
struct AffixTable: Sendable {
  /// Whether the rules are suffixes (their added characters are read from the end of a word).
  let isSuffix: Bool
  /// Every rule, in the order of the `.aff` file.
  let entries: [AffixEntry]
  /// The same rules for lookups.
  let records: [AffixRecord]
  /// Rules that add nothing, latest first.
  let emptyAppends: [Int32]
  /// Rules by flag, in file order (for generating forms, as suggestions need).
  let byFlag: [Flag: [Int32]]

  // Pools the records point into.
  let stripBytes: [UInt8]
  let appendBytes: [UInt8]
  let continuationFlags: [Flag]
  let conditionAtoms: [ConditionAtom]
  let conditionCharacters: [UInt32]

  // The tree, node 0 its root: each node's edges (a range of `edges`) and rules (of `nodeRules`).
  private let edges: [(byte: UInt8, node: Int32)]
  private let edgeStarts: [Int32]
  private let edgeCounts: [Int32]
  private let ruleStarts: [Int32]
  private let ruleCounts: [Int32]
  private let nodeRules: [Int32]
  /// The root's children by byte (-1: none), to skip a search on the first step.
  private let rootChildren: [Int32]

  /// `specialFlags` name the attribute flags whose presence among a rule's continuation flags
  /// lookups test (`AffixTraits`); they are 0 when unset.
  init(isSuffix: Bool, entries: [AffixEntry], specialFlags: SpecialFlags = SpecialFlags()) {
    self.isSuffix = isSuffix
    self.entries = entries
    var records: [AffixRecord] = []
    var strips: [UInt8] = []
    var appends: [UInt8] = []
    var continuations: [Flag] = []
    var atoms: [ConditionAtom] = []
    var characters: [UInt32] = []
    var empty: [Int32] = []
    var byFlag: [Flag: [Int32]] = [:]
    // The tree while it is built: children by byte, and rules, per node.
    var children: [[(byte: UInt8, node: Int32)]] = [[]]
    var rules: [[Int32]] = [[]]
    records.reserveCapacity(entries.count)
    for (index, entry) in entries.enumerated() {
      var traits: AffixTraits = entry.crossProduct ? .crossProduct : []
      if !entry.continuation.isEmpty { traits.insert(.hasContinuation) }
      for (flag, trait) in [(specialFlags.onlyInCompound, AffixTraits.onlyInCompound),
                            (specialFlags.needAffix, .needAffix), (specialFlags.circumfix, .circumfix),
                            (specialFlags.compoundPermit, .compoundPermit), (specialFlags.compoundForbid, .compoundForbid),
                            (specialFlags.compoundEnd, .compoundEnd), (specialFlags.compoundMiddle, .compoundMiddle)]
      where entry.continues(flag) {
        traits.insert(trait)
      }
      let conditionStart = atoms.count
      for position in entry.condition.positions {
        switch position {
        case .any:
          atoms.append(ConditionAtom(kind: 0, character: 0, setStart: 0, setCount: 0))
        case .character(let character):
          atoms.append(ConditionAtom(kind: 1, character: character, setStart: 0, setCount: 0))
        case .oneOf(let set), .noneOf(let set):
          let negated: Bool
          if case .noneOf = position { negated = true } else { negated = false }
          atoms.append(ConditionAtom(kind: negated ? 3 : 2, character: 0, setStart: Int32(characters.count),
                                     setCount: Int32(set.count)))
          characters += set
        }
      }
      records.append(AffixRecord(
        flag: entry.flag, traits: traits, appendStart: Int32(appends.count), appendLength: Int32(entry.append.count), stripStart: Int32(strips.count),
        stripLength: Int32(entry.strip.count), stripHash: StemHash.hash(entry.strip[...]), continuationStart: Int32(continuations.count),
        continuationCount: Int32(entry.continuation.count), conditionStart: Int32(conditionStart),
        conditionCount: Int32(atoms.count - conditionStart)))
      strips += entry.strip
      appends += entry.append
      continuations += entry.continuation
      byFlag[entry.flag, default: []].append(Int32(index))
      if entry.append.isEmpty {
        empty.insert(Int32(index), at: 0)
        continue
      }
      var node = 0
      let key = isSuffix ? Array(entry.append.reversed()) : entry.append
      for byte in key {
        if let child = children[node].first(where: { $0.byte == byte }) {
          node = Int(child.node)
        } else {
          children.append([])
          rules.append([])
          let child = children.count - 1
          children[node].append((byte, Int32(child)))
          node = child
        }
      }
      rules[node].insert(Int32(index), at: 0)
    }
    self.records = records
    stripBytes = strips
    appendBytes = appends
    continuationFlags = continuations
    conditionAtoms = atoms
    conditionCharacters = characters
    emptyAppends = empty
    self.byFlag = byFlag
    var edges: [(byte: UInt8, node: Int32)] = []
    var edgeStarts: [Int32] = []
    var edgeCounts: [Int32] = []
    var ruleStarts: [Int32] = []
    var ruleCounts: [Int32] = []
    var nodeRules: [Int32] = []
    for node in 0..<children.count {
      edgeStarts.append(Int32(edges.count))
      edgeCounts.append(Int32(children[node].count))
      edges += children[node]
      ruleStarts.append(Int32(nodeRules.count))
      ruleCounts.append(Int32(rules[node].count))
      nodeRules += rules[node]
    }
    var rootChildren = Array(repeating: Int32(-1), count: 256)
    for child in children[0] { rootChildren[Int(child.byte)] = child.node }
    self.edges = edges
    self.edgeStarts = edgeStarts
    self.edgeCounts = edgeCounts
    self.ruleStarts = ruleStarts
    self.ruleCounts = ruleCounts
    self.nodeRules = nodeRules
    self.rootChildren = rootChildren
  }

  /// The attribute flags an `AffixTable` turns into `AffixTraits`.
  struct SpecialFlags {
    var onlyInCompound: Flag = 0
    var needAffix: Flag = 0
    var circumfix: Flag = 0
    var compoundPermit: Flag = 0
    var compoundForbid: Flag = 0
    var compoundEnd: Flag = 0
    var compoundMiddle: Flag = 0
  }

  // MARK: - Lookups

  /// Where a walk through the tree along a word stands.
  struct Cursor {
    var node: Int32 = 0
    var position: Int
    var rule: Int32 = 0
    var ruleEnd: Int32 = 0
    var finished = false
  }

  /// A cursor for the rules whose added characters `bytes[range]` starts with (prefixes) or ends
  /// with (suffixes), not counting the rules that add nothing.
  @inline(__always)
  func cursor(_ range: Range<Int>) -> Cursor {
    Cursor(position: isSuffix ? range.upperBound - 1 : range.lowerBound)
  }

  /// The next rule of a walk, in lookup order, or nil.
  @inline(__always)
  func next(_ cursor: inout Cursor, _ bytes: [UInt8], _ range: Range<Int>) -> Int32? {
    if cursor.rule < cursor.ruleEnd {
      cursor.rule += 1
      return nodeRules[Int(cursor.rule - 1)]
    }
    while !cursor.finished {
      guard range.contains(cursor.position) else {
        cursor.finished = true
        return nil
      }
      let byte = bytes[cursor.position]
      var next: Int32 = -1
      if cursor.node == 0 {
        next = rootChildren[Int(byte)]
      } else {
        let start = Int(edgeStarts[Int(cursor.node)])
        for edge in start..<start + Int(edgeCounts[Int(cursor.node)]) where edges[edge].byte == byte {
          next = edges[edge].node
          break
        }
      }
      guard next >= 0 else {
        cursor.finished = true
        return nil
      }
      cursor.node = next
      cursor.position += isSuffix ? -1 : 1
      let count = ruleCounts[Int(next)]
      if count > 0 {
        cursor.rule = ruleStarts[Int(next)] + 1
        cursor.ruleEnd = ruleStarts[Int(next)] + count
        return nodeRules[Int(cursor.rule - 1)]
      }
    }
    return nil
  }

  /// `rules` in lookup order: those that add nothing first (latest first), then by the length of
  /// what they add, latest first among equal lengths (the order in which the tree meets the rules
  /// that match one word).
  func inLookupOrder(_ rules: [Int32]) -> [Int32] {
    rules.sorted { a, b in
      let lengthA = records[Int(a)].appendLength
      let lengthB = records[Int(b)].appendLength
      return lengthA != lengthB ? lengthA < lengthB : a > b
    }
  }

  /// Whether what rule `record` adds is at the end (suffixes) or the start (prefixes) of
  /// `bytes[range]`.
  @inline(__always)
  func appendMatches(_ record: AffixRecord, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let length = Int(record.appendLength)
    guard length <= range.count else { return false }
    let start = Int(record.appendStart)
    var position = isSuffix ? range.upperBound - length : range.lowerBound
    for index in start..<start + length {
      if appendBytes[index] != bytes[position] { return false }
      position += 1
    }
    return true
  }

  /// Every rule whose added characters `bytes[range]` starts with (prefixes) or ends with
  /// (suffixes), the rules that add nothing first, in lookup order.
  func matchingRules(in bytes: [UInt8], _ range: Range<Int>) -> [Int32] {
    var result = emptyAppends
    var walk = cursor(range)
    while let rule = next(&walk, bytes, range) { result.append(rule) }
    return result
  }

  /// Whether rule `record` has `flag` among its continuation flags (never the null flag).
  @inline(__always)
  func continues(_ record: AffixRecord, _ flag: Flag) -> Bool {
    guard flag != 0, record.continuationCount > 0 else { return false }
    let start = Int(record.continuationStart)
    for index in start..<start + Int(record.continuationCount) where continuationFlags[index] == flag { return true }
    return false
  }

  /// Whether the stem `bytes[range]` meets the condition of `record`: its first characters for
  /// prefixes, its last ones for suffixes.
  @inline(__always)
  func conditionHolds(_ record: AffixRecord, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    conditionHolds(record, bytes, range, [], 0..<0)
  }

  /// Whether the stem `first[firstRange] + second[secondRange]` meets the condition of `record`
  /// (a stem made of a piece of a word and strip characters, without copying them together).
  @inline(__always)
  func conditionHolds(_ record: AffixRecord, _ first: [UInt8], _ firstRange: Range<Int>, _ second: [UInt8],
                      _ secondRange: Range<Int>) -> Bool {
    let count = Int(record.conditionCount)
    guard count > 0 else { return true }
    let firstAtom = Int(record.conditionStart)
    if isSuffix {
      // From the end: the second part, then the first.
      var inSecond = !secondRange.isEmpty
      var end = inSecond ? secondRange.upperBound : firstRange.upperBound
      var atom = firstAtom + count - 1
      while atom >= firstAtom {
        let bytes = inSecond ? second : first
        let lower = inSecond ? secondRange.lowerBound : firstRange.lowerBound
        guard end > lower else { return false }
        var start = end - 1
        var scalar = UInt32(bytes[start])
        if scalar >= 0x80 {
          start = UTF8Encoding.previousStart(bytes, before: end, start: lower)
          scalar = UTF8Encoding.decode(bytes, at: start, end: end).scalar
        }
        guard accepts(conditionAtoms[atom], scalar) else { return false }
        end = start
        atom -= 1
        if inSecond && end == lower {
          inSecond = false
          end = firstRange.upperBound
        }
      }
    } else {
      // From the start: the first part, then the second.
      var inFirst = !firstRange.isEmpty
      var index = inFirst ? firstRange.lowerBound : secondRange.lowerBound
      for atom in firstAtom..<firstAtom + count {
        let bytes = inFirst ? first : second
        let upper = inFirst ? firstRange.upperBound : secondRange.upperBound
        guard index < upper else { return false }
        var scalar = UInt32(bytes[index])
        var length = 1
        if scalar >= 0x80 { (scalar, length) = UTF8Encoding.decode(bytes, at: index, end: upper) }
        guard accepts(conditionAtoms[atom], scalar) else { return false }
        index += length
        if inFirst && index == upper {
          inFirst = false
          index = secondRange.lowerBound
        }
      }
    }
    return true
  }

  /// The range of a rule's strip characters in `stripBytes`.
  @inline(__always)
  func stripRange(_ record: AffixRecord) -> Range<Int> {
    Int(record.stripStart)..<Int(record.stripStart + record.stripLength)
  }

  @inline(__always)
  private func accepts(_ atom: ConditionAtom, _ scalar: UInt32) -> Bool {
    switch atom.kind {
    case 0: return true
    case 1: return scalar == atom.character
    default:
      let start = Int(atom.setStart)
      var found = false
      for index in start..<start + Int(atom.setCount) where conditionCharacters[index] == scalar {
        found = true
        break
      }
      return found == (atom.kind == 2)
    }
  }

  /// The strip characters of a rule.
  @inline(__always)
  func strip(_ record: AffixRecord) -> ArraySlice<UInt8> {
    stripBytes[Int(record.stripStart)..<Int(record.stripStart + record.stripLength)]
  }
}
