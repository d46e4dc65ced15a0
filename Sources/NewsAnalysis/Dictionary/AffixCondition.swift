/// The condition of an affix rule (`[^aeiou]y`, `.`): what the stem must start with (prefixes) or
/// end with (suffixes), one position per character: a character, any character (`.`), or a set
/// (`[abc]`, `[^abc]`; a dot inside brackets is a plain dot).
struct AffixCondition: Sendable, Equatable {
  /// What one character of the stem must be.
  enum Position: Sendable, Equatable {
    case any
    case character(UInt32)
    case oneOf([UInt32])
    case noneOf([UInt32])

    @inline(__always)
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

  /// Parses a condition written in UTF-8. A group left open runs to the end of the condition.
  init(_ text: [UInt8]) {
    if text == [UInt8(ascii: ".")] || text.isEmpty {
      positions = []
      return
    }
    let scalars = UTF8Encoding.scalars(text, 0..<text.count)
    var positions: [Position] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == 0x5B {  // [
        index += 1
        var negated = false
        if index < scalars.count && scalars[index] == 0x5E {  // ^
          negated = true
          index += 1
        }
        var set: [UInt32] = []
        while index < scalars.count && scalars[index] != 0x5D {  // ]
          set.append(scalars[index])
          index += 1
        }
        index += 1
        positions.append(negated ? .noneOf(set) : .oneOf(set))
      } else if scalar == 0x2E {  // .
        positions.append(.any)
        index += 1
      } else {
        positions.append(.character(scalar))
        index += 1
      }
    }
    self.positions = positions
  }

  /// The number of characters the condition looks at.
  var count: Int { positions.count }

  /// Whether the stem `bytes[range]` starts with characters that meet the condition.
  func matchesStart(of bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    for position in positions {
      guard index < range.upperBound else { return false }
      let (scalar, length) = UTF8Encoding.decode(bytes, at: index, end: range.upperBound)
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
      let start = UTF8Encoding.previousStart(bytes, before: end, start: range.lowerBound)
      let scalar = start + 1 == end ? UInt32(bytes[start]) : UTF8Encoding.decode(bytes, at: start, end: end).scalar
      guard positions[positionIndex].accepts(scalar) else { return false }
      end = start
      positionIndex -= 1
    }
    return true
  }

  /// The condition read backwards, for COMPLEXPREFIXES (whose rules work on reversed words).
  var reversed: AffixCondition { AffixCondition(positions: positions.reversed()) }
}
