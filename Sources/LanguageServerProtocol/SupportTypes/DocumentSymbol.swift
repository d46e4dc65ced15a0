/// The kind of a symbol. An open set in LSP (an integer), so a struct rather than an enum.
public struct SymbolKind: RawRepresentable, Codable, Hashable, Sendable {
  public var rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let file = SymbolKind(rawValue: 1)
  public static let module = SymbolKind(rawValue: 2)
  public static let namespace = SymbolKind(rawValue: 3)
  public static let package = SymbolKind(rawValue: 4)
  public static let `class` = SymbolKind(rawValue: 5)
  public static let string = SymbolKind(rawValue: 15)
  public static let number = SymbolKind(rawValue: 16)
  public static let key = SymbolKind(rawValue: 20)
  public static let event = SymbolKind(rawValue: 24)
}

/// A node of a document's outline, with its children (hierarchical clients).
public struct DocumentSymbol: Codable, Hashable, Sendable {
  public var name: String
  public var detail: String?
  public var kind: SymbolKind
  /// The whole extent of the node (a section with its paragraphs).
  public var range: LSPRange
  /// What to select and reveal (the heading text).
  public var selectionRange: LSPRange
  public var children: [DocumentSymbol]?

  public init(
    name: String, detail: String?, kind: SymbolKind, range: LSPRange, selectionRange: LSPRange,
    children: [DocumentSymbol]?
  ) {
    self.name = name
    self.detail = detail
    self.kind = kind
    self.range = range
    self.selectionRange = selectionRange
    self.children = children
  }
}

/// A flat outline entry, for clients without hierarchical document symbols.
public struct SymbolInformation: Codable, Hashable, Sendable {
  public var name: String
  public var kind: SymbolKind
  public var location: Location
  public var containerName: String?

  public init(name: String, kind: SymbolKind, location: Location, containerName: String?) {
    self.name = name
    self.kind = kind
    self.location = location
    self.containerName = containerName
  }
}

/// A foldable region of lines.
public struct FoldingRange: Codable, Hashable, Sendable {
  public var startLine: Int
  public var startCharacter: Int?
  public var endLine: Int
  public var endCharacter: Int?
  public var kind: FoldingRangeKind?
  public var collapsedText: String?

  public init(
    startLine: Int, startCharacter: Int? = nil, endLine: Int, endCharacter: Int? = nil,
    kind: FoldingRangeKind? = nil, collapsedText: String? = nil
  ) {
    self.startLine = startLine
    self.startCharacter = startCharacter
    self.endLine = endLine
    self.endCharacter = endCharacter
    self.kind = kind
    self.collapsedText = collapsedText
  }
}

/// What a folding range holds; an open set of strings.
public struct FoldingRangeKind: RawRepresentable, Codable, Hashable, Sendable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let comment = FoldingRangeKind(rawValue: "comment")
  public static let imports = FoldingRangeKind(rawValue: "imports")
  public static let region = FoldingRangeKind(rawValue: "region")
}
