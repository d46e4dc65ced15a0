extension HunspellDictionary {
  /// Suggestions for a misspelled word, best first, at most 15: Hunspell's `suggest` (as
  /// `hunspell -a` lists them), then lightly re-ranked for journalists (see `SuggestionRanking`):
  /// a word that differs only by accents or by its capital comes before other edits.
  ///
  /// Hunspell's order: the word's case variants, then "good" edits (upper case, REP, MAP related
  /// characters, swapped, moved, missing, extra and wrong characters from KEY and TRY, two words
  /// run together), compounds only when nothing else came, then n-gram and PHONE suggestions over
  /// the word list when no good edit was found. NOSUGGEST, FORBIDDENWORD and ONLYINCOMPOUND words
  /// are never suggested; ICONV and OCONV apply; the word's capitalisation is given back to the
  /// suggestions. Empty for an empty word. Like Hunspell, each phase stops after a time limit
  /// (100 ms, 250 ms in all), which ordinary words never reach.
  public func suggest(_ word: String) -> [String] {
    let bytes = Array(word.utf8)
    var session = SuggestionSession()
    let found = suggester.suggest(bytes, &session)
    return suggester.ranked(found, for: bytes, mapSkipped: session.mapSkipped, &session).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// The suggestions `suggest` makes from edits of the word alone (case, REP, MAP, KEY, TRY, moved,
  /// missing and extra characters, two words), without the n-gram search over the whole word list
  /// that `suggest` runs when no good edit is found. Whenever an edit is a word, the same best
  /// suggestion as `suggest` (which may add n-gram ones after it); empty otherwise. A fraction of
  /// a millisecond where the n-gram search takes several: for questions such as "is this one slip
  /// away from a known word?".
  public func editSuggestions(_ word: String) -> [String] {
    let bytes = Array(word.utf8)
    var session = SuggestionSession()
    session.skipsNgrams = true
    let found = suggester.suggest(bytes, &session)
    return suggester.ranked(found, for: bytes, mapSkipped: session.mapSkipped, &session).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// Hunspell's suggestions exactly, without Dateline's re-ranking (for comparisons with
  /// `hunspell -a`).
  public func hunspellSuggestions(_ word: String) -> [String] {
    suggester.suggestions(for: Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// The suggestion half of the Hunspell engine: what it needs of the `.aff` tables, prepared once
/// (REP, MAP, KEY, TRY as characters or bytes, the PHONE rules, the order in which Hunspell walks
/// its word table for n-gram suggestions), and the algorithms, in extensions, one file each.
/// Immutable; each call keeps its own `SuggestionSession`.
final class HunspellSuggester: Sendable {
  let engine: SpellEngine
  /// Hunspell's MAXSUGGESTION.
  let maximumSuggestions = 15
  /// MAXCPDSUGS (3 when unset): suggestions that compounding may add.
  let maximumCompoundSuggestions: Int
  /// MAXNGRAMSUGS (4 when unset).
  let maximumNgramSuggestions: Int
  let tryCharacters: [UInt32]
  /// Whether each TRY character is a capital.
  let tryCapitals: [Bool]
  let keyboard: [UInt32]
  /// REP rules and `ph:` replacements as bytes, in Hunspell's order.
  let replacements: [SuggestReplacement]
  /// MAP groups: each member (a character, or characters written in parentheses) as bytes.
  let mapGroups: [[[UInt8]]]
  /// For each lower-case character of a MAP group, the group's first (`foldedCharacters`).
  let mapRepresentatives: [UInt32: UInt32]
  /// The PHONE table, or nil.
  let phonetic: PhoneticCode?
  /// Whether the language writes compounds with a dash (TRY has `-` or `a`).
  let dashUsage: Bool
  let utf8: Bool
  /// The first `ph:` field of the entries that have one.
  let phoneticFields: [Int32: [UInt8]]
  /// The entries of the word table in the order of Hunspell's hash table (n-gram ties are broken
  /// by it), without the entries Hunspell drops, each with its n-gram key and pair mask
  /// (`NGramKeys`); made on the first n-gram search.
  let ngramIndex: LazyNGramIndex
  /// Case mapping without the Turkic rules (Hunspell's KEY edit uses it).
  let plainCasing = HunspellCaseMapping(turkic: false)

  /// `declaredCount`: the word count on the first line of the `.dic` (Hunspell sizes its hash
  /// table by it).
  init(engine: SpellEngine, declaredCount: Int) {
    self.engine = engine
    let rules = engine.rules
    maximumCompoundSuggestions = rules.maxCompoundSuggestions >= 0 ? rules.maxCompoundSuggestions : 3
    maximumNgramSuggestions = rules.maxNgramSuggestions >= 0 ? rules.maxNgramSuggestions : 4
    tryCharacters = rules.tryCharacters.unicodeScalars.map(\.value)
    let casing = HunspellCaseMapping(turkic: false)
    tryCapitals = tryCharacters.map { casing.lower($0) != $0 }
    keyboard = (rules.keyboard.isEmpty ? SpellEngine.defaultKeyboard : rules.keyboard).unicodeScalars.map(\.value)
    replacements = engine.replacements.map {
      SuggestReplacement(pattern: Array($0.pattern.utf8), replacement: Array($0.replacement.utf8),
                         atWordStart: $0.atWordStart, atWordEnd: $0.atWordEnd)
    }
    mapGroups = rules.characterMap.map { group in group.map { Array($0.utf8) } }
    mapRepresentatives = Self.mapRepresentatives(mapGroups, casing: engine.casing)
    phonetic = rules.phoneticRules.isEmpty ? nil : PhoneticCode(rules: rules.phoneticRules)
    dashUsage = rules.tryCharacters.contains("-") || rules.tryCharacters.contains("a")
    utf8 = rules.encoding == .utf8
    phoneticFields = Self.firstPhoneticFields(engine.words)
    let fields = phoneticFields
    ngramIndex = LazyNGramIndex {
      let made = Self.ngramIndex(engine, declaredCount: declaredCount, phoneticFields: fields)
      return NGramIndex(order: made.order, keys: made.keys, pairs: made.pairs)
    }
  }

  /// The word count on the first line of a `.dic` file (0 when unreadable).
  static func declaredCount(_ dictionary: [UInt8]) -> Int {
    var start = 0
    if dictionary.count >= 3 && dictionary[0] == 0xEF && dictionary[1] == 0xBB && dictionary[2] == 0xBF { start = 3 }
    var end = start
    while end < dictionary.count && dictionary[end] != 0x0A { end += 1 }
    return DictionaryLines.number(dictionary[start..<end]) ?? 0
  }

  // MARK: - Hunspell's suggest

  /// Hunspell's `suggest` for UTF-8 `word`.
  func suggestions(for word: [UInt8]) -> [[UInt8]] {
    var session = SuggestionSession()
    return suggest(word, &session)
  }

  /// `HunspellImpl::suggest`: the suggestions of `suggestInternal`, capitalised like the word,
  /// with the word's dots (SUGSWITHDOTS), without forms that are wrong in this capitalisation,
  /// without repeats, through OCONV.
  func suggest(_ word: [UInt8], _ session: inout SuggestionSession) -> [[UInt8]] {
    if session.suggestStack.count > 2048 || session.suggestStack.contains(word) { return [] }
    if session.globalTimeUp() { return [] }
    session.suggestStack.append(word)
    let result = suggestInternal(word, &session)
    session.suggestStack.removeLast()
    var list = result.list
    let casing = engine.casing
    if engine.rules.complexPrefixes { list = list.map { DictionaryUTF8.reversedCharacters($0) } }

    if result.capitalizeWords {
      for index in list.indices {
        let capitalized = casing.capitalized(list[index])
        if capitalized == word { continue }
        list[index] = capitalized
      }
    }
    if result.dots > 0 && engine.rules.suggestWithDots && word.count >= result.dots {
      for index in list.indices { list[index] += word[(word.count - result.dots)...] }
    }
    // Forms wrong in this capitalisation: their lower-case or capitalised form, when that is right.
    if result.capitalization != .lower {
      var kept: [[UInt8]] = []
      for suggestion in list {
        var bad = !spell(suggestion, &session)
        if bad && suggestion.contains(0x20) {
          bad = false
          for part in suggestion.split(separator: 0x20, omittingEmptySubsequences: true)
          where !spell(Array(part), &session) {
            bad = true
            break
          }
        }
        if bad {
          let lowered = casing.lowercased(suggestion)
          if spell(lowered, &session) {
            kept.append(lowered)
          } else {
            let capitalized = casing.capitalized(lowered)
            if spell(capitalized, &session) { kept.append(capitalized) }
          }
        } else {
          kept.append(suggestion)
        }
      }
      list = kept
    }
    list = Self.withoutRepeats(list)
    if !engine.rules.outputConversion.isEmpty {
      list = list.compactMap { suggestion in
        let converted = engine.rules.outputConversion.convert(suggestion) ?? suggestion
        return converted == word ? nil : converted
      }
    }
    return list
  }

  /// A list without its repeats, first occurrences kept.
  static func withoutRepeats(_ list: [[UInt8]]) -> [[UInt8]] {
    var result: [[UInt8]] = []
    for item in list where !result.contains(item) { result.append(item) }
    return result
  }

  /// Whether a word is right, as `check` says.
  func spell(_ word: [UInt8], _ session: inout SuggestionSession) -> Bool {
    engine.spell(word, &session.spellState)
  }

  struct InternalResult {
    var list: [[UInt8]] = []
    var capitalizeWords = false
    var dots = 0
    var capitalization: HunspellCapitalization = .lower
  }

  /// `HunspellImpl::suggest_internal`: the edits of the word in its capitalisations, n-gram
  /// suggestions when none of them is good, suggestions for the parts of a word with dashes.
  func suggestInternal(_ word: [UInt8], _ session: inout SuggestionSession) -> InternalResult {
    var result = InternalResult()
    let rules = engine.rules
    let casing = engine.casing
    if engine.isTooLong(word) { return result }
    var input = word
    if let converted = rules.inputConversion.convert(word) {
      if engine.isTooLong(converted) { return result }
      input = converted
    }
    let (scw, dots) = engine.cleaned(input)
    result.dots = dots
    guard !scw.isEmpty else { return result }
    let capitalization = casing.capitalization(of: scw)
    result.capitalization = capitalization
    var good = false
    var onlyCompounds = false
    var list: [[UInt8]] = []

    // FORCEUCASE: a word that is right when capitalised.
    if rules.forceUppercase != 0 && capitalization == .lower {
      var info: SpellCheckInfo = .originalCapitals
      if engine.checkWord(scw, &session.spellState, info: &info) >= 0 {
        result.list = [casing.capitalized(scw)]
        return result
      }
    }

    switch capitalization {
    case .lower:
      good = edits(&list, scw, &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
      if dots > 0 {
        good = edits(&list, scw + [UInt8(ascii: ".")], &onlyCompounds, &session) || good
        if session.globalTimeUp() { return result.with(list) }
      }
    case .initial:
      result.capitalizeWords = true
      good = edits(&list, scw, &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
      good = edits(&list, casing.lowercased(scw), &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
    case .mixed, .mixedInitial:
      if capitalization == .mixedInitial { result.capitalizeWords = true }
      good = edits(&list, scw, &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
      // something.The → something. The
      if let dot = scw.firstIndex(of: UInt8(ascii: ".")) {
        let afterDot = Array(scw[(dot + 1)...])
        if casing.capitalization(of: afterDot) == .initial {
          list.insert(Array(scw[...dot]) + [0x20] + afterDot, at: 0)
        }
      }
      if capitalization == .mixedInitial {
        // TheOpenOffice.org → The OpenOffice.org
        good = edits(&list, casing.firstLowercased(scw), &onlyCompounds, &session) || good
        if session.globalTimeUp() { return result.with(list) }
      }
      var lowered = casing.lowercased(scw)
      if spell(lowered, &session) { list.insert(lowered, at: 0) }
      let previousCount = list.count
      good = edits(&list, lowered, &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
      if capitalization == .mixedInitial {
        lowered = casing.capitalized(lowered)
        if spell(lowered, &session) { list.insert(lowered, at: 0) }
        good = edits(&list, lowered, &onlyCompounds, &session) || good
        if session.globalTimeUp() { return result.with(list) }
      }
      // aNew → "a New" (not "a new"): such a split goes first, its second word capitalised.
      var index = previousCount
      while index < list.count {
        let suggestion = list[index]
        if let space = suggestion.firstIndex(of: 0x20) {
          let second = Array(suggestion[(space + 1)...])
          if second.count < scw.count && !scw[(scw.count - second.count)...].elementsEqual(second) {
            list.remove(at: index)
            list.insert(Array(suggestion[...space]) + casing.capitalized(second), at: 0)
          }
        }
        index += 1
      }
    case .all:
      var lowered = casing.lowercased(scw)
      good = edits(&list, lowered, &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
      if rules.keepCase != 0 && spell(lowered, &session) { list.insert(lowered, at: 0) }
      lowered = casing.capitalized(lowered)
      good = edits(&list, lowered, &onlyCompounds, &session) || good
      if session.globalTimeUp() { return result.with(list) }
      for index in list.indices {
        var upper = casing.uppercased(list[index])
        if rules.checkSharps { upper = Self.replacingSharpS(upper) }
        list[index] = upper
      }
    }

    // Hungarian: a dash between the parts of a forbidden compound becomes a space.
    if rules.languageKind == .hungarian {
      for index in list.indices {
        guard let dash = list[index].firstIndex(of: UInt8(ascii: "-")) else { continue }
        var joined = list[index]
        joined.remove(at: dash)
        var info = SpellCheckInfo()
        _ = engine.spell(joined, &session.spellState, info: &info)
        list[index][dash] = info.contains(.compound) && info.contains(.forbidden) ? 0x20 : UInt8(ascii: "-")
      }
    }

    // No good edit: n-grams over the word list.
    if !good && (list.isEmpty || onlyCompounds) && rules.maxNgramSuggestions != 0 && !session.skipsNgrams {
      switch capitalization {
      case .lower:
        ngramSuggestions(&list, scw, capitalization: .lower, &session)
      case .mixed, .mixedInitial:
        if capitalization == .mixedInitial { result.capitalizeWords = true }
        ngramSuggestions(&list, casing.lowercased(scw), capitalization: .mixed, &session)
      case .initial:
        result.capitalizeWords = true
        ngramSuggestions(&list, casing.lowercased(scw), capitalization: .initial, &session)
      case .all:
        let before = list.count
        ngramSuggestions(&list, casing.lowercased(scw), capitalization: .all, &session)
        for index in before..<list.count { list[index] = casing.uppercased(list[index]) }
      }
      if session.globalTimeUp() { return result.with(list) }
    }

    // A word with dashes: suggestions for its first wrong part (Afo-American → Afro-American).
    if var dash = scw.firstIndex(of: UInt8(ascii: "-")) {
      var noDashSuggestion = !list.contains { $0.contains(UInt8(ascii: "-")) }
      var previous = 0
      var last = false
      while !good && noDashSuggestion && !last {
        if dash == scw.count { last = true }
        let chunk = Array(scw[previous..<dash])
        if chunk != word && !spell(chunk, &session) {
          let partSuggestions = suggest(chunk, &session)
          if session.globalTimeUp() { return result.with(list) }
          for part in partSuggestions.reversed() {
            var candidate = Array(scw[0..<previous]) + part
            if !last { candidate += [UInt8(ascii: "-")] + scw[(dash + 1)...] }
            var info = SpellCheckInfo()
            _ = engine.checkWord(candidate, &session.spellState, info: &info)
            if !info.contains(.forbidden) { list.insert(candidate, at: 0) }
          }
          noDashSuggestion = false
        }
        if !last {
          previous = dash + 1
          dash = scw[previous...].firstIndex(of: UInt8(ascii: "-")) ?? scw.count
        }
      }
    }
    return result.with(list)
  }

  /// `ß` as `SS` (upper-case suggestions with CHECKSHARPS).
  static func replacingSharpS(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes[...].containsSequence([0xC3, 0x9F]) else { return bytes }
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if index + 1 < bytes.count && bytes[index] == 0xC3 && bytes[index + 1] == 0x9F {
        output += [0x53, 0x53]
        index += 2
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return output
  }
}

extension HunspellSuggester.InternalResult {
  func with(_ list: [[UInt8]]) -> Self {
    var copy = self
    copy.list = list
    return copy
  }
}

/// One REP rule as bytes.
struct SuggestReplacement: Sendable {
  let pattern: [UInt8]
  let replacement: [UInt8]
  let atWordStart: Bool
  let atWordEnd: Bool
}

/// The mutable state of one `suggest` call: lookup states, the clocks of Hunspell's time limits,
/// the words being suggested for (the dash rule recurses).
struct SuggestionSession {
  /// For `spell` (right words, as `check` says).
  var spellState = LookupState()
  /// For candidate suggestions (compounds see NOSUGGEST as not there).
  var checkState: LookupState = {
    var state = LookupState()
    state.forSuggestion = true
    return state
  }()
  let start = ContinuousClock.now
  /// When the current round of edits started (`SuggestMgr::suggest`).
  var phaseStart = ContinuousClock.now
  var phaseTimedOut = false
  var suggestStack: [[UInt8]] = []
  /// Whether a round of edits stopped at a REP suggestion, before MAP (for `ranked`).
  var mapSkipped = false
  /// Whether to leave out the n-gram search (`editSuggestions`).
  var skipsNgrams = false
  /// Checks until the clock is read again.
  var clockCountdown = 0

  /// Hunspell's limits (`SpellEngine.timeLimitScale` times longer in debug builds).
  static let globalLimit = Duration.milliseconds(250 * SpellEngine.timeLimitScale)
  static let phaseLimit = Duration.milliseconds(100 * SpellEngine.timeLimitScale)
  static let timerLimit = Duration.milliseconds(50 * SpellEngine.timeLimitScale)

  func globalTimeUp() -> Bool {
    ContinuousClock.now - start > Self.globalLimit
  }

  /// Whether the current round of edits is out of time (the clock is read every few calls).
  mutating func phaseTimeUp() -> Bool {
    if phaseTimedOut { return true }
    clockCountdown -= 1
    if clockCountdown > 0 { return false }
    clockCountdown = 16
    phaseTimedOut = ContinuousClock.now - phaseStart > Self.phaseLimit
    return phaseTimedOut
  }

  mutating func startPhase() {
    phaseStart = .now
    phaseTimedOut = false
    clockCountdown = 0
  }
}

extension SpellEngine {
  /// Hunspell's time limits (of suggestions, and of the compound search) are twenty times longer
  /// in debug builds, which run about that much slower, so that their tests see what release
  /// builds give (the limits keep their proportions: Hunspell's `timelimit` test depends on them).
  #if DEBUG
    static let timeLimitScale: Int64 = 20
  #else
    static let timeLimitScale: Int64 = 1
  #endif
}
