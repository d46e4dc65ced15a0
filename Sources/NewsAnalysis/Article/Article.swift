/// The file formats Dateline reads.
public enum ArticleFormat: String, Sendable, Codable {
  /// `.news` and `.md`: front matter, `#` headings, Pandoc entity annotations.
  case markdown
  /// `.txt`: text pasted from a web page; structure is inferred from the lines.
  case plainText

  /// The format for an LSP `languageId`, or nil for a language Dateline does not read.
  public init?(languageId: String) {
    switch languageId.lowercased() {
    case "news", "markdown", "md", "pandoc", "quarto", "rmd": self = .markdown
    case "plaintext", "text", "txt": self = .plainText
    default: return nil
    }
  }

  /// The format for a file name, from its extension; Markdown for an unknown one.
  public init(path: String) {
    let lowercased = path.lowercased()
    self = lowercased.hasSuffix(".txt") || lowercased.hasSuffix(".text") ? .plainText : .markdown
  }
}

/// A news article read into its parts. Every range is a range of UTF-8 offsets into the text it
/// was parsed from.
public struct Article: Sendable {
  public var format: ArticleFormat
  /// The text the article was parsed from.
  public var text: String
  public var frontMatter: FrontMatter?
  /// A one-word category line above the headline (plain text), such as "France".
  public var kicker: TextSpan?
  /// The `#` heading (or, in plain text, the first line that reads as a title).
  public var headline: Heading?
  /// The index in `blocks` of the first paragraph after the headline.
  public var standfirstIndex: Int?
  /// The `##` sections, with their `###` subsections nested.
  public var sections: [Section]
  /// Every block, in order.
  public var blocks: [Block]
  /// The entity annotations (`[Moscou]{#moscou .place}`) that parsed.
  public var annotations: [EntityAnnotation]
  /// What is wrong in the markup: malformed or unknown annotations.
  public var problems: [MarkupProblem]
  /// Ranges that are not prose and that checks skip (code, URLs, markup, front matter keys…),
  /// sorted and disjoint.
  public var nonProse: [Range<Int>]
  /// The words, numbers and punctuation of every block's prose, in order.
  public var tokens: [Token]

  /// Words in the article's prose (front matter excluded).
  public var wordCount: Int {
    blocks.lazy.filter { $0.kind != .frontMatter }.reduce(0) { $0 + $1.wordCount }
  }

  /// The sentences of a block, as ranges of indices into `tokens`.
  public func sentences(inBlock index: Int) -> [Range<Int>] {
    text.withUTF8Bytes { SentenceSplitter.sentences(tokens[blocks[index].tokens], in: $0) }
  }

  /// The `lang` of the front matter, if any (`fr`, `en-GB`).
  public var declaredLanguage: String? { frontMatter?.value(for: "lang") }

  /// The paragraph after the headline.
  public var standfirst: Block? { standfirstIndex.map { blocks[$0] } }

  /// The text of a range.
  public func text(of range: Range<Int>) -> String {
    text.withUTF8Bytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }
}

/// A range of text and the text itself.
public struct TextSpan: Hashable, Sendable {
  public var range: Range<Int>
  public var text: String

  public init(range: Range<Int>, text: String) {
    self.range = range
    self.text = text
  }
}

/// A heading: the headline (level 1), a section (2), a subsection (3) and deeper.
public struct Heading: Hashable, Sendable {
  public var level: Int
  /// The whole heading line, markers included.
  public var lineRange: Range<Int>
  /// The heading's text, without `#` markers or an underline.
  public var title: TextSpan
}

/// A section: its heading and everything up to the next heading of the same or a higher level.
public struct Section: Hashable, Sendable {
  public var heading: Heading
  /// From the heading's first byte to the end of the section's last non-blank line.
  public var range: Range<Int>
  public var subsections: [Section]
  /// Words in the section, subsections included.
  public var wordCount: Int
}

/// What a block of the article is.
public enum BlockKind: Hashable, Sendable {
  case frontMatter
  case kicker
  case heading(level: Int)
  case paragraph
  case quote
  case listItem
  case code
  case comment
  /// Lines around the article that belong to the web page it was pasted from (plain text).
  case boilerplate
  case thematicBreak
}

/// A block: a run of lines of one kind.
public struct Block: Hashable, Sendable {
  public var kind: BlockKind
  /// The block's lines, without the final line break.
  public var range: Range<Int>
  /// The parts of the block that are prose, in order, without markup and non-prose spans.
  public var prose: [Range<Int>]
  /// The block's tokens, as indices into `Article.tokens`.
  public var tokens: Range<Int>
  /// Words and numbers in the block's prose.
  public var wordCount: Int

  /// Whether checks read this block's words.
  public var isProse: Bool {
    switch kind {
    case .heading, .paragraph, .quote, .listItem, .kicker: return true
    case .frontMatter: return !prose.isEmpty
    case .code, .comment, .boilerplate, .thematicBreak: return false
    }
  }
}

/// The `key: value` lines between two `---` lines at the top of a Markdown article.
public struct FrontMatter: Hashable, Sendable {
  /// From the opening `---` to the end of the closing one.
  public var range: Range<Int>
  public var entries: [Entry]

  /// One `key: value` line.
  public struct Entry: Hashable, Sendable {
    public var key: TextSpan
    public var value: TextSpan
  }

  /// The value of `key` (case-insensitive), trimmed, or nil.
  public func value(for key: String) -> String? {
    entries.first { $0.key.text.lowercased() == key.lowercased() }?.value.text
  }
}

/// The kinds of entity an annotation can name.
public enum EntityType: String, Hashable, Sendable, CaseIterable, Codable {
  case person, organization, place, event, work, other
}

/// A Pandoc bracketed span naming an entity: `[Vladimir Poutine]{#vladimir-poutine .person}`.
public struct EntityAnnotation: Hashable, Sendable {
  /// The whole markup, brackets and braces included.
  public var range: Range<Int>
  /// The visible text inside the brackets.
  public var surface: TextSpan
  /// The knowledge-base id (`#moscou`).
  public var id: String?
  public var type: EntityType?
  /// Other `key=value` attributes (`wikidata=Q649`).
  public var attributes: [String: String]
}

/// A problem in the article's markup, reported as an error.
public struct MarkupProblem: Hashable, Sendable {
  public var range: Range<Int>
  public var message: String
  /// A stable rule id: `annotation-syntax`, `annotation-type`.
  public var rule: String
}

extension EntityAnnotation {
  /// The same annotation, its offsets moved by `offset`.
  func shifted(by offset: Int) -> EntityAnnotation {
    var copy = self
    copy.range = range.shifted(by: offset)
    copy.surface.range = surface.range.shifted(by: offset)
    return copy
  }
}
