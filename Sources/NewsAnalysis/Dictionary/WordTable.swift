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
  private(set) var flagPool: [Flag] = []
  /// For each entry: 0 without morphological fields, else 1 + an index into `descriptions`.
  private(set) var descriptionNumbers: [UInt32] = []
  /// The distinct morphological descriptions (`po:patr is:epi is:inv`).
  private(set) var descriptions: [String] = []
  /// The next entry with the same word, or -1.
  private(set) var nextHomonym: [Int32] = []
  /// Open addressing on `StemHash`: each slot holds the first entry of a distinct word + 1 in its
  /// low 32 bits and the high half of the word's hash (to reject other words without reading
  /// them); 0 is an empty slot.
  private var slots: [UInt64] = Array(repeating: 0, count: 1024)
  private var slotShift: UInt64 = 54
  /// A Bloom filter over the words (three bits of one 64-bit word per word, about 16 bits per
  /// word; small enough to stay in cache), so that most stems that are no word cost no probe of
  /// the big table.
  private var filter: [UInt64] = Array(repeating: 0, count: 256)
  private var distinctWords = 0
  /// REP rules made from the `ph:` fields (`Wednesday ph:wendsay`), in file order.
  var phoneticReplacements: [ReplacementRule] = []

  /// The number of entries (hidden capitalised copies included).
  var count: Int { nextHomonym.count }

  /// The number of distinct words.
  var distinctCount: Int { distinctWords }

  init(expectedCount: Int = 0) {
    var capacity = 1024
    var shift: UInt64 = 54
    while capacity < expectedCount * 2 + 16 {
      capacity *= 2
      shift -= 1
    }
    slots = Array(repeating: 0, count: capacity)
    slotShift = shift
    filter = Array(repeating: 0, count: max(256, capacity / 8))
    text.reserveCapacity(expectedCount * 10)
    starts.reserveCapacity(expectedCount + 1)
    flagStarts.reserveCapacity(expectedCount)
    flagCounts.reserveCapacity(expectedCount)
    descriptionNumbers.reserveCapacity(expectedCount)
    nextHomonym.reserveCapacity(expectedCount)
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
  func flags(_ entry: Int32) -> ArraySlice<Flag> {
    let start = Int(flagStarts[Int(entry)])
    return flagPool[start..<start + Int(flagCounts[Int(entry)])]
  }

  /// Whether an entry has `flag` (never the null flag 0).
  @inline(__always)
  func has(_ entry: Int32, _ flag: Flag) -> Bool {
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
    let tag = hash >> 32
    let length = firstRange.count + secondRange.count
    while true {
      let stored = slots[slot]
      if stored == 0 { return -1 }
      if stored >> 32 == tag {
        let entry = Int(stored & 0xFFFF_FFFF) - 1
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
  var entries: Range<Int32> { 0..<Int32(count) }

  // MARK: - Building

  /// Adds a flag set to the pool; returns its start.
  mutating func addFlagSet(_ flags: UnsafeBufferPointer<Flag>) -> UInt32 {
    let start = UInt32(flagPool.count)
    flagPool.append(contentsOf: flags)
    return start
  }

  /// Adds a description to the table; returns its number (1-based).
  mutating func addDescription(_ description: String) -> UInt32 {
    descriptions.append(description)
    return UInt32(descriptions.count)
  }

  /// Adds an entry as Hunspell's `add_word` does: a homonym goes after the others; a hidden
  /// capitalised copy is dropped when the word exists, and replaced by the real entry when that
  /// comes later; a second flagless copy of a flagless word is dropped.
  mutating func add(_ word: UnsafeBufferPointer<UInt8>, flagStart: UInt32, flagCount: UInt16, description: UInt32,
                    hidden: Bool) {
    let hash = StemHash.hash(word)
    let mask = slots.count - 1
    var slot = home(hash)
    var first: Int32 = -1
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      if stored >> 32 == hash >> 32 {
        let entry = Int(stored & 0xFFFF_FFFF) - 1
        let start = Int(starts[entry])
        let length = Int(starts[entry + 1]) - start
        if length == word.count && text.withUnsafeBufferPointer({ memoryEqual($0.baseAddress! + start, word.baseAddress, length) }) {
          first = Int32(entry)
          break
        }
      }
      slot = (slot + 1) & mask
    }
    let newEntry = Int32(count)
    if first >= 0 {
      guard !hidden else { return }
      var last = first
      while nextHomonym[Int(last)] >= 0 { last = nextHomonym[Int(last)] }
      if has(last, ReservedFlag.onlyUppercase) {
        flagStarts[Int(last)] = flagStart
        flagCounts[Int(last)] = flagCount
        return
      }
      if flagCounts[Int(last)] == 0 && flagCount == 0 { return }
      nextHomonym[Int(last)] = newEntry
    } else {
      slots[slot] = (hash >> 32) << 32 | UInt64(newEntry + 1)
      distinctWords += 1
      let (word, bits) = filterBits(hash)
      filter[word] |= bits
    }
    text.append(contentsOf: word)
    starts.append(UInt32(text.count))
    flagStarts.append(flagStart)
    flagCounts.append(flagCount)
    descriptionNumbers.append(description)
    nextHomonym.append(-1)
    if distinctWords * 2 > slots.count { grow() }
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    slotShift -= 1
    filter = Array(repeating: 0, count: max(256, slots.count / 8))
    let mask = slots.count - 1
    var isHomonym = Array(repeating: false, count: count)
    for entry in 0..<count where nextHomonym[entry] >= 0 { isHomonym[Int(nextHomonym[entry])] = true }
    // Only first homonyms are in the table.
    for entry in 0..<count where !isHomonym[entry] {
      let hash = StemHash.hash(text, Int(starts[entry])..<Int(starts[entry + 1]))
      var slot = home(hash)
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
      let (word, bits) = filterBits(hash)
      filter[word] |= bits
    }
  }

  /// Shrinks the arrays to their contents once loading is over.
  mutating func finish() {
    text = Array(text)
  }

  /// The bytes the table holds, roughly (for memory reports).
  var byteSize: Int {
    text.capacity + starts.capacity * 4 + flagStarts.capacity * 4 + flagCounts.capacity * 2
      + flagPool.capacity * 2 + descriptionNumbers.capacity * 4 + nextHomonym.capacity * 4 + slots.capacity * 8 + filter.capacity * 8
      + descriptions.reduce(0) { $0 + $1.utf8.count + 16 }
  }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
  guard let b else { return count == 0 }
  for index in 0..<count where a[index] != b[index] { return false }
  return true
}
