/// The checks of one block of prose, sentence by sentence.
struct BlockChecker {
  let article: Article
  let blockIndex: Int
  let context: ArticleContext

  private var block: Block { article.blocks[blockIndex] }

  func findings() -> [Finding] {
    var findings: [Finding] = []
    article.text.withUTF8Bytes { bytes in
      let isHeading: Bool
      if case .heading = block.kind { isHeading = true } else { isHeading = block.kind == .kicker }
      for sentence in article.sentences(inBlock: blockIndex) {
        let tokens = article.tokens[sentence]
        let dictionary = sentenceDictionary(tokens, bytes)
        var checker = SentenceChecker(
          bytes: bytes, tokens: tokens, dictionary: dictionary, context: context, isHeading: isHeading,
          annotations: article.annotations)
        findings += checker.run()
      }
    }
    return findings
  }

  /// The dictionary for a sentence: the article's, unless the sentence is clearly in another
  /// loaded language (an English quote in a French article).
  private func sentenceDictionary(_ tokens: ArraySlice<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> SpellingDictionary? {
    let dictionaries = context.setup.dictionaries
    guard dictionaries.count > 1 else { return context.dictionary }
    let words = tokens.compactMap { token -> String? in
      guard token.kind == .word, !token.shape.contains(.startsUppercase), !token.shape.contains(.elision) else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
    }
    guard words.count >= 3 else { return context.dictionary }
    return LanguageDetector.language(of: words, among: dictionaries, preferred: context.dictionary)
  }
}
