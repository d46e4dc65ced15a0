/// Names written two ways in one article: an unknown name one letter away from another name of
/// the same article that is written more often, or first, or annotated, is taken for a misspelling
/// of it (`Tabarrot` after `Tabarot`, `Hwang` beside three `Huang`).
///
/// Article-wide: it runs over the names every block found (kept in the block cache), so an edit
/// does not re-check the blocks.
struct NameVariantCheck {
  let text: String
  /// Capitalised words inside sentences, in text order.
  let names: [NameOccurrence]
  /// Words of annotated names: the spelling the article vouches for.
  let annotatedWords: Set<String>

  static let minimumLength = 4

  /// One name as written, with where it occurs.
  private struct DistinctName {
    var text: String
    var ranges: [Range<Int>]
    var isKnown: Bool
  }

  /// The distinct names (in order of first appearance), grouped by their bytes: one string is made
  /// per distinct name, not per occurrence (a long article has tens of thousands of them).
  private func distinctNames() -> [DistinctName] {
    var distinct: [DistinctName] = []
    var byFingerprint: [Fingerprint: Int] = [:]
    var byText: [String: Int] = [:]  // names whose fingerprint another name already has
    text.withUTF8Bytes { bytes in
      for name in names {
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[name.range])
        let fingerprint = Fingerprint(nameBytes)
        var index = byFingerprint[fingerprint]
        if let found = index,
          !nameBytes.elementsEqual(UnsafeBufferPointer(rebasing: bytes[distinct[found].ranges[0]]))
        {
          index = byText[String(decoding: nameBytes, as: UTF8.self)]
          if index == nil {
            index = distinct.count
            byText[String(decoding: nameBytes, as: UTF8.self)] = distinct.count
            distinct.append(DistinctName(text: String(decoding: nameBytes, as: UTF8.self), ranges: [], isKnown: false))
          }
        } else if index == nil {
          index = distinct.count
          byFingerprint[fingerprint] = distinct.count
          distinct.append(DistinctName(text: String(decoding: nameBytes, as: UTF8.self), ranges: [], isKnown: false))
        }
        distinct[index!].ranges.append(name.range)
        if name.isKnown { distinct[index!].isKnown = true }
      }
    }
    return distinct
  }

  /// The distinct names as written, and the findings: every occurrence of each name variant.
  func run() -> (nameTexts: Set<String>, findings: [Finding]) {
    let distinct = distinctNames()
    var weight: [String: Int] = [:]
    var firstSeen: [String: Int] = [:]
    for name in distinct {
      weight[name.text] = name.ranges.count
      firstSeen[name.text] = name.ranges[0].lowerBound
    }
    for word in annotatedWords where word.first?.isUppercase == true {
      weight[word, default: 0] += 1_000
      firstSeen[word] = firstSeen[word] ?? -1
    }
    // Every name under each of its one-letter deletions: two names one edit apart share one.
    var neighbours: [String: [String]] = [:]
    for name in weight.keys where name.count >= Self.minimumLength {
      for key in Self.deletions(of: name) { neighbours[key, default: []].append(name) }
    }
    var findings: [Finding] = []
    for entry in distinct where entry.text.count >= Self.minimumLength && !entry.isKnown {
      let name = entry.text
      let candidates = Set(Self.deletions(of: name).flatMap { neighbours[$0] ?? [] })
      let references = candidates.filter { other in
        guard other != name, editDistance(other, name) == 1 else { return false }
        let (otherWeight, ownWeight) = (weight[other, default: 0], entry.ranges.count)
        // More often, or as often but first: the spelling the article set out with.
        return otherWeight > ownWeight
          || (otherWeight == ownWeight && firstSeen[other, default: .max] < firstSeen[name, default: .max])
      }
      guard let fix = references.max(by: { (weight[$0, default: 0], $1) < (weight[$1, default: 0], $0) }) else { continue }
      for range in entry.ranges {
        findings.append(
          Finding(
            rule: Rule.nameVariant.rawValue, severity: Rule.nameVariant.defaultSeverity, range: range,
            message: "'\(name)' is written '\(fix)' elsewhere in the article.", replacements: [fix]))
      }
    }
    return (Set(distinct.map(\.text)), findings)
  }

  /// The word itself and the word without each one of its characters.
  static func deletions(of word: String) -> [String] {
    let characters = Array(word)
    var result = [word]
    for index in characters.indices {
      var copy = characters
      copy.remove(at: index)
      result.append(String(copy))
    }
    return result
  }
}
