import Dispatch
import Foundation

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
    // Blocks whose findings the cache does not have are checked side by side on every core; the
    // others are read from the cache.
    let proseBlocks = article.blocks.indices.filter { article.blocks[$0].isProse }
    var results = [BlockResult?](repeating: nil, count: proseBlocks.count)
    var keys = [CheckCache.Key?](repeating: nil, count: proseBlocks.count)
    article.text.withUTF8Bytes { bytes in
      guard let cache else { return }
      for (slot, index) in proseBlocks.enumerated() {
        let block = article.blocks[index]
        let blockBytes = UnsafeBufferPointer(rebasing: bytes[block.range])
        let key = CheckCache.Key(kind: block.kind, fingerprint: Fingerprint(blockBytes), context: stamp)
        keys[slot] = key
        results[slot] = cache.lookup(key, bytes: blockBytes)?.shifted(by: block.range.lowerBound)
      }
    }
    let missing = results.indices.filter { results[$0] == nil }
    // A block written twice (a repeated paragraph) is checked once.
    let (distinct, sameAs) = Self.distinctBlocks(missing.map { proseBlocks[$0] }, of: article, keys: missing.map { keys[$0] })
    let checked = Self.check(distinct.map { proseBlocks[missing[$0]] }, of: article, context: context)
    for (position, slot) in missing.enumerated() {
      let representative = distinct[sameAs[position]]
      let offset = article.blocks[proseBlocks[slot]].range.lowerBound
        - article.blocks[proseBlocks[missing[representative]]].range.lowerBound
      results[slot] = offset == 0 ? checked[sameAs[position]] : checked[sameAs[position]].shifted(by: offset)
    }
    article.text.withUTF8Bytes { bytes in
      for slot in missing {
        guard let cache, let key = keys[slot], let result = results[slot] else { continue }
        let block = article.blocks[proseBlocks[slot]]
        cache.store(key, bytes: UnsafeBufferPointer(rebasing: bytes[block.range]), result.shifted(by: -block.range.lowerBound))
      }
    }
    for result in results {
      guard let result else { continue }
      findings += result.findings
      names += result.names
    }
    cache?.endRun()
    let nameCheck = NameVariantCheck(text: article.text, names: names, annotatedWords: context.annotatedWords).run()
    // A word used as a name inside sentences is a name at the start of one too.
    let usedAsNames = nameCheck.nameTexts
    findings.removeAll { $0.rule == Rule.spelling.rawValue && usedAsNames.contains(article.text.utf8Slice($0.range)) }
    findings += nameCheck.findings
    return applySeverities(findings).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
  }

  /// The positions in `blocks` of the first block of each distinct text (same kind and bytes), and
  /// for each block, the index in that list of its first copy. Without keys (no cache), every
  /// block is distinct.
  static func distinctBlocks(_ blocks: [Int], of article: Article, keys: [CheckCache.Key?]) -> (distinct: [Int], sameAs: [Int]) {
    var distinct: [Int] = []
    var sameAs: [Int] = []
    var firstByKey: [CheckCache.Key: [Int]] = [:]
    article.text.withUTF8Bytes { bytes in
      for (position, index) in blocks.enumerated() {
        guard let key = keys[position] else {
          sameAs.append(distinct.count)
          distinct.append(position)
          continue
        }
        let text = UnsafeBufferPointer(rebasing: bytes[article.blocks[index].range])
        if let match = firstByKey[key]?.first(where: { candidate in
          text.elementsEqual(UnsafeBufferPointer(rebasing: bytes[article.blocks[blocks[distinct[candidate]]].range]))
        }) {
          sameAs.append(match)
        } else {
          firstByKey[key, default: []].append(distinct.count)
          sameAs.append(distinct.count)
          distinct.append(position)
        }
      }
    }
    return (distinct, sameAs)
  }

  /// The results of `blocks` (indices into `article.blocks`), in order: on several threads when
  /// there are several blocks, since each block is checked on its own (the dictionaries and their
  /// caches are thread-safe).
  static func check(_ blocks: [Int], of article: Article, context: ArticleContext) -> [BlockResult] {
    guard blocks.count > 1 else {
      return blocks.map { BlockChecker(article: article, blockIndex: $0, context: context).check() }
    }
    let results = ParallelSlots<BlockResult>(count: blocks.count)
    // Chunks of neighbouring blocks, a few per core, so that threads share the work evenly.
    let chunkCount = min(blocks.count, ProcessInfo.processInfo.activeProcessorCount * 4)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      for slot in (blocks.count * chunk / chunkCount)..<(blocks.count * (chunk + 1) / chunkCount) {
        results.set(slot, BlockChecker(article: article, blockIndex: blocks[slot], context: context).check())
      }
    }
    return results.values
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
