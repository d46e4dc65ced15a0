/// The hash of the word table: a polynomial over the bytes (`h = h × B + byte + 1`, wrapping), so
/// that the hash of a stem made of a piece of the word and an affix's strip characters follows from
/// the word's prefix hashes in constant time, and affix lookups need not copy each candidate stem.
enum StemHash {
  static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// `base` to the powers 0…`powerCount - 1`; longer strings use `power(_:)`.
  static let powerCount = 512
  static let powers: [UInt64] = {
    var result: [UInt64] = []
    result.reserveCapacity(powerCount)
    var value: UInt64 = 1
    for _ in 0..<powerCount {
      result.append(value)
      value = value &* base
    }
    return result
  }()

  @inline(__always)
  static func power(_ exponent: Int) -> UInt64 {
    if exponent < powerCount { return powers[exponent] }
    var value = powers[powerCount - 1]
    for _ in powerCount - 1..<exponent { value = value &* base }
    return value
  }

  /// The hash of `bytes[range]`.
  @inline(__always)
  static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    var hash: UInt64 = 0
    for index in range { hash = hash &* base &+ UInt64(bytes[index]) &+ 1 }
    return hash
  }

  @inline(__always)
  static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0
    for byte in bytes { hash = hash &* base &+ UInt64(byte) &+ 1 }
    return hash
  }

  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0
    for byte in bytes { hash = hash &* base &+ UInt64(byte) &+ 1 }
    return hash
  }

  /// The hash of `a` followed by `b`, from their hashes and `b`'s length.
  @inline(__always)
  static func concatenate(_ a: UInt64, _ b: UInt64, secondLength: Int) -> UInt64 {
    a &* power(secondLength) &+ b
  }

  /// Prefix hashes of `bytes[range]` into `hashes` (which gets `range.count + 1` values:
  /// `hashes[k]` is the hash of the first `k` bytes).
  @inline(__always)
  static func prefixes(_ bytes: [UInt8], _ range: Range<Int>, into hashes: inout [UInt64]) {
    hashes.removeAll(keepingCapacity: true)
    var hash: UInt64 = 0
    hashes.append(0)
    for index in range {
      hash = hash &* base &+ UInt64(bytes[index]) &+ 1
      hashes.append(hash)
    }
  }

  /// The hash of bytes `from..<to` (relative to the start of the prefixed range).
  @inline(__always)
  static func slice(_ hashes: [UInt64], _ from: Int, _ to: Int) -> UInt64 {
    hashes[to] &- hashes[from] &* power(to - from)
  }
}
