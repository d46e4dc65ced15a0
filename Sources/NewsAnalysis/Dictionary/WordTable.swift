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
  /// Open addressing: the first entry of each distinct word, or -1.
  private var slots: [Int32] = Array(repeating: -1, count: 1024)
  private var distinctWords = 0
  /// REP rules made from the `ph:` fields (`Wednesday ph:wendsay`), in file order.
  var phoneticReplacements: [ReplacementRule] = []

  /// The number of entries (hidden capitalised copies included).
  var count: Int { nextHomonym.count }

  /// The number of distinct words.
  var distinctCount: Int { distinctWords }

  init(expectedCount: Int = 0) {
    var capacity = 1024
    while capacity < expectedCount * 2 + 16 { capacity *= 2 }
    slots = Array(repeating: -1, count: capacity)
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

  /// The first entry spelled `bytes[range]`, or -1.
  @inline(__always)
  func find(_ bytes: [UInt8], _ range: Range<Int>) -> Int32 {
    bytes.withUnsafeBufferPointer { buffer in
      find(UnsafeBufferPointer(rebasing: buffer[range]))
    }
  }

  func find(_ bytes: [UInt8]) -> Int32 {
    find(bytes, 0..<bytes.count)
  }

  /// The first entry spelled like `key`, or -1.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let mask = slots.count - 1
    var slot = Int(byteHash(key)) & mask
    return text.withUnsafeBufferPointer { text in
      slots.withUnsafeBufferPointer { slots in
        starts.withUnsafeBufferPointer { starts in
          while true {
            let entry = slots[slot]
            if entry < 0 { return -1 }
            let start = Int(starts[Int(entry)])
            let length = Int(starts[Int(entry) + 1]) - start
            if length == key.count {
              var equal = true
              var index = 0
              while index < length {
                if text[start + index] != key[index] {
                  equal = false
                  break
                }
                index += 1
              }
              if equal { return entry }
            }
            slot = (slot + 1) & mask
          }
        }
      }
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
    let mask = slots.count - 1
    var slot = Int(byteHash(word)) & mask
    var first: Int32 = -1
    while true {
      let entry = slots[slot]
      if entry < 0 { break }
      let start = Int(starts[Int(entry)])
      let length = Int(starts[Int(entry) + 1]) - start
      if length == word.count && text[start..<start + length].elementsEqual(word) {
        first = entry
        break
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
      slots[slot] = newEntry
      distinctWords += 1
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
    slots = Array(repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for entry in 0..<Int32(count) {
      let start = Int(starts[Int(entry)])
      let end = Int(starts[Int(entry) + 1])
      // Only first homonyms are in the table: skip an entry whose word is already there.
      var slot = byteHash(text, start..<end).hashSlot(mask)
      var present = false
      while slots[slot] >= 0 {
        let other = slots[slot]
        if word(other).elementsEqual(text[start..<end]) {
          present = true
          break
        }
        slot = (slot + 1) & mask
      }
      if !present { slots[slot] = entry }
    }
  }

  /// Shrinks the arrays to their contents once loading is over.
  mutating func finish() {
    text = Array(text)
  }

  /// The bytes the table holds, roughly (for memory reports).
  var byteSize: Int {
    text.capacity + starts.capacity * 4 + flagStarts.capacity * 4 + flagCounts.capacity * 2
      + flagPool.capacity * 2 + descriptionNumbers.capacity * 4 + nextHomonym.capacity * 4 + slots.capacity * 4
      + descriptions.reduce(0) { $0 + $1.utf8.count + 16 }
  }
}

extension UInt32 {
  @inline(__always)
  fileprivate func hashSlot(_ mask: Int) -> Int { Int(self) & mask }
}
