/// What each block of earlier versions of a document parsed to, so that after an edit only the
/// blocks whose text changed are scanned and tokenized again.
///
/// Owned by one document and used from one thread at a time. Entries not used by the latest parse
/// are dropped, so the cache holds about one version of the document.
public final class ArticleParseCache {
  /// A block's inline results, with offsets relative to the block's start.
  struct Entry {
    /// The block's bytes, compared on a hit.
    var bytes: [UInt8]
    var prose: [Range<Int>]
    var tokens: [Token]
    var wordCount: Int
    var annotations: [EntityAnnotation]
    var problems: [MarkupProblem]
    var lastUse: Int
  }

  /// What identifies a block's parse: its kind, its bytes, and where its prose pieces lie in it.
  struct Key: Hashable {
    var kind: BlockKind
    var fingerprint: Fingerprint
    var pieces: [Range<Int>]
  }

  private var entries: [Key: Entry] = [:]
  private var parse = 0
  /// Blocks reused and blocks scanned by the latest parse.
  public private(set) var hits = 0
  public private(set) var misses = 0

  public init() {}

  func beginParse() {
    parse += 1
    hits = 0
    misses = 0
  }

  func endParse() {
    entries = entries.filter { $0.value.lastUse == parse }
  }

  func lookup(_ key: Key, bytes: UnsafeBufferPointer<UInt8>) -> Entry? {
    guard var entry = entries[key], sameBytes(entry.bytes, bytes) else {
      misses += 1
      return nil
    }
    hits += 1
    entry.lastUse = parse
    entries[key] = entry
    return entry
  }

  func store(_ key: Key, _ entry: Entry) {
    var entry = entry
    entry.lastUse = parse
    entries[key] = entry
  }
}

extension Range where Bound == Int {
  func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
