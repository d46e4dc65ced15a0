#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the caches of a document keep from one version to the next, per block: a value found by a
/// key (a fingerprint of the block, and what else the value depends on) and confirmed by the
/// block's bytes, so that a fingerprint collision cannot return another block's value. Entries the
/// latest run did not use are dropped at its end: the store holds about one version of the document.
struct BlockStore<Key: Hashable, Value> {
  private var entries: [Key: (bytes: [UInt8], value: Value, lastUse: Int)] = [:]
  private var run = 0
  /// Blocks found and blocks missing in the latest run.
  private(set) var hits = 0
  private(set) var misses = 0

  mutating func beginRun() {
    run += 1
    hits = 0
    misses = 0
  }

  mutating func endRun() {
    entries = entries.filter { $0.value.lastUse == run }
  }

  mutating func lookup(_ key: Key, bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    guard let entry = entries[key], sameBytes(entry.bytes, bytes) else {
      misses += 1
      return nil
    }
    hits += 1
    entries[key]?.lastUse = run
    return entry.value
  }

  mutating func store(_ key: Key, bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
    entries[key] = (Array(bytes), value, run)
  }
}

/// Whether two runs of bytes are equal (memcmp, not an element-by-element generic loop).
func sameBytes(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  guard stored.count == bytes.count else { return false }
  guard let base = bytes.baseAddress, !stored.isEmpty else { return true }
  return stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, stored.count) == 0 }
}
