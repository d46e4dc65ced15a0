import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  /// `textDocument/documentSymbol`: the headline with its sections, as a tree for clients that
  /// support one, or as a flat list with container names.
  func documentSymbols(_ request: DocumentSymbolRequest) throws(ResponseError) -> DocumentSymbolResponse? {
    let uri = request.textDocument.uri
    guard let document = documents[uri], let analysis = analysis(of: uri) else { throw notOpen(uri) }
    let nodes = analysis.article.outline
    let kicker = analysis.article.kicker?.text
    if client.capabilities.supportsHierarchicalDocumentSymbols {
      return .tree(nodes.map { symbol(for: $0, in: document, kicker: kicker) })
    }
    var flat: [SymbolInformation] = []
    func flatten(_ node: OutlineNode, container: String?) {
      flat.append(
        SymbolInformation(
          name: name(of: node), kind: symbolKind(node.kind),
          location: Location(uri: uri, range: range(node.titleRange, in: document)), containerName: container))
      for child in node.children { flatten(child, container: name(of: node)) }
    }
    for node in nodes { flatten(node, container: nil) }
    return .flat(flat)
  }

  private func symbol(for node: OutlineNode, in document: Document, kicker: String?) -> DocumentSymbol {
    let words = node.wordCount == 1 ? "1 word" : "\(node.wordCount) words"
    let detail = node.kind == .headline && kicker != nil ? "\(kicker!) · \(words)" : words
    return DocumentSymbol(
      name: name(of: node), detail: detail, kind: symbolKind(node.kind),
      range: range(node.range, in: document), selectionRange: range(node.titleRange, in: document),
      children: node.children.map { symbol(for: $0, in: document, kicker: nil) })
  }

  /// A symbol's name: never empty, which clients reject.
  private func name(of node: OutlineNode) -> String {
    node.title.allSatisfy(\.isWhitespace) ? "(untitled)" : node.title
  }

  private func symbolKind(_ kind: OutlineNode.Kind) -> SymbolKind {
    kind == .headline ? .file : .string
  }

  /// `textDocument/foldingRange`: front matter, sections, and quotes, comments and code over several lines.
  func foldingRanges(_ request: FoldingRangeRequest) throws(ResponseError) -> [FoldingRange]? {
    let uri = request.textDocument.uri
    guard let document = documents[uri], let analysis = analysis(of: uri) else { throw notOpen(uri) }
    var result: [FoldingRange] = []
    for region in analysis.article.foldingRegions {
      let start = document.position(ofOffset: region.range.lowerBound, unit: client.unit).line
      let end = document.position(ofOffset: max(region.range.lowerBound, region.range.upperBound - 1), unit: client.unit).line
      guard end > start else { continue }
      let kind: FoldingRangeKind = region.kind == .comment ? .comment : .region
      result.append(FoldingRange(startLine: start, endLine: end, kind: kind))
    }
    if let limit = client.capabilities.foldingRangeLimit, result.count > limit { result = Array(result.prefix(limit)) }
    return result
  }

  func range(_ offsets: Range<Int>, in document: Document) -> LSPRange {
    LSPRange(
      start: document.position(ofOffset: offsets.lowerBound, unit: client.unit),
      end: document.position(ofOffset: offsets.upperBound, unit: client.unit))
  }

  func notOpen(_ uri: DocumentURI) -> ResponseError {
    ResponseError(code: .requestFailed, message: "\(uri) is not open")
  }
}
