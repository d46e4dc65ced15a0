/// Runs the checks over an article: spelling, glued words, split words, repeated words, plus the
/// markup problems found while reading it. The same code serves the language server and
/// `dateline check`.
public struct ArticleChecker: Sendable {
  public let setup: CheckSetup

  public init(setup: CheckSetup) {
    self.setup = setup
  }

  /// Every finding, in text order, with the severities of the settings (rules turned off are left out).
  ///
  /// With a `cache` from the previous versions of the same document, only blocks whose text (or
  /// whose article context) changed are checked again.
  public func findings(for article: Article, cache: CheckCache? = nil) -> [Finding] {
    var findings = article.markupFindings
    var names: [NameOccurrence] = []
    let context = ArticleContext(article: article, setup: setup)
    cache?.beginRun()
    let stamp = context.stamp
    article.text.withUTF8Bytes { bytes in
      for index in article.blocks.indices where article.blocks[index].isProse {
        let block = article.blocks[index]
        let start = block.range.lowerBound
        let result: BlockResult
        if let cache {
          let blockBytes = UnsafeBufferPointer(rebasing: bytes[block.range])
          let key = CheckCache.Key(kind: block.kind, fingerprint: Fingerprint(blockBytes), context: stamp)
          if let known = cache.lookup(key, bytes: blockBytes) {
            result = known.shifted(by: start)
          } else {
            result = BlockChecker(article: article, blockIndex: index, context: context).check()
            cache.store(key, bytes: blockBytes, result.shifted(by: -start))
          }
        } else {
          result = BlockChecker(article: article, blockIndex: index, context: context).check()
        }
        findings += result.findings
        names += result.names
      }
    }
    cache?.endRun()
    let nameCheck = NameVariantCheck(text: article.text, names: names, annotatedWords: context.annotatedWords)
    // A word used as a name inside sentences is a name at the start of one too.
    let usedAsNames = nameCheck.nameTexts
    findings.removeAll { $0.rule == Rule.spelling.rawValue && usedAsNames.contains(article.text.utf8Slice($0.range)) }
    findings += nameCheck.findings()
    return applySeverities(findings).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
  }

  func applySeverities(_ findings: [Finding]) -> [Finding] {
    findings.compactMap { finding in
      guard let rule = Rule(rawValue: finding.rule) else { return finding }
      guard let severity = setup.settings.severity(of: rule) else { return nil }
      var adjusted = finding
      adjusted.severity = severity
      return adjusted
    }
  }
}

/// What the checks of every block share: the article's language, the names it annotates, the
/// settings.
struct ArticleContext {
  let setup: CheckSetup
  /// The dictionary of the article's language, declared or detected; nil when none is loaded.
  let dictionary: SpellingDictionary?
  /// Words of annotated names (`Poutine` in `[Vladimir Poutine]{.person}`), never flagged anywhere.
  let annotatedWords: Set<String>

  /// A digest of what this context contributes to a block's findings, for `CheckCache`.
  var stamp: Int {
    var hasher = Hasher()
    hasher.combine(dictionary?.language)
    hasher.combine(annotatedWords)
    return hasher.finalize()
  }

  init(article: Article, setup: CheckSetup) {
    self.setup = setup
    let (declared, declaredDictionary) = setup.declaredDictionary(for: article)
    if declared != nil {
      dictionary = declaredDictionary
    } else {
      dictionary = LanguageDetector.language(
        of: Self.sampleWords(article), among: setup.dictionaries, preferred: nil)
    }
    var words = Set<String>()
    for annotation in article.annotations {
      let surface = annotation.surface.text
      for token in Tokenizer.tokens(of: surface) where token.kind == .word {
        words.insert(surface.utf8Slice(token.range))
      }
    }
    annotatedWords = words
  }

  /// Up to 400 lower-case words of the article's prose, for detecting its language.
  private static func sampleWords(_ article: Article) -> [String] {
    var words: [String] = []
    article.text.withUTF8Bytes { bytes in
      for token in article.tokens where token.kind == .word && !token.shape.contains(.startsUppercase) {
        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self))
        if words.count >= 400 { break }
      }
    }
    return words
  }
}
