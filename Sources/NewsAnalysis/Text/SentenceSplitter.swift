/// Finds where sentences end in a run of tokens, knowing the abbreviations and initials that end
/// with a dot without ending a sentence (`M.`, `Mme.`, `Dr.`, `J.`, `p. 12`, `etc.` before a
/// lower-case word).
public enum SentenceSplitter {
  /// Abbreviations always followed by more of the same sentence: titles before a name (`M. Dupont`,
  /// `Dr. House`) and `cf.`, `e.g.`, `U.S.` (compared case-sensitively).
  static let titles: Set<String> = [
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Pr", "St", "Ste", "Sts", "Mr", "Mrs", "Ms",
    "Prof", "Gen", "Gov", "Sen", "Rep", "Rev", "Lt", "Col", "Capt", "Sgt", "Mt", "cf", "Cf", "e.g", "i.e", "vs",
    "U.S", "U.K",
  ]

  /// Abbreviations that may also end a sentence, or that are also words (`est`, `art`, `vol`, `sept`,
  /// `no`): their dot does not end the sentence before a number or a lower-case word (`p. 12`,
  /// `etc. sont`), and does before a capital (`etc. Soit`, `il l'est. Nous`).
  static let abbreviations: Set<String> = [
    "Cie", "Ets", "p", "pp", "vol", "chap", "art", "av", "bd", "fig", "hab", "env", "éd", "coll", "ibid", "op", "cit",
    "etc", "No", "no", "nº", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "a.m", "p.m", "approx", "Jan", "Feb", "Mar",
    "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
    "Ave", "Blvd", "Dept", "est", "min", "max",
  ]

  /// Sentence boundaries as ranges of token indices covering `tokens`.
  public static func sentences(_ tokens: ArraySlice<Token>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var sentenceStart = tokens.startIndex
    var index = tokens.startIndex
    while index < tokens.endIndex {
      let token = tokens[index]
      guard token.kind == .punctuation, let mark = terminalMark(token, bytes), isEnd(mark, at: index, tokens, bytes) else {
        index += 1
        continue
      }
      // Take the marks that close the sentence with it: `?!`, `...`, `»`, `”`, `)`.
      var last = index
      while last + 1 < tokens.endIndex, closesSentence(tokens[last + 1], after: tokens[last], bytes) {
        last += 1
      }
      result.append(sentenceStart..<(last + 1))
      sentenceStart = last + 1
      index = last + 1
    }
    if sentenceStart < tokens.endIndex { result.append(sentenceStart..<tokens.endIndex) }
    return result
  }

  private static func terminalMark(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
    let (scalar, _) = UTF8Scalar.decode(bytes, at: token.range.lowerBound)
    switch scalar {
    case ".", "!", "?", "…", "‽": return scalar
    default: return nil
    }
  }

  /// A terminal or closing mark that belongs to the sentence ending before it. A straight quote
  /// counts only when glued to the previous mark (with a space it opens the next sentence).
  private static func closesSentence(_ token: Token, after previous: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard token.kind == .punctuation else { return false }
    let glued = token.range.lowerBound == previous.range.upperBound
    if terminalMark(token, bytes) != nil { return true }
    let (scalar, _) = UTF8Scalar.decode(bytes, at: token.range.lowerBound)
    switch scalar {
    case "»", "”", ")", "]", "›": return true
    case "\"", "'", "’": return glued
    default: return false
    }
  }

  private static func isClosing(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let (scalar, _) = UTF8Scalar.decode(bytes, at: token.range.lowerBound)
    switch scalar {
    case "»", "”", "\"", "’", "'", ")", "]", "›": return true
    default: return false
    }
  }

  private static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "«", "“", "\"", "‘", "(", "[", "—", "–", "-", "‹", "¿", "¡": return true
    default: return false
    }
  }

  /// Whether the mark at `index` ends a sentence.
  private static func isEnd(_ mark: Unicode.Scalar, at index: Int, _ tokens: ArraySlice<Token>, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    // The next token that is not a closing mark or another terminal mark.
    var next = index + 1
    while next < tokens.endIndex && tokens[next].kind == .punctuation
      && (isClosing(tokens[next], bytes) || terminalMark(tokens[next], bytes) != nil)
    {
      next += 1
    }
    guard next < tokens.endIndex else { return true }
    let following = tokens[next]
    let (first, _) = UTF8Scalar.decode(bytes, at: following.range.lowerBound)
    let spaced = following.range.lowerBound > tokens[next - 1].range.upperBound
    let startsSentence =
      (following.kind == .word && following.shape.contains(.startsUppercase)) || following.kind == .number
      || (following.kind == .punctuation && isOpening(first))
    guard startsSentence else { return false }
    if mark != "." { return spaced || following.kind == .word }
    // A dot after an abbreviation or an initial does not end the sentence.
    if index > tokens.startIndex {
      let previous = tokens[index - 1]
      if previous.range.upperBound == tokens[index].range.lowerBound && previous.kind == .word {
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[previous.range]), as: UTF8.self)
        if titles.contains(word) { return false }
        if abbreviations.contains(word) && following.kind == .number { return false }
        if word.unicodeScalars.count == 1 && previous.shape.contains(.startsUppercase) { return false }
      }
    }
    // `afternoon.Firefighters`: a dot glued to the next sentence still ends the first.
    return spaced || following.kind == .word
  }
}
