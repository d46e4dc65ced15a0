/// Hunspell's `ngsuggest`, for words no single edit repairs: the 100 dictionary words most like the
/// misspelling by 3-grams (and by PHONE codes when the `.aff` has them), their affixed forms that
/// end and start like the misspelling, scored again more finely; the best few are suggested.
extension HunspellSuggester {
  static let maximumRoots = 100
  static let maximumForms = 100
  static let maximumGuesses = 200
  static let maximumPhoneticSuggestions = 2

  /// One affixed form of a root: what is compared, and what is suggested (a form reached through
  /// a `ph:` spelling is compared as that spelling but suggested as the real word).
  struct Form {
    var word: [UInt8]
    var crosses: Bool
    var original: [UInt8]?
  }

  /// Adds n-gram (and phonetic) suggestions for `word` (lower case unless `capitalization` is
  /// `.lower`) to `list`.
  func ngramSuggestions(_ list: inout [[UInt8]], _ given: [UInt8], capitalization: HunspellCapitalization,
                        _ session: inout SuggestionSession) {
    let rules = engine.rules
    let words = engine.words
    let casing = engine.casing
    let word = rules.complexPrefixes ? DictionaryUTF8.reversedCharacters(given) : given
    let byteLength = utf8 ? word.count : DictionaryUTF8.count(word, 0..<word.count)
    let scalars = DictionaryUTF8.scalars(word, 0..<word.count)
    // Beyond the BMP Hunspell compares bytes, without lowering.
    let nonBMP = utf8 && scalars.contains { $0 > 0xFFFF }
    let units: [UInt32] = nonBMP ? word.map { UInt32($0) } : scalars
    let lowering = !nonBMP
    let n = units.count
    if n > (utf8 ? 300 : 100) * 4 { return }
    let lower: (UInt32) -> UInt32 = nonBMP ? { Self.latin1Lower($0) } : { casing.lower($0) }
    func unitsOf(_ bytes: ArraySlice<UInt8>) -> [UInt32] {
      nonBMP ? bytes.map { UInt32($0) } : DictionaryUTF8.scalars(Array(bytes), 0..<bytes.count)
    }
    func lowered(_ values: [UInt32]) -> [UInt32] { lowering ? values.map(lower) : values }

    let phone = phonetic
    var target: [UInt8] = []
    if let phone {
      target = phone.transcribe(nonBMP ? word : casing.uppercased(word))
    }
    let targetUnits = phone == nil ? [] : unitsOf(target[...])

    // The roots: the dictionary words most like the misspelling.
    var roots = [Int32](repeating: -1, count: Self.maximumRoots)
    var rootScores = (0..<Self.maximumRoots).map { -100 * $0 }
    var phoneticRoots = [Int32](repeating: -1, count: Self.maximumRoots)
    var phoneticScores = (0..<Self.maximumRoots).map { -100 * $0 }
    var lowest = Self.maximumRoots - 1
    var lowestPhonetic = Self.maximumRoots - 1
    var hasRoots = false
    let skipFlags = ngramSkipFlags
    let textBytes = words.text
    let starts = words.starts
    let fast = phone == nil && !nonBMP && n <= NGramKeys.longestWord && !rules.complexPrefixes
      && rules.languageKind != .german
    if fast {
      hasRoots = fastRoots(units, capitalization: capitalization, &roots, &rootScores)
    } else {
      for entry in ngramIndex.value.order {
        let start = Int(starts[Int(entry)])
        let end = Int(starts[Int(entry) + 1])
        let length = textBytes.withUnsafeBufferPointer { Self.unitCount($0, start, end, nonBMP: nonBMP) }
        if !nonBMP && abs(n - length) > 4 { continue }
        let phoneticField = phoneticFields.isEmpty ? nil : phoneticFields[entry]
        if capitalization == .lower && phone == nil && rules.languageKind != .german && phoneticField == nil
          && casing.capitalization(of: textBytes, start..<end) == .initial
        {
          continue
        }
        if words.hasFlags(entry) && skipFlags.contains(where: { engine.has(entry, $0) }) { continue }
        let dictionaryUnits = unitsOf(textBytes[start..<end])
        var score = Self.ngram(3, units, lowered(dictionaryUnits), longerWorse: true)
          + Self.leftCommon(units, dictionaryUnits, lower: lower, complexPrefixes: rules.complexPrefixes)
        if let phoneticField {
          let fieldUnits = unitsOf(phoneticField[...])
          let alternative = Self.ngram(3, units, lowered(fieldUnits), longerWorse: true)
            + Self.leftCommon(units, fieldUnits, lower: lower, complexPrefixes: rules.complexPrefixes)
          score = max(score, alternative)
        }
        var phoneticScore = -20000
        if let phone, score > 2, abs(n - length) <= 3 {
          let code = phone.transcribe(casing.uppercased(Array(textBytes[start..<end])))
          phoneticScore = 2 * Self.ngram(3, targetUnits, unitsOf(code[...]), longerWorse: true)
        }
        if score > rootScores[lowest] {
          rootScores[lowest] = score
          roots[lowest] = entry
          hasRoots = true
          lowest = Self.lowestSlot(rootScores, from: lowest)
        }
        if phoneticScore > phoneticScores[lowestPhonetic] {
          phoneticScores[lowestPhonetic] = phoneticScore
          phoneticRoots[lowestPhonetic] = entry
          hasRoots = true
          lowestPhonetic = Self.lowestSlot(phoneticScores, from: lowestPhonetic)
        }
      }
    }
    guard hasRoots else { return }
    if session.globalTimeUp() { return }

    // The threshold: the score of the misspelling with every fourth character masked, averaged
    // over three offsets.
    var threshold = 0
    for offset in 1..<4 {
      var masked = units
      var index = offset
      while index < n {
        masked[index] = UInt32(UInt8(ascii: "*"))
        index += 4
      }
      threshold += Self.ngram(n, units, lowered(masked), anyMismatch: true)
    }
    threshold = threshold / 3 - 1

    // The guesses: the roots' forms, by a rough score.
    var guesses = [[UInt8]?](repeating: nil, count: Self.maximumGuesses)
    var guessOriginals = [[UInt8]?](repeating: nil, count: Self.maximumGuesses)
    var guessScores = (0..<Self.maximumGuesses).map { -100 * $0 }
    lowest = Self.maximumGuesses - 1
    for root in roots where root >= 0 {
      for form in expand(root, misspelling: word, byteLength: byteLength) {
        let formUnits = unitsOf(form.word[...])
        let score = Self.ngram(n, units, lowered(formUnits), anyMismatch: true)
          + Self.leftCommon(units, formUnits, lower: lower, complexPrefixes: rules.complexPrefixes)
        guard score > threshold, score > guessScores[lowest] else { continue }
        guessScores[lowest] = score
        guesses[lowest] = form.word
        guessOriginals[lowest] = form.original
        lowest = Self.lowestSlot(guessScores, from: lowest)
      }
    }
    Self.sortByScore(&guesses, &guessOriginals, &guessScores)
    if phone != nil {
      var none = [[UInt8]?](repeating: nil, count: Self.maximumRoots)
      var phoneticWords = phoneticRoots.map { $0 >= 0 ? Array(words.word($0)) : nil }
      Self.sortByScore(&phoneticWords, &none, &phoneticScores)
      phoneticRoots = []
      finishPhonetic(&list, phoneticWords, &phoneticScores, units, lower: lower, nonBMP: nonBMP, &session,
                     guesses: &guesses, guessOriginals: &guessOriginals, guessScores: &guessScores)
      return
    }
    rescore(&guesses, &guessOriginals, &guessScores, units, lower: lower, nonBMP: nonBMP, hasPhone: false)
    copyGuesses(&list, guesses, guessOriginals, guessScores, &session)
  }

  /// The n-gram and phonetic suggestions when the `.aff` has PHONE rules.
  private func finishPhonetic(_ list: inout [[UInt8]], _ phoneticWords: [[UInt8]?], _ phoneticScores: inout [Int],
                              _ units: [UInt32], lower: (UInt32) -> UInt32, nonBMP: Bool,
                              _ session: inout SuggestionSession, guesses: inout [[UInt8]?],
                              guessOriginals: inout [[UInt8]?], guessScores: inout [Int]) {
    rescore(&guesses, &guessOriginals, &guessScores, units, lower: lower, nonBMP: nonBMP, hasPhone: true)
    var phoneticWords = phoneticWords
    let n = units.count
    for index in 0..<Self.maximumRoots {
      guard let candidate = phoneticWords[index] else { continue }
      let candidateUnits = nonBMP ? candidate.map { UInt32($0) } : DictionaryUTF8.scalars(candidate, 0..<candidate.count)
      let loweredUnits = nonBMP ? candidateUnits : candidateUnits.map(lower)
      phoneticScores[index] += 2 * Self.longestCommonSubsequence(units, loweredUnits) - abs(n - candidateUnits.count)
        + Self.leftCommon(units, loweredUnits, lower: lower, complexPrefixes: engine.rules.complexPrefixes)
    }
    var none = [[UInt8]?](repeating: nil, count: Self.maximumRoots)
    Self.sortByScore(&phoneticWords, &none, &phoneticScores)
    copyGuesses(&list, guesses, guessOriginals, guessScores, &session)
    let before = list.count
    for candidate in phoneticWords {
      guard let candidate else { continue }
      guard list.count < before + Self.maximumPhoneticSuggestions && list.count < maximumSuggestions else { continue }
      if isNewNgramSuggestion(candidate, candidate, list, &session) { list.append(candidate) }
    }
  }

  /// The precise score of each guess: 2000 more for the misspelling in another case (and the
  /// scoring stops there, as Hunspell's does), else the longest common subsequence, the common
  /// start, equal positions, a swap, 4-grams and weighted bigrams, -1000 for a poor match.
  private func rescore(_ guesses: inout [[UInt8]?], _ originals: inout [[UInt8]?], _ scores: inout [Int],
                       _ units: [UInt32], lower: (UInt32) -> UInt32, nonBMP: Bool, hasPhone: Bool) {
    let n = units.count
    let maximumDifference = engine.rules.maxDifference
    let factor = maximumDifference >= 0 ? (10.0 - Double(maximumDifference)) / 5.0 : 1.0
    let loweredWord = nonBMP ? units : units.map(lower)
    for index in 0..<Self.maximumGuesses {
      guard let guess = guesses[index] else { continue }
      let guessUnits = nonBMP ? guess.map { UInt32($0) } : DictionaryUTF8.scalars(guess, 0..<guess.count)
      let loweredGuess = nonBMP ? guessUnits : guessUnits.map(lower)
      let length = guessUnits.count
      let common = Self.longestCommonSubsequence(units, loweredGuess)
      if n == length && n == common {
        scores[index] += 2000
        break
      }
      var weighted = Self.ngram(2, units, loweredGuess, anyMismatch: true, weighted: true)
      weighted += Self.ngram(2, loweredGuess, loweredWord, anyMismatch: true, weighted: true)
      let fourGrams = Self.ngram(4, units, loweredGuess, anyMismatch: true)
      let leftCommon = Self.leftCommon(units, loweredGuess, lower: lower, complexPrefixes: engine.rules.complexPrefixes)
      var swapped = false
      var samePositions = false
      if !nonBMP {
        let (same, swap) = Self.commonPositions(units, loweredGuess, lower: lower, complexPrefixes: engine.rules.complexPrefixes)
        samePositions = same > 0
        swapped = swap
      }
      let limit = hasPhone ? Double(length) * factor : Double(n + length) * factor
      scores[index] = 2 * common - abs(n - length) + leftCommon + (samePositions ? 1 : 0) + (swapped ? 10 : 0)
        + fourGrams + weighted + (Double(weighted) < limit ? -1000 : 0)
    }
    Self.sortByScore(&guesses, &originals, &scores)
  }

  /// Hunspell's copy of the best guesses: at most MAXNGRAMSUGS; only excellent ones (> 1000) when
  /// there are some; a poor one (< -100) only when nothing came before it (and not under
  /// ONLYMAXDIFF); never a word that contains an earlier suggestion.
  private func copyGuesses(_ list: inout [[UInt8]], _ guesses: [[UInt8]?], _ originals: [[UInt8]?], _ scores: [Int],
                           _ session: inout SuggestionSession) {
    let before = list.count
    var same = false
    for index in 0..<Self.maximumGuesses {
      guard let guess = guesses[index] else { continue }
      guard list.count < before + maximumNgramSuggestions && list.count < maximumSuggestions
        && (!same || scores[index] > 1000)
      else { continue }
      if scores[index] > 1000 {
        same = true
      } else if scores[index] < -100 {
        same = true
        if list.count > before || engine.rules.onlyMaxDifference { continue }
      }
      if isNewNgramSuggestion(originals[index] ?? guess, guess, list, &session) { list.append(originals[index] ?? guess) }
    }
  }

  /// Whether a guess may join the list: it holds no earlier suggestion, and (when there is one) it
  /// is an acceptable suggestion itself.
  private func isNewNgramSuggestion(_ compared: [UInt8], _ guess: [UInt8], _ list: [[UInt8]],
                                    _ session: inout SuggestionSession) -> Bool {
    guard !list.isEmpty else { return true }
    if list.contains(where: { compared[...].containsSequence($0) }) { return false }
    return check(guess, 0, nil, &session) != 0
  }

  // MARK: - Forms of a root

  /// Hunspell's `expand_rootword`: the root (unless it needs an affix), its suffixed forms whose
  /// suffix ends the misspelling, those crossed with prefixes that start it, its prefixed forms;
  /// at most 100. A root with a `ph:` spelling also gives that spelling (and its suffixed forms),
  /// compared as written but suggested as the real word.
  func expand(_ root: Int32, misspelling: [UInt8], byteLength: Int) -> [Form] {
    let rules = engine.rules
    let words = engine.words
    let rootWord = Array(words.word(root))
    let flags = Array(words.flags(root))
    let phoneticField = phoneticFields[root]
    var forms: [Form] = []
    let maximum = Self.maximumForms
    let hasFlags = !flags.isEmpty
    if !(hasFlags && ((rules.needAffix != 0 && flags.containsFlag(rules.needAffix))
      || (rules.onlyInCompound != 0 && flags.containsFlag(rules.onlyInCompound))))
    {
      forms.append(Form(word: rootWord, crosses: false, original: nil))
      if let phoneticField, forms.count < maximum {
        forms.append(Form(word: phoneticField, crosses: false, original: rootWord))
      }
    }
    let suffixes = engine.suffixTable
    let prefixes = engine.prefixTable
    func length(_ bytes: ArraySlice<UInt8>) -> Int {
      utf8 ? bytes.count : DictionaryUTF8.count(Array(bytes), 0..<bytes.count)
    }
    func usable(_ record: AffixRecord) -> Bool {
      !(record.traits.contains(.needAffix) || record.traits.contains(.circumfix)
        || record.traits.contains(.onlyInCompound))
    }
    for flag in flags {
      guard let indices = suffixes.byFlag[flag] else { continue }
      for index in indices.reversed() {
        let record = suffixes.records[Int(index)]
        let append = suffixes.append(record)
        if !append.isEmpty {
          guard byteLength > length(append), misspelling.count >= append.count,
            misspelling[(misspelling.count - append.count)...].elementsEqual(append)
          else { continue }
        }
        guard usable(record), let form = addSuffix(record, to: rootWord), !form.isEmpty else { continue }
        guard forms.count < maximum else { continue }
        forms.append(Form(word: form, crosses: record.traits.contains(.crossProduct), original: nil))
        if let phoneticField, forms.count < maximum {
          forms.append(Form(word: phoneticField + append, crosses: false, original: form))
        }
      }
    }
    let suffixed = forms.count
    if suffixed > 1 {
      for index in 1..<suffixed where forms[index].crosses {
        for flag in flags {
          guard let indices = prefixes.byFlag[flag] else { continue }
          for prefixIndex in indices.reversed() {
            let record = prefixes.records[Int(prefixIndex)]
            guard record.traits.contains(.crossProduct), startsMisspelling(prefixes.append(record), misspelling, byteLength)
            else { continue }
            guard let form = addPrefix(record, to: forms[index].word), !form.isEmpty, forms.count < maximum else {
              continue
            }
            forms.append(Form(word: form, crosses: true, original: nil))
          }
        }
      }
    }
    for flag in flags {
      guard let indices = prefixes.byFlag[flag] else { continue }
      for index in indices.reversed() {
        let record = prefixes.records[Int(index)]
        guard startsMisspelling(prefixes.append(record), misspelling, byteLength), usable(record) else { continue }
        guard let form = addPrefix(record, to: rootWord), !form.isEmpty, forms.count < maximum else { continue }
        forms.append(Form(word: form, crosses: record.traits.contains(.crossProduct), original: nil))
      }
    }
    return forms
  }

  /// Whether a prefix's added characters (none, or fewer than the misspelling's) start it.
  private func startsMisspelling(_ append: ArraySlice<UInt8>, _ misspelling: [UInt8], _ byteLength: Int) -> Bool {
    if append.isEmpty { return true }
    let length = utf8 ? append.count : DictionaryUTF8.count(Array(append), 0..<append.count)
    return byteLength > length && misspelling.count >= append.count
      && misspelling[0..<append.count].elementsEqual(append)
  }

  /// Hunspell's `SfxEntry::add`: the word with the suffix, or nil when the rule does not apply.
  func addSuffix(_ record: AffixRecord, to word: [UInt8]) -> [UInt8]? {
    let table = engine.suffixTable
    let strip = table.strip(record)
    let length = utf8 ? word.count : DictionaryUTF8.count(word, 0..<word.count)
    let stripLength = utf8 ? strip.count : DictionaryUTF8.count(Array(strip), 0..<strip.count)
    guard length > stripLength || (length == 0 && engine.rules.fullStrip) else { return nil }
    guard length >= Int(record.conditionCount), table.conditionHolds(record, word, 0..<word.count) else { return nil }
    guard strip.isEmpty || (word.count >= strip.count && word[(word.count - strip.count)...].elementsEqual(strip))
    else { return nil }
    return Array(word[0..<(word.count - strip.count)]) + table.append(record)
  }

  /// Hunspell's `PfxEntry::add`.
  func addPrefix(_ record: AffixRecord, to word: [UInt8]) -> [UInt8]? {
    let table = engine.prefixTable
    let strip = table.strip(record)
    let length = utf8 ? word.count : DictionaryUTF8.count(word, 0..<word.count)
    let stripLength = utf8 ? strip.count : DictionaryUTF8.count(Array(strip), 0..<strip.count)
    guard length > stripLength || (length == 0 && engine.rules.fullStrip) else { return nil }
    guard length >= Int(record.conditionCount), table.conditionHolds(record, word, 0..<word.count) else { return nil }
    guard strip.isEmpty || (word.count >= strip.count && word[0..<strip.count].elementsEqual(strip)) else { return nil }
    return Array(table.append(record)) + word[strip.count...]
  }

  // MARK: - Scores

  /// Hunspell's `ngram`: for j = 1…n, how many j-grams of `first` occur in `second` (weighted: a
  /// missing one costs 1, 2 at either end; unweighted, the count stops when fewer than two
  /// match), less a penalty for the difference in length.
  static func ngram(_ n: Int, _ first: [UInt32], _ second: [UInt32], longerWorse: Bool = false,
                    anyMismatch: Bool = false, weighted: Bool = false) -> Int {
    let l1 = first.count
    let l2 = second.count
    if l2 == 0 { return 0 }
    var score = 0
    if n >= 1 {
      first.withUnsafeBufferPointer { s1 in
        second.withUnsafeBufferPointer { s2 in
          for j in 1...n {
            var matches = 0
            if l1 - j >= 0 {
              for i in 0...(l1 - j) {
                var found = false
                if l2 - j >= 0 {
                  var l = 0
                  while l <= l2 - j {
                    var k = 0
                    while k < j && s1[i + k] == s2[l + k] { k += 1 }
                    if k == j {
                      found = true
                      break
                    }
                    l += 1
                  }
                }
                if found {
                  matches += 1
                } else if weighted {
                  matches -= 1
                  if i == 0 || i == l1 - j { matches -= 1 }
                }
              }
            }
            score += matches
            if matches < 2 && !weighted { break }
          }
        }
      }
    }
    var penalty = 0
    if longerWorse { penalty = (l2 - l1) - 2 }
    if anyMismatch { penalty = abs(l2 - l1) - 2 }
    return score - (penalty > 0 ? penalty : 0)
  }

  /// Hunspell's `leftcommonsubstring`: how many characters `first` (the misspelling) and
  /// `second` (a dictionary word, its first letter compared in lower case too) share at the
  /// start.
  static func leftCommon(_ first: [UInt32], _ second: [UInt32], lower: (UInt32) -> UInt32,
                         complexPrefixes: Bool) -> Int {
    let l1 = first.count
    let l2 = second.count
    if complexPrefixes {
      return l1 > 0 && l2 > 0 && first[l1 - 1] == second[l2 - 1] ? 1 : 0
    }
    let firstOfSecond = second.first ?? 0
    let firstOfFirst = first.first ?? 0
    if firstOfFirst != firstOfSecond && firstOfFirst != lower(firstOfSecond) { return 0 }
    var index = 1
    while index < l1 && index < l2 && first[index] == second[index] { index += 1 }
    return index
  }

  /// Hunspell's `commoncharacterpositions`: how many positions hold the same character, and
  /// whether the words differ by exactly one swap.
  static func commonPositions(_ first: [UInt32], _ second: [UInt32], lower: (UInt32) -> UInt32,
                              complexPrefixes: Bool) -> (Int, Bool) {
    guard !first.isEmpty, !second.isEmpty else { return (0, false) }
    var other = second
    if complexPrefixes {
      other[other.count - 1] = lower(other[other.count - 1])
    } else {
      other[0] = lower(other[0])
    }
    var same = 0
    var differences: [Int] = []
    for index in 0..<min(first.count, other.count) {
      if first[index] == other[index] {
        same += 1
      } else {
        differences.append(index)
      }
    }
    let swapped = differences.count == 2 && first.count == other.count
      && first[differences[0]] == other[differences[1]] && first[differences[1]] == other[differences[0]]
    return (same, swapped)
  }

  /// The length of the longest common subsequence.
  static func longestCommonSubsequence(_ first: [UInt32], _ second: [UInt32]) -> Int {
    guard !first.isEmpty, !second.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: second.count + 1)
    var current = previous
    for i in 1...first.count {
      for j in 1...second.count {
        if first[i - 1] == second[j - 1] {
          current[j] = previous[j - 1] + 1
        } else {
          current[j] = max(previous[j], current[j - 1])
        }
      }
      swap(&previous, &current)
    }
    return previous[second.count]
  }

  /// Hunspell's `bubblesort`: by decreasing score, stable.
  static func sortByScore(_ words: inout [[UInt8]?], _ originals: inout [[UInt8]?], _ scores: inout [Int]) {
    let count = scores.count
    guard count > 1 else { return }
    for m in 1..<count {
      var j = m
      while j > 0 && scores[j - 1] < scores[j] {
        scores.swapAt(j - 1, j)
        words.swapAt(j - 1, j)
        originals.swapAt(j - 1, j)
        j -= 1
      }
    }
  }

  /// Latin-1 lower case of a byte value (n-grams over bytes beyond the BMP).
  static func latin1Lower(_ value: UInt32) -> UInt32 {
    if (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7) { return value + 0x20 }
    return value
  }

  /// The length of `text[start..<end]` as Hunspell counts it: UTF-16 units, or bytes beyond the BMP.
  @inline(__always)
  static func unitCount(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, nonBMP: Bool) -> Int {
    if nonBMP { return end - start }
    var count = 0
    for index in start..<end {
      let byte = text[index]
      if byte & 0xC0 != 0x80 { count += 1 }
      if byte >= 0xF0 { count += 1 }
    }
    return count
  }

  // MARK: - The walk order

  /// The first `ph:` field of each entry that has one.
  static func firstPhoneticFields(_ words: WordTable) -> [Int32: [UInt8]] {
    let marker = Array("ph:".utf8)
    let fields: [[UInt8]?] = words.descriptions.map { description in
      let bytes = Array(description.utf8)
      guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else { return nil }
      let value = bytes[(start + 3)...].prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }
      return value.isEmpty ? nil : Array(value)
    }
    guard fields.contains(where: { $0 != nil }) else { return [:] }
    var result: [Int32: [UInt8]] = [:]
    for entry in words.entries {
      let number = words.descriptionNumbers[Int(entry)]
      if number > 0, let field = fields[Int(number) - 1] { result[entry] = field }
    }
    return result
  }
}

extension HunspellSuggester {
  /// The flags that keep a dictionary word out of n-gram suggestions.
  var ngramSkipFlags: [AffixFlag] {
    let rules = engine.rules
    return [rules.forbiddenWord, ReservedFlag.onlyUppercase, rules.noSuggest, rules.noNgramSuggest,
            rules.onlyInCompound].filter { $0 != 0 }
  }

  /// The roots of `ngramSuggestions` for an ordinary word (no PHONE, no character beyond the BMP,
  /// at most `NGramKeys.longestWord` characters), through `ngramKeys`: only the words whose quick
  /// upper bound could beat the worst root so far are scored. Returns whether a root was found.
  func fastRoots(_ units: [UInt32], capitalization: HunspellCapitalization, _ roots: inout [Int32],
                 _ rootScores: inout [Int]) -> Bool {
    let n = units.count
    let casing = engine.casing
    let words = engine.words
    // For each character slot, the positions of the misspelling that have it.
    var positions = [UInt64](repeating: 0, count: NGramKeys.slotCount)
    var slots: UInt64 = 0
    for (index, unit) in units.enumerated() {
      let slot = NGramKeys.slot(unit)
      positions[Int(slot)] |= 1 << UInt64(index)
      slots |= 1 << slot
    }
    let firstSlot = NGramKeys.slot(units[0])
    // The bits of the misspelling's bigrams and trigrams in a word's masks.
    var pairBits = [UInt64](repeating: 0, count: n + 2)
    var tripleBits = [UInt64](repeating: 0, count: n + 2)
    for index in 0..<max(0, n - 1) { pairBits[index] = 1 << NGramKeys.pairSlot(units[index], units[index + 1]) }
    for index in 0..<max(0, n - 2) {
      tripleBits[index] = 1 << NGramKeys.tripleSlot(units[index], units[index + 1], units[index + 2])
    }
    let lowerWord = capitalization == .lower
    var lowest = Self.maximumRoots - 1
    var hasRoots = false
    var raw: [UInt32] = []
    var lowered: [UInt32] = []
    raw.reserveCapacity(64)
    lowered.reserveCapacity(64)
    let lower: (UInt32) -> UInt32 = { casing.lower($0) }
    let text = words.text
    let starts = words.starts

    /// The bound of the n-gram score from the positions of the misspelling whose character, pair
    /// and triple the word may have (`ngram` stops after a level with fewer than two matches).
    @inline(__always) func bound(_ singles: Int, _ pairs: UInt64, _ triples: UInt64, _ length: Int) -> Int {
      var bound = singles
      guard singles >= 2 && length >= 2 else { return bound }
      let pairCount = pairs.nonzeroBitCount
      bound += pairCount
      if pairCount >= 2 && length >= 3 { bound += triples.nonzeroBitCount }
      return bound
    }

    let ngram = ngramIndex.value
    let walkOrder = ngram.order
    ngram.keys.withUnsafeBufferPointer { keys in
      ngram.pairs.withUnsafeBufferPointer { pairMasks in
      positions.withUnsafeBufferPointer { positions in
        for index in 0..<keys.count {
          let key = keys[index]
          let length = Int((key >> NGramKeys.lengthShift) & 63)
          if abs(n - length) > 4 || key & NGramKeys.skipBit != 0 { continue }
          let phonetic = key & NGramKeys.phoneticBit != 0
          if lowerWord && key & NGramKeys.initialCapitalBit != 0 && !phonetic { continue }
          let penalty = max(0, length - n - 2)
          var present: UInt64 = 0
          var present2: UInt64 = 0
          if !phonetic {
            // First bound, from the key: the characters the word has.
            var common = key & slots & NGramKeys.slotMask
            while common != 0 {
              present |= positions[common.trailingZeroBitCount]
              common &= common - 1
            }
            var pairs = present & (present >> 1)
            let wordPairs = pairMasks[index]
            var candidates = pairs
            while candidates != 0 {
              let position = candidates.trailingZeroBitCount
              if wordPairs & pairBits[position] == 0 { pairs &= ~(1 << UInt64(position)) }
              candidates &= candidates - 1
            }
            let leftBound = (key >> NGramKeys.firstShift) & 63 == firstSlot ? min(n, length) : 0
            if bound(present.nonzeroBitCount, pairs, pairs & (pairs >> 1), length) - penalty + leftBound
              <= rootScores[lowest]
            {
              continue
            }
            present2 = pairs
          }
          let entry = walkOrder[index]
          let start = Int(starts[Int(entry)])
          let end = Int(starts[Int(entry) + 1])
          raw.removeAll(keepingCapacity: true)
          lowered.removeAll(keepingCapacity: true)
          var wordTriples: UInt64 = 0
          text.withUnsafeBufferPointer { text in
            var offset = start
            while offset < end {
              let (scalar, size) = DictionaryUTF8.decode(text, at: offset)
              let small = casing.lower(scalar)
              let count = lowered.count
              if count >= 2 { wordTriples |= 1 << NGramKeys.tripleSlot(lowered[count - 2], lowered[count - 1], small) }
              raw.append(scalar)
              lowered.append(small)
              offset += size
            }
          }
          let leftCommon = Self.leftCommon(units, raw, lower: lower, complexPrefixes: false)
          if !phonetic {
            // Second bound: the triples the word may have, and the exact common start.
            let pairs = present2
            var triples = pairs & (pairs >> 1)
            var candidates = triples
            while candidates != 0 {
              let position = candidates.trailingZeroBitCount
              if wordTriples & tripleBits[position] == 0 { triples &= ~(1 << UInt64(position)) }
              candidates &= candidates - 1
            }
            if bound(present.nonzeroBitCount, pairs, triples, length) - penalty + leftCommon <= rootScores[lowest] {
              continue
            }
          }
          var score = Self.ngram(3, units, lowered, longerWorse: true) + leftCommon
          if phonetic, let field = phoneticFields[entry] {
            let fieldUnits = DictionaryUTF8.scalars(field, 0..<field.count)
            let alternative = Self.ngram(3, units, fieldUnits.map(lower), longerWorse: true)
              + Self.leftCommon(units, fieldUnits, lower: lower, complexPrefixes: false)
            score = max(score, alternative)
          }
          if score > rootScores[lowest] {
            rootScores[lowest] = score
            roots[lowest] = entry
            hasRoots = true
            lowest = Self.lowestSlot(rootScores, from: lowest)
          }
        }
      }
      }
    }
    return hasRoots
  }

  /// Where the next candidate goes in a best-N list once a candidate took slot `filled`: the slot
  /// of the lowest score (the first of equal ones), or `filled` when no score is below its own.
  /// Hunspell's scan, whose choice in ties decides the order of equal suggestions.
  @inline(__always)
  static func lowestSlot(_ scores: [Int], from filled: Int) -> Int {
    var lowest = filled
    var value = scores[filled]
    for slot in scores.indices where scores[slot] < value {
      lowest = slot
      value = scores[slot]
    }
    return lowest
  }

  /// Dictionaries with more entries are walked in file order (see `ngramIndex`).
  static let hunspellOrderLimit = 20_000

  /// The n-gram index of a word table: its entries in the order Hunspell's `walk_hashtable`
  /// meets them (by bucket of Hunspell's hash of the word in the dictionary's character set, over
  /// `declaredCount` + 1005 buckets, made odd; in file order within a bucket), and for each, its
  /// key and pair mask (`NGramKeys`). One pass over the words in file order, then a counting sort.
  /// The order only decides between n-gram candidates of equal scores; for dictionaries of more
  /// than `hunspellOrderLimit` entries (the sort's scattered writes would cost milliseconds when
  /// loading) the file order stands in for it.
  static func ngramIndex(_ engine: SpellEngine, declaredCount: Int, phoneticFields: [Int32: [UInt8]])
    -> (order: [Int32], keys: [UInt64], pairs: [UInt64])
  {
    let words = engine.words
    let rules = engine.rules
    let casing = engine.casing
    let encoding = rules.encoding
    var size = max(declaredCount, 1) + 1005
    // (`size` is 1 when the file order is kept.)
    if size % 2 == 0 { size += 1 }
    var skip = FlagBitSet()
    for flag in [rules.forbiddenWord, ReservedFlag.onlyUppercase, rules.noSuggest, rules.noNgramSuggest,
                 rules.onlyInCompound] where flag != 0 {
      skip.insert(flag)
    }
    var inverse: [UInt32: UInt8] = [:]
    if encoding == .isoLatin9 || encoding == .isoLatin2 {
      for byte in 0...255 { inverse[encoding.scalar(ofByte: UInt8(byte))] = UInt8(byte) }
    }
    let turkic = casing.turkic
    let entryCount = words.count
    let exactOrder = entryCount <= hunspellOrderLimit
    if !exactOrder { size = 1 }
    var keys = [UInt64](repeating: 0, count: entryCount)
    var pairs = [UInt64](repeating: 0, count: entryCount)
    var buckets = [Int32](repeating: -1, count: entryCount)
    var bucketStarts = [Int32](repeating: 0, count: size + 1)
    let text = words.text
    let starts = words.starts
    let flagStarts = words.flagStarts
    let flagCounts = words.flagCounts
    let flagPool = words.flagPool
    text.withUnsafeBufferPointer { text in
      starts.withUnsafeBufferPointer { starts in
        flagPool.withUnsafeBufferPointer { flagPool in
          keys.withUnsafeMutableBufferPointer { keys in
            pairs.withUnsafeMutableBufferPointer { pairs in
              for index in 0..<entryCount where words.isLive(Int32(index)) {
                let start = Int(starts[index])
                let end = Int(starts[index + 1])
                var key: UInt64 = 0
                var length = 0
                var offset = start
                var first: UInt64 = 0
                var capitals = 0
                var firstCapital = false
                var previous: UInt32 = 0
                var pairMask: UInt64 = 0
                // Hunspell's hash: the first four bytes shifted in, the others rotated in (bytes
                // are C's signed chars, an unsigned long holds the value).
                var hash: UInt64 = 0
                var hashed = 0
                @inline(__always) func mix(_ byte: UInt8) {
                  let value = UInt64(bitPattern: Int64(Int8(bitPattern: byte)))
                  if hashed < 4 {
                    hash = (hash << 8) | value
                  } else {
                    hash = (hash << 5) | ((hash >> 27) & 31)
                    hash ^= value
                  }
                  hashed += 1
                }
                while offset < end {
                  let byte = text[offset]
                  var scalar = UInt32(byte)
                  var upper = false
                  if byte < 0x80 {
                    if exactOrder { mix(byte) }
                    if byte >= 0x41 && byte <= 0x5A {
                      upper = true
                      scalar = turkic ? casing.lower(scalar) : scalar | 0x20
                    }
                    offset += 1
                  } else {
                    let (decoded, size) = DictionaryUTF8.decode(text, at: offset)
                    if !exactOrder {
                      // The file order is kept: no hash.
                    } else if encoding == .utf8 {
                      for position in offset..<offset + size { mix(text[position]) }
                    } else if decoded < 0x100 && inverse.isEmpty {
                      mix(UInt8(decoded))
                    } else {
                      mix(inverse[decoded] ?? 0x3F)
                    }
                    scalar = SimpleCaseTable.lower(decoded)
                    upper = scalar != decoded
                    offset += size
                    if decoded > 0xFFFF { length += 1 }
                  }
                  if upper {
                    capitals += 1
                    if length == 0 { firstCapital = true }
                  }
                  let slot = NGramKeys.slot(scalar)
                  if length == 0 { first = slot } else { pairMask |= 1 << NGramKeys.pairSlot(previous, scalar) }
                  previous = scalar
                  key |= 1 << slot
                  length += 1
                }
                let bucket = exactOrder ? Int(hash % UInt64(size)) : 0
                buckets[index] = Int32(bucket)
                bucketStarts[bucket + 1] += 1
                key |= UInt64(min(length, 63)) << NGramKeys.lengthShift
                key |= first << NGramKeys.firstShift
                if capitals == 1 && firstCapital { key |= NGramKeys.initialCapitalBit }
                let flagStart = Int(flagStarts[index])
                for flag in flagPool[flagStart..<flagStart + Int(flagCounts[index])] where skip.contains(flag) {
                  key |= NGramKeys.skipBit
                  break
                }
                if !phoneticFields.isEmpty && phoneticFields[Int32(index)] != nil { key |= NGramKeys.phoneticBit }
                keys[index] = key
                pairs[index] = pairMask
              }
            }
          }
        }
      }
    }
    if !exactOrder {
      let live = (0..<entryCount).filter { buckets[$0] >= 0 }
      if live.count == entryCount { return (live.map { Int32($0) }, keys, pairs) }
      return (live.map { Int32($0) }, live.map { keys[$0] }, live.map { pairs[$0] })
    }
    for bucket in 0..<size { bucketStarts[bucket + 1] += bucketStarts[bucket] }
    let live = Int(bucketStarts[size])
    var order = [Int32](repeating: 0, count: live)
    var orderedKeys = [UInt64](repeating: 0, count: live)
    var orderedPairs = [UInt64](repeating: 0, count: live)
    for index in 0..<entryCount where buckets[index] >= 0 {
      let bucket = Int(buckets[index])
      let position = Int(bucketStarts[bucket])
      bucketStarts[bucket] += 1
      order[position] = Int32(index)
      orderedKeys[position] = keys[index]
      orderedPairs[position] = pairs[index]
    }
    return (order, orderedKeys, orderedPairs)
  }
}

/// The layout of an n-gram key: which characters a dictionary word has (lower case, one bit per
/// character slot, several characters may share a slot), its length in UTF-16 units (63: longer),
/// the slot of its first character, and three facts: it is capitalised, it is never suggested, it
/// has a `ph:` spelling.
enum NGramKeys {
  static let slotCount = 48
  static let slotMask: UInt64 = (1 << 48) - 1
  static let lengthShift: UInt64 = 48
  static let firstShift: UInt64 = 54
  static let initialCapitalBit: UInt64 = 1 << 60
  static let skipBit: UInt64 = 1 << 61
  static let phoneticBit: UInt64 = 1 << 62
  /// Longer misspellings take the ordinary path.
  static let longestWord = 50

  /// The slot of three (lower-case) characters in a triple mask.
  @inline(__always)
  static func tripleSlot(_ first: UInt32, _ second: UInt32, _ third: UInt32) -> UInt64 {
    UInt64(((first &* 0x9E37_79B1) ^ (second &* 0x85EB_CA77) ^ (third &* 0xC2B2_AE3D)) >> 26)
  }

  /// The slot of a pair of (lower-case) characters in a pair mask.
  @inline(__always)
  static func pairSlot(_ first: UInt32, _ second: UInt32) -> UInt64 {
    UInt64(((first &* 0x9E37_79B1) ^ (second &* 0x85EB_CA77)) >> 26)
  }

  /// The slot of a (lower-case) character: letters a–z have one each.
  @inline(__always)
  static func slot(_ scalar: UInt32) -> UInt64 {
    scalar < 0x80 ? UInt64((scalar & 0x3F) % 48) : UInt64(((scalar &* 0x9E37_79B1) >> 16) % 48)
  }
}
