/// Splits prose into words, numbers and punctuation marks with their exact UTF-8 ranges.
///
/// Words keep their inner hyphens and apostrophes (`porte-parole`, `aujourd'hui`, `don't`,
/// `Sheriff's`) and single-letter dotted runs (`U.S`); a French elision is a token of its own, with
/// its apostrophe (`l'` + `Ukraine`, `jusqu'` + `à`, `qu'` + `aujourd'hui`). Numbers keep their French
/// and English separators (`1 200` with a space or a no-break space, `3,5`, `1,200.50`). Spaces are
/// not tokens.
public enum Tokenizer {
  /// Appends the tokens of `range` to `tokens`.
  public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
      if UTF8Scalar.isSpace(scalar) {
        index += length
      } else if UTF8Scalar.isLetter(scalar) || UTF8Scalar.isDigit(scalar) {
        let token = scanWord(bytes, from: index, end: end)
        tokens.append(token)
        index = token.range.upperBound
      } else {
        let tokenEnd = scalar.value < 0x80 ? index + length : emojiSequenceEnd(bytes, start: index, first: scalar, end: end)
        tokens.append(Token(kind: .punctuation, range: index..<tokenEnd))
        index = tokenEnd
      }
    }
  }

  /// Where a symbol and the scalars that shape it end: variation selectors (`❤️`), skin tones, the
  /// keycap mark, tag characters, zero-width joiners with what they join (`👩🏽‍💻`), and a flag's second
  /// regional indicator (`🇫🇷`). One emoji is one token, never a word.
  private static func emojiSequenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, first: Unicode.Scalar, end: Int)
    -> Int
  {
    func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }
    var index = start + UTF8Scalar.decode(bytes, at: start).length
    var previous = first
    while let (scalar, length) = peek(bytes, at: index, end: end) {
      let value = scalar.value
      let continues =
        UTF8Scalar.isVariationSelector(scalar) || value == 0x20E3 || (0x1F3FB...0x1F3FF).contains(value)
        || (0xE0020...0xE007F).contains(value) || value == 0x200D
        || (previous.value == 0x200D && !UTF8Scalar.isSpace(scalar))
        || (isRegionalIndicator(scalar) && isRegionalIndicator(previous) && index == start + 4)
      guard continues else { break }
      previous = scalar
      index += length
    }
    return index
  }

  /// Tokens of a string, for tests and one-off uses.
  public static func tokens(of text: String) -> [Token] {
    text.withUTF8Bytes { bytes in
      var tokens: [Token] = []
      tokenize(bytes, range: 0..<bytes.count, into: &tokens)
      return tokens
    }
  }

  private static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Token {
    var index = start
    var shape: Token.Shape = []
    var letters = 0
    var uppercase = 0
    var lowercase = 0
    var sawLetter = false
    var previousWasLowercaseLetter = false
    /// Letters in the current run since the last connector, to join `U.S` but not `end.Next`.
    var runLetters = 0
    var digitGroup = 0
    var onlyDigitsSoFar = true
    while index < end {
      // ASCII letters and digits, most of any text, without decoding.
      let byte = bytes[index]
      if byte >= 0x61 && byte <= 0x7A {
        lowercase += 1
        letters += 1
        previousWasLowercaseLetter = true
        sawLetter = true
        onlyDigitsSoFar = false
        runLetters += 1
        index += 1
        continue
      }
      if byte >= 0x41 && byte <= 0x5A {
        if letters == 0 { shape.insert(.startsUppercase) }
        if previousWasLowercaseLetter { shape.insert(.innerUppercase) }
        uppercase += 1
        letters += 1
        previousWasLowercaseLetter = false
        sawLetter = true
        onlyDigitsSoFar = false
        runLetters += 1
        index += 1
        continue
      }
      let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
      if UTF8Scalar.isLetter(scalar) {
        let isUpper = UTF8Scalar.isUppercase(scalar)
        let isLower = UTF8Scalar.isLowercase(scalar)
        if letters == 0 && isUpper { shape.insert(.startsUppercase) }
        if isUpper && previousWasLowercaseLetter { shape.insert(.innerUppercase) }
        if isUpper { uppercase += 1 }
        if isLower { lowercase += 1 }
        if isUpper || isLower { letters += 1 }
        previousWasLowercaseLetter = isLower || (!isUpper && previousWasLowercaseLetter)
        sawLetter = true
        onlyDigitsSoFar = false
        runLetters += 1
        index += length
        continue
      }
      if UTF8Scalar.isDigit(scalar) {
        shape.insert(.hasDigit)
        previousWasLowercaseLetter = false
        digitGroup += 1
        index += length
        continue
      }
      // A connector joins only when a letter or digit follows it.
      guard let (next, nextLength) = peek(bytes, at: index + length, end: end) else { break }
      let nextIsLetter = UTF8Scalar.isLetter(next)
      let nextIsDigit = UTF8Scalar.isDigit(next)
      let previousIsDigit = index > start && UTF8Scalar.isDigit(Unicode.Scalar(bytes[index - 1]))
      if UTF8Scalar.isApostrophe(scalar) && sawLetter && nextIsLetter {
        if shape.isDisjoint(with: [.hasDigit, .hasHyphen, .hasApostrophe, .hasDot]) && isElision(bytes, start..<index) {
          shape.formUnion([.hasApostrophe, .elision])
          return Token(kind: .word, shape: shape, range: start..<(index + length))
        }
        shape.insert(.hasApostrophe)
      } else if UTF8Scalar.isHyphen(scalar) && (nextIsLetter || nextIsDigit) {
        shape.insert(.hasHyphen)
      } else if scalar == "." && runLetters == 1 && nextIsLetter && !followedByLetter(bytes, at: index + length + nextLength, end: end) {
        shape.insert(.hasDot)  // U.S, e.g
      } else if (scalar == "," || scalar == ".") && previousIsDigit && nextIsDigit && onlyDigitsSoFar {
        // 3,5 or 1,200.50
      } else if isDigitGroupSpace(scalar) && onlyDigitsSoFar && (1...3).contains(digitGroup)
        && isThreeDigitGroup(bytes, at: index + length, end: end)
      {
        // 1 200 (space, no-break space or narrow no-break space between groups of three)
      } else {
        break
      }
      previousWasLowercaseLetter = false
      runLetters = 0
      digitGroup = 0
      index += length
    }
    if letters >= 2 && lowercase == 0 && uppercase >= 2 { shape.insert(.allUppercase) }
    return Token(kind: sawLetter ? .word : .number, shape: shape, range: start..<index)
  }

  /// French words that elide before a vowel, lower-cased: `l'`, `d'`, `qu'`, `jusqu'`… (not
  /// `aujourd'`, `quelqu'` or `presqu'`, which belong to one word).
  static let elisions: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]

  private static func isElision(_ bytes: UnsafeBufferPointer<UInt8>, _ letters: Range<Int>) -> Bool {
    guard letters.count <= 7 else { return false }
    return elisions.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[letters]), as: UTF8.self).lowercased())
  }

  @inline(__always)
  private static func peek(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
    guard index < end else { return nil }
    let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
    return (scalar, length)
  }

  private static func followedByLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
    guard let (scalar, _) = peek(bytes, at: index, end: end) else { return false }
    return UTF8Scalar.isLetter(scalar)
  }

  private static func isDigitGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
  }

  /// Exactly three digits, then something that is not a digit.
  private static func isThreeDigitGroup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
    guard index + 3 <= end else { return false }
    for offset in 0..<3 where !(0x30...0x39).contains(bytes[index + offset]) { return false }
    return index + 3 == end || !(0x30...0x39).contains(bytes[index + 3])
  }
}
