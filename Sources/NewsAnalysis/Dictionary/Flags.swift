/// One affix or attribute flag, as Hunspell numbers them (1…65535; 0 means "no flag").
typealias AffixFlag = UInt16

/// Flags Hunspell reserves for itself.
enum ReservedFlag {
  /// The default FORBIDDENWORD flag.
  static let forbiddenWord: AffixFlag = 65510
  /// Marks the hidden capitalised copy of a mixed-case word (OpenOffice.org → Openoffice.org), which
  /// only an all-caps spelling may match.
  static let onlyUppercase: AffixFlag = 65511
}

/// How flags are written in the `.aff` and `.dic` (`FLAG`): one byte each (the default), two
/// bytes each (`long`), comma-separated numbers (`num`) or one Unicode character each (`UTF-8`).
/// Flags are read from the raw bytes of the files, before any character-set conversion.
enum FlagFormat: Sendable, Equatable {
  case singleByte
  case long
  case numeric
  case unicode

  /// The format a `FLAG` line asks for, looked for anywhere in the line as Hunspell does.
  init(flagLine line: ArraySlice<UInt8>) {
    if line.containsSequence(Array("UTF-8".utf8)) {
      self = .unicode
    } else if line.containsSequence(Array("num".utf8)) {
      self = .numeric
    } else if line.containsSequence(Array("long".utf8)) {
      self = .long
    } else {
      self = .singleByte
    }
  }

  /// The flags written in `field`, in the order written.
  func flags(_ field: ArraySlice<UInt8>) -> [AffixFlag] {
    var result: [AffixFlag] = []
    appendFlags(field, to: &result)
    return result
  }

  /// Appends the flags written in `field` to `result`, in the order written.
  func appendFlags(_ field: ArraySlice<UInt8>, to result: inout [AffixFlag]) {
    guard !field.isEmpty else { return }
    switch self {
    case .singleByte:
      for byte in field { result.append(AffixFlag(byte)) }
    case .long:
      var index = field.startIndex
      while index + 1 < field.endIndex {
        result.append(AffixFlag(field[index]) << 8 | AffixFlag(field[index + 1]))
        index += 2
      }
    case .numeric:
      var start = field.startIndex
      for index in field.indices where field[index] == UInt8(ascii: ",") {
        result.append(Self.number(field[start..<index]))
        start = index + 1
      }
      result.append(Self.number(field[start..<field.endIndex]))
    case .unicode:
      // One UTF-16 unit per character, as Hunspell keeps them; beyond the BMP reads as U+FFFD.
      let bytes = Array(field)
      var offset = 0
      while offset < bytes.count {
        let (scalar, length) = DictionaryUTF8.decode(bytes, at: offset, end: bytes.count)
        result.append(scalar > 0xFFFF ? 0xFFFD : AffixFlag(scalar))
        offset += length
      }
    }
  }

  /// The first flag written in `field` (0 when there is none).
  func flag(_ field: ArraySlice<UInt8>) -> AffixFlag {
    guard let first = field.first else { return 0 }
    switch self {
    case .singleByte:
      return AffixFlag(first)
    case .long:
      return field.count >= 2 ? AffixFlag(first) << 8 | AffixFlag(field[field.startIndex + 1]) : 0
    case .numeric:
      return Self.number(field)
    case .unicode:
      let bytes = Array(field.prefix(4))
      let scalar = DictionaryUTF8.decode(bytes, at: 0, end: bytes.count).scalar
      return scalar > 0xFFFF ? 0xFFFD : AffixFlag(scalar)
    }
  }

  /// A flag for people, as it is written in the files.
  func describe(_ flag: AffixFlag) -> String {
    switch self {
    case .singleByte: String(decoding: [UInt8(truncatingIfNeeded: flag)], as: UTF8.self)
    case .long: String(decoding: [UInt8(flag >> 8), UInt8(flag & 0xFF)], as: UTF8.self)
    case .numeric: String(flag)
    case .unicode: String(Character(Unicode.Scalar(UInt32(flag)) ?? "\u{FFFD}"))
    }
  }

  /// A decimal number as C's `atoi` reads it (leading blanks, a sign, digits; the rest ignored);
  /// out of the flag range reads as 0.
  static func number(_ field: ArraySlice<UInt8>) -> AffixFlag {
    guard let value = DictionaryLines.number(field), value > 0, value <= Int(AffixFlag.max) else { return 0 }
    return AffixFlag(value)
  }
}

/// Flag-list helpers.
enum AffixFlags {
  /// Whether a sorted flag list holds a flag (Hunspell's TESTAFF).
  @inline(__always)
  static func sortedContain(_ flags: UnsafeBufferPointer<AffixFlag>, contain flag: AffixFlag) -> Bool {
    if flags.count < 8 {
      for candidate in flags where candidate == flag { return true }
      return false
    }
    var low = 0
    var high = flags.count
    while low < high {
      let middle = (low + high) / 2
      let value = flags[middle]
      if value == flag { return true }
      if value < flag { low = middle + 1 } else { high = middle }
    }
    return false
  }
}

/// Flag lists kept sorted.
extension Array where Element == AffixFlag {
  /// Whether this sorted flag list holds `flag` (false for the null flag 0).
  @inline(__always)
  func containsFlag(_ flag: AffixFlag) -> Bool {
    guard flag != 0 else { return false }
    return withUnsafeBufferPointer { AffixFlags.sortedContain($0, contain: flag) }
  }
}

/// Searching raw bytes.
extension ArraySlice where Element == UInt8 {
  /// Whether the bytes hold `needle` somewhere.
  func containsSequence(_ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
    var start = startIndex
    while start + needle.count <= endIndex {
      var matched = true
      for offset in 0..<needle.count where self[start + offset] != needle[offset] {
        matched = false
        break
      }
      if matched { return true }
      start += 1
    }
    return false
  }
}

/// Numbers in the files, read as Hunspell reads them.
extension DictionaryLines {
  /// A decimal integer as C's `atoi` reads it, nil when there are no digits.
  static func number(_ field: ArraySlice<UInt8>) -> Int? {
    var index = field.startIndex
    while index < field.endIndex && (field[index] == 0x20 || field[index] == 0x09) { index += 1 }
    var negative = false
    if index < field.endIndex && (field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+")) {
      negative = field[index] == UInt8(ascii: "-")
      index += 1
    }
    var value = 0
    var digits = 0
    while index < field.endIndex, field[index] >= 0x30, field[index] <= 0x39 {
      if value < 1_000_000_000 { value = value * 10 + Int(field[index] - 0x30) }
      digits += 1
      index += 1
    }
    guard digits > 0 else { return nil }
    return negative ? -value : value
  }
}
