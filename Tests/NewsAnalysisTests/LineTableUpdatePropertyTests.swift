import NewsAnalysis
import TestSupport
import Testing

/// `LineTable.update` after any edit equals a table built from scratch on the new text: thousands of
/// seeded random edits that insert and delete line breaks of every kind, halves of `\r\n`, accents,
/// emoji and CJK. Set `DATELINE_SEED` to replay a failure.
@Suite struct LineTableUpdatePropertyTests {
  static let alphabet = ["\r", "\n", "\r\n", "a", "Z", " ", "é", "e\u{0301}", "\u{0301}", "🔵", "中", "«\u{202F}", "\u{00A0}", "\n\r"]

  /// Offsets in `bytes` that start a scalar (and the end).
  static func boundaries(_ bytes: [UInt8]) -> [Int] {
    var result: [Int] = []
    for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { result.append(index) }
    result.append(bytes.count)
    return result
  }

  static func randomText(_ random: inout SplitMix64, pieces: Int) -> String {
    (0..<pieces).map { _ in random.pick(alphabet) }.joined()
  }

  /// Runs `edits` random edits from `seed`; returns a description of the first failure, if any.
  static func run(seed: UInt64, edits: Int) -> String? {
    var random = SplitMix64(seed: seed)
    var bytes = Array(randomText(&random, pieces: random.below(40)).utf8)
    var table = LineTable(utf8: bytes)
    for step in 0..<edits {
      let before = bytes
      let places = boundaries(bytes)
      var lower = random.pick(places)
      var upper: Int
      switch random.below(10) {
      case 0..<4: upper = lower  // a pure insertion
      case 4..<8: upper = places[min(places.count - 1, places.firstIndex(of: lower)! + 1 + random.below(3))]
      default: upper = random.pick(places)
      }
      if upper < lower { swap(&lower, &upper) }
      // Keep the text short enough to be interesting: delete more than is inserted once it is long.
      let inserted = Array(randomText(&random, pieces: bytes.count > 300 ? random.below(2) : random.below(5)).utf8)
      bytes.replaceSubrange(lower..<upper, with: inserted)
      bytes.withUnsafeBufferPointer { table.update(replacing: lower..<upper, insertedCount: inserted.count, newText: $0) }
      let expected = LineTable(utf8: bytes)
      if table != expected {
        return """
          seed \(seed), step \(step): replacing \(lower)..<\(upper) of \
          "\(visible(String(decoding: before, as: UTF8.self)))" by "\(visible(String(decoding: inserted, as: UTF8.self)))"
          got starts \(table.lineStarts) (\(table.byteCount) bytes), expected \(expected.lineStarts) (\(expected.byteCount) bytes)
          """
      }
    }
    return nil
  }

  @Test func incrementalUpdatesEqualARebuiltTable() {
    let base = SplitMix64.seed(fromEnvironment: "DATELINE_SEED", default: 0x00DA_7E11_E5EE_D001)
    for round in 0..<4 {
      let seed = base &+ UInt64(round)
      if let failure = Self.run(seed: seed, edits: 2500) {
        Issue.record("\(failure)")
        return
      }
    }
  }

  @Test func editsAtTheEdgesOfCRLFPairs() {
    // The cases the random test finds first when the rescan window is too small, spelled out.
    let cases: [(String, Range<Int>, String)] = [
      ("a\r", 2..<2, "\n"),  // a \r gains its \n
      ("a\rb", 2..<2, "\n"),
      ("a\nb", 1..<1, "\r"),  // a \n gains its \r
      ("a\r\nb", 1..<2, ""),  // the \r of a pair deleted
      ("a\r\nb", 2..<3, ""),  // the \n of a pair deleted
      ("a\r\nb", 2..<2, "x"),  // a pair split
      ("a\rx\nb", 2..<3, ""),  // a pair joined
      ("\r\r\r", 1..<2, "\n"),
      ("x\n\r\n\ry", 0..<6, ""),
      ("\r\n", 0..<0, "\r"),
      ("\r\n", 2..<2, "\n"),
    ]
    for (text, range, insertion) in cases {
      var bytes = Array(text.utf8)
      var table = LineTable(utf8: bytes)
      bytes.replaceSubrange(range, with: Array(insertion.utf8))
      bytes.withUnsafeBufferPointer { table.update(replacing: range, insertedCount: insertion.utf8.count, newText: $0) }
      #expect(table == LineTable(utf8: bytes), "\(visible(text)) \(range) -> \(visible(insertion))")
    }
  }
}
