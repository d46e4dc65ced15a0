/// Reading Unicode scalars and their classes straight from UTF-8 bytes, for the scanners.
enum UTF8Scalar {
  /// The scalar starting at `index` and its length in bytes. Malformed input reads as U+FFFD, one byte.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = LineTable.sequenceLength(lead)
    guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
    var value: UInt32
    switch length {
    case 2: value = UInt32(lead & 0x1F)
    case 3: value = UInt32(lead & 0x0F)
    default: value = UInt32(lead & 0x07)
    }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The start of the scalar that ends just before `index`.
  @inline(__always)
  static func previousStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
    var start = index - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }

  /// Letters, and the marks that combine with them (not the variation selectors that turn a symbol
  /// into an emoji: `❤️` is no word).
  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      let value = scalar.value | 0x20
      return value >= 0x61 && value <= 0x7A
    }
    // Latin-1 letters (À…ÿ but × and ÷), the bulk of French accents, without a property lookup.
    if scalar.value >= 0xC0 && scalar.value <= 0xFF { return scalar.value != 0xD7 && scalar.value != 0xF7 }
    if isVariationSelector(scalar) { return false }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
      || properties.generalCategory == .spacingMark
  }

  /// U+FE00–U+FE0F and U+E0100–U+E01EF, which pick a glyph (text or emoji) for the scalar before.
  @inline(__always)
  static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
    (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
  }

  @inline(__always)
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  @inline(__always)
  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value >= 0x41 && scalar.value <= 0x5A }
    if scalar.value >= 0xC0 && scalar.value <= 0xFF { return scalar.value <= 0xDE && scalar.value != 0xD7 }
    return scalar.properties.isUppercase
  }

  @inline(__always)
  static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value >= 0x61 && scalar.value <= 0x7A }
    if scalar.value >= 0xC0 && scalar.value <= 0xFF { return scalar.value >= 0xDF && scalar.value != 0xF7 }
    return scalar.properties.isLowercase
  }

  /// Spaces, including the no-break spaces French typography puts before `:;!?` and inside « ».
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// The apostrophes of elisions and contractions: ' and ’ (and the modifier letter ʼ).
  @inline(__always)
  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
  }

  /// Hyphens that join the parts of a compound word.
  @inline(__always)
  static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
  }
}
