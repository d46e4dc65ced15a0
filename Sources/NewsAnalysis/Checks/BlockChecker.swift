/// A capitalised word inside a sentence: a name, known to the dictionary or not.
struct NameOccurrence {
  var range: Range<Int>
  var isKnown: Bool
}

/// What checking a block gives.
struct BlockResult {
  var findings: [Finding]
  /// Its names, for the article-wide name check.
  var names: [NameOccurrence]

  func shifted(by offset: Int) -> BlockResult {
    BlockResult(
      findings: findings.map { $0.shifted(by: offset) },
      names: names.map { NameOccurrence(range: $0.range.shifted(by: offset), isKnown: $0.isKnown) })
  }
}

/// The checks of one block of prose: words sentence by sentence, then typography.
struct BlockChecker {
  let article: Article
  let blockIndex: Int
  let context: ArticleContext

  private var block: Block { article.blocks[blockIndex] }

  /// The block's findings, and the ranges of its words taken for names.
  func check() -> BlockResult {
    var findings: [Finding] = []
    var names: [NameOccurrence] = []
    article.text.withUTF8Bytes { bytes in
      let isHeading: Bool
      if case .heading = block.kind { isHeading = true } else { isHeading = block.kind == .kicker }
      let blockLanguage = context.dictionary?.baseLanguage
      var languages = [String?](repeating: blockLanguage, count: block.tokens.count)
      for sentence in article.sentences(inBlock: blockIndex) {
        // A quotation may be in another language than the sentence around it: each run of words
        // inside or outside quotation marks is checked in its own language.
        for run in quotationRuns(article.tokens[sentence], bytes) {
          let tokens = article.tokens[run]
          let dictionary = dictionary(for: tokens, bytes, fallback: context.dictionary)
          for index in run { languages[index - block.tokens.lowerBound] = dictionary?.baseLanguage }
          var checker = SentenceChecker(
            bytes: bytes, tokens: tokens, dictionary: dictionary,
            context: context, isHeading: isHeading, annotations: article.annotations)
          let result = checker.run()
          findings += result.findings
          names += result.names
        }
      }
      let typography = TypographyChecker(
        bytes: bytes, tokens: article.tokens[block.tokens],
        languageOfToken: { languages[$0 - block.tokens.lowerBound] }, blockLanguage: blockLanguage,
        prose: block.prose)
      findings += typography.run()
    }
    return BlockResult(findings: findings, names: names)
  }

  /// The parts of a sentence inside and outside quotation marks (« », “ ”, " "), as token ranges.
  private func quotationRuns(_ tokens: ArraySlice<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start = tokens.startIndex
    var insideStraightQuote = false
    for index in tokens.indices where tokens[index].kind == .punctuation {
      let (scalar, _) = UTF8Scalar.decode(bytes, at: tokens[index].range.lowerBound)
      let opens = scalar == "«" || scalar == "“" || (scalar == "\"" && !insideStraightQuote)
      let closes = scalar == "»" || scalar == "”" || (scalar == "\"" && insideStraightQuote)
      if scalar == "\"" { insideStraightQuote.toggle() }
      if opens && index > start {
        runs.append(start..<index)
        start = index
      } else if closes {
        runs.append(start..<(index + 1))
        start = index + 1
      }
    }
    if start < tokens.endIndex { runs.append(start..<tokens.endIndex) }
    return runs.filter { !$0.isEmpty }
  }

  /// The dictionary for a run of words: `fallback`, unless the words are clearly in another loaded
  /// language (an English quote in a French article).
  private func dictionary(
    for tokens: ArraySlice<Token>, _ bytes: UnsafeBufferPointer<UInt8>, fallback: SpellingDictionary?
  ) -> SpellingDictionary? {
    let dictionaries = context.setup.dictionaries
    guard dictionaries.count > 1 else { return fallback }
    let words = tokens.compactMap { token -> String? in
      guard token.kind == .word, !token.shape.contains(.startsUppercase), !token.shape.contains(.elision) else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
    }
    guard words.count >= 2 else { return fallback }
    // Nothing to gain from another language when every word is already known.
    if let fallback, words.allSatisfy(fallback.accepts) { return fallback }
    return LanguageDetector.language(of: words, among: dictionaries, preferred: fallback)
  }
}
