import JSONRPC

/// A document's URI, as the client wrote it (`file:///…`, `untitled:…`).
public typealias DocumentURI = String

/// Names a document.
public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
  public var uri: DocumentURI
  public init(uri: DocumentURI) { self.uri = uri }
}

/// Names a document at a version.
public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
  public var uri: DocumentURI
  public var version: Int
  public init(uri: DocumentURI, version: Int) {
    self.uri = uri
    self.version = version
  }
}

/// Names a document at a version, or at none (`null`) for a file on disk.
public struct OptionalVersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
  public var uri: DocumentURI
  public var version: Int?

  public init(uri: DocumentURI, version: Int?) {
    self.uri = uri
    self.version = version
  }

  enum CodingKeys: String, CodingKey { case uri, version }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(uri, forKey: .uri)
    try container.encode(version, forKey: .version)  // null, not absent
  }
}

/// A document as opened by the client.
public struct TextDocumentItem: Codable, Hashable, Sendable {
  public var uri: DocumentURI
  public var languageId: String
  public var version: Int
  public var text: String

  public init(uri: DocumentURI, languageId: String, version: Int, text: String) {
    self.uri = uri
    self.languageId = languageId
    self.version = version
    self.text = text
  }
}

/// One change of a `didChange`: a range replaced by text, or (without a range) the whole new text.
public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
  public var range: LSPRange?
  /// Deprecated by LSP and ignored here: the range is authoritative.
  public var rangeLength: Int?
  public var text: String

  public init(range: LSPRange? = nil, rangeLength: Int? = nil, text: String) {
    self.range = range
    self.rangeLength = rangeLength
    self.text = text
  }
}

/// A replacement of a range by text.
public struct TextEdit: Codable, Hashable, Sendable {
  public var range: LSPRange
  public var newText: String

  public init(range: LSPRange, newText: String) {
    self.range = range
    self.newText = newText
  }
}

/// Edits to a versioned document.
public struct TextDocumentEdit: Codable, Hashable, Sendable {
  public var textDocument: OptionalVersionedTextDocumentIdentifier
  public var edits: [TextEdit]

  public init(textDocument: OptionalVersionedTextDocumentIdentifier, edits: [TextEdit]) {
    self.textDocument = textDocument
    self.edits = edits
  }
}

/// Changes to documents: the `changes` map, or `documentChanges` when the client supports them.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
  public var changes: [DocumentURI: [TextEdit]]?
  public var documentChanges: [TextDocumentEdit]?

  public init(changes: [DocumentURI: [TextEdit]]? = nil, documentChanges: [TextDocumentEdit]? = nil) {
    self.changes = changes
    self.documentChanges = documentChanges
  }
}

/// Text for people: Markdown or plain text.
public struct MarkupContent: Codable, Hashable, Sendable {
  public var kind: MarkupKind
  public var value: String

  public init(kind: MarkupKind, value: String) {
    self.kind = kind
    self.value = value
  }
}

/// The format of `MarkupContent`.
public struct MarkupKind: RawRepresentable, Codable, Hashable, Sendable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let plaintext = MarkupKind(rawValue: "plaintext")
  public static let markdown = MarkupKind(rawValue: "markdown")
}

/// A command the client can ask the server to run (`workspace/executeCommand`).
public struct Command: Codable, Hashable, Sendable {
  public var title: String
  public var command: String
  public var arguments: [JSONValue]?

  public init(title: String, command: String, arguments: [JSONValue]? = nil) {
    self.title = title
    self.command = command
    self.arguments = arguments
  }
}
