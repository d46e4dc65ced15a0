/// The prefix or suffix rules of a dictionary, indexed as Hunspell indexes them: rules that add
/// nothing in one list, the others in a tree of their added characters (read from the end for
/// suffixes) so that a lookup only meets the rules whose added characters the word really has, in
/// Hunspell's order (shorter affixes first; rules read later first among equal affixes).
struct AffixTable: Sendable {
  /// Whether the rules are suffixes (their added characters are read from the end of a word).
  let isSuffix: Bool
  /// The rules, in the order of the `.aff` file.
  let records: [AffixRecord]
  /// Rules that add nothing, latest first.
  let emptyAppends: [Int32]
  /// Rules by flag, in file order (for generating forms, as suggestions need).
  let byFlag: [AffixFlag: [Int32]]

  // Pools the records point into.
  let stripBytes: [UInt8]
  let appendBytes: [UInt8]
  let continuationFlags: [AffixFlag]
  /// The conditions' atoms, in lookup order (the rules that add nothing, then the tree's): the
  /// atoms of the rules a lookup meets one after the other lie side by side in memory.
  let conditionAtoms: [ConditionAtom]
  let conditionCharacters: [UInt32]
  let morphologyBytes: [UInt8]

  // The tree, node 0 its root: each node's edges (a range of `edges`) and rules (of `nodeRules`).
  private let edgeBytes: [UInt8]
  private let edgeNodes: [Int32]
  private let edgeStarts: [Int32]
  private let edgeCounts: [Int32]
  private let ruleStarts: [Int32]
  private let ruleCounts: [Int32]
  private let nodeRules: [Int32]
  /// Copies of the records of `nodeRules` and `emptyAppends`, side by side in lookup order.
  private let nodeRecords: [AffixRecord]
  let emptyRecords: [AffixRecord]
  /// The root's children by byte (-1: none), to skip a search on the first step.
  private let rootChildren: [Int32]

  /// The attribute flags an `AffixTable` turns into `AffixTraits`.
  struct SpecialFlags {
    var onlyInCompound: AffixFlag = 0
    var needAffix: AffixFlag = 0
    var circumfix: AffixFlag = 0
    var compoundPermit: AffixFlag = 0
    var compoundForbid: AffixFlag = 0
    var compoundEnd: AffixFlag = 0
    var compoundMiddle: AffixFlag = 0
  }

  init(isSuffix: Bool) {
    self.init(isSuffix: isSuffix, builder: AffixTableBuilder())
  }

  /// `specialFlags` name the attribute flags whose presence among a rule's continuation flags
  /// lookups test (`AffixTraits`); they are 0 when unset.
  init(isSuffix: Bool, builder: AffixTableBuilder, specialFlags: SpecialFlags = SpecialFlags()) {
    self.isSuffix = isSuffix
    stripBytes = builder.stripBytes
    appendBytes = builder.appendBytes
    continuationFlags = builder.continuationFlags
    conditionCharacters = builder.conditionCharacters
    morphologyBytes = builder.morphologyBytes

    var records = builder.records
    var byFlag: [AffixFlag: [Int32]] = [:]
    var empty: [Int32] = []
    var keyed: [Int32] = []
    for index in records.indices {
      var record = records[index]
      let continuation = continuationFlags[Int(record.continuationStart)..<Int(record.continuationStart + record.continuationCount)]
      if !continuation.isEmpty {
        record.traits.insert(.hasContinuation)
        func carries(_ flag: AffixFlag) -> Bool { flag != 0 && continuation.contains(flag) }
        if carries(specialFlags.onlyInCompound) { record.traits.insert(.onlyInCompound) }
        if carries(specialFlags.needAffix) { record.traits.insert(.needAffix) }
        if carries(specialFlags.circumfix) { record.traits.insert(.circumfix) }
        if carries(specialFlags.compoundPermit) { record.traits.insert(.compoundPermit) }
        if carries(specialFlags.compoundForbid) { record.traits.insert(.compoundForbid) }
        if carries(specialFlags.compoundEnd) { record.traits.insert(.compoundEnd) }
        if carries(specialFlags.compoundMiddle) { record.traits.insert(.compoundMiddle) }
      }
      record.stripHash = StemHash.hash(stripBytes[Int(record.stripStart)..<Int(record.stripStart + record.stripLength)])
      records[index] = record
      byFlag[record.flag, default: []].append(Int32(index))
      if record.appendLength == 0 { empty.append(Int32(index)) } else { keyed.append(Int32(index)) }
    }
    self.byFlag = byFlag
    let emptyAppends = Array(empty.reversed())
    self.emptyAppends = emptyAppends

    // The tree, built from the keys in sorted order (suffixes: their added characters backwards;
    // equal keys latest first), depth first, so that each node's edges are contiguous.
    let appends = appendBytes
    func key(_ rule: Int32, _ position: Int) -> UInt8 {
      let record = records[Int(rule)]
      let offset = isSuffix ? Int(record.appendLength) - 1 - position : position
      return appends[Int(record.appendStart) + offset]
    }
    // Sort keys: the first eight bytes of the key (zero-padded), compared as one number.
    func packed(_ rule: Int32) -> UInt64 {
      let length = Int(records[Int(rule)].appendLength)
      var value: UInt64 = 0
      for position in 0..<8 { value = value << 8 | UInt64(position < length ? key(rule, position) : 0) }
      return value
    }
    var packedKeys = [UInt64](repeating: 0, count: records.count)
    for rule in keyed { packedKeys[Int(rule)] = packed(rule) }
    keyed.sort { a, b in
      // Differing padded prefixes order the keys (a shorter key's padding sorts first).
      let packedA = packedKeys[Int(a)]
      let packedB = packedKeys[Int(b)]
      if packedA != packedB { return packedA < packedB }
      let lengthA = Int(records[Int(a)].appendLength)
      let lengthB = Int(records[Int(b)].appendLength)
      for position in 0..<min(lengthA, lengthB) {
        let byteA = key(a, position)
        let byteB = key(b, position)
        if byteA != byteB { return byteA < byteB }
      }
      return lengthA != lengthB ? lengthA < lengthB : a > b
    }
    var edgeBytes: [UInt8] = []
    var edgeNodes: [Int32] = []
    var edgeStarts: [Int32] = [0]
    var edgeCounts: [Int32] = [0]
    var ruleStarts: [Int32] = [0]
    var ruleCounts: [Int32] = [0]
    var nodeRules: [Int32] = []
    // Each pending node: its id, the range of `keyed` under it, and its depth.
    var pending: [(node: Int, range: Range<Int>, depth: Int)] = [(0, 0..<keyed.count, 0)]
    while let (node, range, depth) = pending.popLast() {
      var index = range.lowerBound
      ruleStarts[node] = Int32(nodeRules.count)
      while index < range.upperBound && Int(records[Int(keyed[index])].appendLength) == depth {
        nodeRules.append(keyed[index])
        index += 1
      }
      ruleCounts[node] = Int32(nodeRules.count) - ruleStarts[node]
      edgeStarts[node] = Int32(edgeBytes.count)
      var children: [(node: Int, range: Range<Int>)] = []
      while index < range.upperBound {
        let byte = key(keyed[index], depth)
        var end = index + 1
        while end < range.upperBound && key(keyed[end], depth) == byte { end += 1 }
        let child = edgeStarts.count
        edgeStarts.append(0)
        edgeCounts.append(0)
        ruleStarts.append(0)
        ruleCounts.append(0)
        edgeBytes.append(byte)
        edgeNodes.append(Int32(child))
        children.append((child, index..<end))
        index = end
      }
      edgeCounts[node] = Int32(edgeBytes.count) - edgeStarts[node]
      for child in children.reversed() { pending.append((child.node, child.range, depth + 1)) }
    }
    // The conditions re-laid in lookup order.
    var atoms: [ConditionAtom] = []
    atoms.reserveCapacity(builder.conditionAtoms.count)
    for rule in emptyAppends + nodeRules {
      let record = records[Int(rule)]
      let start = Int(record.conditionStart)
      records[Int(rule)].conditionStart = Int32(atoms.count)
      atoms += builder.conditionAtoms[start..<start + Int(record.conditionCount)]
    }
    conditionAtoms = atoms
    self.records = records
    nodeRecords = nodeRules.map { records[Int($0)] }
    emptyRecords = emptyAppends.map { records[Int($0)] }
    var rootChildren = Array(repeating: Int32(-1), count: 256)
    for edge in Int(edgeStarts[0])..<Int(edgeStarts[0] + edgeCounts[0]) {
      rootChildren[Int(edgeBytes[edge])] = edgeNodes[edge]
    }
    self.edgeBytes = edgeBytes
    self.edgeNodes = edgeNodes
    self.edgeStarts = edgeStarts
    self.edgeCounts = edgeCounts
    self.ruleStarts = ruleStarts
    self.ruleCounts = ruleCounts
    self.nodeRules = nodeRules
    self.rootChildren = rootChildren
  }

  /// The number of rules.
  var count: Int { records.count }

  /// Rule `index` as a value with its strings (for the suggestion engine and morphology).
  func entry(_ index: Int32) -> AffixEntry {
    let record = records[Int(index)]
    return AffixEntry(
      flag: record.flag, crossProduct: record.traits.contains(.crossProduct), strip: strip(record),
      append: append(record), condition: condition(record),
      continuation: continuationFlags[Int(record.continuationStart)..<Int(record.continuationStart + record.continuationCount)],
      morphology: morphology(record))
  }

  /// The condition of a rule.
  func condition(_ record: AffixRecord) -> AffixCondition {
    AffixCondition(atoms: conditionAtoms[Int(record.conditionStart)..<Int(record.conditionStart + record.conditionCount)],
                   characters: conditionCharacters)
  }

  /// The morphological fields of a rule, or nil.
  func morphology(_ record: AffixRecord) -> String? {
    guard record.morphologyLength > 0 else { return nil }
    let start = Int(record.morphologyStart)
    return String(decoding: morphologyBytes[start..<start + Int(record.morphologyLength)], as: UTF8.self)
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

  /// The record of the rule `next` returned last.
  @inline(__always)
  func record(at cursor: Cursor) -> AffixRecord {
    nodeRecords[Int(cursor.rule - 1)]
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
        for edge in start..<start + Int(edgeCounts[Int(cursor.node)]) where edgeBytes[edge] == byte {
          next = edgeNodes[edge]
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
    let keys = rules.map { UInt64(records[Int($0)].appendLength) << 32 | UInt64(UInt32.max - UInt32($0)) }
    return keys.sorted().map { Int32(UInt32.max - UInt32($0 & 0xFFFF_FFFF)) }
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
  func continues(_ record: AffixRecord, _ flag: AffixFlag) -> Bool {
    guard flag != 0, record.continuationCount > 0 else { return false }
    let start = Int(record.continuationStart)
    for index in start..<start + Int(record.continuationCount) where continuationFlags[index] == flag { return true }
    return false
  }

  /// Whether rule `index` has `flag` among its continuation flags.
  @inline(__always)
  func continues(rule index: Int32, _ flag: AffixFlag) -> Bool {
    index >= 0 && continues(records[Int(index)], flag)
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
          start = DictionaryUTF8.previousStart(bytes, before: end, start: lower)
          scalar = DictionaryUTF8.decode(bytes, at: start, end: end).scalar
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
        if scalar >= 0x80 { (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: upper) }
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

  @inline(__always)
  private func accepts(_ atom: ConditionAtom, _ scalar: UInt32) -> Bool {
    switch atom.kind {
    case ConditionAtom.any: return true
    case ConditionAtom.character: return scalar == atom.character
    default:
      let start = Int(atom.setStart)
      var found = false
      for index in start..<start + Int(atom.setCount) where conditionCharacters[index] == scalar {
        found = true
        break
      }
      return found == (atom.kind == ConditionAtom.oneOf)
    }
  }

  /// The range of a rule's strip characters in `stripBytes`.
  @inline(__always)
  func stripRange(_ record: AffixRecord) -> Range<Int> {
    Int(record.stripStart)..<Int(record.stripStart + record.stripLength)
  }

  /// The strip characters of a rule.
  @inline(__always)
  func strip(_ record: AffixRecord) -> ArraySlice<UInt8> {
    stripBytes[stripRange(record)]
  }

  /// The characters a rule adds.
  @inline(__always)
  func append(_ record: AffixRecord) -> ArraySlice<UInt8> {
    appendBytes[Int(record.appendStart)..<Int(record.appendStart + record.appendLength)]
  }
}
