/// A shortcut for prefixes that add nothing and cross with suffixes (French has two): every word
/// would be read with them, their stem being the whole word, through every suffix again. When no
/// suffix continues with such a prefix's flag, only the few words that carry the flag can be
/// stems, and the forms they take with each suffix are known in advance: a word that is none of
/// them skips that reading. The set may hold more forms than exist (it is a filter, exactness is
/// kept by the reading itself), never fewer.
struct CrossProductFilter: Sendable {
  /// For each such prefix rule: the `StemHash` and length of every form, in a sorted list.
  private var forms: [Int32: [UInt64]] = [:]

  init(rules: AffixRules, words: WordTable) {
    let prefixes = rules.prefixes
    let suffixes = rules.suffixes
    for index in prefixes.emptyAppends {
      let prefix = prefixes.entry(index)
      guard prefix.crossProduct else { continue }
      // A suffix that enables the prefix would let any stem in.
      if suffixes.records.contains(where: { suffixes.continues($0, prefix.flag) }) { continue }
      var hashes: [UInt64] = []
      var tooMany = false
      for entry in 0..<Int32(words.count) where words.has(entry, prefix.flag) && words.isLive(entry) {
        let stem = Array(words.word(entry))
        // The suffixes the stem or the prefix allows, by flag.
        var flags = Array(words.flags(entry))
        flags += prefix.continuation
        var seen = Set<AffixFlag>()
        for flag in flags where seen.insert(flag).inserted {
          for rule in suffixes.byFlag[flag] ?? [] {
          let suffix = suffixes.entry(rule)
          guard suffix.crossProduct else { continue }
          let strip = Array(suffix.strip)
          guard stem.count >= strip.count, stem.suffix(strip.count).elementsEqual(strip) else {
            continue
          }
          // The prefix stem: the dictionary word with the suffix put back; the word: that without
          // the prefix's strip characters.
          var prefixStem = Array(stem.dropLast(strip.count))
          prefixStem += suffix.append
          guard prefixStem.count >= prefix.strip.count, prefixStem.prefix(prefix.strip.count).elementsEqual(prefix.strip)
          else { continue }
          let form = Array(prefixStem.dropFirst(prefix.strip.count))
          hashes.append(Self.key(StemHash.hash(form[...]), form.count))
          }
        }
        if hashes.count > 100_000 {
          tooMany = true
          break
        }
      }
      if !tooMany { forms[index] = hashes.sorted() }
    }
  }

  private static func key(_ hash: UInt64, _ length: Int) -> UInt64 {
    hash &+ UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9
  }

  /// Whether reading `word` (its hash and length) under prefix rule `index` and a suffix may
  /// succeed.
  @inline(__always)
  func mayApply(_ index: Int32, _ hash: UInt64, _ length: Int) -> Bool {
    guard let known = forms[index] else { return true }
    let key = Self.key(hash, length)
    var low = 0
    var high = known.count
    while low < high {
      let middle = (low + high) / 2
      if known[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low < known.count && known[low] == key
  }
}
