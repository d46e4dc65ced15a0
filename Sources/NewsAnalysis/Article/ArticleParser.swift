extension Article {
  /// Reads `text` as an article of the given format. Never fails: whatever cannot be read becomes
  /// a `MarkupProblem` or plain prose.
  public static func parse(_ text: String, format: ArticleFormat, cache: ArticleParseCache? = nil) -> Article {
    text.withUTF8Bytes { bytes in
      var frontMatter: FrontMatter?
      let rawBlocks: [MarkdownParser.RawBlock]
      switch format {
      case .markdown:
        var parser = MarkdownParser(bytes: bytes)
        parser.parse()
        rawBlocks = parser.blocks
        frontMatter = parser.frontMatter
      case .plainText:
        var parser = PlainTextParser(bytes: bytes)
        parser.parse()
        rawBlocks = parser.blocks
      }
      var assembler = ArticleAssembler(bytes: bytes, format: format, cache: cache)
      cache?.beginParse()
      for raw in rawBlocks { assembler.add(raw) }
      cache?.endParse()
      return assembler.article(text: text, frontMatter: frontMatter)
    }
  }
}

/// Turns raw blocks into an `Article`: scans their inline markup, tokenizes their prose, and finds
/// the headline, the standfirst and the sections.
struct ArticleAssembler {
  let bytes: UnsafeBufferPointer<UInt8>
  let format: ArticleFormat
  private var blocks: [Block] = []
  private var titles: [Int: Range<Int>] = [:]
  private var tokens: [Token] = []
  private var nonProse: [Range<Int>] = []
  private var annotations: [EntityAnnotation] = []
  private var problems: [MarkupProblem] = []

  private let cache: ArticleParseCache?

  init(bytes: UnsafeBufferPointer<UInt8>, format: ArticleFormat, cache: ArticleParseCache? = nil) {
    self.bytes = bytes
    self.format = format
    self.cache = cache
  }

  mutating func add(_ raw: MarkdownParser.RawBlock) {
    let start = raw.range.lowerBound
    let blockBytes = UnsafeBufferPointer(rebasing: bytes[raw.range])
    let key = cache.map { _ in
      ArticleParseCache.Key(
        kind: raw.kind, fingerprint: Fingerprint(blockBytes), pieces: raw.pieces.map { $0.shifted(by: -start) })
    }
    let firstToken = tokens.count
    let prose: [Range<Int>]
    let wordCount: Int
    if let key, let entry = cache?.lookup(key, bytes: blockBytes) {
      prose = entry.prose.map { $0.shifted(by: start) }
      tokens.append(contentsOf: entry.tokens)
      for index in firstToken..<tokens.count { tokens[index].range = tokens[index].range.shifted(by: start) }
      annotations += entry.annotations.map { $0.shifted(by: start) }
      problems += entry.problems.map { MarkupProblem(range: $0.range.shifted(by: start), message: $0.message, rule: $0.rule) }
      wordCount = entry.wordCount
    } else {
      var scanner = InlineScanner(bytes: bytes, markdown: format == .markdown)
      for piece in raw.pieces { scanner.scan(piece) }
      annotations += scanner.annotations
      problems += scanner.problems
      prose = scanner.prose
      for range in prose { Tokenizer.tokenize(bytes, range: range, into: &tokens) }
      wordCount = tokens[firstToken...].lazy.filter(\.countsAsWord).count
      if let key {
        cache?.store(
          key, bytes: blockBytes,
          ArticleParseCache.Entry(
            prose: prose.map { $0.shifted(by: -start) },
            tokens: tokens[firstToken...].map { Token(kind: $0.kind, shape: $0.shape, range: $0.range.shifted(by: -start)) },
            wordCount: wordCount, annotations: scanner.annotations.map { $0.shifted(by: -start) },
            problems: scanner.problems.map { MarkupProblem(range: $0.range.shifted(by: -start), message: $0.message, rule: $0.rule) }))
      }
    }
    addNonProse(of: raw.range, outside: prose)
    if let title = raw.title { titles[blocks.count] = title }
    blocks.append(
      Block(kind: raw.kind, range: raw.range, prose: prose, tokens: firstToken..<tokens.count, wordCount: wordCount))
  }

  /// Records the parts of `range` outside `prose` that are not just spaces.
  private mutating func addNonProse(of range: Range<Int>, outside prose: [Range<Int>]) {
    var cursor = range.lowerBound
    for piece in prose + [range.upperBound..<range.upperBound] {
      let gap = FrontMatterParser.trim(cursor..<max(cursor, piece.lowerBound), bytes)
      if !gap.isEmpty && gap.contains(where: { bytes[$0] > 0x20 }) {
        if let last = nonProse.last, last.upperBound >= gap.lowerBound {
          nonProse[nonProse.count - 1] = last.lowerBound..<max(last.upperBound, gap.upperBound)
        } else {
          nonProse.append(gap)
        }
      }
      cursor = max(cursor, piece.upperBound)
    }
  }

  private func span(_ range: Range<Int>) -> TextSpan {
    TextSpan(range: range, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
  }

  private func heading(at index: Int) -> Heading? {
    guard case .heading(let level) = blocks[index].kind, let title = titles[index] else { return nil }
    return Heading(level: level, lineRange: blocks[index].range, title: span(title))
  }

  func article(text: String, frontMatter: FrontMatter?) -> Article {
    let headlineIndex = blocks.indices.first { if case .heading(1) = blocks[$0].kind { return true } else { return false } }
    var standfirstIndex: Int?
    if let headlineIndex {
      for index in (headlineIndex + 1)..<blocks.count {
        if case .heading = blocks[index].kind { break }
        if blocks[index].kind == .paragraph {
          standfirstIndex = index
          break
        }
      }
    }
    let kicker = blocks.firstIndex { $0.kind == .kicker }.map { span(FrontMatterParser.trim(blocks[$0].range, bytes)) }
    let sectionStart = (headlineIndex ?? -1) + 1
    let sections = buildSections(from: sectionStart)
    return Article(
      format: format, text: text, frontMatter: frontMatter, kicker: kicker,
      headline: headlineIndex.flatMap(heading(at:)), standfirstIndex: standfirstIndex, sections: sections,
      blocks: blocks, annotations: annotations, problems: problems, nonProse: nonProse, tokens: tokens)
  }

  /// The section tree of the headings from block `start` on; a level-1 heading after the headline
  /// counts as a section.
  private func buildSections(from start: Int) -> [Section] {
    let headingIndices = (start..<blocks.count).filter { heading(at: $0) != nil }
    func level(_ index: Int) -> Int { max(2, heading(at: index)!.level) }
    func build(_ position: inout Int, parentLevel: Int) -> [Section] {
      var result: [Section] = []
      while position < headingIndices.count && level(headingIndices[position]) > parentLevel {
        let blockIndex = headingIndices[position]
        let ownLevel = level(blockIndex)
        position += 1
        let children = build(&position, parentLevel: ownLevel)
        let nextBlock = position < headingIndices.count ? headingIndices[position] : blocks.count
        let body = (blockIndex + 1)..<nextBlock
        let lastBlock = body.last ?? blockIndex
        let words = body.reduce(0) { total, index in
          if case .heading = blocks[index].kind { return total }
          return total + blocks[index].wordCount
        }
        result.append(
          Section(
            heading: heading(at: blockIndex)!, range: blocks[blockIndex].range.lowerBound..<blocks[lastBlock].range.upperBound,
            subsections: children, wordCount: words))
      }
      return result
    }
    var position = 0
    return build(&position, parentLevel: 1)
  }
}
