/// The tests compounding applies at the joins of a compound: COMPOUNDRULE patterns,
/// CHECKCOMPOUNDPATTERN, CHECKCOMPOUNDCASE, CHECKCOMPOUNDREP, dictionary word pairs, and the
/// Hungarian syllable count.
extension SpellEngine {
  /// Hunspell's `defcpd_check`: whether the parts found so far (`state.ruleWords[0...wordIndex]`,
  /// the last being `entry`) match a COMPOUNDRULE, entirely (`complete`) or as a beginning.
  /// `usingRules` is Hunspell's `words` pointer: false until the first part matched a rule;
  /// `canStart` says whether this call may start using rules.
  func compoundRuleCheck(_ usingRules: inout Bool, _ wordIndex: Int, _ maxWords: Int, _ entry: Int32,
                         canStart: Bool, complete: Bool, _ state: inout LookupState) -> Bool {
    var started = false
    if !usingRules {
      guard canStart else { return false }
      started = true
      usingRules = true
    }
    if wordIndex >= maxWords {
      if started { usingRules = false }
      return false
    }
    state.ruleWords[wordIndex] = entry
    let star = AffixFlag(UInt8(ascii: "*"))
    let question = AffixFlag(UInt8(ascii: "?"))
    func fail() -> Bool {
      state.ruleWords[wordIndex] = -1
      if started { usingRules = false }
      return false
    }
    guard words.hasFlags(entry) else { return fail() }
    var mentioned = false
    search: for rule in rules.compoundRules {
      for flag in rule where flag != star && flag != question && has(entry, flag) {
        mentioned = true
        break search
      }
    }
    guard mentioned else { return fail() }

    /// Whether part `index` carries `flag`.
    func part(_ index: Int, has flag: AffixFlag) -> Bool {
      let partEntry = state.ruleWords[index]
      return partEntry >= 0 && words.hasFlags(partEntry) && has(partEntry, flag)
    }

    for rule in rules.compoundRules {
      var patternPosition = 0
      var wordPosition = 0
      var ok = true
      var ok2 = true
      // Backtracking points of `*` and `?`: pattern position, word position, words matched.
      var backtrack: [(pattern: Int, word: Int, count: Int)] = [(0, 0, 0)]
      var depth = 0
      repeat {
        while patternPosition < rule.count && wordPosition <= wordIndex {
          if patternPosition + 1 < rule.count && (rule[patternPosition + 1] == star || rule[patternPosition + 1] == question) {
            let end = rule[patternPosition + 1] == question ? wordPosition : wordIndex
            ok2 = true
            patternPosition += 2
            backtrack[depth].pattern = patternPosition
            backtrack[depth].word = wordPosition
            while wordPosition <= end {
              if !part(wordPosition, has: rule[patternPosition - 2]) {
                ok2 = false
                break
              }
              wordPosition += 1
            }
            if wordPosition <= wordIndex { ok2 = false }
            backtrack[depth].count = wordPosition - backtrack[depth].word
            if backtrack[depth].count > 0 {
              depth += 1
              backtrack.append((0, 0, 0))
            }
            if ok2 { break }
          } else {
            ok2 = true
            if !part(wordPosition, has: rule[patternPosition]) {
              ok = false
              break
            }
            patternPosition += 1
            wordPosition += 1
            if rule.count == patternPosition && !(wordPosition > wordIndex) { ok = false }
          }
        }
        if ok && ok2 {
          var rest = patternPosition
          while rule.count > rest && rest + 1 < rule.count && (rule[rest + 1] == star || rule[rest + 1] == question) {
            rest += 2
          }
          if rule.count <= rest { return true }
        }
        if depth > 0 {
          repeat {
            ok = true
            backtrack[depth - 1].count -= 1
            patternPosition = backtrack[depth - 1].pattern
            wordPosition = backtrack[depth - 1].word + backtrack[depth - 1].count
          } while backtrack[depth - 1].count < 0 && { depth -= 1; return depth != 0 }()
        }
      } while depth > 0
      if ok && ok2 && (!complete || rule.count <= patternPosition) { return true }
      while ok && ok2 && rule.count > patternPosition && patternPosition + 1 < rule.count
        && (rule[patternPosition + 1] == star || rule[patternPosition + 1] == question)
      {
        patternPosition += 2
      }
      if ok && ok2 && rule.count <= patternPosition { return true }
    }
    return fail()
  }

  /// Whether one side of a join carries `flag`: its dictionary entry, or a prefix or suffix that
  /// built it, through its continuation flags.
  func joinSide(_ entry: Int32, prefix: Int32, suffix: Int32, has flag: AffixFlag) -> Bool {
    has(entry, flag) || prefixTable.continues(rule: prefix, flag) || suffixTable.continues(rule: suffix, flag)
  }

  /// Hunspell's `cpdpat_check`: whether a CHECKCOMPOUNDPATTERN forbids the join at `position`
  /// between the parts found as `first` and `second`.
  func compoundPatternForbids(_ word: [UInt8], _ position: Int, first: Int32, second: Int32,
                              firstPrefix: Int32 = -1, firstSuffix: Int32 = -1,
                              secondPrefix: Int32 = -1, secondSuffix: Int32 = -1) -> Bool {
    for pattern in rules.compoundPatterns {
      // The text after the join starts with the right side ('.' matches any byte).
      var matchesRight = true
      for (offset, byte) in pattern.right.enumerated() {
        let index = position + offset
        if index >= word.count || (byte != word[index] && byte != UInt8(ascii: ".")) {
          matchesRight = false
          break
        }
      }
      guard matchesRight else { continue }
      if first >= 0 && pattern.leftFlag != 0
        && !joinSide(first, prefix: firstPrefix, suffix: firstSuffix, has: pattern.leftFlag)
      {
        continue
      }
      if second >= 0 && pattern.rightFlag != 0
        && !joinSide(second, prefix: secondPrefix, suffix: secondSuffix, has: pattern.rightFlag)
      {
        continue
      }
      if pattern.left.isEmpty { return true }
      if pattern.left[0] == UInt8(ascii: "0") {
        // `0`: the first part is the unaffixed stem.
        let stem = words.word(first)
        if stem.count <= position && word[position - stem.count..<position].elementsEqual(stem) { return true }
      } else if pattern.left.count <= position
        && word[position - pattern.left.count..<position].elementsEqual(pattern.left)
      {
        return true
      }
    }
    return false
  }

  /// Hunspell's `cpdcase_check`: a capital letter on either side of the join (dashes excepted).
  func compoundCaseForbids(_ word: [UInt8], _ position: Int) -> Bool {
    let before = DictionaryUTF8.previousStart(word, before: position)
    let left = DictionaryUTF8.decode(word, at: before, end: word.count).scalar
    let right = position < word.count ? DictionaryUTF8.decode(word, at: position, end: word.count).scalar : 0
    func isCapital(_ scalar: UInt32) -> Bool { casing.upper(scalar) == scalar && casing.lower(scalar) != scalar }
    return (isCapital(left) || isCapital(right)) && left != 0x2D && right != 0x2D
  }

  /// Hunspell's `candidate_check`: whether `word` is a dictionary word or an affixed form.
  func isPlainOrAffixedWord(_ word: [UInt8], _ state: inout LookupState) -> Bool {
    if lookup(word) >= 0 { return true }
    return affixCheck(word, 0, word.count, &state) != nil
  }

  /// Hunspell's `cpdrep_check`: whether a REP replacement turns `word[0..<length]` into a word
  /// (the compound is then a likely misspelling).
  func compoundLooksLikeMisspelling(_ word: [UInt8], _ length: Int, _ state: inout LookupState) -> Bool {
    guard length >= 2, !replacementPatterns.isEmpty else { return false }
    let text = Array(word[0..<min(length, word.count)])
    for (pattern, replacement) in replacementPatterns {
      guard !pattern.isEmpty, pattern.count <= text.count else { continue }
      var position = 0
      while position + pattern.count <= text.count {
        if text[position..<position + pattern.count].elementsEqual(pattern) {
          var candidate = Array(text[0..<position])
          candidate.append(contentsOf: replacement)
          candidate.append(contentsOf: text[(position + pattern.count)...])
          if isPlainOrAffixedWord(candidate, &state) { return true }
        }
        position += 1
      }
    }
    return false
  }

  /// Hunspell's `cpdwordpair_check`: whether `word[0..<length]` is a dictionary word pair written
  /// without its space.
  func compoundIsWordPair(_ word: [UInt8], _ length: Int, _ state: inout LookupState) -> Bool {
    guard length > 2 else { return false }
    var candidate = Array(word[0..<min(length, word.count)])
    for index in 1..<candidate.count where !DictionaryUTF8.isContinuation(candidate[index]) {
      candidate.insert(0x20, at: index)
      if isPlainOrAffixedWord(candidate, &state) { return true }
      candidate.remove(at: index)
    }
    return false
  }

  /// Hunspell's `get_syllable`: the vowels of a word, for COMPOUNDSYLLABLE.
  func syllables(_ bytes: ArraySlice<UInt8>) -> Int {
    guard rules.compoundMaximumSyllables != 0 else { return 0 }
    let array = Array(bytes)
    var count = 0
    var index = 0
    while index < array.count {
      let (scalar, length) = DictionaryUTF8.decode(array, at: index, end: array.count)
      if rules.compoundVowels.contains(scalar) { count += 1 }
      index += length
    }
    return count
  }
}
