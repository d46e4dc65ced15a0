/// Hunspell's `SuggestMgr::suggest`: single edits of a word that make dictionary words, in
/// Hunspell's order, in up to three rounds: without compounds, then (when the first round found
/// nothing better than two-word splits) with two-part compounds, then with longer ones.
extension HunspellSuggester {
  /// Hunspell's timer for the edits that try many candidates: the clock is read every 100 checks.
  struct EditTimer {
    var countdown = 100
    let start = ContinuousClock.now
    var expired: Bool { countdown == 0 }
  }

  /// What the rounds found out (Hunspell's `SPELL_COMPOUND` and `SPELL_BEST_SUG` bits).
  struct EditInfo {
    var compound = false
    var best = false
  }

  /// Adds to `list` the edits of `word` that are dictionary words; true when one of them is a
  /// "good" suggestion (upper case, REP, a dictionary word pair). `onlyCompounds` is set when
  /// the suggestions found may all be compounds (n-gram suggestions are then tried too).
  func edits(_ list: inout [[UInt8]], _ given: [UInt8], _ onlyCompounds: inout Bool,
             _ session: inout SuggestionSession) -> Bool {
    let word = engine.rules.complexPrefixes ? DictionaryUTF8.reversedCharacters(given) : given
    let originalCount = list.count
    var roundStart = 0
    var good = false
    var noCompounds = false
    session.startPhase()
    let characters = DictionaryUTF8.scalars(word, 0..<word.count)
    // Hunspell's UTF-16 words cannot hold characters beyond the BMP.
    if utf8 && characters.contains(where: { $0 > 0xFFFF }) { return false }
    var info = EditInfo()
    let maximum = maximumSuggestions
    // Without compounding the later rounds can find nothing.
    let rounds = engine.rules.compounds ? 3 : 1
    for compounds in 0..<rounds where !noCompounds {
      if compounds > 0 { roundStart = list.count }
      func mayAdd() -> Bool {
        list.count < maximum && (compounds == 0 || list.count < roundStart + maximumCompoundSuggestions)
      }
      if list.count < maximum {
        let before = list.count
        test(&list, DictionaryUTF8.bytes(characters.map { engine.casing.upper($0) }), compounds, nil, &info, &session)
        if list.count > before { good = true }
      }
      if mayAdd() {
        let before = list.count
        replacementEdits(&list, word, compounds, &info, &session)
        if list.count > before {
          good = true
          if info.best {
            session.mapSkipped = true
            return true
          }
        }
      }
      if session.phaseTimeUp() { return good }
      if mayAdd() { mapEdits(&list, word, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      // Compounds only when nothing else is good.
      if compounds == 0 && list.count > originalCount { noCompounds = true }
      if mayAdd() { swapEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { longSwapEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { keyboardEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { extraCharacterEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { forgottenCharacterEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { movedCharacterEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { wrongCharacterEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      if mayAdd() { doubledPairEdits(&list, characters, compounds, &info, &session) }
      if session.phaseTimeUp() { return good }
      // Two words run together (dictionary word pairs first, whatever NOSPLITSUGS says).
      if compounds == 0
        || (!engine.rules.noSplitSuggestions && list.count < roundStart + maximumCompoundSuggestions)
      {
        good = twoWordEdits(&list, word, characters, compounds, good: good, &info, &session)
        if info.best { return true }
      }
      if session.phaseTimeUp() { return good }
      if compounds == 1 && (list.count > roundStart || info.compound) { noCompounds = true }
    }
    if !noCompounds && !list.isEmpty { onlyCompounds = true }
    return good
  }

  // MARK: - Checking candidates

  /// Hunspell's `testsug`: adds `candidate` when it is a new acceptable suggestion.
  @inline(__always)
  func test(_ list: inout [[UInt8]], _ candidate: [UInt8], _ compounds: Int, _ timer: UnsafeMutablePointer<EditTimer>?,
            _ info: inout EditInfo, _ session: inout SuggestionSession) {
    if list.count == maximumSuggestions { return }
    if list.contains(candidate) { return }
    let result = check(candidate, compounds, timer, &session)
    if result != 0 {
      if compounds == 0 && result >= 2 { info.compound = true }
      list.append(candidate)
    }
  }

  /// Hunspell's `SuggestMgr::checkword`: 0 when `word` is no acceptable suggestion; 1 for a word,
  /// 2 or 3 for a word with the compound flag; 3 for a compound (rounds 1 and 2).
  func check(_ word: [UInt8], _ compounds: Int, _ timer: UnsafeMutablePointer<EditTimer>?,
             _ session: inout SuggestionSession) -> Int {
    if session.phaseTimeUp() { return 0 }
    if let timer {
      timer.pointee.countdown -= 1
      if timer.pointee.countdown == 0 {
        if ContinuousClock.now - timer.pointee.start > SuggestionSession.timerLimit { return 0 }
        timer.pointee.countdown = 100
      }
    }
    guard compounds > 0 else { return engine.suggestionCheck(word, &session.checkState) }
    let rules = engine.rules
    guard rules.compounds else { return 0 }
    var info: SpellCheckInfo = compounds == 1 ? .compoundOfTwo : []
    session.checkState.ruleWords = Array(repeating: -1, count: 100)
    let entry = engine.compoundCheck(word, wordCount: 0, syllables: 0, maxWords: 100, wordIndex: 0, usingRules: false,
                                     hungarianMovingRule: false, info: &info, &session.checkState)
    guard entry >= 0 else { return 0 }
    let listed = engine.lookup(word)
    if listed >= 0 && (engine.has(listed, rules.forbiddenWord) || engine.has(listed, rules.noSuggest)) { return 0 }
    return 3
  }

  // MARK: - The edits

  /// REP: each replacement wherever its pattern occurs (anchored ones at the start or end only); a
  /// replacement with spaces also counts when its words are right one by one.
  func replacementEdits(_ list: inout [[UInt8]], _ word: [UInt8], _ compounds: Int, _ info: inout EditInfo,
                        _ session: inout SuggestionSession) {
    guard word.count >= 2 else { return }
    for rule in replacements {
      let pattern = rule.pattern
      guard !pattern.isEmpty, pattern.count <= word.count else { continue }
      var position = 0
      while position + pattern.count <= word.count {
        guard word[position] == pattern[0], word[position..<position + pattern.count].elementsEqual(pattern) else {
          position += 1
          continue
        }
        if session.phaseTimeUp() { return }
        let end = position + pattern.count
        if (rule.atWordStart && position != 0) || (rule.atWordEnd && end != word.count) {
          position += 1
          continue
        }
        let candidate = Array(word[0..<position]) + rule.replacement + word[end...]
        let before = list.count
        test(&list, candidate, compounds, nil, &info, &session)
        // REP suggestions are the best: no other kind is looked for.
        if list.count > before { info.best = true }
        // With spaces: the part before each space a word, the rest a suggestion.
        var previous = 0
        while let space = candidate[previous...].firstIndex(of: 0x20) {
          if check(Array(candidate[previous..<space]), 0, nil, &session) != 0 {
            let count = list.count
            test(&list, Array(candidate[(space + 1)...]), compounds, nil, &info, &session)
            if list.count > count { list[list.count - 1] = candidate }
          }
          previous = space + 1
        }
        position += 1
      }
    }
  }

  /// How many combinations of related characters Hunspell's MAP edit may try before Dateline
  /// limits the search (`boundedMapEdits`).
  static let mapCombinationLimit = 2048
  /// The most characters a limited MAP search changes, and the most candidates it checks.
  static let mapChangeLimit = 3
  static let mapCheckLimit = 300

  /// MAP: characters exchanged for related ones (accents, `ß`/`ss`), every combination, in
  /// Hunspell's order (the first position varies slowest). Where that makes too many
  /// combinations (French MAP relates every letter to its capital and each vowel to four accented
  /// forms: thousands for a long word, which Hunspell cuts off after 50 ms), the search is
  /// limited, see `boundedMapEdits`.
  func mapEdits(_ list: inout [[UInt8]], _ word: [UInt8], _ compounds: Int, _ info: inout EditInfo,
                _ session: inout SuggestionSession) {
    guard word.count >= 2, !mapGroups.isEmpty else { return }
    if mapCombinations(word, limit: Self.mapCombinationLimit) > Self.mapCombinationLimit {
      boundedMapEdits(&list, word, compounds, &session)
      return
    }
    var timer = EditTimer()
    var candidate: [UInt8] = []
    candidate.reserveCapacity(word.count + 8)
    _ = withUnsafeMutablePointer(to: &timer) { timer in
      mapRelated(word, &candidate, 0, &list, compounds, timer, 0, &session)
    }
  }

  /// The number of candidates `mapRelated` would make for `word` (at most `limit` + 1).
  func mapCombinations(_ word: [UInt8], limit: Int) -> Int {
    // Paths from each position to the end.
    var paths = [Int](repeating: 0, count: word.count + 1)
    paths[word.count] = 1
    for position in stride(from: word.count - 1, through: 0, by: -1) {
      var total = 0
      var inMap = false
      for group in mapGroups {
        for member in group where !member.isEmpty && position + member.count <= word.count
          && word[position..<position + member.count].elementsEqual(member)
        {
          inMap = true
          total = min(limit + 1, total + group.count * paths[position + member.count])
        }
      }
      paths[position] = inMap ? total : paths[position + 1]
    }
    return paths[0]
  }

  /// The MAP search limited to candidates that change at most `mapChangeLimit` characters (one
  /// change, then two, then three, at most `mapCheckLimit` checks), where only the first character
  /// may change its case; the words found are then given in Hunspell's order.
  func boundedMapEdits(_ list: inout [[UInt8]], _ word: [UInt8], _ compounds: Int, _ session: inout SuggestionSession) {
    var found: [(path: [Int], word: [UInt8])] = []
    var checks = 0
    var candidate: [UInt8] = []
    var path: [Int] = []
    let casing = engine.casing
    func isUpper(_ bytes: [UInt8]) -> Bool {
      guard !bytes.isEmpty else { return false }
      let scalar = DictionaryUTF8.decode(bytes, at: 0, end: bytes.count).scalar
      return casing.lower(scalar) != scalar
    }
    /// Leaves with exactly `changes` changes left to make.
    func search(_ position: Int, _ changes: Int) {
      if checks >= Self.mapCheckLimit || session.phaseTimedOut { return }
      if position == word.count {
        guard changes == 0, candidate != word, !list.contains(candidate),
          !found.contains(where: { $0.word == candidate })
        else { return }
        checks += 1
        if check(candidate, compounds, nil, &session) != 0 { found.append((path, candidate)) }
        return
      }
      // Not enough characters left for the changes still to make: nothing to find here.
      if changes > word.count - position { return }
      var inMap = false
      for (groupIndex, group) in mapGroups.enumerated() {
        for (memberIndex, member) in group.enumerated() where !member.isEmpty && position + member.count <= word.count
          && word[position..<position + member.count].elementsEqual(member)
        {
          inMap = true
          let memberIsUpper = isUpper(member)
          let length = candidate.count
          for (otherIndex, other) in group.enumerated() {
            let changed = other != member
            if changed && (changes == 0 || (position > 0 && isUpper(other) != memberIsUpper)) { continue }
            candidate.append(contentsOf: other)
            path.append(groupIndex << 24 | memberIndex << 12 | otherIndex)
            search(position + member.count, changes - (changed ? 1 : 0))
            path.removeLast()
            candidate.removeSubrange(length...)
          }
        }
      }
      if !inMap {
        candidate.append(word[position])
        path.append(-1)
        search(position + 1, changes)
        path.removeLast()
        candidate.removeLast()
      }
    }
    for changes in 1...Self.mapChangeLimit { search(0, changes) }
    found.sort { $0.path.lexicographicallyPrecedes($1.path) }
    for item in found where list.count < maximumSuggestions { list.append(item.word) }
  }

  /// Hunspell's `map_related`, depth first; returns false when out of time.
  @discardableResult
  private func mapRelated(_ word: [UInt8], _ candidate: inout [UInt8], _ position: Int, _ list: inout [[UInt8]],
                          _ compounds: Int, _ timer: UnsafeMutablePointer<EditTimer>, _ depth: Int,
                          _ session: inout SuggestionSession) -> Bool {
    if position == word.count {
      if candidate == word { return true }
      if !list.contains(candidate) && check(candidate, compounds, timer, &session) != 0 {
        if list.count < maximumSuggestions { list.append(candidate) }
      }
      return true
    }
    if depth > 0x3F00 {
      timer.pointee.countdown = 0
      return false
    }
    var inMap = false
    for group in mapGroups {
      for member in group where !member.isEmpty {
        guard position + member.count <= word.count,
          word[position..<position + member.count].elementsEqual(member)
        else { continue }
        inMap = true
        let length = candidate.count
        for other in group {
          candidate.removeSubrange(length...)
          candidate += other
          mapRelated(word, &candidate, position + member.count, &list, compounds, timer, depth + 1, &session)
          if timer.pointee.expired { return false }
          if session.phaseTimeUp() {
            timer.pointee.countdown = 0
            return false
          }
        }
        candidate.removeSubrange(length...)
      }
    }
    if !inMap {
      candidate.append(word[position])
      mapRelated(word, &candidate, position + 1, &list, compounds, timer, depth + 1, &session)
      candidate.removeLast()
    }
    return true
  }

  /// Two neighbours swapped; for words of four or five characters, two swaps (ahev → have).
  func swapEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                 _ session: inout SuggestionSession) {
    let count = word.count
    guard count >= 2 else { return }
    var candidate = word
    for index in 0..<count - 1 {
      if session.phaseTimeUp() { return }
      candidate.swapAt(index, index + 1)
      test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
      candidate.swapAt(index, index + 1)
    }
    if count == 4 || count == 5 {
      candidate[0] = word[1]
      candidate[1] = word[0]
      candidate[2] = word[2]
      candidate[count - 2] = word[count - 1]
      candidate[count - 1] = word[count - 2]
      test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
      if count == 5 {
        candidate[0] = word[0]
        candidate[1] = word[2]
        candidate[2] = word[1]
        test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
      }
    }
  }

  /// Two characters up to four apart swapped.
  func longSwapEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                     _ session: inout SuggestionSession) {
    var candidate = word
    let count = word.count
    for first in 0..<count {
      for second in 0..<count {
        let distance = abs(second - first)
        guard distance > 1 && distance <= SpellEngine.maximumCharacterDistance && candidate[first] != candidate[second]
        else { continue }
        candidate.swapAt(first, second)
        test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
        candidate.swapAt(first, second)
      }
    }
  }

  /// A wrong key: the character in upper case, or a neighbour on the keyboard (KEY).
  func keyboardEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                     _ session: inout SuggestionSession) {
    var candidate = word
    let keys = keyboard
    let bar: UInt32 = 0x7C
    for index in word.indices {
      let original = candidate[index]
      let upper = plainCasing.upper(original)
      if upper != original {
        candidate[index] = upper
        test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
        candidate[index] = original
      }
      if keys.isEmpty { continue }
      var location = 0
      while location < keys.count && keys[location] != original { location += 1 }
      while location < keys.count {
        if session.phaseTimeUp() { return }
        if location > 0 && keys[location - 1] != bar {
          candidate[index] = keys[location - 1]
          test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
        }
        if location + 1 < keys.count && keys[location + 1] != bar {
          candidate[index] = keys[location + 1]
          test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
        }
        location += 1
        while location < keys.count && keys[location] != original { location += 1 }
      }
      candidate[index] = original
    }
  }

  /// A character too many (from the end).
  func extraCharacterEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                           _ session: inout SuggestionSession) {
    guard word.count >= 2 else { return }
    for index in stride(from: word.count - 1, through: 0, by: -1) {
      var candidate = word
      candidate.remove(at: index)
      test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
    }
  }

  /// Whether a TRY character is worth trying before `position` of `word`: Dateline does not put
  /// a capital right after a lower-case letter (French TRY lists 31 capitals, and such words,
  /// McDonald or iPod, are no single edit away from a lower-case misspelling; the KEY edit still
  /// tries each letter's own capital). A third fewer candidates for French.
  @inline(__always)
  func worthTrying(_ character: UInt32, isCapital: Bool, before position: Int, of word: [UInt32]) -> Bool {
    guard isCapital, position > 0 else { return true }
    let previous = word[position - 1]
    return plainCasing.lower(previous) == previous && plainCasing.upper(previous) != previous ? false : true
  }

  /// A forgotten character: each TRY character at each place (from the end).
  func forgottenCharacterEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int,
                               _ info: inout EditInfo, _ session: inout SuggestionSession) {
    var timer = EditTimer()
    withUnsafeMutablePointer(to: &timer) { timer in
      var candidate = word
      for (character, isCapital) in zip(tryCharacters, tryCapitals) {
        for index in stride(from: word.count, through: 0, by: -1) {
          if !worthTrying(character, isCapital: isCapital, before: index, of: word) { continue }
          candidate.insert(character, at: index)
          test(&list, DictionaryUTF8.bytes(candidate), compounds, timer, &info, &session)
          candidate.remove(at: index)
          if timer.pointee.expired { return }
        }
      }
    }
  }

  /// A character moved up to four places (forwards, then backwards).
  func movedCharacterEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                           _ session: inout SuggestionSession) {
    let count = word.count
    guard count >= 2 else { return }
    let distance = SpellEngine.maximumCharacterDistance
    for start in 0..<count {
      var candidate = word
      var position = start + 1
      while position < count && position - start <= distance {
        candidate.swapAt(position, position - 1)
        if position - start >= 2 { test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session) }
        position += 1
      }
    }
    for start in stride(from: count - 1, through: 0, by: -1) {
      var candidate = word
      var position = start - 1
      while position >= 0 && start - position <= distance {
        candidate.swapAt(position, position + 1)
        if start - position >= 2 { test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session) }
        position -= 1
      }
    }
  }

  /// A wrong character: each TRY character in each place (from the end).
  func wrongCharacterEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                           _ session: inout SuggestionSession) {
    var timer = EditTimer()
    withUnsafeMutablePointer(to: &timer) { timer in
      var candidate = word
      for (character, isCapital) in zip(tryCharacters, tryCapitals) {
        for index in stride(from: word.count - 1, through: 0, by: -1) {
          let original = candidate[index]
          if original == character || !worthTrying(character, isCapital: isCapital, before: index, of: word) {
            continue
          }
          candidate[index] = character
          test(&list, DictionaryUTF8.bytes(candidate), compounds, timer, &info, &session)
          if timer.pointee.expired { return }
          candidate[index] = original
        }
      }
    }
  }

  /// Two characters typed twice (vacacation → vacation).
  func doubledPairEdits(_ list: inout [[UInt8]], _ word: [UInt32], _ compounds: Int, _ info: inout EditInfo,
                        _ session: inout SuggestionSession) {
    let count = word.count
    guard count >= 5 else { return }
    var repeats = 0
    for index in 2..<count {
      if word[index] == word[index - 2] {
        repeats += 1
        if repeats == 3 || (repeats == 2 && index >= 4) {
          let candidate = Array(word[0..<index - 1]) + word[(index + 1)...]
          test(&list, DictionaryUTF8.bytes(candidate), compounds, nil, &info, &session)
          repeats = 0
        }
      } else {
        repeats = 0
      }
    }
  }

  /// Two words run together: a dictionary word pair ("a lot", with a space or a dash) replaces
  /// everything else; otherwise, unless NOSPLITSUGS, two right words (with a space, and with a
  /// dash where the language uses it). Returns whether a good suggestion exists.
  func twoWordEdits(_ list: inout [[UInt8]], _ word: [UInt8], _ characters: [UInt32], _ compounds: Int, good: Bool,
                    _ info: inout EditInfo, _ session: inout SuggestionSession) -> Bool {
    var good = good
    let length = utf8 ? word.count : characters.count
    guard length >= 3 else { return false }
    let noSplit = engine.rules.noSplitSuggestions
    let count = characters.count
    guard count >= 2 else { return good }
    for split in 1..<count {
      let first = DictionaryUTF8.bytes(Array(characters[0..<split]))
      let second = DictionaryUTF8.bytes(Array(characters[split...]))
      if compounds == 0 {
        let pair = first + [0x20] + second
        if check(pair, 0, nil, &session) != 0 {
          info.best = true
          if !good {
            good = true
            list.removeAll()
          }
          list.insert(pair, at: 0)
        }
        if dashUsage {
          let dashed = first + [UInt8(ascii: "-")] + second
          if check(dashed, 0, nil, &session) != 0 {
            info.best = true
            if !good {
              good = true
              list.removeAll()
            }
            list.insert(dashed, at: 0)
          }
        }
      }
      guard list.count < maximumSuggestions && !noSplit && !good else { continue }
      guard check(first, compounds, nil, &session) != 0, check(second, compounds, nil, &session) != 0 else { continue }
      let spaced = first + [0x20] + second
      var isNew = !list.contains(spaced)
      if isNew && list.count < maximumSuggestions { list.append(spaced) }
      if dashUsage && count - split > 1 && split > 1 {
        let dashed = first + [UInt8(ascii: "-")] + second
        if list.contains(dashed) { isNew = false }
        if list.count < maximumSuggestions && isNew { list.append(dashed) }
      }
    }
    return good
  }
}

