import Synchronization

/// A thread-safe map from words to what was computed for them, split into shards with a lock
/// each, so that threads checking different blocks rarely wait for one another.
final class WordCache<Value: Sendable>: Sendable {
  private final class Shard: Sendable {
    let entries = Mutex<[String: Value]>([:])
  }

  private static var shardCount: Int { 16 }
  private let shards: [Shard] = (0..<WordCache.shardCount).map { _ in Shard() }

  /// A shard picked from the word's length and last byte: cheap, and spread enough.
  private func shard(for word: String) -> Shard {
    let utf8 = word.utf8
    let last = Int(utf8.last ?? 0)
    return shards[(utf8.count &* 31 &+ last) % Self.shardCount]
  }

  subscript(word: String) -> Value? {
    get { shard(for: word).entries.withLock { $0[word] } }
  }

  func set(_ word: String, _ value: Value) {
    shard(for: word).entries.withLock { $0[word] = value }
  }
}
