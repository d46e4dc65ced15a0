/// What each block of earlier versions of a document parsed to, so that after an edit only the
/// blocks whose text changed are scanned and tokenized again.
///
/// Owned by one document and used from one thread at a time. Entries not used by the latest parse
/// are dropped, so the cache holds about one version of the document.
public final class ArticleParseCache {
  /// A block's inline results, with offsets relative to the block's start.
  struct Entry {
    var prose: [Range<Int>]
    var tokens: [Token]
    var wordCount: Int
    var annotations: [EntityAnnotation]
    var problems: [MarkupProblem]
  }

  /// What identifies a block's parse: its kind, its bytes, and where its prose pieces lie in it.
  struct Key: Hashable {
    var kind: BlockKind
    var fingerprint: Fingerprint
    var pieces: [Range<Int>]
  }

  private var blocks = BlockStore<Key, Entry>()
  /// Blocks reused and blocks scanned by the latest parse.
  public var hits: Int { blocks.hits }
  public var misses: Int { blocks.misses }

  public init() {}

  func beginParse() { blocks.beginRun() }

  func endParse() { blocks.endRun() }

  func lookup(_ key: Key, bytes: UnsafeBufferPointer<UInt8>) -> Entry? { blocks.lookup(key, bytes: bytes) }

  func store(_ key: Key, bytes: UnsafeBufferPointer<UInt8>, _ entry: Entry) { blocks.store(key, bytes: bytes, entry) }
}

extension Range where Bound == Int {
  func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
