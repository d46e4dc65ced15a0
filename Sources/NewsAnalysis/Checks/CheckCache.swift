#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The findings of each block of earlier versions of a document, so that after an edit only the
/// blocks whose text changed are checked again.
///
/// Owned by one document and used from one thread at a time. A block's findings depend on its text
/// and on the article around it (its language, the names it annotates): `ArticleChecker` keys the
/// entries by both. Whoever changes the settings or word lists must use a new cache.
public final class CheckCache {
  struct Key: Hashable {
    var kind: BlockKind
    var fingerprint: Fingerprint
    /// What the article around the block contributes (`ArticleContext.stamp`).
    var context: Int
  }

  private var entries: [Key: (bytes: [UInt8], result: BlockResult, lastUse: Int)] = [:]
  private var run = 0
  /// Blocks reused and blocks checked by the latest run.
  public private(set) var hits = 0
  public private(set) var misses = 0

  public init() {}

  func beginRun() {
    run += 1
    hits = 0
    misses = 0
  }

  func endRun() {
    entries = entries.filter { $0.value.lastUse == run }
  }

  /// The result stored for `key`, relative to the block's start.
  func lookup(_ key: Key, bytes: UnsafeBufferPointer<UInt8>) -> BlockResult? {
    guard let entry = entries[key], sameBytes(entry.bytes, bytes) else {
      misses += 1
      return nil
    }
    hits += 1
    entries[key]?.lastUse = run
    return entry.result
  }

  func store(_ key: Key, bytes: UnsafeBufferPointer<UInt8>, _ result: BlockResult) {
    entries[key] = (Array(bytes), result, run)
  }
}

/// Whether two runs of bytes are equal (memcmp, not an element-by-element generic loop).
func sameBytes(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  guard stored.count == bytes.count else { return false }
  guard let base = bytes.baseAddress, !stored.isEmpty else { return true }
  return stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, stored.count) == 0 }
}
