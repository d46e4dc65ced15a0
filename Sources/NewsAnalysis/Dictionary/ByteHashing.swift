/// Hashing and comparing runs of raw bytes.
enum ByteRuns {
  /// The hash of a run of bytes, for the interners: the low half of its `Fingerprint`.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    UInt32(truncatingIfNeeded: Fingerprint(bytes).value)
  }

  @inline(__always)
  static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
      ByteRuns.hash(UnsafeBufferPointer(rebasing: buffer[range]))
    }
  }

  /// Whether `count` bytes at `a` and `b` are equal (eight at a time).
  @inline(__always)
  static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let b else { return count == 0 }
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    var index = 0
    while index + 8 <= count {
      if rawA.loadUnaligned(fromByteOffset: index, as: UInt64.self) != rawB.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
        return false
      }
      index += 8
    }
    while index < count {
      if a[index] != b[index] { return false }
      index += 1
    }
    return true
  }
}

/// Gives each distinct run of bytes a number, in the order first seen: the `.dic` repeats a few
/// hundred flag fields and morphological descriptions over tens of thousands of lines, and each is
/// stored once.
struct ByteInterner {
  /// The distinct runs, concatenated.
  private var storage: [UInt8] = []
  /// Where each run starts in `storage`; one more element than there are runs.
  private var starts: [Int] = [0]
  /// Open-addressing table of run numbers + 1 (0: empty).
  private var slots: [Int32] = Array(repeating: 0, count: 256)

  var count: Int { starts.count - 1 }

  /// The bytes of run `number`.
  func bytes(_ number: Int) -> ArraySlice<UInt8> {
    storage[starts[number]..<starts[number + 1]]
  }

  /// The number of `bytes[range]`, adding it when new; `isNew` tells which.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
    let mask = slots.count - 1
    var slot = Int(ByteRuns.hash(bytes)) & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 { break }
      let start = starts[stored - 1]
      if starts[stored] - start == bytes.count
        && storage.withUnsafeBufferPointer({ ByteRuns.equal($0.baseAddress! + start, bytes.baseAddress, bytes.count) })
      {
        return (stored - 1, false)
      }
      slot = (slot + 1) & mask
    }
    storage.append(contentsOf: bytes)
    starts.append(storage.count)
    slots[slot] = Int32(count)
    if count * 2 > slots.count { grow() }
    return (count - 1, true)
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for number in 0..<count {
      var slot = storage.withUnsafeBufferPointer {
        Int(ByteRuns.hash(UnsafeBufferPointer(rebasing: $0[starts[number]..<starts[number + 1]])))
      } & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number + 1)
    }
  }
}
