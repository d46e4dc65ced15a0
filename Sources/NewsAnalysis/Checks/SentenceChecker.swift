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
    case misspelled
    case glued([String])
  }

  private struct CheckedWord {
    var token: Token
    var text: String
    var verdict: Verdict
  }

  mutating func run() -> [Finding] {
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
      case .accepted: break
      case .misspelled: findings.append(spellingFinding(word))
      case .glued(let parts): findings.append(gluedFinding(word, parts))
      }
    }
    return findings
  }

  // MARK: Words

  private func checkedWords() -> [CheckedWord] {
    var result: [CheckedWord] = []
    var annotationIndex = 0
    var previousToken: Token?
    for token in tokens {
      defer { previousToken = token }
      guard token.kind == .word else { continue }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
      while annotationIndex < annotations.count && annotations[annotationIndex].surface.range.upperBound <= token.range.lowerBound {
        annotationIndex += 1
      }
      let insideAnnotation =
        annotationIndex < annotations.count && annotations[annotationIndex].surface.range.contains(token.range.lowerBound)
      let startsSentence = result.isEmpty || previousToken.map(opensSentence) == true
      let verdict = insideAnnotation ? .accepted : classify(text, token, startsSentence: startsSentence)
      result.append(CheckedWord(token: token, text: text, verdict: verdict))
    }
    return result
  }

  /// Marks after which a capital is expected: opening quotes, dashes, a colon.
  private func opensSentence(_ token: Token) -> Bool {
    guard token.kind == .punctuation else { return false }
    let (scalar, _) = UTF8Scalar.decode(bytes, at: token.range.lowerBound)
    return "«“\"‘—–:(".unicodeScalars.contains(scalar)
  }

  func classify(_ word: String, _ token: Token, startsSentence: Bool) -> Verdict {
    guard let dictionary else { return .accepted }
    let shape = token.shape
    if shape.contains(.hasDigit) || shape.contains(.allUppercase) || shape.contains(.elision) { return .accepted }
    if word.unicodeScalars.count == 1 { return .accepted }
    let setup = context.setup
    if setup.ignoredWords.contains(word) || context.annotatedWords.contains(word) || setup.userWords.accepts(word) {
      return .accepted
    }
    if dictionary.accepts(word) { return .accepted }
    let splitter = GluedWordSplitter(dictionary: dictionary, functionWords: FunctionWords.words(for: dictionary.language))
    if shape.contains(.innerUppercase) {
      // laRussieentraîne is glued words; iPhone or McDonald is a name.
      if let parts = splitter.split(word), splitter.isStrong(parts, of: word) { return .glued(parts) }
      return .accepted
    }
    if shape.contains(.startsUppercase) {
      if let parts = gluedFirstAndLastName(word, dictionary) { return .glued(parts) }
      if !startsSentence && !isHeading {
        // Inside a sentence, an unknown capitalised word is a name, unless it is one edit away
        // from a name the dictionary knows (Kieu for Kiev).
        return isNearMiss(word, dictionary, namesOnly: true) ? .misspelled : .accepted
      }
      if let parts = splitter.split(word), splitter.isStrong(parts, of: word) { return .glued(parts) }
      return isNearMiss(word, dictionary, namesOnly: false) ? .misspelled : .accepted
    }
    if let parts = splitter.split(word), splitter.isStrong(parts, of: word) || !isNearMiss(word, dictionary, namesOnly: false) {
      return .glued(parts)
    }
    return .misspelled
  }

  /// `Vladimirpoutine`: a first name the dictionary knows glued to a name it knows.
  private func gluedFirstAndLastName(_ word: String, _ dictionary: SpellingDictionary) -> [String]? {
    let characters = Array(word)
    guard characters.count >= 6 else { return nil }
    for cut in 3...(characters.count - 3) {
      let first = String(characters[..<cut])
      var rest = String(characters[cut...])
      rest = rest.prefix(1).uppercased() + rest.dropFirst()
      if dictionary.knowsAsFirstName(first) && dictionary.knowsAsName(rest) { return [first, rest] }
    }
    return nil
  }

  /// Whether the best suggestion is one edit away (an accent, a letter), and a name when asked.
  private func isNearMiss(_ word: String, _ dictionary: SpellingDictionary, namesOnly: Bool) -> Bool {
    guard let best = dictionary.suggestions(for: word).first, !best.contains(" ") else { return false }
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
    let language = dictionary?.language ?? context.dictionary?.language ?? ""
    guard !FunctionWords.legitimateRepetitions(for: language).contains(first.text.lowercased()) else { return nil }
    return Finding(
      rule: Rule.repeatedWord.rawValue, severity: Rule.repeatedWord.defaultSeverity,
      range: first.token.range.lowerBound..<second.token.range.upperBound,
      message: "Repeated word: '\(first.text) \(second.text)'.", replacements: [first.text])
  }

  /// `gou vernement`: neighbours of which one is unknown, and which make a known word together.
  private func splitWord(_ first: CheckedWord, _ second: CheckedWord) -> Finding? {
    guard let dictionary, first.verdict != .accepted || second.verdict != .accepted else { return nil }
    guard !second.token.shape.contains(.startsUppercase), !first.token.shape.contains(.elision) else { return nil }
    let joined = first.text + second.text
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
    let others = (dictionary?.suggestions(for: word.text) ?? []).filter { $0 != split }.prefix(3)
    return Finding(
      rule: Rule.gluedWords.rawValue, severity: Rule.gluedWords.defaultSeverity, range: word.token.range,
      message: "'\(word.text)' looks like words stuck together: '\(split)'.", replacements: [split] + others)
  }
}
