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

/// The prefix or suffix rules of a dictionary, indexed as Hunspell indexes them: rules that add
/// nothing in one list, the others in a tree of their added characters (read from the end for
/// suffixes) so that a lookup only meets the rules whose added characters the word really has, in
/// Hunspell's order (shorter affixes first; rules read later first among equal affixes).
struct AffixTable: Sendable {
  /// Whether the rules are suffixes (their added characters are read from the end of a word).
  let isSuffix: Bool
  /// Every rule, in the order of the `.aff` file.
  let entries: [AffixEntry]
  /// Rules that add nothing, latest first.
  let emptyAppends: [Int32]
  /// The tree: node 0 is the root; each node's children by byte, and the rules ending there.
  private let nodeChildren: [[(byte: UInt8, node: Int32)]]
  private let nodeEntries: [[Int32]]
  /// Rules by flag, in file order (for generating forms, as suggestions need).
  let byFlag: [Flag: [Int32]]

  init(isSuffix: Bool, entries: [AffixEntry]) {
    self.isSuffix = isSuffix
    self.entries = entries
    var empty: [Int32] = []
    var children: [[(byte: UInt8, node: Int32)]] = [[]]
    var nodeEntries: [[Int32]] = [[]]
    var byFlag: [Flag: [Int32]] = [:]
    for (index, entry) in entries.enumerated() {
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
          nodeEntries.append([])
          let child = children.count - 1
          children[node].append((byte, Int32(child)))
          node = child
        }
      }
      nodeEntries[node].insert(Int32(index), at: 0)
    }
    emptyAppends = empty
    nodeChildren = children
    self.nodeEntries = nodeEntries
    self.byFlag = byFlag
  }

  /// The rules whose added characters `bytes[range]` starts with (prefixes) or ends with
  /// (suffixes), not counting the rules that add nothing, in lookup order.
  @inline(__always)
  func matches(in bytes: [UInt8], _ range: Range<Int>) -> Matches {
    Matches(table: self, bytes: bytes, range: range)
  }

  /// An iterator over the rules matching one word: it walks the tree along the word's bytes.
  struct Matches: IteratorProtocol {
    let table: AffixTable
    let bytes: [UInt8]
    let range: Range<Int>
    private var node = 0
    private var position: Int
    private var entryIndex = 0

    init(table: AffixTable, bytes: [UInt8], range: Range<Int>) {
      self.table = table
      self.bytes = bytes
      self.range = range
      position = table.isSuffix ? range.upperBound - 1 : range.lowerBound
      entryIndex = table.nodeEntries[0].count
    }

    mutating func next() -> Int32? {
      while true {
        let entries = table.nodeEntries[node]
        if entryIndex < entries.count {
          entryIndex += 1
          return entries[entryIndex - 1]
        }
        guard range.contains(position) else { return nil }
        let byte = bytes[position]
        var next = -1
        for child in table.nodeChildren[node] where child.byte == byte {
          next = Int(child.node)
          break
        }
        guard next >= 0 else {
          position = range.upperBound + 1  // nothing further can match
          return nil
        }
        node = next
        entryIndex = 0
        position += table.isSuffix ? -1 : 1
      }
    }
  }
}
