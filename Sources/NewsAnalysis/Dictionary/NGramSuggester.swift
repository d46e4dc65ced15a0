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
    let skipFlags = [rules.forbiddenWord, ReservedFlag.onlyUppercase, rules.noSuggest, rules.noNgramSuggest,
                     rules.onlyInCompound].filter { $0 != 0 }
    let textBytes = words.text
    let starts = words.starts
    let bound = NGramBound(units.map(lower))
    for entry in walkOrder {
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
      // A quick upper bound of the score first: most words cannot make the list.
      if phone == nil && phoneticField == nil
        && !textBytes.withUnsafeBufferPointer({
          bound.mayExceed(rootScores[lowest], $0, start, end, lower: lower, nonBMP: nonBMP)
        })
      {
        continue
      }
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
        var value = score
        for slot in 0..<Self.maximumRoots where rootScores[slot] < value {
          lowest = slot
          value = rootScores[slot]
        }
      }
      if phoneticScore > phoneticScores[lowestPhonetic] {
        phoneticScores[lowestPhonetic] = phoneticScore
        phoneticRoots[lowestPhonetic] = entry
        hasRoots = true
        var value = phoneticScore
        for slot in 0..<Self.maximumRoots where phoneticScores[slot] < value {
          lowestPhonetic = slot
          value = phoneticScores[slot]
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
        var value = score
        for slot in 0..<Self.maximumGuesses where guessScores[slot] < value {
          lowest = slot
          value = guessScores[slot]
        }
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

  /// The entries of `words` in the order Hunspell's `walk_hashtable` meets them: by bucket of its
  /// hash (of the word in the dictionary's character set, over `declaredCount` + 1005 buckets,
  /// odd), in file order within a bucket.
  static func hunspellWalkOrder(_ words: WordTable, encoding: DictionaryEncoding, declaredCount: Int) -> [Int32] {
    var size = max(declaredCount, 1) + 1005
    if size % 2 == 0 { size += 1 }
    let entries = words.entries
    var inverse: [UInt32: UInt8] = [:]
    if encoding == .isoLatin9 || encoding == .isoLatin2 {
      for byte in 0...255 { inverse[encoding.scalar(ofByte: UInt8(byte))] = UInt8(byte) }
    }
    var buckets = [Int32](repeating: 0, count: entries.count)
    var counts = [Int32](repeating: 0, count: size + 1)
    let text = words.text
    let starts = words.starts
    text.withUnsafeBufferPointer { text in
      for (position, entry) in entries.enumerated() {
        let start = Int(starts[Int(entry)])
        let end = Int(starts[Int(entry) + 1])
        var hash: UInt64 = 0
        var index = 0
        @inline(__always) func mix(_ byte: UInt8) {
          let value = UInt64(bitPattern: Int64(Int8(bitPattern: byte)))
          if index < 4 {
            hash = (hash << 8) | value
          } else {
            hash = (hash << 5) | ((hash >> 27) & 31)
            hash ^= value
          }
          index += 1
        }
        if encoding == .utf8 {
          for offset in start..<end { mix(text[offset]) }
        } else {
          var offset = start
          while offset < end {
            let (scalar, length) = DictionaryUTF8.decode(text, at: offset)
            offset += length
            if scalar < 0x100 && (encoding == .isoLatin1 || inverse.isEmpty) {
              mix(UInt8(scalar))
            } else {
              mix(inverse[scalar] ?? 0x3F)
            }
          }
        }
        let bucket = Int32(hash % UInt64(size))
        buckets[position] = bucket
        counts[Int(bucket) + 1] += 1
      }
    }
    for bucket in 0..<size { counts[bucket + 1] += counts[bucket] }
    var order = [Int32](repeating: 0, count: entries.count)
    for (position, entry) in entries.enumerated() {
      let bucket = Int(buckets[position])
      order[Int(counts[bucket])] = entry
      counts[bucket] += 1
    }
    return order
  }

  /// The first `ph:` field of each entry that has one.
  static func firstPhoneticFields(_ words: WordTable) -> [Int32: [UInt8]] {
    let fields: [[UInt8]?] = words.descriptions.map { description in
      guard let range = description.firstRange(of: "ph:") else { return nil }
      let value = description[range.upperBound...].prefix { $0 != " " && $0 != "\t" && $0 != "\n" }
      return value.isEmpty ? nil : Array(value.utf8)
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

/// A quick upper bound of Hunspell's root score (3-grams of the misspelling found in a dictionary
/// word, plus their common start): the n-grams can only match where every character of the
/// misspelling occurs somewhere in the word.
struct NGramBound {
  let word: [UInt32]
  /// One bit per character of the misspelling (by a hash of the character).
  let bits: [UInt64]

  init(_ loweredWord: [UInt32]) {
    word = loweredWord
    bits = loweredWord.map { 1 << UInt64(Self.slot($0)) }
  }

  @inline(__always)
  static func slot(_ scalar: UInt32) -> UInt32 {
    scalar < 0x80 ? scalar & 63 : (scalar &* 0x9E37_79B1) >> 26
  }

  /// Whether the root score of the dictionary word `text[start..<end]` may exceed `needed`.
  @inline(__always)
  func mayExceed(_ needed: Int, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                          lower: (UInt32) -> UInt32, nonBMP: Bool) -> Bool {
    if nonBMP { return true }
    var mask: UInt64 = 0
    var length = 0
    var index = start
    while index < end {
      let byte = text[index]
      var scalar = UInt32(byte)
      if byte < 0x80 {
        if byte >= 0x41 && byte <= 0x5A { scalar = lower(scalar) }
        index += 1
      } else {
        let (decoded, size) = DictionaryUTF8.decode(text, at: index)
        scalar = lower(decoded)
        index += size
      }
      mask |= 1 << UInt64(Self.slot(scalar))
      length += 1
    }
    // Characters found, pairs and triples of found characters.
    let l1 = word.count
    var singles = 0
    var pairs = 0
    var triples = 0
    var run = 0
    for bit in bits {
      if mask & bit != 0 {
        singles += 1
        run += 1
        if run >= 2 { pairs += 1 }
        if run >= 3 { triples += 1 }
      } else {
        run = 0
      }
    }
    // ngram(3) stops after a level with fewer than two matches.
    var score = singles
    if singles >= 2 && length >= 2 {
      score += pairs
      if pairs >= 2 && length >= 3 { score += triples }
    }
    let penalty = max(0, (length - l1) - 2)
    // The common start is at most the shorter length.
    let bound = score - penalty + min(l1, length)
    return bound > needed
  }
}
