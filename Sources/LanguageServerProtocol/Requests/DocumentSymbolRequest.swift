/// `textDocument/documentSymbol`: the outline of a document.
public struct DocumentSymbolRequest: RequestType, Hashable {
  public static let method = "textDocument/documentSymbol"
  public typealias Response = DocumentSymbolResponse?

  public var textDocument: TextDocumentIdentifier
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// The outline: a tree for clients that support one, a flat list for the others.
public enum DocumentSymbolResponse: Codable, Hashable, Sendable {
  case tree([DocumentSymbol])
  case flat([SymbolInformation])

  public init(from decoder: any Decoder) throws {
    // Only a flat entry has `location`; an empty list decodes as an empty tree.
    struct Probe: Decodable { var location: Location? }
    let probes = try [Probe](from: decoder)
    if probes.contains(where: { $0.location != nil }) {
      self = .flat(try [SymbolInformation](from: decoder))
    } else {
      self = .tree(try [DocumentSymbol](from: decoder))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .tree(let symbols): try symbols.encode(to: encoder)
    case .flat(let symbols): try symbols.encode(to: encoder)
    }
  }
}
