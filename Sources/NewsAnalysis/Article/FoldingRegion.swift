/// A part of the article an editor can fold away.
public struct FoldingRegion: Hashable, Sendable {
  /// What the region holds.
  public enum Kind: Hashable, Sendable {
    case frontMatter, section, quote, comment, code
  }

  public var kind: Kind
  public var range: Range<Int>
}

extension Article {
  /// The front matter, every section, and quotes, comments and code blocks that span lines.
  public var foldingRegions: [FoldingRegion] {
    var regions: [FoldingRegion] = []
    if let frontMatter { regions.append(FoldingRegion(kind: .frontMatter, range: frontMatter.range)) }
    func addSections(_ sections: [Section]) {
      for section in sections {
        regions.append(FoldingRegion(kind: .section, range: section.range))
        addSections(section.subsections)
      }
    }
    addSections(sections)
    text.withUTF8Bytes { bytes in
      for block in blocks {
        let kind: FoldingRegion.Kind
        switch block.kind {
        case .quote: kind = .quote
        case .comment: kind = .comment
        case .code: kind = .code
        default: continue
        }
        if bytes[block.range].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
          regions.append(FoldingRegion(kind: kind, range: block.range))
        }
      }
    }
    return regions.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}
