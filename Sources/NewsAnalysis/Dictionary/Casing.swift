/// How a word is capitalised, as Hunspell sorts words: all lower case (`NOCAP`), an initial capital
/// (`INITCAP`), all capitals (`ALLCAP`; characters without case count either way), or mixed, with
/// a lower-case (`HUHCAP`) or upper-case (`HUHINITCAP`) first letter.
enum HunspellCapitalization: Sendable, Equatable {
  case lower
  case initial
  case all
  case mixed
  case mixedInitial
}

/// Simple (one character to one character) case mapping over UTF-8 bytes, with the Turkic rules
/// for dotted and dotless i when the dictionary's language asks for them.
struct HunspellCaseMapping: Sendable {
  let turkic: Bool

  @inline(__always)
  func lower(_ scalar: UInt32) -> UInt32 {
    if scalar < 0x80 {
      if scalar >= 0x41 && scalar <= 0x5A {
        return turkic && scalar == 0x49 ? 0x131 : scalar | 0x20
      }
      return scalar
    }
    return SimpleCaseTable.lower(scalar)
  }

  @inline(__always)
  func upper(_ scalar: UInt32) -> UInt32 {
    if scalar < 0x80 {
      if scalar >= 0x61 && scalar <= 0x7A {
        return turkic && scalar == 0x69 ? 0x130 : scalar & ~0x20
      }
      return scalar
    }
    return SimpleCaseTable.upper(scalar)
  }

  /// The capitalization of `bytes[range]`.
  func capitalization(of bytes: [UInt8], _ range: Range<Int>) -> HunspellCapitalization {
    // ASCII without Turkic rules: letters are upper or lower case, everything else neutral.
    if !turkic {
      var capitals = 0
      var lowers = 0
      var ascii = true
      for index in range {
        let byte = bytes[index]
        if byte >= 0x80 {
          ascii = false
          break
        }
        if byte >= 0x41 && byte <= 0x5A { capitals += 1 } else if byte >= 0x61 && byte <= 0x7A { lowers += 1 }
      }
      if ascii {
        if capitals == 0 { return .lower }
        let first = bytes[range.lowerBound]
        let firstCapital = first >= 0x41 && first <= 0x5A
        if capitals == 1 && firstCapital { return .initial }
        if lowers == 0 { return .all }
        return firstCapital ? .mixedInitial : .mixed
      }
    }
    var capitals = 0
    var neutral = 0
    var count = 0
    var firstCapital = false
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      var scalar = UInt32(byte)
      var length = 1
      if byte >= 0x80 { (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: range.upperBound) }
      let lowered = lower(scalar)
      if lowered != scalar {
        capitals += 1
        if count == 0 { firstCapital = true }
      }
      if upper(scalar) == lowered { neutral += 1 }
      count += 1
      index += length
    }
    if capitals == 0 { return .lower }
    if capitals == 1 && firstCapital { return .initial }
    if capitals == count || capitals + neutral == count { return .all }
    if capitals > 1 && firstCapital { return .mixedInitial }
    return .mixed
  }

  func capitalization(of bytes: [UInt8]) -> HunspellCapitalization {
    capitalization(of: bytes, 0..<bytes.count)
  }

  /// `bytes` with every character mapped by `transform` from character `from` on.
  private func mapped(_ bytes: [UInt8], from first: Int = 0, onlyFirst: Bool = false,
                      _ transform: (UInt32) -> UInt32) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 2)
    var index = 0
    var character = 0
    while index < bytes.count {
      let (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: bytes.count)
      if character >= first && (!onlyFirst || character == first) {
        let changed = transform(scalar)
        if changed == scalar {
          output.append(contentsOf: bytes[index..<index + length])
        } else {
          DictionaryUTF8.append(changed, to: &output)
        }
      } else {
        output.append(contentsOf: bytes[index..<index + length])
      }
      index += length
      character += 1
    }
    return output
  }

  /// All characters in lower case (Hunspell's `mkallsmall`).
  func lowercased(_ bytes: [UInt8]) -> [UInt8] {
    var ascii = true
    for byte in bytes where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
      ascii = false
      break
    }
    if ascii { return bytes }
    return mapped(bytes) { lower($0) }
  }

  /// All characters in upper case (`mkallcap`).
  func uppercased(_ bytes: [UInt8]) -> [UInt8] {
    mapped(bytes) { upper($0) }
  }

  /// The first character in upper case, the rest unchanged (`mkinitcap`).
  func capitalized(_ bytes: [UInt8]) -> [UInt8] {
    mapped(bytes, onlyFirst: true) { upper($0) }
  }

  /// The first character in lower case, the rest unchanged (`mkinitsmall`).
  func firstLowercased(_ bytes: [UInt8]) -> [UInt8] {
    mapped(bytes, onlyFirst: true) { lower($0) }
  }

  /// All in lower case but the first character, in upper case (`mkallsmall` then `mkinitcap`).
  func titlecased(_ bytes: [UInt8]) -> [UInt8] {
    capitalized(lowercased(bytes))
  }
}

/// Simple case mappings of Unicode scalars: a table for the alphabets up to Armenian (built once,
/// from the standard library's Unicode data), the standard library beyond. Where Unicode's full
/// mapping is several characters (ß → SS) the character keeps its case, as in Hunspell; the
/// capital dotted I lowers to a plain i.
enum SimpleCaseTable {
  /// Scalars below this bound are in the table.
  static let tableLimit: UInt32 = 0x590

  /// For each scalar below `tableLimit`: its lower and upper case.
  private static let table: [(lower: UInt32, upper: UInt32)] = (0..<tableLimit).map { value in
    (computeLower(value), computeUpper(value))
  }

  @inline(__always)
  static func lower(_ scalar: UInt32) -> UInt32 {
    scalar < tableLimit ? table[Int(scalar)].lower : computeLower(scalar)
  }

  @inline(__always)
  static func upper(_ scalar: UInt32) -> UInt32 {
    scalar < tableLimit ? table[Int(scalar)].upper : computeUpper(scalar)
  }

  private static func computeLower(_ value: UInt32) -> UInt32 {
    if value == 0x130 { return 0x69 }
    guard value <= 0xFFFF, let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
      return value
    }
    let mapping = scalar.properties.lowercaseMapping.unicodeScalars
    return mapping.count == 1 ? mapping.first!.value : value
  }

  private static func computeUpper(_ value: UInt32) -> UInt32 {
    guard value <= 0xFFFF, let scalar = Unicode.Scalar(value), scalar.properties.changesWhenUppercased else {
      return value
    }
    let mapping = scalar.properties.uppercaseMapping.unicodeScalars
    return mapping.count == 1 ? mapping.first!.value : value
  }
}
