/// A 64-bit fingerprint of a run of bytes, eight bytes at a time: what the parse and check caches
/// key their blocks by (Swift's `Hasher` goes a byte at a time and was most of an edit's cost).
/// Entries keep their bytes and are compared on a hit, so a collision cannot return wrong results.
struct Fingerprint: Hashable {
  var value: UInt64
  var length: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var index = 0
    let raw = UnsafeRawBufferPointer(bytes)
    while index + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      hash = Self.mix(hash ^ word)
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.count {
      tail |= UInt64(bytes[index]) << shift
      shift += 8
      index += 1
    }
    value = Self.mix(hash ^ tail)
    length = bytes.count
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var x = value &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 31
    x = x &* 0x94D0_49BB_1331_11EB
    return x ^ (x >> 29)
  }
}
