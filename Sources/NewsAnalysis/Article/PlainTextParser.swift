/// Infers the structure of an article pasted from a web page as plain text.
///
/// - The headline is the first line that reads as a title: two to 25 words, no final full stop or
///   comma, not site boilerplate ("This article was added by the user…", "Skip to content").
/// - The first one-word line above the headline that is not boilerplate is the kicker (the category,
///   "France"); other lines above it are boilerplate and are not checked.
/// - A section heading is a short line (a dozen words or fewer) with no final punctuation, standing
///   alone between blank lines and followed by a paragraph.
struct PlainTextParser {
  let bytes: UnsafeBufferPointer<UInt8>
  private let lines: [SourceLine]
  private(set) var blocks: [MarkdownParser.RawBlock] = []

  /// How far down the headline is looked for, in lines.
  static let headlineSearchLines = 15
  static let maximumHeadingWords = 12

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    self.lines = SourceLine.lines(of: bytes)
  }

  mutating func parse() {
    let paragraphs = lineGroups()
    var groupIndex = 0
    var foundHeadline = false
    // Before the headline: kicker and boilerplate, line by line.
    var lineCount = 0
    headlineSearch: while groupIndex < paragraphs.count && lineCount < Self.headlineSearchLines {
      let group = paragraphs[groupIndex]
      for (offset, lineIndex) in group.enumerated() {
        let line = lines[lineIndex]
        lineCount += 1
        let content = line.trimmedContent(bytes)
        if readsAsTitle(content) {
          blocks.append(block(.heading(level: 1), lines: lineIndex...lineIndex, title: content))
          if offset + 1 < group.count { blocks.append(block(.paragraph, lines: group[offset + 1]...group.last!)) }
          foundHeadline = true
          groupIndex += 1
          break headlineSearch
        }
        let isKicker = !blocks.contains { $0.kind == .kicker } && isKickerLine(content)
        blocks.append(block(isKicker ? .kicker : .boilerplate, lines: lineIndex...lineIndex))
      }
      groupIndex += 1
    }
    if !foundHeadline {
      // No line reads as a title: keep everything as paragraphs, from the top.
      blocks = []
      groupIndex = 0
    }
    var afterHeadline = foundHeadline
    while groupIndex < paragraphs.count {
      let group = paragraphs[groupIndex]
      let content = lines[group[0]].trimmedContent(bytes)
      let followedByParagraph =
        groupIndex + 1 < paragraphs.count
        && !(paragraphs[groupIndex + 1].count == 1 && readsAsSectionHeading(lines[paragraphs[groupIndex + 1][0]].trimmedContent(bytes)))
      let isStandfirst = afterHeadline && !blocks.contains { $0.kind == .paragraph }
      if group.count == 1 && !isStandfirst && followedByParagraph && readsAsSectionHeading(content) {
        blocks.append(block(.heading(level: 2), lines: group[0]...group[0], title: content))
      } else {
        blocks.append(block(.paragraph, lines: group[0]...group.last!))
      }
      afterHeadline = false
      groupIndex += 1
    }
  }

  /// Runs of non-blank lines, as line indices.
  private func lineGroups() -> [[Int]] {
    var groups: [[Int]] = []
    var current: [Int] = []
    for (index, line) in lines.enumerated() {
      if line.isBlank {
        if !current.isEmpty { groups.append(current) }
        current = []
      } else {
        current.append(index)
      }
    }
    if !current.isEmpty { groups.append(current) }
    return groups
  }

  private func block(_ kind: BlockKind, lines range: ClosedRange<Int>, title: Range<Int>? = nil) -> MarkdownParser.RawBlock {
    let first = lines[range.lowerBound]
    let last = lines[range.upperBound]
    let whole = first.range.lowerBound..<last.range.upperBound
    let content = first.contentStart..<last.trimmedContent(bytes).upperBound
    let prose: [Range<Int>]
    switch kind {
    case .boilerplate: prose = []
    default: prose = [title ?? content]
    }
    return MarkdownParser.RawBlock(kind: kind, range: whole, pieces: prose, title: title)
  }

  // MARK: Line shapes

  private func words(_ content: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    Tokenizer.tokenize(bytes, range: content, into: &tokens)
    return tokens.filter(\.countsAsWord)
  }

  private func lastScalar(_ content: Range<Int>) -> Unicode.Scalar? {
    guard !content.isEmpty else { return nil }
    return UTF8Scalar.decode(bytes, at: UTF8Scalar.previousStart(bytes, before: content.upperBound)).scalar
  }

  private func firstLetterIsUppercase(_ content: Range<Int>) -> Bool {
    var index = content.lowerBound
    while index < content.upperBound {
      let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
      if UTF8Scalar.isLetter(scalar) { return UTF8Scalar.isUppercase(scalar) }
      if UTF8Scalar.isDigit(scalar) { return true }
      index += length
    }
    return false
  }

  private func text(_ content: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self)
  }

  func readsAsTitle(_ content: Range<Int>) -> Bool {
    let count = words(content).count
    guard (2...25).contains(count), content.count <= 300, firstLetterIsUppercase(content) else { return false }
    if let last = lastScalar(content), ".,;:".unicodeScalars.contains(last) { return false }
    return !BoilerplateDetector.isBoilerplate(text(content))
  }

  private func isKickerLine(_ content: Range<Int>) -> Bool {
    let tokens = words(content)
    return tokens.count == 1 && tokens[0].kind == .word && content.count <= 40 && firstLetterIsUppercase(content)
      && !BoilerplateDetector.isBoilerplate(text(content))
  }

  func readsAsSectionHeading(_ content: Range<Int>) -> Bool {
    let count = words(content).count
    guard (1...Self.maximumHeadingWords).contains(count), content.count <= 120, firstLetterIsUppercase(content) else {
      return false
    }
    if let last = lastScalar(content), ".,;:!?…»\"”)]".unicodeScalars.contains(last) { return false }
    return !BoilerplateDetector.isBoilerplate(text(content))
  }
}

/// Recognises the lines of a web page that are not the article: notices, menus, sharing prompts.
enum BoilerplateDetector {
  static let phrases = [
    "not responsible for the content", "added by the user", "all rights reserved", "tous droits réservés",
    "cookie", "subscribe", "abonnez-vous", "newsletter", "sign in", "sign up", "log in", "se connecter",
    "skip to", "aller au contenu", "advertisement", "publicité", "read more", "lire aussi", "lire la suite",
    "share this", "partager", "click here", "cliquez ici", "javascript", "privacy policy", "terms of use",
    "politique de confidentialité", "mentions légales", "©",
  ]

  static func isBoilerplate(_ line: String) -> Bool {
    let lowered = line.lowercased()
    return phrases.contains { lowered.contains($0) }
  }
}
