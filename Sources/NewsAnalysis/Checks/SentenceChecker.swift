/// The word-level checks of one sentence: spelling and glued words for each word, split and
/// repeated words for each pair of neighbours.
struct SentenceChecker {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: ArraySlice<Token>
  /// The sentence's language; nil when no dictionary serves it (only repeated words are checked).
  let dictionary: SpellingDictionary?
  let context: ArticleContext
  /// Headings capitalise freely: a capitalised word there is read like one starting a sentence.
  let isHeading: Bool
  let annotations: [EntityAnnotation]

  /// What a word turned out to be.
  enum Verdict: Equatable {
    case accepted
    /// Unknown, but taken for a name (kept for the article-wide `NameVariantCheck`).
    case name
    case misspelled
    case glued([String])

    var isKnown: Bool { self == .accepted || self == .name }
  }

  private struct CheckedWord {
    var token: Token
    var text: String
    var verdict: Verdict
    /// Neither at the start of a sentence nor in a heading, where capitals say nothing.
    var isInsideSentence: Bool
  }

  /// The findings of the sentence, and its capitalised words inside sentences (names).
  mutating func run() -> (findings: [Finding], names: [NameOccurrence]) {
    let words = checkedWords()
    var findings: [Finding] = []
    var consumed = Set<Int>()  // words already reported as half of a pair
    for index in words.indices.dropFirst() {
      let (previous, current) = (words[index - 1], words[index])
      guard separatedBySpacesOnly(previous.token, current.token) else { continue }
      if let repeated = repeatedWord(previous, current) {
        findings.append(repeated)
      } else if let split = splitWord(previous, current) {
        findings.append(split)
        consumed.insert(index - 1)
        consumed.insert(index)
      }
    }
    for (index, word) in words.enumerated() where !consumed.contains(index) {
      switch word.verdict {
      case .accepted, .name: break
      case .misspelled: findings.append(spellingFinding(word))
      case .glued(let parts): findings.append(gluedFinding(word, parts))
      }
    }
    let names = words.filter { word in
      word.verdict == .name || (word.verdict == .accepted && word.isInsideSentence && word.token.shape.contains(.startsUppercase))
    }.map { NameOccurrence(range: $0.token.range, isKnown: $0.verdict == .accepted) }
    return (findings, names)
  }

  // MARK: Words

  /// Where a word stands, for the decisions that depend on its neighbours.
  struct Position {
    var startsSentence: Bool
    /// The word before it, when only spaces separate them.
    var previous: Token?
    /// The word after it, when only spaces separate them.
    var next: Token?

    /// Inside a run of capitalised words, as in `Art Institute of Chicago`.
    var isBetweenCapitalisedWords: Bool {
      previous?.shape.contains(.startsUppercase) == true || next?.shape.contains(.startsUppercase) == true
    }
  }

  private func checkedWords() -> [CheckedWord] {
    let wordIndices = tokens.indices.filter { tokens[$0].kind == .word }
    var result: [CheckedWord] = []
    var annotationIndex = 0
    for (order, index) in wordIndices.enumerated() {
      let token = tokens[index]
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
      while annotationIndex < annotations.count && annotations[annotationIndex].surface.range.upperBound <= token.range.lowerBound {
        annotationIndex += 1
      }
      let insideAnnotation =
        annotationIndex < annotations.count && annotations[annotationIndex].surface.range.contains(token.range.lowerBound)
      let previousToken = index > tokens.startIndex ? tokens[index - 1] : nil
      let previousWord = order > 0 ? tokens[wordIndices[order - 1]] : nil
      let nextWord = order + 1 < wordIndices.count ? tokens[wordIndices[order + 1]] : nil
      let position = Position(
        startsSentence: order == 0 || previousToken.map(opensSentence) == true,
        previous: previousWord.flatMap { separatedBySpacesOnly($0, token) ? $0 : nil },
        next: nextWord.flatMap { separatedBySpacesOnly(token, $0) ? $0 : nil })
      let verdict = insideAnnotation ? .accepted : classify(text, token, position)
      result.append(
        CheckedWord(token: token, text: text, verdict: verdict, isInsideSentence: !position.startsSentence && !isHeading))
    }
    return result
  }

  /// Marks after which a capital is expected: opening quotes, dashes, a colon.
  private func opensSentence(_ token: Token) -> Bool {
    guard token.kind == .punctuation else { return false }
    let (scalar, _) = UTF8Scalar.decode(bytes, at: token.range.lowerBound)
    return "«“\"‘—–:(".unicodeScalars.contains(scalar)
  }

  func classify(_ word: String, _ token: Token, _ position: Position) -> Verdict {
    let startsSentence = position.startsSentence
    guard let dictionary else { return .accepted }
    let shape = token.shape
    if shape.contains(.hasDigit) || shape.contains(.allUppercase) || shape.contains(.elision) { return .accepted }
    if word.unicodeScalars.count == 1 { return .accepted }
    let setup = context.setup
    if setup.ignoredWords.contains(word) || context.annotatedWords.contains(word)
      || (!setup.userWords.isEmpty && setup.userWords.accepts(word))
    {
      return .accepted
    }
    if dictionary.accepts(word) { return .accepted }
    if isAcceptedVariant(word, token, position, dictionary) { return .accepted }
    let splitter = GluedWordSplitter(dictionary: dictionary, functionWords: dictionary.functionWords)
    if shape.contains(.innerUppercase) {
      // laRussieentraîne is glued words; iPhone or McDonald is a name.
      if let parts = splitter.split(word), splitter.strength(parts, of: word) == .strong { return .glued(parts) }
      return .name
    }
    if shape.contains(.hasHyphen) {
      // A compound: each part must be a word, a productive prefix (`co-`, `ex-`) or, capitalised
      // inside a sentence, a name (`Iskander-M`); glued-word splits are not tried across hyphens.
      guard hyphenatedCompoundIsAccepted(word, dictionary, startsSentence: startsSentence) else { return .misspelled }
      return shape.contains(.startsUppercase) && !dictionary.accepts(word) ? .name : .accepted
    }
    if shape.contains(.startsUppercase) {
      if position.previous?.shape.contains(.startsUppercase) != true, let parts = gluedFirstAndLastName(word, dictionary) {
        return .glued(parts)
      }
      // Inside a sentence, an unknown capitalised word is a name: one edit away from a name the
      // dictionary knows is no evidence of a typo (Modi and Midi, Naidu and Maidu), but one edit
      // away from a name written otherwise elsewhere in the article is (`NameVariantCheck`).
      if !startsSentence && !isHeading { return .name }
      if let parts = splitter.split(word).map({ oneWordAfterFunctionWords($0, dictionary) }),
        splitter.strength(parts, of: word) == .strong
      {
        return .glued(parts)
      }
      // At the start of a sentence the capital says nothing: a typo of a common word
      // (`Prefecture`) is one edit away from it.
      return isNearMiss(word.lowercased(), dictionary, namesOnly: false) ? .misspelled : .name
    }
    if let parts = splitter.split(word).map({ oneWordAfterFunctionWords($0, dictionary) }) {
      switch splitter.strength(parts, of: word) {
      case .strong: return .glued(parts)
      case .weak: return isNearMiss(word, dictionary, namesOnly: false) ? .misspelled : .glued(parts)
      case .none: break
      }
    }
    return .misspelled
  }

  private func hyphenatedCompoundIsAccepted(_ word: String, _ dictionary: SpellingDictionary, startsSentence: Bool) -> Bool {
    let parts = word.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }).map(String.init)
    let prefixes = dictionary.compoundPrefixes
    for (index, part) in parts.enumerated() {
      if dictionary.accepts(part) || context.setup.userWords.accepts(part) { continue }
      if index < parts.count - 1 && prefixes.contains(part.lowercased()) { continue }
      let isCapitalised = part.first?.isUppercase == true
      if isCapitalised && (index > 0 || !startsSentence || isHeading) { continue }  // part of a name
      if part.count == 1 { continue }
      return false
    }
    return true
  }

  /// Forms the dictionary does not list but that are right: an acronym written in lower case
  /// (`smic`), British spellings in generic English (`neighbouring`), a word of another loaded
  /// language inside a name (`Art Institute of Chicago` in French).
  private func isAcceptedVariant(_ word: String, _ token: Token, _ position: Position, _ dictionary: SpellingDictionary)
    -> Bool
  {
    if !token.shape.contains(.startsUppercase) && word.count <= 6 && dictionary.accepts(word.uppercased()) { return true }
    if dictionary.acceptsBritishSpellings,
      BritishSpelling.americanForms(of: word).contains(where: dictionary.accepts)
    {
      return true
    }
    if position.isBetweenCapitalisedWords {
      return context.setup.dictionaries.contains { $0 !== dictionary && $0.accepts(word) }
    }
    return false
  }

  /// `Vladimirpoutine`: a first name the dictionary knows glued to a name it knows (both of four
  /// letters or more: `Benali` is not `Ben Ali`).
  private func gluedFirstAndLastName(_ word: String, _ dictionary: SpellingDictionary) -> [String]? {
    let characters = Array(word)
    guard characters.count >= 6 else { return nil }
    guard characters.count >= 8 else { return nil }
    for cut in 4...(characters.count - 4) {
      let first = String(characters[..<cut])
      var rest = String(characters[cut...])
      rest = rest.prefix(1).uppercased() + rest.dropFirst()
      if dictionary.knowsAsFirstName(first) && dictionary.knowsAsName(rest) { return [first, rest] }
    }
    return nil
  }

  /// `laregion` splits into known words as `la reg ion`, but reads as `la` + `région`: after the
  /// function words a glued word starts with, the rest taken as one word one edit away beats a
  /// split of it into short pieces.
  private func oneWordAfterFunctionWords(_ parts: [String], _ dictionary: SpellingDictionary) -> [String] {
    let leading = parts.prefix { dictionary.functionWords.contains($0.lowercased()) }
    let rest = parts.dropFirst(leading.count)
    guard !leading.isEmpty, rest.count >= 2, rest.contains(where: { $0.count < 4 }) else { return parts }
    let joined = rest.joined()
    guard let best = dictionary.editSuggestions(for: joined).first, !best.contains(" "),
      editDistance(joined.lowercased(), best.lowercased()) <= 1
    else { return parts }
    return Array(leading) + [best]
  }

  /// Whether the best suggestion is one edit away (an accent, a letter), and a name when asked.
  /// Edits alone find any such suggestion, so the slow n-gram search is not run for it.
  private func isNearMiss(_ word: String, _ dictionary: SpellingDictionary, namesOnly: Bool) -> Bool {
    guard let best = dictionary.editSuggestions(for: word).first, !best.contains(" ") else { return false }
    guard editDistance(word, best) <= 1 || editDistance(word.lowercased(), best.lowercased()) <= 1 else { return false }
    return !namesOnly || dictionary.knowsAsName(best)
  }

  // MARK: Pairs

  private func separatedBySpacesOnly(_ first: Token, _ second: Token) -> Bool {
    guard first.range.upperBound < second.range.lowerBound else { return false }
    var index = first.range.upperBound
    while index < second.range.lowerBound {
      let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
      guard UTF8Scalar.isSpace(scalar) else { return false }
      index += length
    }
    return true
  }

  private func repeatedWord(_ first: CheckedWord, _ second: CheckedWord) -> Finding? {
    guard first.text.lowercased() == second.text.lowercased() else { return nil }
    let legitimate = (dictionary ?? context.dictionary)?.legitimateRepetitions ?? []
    guard !legitimate.contains(first.text.lowercased()) else { return nil }
    return Finding(
      rule: Rule.repeatedWord.rawValue, severity: Rule.repeatedWord.defaultSeverity,
      range: first.token.range.lowerBound..<second.token.range.upperBound,
      message: "Repeated word: '\(first.text) \(second.text)'.", replacements: [first.text])
  }

  /// `gou vernement`: neighbours of which one is unknown, and which make a known word together.
  private func splitWord(_ first: CheckedWord, _ second: CheckedWord) -> Finding? {
    guard let dictionary else { return nil }
    guard !second.token.shape.contains(.startsUppercase), !first.token.shape.contains(.elision) else { return nil }
    let joined = first.text + second.text
    if first.verdict.isKnown && second.verdict.isKnown {
      // Two real words (`rétro gradation`) are one only when neither is a short or function word:
      // `par tout`, `en fin` and `bien tôt` are French too.
      let functionWords = dictionary.functionWords
      guard first.text.count >= 4, second.text.count >= 4, !functionWords.contains(first.text.lowercased()),
        !functionWords.contains(second.text.lowercased())
      else { return nil }
    }
    guard dictionary.accepts(joined) else { return nil }
    return Finding(
      rule: Rule.splitWord.rawValue, severity: Rule.splitWord.defaultSeverity,
      range: first.token.range.lowerBound..<second.token.range.upperBound,
      message: "'\(first.text) \(second.text)' looks like one word split in two: '\(joined)'.", replacements: [joined])
  }

  // MARK: Findings

  private func spellingFinding(_ word: CheckedWord) -> Finding {
    let suggestions = Array((dictionary?.suggestions(for: word.text) ?? []).prefix(5))
    let message =
      suggestions.first.map { "Unknown word '\(word.text)': did you mean '\($0)'?" } ?? "Unknown word '\(word.text)'."
    return Finding(
      rule: Rule.spelling.rawValue, severity: Rule.spelling.defaultSeverity, range: word.token.range, message: message,
      replacements: suggestions)
  }

  private func gluedFinding(_ word: CheckedWord, _ parts: [String]) -> Finding {
    let split = parts.joined(separator: " ")
    // The split is the fix; other readings come from edits of the word (no n-gram search).
    let others = (dictionary?.editSuggestions(for: word.text) ?? []).filter { $0 != split }.prefix(3)
    return Finding(
      rule: Rule.gluedWords.rawValue, severity: Rule.gluedWords.defaultSeverity, range: word.token.range,
      message: "'\(word.text)' looks like words stuck together: '\(split)'.", replacements: [split] + others)
  }
}
