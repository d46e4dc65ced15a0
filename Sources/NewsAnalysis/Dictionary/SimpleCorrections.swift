/// The "simple edits" of Hunspell's suggestion engine, as far as checking needs them: a compound of
/// three or more parts is refused when one simple edit (REP, MAP, case, swapped, moved, missing,
/// extra or wrong characters from TRY and KEY, a missing space) turns it into a dictionary word
/// ("foobarbaz" is a typo of "goobarbaz"). `suggestionCheck` is Hunspell's test of a candidate
/// suggestion, for the suggestion engine to build on.
extension SpellEngine {
  /// The default KEY (a QWERTY keyboard).
  static let defaultKeyboard = "qwertyuiop|asdfghjkl|zxcvbnm"
  /// How far `longswap` and `move` edits reach.
  static let maximumCharacterDistance = 4

  /// Hunspell's `SuggestMgr::checkword` without compounding: 0 when `word` is no acceptable
  /// suggestion (unknown, forbidden, NOSUGGEST, SUBSTANDARD, only in compounds), 1 when it is,
  /// 2 (3 without a suffix) when it also carries COMPOUNDFLAG.
  func suggestionCheck(_ word: [UInt8], _ state: inout LookupState) -> Int {
    var entry = lookup(word)
    var withoutSuffix = 0
    if entry >= 0 {
      if has(entry, rules.forbiddenWord) || has(entry, rules.noSuggest) || has(entry, rules.substandard) { return 0 }
      while entry >= 0
        && (has(entry, rules.needAffix) || has(entry, ReservedFlag.onlyUppercase) || has(entry, rules.onlyInCompound))
      {
        entry = next(entry)
      }
    } else {
      entry = prefixCheck(word, 0, word.count, .none, &state)
    }
    if entry >= 0 {
      withoutSuffix = 1
    } else {
      entry = suffixCheck(word, 0, word.count, crossProduct: false, prefix: -1, &state)
    }
    if entry < 0 && rules.hasContinuationClasses {
      entry = twoSuffixCheck(word, 0, word.count, crossProduct: false, prefix: -1, &state)
      if entry < 0 { entry = prefixTwoSuffixCheck(word, 0, word.count, .none, &state) }
    }
    guard entry >= 0 else { return 0 }
    if has(entry, rules.forbiddenWord) || has(entry, ReservedFlag.onlyUppercase) || has(entry, rules.noSuggest)
      || has(entry, rules.onlyInCompound)
    {
      return 0
    }
    return rules.compoundFlag != 0 && has(entry, rules.compoundFlag) ? 2 + withoutSuffix : 1
  }

  /// Whether one simple edit of `word` is an acceptable suggestion (Hunspell's `suggest` with
  /// `test_simplesug`, first round).
  func hasSimpleCorrection(_ word: [UInt8], _ state: inout LookupState) -> Bool {
    let characters = DictionaryUTF8.scalars(word, 0..<word.count)
    if characters.contains(where: { $0 > 0xFFFF }) { return false }
    func accepts(_ candidate: [UInt32]) -> Bool {
      suggestionCheck(DictionaryUTF8.bytes(candidate), &state) > 0
    }
    func acceptsBytes(_ candidate: [UInt8]) -> Bool {
      suggestionCheck(candidate, &state) > 0
    }

    // Upper case (html → HTML).
    if accepts(characters.map { casing.upper($0) }) { return true }
    if replacementMakesWord(word, &state) { return true }
    if mapMakesWord(characters, &state) { return true }

    let count = characters.count
    // Two neighbours swapped, and the double swaps of short words.
    if count >= 2 {
      var candidate = characters
      for index in 0..<count - 1 {
        candidate.swapAt(index, index + 1)
        if accepts(candidate) { return true }
        candidate.swapAt(index, index + 1)
      }
      if count == 4 || count == 5 {
        candidate = characters
        candidate[0] = characters[1]
        candidate[1] = characters[0]
        candidate[2] = characters[2]
        candidate[count - 2] = characters[count - 1]
        candidate[count - 1] = characters[count - 2]
        if accepts(candidate) { return true }
        if count == 5 {
          candidate[0] = characters[0]
          candidate[1] = characters[2]
          candidate[2] = characters[1]
          if accepts(candidate) { return true }
        }
      }
    }
    // Two characters further apart swapped.
    var candidate = characters
    for first in 0..<count {
      for second in 0..<count {
        let distance = abs(second - first)
        if distance > 1 && distance <= Self.maximumCharacterDistance && candidate[first] != candidate[second] {
          candidate.swapAt(first, second)
          if accepts(candidate) { return true }
          candidate.swapAt(first, second)
        }
      }
    }
    // A wrong key: upper case, or a neighbour on the keyboard.
    let keyboard = Array((rules.keyboard.isEmpty ? Self.defaultKeyboard : rules.keyboard).unicodeScalars.map(\.value))
    for index in 0..<count {
      let original = candidate[index]
      let upper = casing.upper(original)
      if upper != original {
        candidate[index] = upper
        if accepts(candidate) { return true }
        candidate[index] = original
      }
      var location = keyboard.firstIndex(of: original) ?? keyboard.count
      while location < keyboard.count {
        if location > 0 && keyboard[location - 1] != 0x7C {
          candidate[index] = keyboard[location - 1]
          if accepts(candidate) { return true }
        }
        if location + 1 < keyboard.count && keyboard[location + 1] != 0x7C {
          candidate[index] = keyboard[location + 1]
          if accepts(candidate) { return true }
        }
        location += 1
        while location < keyboard.count && keyboard[location] != original { location += 1 }
      }
      candidate[index] = original
    }
    // An extra character.
    if count >= 2 {
      for index in stride(from: count - 1, through: 0, by: -1) {
        var shorter = characters
        shorter.remove(at: index)
        if accepts(shorter) { return true }
      }
    }
    // A forgotten character (from TRY).
    let tryCharacters = rules.tryCharacters.unicodeScalars.map(\.value)
    for character in tryCharacters {
      for index in stride(from: count, through: 0, by: -1) {
        var longer = characters
        longer.insert(character, at: index)
        if accepts(longer) { return true }
      }
    }
    // A character moved.
    if count >= 2 {
      for start in 0..<count {
        var moved = characters
        var position = start + 1
        while position < count && position - start <= Self.maximumCharacterDistance {
          moved.swapAt(position, position - 1)
          if position - start >= 2 && accepts(moved) { return true }
          position += 1
        }
      }
      for start in stride(from: count - 1, through: 1, by: -1) {
        var moved = characters
        var position = start - 1
        while position >= 0 && start - position <= Self.maximumCharacterDistance {
          moved.swapAt(position, position + 1)
          if start - position >= 2 && accepts(moved) { return true }
          position -= 1
        }
      }
    }
    // A wrong character (from TRY).
    candidate = characters
    for character in tryCharacters {
      for index in stride(from: count - 1, through: 0, by: -1) {
        let original = candidate[index]
        if original == character { continue }
        candidate[index] = character
        if accepts(candidate) { return true }
        candidate[index] = original
      }
    }
    // Two characters doubled (vacacation → vacation).
    if count >= 5 {
      var repeats = 0
      for index in 2..<count {
        if characters[index] == characters[index - 2] {
          repeats += 1
          if repeats == 3 || (repeats == 2 && index >= 4) {
            let shorter = Array(characters[0..<index - 1]) + Array(characters[(index + 1)...])
            if accepts(shorter) { return true }
            repeats = 0
          }
        } else {
          repeats = 0
        }
      }
    }
    // Two words run together.
    if word.count >= 3 {
      for split in 1..<word.count where !DictionaryUTF8.isContinuation(word[split]) {
        let first = Array(word[0..<split])
        let second = Array(word[split...])
        if acceptsBytes(first + [0x20] + second) { return true }
        let dashUsage = rules.tryCharacters.contains("-") || rules.tryCharacters.contains("a")
        if dashUsage && acceptsBytes(first + [0x2D] + second) { return true }
        if !rules.noSplitSuggestions && acceptsBytes(first) && acceptsBytes(second) { return true }
      }
    }
    return false
  }

  /// Whether a REP replacement (unanchored, or anchored where it applies) makes a word.
  private func replacementMakesWord(_ word: [UInt8], _ state: inout LookupState) -> Bool {
    guard word.count >= 2 else { return false }
    for rule in rules.replacements {
      let pattern = Array(rule.pattern.utf8)
      let replacement = Array(rule.replacement.utf8)
      guard !pattern.isEmpty, pattern.count <= word.count else { continue }
      var position = 0
      while position + pattern.count <= word.count {
        defer { position += 1 }
        guard word[position..<position + pattern.count].elementsEqual(pattern) else { continue }
        if rule.atWordStart && position != 0 { continue }
        if rule.atWordEnd && position + pattern.count != word.count { continue }
        let candidate = Array(word[0..<position]) + replacement + Array(word[(position + pattern.count)...])
        if suggestionCheck(candidate, &state) > 0 { return true }
        // A replacement with spaces: each part must be a word.
        var start = 0
        while let space = candidate[start...].firstIndex(of: 0x20) {
          if suggestionCheck(Array(candidate[start..<space]), &state) > 0
            && suggestionCheck(Array(candidate[(space + 1)...]), &state) > 0
          {
            return true
          }
          start = space + 1
        }
      }
    }
    return false
  }

  /// Whether exchanging characters of the same MAP group makes a word.
  private func mapMakesWord(_ characters: [UInt32], _ state: inout LookupState) -> Bool {
    guard characters.count >= 2, !rules.characterMap.isEmpty else { return false }
    let groups = rules.characterMap.map { $0.map { $0.unicodeScalars.map(\.value) } }
    var budget = 10_000
    func search(_ position: Int, _ candidate: [UInt32]) -> Bool {
      budget -= 1
      if budget <= 0 { return false }
      if position == characters.count {
        return candidate != characters && suggestionCheck(DictionaryUTF8.bytes(candidate), &state) > 0
      }
      var inMap = false
      for group in groups {
        for member in group where !member.isEmpty {
          guard position + member.count <= characters.count,
            characters[position..<position + member.count].elementsEqual(member)
          else { continue }
          inMap = true
          for other in group where search(position + member.count, candidate + other) { return true }
        }
      }
      if !inMap { return search(position + 1, candidate + [characters[position]]) }
      return false
    }
    return search(0, [])
  }
}
