/// The condition of an affix rule (`[^aeiou]y`, `.`): what the stem must start with (prefixes) or
/// end with (suffixes), one position per character: a character, any character (`.`), or a set
/// (`[abc]`, `[^abc]`; a dot inside brackets is a plain dot). A group left open runs to the end.
struct AffixCondition: Sendable, Equatable {
  /// What one character of the stem must be.
  enum Position: Sendable, Equatable {
    case any
    case character(UInt32)
    case oneOf([UInt32])
    case noneOf([UInt32])

    func accepts(_ scalar: UInt32) -> Bool {
      switch self {
      case .any: true
      case .character(let expected): scalar == expected
      case .oneOf(let set): set.contains(scalar)
      case .noneOf(let set): !set.contains(scalar)
      }
    }
  }

  /// The positions, first character first.
  let positions: [Position]

  /// The condition that every stem meets (`.`).
  static let always = AffixCondition(positions: [])

  init(positions: [Position]) {
    self.positions = positions
  }

  /// Parses a condition written in UTF-8.
  init(_ text: [UInt8]) {
    var atoms: [ConditionAtom] = []
    var characters: [UInt32] = []
    Self.parse(text[...], into: &atoms, characters: &characters)
    self.init(atoms: atoms[...], characters: characters)
  }

  /// The condition of compact atoms (see `ConditionAtom`).
  init(atoms: ArraySlice<ConditionAtom>, characters: [UInt32]) {
    positions = atoms.map { atom in
      let set = Array(characters[Int(atom.setStart)..<Int(atom.setStart + atom.setCount)])
      switch atom.kind {
      case ConditionAtom.any: return .any
      case ConditionAtom.character: return .character(atom.character)
      case ConditionAtom.oneOf: return .oneOf(set)
      default: return .noneOf(set)
      }
    }
  }

  /// Parses a condition written in UTF-8 into compact atoms, appended to `atoms` (sets appended to
  /// `characters`). `.` alone (or nothing) is no atom at all.
  static func parse(_ text: ArraySlice<UInt8>, into atoms: inout [ConditionAtom], characters: inout [UInt32]) {
    if text.isEmpty || (text.count == 1 && text.first == UInt8(ascii: ".")) { return }
    let bytes = Array(text)
    var index = 0
    @inline(__always) func nextScalar() -> UInt32 {
      let (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: bytes.count)
      index += length
      return scalar
    }
    while index < bytes.count {
      let scalar = nextScalar()
      if scalar == 0x5B {  // [
        var negated = false
        if index < bytes.count && bytes[index] == 0x5E {  // ^
          negated = true
          index += 1
        }
        let start = characters.count
        while index < bytes.count {
          let member = nextScalar()
          if member == 0x5D { break }  // ]
          characters.append(member)
        }
        atoms.append(ConditionAtom(kind: negated ? ConditionAtom.noneOf : ConditionAtom.oneOf, character: 0,
                                   setStart: Int32(start), setCount: Int32(characters.count - start)))
      } else if scalar == 0x2E {  // .
        atoms.append(ConditionAtom(kind: ConditionAtom.any, character: 0, setStart: 0, setCount: 0))
      } else {
        atoms.append(ConditionAtom(kind: ConditionAtom.character, character: scalar, setStart: 0, setCount: 0))
      }
    }
  }

  /// The number of characters the condition looks at.
  var count: Int { positions.count }

  /// Whether the stem `bytes[range]` starts with characters that meet the condition.
  func matchesStart(of bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    for position in positions {
      guard index < range.upperBound else { return false }
      let (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: range.upperBound)
      guard position.accepts(scalar) else { return false }
      index += length
    }
    return true
  }

  /// Whether the stem `bytes[range]` ends with characters that meet the condition.
  func matchesEnd(of bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var end = range.upperBound
    var positionIndex = positions.count - 1
    while positionIndex >= 0 {
      guard end > range.lowerBound else { return false }
      let start = DictionaryUTF8.previousStart(bytes, before: end, start: range.lowerBound)
      let scalar = DictionaryUTF8.decode(bytes, at: start, end: end).scalar
      guard positions[positionIndex].accepts(scalar) else { return false }
      end = start
      positionIndex -= 1
    }
    return true
  }

  /// The condition read backwards, for COMPLEXPREFIXES (whose rules work on reversed words).
  var reversed: AffixCondition { AffixCondition(positions: positions.reversed()) }
}

/// One position of a condition, without references: any character, one character, or one (or
/// none) of a set, which is a range of a pool of characters.
struct ConditionAtom: Sendable, Equatable {
  static let any: UInt8 = 0
  static let character: UInt8 = 1
  static let oneOf: UInt8 = 2
  static let noneOf: UInt8 = 3

  var kind: UInt8
  var character: UInt32
  var setStart: Int32
  var setCount: Int32
}
