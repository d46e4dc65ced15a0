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

  private var blocks = BlockStore<Key, BlockResult>()
  /// Blocks reused and blocks checked by the latest run.
  public var hits: Int { blocks.hits }
  public var misses: Int { blocks.misses }

  public init() {}

  func beginRun() { blocks.beginRun() }

  func endRun() { blocks.endRun() }

  /// The result stored for `key`, relative to the block's start.
  func lookup(_ key: Key, bytes: UnsafeBufferPointer<UInt8>) -> BlockResult? { blocks.lookup(key, bytes: bytes) }

  func store(_ key: Key, bytes: UnsafeBufferPointer<UInt8>, _ result: BlockResult) {
    blocks.store(key, bytes: bytes, result)
  }
}
