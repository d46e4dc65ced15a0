/// Dateline's re-ranking of Hunspell's suggestions, for journalists. Two small rules, each moving
/// suggestions without adding any kind Hunspell would not make:
///
/// 1. The word with its accents or its capital restored comes first: for a lower-case misspelling,
///    a suggestion that differs from it only in case (`toulouse` → `Toulouse`), then, for a
///    misspelling in lower case or capitalised, one that differs only by characters of the same MAP
///    group (`trés` → `très`, `prefecture` → `préfecture`). Hunspell
///    stops at a REP suggestion before trying MAP (`trés` gave only `trais`); Dateline then looks
///    for such words too (the limited MAP search, at most 300 checks).
/// 2. A letter left out before a letter too many: when a suggestion that inserts one letter
///    (`gouvernemnt` → `gouvernement`) comes after one that drops one of the typed letters
///    (`gouvernent`), it moves up before it. Both are one keystroke away; Dateline prefers keeping
///    every letter the writer typed.
extension HunspellSuggester {
  /// `suggestions` (Hunspell's, for `word`) re-ranked; `mapSkipped`: Hunspell's search stopped
  /// before its MAP edits.
  func ranked(_ suggestions: [[UInt8]], for word: [UInt8], mapSkipped: Bool, _ session: inout SuggestionSession)
    -> [[UInt8]]
  {
    let casing = engine.casing
    // A word typed in capitals, or with capitals inside, is left in Hunspell's order (its case
    // rules already chose; headlines in capitals keep Hunspell's capital forms first).
    let capitalization = casing.capitalization(of: word)
    guard capitalization == .lower || capitalization == .initial else { return suggestions }
    let folded = foldedCharacters(word)
    let lowered = DictionaryUTF8.scalars(word, 0..<word.count).map { casing.lower($0) }
    var caseVariants: [[UInt8]] = []
    var accentVariants: [[UInt8]] = []
    var rest: [[UInt8]] = []
    for suggestion in suggestions {
      let characters = DictionaryUTF8.scalars(suggestion, 0..<suggestion.count)
      if capitalization == .lower && characters.map({ casing.lower($0) }) == lowered {
        caseVariants.append(suggestion)
      } else if foldedCharacters(suggestion) == folded {
        accentVariants.append(suggestion)
      } else {
        rest.append(suggestion)
      }
    }
    if mapSkipped && caseVariants.isEmpty && accentVariants.isEmpty {
      accentVariants = relatedWords(word, &session)
    }
    rest = lettersLeftOutFirst(rest, lowered)
    var result = Self.withoutRepeats(caseVariants + accentVariants + rest)
    if result.count > maximumSuggestions { result.removeSubrange(maximumSuggestions...) }
    return result
  }

  /// The characters of `word` in lower case, each replaced by the first character of its MAP
  /// group (groups of single characters only).
  func foldedCharacters(_ word: [UInt8]) -> [UInt32] {
    let casing = engine.casing
    return DictionaryUTF8.scalars(word, 0..<word.count).map { scalar in
      let lower = casing.lower(scalar)
      return mapRepresentatives[lower] ?? lower
    }
  }

  /// For each character of a MAP group of single characters (in lower case), the group's first.
  static func mapRepresentatives(_ groups: [[[UInt8]]], casing: HunspellCaseMapping) -> [UInt32: UInt32] {
    var result: [UInt32: UInt32] = [:]
    for group in groups {
      let singles = group.compactMap { member -> UInt32? in
        let scalars = DictionaryUTF8.scalars(member, 0..<member.count)
        return scalars.count == 1 ? casing.lower(scalars[0]) : nil
      }
      guard let first = singles.first else { continue }
      for scalar in singles where result[scalar] == nil { result[scalar] = first }
    }
    return result
  }

  /// The dictionary words that differ from `word` only by related characters (the limited MAP
  /// search on the word, in lower case for a capitalised or all-caps word, given back its case).
  func relatedWords(_ word: [UInt8], _ session: inout SuggestionSession) -> [[UInt8]] {
    guard !mapGroups.isEmpty else { return [] }
    let casing = engine.casing
    var input = word
    if let converted = engine.rules.inputConversion.convert(word) { input = converted }
    let (scw, _) = engine.cleaned(input)
    guard scw.count >= 2 else { return [] }
    let capitalization = casing.capitalization(of: scw)
    guard capitalization == .lower || capitalization == .initial || capitalization == .all else { return [] }
    let form = capitalization == .lower ? scw : casing.lowercased(scw)
    var found: [[UInt8]] = []
    session.startPhase()
    boundedMapEdits(&found, form, 0, &session)
    return found.compactMap { candidate in
      var cased = candidate
      if capitalization == .initial { cased = casing.capitalized(candidate) }
      if capitalization == .all { cased = casing.uppercased(candidate) }
      guard spell(cased, &session) else { return nil }
      return engine.rules.outputConversion.convert(cased) ?? cased
    }
  }

  /// `list` with each suggestion that adds one letter to the misspelling moved up before the first
  /// suggestion that drops one of its letters (not one of two same letters in a row, a key struck
  /// twice: `avvons` → `avons`), when it came after it.
  func lettersLeftOutFirst(_ list: [[UInt8]], _ word: [UInt32]) -> [[UInt8]] {
    let casing = engine.casing
    func characters(_ bytes: [UInt8]) -> [UInt32] {
      DictionaryUTF8.scalars(bytes, 0..<bytes.count).map { casing.lower($0) }
    }
    func isLetter(_ scalar: UInt32) -> Bool { casing.upper(scalar) != casing.lower(scalar) }
    guard let firstDrop = list.firstIndex(where: {
      guard let dropped = Self.droppedPosition(characters($0), word) else { return false }
      let letter = word[dropped]
      return isLetter(letter) && !(dropped > 0 && word[dropped - 1] == letter)
        && !(dropped + 1 < word.count && word[dropped + 1] == letter)
    }) else { return list }
    let moved = list[(firstDrop + 1)...].filter { suggestion in
      let longer = characters(suggestion)
      guard let added = Self.droppedPosition(word, longer) else { return false }
      return isLetter(longer[added])
    }
    guard !moved.isEmpty else { return list }
    var result = Array(list[..<firstDrop]) + moved
    for suggestion in list[firstDrop...] where !moved.contains(suggestion) { result.append(suggestion) }
    return result
  }

  /// Where `longer` has a character that `shorter` lacks (the first such place), when `shorter`
  /// is `longer` without one character; nil otherwise.
  static func droppedPosition(_ shorter: [UInt32], _ longer: [UInt32]) -> Int? {
    guard shorter.count + 1 == longer.count else { return nil }
    var index = 0
    while index < shorter.count && shorter[index] == longer[index] { index += 1 }
    return shorter[index...].elementsEqual(longer[(index + 1)...]) ? index : nil
  }
}
