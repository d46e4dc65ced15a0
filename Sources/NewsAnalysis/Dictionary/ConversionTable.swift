/// An ICONV or OCONV table: substitutions applied to a word before it is checked (ICONV, to
/// normalise apostrophes, ligatures, decomposed accents) or to the words shown back (OCONV).
/// At each position the longest pattern that applies wins; `_` at the start or end of a pattern
/// anchors it to the start or end of the word.
struct ConversionTable: Sendable {
  /// One distinct pattern and what replaces it anywhere, at the start, at the end, or as the
  /// whole word (an empty replacement means "not in that place").
  struct Entry: Sendable {
    let pattern: [UInt8]
    /// Indexed by anchoring: 0 anywhere, 1 at the start, 2 at the end, 3 the whole word.
    var replacements: [[UInt8]]
  }

  /// The patterns, sorted by their bytes.
  private(set) var entries: [Entry] = []
  /// The entries, by first byte and longest pattern first: `byFirstByte[firstStarts[b]..<firstStarts[b + 1]]`.
  private var byFirstByte: [Int32] = []
  private var firstStarts: [Int32] = Array(repeating: 0, count: 257)
  /// The patterns' bytes, concatenated, and where each starts (one more element than entries), so
  /// that matching copies nothing.
  private var patternBytes: [UInt8] = []
  private var patternStarts: [Int32] = [0]

  init() {}

  var isEmpty: Bool { entries.isEmpty }

  /// The table's lines as written (pattern with its `_` anchors, replacement), for people and for
  /// the suggestion engine.
  var pairs: [(pattern: String, replacement: String)] {
    var result: [(String, String)] = []
    for entry in entries {
      for (anchoring, replacement) in entry.replacements.enumerated() where !replacement.isEmpty {
        let start = anchoring == 1 || anchoring == 3 ? "_" : ""
        let end = anchoring == 2 || anchoring == 3 ? "_" : ""
        result.append((start + String(decoding: entry.pattern, as: UTF8.self) + end,
                       String(decoding: replacement, as: UTF8.self)))
      }
    }
    return result
  }

  /// Adds one line of the table (UTF-8 pattern and replacement as written, `_` anchors and `_`
  /// for spaces inside).
  mutating func add(pattern written: [UInt8], replacement written2: [UInt8]) {
    guard !written.isEmpty, !written2.isEmpty else { return }
    var pattern = written
    var anchoring = 0
    if pattern.first == UInt8(ascii: "_") {
      pattern.removeFirst()
      anchoring = 1
    }
    if pattern.last == UInt8(ascii: "_") {
      pattern.removeLast()
      anchoring += 2
    }
    pattern = pattern.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
    let replacement = written2.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
    if let index = entries.lastIndex(where: { $0.pattern == pattern }) {
      entries[index].replacements[anchoring] = replacement
    } else {
      var replacements: [[UInt8]] = [[], [], [], []]
      replacements[anchoring] = replacement
      entries.append(Entry(pattern: pattern, replacements: replacements))
    }
  }

  /// Indexes the patterns once the table is read (before any `convert`).
  mutating func finish() {
    entries.sort { $0.pattern.lexicographicallyPrecedes($1.pattern) }
    rebuildIndex()
  }

  private mutating func rebuildIndex() {
    var buckets: [[Int32]] = Array(repeating: [], count: 256)
    for (index, entry) in entries.enumerated() {
      guard let first = entry.pattern.first else { continue }
      buckets[Int(first)].append(Int32(index))
    }
    byFirstByte = []
    for byte in 0..<256 {
      firstStarts[byte] = Int32(byFirstByte.count)
      byFirstByte += buckets[byte].sorted { entries[Int($0)].pattern.count > entries[Int($1)].pattern.count }
    }
    firstStarts[256] = Int32(byFirstByte.count)
    patternBytes = entries.flatMap(\.pattern)
    patternStarts = [0]
    for entry in entries { patternStarts.append(patternStarts.last! + Int32(entry.pattern.count)) }
  }

  /// `word` converted, or nil when no pattern applies.
  func convert(_ word: [UInt8]) -> [UInt8]? {
    guard !entries.isEmpty else { return nil }
    var output: [UInt8] = []
    var changed = false
    var index = 0
    let count = word.count
    while index < count {
      let first = Int(word[index])
      var applied = false
      for slot in Int(firstStarts[first])..<Int(firstStarts[first + 1]) {
        let number = Int(byFirstByte[slot])
        let patternStart = Int(patternStarts[number])
        let length = Int(patternStarts[number + 1]) - patternStart
        guard index + length <= count else { continue }
        var matches = true
        for offset in 1..<max(length, 1) where word[index + offset] != patternBytes[patternStart + offset] {
          matches = false
          break
        }
        guard matches else { continue }
        let replacement = Self.replacement(entries[number], atStart: index == 0, atEnd: index + length == count)
        guard !replacement.isEmpty else { continue }
        if !changed {
          output.reserveCapacity(count + 8)
          output.append(contentsOf: word[0..<index])
          changed = true
        }
        output.append(contentsOf: replacement)
        index += length
        applied = true
        break
      }
      if !applied {
        if changed { output.append(word[index]) }
        index += 1
      }
    }
    return changed ? output : nil
  }

  /// What replaces `entry` at a place: the most specific anchoring that has a replacement, as
  /// Hunspell picks it.
  private static func replacement(_ entry: Entry, atStart: Bool, atEnd: Bool) -> [UInt8] {
    var anchoring = atStart ? 1 : 0
    if atEnd { anchoring = atStart ? 3 : 2 }
    while anchoring != 0 && entry.replacements[anchoring].isEmpty {
      anchoring = anchoring == 2 && !atStart ? 0 : anchoring - 1
    }
    return entry.replacements[anchoring]
  }
}

/// One REP line: a common misspelling and its correction, for suggestions (and for
/// CHECKCOMPOUNDREP). `^` and `$` anchor the pattern; `_` stands for a space.
struct HunspellReplacement: Sendable, Equatable {
  let pattern: String
  let replacement: String
  let atWordStart: Bool
  let atWordEnd: Bool
}
