/// The front door of a check, as Hunspell's `spell` works: input conversion (ICONV), IGNORE,
/// trailing dots, numbers, the capitalisation rules (a capitalised or all-caps word is also looked
/// up in lower case, KEEPCASE words only as written, `L'OBSERVATOIRE` as `L'Observatoire`, German
/// sharp s), forbidden words, and breaking words at BREAK patterns (`porte-parole`).
extension SpellEngine {
  /// Hunspell's limits on word length (bytes in the dictionary's encoding) and on BREAK recursion.
  static let maximumWordLength = 100
  static let maximumBreakDepth = 10
  static let maximumSharpS = 5

  /// Whether `word` (UTF-8) is spelled right.
  func spell(_ word: [UInt8], _ state: inout LookupState) -> Bool {
    var info = SpellCheckInfo()
    return spell(word, &state, info: &info)
  }

  /// `spell`, with what the check found out in `info`. The words being checked are stacked so that
  /// BREAK recursion stops at a word met before or after ten levels (the word checked first is
  /// stacked only when it is broken, to spare an allocation per check).
  func spell(_ word: [UInt8], _ state: inout LookupState, info: inout SpellCheckInfo) -> Bool {
    let nested = state.breakDepth > 0
    if nested {
      if state.candidateStack.contains(word) { return false }
      if state.candidateStack.count >= Self.maximumBreakDepth { return false }
      state.candidateStack.append(word)
    }
    let result = spellOnce(word, &state, info: &info)
    if nested { state.candidateStack.removeLast() }
    return result
  }

  /// The word as Hunspell cleans it: IGNORE characters removed, leading spaces skipped, trailing
  /// dots dropped (and counted).
  func cleaned(_ word: [UInt8]) -> (word: [UInt8], trailingDots: Int) {
    var bytes = rules.ignoredCharacters.isEmpty ? word : IgnoredCharacters.removing(rules.ignoredCharacters, from: word)
    var start = 0
    while start < bytes.count && bytes[start] == 0x20 { start += 1 }
    var end = bytes.count
    var dots = 0
    while end > start && bytes[end - 1] == UInt8(ascii: ".") {
      end -= 1
      dots += 1
    }
    if start > 0 || end < bytes.count { bytes = Array(bytes[start..<end]) }
    return (bytes, dots)
  }

  /// Whether the word is too long for Hunspell.
  func isTooLong(_ word: [UInt8]) -> Bool {
    if rules.encoding == .utf8 { return word.count >= Self.maximumWordLength * 3 }
    return DictionaryUTF8.count(word, 0..<word.count) >= Self.maximumWordLength
  }

  private func spellOnce(_ word: [UInt8], _ state: inout LookupState, info: inout SpellCheckInfo) -> Bool {
    info = []
    if isTooLong(word) { return false }
    var input = word
    if let converted = rules.inputConversion.convert(word) {
      if isTooLong(converted) { return false }
      input = converted
    }
    var (scw, dots) = cleaned(input)
    guard !scw.isEmpty else { return true }
    if isNumber(scw) { return true }

    let capitalization = casing.capitalization(of: scw)
    var found: Int32 = -1
    switch capitalization {
    case .mixed, .mixedInitial, .lower:
      if capitalization != .lower { info.insert(.originalCapitals) }
      found = checkWord(scw, &state, info: &info)
      if dots > 0 && found < 0 { found = checkWord(scw + [UInt8(ascii: ".")], &state, info: &info) }
      // A stem with a capital inside, capitalised at a sentence start (ULinda for uLinda).
      if found < 0 && capitalization == .mixedInitial {
        found = checkWord(casing.firstLowercased(scw), &state, info: &info)
        if found >= 0 && isKeepCase(found) { found = -1 }
      }
    case .all, .initial:
      if capitalization == .all {
        info.insert(.originalCapitals)
        found = checkWord(scw, &state, info: &info)
        if found >= 0 { break }
        if dots > 0 {
          found = checkWord(scw + [UInt8(ascii: ".")], &state, info: &info)
          if found >= 0 { break }
        }
        // Catalan, French, Italian: SANT'ELIA → Sant'Elia, L'OBSERVATOIRE → l'Observatoire.
        if let apostrophe = scw.firstIndex(of: UInt8(ascii: "'")) {
          scw = casing.lowercased(scw)
          if apostrophe < scw.count - 1 {
            let first = Array(scw[...apostrophe])
            let second = casing.capitalized(Array(scw[(apostrophe + 1)...]))
            scw = first + second
            found = checkWord(scw, &state, info: &info)
            if found >= 0 { break }
            scw = casing.capitalized(scw)
            found = checkWord(scw, &state, info: &info)
            if found >= 0 { break }
          }
        }
        if rules.checkSharps, scw[...].containsSequence([0x53, 0x53]) {
          scw = casing.lowercased(scw)
          var lowered = scw
          found = sharpS(&lowered, from: 0, count: 0, replaced: 0, &state, info: &info)
          if found < 0 {
            scw = casing.capitalized(scw)
            found = sharpS(&scw, from: 0, count: 0, replaced: 0, &state, info: &info)
          }
          if dots > 0 && found < 0 {
            lowered.append(UInt8(ascii: "."))
            found = sharpS(&lowered, from: 0, count: 0, replaced: 0, &state, info: &info)
            if found < 0 {
              lowered = scw + [UInt8(ascii: ".")]
              found = sharpS(&lowered, from: 0, count: 0, replaced: 0, &state, info: &info)
            }
          }
          if found >= 0 { break }
        }
      }
      found = checkCapitalized(&scw, capitalization, dots: dots, &state, info: &info)
    }

    if found >= 0 {
      if rules.warn != 0 && has(found, rules.warn) {
        info.insert(.warn)
        return !rules.forbidWarn
      }
      return true
    }
    return spellBroken(&scw, original: word, &state, info: &info)
  }

  /// The initial-capital case of `spell` (all-caps words fall through to it): the word as
  /// capitalised, then in lower case.
  private func checkCapitalized(_ scw: inout [UInt8], _ capitalization: HunspellCapitalization, dots: Int,
                                _ state: inout LookupState, info: inout SpellCheckInfo) -> Int32 {
    // A capital dotted I (Turkish İ) keeps its dot when the rest is lowered.
    let dottedI = rules.encoding == .utf8 && scw.count >= 2 && scw[0] == 0xC4 && scw[1] == 0xB0
    info.insert(.originalCapitals)
    // Hunspell patches the dot back as bytes: right when the first letter lowered to a plain i
    // (I), garbage that matches nothing when it stayed İ (Turkic languages), where its next step
    // starts again from the characters.
    var patchedGarbage = false
    if capitalization == .all {
      scw = casing.titlecased(scw)
      if dottedI {
        if scw.first == UInt8(ascii: "I") {
          scw.replaceSubrange(0..<1, with: [0xC4, 0xB0])
        } else {
          patchedGarbage = true
        }
      }
    }
    if capitalization == .initial { info.insert(.initialCapital) }
    var found = patchedGarbage ? -1 : checkWord(scw, &state, info: &info)
    if capitalization == .initial { info.remove(.initialCapital) }
    if info.contains(.forbidden) { return -1 }
    if found >= 0 && isKeepCase(found) && capitalization == .all { found = -1 }
    if found >= 0 || (dottedI && rules.languageKind != .turkic) { return found }

    scw = casing.lowercased(scw)
    var lowered = scw
    scw = casing.capitalized(scw)
    found = checkWord(lowered, &state, info: &info)
    if dots > 0 && found < 0 {
      lowered.append(UInt8(ascii: "."))
      found = checkWord(lowered, &state, info: &info)
      if found < 0 {
        lowered = scw + [UInt8(ascii: ".")]
        if capitalization == .initial { info.insert(.initialCapital) }
        found = checkWord(lowered, &state, info: &info)
        if capitalization == .initial { info.remove(.initialCapital) }
        if found >= 0 && isKeepCase(found) && capitalization == .all { found = -1 }
        return found
      }
    }
    if found >= 0 && isKeepCase(found) {
      // With CHECKSHARPS, KEEPCASE words with ß are allowed capitalised.
      let sharpS = rules.checkSharps && lowered[...].containsSequence([0xC3, 0x9F])
      if capitalization == .all || !sharpS { found = -1 }
    }
    return found
  }

  @inline(__always)
  private func isKeepCase(_ entry: Int32) -> Bool {
    rules.keepCase != 0 && has(entry, rules.keepCase)
  }

  /// Hunspell's number rule: digits (ASCII, Arabic-Indic, Persian) with single separators
  /// (`.`, `,`, `-`) between them.
  private func isNumber(_ word: [UInt8]) -> Bool {
    var sawDigit = false
    var afterSeparator = false
    var index = 0
    var position = 0
    while index < word.count {
      let (scalar, length) = DictionaryUTF8.decode(word, at: index, end: word.count)
      if (scalar >= 0x30 && scalar <= 0x39) || (scalar >= 0x660 && scalar <= 0x669) || (scalar >= 0x6F0 && scalar <= 0x6F9) {
        sawDigit = true
        afterSeparator = false
      } else if scalar == 0x2C || scalar == 0x2E || scalar == 0x2D {
        if afterSeparator || position == 0 { return false }
        afterSeparator = true
      } else {
        return false
      }
      index += length
      position += 1
    }
    return sawDigit && !afterSeparator
  }

  /// Hunspell's `spellsharps`: tries each `ss` from `from` on as `ß` (up to five), the word being
  /// looked up when at least one was replaced.
  private func sharpS(_ base: inout [UInt8], from: Int, count: Int, replaced: Int, _ state: inout LookupState,
                      info: inout SpellCheckInfo) -> Int32 {
    var position = from
    var found = -1
    while position + 1 < base.count {
      if base[position] == UInt8(ascii: "s") && base[position + 1] == UInt8(ascii: "s") {
        found = position
        break
      }
      position += 1
    }
    if found >= 0 && count < Self.maximumSharpS {
      base[found] = 0xC3
      base[found + 1] = 0x9F
      var entry = sharpS(&base, from: found + 2, count: count + 1, replaced: replaced + 1, &state, info: &info)
      if entry >= 0 { return entry }
      base[found] = UInt8(ascii: "s")
      base[found + 1] = UInt8(ascii: "s")
      entry = sharpS(&base, from: found + 2, count: count + 1, replaced: replaced, &state, info: &info)
      if entry >= 0 { return entry }
    } else if replaced > 0 {
      return checkWord(base, &state, info: &info)
    }
    return -1
  }

  /// Breaking a word at BREAK patterns: an anchored pattern at the start or end, then at the second
  /// (else the first) occurrence of a pattern, then at the first; both sides must be right.
  private func spellBroken(_ scw: inout [UInt8], original: [UInt8], _ state: inout LookupState,
                           info: inout SpellCheckInfo) -> Bool {
    let patterns = rules.breakPatterns
    guard !patterns.isEmpty, !info.contains(.forbidden) else { return false }
    let length = scw.count
    var breaks = 0
    for pattern in patterns where !pattern.isEmpty {
      var position = 0
      while let found = firstIndex(of: pattern, in: scw, from: position) {
        breaks += 1
        position = found + pattern.count
      }
    }
    if breaks >= Self.maximumBreakDepth { return false }

    // From here on, parts are checked by nested calls: stack the word they come from.
    if state.breakDepth == 0 { state.candidateStack = [original] }
    state.breakDepth += 1
    defer { state.breakDepth -= 1 }
    var partInfo = SpellCheckInfo()
    for pattern in patterns {
      let patternLength = pattern.count
      if patternLength == 1 || patternLength > length { continue }
      if pattern[0] == UInt8(ascii: "^") && scw[0..<patternLength - 1].elementsEqual(pattern[1...])
        && spell(Array(scw[(patternLength - 1)...]), &state, info: &partInfo)
      {
        info.insert(.compound)
        return true
      }
      if pattern[patternLength - 1] == UInt8(ascii: "$")
        && scw[(length - patternLength + 1)...].elementsEqual(pattern[0..<patternLength - 1])
      {
        if spell(Array(scw[0..<(length - patternLength + 1)]), &state, info: &partInfo) {
          info.insert(.compound)
          return true
        }
      }
    }
    for secondOccurrence in [true, false] {
      for pattern in patterns {
        let patternLength = pattern.count
        guard var found = firstIndex(of: pattern, in: scw, from: 0), found > 0, found + patternLength < length else {
          continue
        }
        if secondOccurrence, let second = firstIndex(of: pattern, in: scw, from: found + 1), second > 0,
          second + patternLength < length
        {
          found = second
        }
        if !spell(Array(scw[(found + patternLength)...]), &state, info: &partInfo) { continue }
        if spell(Array(scw[0..<found]), &state, info: &partInfo) {
          info.insert(.compound)
          return true
        }
        if rules.languageKind == .hungarian && pattern == [UInt8(ascii: "-")]
          && spell(Array(scw[0...found]), &state, info: &partInfo)
        {
          info.insert(.compound)
          return true
        }
      }
    }
    return false
  }

  /// The first position of `pattern` in `bytes` at or after `from`.
  private func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    var start = from
    while start + pattern.count <= bytes.count {
      if bytes[start] == pattern[0] && bytes[start..<start + pattern.count].elementsEqual(pattern) { return start }
      start += 1
    }
    return nil
  }

  /// Hunspell's `checkword`: the word as a dictionary word, an affixed form, or a compound; nil
  /// for forbidden words, words only allowed in compounds or with affixes, and hidden capitalised
  /// copies of mixed-case words when the word has an initial capital.
  func checkWord(_ input: [UInt8], _ state: inout LookupState, info: inout SpellCheckInfo) -> Int32 {
    var word = rules.ignoredCharacters.isEmpty ? input : IgnoredCharacters.removing(rules.ignoredCharacters, from: input)
    guard !word.isEmpty else { return -1 }
    if rules.complexPrefixes { word = DictionaryUTF8.reversedCharacters(word) }

    var entry = lookup(word)
    if entry >= 0 {
      if has(entry, rules.forbiddenWord) {
        info.insert(.forbidden)
        if rules.languageKind == .hungarian && rules.compoundFlag != 0 && has(entry, rules.compoundFlag) {
          info.insert(.compound)
        }
        return -1
      }
      while entry >= 0
        && (has(entry, rules.needAffix) || has(entry, rules.onlyInCompound)
          || (info.contains(.initialCapital) && has(entry, ReservedFlag.onlyUppercase)))
      {
        entry = next(entry)
      }
    }
    if entry >= 0 { return entry }

    let avoid: AffixFlag = info.contains(.initialCapital) ? ReservedFlag.onlyUppercase : 0
    if var match = affixCheck(word, 0, word.count, &state, avoidFlag: avoid) {
      if has(match.entry, rules.onlyInCompound)
        || (info.contains(.initialCapital) && has(match.entry, ReservedFlag.onlyUppercase))
      {
        match.entry = -1
      }
      if match.entry >= 0 {
        if has(match.entry, rules.forbiddenWord) {
          info.insert(.forbidden)
          return -1
        }
        return match.entry
      }
    }
    guard rules.compounds else { return -1 }

    // Two-part compounds first, then more parts (COMPOUNDRULE parts are remembered across both).
    state.ruleWords = Array(repeating: -1, count: 100)
    var compoundInfo = info.union(.compoundOfTwo)
    entry = compoundCheck(word, wordCount: 0, syllables: 0, maxWords: 100, wordIndex: 0, usingRules: false,
                          hungarianMovingRule: false, info: &compoundInfo, &state)
    info = compoundInfo.subtracting(.compoundOfTwo)
    if entry < 0 {
      entry = compoundCheck(word, wordCount: 0, syllables: 0, maxWords: 100, wordIndex: 0, usingRules: false,
                            hungarianMovingRule: false, info: &info, &state)
      // A compound of three or more parts is refused when a simple edit makes it a word.
      if entry >= 0, let first = word.first, !(first >= 0x30 && first <= 0x39),
        hasSimpleCorrection(word, &state)
      {
        entry = -1
      }
    }
    if entry < 0 && rules.languageKind == .hungarian && word.last == UInt8(ascii: "-") {
      entry = compoundCheck(Array(word.dropLast()), wordCount: -5, syllables: 0, maxWords: 100, wordIndex: 0,
                            usingRules: false, hungarianMovingRule: true, info: &info, &state)
    }
    if entry >= 0 { info.insert(.compound) }
    return entry
  }
}
