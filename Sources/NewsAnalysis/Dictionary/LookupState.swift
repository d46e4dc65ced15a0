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
struct SpellCheckInfo: OptionSet, Sendable {
  let rawValue: Int
  static let compound = SpellCheckInfo(rawValue: 1 << 0)
  static let forbidden = SpellCheckInfo(rawValue: 1 << 1)
  static let initialCapital = SpellCheckInfo(rawValue: 1 << 4)
  static let originalCapitals = SpellCheckInfo(rawValue: 1 << 5)
  static let warn = SpellCheckInfo(rawValue: 1 << 6)
  /// Only two-word compounds for now.
  static let compoundOfTwo = SpellCheckInfo(rawValue: 1 << 7)
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
  var suffixFlag: AffixFlag = 0
  /// The last suffix matched without continuation flags (Hungarian syllable counting).
  var suffixAppend: Int32 = -1
  /// Hungarian syllable correction of the last suffix.
  var suffixExtra = 0
  /// The dictionary entries of the parts of a compound checked by COMPOUNDRULE (made when needed).
  var ruleWords: [Int32] = []
  /// When the current compound search started, and whether it ran out of time.
  var compoundStart: ContinuousClock.Instant? = nil
  var compoundTimedOut = false
  var clockCountdown = 0
  /// Byte buffers for stems and prefix-hash buffers, reused from one candidate to the next.
  private var buffers: [[UInt8]] = []
  private var hashBuffers: [[UInt64]] = []
  /// The words being checked by the BREAK recursion (to stop loops), and how deep it is.
  var candidateStack: [[UInt8]] = []
  var breakDepth = 0
  /// Whether the check is made for suggestions (NOSUGGEST words do not count).
  var forSuggestion = false

  /// Stems already looked up during this check (the same stems come back for each way of reading
  /// the word): a small direct-mapped cache from a stem's hash and length to its first entry, made
  /// on first use.
  private var stemCache: [StemCacheSlot] = []

  /// One slot of the stem cache: a stem's hash and length, and its first entry + 2 (0: an empty
  /// slot, 1: no such word).
  private struct StemCacheSlot {
    var hash: UInt64 = 0
    var length: Int32 = 0
    var entry: Int32 = 0
  }

  /// The cached first entry of a stem (-1: not a word), or nil when it is not cached.
  @inline(__always)
  func cachedStem(_ hash: UInt64, length: Int) -> Int32? {
    guard !stemCache.isEmpty else { return nil }
    let cached = stemCache[Int(truncatingIfNeeded: hash >> 58)]
    guard cached.entry != 0, cached.hash == hash, cached.length == Int32(length) else { return nil }
    return cached.entry - 2
  }

  @inline(__always)
  mutating func cacheStem(_ hash: UInt64, length: Int, entry: Int32) {
    if stemCache.isEmpty { stemCache = Array(repeating: StemCacheSlot(), count: 64) }
    stemCache[Int(truncatingIfNeeded: hash >> 58)] = StemCacheSlot(hash: hash, length: Int32(length), entry: entry + 2)
  }

  /// An empty buffer (with room from earlier use); hand it back with `recycle`.
  @inline(__always)
  mutating func buffer() -> [UInt8] {
    guard var buffer = buffers.popLast() else {
      var fresh: [UInt8] = []
      fresh.reserveCapacity(64)
      return fresh
    }
    buffer.removeAll(keepingCapacity: true)
    return buffer
  }

  @inline(__always)
  mutating func recycle(_ buffer: consuming [UInt8]) {
    buffers.append(buffer)
  }

  /// The prefix hashes of `bytes[range]` (see `StemHash.prefixes`); hand them back with `recycle`.
  @inline(__always)
  mutating func prefixHashes(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt64] {
    var hashes = hashBuffers.popLast() ?? []
    StemHash.prefixes(bytes, range, into: &hashes)
    return hashes
  }

  @inline(__always)
  mutating func recycle(_ hashes: consuming [UInt64]) {
    hashBuffers.append(hashes)
  }
}

/// An analysis found by an affix lookup: the dictionary entry and the affixes used (-1: none).
struct AffixMatch: Sendable, Equatable {
  var entry: Int32
  var prefix: Int32 = -1
  var suffix: Int32 = -1
}
