/// Finds how an unknown word splits into known words: `laguerre` → `la guerre`,
/// `laRussieentraîne` → `la Russie entraîne`, `Vladimirpoutine` → `Vladimir Poutine`.
struct GluedWordSplitter {
  let dictionary: SpellingDictionary
  let functionWords: Set<String>
  static let maximumParts = 4

  /// The parts, or nil when no split into known words exists. Fewer parts win; among splits with as
  /// many parts, the one freeing more function words, then the one with the longest shortest part.
  func split(_ word: String) -> [String]? {
    let characters = Array(word)
    let count = characters.count
    guard count >= 4 else { return nil }
    // best[i]: the best split of characters[0..<i].
    var best: [[String]?] = Array(repeating: nil, count: count + 1)
    best[0] = []
    for end in 1...count {
      for start in stride(from: end - 1, through: 0, by: -1) {
        guard let prefix = best[start], prefix.count < Self.maximumParts else { continue }
        let part = String(characters[start..<end])
        guard isAcceptablePart(part, isFirst: start == 0) else { continue }
        let candidate = prefix + [part]
        if best[end] == nil || isBetter(candidate, than: best[end]!) { best[end] = candidate }
      }
    }
    guard let parts = best[count], parts.count >= 2 else { return nil }
    return parts
  }

  private func isAcceptablePart(_ part: String, isFirst: Bool) -> Bool {
    let length = part.count
    if length == 1 {
      // Single letters only when they are words of their own (à, a, y, I).
      guard functionWords.contains(part.lowercased()) else { return false }
    }
    // Inside a glued word, a part keeps its case: `Russie` inside `laRussie` is a name.
    return dictionary.accepts(part)
  }

  private func isBetter(_ candidate: [String], than current: [String]) -> Bool {
    if candidate.count != current.count { return candidate.count < current.count }
    let freed = candidate.filter { functionWords.contains($0.lowercased()) }.count
    let currentFreed = current.filter { functionWords.contains($0.lowercased()) }.count
    if freed != currentFreed { return freed > currentFreed }
    return candidate.map(\.count).min()! > current.map(\.count).min()!
  }

  /// Whether the split is typical of glued words rather than of a misspelt single word: it follows
  /// the word's own capitals (`laRussie`), or it frees a function word at the start (`laguerre`,
  /// `ofthe`). A function word freed only at the end (`producton` → `product on`) is weaker: the
  /// caller prefers a single word one edit away when there is one.
  func strength(_ parts: [String], of word: String) -> Strength {
    if parts.dropFirst().contains(where: { $0.first?.isUppercase == true }) { return .strong }
    let isFunctionWord = { (part: String) in self.functionWords.contains(part.lowercased()) && part.count >= 2 }
    if parts.dropLast().contains(where: isFunctionWord) { return .strong }
    if let last = parts.last, isFunctionWord(last) { return .weak }
    // Content words only (`vas cul ariser`): two long parts at most.
    return parts.count == 2 && parts.allSatisfy { $0.count >= 4 } ? .weak : .none
  }

  /// How much a split looks like glued words.
  enum Strength {
    /// Glued words, whatever else the word could be.
    case strong
    /// Glued words unless a single word one edit away exists.
    case weak
    /// Not glued words.
    case none
  }
}
