/// The typography of one block of prose: stray or missing spaces, doubled marks, quotation marks
/// that do not pair, and (`french-spacing`) the no-break spaces French puts before `: ; ! ?`, after
/// `«` and before `»`.
///
/// It reads the gaps between the block's tokens, so markup (annotations, links, code) between two
/// tokens is never taken for spacing, and a gap that holds a line break (a Markdown hard break, an
/// indented line) is left alone. Only what is clearly wrong is flagged: a plain space before `:` in
/// French is not, since many newsrooms type it.
struct TypographyChecker {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: ArraySlice<Token>
  /// The base language (`fr`, `en`) of the run of words each token belongs to, by token index;
  /// nil when unknown.
  let languageOfToken: (Int) -> String?
  /// The block's own language, for « and », which take French spacing in any quoted language.
  let blockLanguage: String?
  /// The parts of the block that are prose (not markup), in order.
  let prose: [Range<Int>]

  static let noBreakSpace = "\u{A0}"
  static let narrowNoBreakSpace = "\u{202F}"

  func run() -> [Finding] {
    var findings: [Finding] = []
    var quotes = QuotationPairing()
    let parentheses = parenthesisBalance()
    for index in tokens.indices {
      let token = tokens[index]
      let previous = index > tokens.startIndex ? tokens[index - 1] : nil
      if let previous, let gap = gapFinding(previous, token, english: languageOfToken(index) == "en") {
        findings.append(gap)
      }
      guard token.kind == .punctuation else { continue }
      let mark = UTF8Scalar.decode(bytes, at: token.range.lowerBound).scalar
      let next = index + 1 < tokens.endIndex ? tokens[index + 1] : nil
      let glued = previous.map { $0.range.upperBound == token.range.lowerBound } ?? false
      if let finding = quotes.read(mark, token.range, gluedToPrevious: glued) {
        findings.append(finding)
      }
      if let finding = doubledMark(mark, token, next, parentheses: parentheses) { findings.append(finding) }
      if let finding = missingSpaceAfter(mark, token, previous, next) { findings.append(finding) }
      let french = languageOfToken(index) == "fr"
      if french || blockLanguage == "fr", let finding = guillemetSpacing(mark, token, previous, next) {
        findings.append(finding)
      }
      if french, let finding = frenchSpaceBefore(mark, token, previous, next) { findings.append(finding) }
    }
    return findings
  }

  // MARK: Spaces between tokens

  /// Two spaces or more between two tokens of a line (`  ` → ` `), or a space before a comma
  /// (` ,` → `,`; in English also before `; : ! ?`).
  /// The gap is the spaces just before `token`, after the previous token or after markup that
  /// stands between them (`[Gas]{.organization} ,` reads `Gas ,`).
  private func gapFinding(_ previous: Token, _ token: Token, english: Bool) -> Finding? {
    var spacesStart = token.range.lowerBound
    while spacesStart > previous.range.upperBound && bytes[spacesStart - 1] == 0x20 { spacesStart -= 1 }
    let gap = spacesStart..<token.range.lowerBound
    guard !gap.isEmpty, isMarkupOnly(previous.range.upperBound..<spacesStart) else { return nil }
    if token.kind == .punctuation && previous.kind != .punctuation {
      let mark = UTF8Scalar.decode(bytes, at: token.range.lowerBound).scalar
      if mark == "," || (english && ";:!?".unicodeScalars.contains(mark) && isFollowedBySpaceOrEnd(token)) {
        return Finding(
          rule: Rule.typography.rawValue, severity: Rule.typography.defaultSeverity,
          range: gap.lowerBound..<token.range.upperBound, message: "Space before '\(mark)'.",
          replacements: [String(mark)], fixTitle: "Remove the space before '\(mark)'")
      }
    }
    // Spaces that align the cells of a table (`| Modi  | 240 |`) are layout.
    guard gap.count >= 2, !isPipe(previous), !isPipe(token) else { return nil }
    return Finding(
      rule: Rule.typography.rawValue, severity: Rule.typography.defaultSeverity, range: gap,
      message: "\(gap.count) spaces in a row.", replacements: [" "], fixTitle: "Replace with one space")
  }

  private func isPipe(_ token: Token) -> Bool {
    token.kind == .punctuation && bytes[token.range.lowerBound] == UInt8(ascii: "|")
  }

  /// Whether `range` holds no prose and no line break (empty, or inline markup only).
  private func isMarkupOnly(_ range: Range<Int>) -> Bool {
    range.isEmpty
      || (!prose.contains { $0.overlaps(range) } && !range.contains { bytes[$0] == 0x0A || bytes[$0] == 0x0D })
  }

  // MARK: Marks

  /// `,,`, `;;`, or `))` / `((` when the block has more of that parenthesis than of the other.
  private func doubledMark(_ mark: Unicode.Scalar, _ token: Token, _ next: Token?, parentheses: Int) -> Finding? {
    guard let next, next.range.lowerBound == token.range.upperBound, next.kind == .punctuation,
      UTF8Scalar.decode(bytes, at: next.range.lowerBound).scalar == mark
    else { return nil }
    let doubled: Bool
    switch mark {
    case ",", ";": doubled = true
    case ")": doubled = parentheses < 0
    case "(": doubled = parentheses > 0
    default: doubled = false
    }
    guard doubled else { return nil }
    // `,,,` is reported once, at its first pair.
    if token.range.lowerBound > 0, bytes[token.range.lowerBound - 1] == bytes[token.range.lowerBound] { return nil }
    return Finding(
      rule: Rule.typography.rawValue, severity: Rule.typography.defaultSeverity,
      range: token.range.lowerBound..<next.range.upperBound, message: "'\(mark)' twice.",
      replacements: [String(mark)], fixTitle: "Keep one '\(mark)'")
  }

  /// The number of `(` minus the number of `)` in the block.
  private func parenthesisBalance() -> Int {
    var balance = 0
    for token in tokens where token.kind == .punctuation {
      switch bytes[token.range.lowerBound] {
      case UInt8(ascii: "("): balance += 1
      case UInt8(ascii: ")"): balance -= 1
      default: break
      }
    }
    return balance
  }

  /// A full stop or comma between two words with no space after it: `ville.Le` → `ville. Le`,
  /// `Paris,Lyon` → `Paris, Lyon`. Initials and abbreviations (`U.S.`, `M.Dupont`) are left alone:
  /// the word before must have two letters or more and end in a lower-case letter, and after a
  /// full stop the next word must read as the start of a sentence (a capital, then a small letter).
  private func missingSpaceAfter(_ mark: Unicode.Scalar, _ token: Token, _ previous: Token?, _ next: Token?) -> Finding? {
    guard mark == "." || mark == ",", let previous, let next, previous.kind == .word, next.kind == .word,
      previous.range.upperBound == token.range.lowerBound, next.range.lowerBound == token.range.upperBound,
      !previous.shape.contains(.elision), previous.range.count >= 2
    else { return nil }
    let lastStart = UTF8Scalar.previousStart(bytes, before: previous.range.upperBound)
    guard UTF8Scalar.isLowercase(UTF8Scalar.decode(bytes, at: lastStart).scalar) else { return nil }
    if mark == "." {
      guard next.shape.contains(.startsUppercase), !next.shape.contains(.allUppercase), next.range.count >= 2 else { return nil }
      let first = UTF8Scalar.decode(bytes, at: next.range.lowerBound)
      let second = UTF8Scalar.decode(bytes, at: next.range.lowerBound + first.length).scalar
      guard UTF8Scalar.isLowercase(second) else { return nil }
    }
    return Finding(
      rule: Rule.typography.rawValue, severity: Rule.typography.defaultSeverity, range: token.range,
      message: "No space after '\(mark)'.", replacements: ["\(mark) "], fixTitle: "Add a space after '\(mark)'")
  }

  private func isFollowedBySpaceOrEnd(_ token: Token) -> Bool {
    let end = token.range.upperBound
    guard end < bytes.count else { return true }
    return UTF8Scalar.isSpace(UTF8Scalar.decode(bytes, at: end).scalar)
  }

  // MARK: French spacing

  /// `«` glued to the word after it, or `»` to the word before it.
  private func guillemetSpacing(_ mark: Unicode.Scalar, _ token: Token, _ previous: Token?, _ next: Token?) -> Finding? {
    if mark == "«", let next, next.range.lowerBound == token.range.upperBound, next.kind != .punctuation {
      return frenchSpacing(token.range, message: "No no-break space after '«'.", replacement: "«" + Self.noBreakSpace,
                           fixTitle: "Add a no-break space after '«'")
    }
    if mark == "»", let previous, previous.range.upperBound == token.range.lowerBound, previous.kind != .punctuation
      || [".", "!", "?", "…"].contains(UTF8Scalar.decode(bytes, at: previous.range.lowerBound).scalar)
    {
      return frenchSpacing(token.range, message: "No no-break space before '»'.", replacement: Self.noBreakSpace + "»",
                           fixTitle: "Add a no-break space before '»'")
    }
    return nil
  }

  /// `:`, `;`, `!` or `?` glued to the word or number before it. A colon between digits (`10:30`)
  /// and a mark after another (`?!`) are left alone.
  private func frenchSpaceBefore(_ mark: Unicode.Scalar, _ token: Token, _ previous: Token?, _ next: Token?) -> Finding? {
    guard ":;!?".unicodeScalars.contains(mark), let previous, previous.kind != .punctuation,
      previous.range.upperBound == token.range.lowerBound
    else { return nil }
    if mark == ":", previous.kind == .number, let next, next.kind == .number, next.range.lowerBound == token.range.upperBound {
      return nil
    }
    let space = mark == ":" ? Self.noBreakSpace : Self.narrowNoBreakSpace
    return frenchSpacing(token.range, message: "No no-break space before '\(mark)' (French typography).",
                         replacement: space + String(mark), fixTitle: "Add a no-break space before '\(mark)'")
  }

  private func frenchSpacing(_ range: Range<Int>, message: String, replacement: String, fixTitle: String) -> Finding {
    Finding(
      rule: Rule.frenchSpacing.rawValue, severity: Rule.frenchSpacing.defaultSeverity, range: range, message: message,
      replacements: [replacement], fixTitle: fixTitle)
  }
}

/// Pairs the quotation marks of a block as they come, and reports a closing mark of the wrong kind:
/// `"` closing a `«` (French: `»`), `”` closing a `"`, `"` closing a `“`. An opening mark left
/// unclosed at the end of the block is not reported: a quotation may run over several paragraphs.
struct QuotationPairing {
  private var open: [Unicode.Scalar] = []

  /// Reads the next quotation mark; `gluedToPrevious`: no space between it and the token before.
  mutating func read(_ mark: Unicode.Scalar, _ range: Range<Int>, gluedToPrevious: Bool) -> Finding? {
    switch mark {
    case "«", "“":
      open.append(mark)
    case "»":
      if open.last == "«" { open.removeLast() }
    case "”":
      if open.last == "“" {
        open.removeLast()
      } else if open.last == "\"" {
        open.removeLast()
        return mismatch(range, found: mark, expected: "\"")
      }
    case "\"":
      if open.last == "\"" {
        open.removeLast()
      } else if open.last == "«" {
        open.removeLast()
        return mismatch(range, found: mark, expected: "»", replacement: gluedToPrevious ? TypographyChecker.noBreakSpace + "»" : "»")
      } else if open.last == "“" {
        open.removeLast()
        return mismatch(range, found: mark, expected: "”")
      } else {
        open.append(mark)
      }
    default:
      break
    }
    return nil
  }

  private func mismatch(_ range: Range<Int>, found: Unicode.Scalar, expected: String, replacement: String? = nil) -> Finding {
    let opener: String
    switch expected {
    case "»": opener = "«"
    case "”": opener = "“"
    default: opener = "\""
    }
    return Finding(
      rule: Rule.typography.rawValue, severity: Rule.typography.defaultSeverity, range: range,
      message: "'\(found)' closes a quotation opened with '\(opener)'.", replacements: [replacement ?? expected],
      fixTitle: "Close with '\(expected)'")
  }
}
