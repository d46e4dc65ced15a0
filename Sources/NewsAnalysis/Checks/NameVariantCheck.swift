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

  /// The distinct names, as written.
  var nameTexts: Set<String> { Set(names.map { text.utf8Slice($0.range) }) }

  func findings() -> [Finding] {
    var occurrences: [String: [Range<Int>]] = [:]
    var known: Set<String> = []
    var firstSeen: [String: Int] = [:]
    for name in names {
      let word = text.utf8Slice(name.range)
      occurrences[word, default: []].append(name.range)
      if name.isKnown { known.insert(word) }
      if firstSeen[word] == nil { firstSeen[word] = name.range.lowerBound }
    }
    var weight = occurrences.mapValues(\.count)
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
    for (name, ranges) in occurrences where name.count >= Self.minimumLength && !known.contains(name) {
      let candidates = Set(Self.deletions(of: name).flatMap { neighbours[$0] ?? [] })
      let references = candidates.filter { other in
        guard other != name, editDistance(other, name) == 1 else { return false }
        let (otherWeight, ownWeight) = (weight[other, default: 0], ranges.count)
        // More often, or as often but first: the spelling the article set out with.
        return otherWeight > ownWeight
          || (otherWeight == ownWeight && firstSeen[other, default: .max] < firstSeen[name, default: .max])
      }
      guard let fix = references.max(by: { (weight[$0, default: 0], $1) < (weight[$1, default: 0], $0) }) else { continue }
      for range in ranges {
        findings.append(
          Finding(
            rule: Rule.nameVariant.rawValue, severity: Rule.nameVariant.defaultSeverity, range: range,
            message: "'\(name)' is written '\(fix)' elsewhere in the article.", replacements: [fix]))
      }
    }
    return findings
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
