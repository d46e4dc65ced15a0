/// The character set of an `.aff` / `.dic` pair (`SET`): UTF-8 or one of the 8-bit ISO sets.
/// Dateline works in UTF-8 inside; 8-bit files are converted as they are read.
enum DictionaryEncoding: Sendable, Equatable {
  case utf8
  /// ISO 8859-1 (Latin-1): bytes are the first 256 Unicode scalars.
  case isoLatin1
  /// ISO 8859-15 (Latin-9): Latin-1 with €, Š, š, Ž, ž, Œ, œ and Ÿ.
  case isoLatin9
  /// ISO 8859-2 (Latin-2): central European letters.
  case isoLatin2

  /// The encoding a `SET` value names, compared as Hunspell does: letters and digits only, any
  /// case (`UTF-8`, `utf8`, `ISO8859-1`, `ISO-8859-15`…); nil for a set Dateline cannot read.
  init?(name: String) {
    let normalized = String(name.lowercased().unicodeScalars.filter {
      ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9")
    })
    switch normalized {
    case "utf8": self = .utf8
    case "iso88591", "latin1": self = .isoLatin1
    case "iso885915", "latin9": self = .isoLatin9
    case "iso88592", "latin2": self = .isoLatin2
    default: return nil
    }
  }

  /// The name Hunspell prints for it.
  var name: String {
    switch self {
    case .utf8: "UTF-8"
    case .isoLatin1: "ISO8859-1"
    case .isoLatin9: "ISO8859-15"
    case .isoLatin2: "ISO8859-2"
    }
  }

  /// The Unicode scalar value of one byte of an 8-bit set.
  @inline(__always)
  func scalar(ofByte byte: UInt8) -> UInt32 {
    if byte < 0xA0 { return UInt32(byte) }
    switch self {
    case .utf8, .isoLatin1: return UInt32(byte)
    case .isoLatin9: return Self.latin9High[Int(byte) - 0xA0]
    case .isoLatin2: return UInt32(Self.latin2High[Int(byte) - 0xA0])
    }
  }

  /// Appends `bytes` in this encoding to `output` as UTF-8.
  func appendUTF8(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
    if self == .utf8 {
      output.append(contentsOf: bytes)
      return
    }
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
      } else {
        DictionaryUTF8.append(scalar(ofByte: byte), to: &output)
      }
    }
  }

  /// `bytes` in this encoding as UTF-8.
  func utf8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    if self == .utf8 { return Array(bytes) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 4)
    appendUTF8(bytes, to: &output)
    return output
  }

  /// Text in this encoding as a string (malformed UTF-8 is repaired with U+FFFD).
  func decode(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: utf8(bytes), as: UTF8.self)
  }

  /// ISO 8859-15 from 0xA0: where it differs from Latin-1.
  private static let latin9High: [UInt32] = (0xA0...0xFF).map { byte -> UInt32 in
    switch byte {
    case 0xA4: 0x20AC
    case 0xA6: 0x0160
    case 0xA8: 0x0161
    case 0xB4: 0x017D
    case 0xB8: 0x017E
    case 0xBC: 0x0152
    case 0xBD: 0x0153
    case 0xBE: 0x0178
    default: UInt32(byte)
    }
  }

  /// ISO 8859-2 from 0xA0.
  private static let latin2High: [UInt16] = [
    0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7, 0x00A8, 0x0160, 0x015E, 0x0164,
    0x0179, 0x00AD, 0x017D, 0x017B, 0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
    0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
    0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170,
    0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
  ]
}

/// Small UTF-8 helpers for byte arrays: encoding a scalar, stepping over characters.
enum DictionaryUTF8 {
  /// Appends the UTF-8 form of `scalar` (U+FFFD for a value that is no scalar).
  @inline(__always)
  static func append(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      if scalar >= 0xD800 && scalar < 0xE000 {
        append(0xFFFD, to: &output)
        return
      }
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case 0x10000..<0x110000:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
      output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      append(0xFFFD, to: &output)
    }
  }

  /// Whether `byte` continues a multi-byte character.
  @inline(__always)
  static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  /// The scalar that starts at `index` (which must be below `end`) and its length in bytes;
  /// a malformed sequence reads as one byte of U+FFFD.
  @inline(__always)
  static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (scalar: UInt32, length: Int) {
    bytes.withUnsafeBufferPointer { decode(UnsafeBufferPointer(rebasing: $0[..<end]), at: index) }
  }

  /// The scalar that starts at `index` of a buffer, and its length in bytes (U+FFFD, one byte,
  /// when malformed).
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length: Int
    var value: UInt32
    if lead >= 0xF0 {
      length = 4
      value = UInt32(lead & 0x07)
    } else if lead >= 0xE0 {
      length = 3
      value = UInt32(lead & 0x0F)
    } else if lead >= 0xC0 {
      length = 2
      value = UInt32(lead & 0x1F)
    } else {
      return (0xFFFD, 1)
    }
    guard index + length <= bytes.count else { return (0xFFFD, 1) }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard isContinuation(byte) else { return (0xFFFD, 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return (value, length)
  }

  /// The start of the character that ends just before `index` (not before `start`).
  @inline(__always)
  static func previousStart(_ bytes: [UInt8], before index: Int, start: Int = 0) -> Int {
    var position = index - 1
    while position > start && isContinuation(bytes[position]) { position -= 1 }
    return position
  }

  /// The scalars of `bytes[range]`.
  static func scalars(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      let (scalar, length) = decode(bytes, at: index, end: range.upperBound)
      result.append(scalar)
      index += length
    }
    return result
  }

  /// The number of characters in `bytes[range]`.
  static func count(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    var count = 0
    for index in range where !isContinuation(bytes[index]) { count += 1 }
    return count
  }

  /// `scalars` as UTF-8.
  static func bytes(_ scalars: [UInt32]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(scalars.count)
    for scalar in scalars { append(scalar, to: &output) }
    return output
  }

  /// Reverses the characters of `bytes` from `start` on, in place (for COMPLEXPREFIXES).
  static func reverseCharacters(_ bytes: inout [UInt8], from start: Int) {
    guard bytes.count - start > 1 else { return }
    let reversed = reversedCharacters(Array(bytes[start...]))
    bytes.replaceSubrange(start..., with: reversed)
  }

  /// `bytes` with its characters in reverse order (for COMPLEXPREFIXES).
  static func reversedCharacters(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var end = bytes.count
    while end > 0 {
      let start = previousStart(bytes, before: end)
      output.append(contentsOf: bytes[start..<end])
      end = start
    }
    return output
  }
}
