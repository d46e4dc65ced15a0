/// Finds what is not prose inside a block's text: code spans, HTML, link targets, URLs, e-mail
/// addresses, escapes, and the markup of entity annotations, which it parses on the way.
struct InlineScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The prose left, in order.
  var prose: [Range<Int>] = []
  var nonProse: [Range<Int>] = []
  var annotations: [EntityAnnotation] = []
  var problems: [MarkupProblem] = []
  /// Whether Markdown constructs count (false for plain text, where only URLs and e-mails do).
  let markdown: Bool

  private var proseStart = 0
  /// Where the piece being scanned starts.
  private var pieceStart = 0

  init(bytes: UnsafeBufferPointer<UInt8>, markdown: Bool) {
    self.bytes = bytes
    self.markdown = markdown
  }

  /// Scans `range`, appending to the results.
  mutating func scan(_ range: Range<Int>) {
    proseStart = range.lowerBound
    pieceStart = range.lowerBound
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = bytes[index]
      var next: Int?
      switch byte {
      case UInt8(ascii: "\\") where markdown: next = escape(at: index, end: end)
      case UInt8(ascii: "`") where markdown: next = codeSpan(at: index, end: end)
      case UInt8(ascii: "<") where markdown: next = angle(at: index, end: end)
      case UInt8(ascii: "!") where markdown && index + 1 < end && bytes[index + 1] == UInt8(ascii: "["):
        next = bracket(at: index + 1, end: end, image: true)
      case UInt8(ascii: "[") where markdown: next = bracket(at: index, end: end, image: false)
      case UInt8(ascii: "]") where markdown: next = strayAttributes(at: index, end: end)
      case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "f"),
        UInt8(ascii: "F"):
        next = url(at: index, end: end)
      case UInt8(ascii: "@"): next = email(at: index, end: end)
      default: break
      }
      index = next ?? index + 1
    }
    if proseStart < end { prose.append(proseStart..<end) }
  }

  private mutating func markNonProse(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    if proseStart < range.lowerBound { prose.append(proseStart..<range.lowerBound) }
    if let last = nonProse.last, last.upperBound == range.lowerBound {
      nonProse[nonProse.count - 1] = last.lowerBound..<range.upperBound
    } else {
      nonProse.append(range)
    }
    proseStart = max(proseStart, range.upperBound)
  }

  private func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private func find(_ byte: UInt8, from: Int, end: Int, stopAtNewline: Bool = false) -> Int? {
    var index = from
    while index < end {
      let current = bytes[index]
      if current == byte { return index }
      if stopAtNewline && (current == 0x0A || current == 0x0D) { return nil }
      // A backslash escapes the next byte, if there is one on the same line.
      if current == UInt8(ascii: "\\") && index + 1 < end && bytes[index + 1] != 0x0A && bytes[index + 1] != 0x0D {
        index += 1
      }
      index += 1
    }
    return nil
  }

  private func starts(with pattern: String, at index: Int, end: Int, caseInsensitive: Bool = false) -> Bool {
    var position = index
    for expected in pattern.utf8 {
      guard position < end else { return false }
      let actual = bytes[position]
      if caseInsensitive ? (actual | 0x20) != (expected | 0x20) : actual != expected { return false }
      position += 1
    }
    return true
  }

  // MARK: Constructs

  /// `\*`: the backslash is markup, the escaped mark is text.
  private mutating func escape(at index: Int, end: Int) -> Int? {
    guard index + 1 < end, bytes[index + 1] < 0x80, isASCIIPunctuation(bytes[index + 1]) else { return nil }
    markNonProse(index..<(index + 1))
    return index + 2
  }

  /// `` `code` ``: everything up to the closing run of as many backticks.
  private mutating func codeSpan(at index: Int, end: Int) -> Int? {
    var run = index
    while run < end && bytes[run] == UInt8(ascii: "`") { run += 1 }
    let width = run - index
    var search = run
    while search < end {
      guard bytes[search] == UInt8(ascii: "`") else {
        search += 1
        continue
      }
      var closing = search
      while closing < end && bytes[closing] == UInt8(ascii: "`") { closing += 1 }
      if closing - search == width {
        markNonProse(index..<closing)
        return closing
      }
      search = closing
    }
    return run  // no closing run: the backticks are literal
  }

  /// `<!-- comment -->`, `<https://…>`, `<name@host>`, `<tag attr="…">`.
  private mutating func angle(at index: Int, end: Int) -> Int? {
    if starts(with: "<!--", at: index, end: end) {
      var search = index + 4
      while search + 3 <= end {
        if starts(with: "-->", at: search, end: end) {
          markNonProse(index..<(search + 3))
          return search + 3
        }
        search += 1
      }
      markNonProse(index..<end)  // unclosed: the rest of the block is the comment
      return end
    }
    guard index + 1 < end, let close = find(UInt8(ascii: ">"), from: index + 1, end: end, stopAtNewline: true) else {
      return nil
    }
    let first = bytes[index + 1]
    let isTagStart = isASCIILetter(first) || first == UInt8(ascii: "/") || first == UInt8(ascii: "!")
    guard isTagStart else { return nil }
    let inner = text((index + 1)..<close)
    guard !inner.contains(" ") || isASCIILetter(first) || first == UInt8(ascii: "/") else { return nil }
    markNonProse(index..<(close + 1))
    return close + 1
  }

  /// `[text](target)`, `![alt](src)`, `[text][ref]`, `[ref]: target`, `[^note]`, and the entity annotation
  /// `[text]{attrs}`.
  private mutating func bracket(at index: Int, end: Int, image: Bool) -> Int? {
    var close: Int?
    var search = index + 1
    while search < end {
      let byte = bytes[search]
      if byte == UInt8(ascii: "\\") {
        search += 2
        continue
      }
      if byte == UInt8(ascii: "[") { return nil }  // an inner bracket: the innermost is read first
      if byte == UInt8(ascii: "]") {
        close = search
        break
      }
      search += 1
    }
    guard let close else { return nil }
    let opening = image ? index - 1 : index
    if !image && index + 1 < end && bytes[index + 1] == UInt8(ascii: "^") {
      // A footnote reference, or the `[^note]:` that opens the note's text.
      let markupEnd = close + 1 < end && bytes[close + 1] == UInt8(ascii: ":") && startsLine(index) ? close + 2 : close + 1
      markNonProse(index..<markupEnd)
      return markupEnd
    }
    let after = close + 1
    guard after < end else { return nil }
    switch bytes[after] {
    case UInt8(ascii: "("):
      guard let target = matchingParenthesis(from: after, end: end) else { return nil }
      markNonProse(opening..<(index + 1))
      markNonProse(close..<(target + 1))
      return target + 1
    case UInt8(ascii: ":") where !image && startsLine(index):
      // `[label]: https://… "Title"` defines the target of `[text][label]`: the whole line is markup.
      var lineEnd = after
      while lineEnd < end && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D { lineEnd += 1 }
      markNonProse(index..<FrontMatterParser.trim(index..<lineEnd, bytes).upperBound)
      return lineEnd
    case UInt8(ascii: "[") where !image:
      guard let reference = find(UInt8(ascii: "]"), from: after + 1, end: end, stopAtNewline: true) else { return nil }
      markNonProse(index..<(index + 1))
      markNonProse(close..<(reference + 1))
      return reference + 1
    case UInt8(ascii: "{") where !image:
      return annotation(open: index, close: close, end: end)
    default:
      return nil
    }
  }

  /// Whether only up to three spaces separate `index` from the start of its line (or of the piece).
  private func startsLine(_ index: Int) -> Bool {
    var position = index
    var spaces = 0
    while position > pieceStart && bytes[position - 1] == 0x20 && spaces < 3 {
      position -= 1
      spaces += 1
    }
    return position == pieceStart || bytes[position - 1] == 0x0A || bytes[position - 1] == 0x0D
  }

  private func matchingParenthesis(from open: Int, end: Int) -> Int? {
    var depth = 0
    var index = open
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: "\\"): index += 1
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"):
        depth -= 1
        if depth == 0 { return index }
      case 0x0A, 0x0D: return nil
      default: break
      }
      index += 1
    }
    return nil
  }

  /// `[surface]{#id .type key=value}`.
  private mutating func annotation(open: Int, close: Int, end: Int) -> Int? {
    let braceOpen = close + 1
    let (closingBrace, stop) = attributesEnd(after: braceOpen, end: end)
    guard let braceClose = closingBrace else {
      let unclosedEnd = attributeWordsEnd(from: braceOpen + 1, to: stop)
      problems.append(
        MarkupProblem(
          range: open..<unclosedEnd, message: "Annotation attributes are not closed: '}' is missing.",
          rule: "annotation-syntax"))
      markNonProse(open..<(open + 1))
      markNonProse(close..<unclosedEnd)
      return unclosedEnd
    }
    let surface = TextSpan(range: (open + 1)..<close, text: text((open + 1)..<close))
    let whole = open..<(braceClose + 1)
    let attributes = AnnotationAttributes.parse(text((braceOpen + 1)..<braceClose))
    for message in attributes.errors {
      problems.append(MarkupProblem(range: whole, message: message, rule: "annotation-syntax"))
    }
    if surface.text.trimmingSpaces.isEmpty {
      problems.append(MarkupProblem(range: whole, message: "Annotation without text: write the name inside the brackets.", rule: "annotation-syntax"))
    }
    var type: EntityType?
    for name in attributes.classes where !AnnotationAttributes.formattingClasses.contains(name) {
      if let known = EntityType(rawValue: name) {
        if let type, type != known {
          problems.append(
            MarkupProblem(
              range: whole, message: "Annotation has two entity types, .\(type.rawValue) and .\(known.rawValue): keep one.",
              rule: "annotation-type"))
        }
        type = type ?? known
      } else {
        problems.append(
          MarkupProblem(
            range: whole,
            message:
              "Unknown entity type '.\(name)'\(AnnotationAttributes.suggestion(for: name)); use one of .person, .organization, .place, .event, .work, .other.",
            rule: "annotation-type"))
      }
    }
    let isFormattingOnly =
      attributes.id == nil && type == nil && attributes.pairs.isEmpty && !attributes.classes.isEmpty
      && attributes.classes.allSatisfy(AnnotationAttributes.formattingClasses.contains)
    if attributes.isEmpty {
      problems.append(
        MarkupProblem(
          range: whole, message: "Empty annotation: give an id (#name) or a type (.person, .place…).",
          rule: "annotation-syntax"))
    } else if !isFormattingOnly {
      annotations.append(
        EntityAnnotation(range: whole, surface: surface, id: attributes.id, type: type, attributes: attributes.pairs))
    }
    markNonProse(open..<(open + 1))
    markNonProse(close..<(braceClose + 1))
    return braceClose + 1
  }

  /// The `}` closing the attributes opened at `braceOpen`, or, when they are not closed, where they
  /// stop: at the end of the line, or at a brace or bracket that starts other markup (the next
  /// annotation). A `}` or bracket inside a quoted value is part of the value, unless the quote is
  /// never closed (then the first `}` closes, and the attribute parser reports the quote).
  private func attributesEnd(after braceOpen: Int, end: Int) -> (close: Int?, stop: Int) {
    func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    func scan(honouringQuotes: Bool) -> (close: Int?, stop: Int, inQuote: Bool) {
      var index = braceOpen + 1
      var quoted = false
      while index < end && !isLineBreak(bytes[index]) {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\") {
          if index + 1 < end && !isLineBreak(bytes[index + 1]) { index += 1 }
        } else if byte == UInt8(ascii: "\"") && honouringQuotes {
          quoted.toggle()
        } else if !quoted {
          if byte == UInt8(ascii: "}") { return (index, index + 1, false) }
          if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") { return (nil, index, false) }
        }
        index += 1
      }
      return (nil, index, quoted)
    }
    let result = scan(honouringQuotes: true)
    if result.inQuote {
      let unquoted = scan(honouringQuotes: false)
      return (unquoted.close, unquoted.stop)
    }
    return (result.close, result.stop)
  }

  /// Where the words that read as attributes (`#id`, `.type`, `key=value`) end after a `{` that is
  /// never closed: the first other word is text again (`[Poutine]{.person rencontre…`).
  private func attributeWordsEnd(from start: Int, to stop: Int) -> Int {
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    var index = start
    var end = start
    while index < stop {
      while index < stop && isBlank(bytes[index]) { index += 1 }
      guard index < stop else { break }
      let wordStart = index
      var quoted = false
      var hasEquals = false
      while index < stop && (quoted || !isBlank(bytes[index])) {
        if bytes[index] == UInt8(ascii: "\"") { quoted.toggle() }
        if bytes[index] == UInt8(ascii: "=") { hasEquals = true }
        index += 1
      }
      let first = bytes[wordStart]
      guard first == UInt8(ascii: "#") || first == UInt8(ascii: ".") || hasEquals else { break }
      end = index
    }
    return end
  }

  /// `]{…}` with no opening bracket (left over from nested brackets): reported, and kept out of prose.
  private mutating func strayAttributes(at index: Int, end: Int) -> Int? {
    guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "{"),
      let braceClose = attributesEnd(after: index + 1, end: end).close
    else { return nil }
    problems.append(
      MarkupProblem(
        range: index..<(braceClose + 1),
        message: "Annotation attributes without a matching '[': nested annotations are not supported.",
        rule: "annotation-syntax"))
    markNonProse(index..<(braceClose + 1))
    return braceClose + 1
  }

  /// `https://…`, `http://…`, `ftp://…`, `www.…` up to a space, without trailing punctuation.
  private mutating func url(at index: Int, end: Int) -> Int? {
    if index > 0 {
      // Not inside a word (`Matthew`, `éhttp`); after a space, a no-break space or « it starts a URL.
      let (previous, _) = UTF8Scalar.decode(bytes, at: UTF8Scalar.previousStart(bytes, before: index))
      if UTF8Scalar.isLetter(previous) || UTF8Scalar.isDigit(previous) { return nil }
    }
    let prefixLength: Int
    if starts(with: "https://", at: index, end: end, caseInsensitive: true) {
      prefixLength = 8
    } else if starts(with: "http://", at: index, end: end, caseInsensitive: true) {
      prefixLength = 7
    } else if starts(with: "ftp://", at: index, end: end, caseInsensitive: true) {
      prefixLength = 6
    } else if starts(with: "www.", at: index, end: end, caseInsensitive: true) {
      prefixLength = 4
    } else {
      return nil
    }
    var stop = index + prefixLength
    var parentheses = 0
    while stop < end {
      let byte = bytes[stop]
      if byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") { break }
      if byte >= 0x80 {
        // Any space (the no-break spaces of French typography too) or typographic quote ends it.
        let (scalar, length) = UTF8Scalar.decode(bytes, at: stop)
        if UTF8Scalar.isSpace(scalar) || "«»“”‘’‹›".unicodeScalars.contains(scalar) { break }
        stop += length
        continue
      }
      if byte == UInt8(ascii: "(") { parentheses += 1 }
      if byte == UInt8(ascii: ")") {
        if parentheses == 0 { break }
        parentheses -= 1
      }
      stop += 1
    }
    // Punctuation after the URL belongs to the sentence: `.`, `!`, an ellipsis `…`.
    while stop > index + prefixLength {
      if isTrailingPunctuation(bytes[stop - 1]) {
        stop -= 1
        continue
      }
      let last = UTF8Scalar.previousStart(bytes, before: stop)
      let (scalar, _) = UTF8Scalar.decode(bytes, at: last)
      guard scalar.value >= 0x80, scalar.properties.generalCategory == .otherPunctuation else { break }
      stop = last
    }
    guard stop > index + prefixLength else { return nil }
    markNonProse(index..<stop)
    return stop
  }

  /// `name@host.tld`, found from its `@`.
  private mutating func email(at index: Int, end: Int) -> Int? {
    var start = index
    while start > proseStart, isEmailLocalByte(bytes[start - 1]) { start -= 1 }
    guard start < index else { return nil }
    var stop = index + 1
    var dots = 0
    while stop < end, isDomainByte(bytes[stop]) {
      if bytes[stop] == UInt8(ascii: ".") { dots += 1 }
      stop += 1
    }
    while stop > index + 1 && bytes[stop - 1] == UInt8(ascii: ".") {
      stop -= 1
      dots -= 1
    }
    guard dots >= 1, stop > index + 1 else { return nil }
    markNonProse(start..<stop)
    return stop
  }

  // MARK: Byte classes

  private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  private func isTrailingPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
      UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "_"):
      return true
    default:
      return false
    }
  }

  private func isEmailLocalByte(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%")
  }

  private func isDomainByte(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks (no-break spaces included).
  var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0.unicodeScalars.allSatisfy(UTF8Scalar.isSpace) }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return self[first...last]
  }
}
