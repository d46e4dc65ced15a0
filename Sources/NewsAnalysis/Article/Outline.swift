/// A node of an article's outline: the headline at the root, sections and subsections below it.
public struct OutlineNode: Hashable, Sendable {
  /// What the node is.
  public enum Kind: String, Hashable, Sendable {
    case headline, section, subsection
  }

  public var kind: Kind
  /// The heading as a reader sees it: an entity annotation shows only its text
  /// (`[Poutine]{.person} à Moscou` reads `Poutine à Moscou`).
  public var title: String
  /// The whole extent: for the headline, the article from the headline on; for a section, its heading
  /// and body.
  public var range: Range<Int>
  /// The heading's text.
  public var titleRange: Range<Int>
  public var wordCount: Int
  public var children: [OutlineNode]
}

extension Article {
  /// The outline: the headline (or, without one, the front matter title) with the sections nested
  /// under it; sections at the top when there is neither.
  public var outline: [OutlineNode] {
    let sectionNodes = sections.map { node(for: $0, depth: 0) }
    let bodyEnd = blocks.last { $0.kind != .frontMatter }?.range.upperBound ?? text.utf8.count
    if let headline {
      return [
        OutlineNode(
          kind: .headline, title: visibleText(of: headline.title.range), range: headline.lineRange.lowerBound..<max(bodyEnd, headline.lineRange.upperBound),
          titleRange: headline.title.range, wordCount: wordCount, children: sectionNodes)
      ]
    }
    if let title = frontMatter?.entries.first(where: { $0.key.text.lowercased() == "title" })?.value, !title.text.isEmpty {
      return [
        OutlineNode(
          kind: .headline, title: visibleText(of: title.range), range: title.range.lowerBound..<max(bodyEnd, title.range.upperBound),
          titleRange: title.range, wordCount: wordCount, children: sectionNodes)
      ]
    }
    return sectionNodes
  }

  private func node(for section: Section, depth: Int) -> OutlineNode {
    OutlineNode(
      kind: depth == 0 ? .section : .subsection, title: visibleText(of: section.heading.title.range), range: section.range,
      titleRange: section.heading.title.range, wordCount: section.wordCount,
      children: section.subsections.map { node(for: $0, depth: depth + 1) })
  }

  /// The text of `range` with the markup of the entity annotations inside it replaced by their text.
  func visibleText(of range: Range<Int>) -> String {
    var result = ""
    var cursor = range.lowerBound
    // Annotations are in text order: skip to the first one that can fall in `range`.
    var low = 0
    var high = annotations.count
    while low < high {
      let middle = (low + high) / 2
      if annotations[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    for annotation in annotations[low...] {
      guard annotation.range.lowerBound < range.upperBound else { break }
      guard annotation.range.upperBound <= range.upperBound else { continue }
      result += text(of: cursor..<annotation.range.lowerBound) + annotation.surface.text
      cursor = annotation.range.upperBound
    }
    return result + text(of: cursor..<range.upperBound)
  }
}
