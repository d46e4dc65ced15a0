/// The words of a `.dic` file in a hash table. Each entry is a word (UTF-8, reversed under
/// COMPLEXPREFIXES), its flags and its morphological fields; entries with the same spelling
/// (homonyms) are chained in file order. Storage is flat: all words in one byte array, flags as
/// ranges of one shared flag pool (the `.dic` repeats a few hundred flag sets), morphological
/// descriptions as indices into a table of distinct strings.
struct WordTable: Sendable {
  /// The words, concatenated.
  private(set) var text: [UInt8] = []
  /// Where each entry's word starts in `text`; one more element than there are entries.
  private(set) var starts: [UInt32] = [0]
  private(set) var flagStarts: [UInt32] = []
  private(set) var flagCounts: [UInt16] = []
  /// Every distinct sorted flag set, concatenated.
  private(set) var flagPool: [AffixFlag] = []
  /// For each entry: 0 without morphological fields, else 1 + an index into `descriptions`.
  private(set) var descriptionNumbers: [UInt32] = []
  /// The distinct morphological descriptions (`po:patr is:epi is:inv`).
  private(set) var descriptions: [String] = []
  /// The next entry with the same word, or -1.
  private(set) var nextHomonym: [Int32] = []
  /// Open addressing on `StemHash`: each slot holds the first entry of a distinct word + 1 in its
  /// low `entryBits` bits and, above them, bits of the word's hash (to reject other words without
  /// reading them); 0 is an empty slot.
  private var slots: [UInt32] = Array(repeating: 0, count: 1024)
  private var entryBits: UInt32 = 17
  private var entryMask: UInt32 = (1 << 17) - 1
  private var slotShift: UInt64 = 54
  /// A Bloom filter over the words (three bits of one 64-bit word per word, about 16 bits per
  /// word; small enough to stay in cache), so that most stems that are no word cost no probe of
  /// the big table.
  private var filter: [UInt64] = Array(repeating: 0, count: 256)
  private var distinctWords = 0
  /// While the table is being built: each entry's hash, and whether it is a hidden copy.
  private var pendingHashes: [UInt64] = []
  private var pendingHidden: [Bool] = []
  /// REP rules made from the `ph:` fields (`Wednesday ph:wendsay`), in file order.
  var phoneticReplacements: [HunspellReplacement] = []

  /// The number of entries (hidden capitalised copies included).
  var count: Int { flagCounts.count }

  /// The number of distinct words.
  var distinctCount: Int { distinctWords }

  init(expectedCount: Int = 0, expectedBytes: Int = 0) {
    text.reserveCapacity(max(expectedCount * 10, expectedBytes))
    starts.reserveCapacity(expectedCount + 1)
    flagStarts.reserveCapacity(expectedCount)
    flagCounts.reserveCapacity(expectedCount)
    descriptionNumbers.reserveCapacity(expectedCount)
    pendingHashes.reserveCapacity(expectedCount)
    pendingHidden.reserveCapacity(expectedCount)
  }

  // MARK: - Reading

  /// The word of an entry.
  @inline(__always)
  func word(_ entry: Int32) -> ArraySlice<UInt8> {
    text[Int(starts[Int(entry)])..<Int(starts[Int(entry) + 1])]
  }

  /// The word of an entry, as a string.
  func string(_ entry: Int32) -> String {
    String(decoding: word(entry), as: UTF8.self)
  }

  /// The length in bytes of an entry's word.
  @inline(__always)
  func wordLength(_ entry: Int32) -> Int {
    Int(starts[Int(entry) + 1] - starts[Int(entry)])
  }

  /// The sorted flags of an entry.
  @inline(__always)
  func flags(_ entry: Int32) -> ArraySlice<AffixFlag> {
    let start = Int(flagStarts[Int(entry)])
    return flagPool[start..<start + Int(flagCounts[Int(entry)])]
  }

  /// Whether an entry has `flag` (never the null flag 0).
  @inline(__always)
  func has(_ entry: Int32, _ flag: AffixFlag) -> Bool {
    guard flag != 0 else { return false }
    let count = Int(flagCounts[Int(entry)])
    guard count > 0 else { return false }
    let start = Int(flagStarts[Int(entry)])
    if count < 8 {
      for index in start..<start + count where flagPool[index] == flag { return true }
      return false
    }
    var low = start
    var high = start + count
    while low < high {
      let middle = (low + high) / 2
      let value = flagPool[middle]
      if value == flag { return true }
      if value < flag { low = middle + 1 } else { high = middle }
    }
    return false
  }

  /// Whether an entry has any flag.
  @inline(__always)
  func hasFlags(_ entry: Int32) -> Bool { flagCounts[Int(entry)] > 0 }

  /// The morphological description of an entry, or nil.
  func description(_ entry: Int32) -> String? {
    let number = descriptionNumbers[Int(entry)]
    return number == 0 ? nil : descriptions[Int(number - 1)]
  }

  /// The filter word and bits for a hash.
  @inline(__always)
  private func filterBits(_ hash: UInt64) -> (word: Int, bits: UInt64) {
    let mixed = (hash ^ (hash >> 29)) &* 0x94D0_49BB_1331_11EB
    let word = Int(truncatingIfNeeded: mixed >> 40) & (filter.count - 1)
    let bits = (1 as UInt64) << (mixed & 63) | (1 as UInt64) << ((mixed >> 6) & 63) | (1 as UInt64) << ((mixed >> 12) & 63)
    return (word, bits)
  }

  /// Whether a word with this hash may be in the table (false: surely not).
  @inline(__always)
  func mayContain(_ hash: UInt64) -> Bool {
    let (word, bits) = filterBits(hash)
    return filter[word] & bits == bits
  }

  /// The bits of a hash kept in its slot, already in place above the entry.
  @inline(__always)
  private func tag(_ hash: UInt64) -> UInt32 {
    guard entryBits < 32 else { return 0 }
    return UInt32(truncatingIfNeeded: (hash ^ (hash >> 31)) >> (32 + UInt64(entryBits))) << entryBits
  }

  /// The slot where the search for `hash` starts.
  @inline(__always)
  private func home(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: (hash &* 0xBF58_476D_1CE4_E5B9) >> slotShift)
  }

  /// The first entry spelled `bytes[range]`, or -1.
  @inline(__always)
  func find(_ bytes: [UInt8], _ range: Range<Int>) -> Int32 {
    find(hash: StemHash.hash(bytes, range), bytes, range, [], 0..<0)
  }

  func find(_ bytes: [UInt8]) -> Int32 {
    find(bytes, 0..<bytes.count)
  }

  /// The first entry spelled `first[firstRange]` followed by `second[secondRange]`, whose
  /// `StemHash` is `hash`; -1 when there is none.
  @inline(__always)
  func find(hash: UInt64, _ first: [UInt8], _ firstRange: Range<Int>, _ second: [UInt8],
            _ secondRange: Range<Int>) -> Int32 {
    guard mayContain(hash) else { return -1 }
    let mask = slots.count - 1
    var slot = home(hash)
    let tag = self.tag(hash)
    let length = firstRange.count + secondRange.count
    while true {
      let stored = slots[slot]
      if stored == 0 { return -1 }
      if stored & ~entryMask == tag {
        let entry = Int(stored & entryMask) - 1
        let start = Int(starts[entry])
        if Int(starts[entry + 1]) - start == length
          && sameBytes(start, first, firstRange, second, secondRange)
        {
          return Int32(entry)
        }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Whether the word at `start` in `text` is `first[firstRange] + second[secondRange]` (its
  /// length already known to match).
  @inline(__always)
  private func sameBytes(_ start: Int, _ first: [UInt8], _ firstRange: Range<Int>, _ second: [UInt8],
                         _ secondRange: Range<Int>) -> Bool {
    text.withUnsafeBufferPointer { text in
      var position = start
      for index in firstRange {
        if text[position] != first[index] { return false }
        position += 1
      }
      for index in secondRange {
        if text[position] != second[index] { return false }
        position += 1
      }
      return true
    }
  }

  /// Every entry, in file order (hidden capitalised copies have the `onlyUppercase` flag).
  var entries: [Int32] {
    droppedEntries.isEmpty ? Array(0..<Int32(count)) : (0..<Int32(count)).filter { !droppedEntries[Int($0)] }
  }

  /// Whether an entry is in the table (not a repeat left out while building).
  @inline(__always)
  func isLive(_ entry: Int32) -> Bool {
    droppedEntries.isEmpty || !droppedEntries[Int(entry)]
  }

  /// Entries left out while building (repeats Hunspell ignores), by index; empty when there are none.
  private var droppedEntries: [Bool] = []

  // MARK: - Building

  /// Adds a flag set to the pool; returns its start.
  mutating func addFlagSet(_ flags: UnsafeBufferPointer<AffixFlag>) -> UInt32 {
    let start = UInt32(flagPool.count)
    flagPool.append(contentsOf: flags)
    return start
  }

  /// Adds a description to the table; returns its number (1-based).
  mutating func addDescription(_ description: String) -> UInt32 {
    descriptions.append(description)
    return UInt32(descriptions.count)
  }

  /// Adds an entry; `finish` then indexes the entries as Hunspell's `add_word` does: a homonym
  /// goes after the others; a hidden capitalised copy is dropped when the word exists, and replaced
  /// by the real entry when that comes later; a second flagless copy of a flagless word is dropped.
  mutating func add(_ word: UnsafeBufferPointer<UInt8>, flagStart: UInt32, flagCount: UInt16, description: UInt32,
                    hidden: Bool) {
    text.append(contentsOf: word)
    starts.append(UInt32(text.count))
    flagStarts.append(flagStart)
    flagCounts.append(flagCount)
    descriptionNumbers.append(description)
    pendingHashes.append(StemHash.hash(word))
    pendingHidden.append(hidden)
  }

  /// Builds the hash table once all entries are in. The entries are indexed in the order of their
  /// slots (the table's memory is then written front to back, which matters for a table larger than
  /// the processor's caches); entries of one word keep their file order, on which Hunspell's rules
  /// for homonyms depend.
  mutating func finish() {
    let count = pendingHashes.count
    // At most 70 % full: the Bloom filter turns most misses away, and the tags most collisions.
    var capacity = 1024
    var shift: UInt64 = 54
    while capacity * 7 < count * 10 + 16 {
      capacity *= 2
      shift -= 1
    }
    entryBits = UInt32(max(1, (count + 1).bitWidth - (count + 1).leadingZeroBitCount))
    entryMask = entryBits >= 32 ? .max : (1 << entryBits) - 1
    slots = Array(repeating: 0, count: capacity)
    slotShift = shift
    filter = Array(repeating: 0, count: max(256, capacity / 4))
    nextHomonym = Array(repeating: -1, count: count)

    // The entries by home slot: a stable counting sort on the home's top bits, moving the hashes
    // along so that the loop below reads them front to back.
    let bucketBits = min(12, capacity.trailingZeroBitCount)
    let bucketShift = capacity.trailingZeroBitCount - bucketBits
    var bucketStarts = [Int32](repeating: 0, count: (1 << bucketBits) + 1)
    for entry in 0..<count { bucketStarts[(home(pendingHashes[entry]) >> bucketShift) + 1] += 1 }
    for bucket in 0..<(1 << bucketBits) { bucketStarts[bucket + 1] += bucketStarts[bucket] }
    var order = [Int32](repeating: 0, count: count)
    var sortedHashes = [UInt64](repeating: 0, count: count)
    for entry in 0..<count {
      let hash = pendingHashes[entry]
      let bucket = home(hash) >> bucketShift
      let position = Int(bucketStarts[bucket])
      order[position] = Int32(entry)
      sortedHashes[position] = hash
      bucketStarts[bucket] += 1
    }
    pendingHashes = []

    var kept = [Bool](repeating: true, count: count)
    var distinct = 0
    var dropped = 0
    let mask = capacity - 1
    let words = text
    words.withUnsafeBufferPointer { text in
      for (position, item) in order.enumerated() {
        let entry = Int(item)
        let hash = sortedHashes[position]
        var slot = home(hash)
        var first = -1
        let tag = self.tag(hash)
        while true {
          let stored = slots[slot]
          if stored == 0 { break }
          if stored & ~entryMask == tag {
            let other = Int(stored & entryMask) - 1
            let otherStart = Int(starts[other])
            let start = Int(starts[entry])
            let length = Int(starts[entry + 1]) - start
            if Int(starts[other + 1]) - otherStart == length
              && ByteRuns.equal(text.baseAddress! + otherStart, text.baseAddress! + start, length)
            {
              first = other
              break
            }
          }
          slot = (slot + 1) & mask
        }
        if first < 0 {
          slots[slot] = tag | UInt32(entry + 1)
          distinct += 1
          let (word, bits) = filterBits(hash)
          filter[word] |= bits
          continue
        }
        if pendingHidden[entry] {
          kept[entry] = false
          dropped += 1
          continue
        }
        var last = first
        while nextHomonym[last] >= 0 { last = Int(nextHomonym[last]) }
        if has(Int32(last), ReservedFlag.onlyUppercase) {
          flagStarts[last] = flagStarts[entry]
          flagCounts[last] = flagCounts[entry]
          kept[entry] = false
          dropped += 1
        } else if flagCounts[last] == 0 && flagCounts[entry] == 0 {
          kept[entry] = false
          dropped += 1
        } else {
          nextHomonym[last] = Int32(entry)
        }
      }
    }
    // Dropped entries stay in the arrays, out of the hash table and of the homonym chains.
    if dropped > 0 { droppedEntries = kept.map { !$0 } }
    distinctWords = distinct
    pendingHidden = []
  }

  /// The bytes the table holds, roughly (for memory reports).
  var byteSize: Int {
    text.capacity + starts.capacity * 4 + flagStarts.capacity * 4 + flagCounts.capacity * 2
      + flagPool.capacity * 2 + descriptionNumbers.capacity * 4 + nextHomonym.capacity * 4 + slots.capacity * 4 + filter.capacity * 8
      + descriptions.reduce(0) { $0 + $1.utf8.count + 16 }
  }
}
